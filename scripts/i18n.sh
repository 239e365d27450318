#!/usr/bin/env bash
# `make i18n`: export each addon's .pot from a database with both addons and
# their demo data, then merge it into i18n/zh_CN.po (new terms untranslated,
# obsolete ones dropped).  Translate the empty msgstr, then run `make test`:
# a test fails on any term of the .pot without a Chinese translation.
source "$(dirname "$0")/lib.sh"

ensure_venv
ensure_pg
DB="hr_ai_i18n"
CONF="$LOCAL/i18n.conf"
write_odoo_conf "$CONF" "$DB" 0
dropdb --if-exists "$DB"
log "Installing both addons with demo data in $DB"
odoo_bin -c "$CONF" -d "$DB" -i "$ADDONS" --stop-after-init --log-level=warn
for addon in ${ADDONS//,/ }; do
    mkdir -p "$ROOT/addons/$addon/i18n"
    pot="$ROOT/addons/$addon/i18n/$addon.pot"
    log "Exporting $pot"
    odoo_bin -c "$CONF" -d "$DB" --i18n-export="$pot" --modules="$addon" \
        --stop-after-init --log-level=warn
    "$PY" "$ROOT/scripts/i18n_merge.py" "$pot" "$ROOT/addons/$addon/i18n/zh_CN.po" zh_CN
done
dropdb --if-exists "$DB"
