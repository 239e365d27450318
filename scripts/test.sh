#!/usr/bin/env bash
# `make test`: set-up, a fresh throw-away database with both addons (no demo
# data), then every test in one pytest run: the addons' Odoo tests through
# pytest-odoo (with an HTTP server for HttpCase and tours) and the top-level
# tests/ (which start a real Odoo server on a copy of that database).
# Extra arguments go to pytest, e.g. scripts/test.sh -k intake.
source "$(dirname "$0")/lib.sh"

ensure_venv
"$ROOT/scripts/ensure_browser.sh"
ensure_pg

TEST_DB="${TEST_DB:-hr_ai_test}"
E2E_DB="${TEST_DB}_e2e"
CONF="$LOCAL/test.conf"
write_odoo_conf "$CONF" "$TEST_DB" 0

if [[ "${REUSE_DB:-0}" == 1 ]] && db_exists "$TEST_DB"; then
    log "Reusing database $TEST_DB (REUSE_DB=1): upgrading the addons"
    odoo_bin -c "$CONF" -d "$TEST_DB" -u "$ADDONS" --stop-after-init --log-level=warn
else
    log "Creating throw-away database $TEST_DB with both addons (no demo data)"
    dropdb --if-exists "$TEST_DB"
    odoo_bin -c "$CONF" -d "$TEST_DB" -i "$ADDONS" --without-demo=all \
        --stop-after-init --log-level=warn
fi
# The end-to-end tests run a separate server that commits: give it its own
# copy; the uninstall test gets another.
dropdb --if-exists "$E2E_DB"
createdb -T "$TEST_DB" "$E2E_DB"
UNINSTALL_DB="${TEST_DB}_uninstall"
dropdb --if-exists "$UNINSTALL_DB"
createdb -T "$TEST_DB" "$UNINSTALL_DB"
export HRAI_UNINSTALL_CONF="$LOCAL/test-uninstall.conf"
write_odoo_conf "$HRAI_UNINSTALL_CONF" "$UNINSTALL_DB" 0

export HRAI_E2E_CONF="$LOCAL/test-e2e.conf"
write_odoo_conf "$HRAI_E2E_CONF" "$E2E_DB" 0
export HRAI_ODOO_DIR="$ODOO_DIR"
mkdir -p "$LOCAL/screenshots"

log "Running tests"
cd "$ROOT"
"$PY" -m pytest --odoo-database="$TEST_DB" --odoo-config="$CONF" --odoo-http \
    --odoo-log-level=warn "$@"
