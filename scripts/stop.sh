#!/usr/bin/env bash
# `make stop`: stop what `make demo` started (Odoo, and the project-local
# PostgreSQL cluster if the project started one).
source "$(dirname "$0")/lib.sh"

PIDFILE="$LOCAL/demo.pid"
if [[ -f "$PIDFILE" ]]; then
    pid="$(cat "$PIDFILE")"
    if kill -0 "$pid" 2>/dev/null; then
        log "Stopping Odoo (pid $pid)"
        kill "$pid"
        for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$PIDFILE"
fi
if [[ "${1:-}" == "--all" ]]; then
    pg_cluster_dirs
    for dir in "$PG_DATA_DIR" /var/tmp/hrai-pg-"$(echo -n "$ROOT" | sha1sum | cut -c1-8)"/data; do
        if [[ -f "$dir/postmaster.pid" ]]; then
            log "Stopping project-local PostgreSQL ($dir)"
            pg_run "$(pg_bindir)/pg_ctl" -D "$dir" -m fast stop >/dev/null || true
        fi
    done
fi
