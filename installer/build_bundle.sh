#!/usr/bin/env bash
# Build the station desk as a one-folder bundle with PyInstaller (installer/mediation-desk.spec):
#
#   bash installer/build_bundle.sh      # -> dist/mediation-desk/mediation-desk
#
# Uses the checkout's .venv (made by installer/bootstrap.sh) and installs PyInstaller into it
# (the `bundle` extra of pyproject.toml) if it is missing. A bundle runs only on the operating
# system and processor it was built on: build the Windows one on Windows, the ARM one on ARM.
set -euo pipefail
cd "$(dirname "$0")/.."

python=.venv/bin/python
[[ -x "$python" ]] || python=.venv/Scripts/python.exe   # Git Bash on Windows
if [[ ! -x "$python" ]]; then
    echo "No .venv in $(pwd): run 'bash installer/bootstrap.sh test' first." >&2
    exit 1
fi
if ! "$python" -c 'import PyInstaller' 2>/dev/null; then
    echo "Installing PyInstaller into .venv"
    "$python" -m pip install --quiet -e ".[bundle]"
fi
# build/pyinstaller: PyInstaller's work files, apart from setuptools' build/lib.
exec "$python" -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
    installer/mediation-desk.spec
