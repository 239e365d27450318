#!/usr/bin/env bash
# `make bench`: measure the vendor endpoint of the server `make demo` runs.
source "$(dirname "$0")/lib.sh"

ensure_venv
curl -fsS "http://127.0.0.1:$HTTP_PORT/web/health" >/dev/null 2>&1 \
    || die "No server on port $HTTP_PORT: run 'make demo' first"
exec "$PY" "$ROOT/scripts/bench.py" "$@"
