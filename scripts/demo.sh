#!/usr/bin/env bash
# `make demo`: set everything up, install both addons with demo data into
# $DEMO_DB (created once, upgraded only when the addons changed) and run Odoo
# in the background on http://localhost:$HTTP_PORT.
source "$(dirname "$0")/lib.sh"

ensure_venv
ensure_pg
CONF="$LOCAL/demo.conf"
write_odoo_conf "$CONF" "$DEMO_DB" "$HTTP_PORT"
PIDFILE="$LOCAL/demo.pid"
STAMP="$LOCAL/demo-addons.sha1"

if [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    [[ "$(cat "$STAMP" 2>/dev/null)" == "$(addons_hash)" ]] || { log "Addons changed: restarting"; "$ROOT/scripts/stop.sh"; }
fi

if ! db_exists "$DEMO_DB"; then
    log "Creating database $DEMO_DB with both addons and demo data (a few minutes, once)"
    odoo_bin -c "$CONF" -d "$DEMO_DB" -i "$ADDONS" --stop-after-init --log-level=warn \
        || { dropdb --if-exists "$DEMO_DB"; die "Installation failed; database dropped"; }
    addons_hash > "$STAMP"
elif [[ "$(cat "$STAMP" 2>/dev/null)" != "$(addons_hash)" ]]; then
    # Demo data is loaded at install only (an upgrade skips its <function>
    # steps and noupdate records): rebuild the demo database from scratch.
    log "Addons changed since last run: rebuilding $DEMO_DB with fresh demo data"
    dropdb "$DEMO_DB"
    odoo_bin -c "$CONF" -d "$DEMO_DB" -i "$ADDONS" --stop-after-init --log-level=warn \
        || { dropdb --if-exists "$DEMO_DB"; die "Installation failed; database dropped"; }
    addons_hash > "$STAMP"
fi

if ! { [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }; then
    log "Starting Odoo on port $HTTP_PORT"
    nohup "$PY" "$ODOO_DIR/odoo-bin" -c "$CONF" --logfile="$LOCAL/demo.log" >/dev/null 2>&1 &
    echo $! > "$PIDFILE"
    for _ in $(seq 1 120); do
        curl -fsS "http://127.0.0.1:$HTTP_PORT/web/health" >/dev/null 2>&1 && break
        kill -0 "$(cat "$PIDFILE")" 2>/dev/null || die "Odoo exited; see $LOCAL/demo.log"
        sleep 1
    done
    curl -fsS "http://127.0.0.1:$HTTP_PORT/web/health" >/dev/null || die "Odoo did not answer; see $LOCAL/demo.log"
fi

cat <<TXT

  Odoo is running:  http://localhost:$HTTP_PORT   (database $DEMO_DB, log $LOCAL/demo.log)

  Demo logins (login / password):
    Administrator      admin / admin
    HR manager         hr_manager / hr_manager
    Interviewer        interviewer / interviewer
    Interviewers       interviewer_data, interviewer_sales, interviewer_hr,
                       interviewer_generalist (password = login)
    Candidate (portal) candidate / candidate

  make demo-feed   post the sample vendor payloads to this server
  make stop        stop it
TXT
