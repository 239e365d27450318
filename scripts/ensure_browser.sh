#!/usr/bin/env bash
# Browser tests must run, never be skipped: Odoo skips tours silently when no
# Chromium is on PATH or websocket-client is missing.  Install what we can,
# otherwise stop with the exact command to run.
source "$(dirname "$0")/lib.sh"

find_chrome() {
    local bin
    for bin in google-chrome chromium chromium-browser google-chrome-stable; do
        command -v "$bin" >/dev/null 2>&1 && return 0
    done
    return 1
}

if ! find_chrome; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
        log "Installing Chromium for the browser tests (apt)"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null
        apt-get install -y -qq chromium >/dev/null
    fi
    find_chrome || die "Chromium is required for the browser tests. Install it with:
    sudo apt-get install -y chromium"
fi
"$PY" -c 'import websocket' 2>/dev/null \
    || die "websocket-client is required for the browser tests: $PY -m pip install websocket-client"
