#!/usr/bin/env bash
# Checks that every figure output exists and is a valid PDF / PNG.
# Usage: scripts/check-figures.sh FIGURES_DIR [figure ...]   (default: every figure listed below)
set -euo pipefail
dir=${1:-figures}; shift || true
figures=("$@"); [ ${#figures[@]} -gt 0 ] || figures=(gallery figure2 figure3 figure5-6)

# The panel names of each figure (as in docs/methods.md §6).
panels_gallery="gallery 08-connection-density-vs-load"
panels_figure2="01-snr-by-norm-exponent 02-neural-snr-vs-load 03-recall-vs-neural-noise 04-max-neural-noise-vs-z
05-synaptic-snr-vs-load 06-recall-vs-synaptic-noise 07-max-synaptic-noise-vs-z 08-connection-density-vs-load
09-surviving-weight-distribution 10-all-weight-distribution"
panels_figure3="01-recall-raster-before 02-recall-raster-after 03-noise-tolerance-before-after
04-snr-and-density-over-replay 05-weight-matrix-before 06-weight-matrix-after 07-factor-correlation-and-trajectories
08-weight-distribution-before-after 09-pruning-probability-vs-weight 10-connection-probability-vs-correlation
11-connection-strength-vs-correlation 12-tuning-curves 13-stimulus-selectivity 14-snr-gain-vs-initial-snr-by-cycles
15-snr-gain-low-vs-high-load"
panels_figure5_6="01-dw-vs-w-simulation 02-dw-vs-w-kaufman 03-cv-rank-vs-norm-exponent 04-bootstrap-illustration 05-qmin-vs-z"

fail=0; checked=0
check_pdf() { if pdfinfo "$1" >/dev/null 2>&1; then checked=$((checked+1)); else echo "BAD PDF: $1"; fail=1; fi; }
check_png() {
  if [ -s "$1" ] && [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ]; then
    checked=$((checked+1)); else echo "BAD PNG: $1"; fail=1; fi
}
for fig in "${figures[@]}"; do
  var="panels_${fig//-/_}"
  for panel in ${!var}; do
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
