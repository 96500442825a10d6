#!/usr/bin/env bash
# Renders a report page in headless Chromium to a PNG, the way evaluation staff see it in a browser.
#   jobs/scripts/render-overview.sh [PAGE.html] [OUT.png]
# Defaults: the demo's overview (run the demo first) → jobs/docs/report-overview.png (the picture in the README).
# Installs Debian's chromium when it is missing (needs root and the Debian mirror).
set -euo pipefail
cd "$(dirname "$0")/../.."
page=${1:-out/demo/report/index.html}
png=${2:-jobs/docs/report-overview.png}
[[ -f $page ]] || { echo "no $page: run the demo first (README, command 1)" >&2; exit 2; }
if ! command -v chromium >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
mkdir -p "$(dirname "$png")"
# No network is needed: the page is self-contained. --no-sandbox because CI and containers run as root.
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,1700 \
  --screenshot="$(realpath -m "$png")" "file://$(realpath "$page")" 2>/dev/null
echo "wrote $png"
