#!/usr/bin/env bash
# `make demo-feed`: sign and post the sample vendor payloads of
# data/vendor_payloads/ to the server of `make demo` (arguments go to
# scripts/demo_feed.py: --only PATTERN, --url URL).
source "$(dirname "$0")/lib.sh"

ensure_venv
exec "$PY" "$ROOT/scripts/demo_feed.py" "$@"
