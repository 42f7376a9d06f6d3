#!/bin/sh
# Screenshots the reproduction report with headless Chromium, to look at its layout without a
# desktop (and to attach a picture to a review). Installs Debian's chromium when missing (needs
# root, as `make deps` does for the other system packages).
#
#   scripts/screenshot-report.sh [HTML] [OUTPUT] [HEIGHT]
#     HTML    default figures/report/index.html
#     OUTPUT  default figures/report/screenshot.png
#     HEIGHT  window height in pixels, default 4000 (the page is 1400 wide; a taller window
#             shows more of it, nothing scrolls in a screenshot)
set -eu

html=${1:-figures/report/index.html}
out=${2:-figures/report/screenshot.png}
height=${3:-4000}

if [ ! -f "$html" ]; then
    echo "error: $html does not exist (make report writes it)" >&2
    exit 1
fi

browser=""
for b in chromium chromium-browser; do
    if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
if [ -z "$browser" ]; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "installing chromium (Debian package) for the screenshot" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >&2 \
            || { apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >&2; }
        browser=chromium
    else
        echo "error: chromium is missing; run as root: apt-get install -y chromium" >&2
        exit 1
    fi
fi

# Absolute paths: Chromium resolves file:// URLs and --screenshot from its own directory.
abs() { (cd "$(dirname "$1")" && printf '%s/%s\n' "$(pwd -P)" "$(basename "$1")"); }
mkdir -p "$(dirname "$out")"
html_abs=$(abs "$html")
out_abs=$(abs "$out")

# A fresh profile directory each time: a shared one may be locked by another instance.
rm -f "$out_abs"  # so a stale screenshot cannot pass for a new one
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$profile" --window-size="1400,$height" \
    --screenshot="$out_abs" "file://$html_abs" >/dev/null 2>&1 || true

if [ ! -s "$out_abs" ]; then
    echo "error: chromium wrote no screenshot to $out" >&2
    exit 1
fi
echo "$out"
