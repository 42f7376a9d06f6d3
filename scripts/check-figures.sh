#!/usr/bin/env bash
# Checks that every figure output exists and is a valid PDF / PNG.
# Usage: scripts/check-figures.sh FIGURES_DIR [figure ...]   (default: the gallery and the three paper figures)
set -euo pipefail
dir=${1:-figures}; shift || true
figures=("$@"); [ ${#figures[@]} -gt 0 ] || figures=(gallery figure2 figure3 figure5-6)

# The panels of each paper figure are those its figure.json lists (written from
# Sources/Experiments/PanelNames.swift, which the figure commands draw exactly); the Plot
# gallery is not a paper figure and has one panel.
panels_of() {
  if [ "$1" = gallery ]; then echo "gallery 08-connection-density-vs-load"; return; fi
  local manifest="$dir/$1/figure.json"
  if [ ! -s "$manifest" ]; then echo "MISSING: $manifest" >&2; return 1; fi
  grep -o '"panels":\[[^]]*\]' "$manifest" | sed 's/^"panels"://' | tr -d '[]"' | tr ',' ' '
}

fail=0; checked=0
check_pdf() { if pdfinfo "$1" >/dev/null 2>&1; then checked=$((checked+1)); else echo "BAD PDF: $1"; fail=1; fi; }
check_png() {
  if [ -s "$1" ] && [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ]; then
    checked=$((checked+1)); else echo "BAD PNG: $1"; fail=1; fi
}
for fig in "${figures[@]}"; do
  if ! panels=$(panels_of "$fig"); then fail=1; continue; fi
  if [ -z "$panels" ]; then echo "NO PANELS listed in $dir/$fig/figure.json"; fail=1; fi
  for panel in $panels; do
    check_pdf "$dir/$fig/$panel.pdf"; check_png "$dir/$fig/$panel.png"
  done
  if [ "$fig" != gallery ]; then
    check_pdf "$dir/$fig.pdf"; check_png "$dir/$fig.png"
    if [ -s "$dir/$fig/summary.csv" ] && [ "$(wc -l < "$dir/$fig/summary.csv")" -ge 2 ]; then checked=$((checked+1));
    else echo "MISSING or empty: $dir/$fig/summary.csv"; fail=1; fi
  fi
done
echo "check-figures: $checked files checked, $([ $fail = 0 ] && echo ok || echo FAILED)"
exit $fail
