#!/usr/bin/env bash
# Executes every notebook in this folder against a Polku export, as CI does (jobs' NotebooksIT calls this).
#   notebooks/run-notebooks.sh EXPORT_DIR REPORT_HTML OUT_DIR
# Installs the Debian packages it needs when they are missing (as root, or with passwordless sudo); runs with
# /usr/bin/python3 so that the Debian pandas and matplotlib are the ones used. A failing cell fails the script.
# The notebooks in the repo stay as they are (outputs cleared); the executed copies go to OUT_DIR.
set -euo pipefail
export_dir=${1:?usage: run-notebooks.sh EXPORT_DIR REPORT_HTML OUT_DIR}
report=${2:?usage: run-notebooks.sh EXPORT_DIR REPORT_HTML OUT_DIR}
out=${3:?usage: run-notebooks.sh EXPORT_DIR REPORT_HTML OUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)

packages=(jupyter-nbconvert python3-pandas python3-matplotlib python3-ipykernel python3-scipy)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then sudo=(); elif sudo -n true 2>/dev/null; then sudo=(sudo -n); else
    echo "run-notebooks: missing Debian packages ${missing[*]}; install them with: sudo apt-get install ${missing[*]}" >&2
    exit 2
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

export PATH=/usr/bin:/bin POLKU_EXPORT="$export_dir" POLKU_REPORT="$report" PYDEVD_DISABLE_FILE_VALIDATION=1
mkdir -p "$out"
for notebook in "$here"/*.ipynb; do
  echo "executing $(basename "$notebook")"
  jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 --ExecutePreprocessor.kernel_name=python3 \
    --output-dir "$out" "$notebook"
done
