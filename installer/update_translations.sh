#!/usr/bin/env bash
# Regenerate the desk's translation sources from the code, then recompile them.
#
#   bash installer/update_translations.sh            # uses .venv/bin
#   VENV=/path/to/venv bash installer/update_translations.sh
#
# For every resources/translations/mediation_desk_<lang>.ts:
#   1. pyside6-lupdate rescans app/views/**/*.py, app/desk.py (and app/tasks.py once it exists)
#      and merges new strings into the .ts, keeping the translations already there
#      (strings no longer in the code are dropped);
#   2. pyside6-lrelease compiles it to the .qm beside it, which is shipped in the repository;
#   3. the number of unfinished messages is printed: translate them (pyside6-linguist, or edit
#      the XML), then run this script again so the .qm carries them.
# See docs/translations.md.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=${VENV:-.venv}
lupdate="$venv/bin/pyside6-lupdate"
lrelease="$venv/bin/pyside6-lrelease"
for tool in "$lupdate" "$lrelease"; do
    if [[ ! -x "$tool" ]]; then
        echo "$tool not found: install the project into $venv (bash installer/bootstrap.sh test)," >&2
        echo "or point VENV at a virtualenv with PySide6 installed." >&2
        exit 1
    fi
done

# The same files tests/gui/test_translations.py scans for tr()/translate() calls.
mapfile -t sources < <(find app/views -name '*.py' | sort)
sources+=(app/desk.py)
[[ -f app/tasks.py ]] && sources+=(app/tasks.py)

shopt -s nullglob
ts_files=(resources/translations/mediation_desk_*.ts)
if ((${#ts_files[@]} == 0)); then
    echo "No resources/translations/mediation_desk_*.ts; create one as docs/translations.md describes." >&2
    exit 1
fi

status=0
for ts in "${ts_files[@]}"; do
    lang=${ts##*/mediation_desk_}
    lang=${lang%.ts}
    # No line numbers in the .ts: they would change with every edit of a view and make
    # each commit touch the translations. The source language is Chinese.
    "$lupdate" -silent -no-obsolete -locations none \
        -source-language zh_CN -target-language "$lang" \
        "${sources[@]}" -ts "$ts"
    "$lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
    unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
    total=$(grep -c '<message' "$ts" || true)
    echo "$ts: $total messages, $unfinished unfinished"
    ((unfinished == 0)) || status=2
done
exit "$status"
