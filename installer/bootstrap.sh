#!/usr/bin/env bash
# Set up a development copy of the desk on Debian/Ubuntu, then open the demo or run the tests.
#
#   bash installer/bootstrap.sh demo   # venv + dependencies, a demo station, the desk opened on it
#   bash installer/bootstrap.sh test   # venv + dependencies, the whole test suite headless
#
# Run as root, it installs the system libraries Qt needs; otherwise it prints the apt-get line.
set -euo pipefail

mode="${1:-}"
if [[ "$mode" != "demo" && "$mode" != "test" ]]; then
    echo "usage: bash installer/bootstrap.sh demo|test" >&2
    exit 64
fi
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Python 3.11 or newer is needed as '$python' (set PYTHON=... to choose another)." >&2
    exit 1
fi

# Qt's offscreen platform, Chinese glyphs, and for a real window the xcb libraries.
packages=(libgl1 libegl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 fonts-wqy-microhei)
if [[ "$mode" == "demo" ]]; then
    packages+=(libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
               libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libx11-xcb1)
fi
if ! "$python" -c 'import ensurepip' 2>/dev/null; then
    packages+=(python3-venv)
fi
missing=()
if command -v dpkg-query >/dev/null; then
    for package in "${packages[@]}"; do
        status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
        [[ "$status" == "install ok installed" ]] || missing+=("$package")
    done
fi
if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]]; then
        echo "Installing system packages: ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    else
        echo "These system packages are missing. Install them, then run this command again:" >&2
        echo "    sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
fi

if [[ ! -x .venv/bin/python ]]; then
    "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"

if [[ "$mode" == "demo" ]]; then
    .venv/bin/mediation-desk demo --data-dir demo-station
    exec .venv/bin/mediation-desk --data-dir demo-station
fi
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "${@:2}"
