#!/bin/sh
# Extract the interface strings (tr() and QCoreApplication.translate() in campaign_studio/gui/*.py)
# into translations/qt/campaign_studio_<code>.ts, keeping every translation already made.
#   scripts/update_ui_translations.sh        update every interface language there is
#   scripts/update_ui_translations.sh de     also start German (then translate it, e.g. in pyside6-linguist)
# Locations are left out of the .ts files, so moving code does not change them.
set -eu
cd "$(dirname "$0")/.."
LUPDATE=${LUPDATE:-.venv/bin/pyside6-lupdate}
codes="$*"
for ts in translations/qt/campaign_studio_*.ts; do
  [ -e "$ts" ] || continue
  code=${ts#translations/qt/campaign_studio_}
  codes="$codes ${code%.ts}"
done
[ -n "$codes" ] || codes="en nl ar"
for code in $(printf '%s\n' $codes | sort -u); do
  "$LUPDATE" -silent -locations none -source-language en -target-language "$code" \
    campaign_studio/gui/*.py -ts "translations/qt/campaign_studio_$code.ts"
  echo "translations/qt/campaign_studio_$code.ts"
done
