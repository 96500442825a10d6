#!/usr/bin/env bash
# Checks report pages for WCAG 2.1 A/AA with axe-core (npm registry) driven by puppeteer-core in Debian's
# Chromium, at each width, plus reflow at 320 px; jobs' AccessibilityIT calls this.
#   jobs/scripts/check-accessibility.sh WORK_DIR WIDTHS PAGE.html...   e.g. target/a11y 1280,320 out/demo/report/*.html
# Installs Debian's chromium and fonts when missing (as root, or with passwordless sudo), then the npm packages
# pinned in a11y/package-lock.json into WORK_DIR (under target/: node_modules is never committed).
set -euo pipefail
work=${1:?usage: check-accessibility.sh WORK_DIR WIDTHS PAGE.html...}
widths=${2:?usage: check-accessibility.sh WORK_DIR WIDTHS PAGE.html...}
shift 2
[ $# -gt 0 ] || { echo "usage: check-accessibility.sh WORK_DIR WIDTHS PAGE.html..." >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)

packages=(chromium fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then sudo=(); elif sudo -n true 2>/dev/null; then sudo=(sudo -n); else
    echo "check-accessibility: missing ${missing[*]}; install them with: sudo apt-get install ${missing[*]}" >&2
    exit 2
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

mkdir -p "$work"
cp "$here/a11y/package.json" "$here/a11y/package-lock.json" "$here/a11y/check.mjs" "$work/"
if ! cmp -s "$here/a11y/package-lock.json" "$work/node_modules/.package-lock.json.polku" 2>/dev/null; then
  (cd "$work" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$here/a11y/package-lock.json" "$work/node_modules/.package-lock.json.polku"
fi
pages=()
for f in "$@"; do pages+=("$(realpath "$f")"); done
cd "$work"
exec node check.mjs "$widths" "${pages[@]}"
