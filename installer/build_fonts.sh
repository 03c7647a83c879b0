#!/usr/bin/env bash
# Rebuild resources/fonts/ with installer/build_fonts.py, in a venv of its own that has fontTools.
#
#   bash installer/build_fonts.sh                  # downloads the pinned .debs with apt-get
#   bash installer/build_fonts.sh --debs DIR       # arguments go to build_fonts.py
#   FONT_VENV=/path/to/venv bash installer/build_fonts.sh
#
# fontTools is needed only here, never by the desk, so it stays out of the project's venv.
# The venv defaults to build/font-tools (ignored by git). Building takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

# The version the committed fonts were built with; another may give other (equally valid) bytes.
FONTTOOLS_VERSION=4.68.0
venv=${FONT_VENV:-build/font-tools}
python=${PYTHON:-python3}

if ! "$venv/bin/python" -c "import fontTools, sys; sys.exit(fontTools.version != '$FONTTOOLS_VERSION')" 2>/dev/null; then
    "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet "fonttools==$FONTTOOLS_VERSION"
fi
exec "$venv/bin/python" installer/build_fonts.py "$@"
