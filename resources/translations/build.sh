#!/usr/bin/env bash
# Rebuild the window's translations.
#
#   bash resources/translations/build.sh
#
# 1. pyside6-lupdate collects every tr()/translate() string of briefbook/ui into
#    briefbook_vi.ts (all strings) and briefbook_en.ts (only the "%n item(s)" plurals
#    English needs); translations already made are kept, strings gone from the code
#    are dropped.
# 2. Translate what is new in briefbook_vi.ts (Qt Linguist, or any editor: fill the
#    <translation> elements and remove type="unfinished").
# 3. pyside6-lrelease compiles the .qm files the window loads, with qt_vi.ts: our
#    Vietnamese for the few strings of Qt itself a user sees (standard buttons, the
#    text edit's context menu, the file dialog, the print and page-setup dialogs), which Qt
#    does not ship in Vietnamese. tests/ui/test_qt_dialogs.py fails when one of their words is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
mapfile -t sources < <(find briefbook/ui -name '*.py' | sort)
pyside6-lupdate -silent -no-obsolete -locations relative -source-language en -target-language vi \
  "${sources[@]}" -ts "$here/briefbook_vi.ts"
pyside6-lupdate -silent -no-obsolete -locations relative -source-language en -target-language en -pluralonly \
  "${sources[@]}" -ts "$here/briefbook_en.ts"
for ts in briefbook_vi briefbook_en qt_vi; do
  pyside6-lrelease -silent "$here/$ts.ts" -qm "$here/$ts.qm"
done
if grep -q 'type="unfinished"' "$here/briefbook_vi.ts"; then
  echo "briefbook_vi.ts has strings still to translate:" >&2
  grep -c 'type="unfinished"' "$here/briefbook_vi.ts" >&2
  exit 1
fi
