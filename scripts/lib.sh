#!/usr/bin/env bash
# Shared set-up steps for `make demo`, `make test`, `make lint`, `make stop`.
# Sourced, never run: every function is idempotent and quick when nothing
# changed, so the make targets can call them unconditionally.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="$ROOT/.local"            # git-ignored: Odoo clone, PG cluster, config, logs
VENV="${VENV:-$ROOT/.venv}"
PY="$VENV/bin/python"
HTTP_PORT="${HTTP_PORT:-8069}"
DEMO_DB="${DEMO_DB:-hr_ai_demo}"
ODOO_BRANCH="18.0"
ODOO_GIT_URL="https://github.com/odoo/odoo.git"
ADDONS="hr_ai_interview_bridge,hr_training_loop"
PG_LOCAL_PORT="${PG_LOCAL_PORT:-5439}"
PG_SYSTEM_USER="hrai-pg"        # owner of the project-local cluster when we run as root
mkdir -p "$LOCAL"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mERROR:\033[0m %s\n' "$*" >&2; exit 1; }

# --------------------------------------------------------------------------
# Odoo source: $ODOO_SRC (checkout or git URL), else /opt/odoo/18.0, else a
# shallow clone of the official repository.  Sets ODOO_DIR.
# --------------------------------------------------------------------------
resolve_odoo_src() {
    if [[ -n "${ODOO_SRC:-}" ]]; then
        if [[ -d "$ODOO_SRC" ]]; then
            ODOO_DIR="$(cd "$ODOO_SRC" && pwd)"
        else
            ODOO_DIR="$LOCAL/odoo-src"
            if [[ ! -f "$ODOO_DIR/odoo-bin" ]]; then
                log "Cloning Odoo $ODOO_BRANCH from $ODOO_SRC"
                rm -rf "$ODOO_DIR"
                git clone --depth 1 --branch "$ODOO_BRANCH" "$ODOO_SRC" "$ODOO_DIR"
            fi
        fi
    elif [[ -f /opt/odoo/18.0/odoo-bin ]]; then
        ODOO_DIR=/opt/odoo/18.0
    else
        ODOO_DIR="$LOCAL/odoo"
        if [[ ! -f "$ODOO_DIR/odoo-bin" ]]; then
            log "Cloning Odoo $ODOO_BRANCH (shallow) from $ODOO_GIT_URL"
            rm -rf "$ODOO_DIR"
            git clone --depth 1 --branch "$ODOO_BRANCH" "$ODOO_GIT_URL" "$ODOO_DIR"
        fi
    fi
    [[ -f "$ODOO_DIR/odoo-bin" ]] || die "No Odoo source at $ODOO_DIR (set ODOO_SRC)"
    grep -q "version_info = (18, 0" "$ODOO_DIR/odoo/release.py" \
        || die "$ODOO_DIR is not Odoo 18.0"
    export ODOO_DIR
}

# --------------------------------------------------------------------------
# Virtualenv with Odoo importable (a .pth file, so the source is used in
# place) and our pinned dependencies.  Re-installs only when an input changed.
# --------------------------------------------------------------------------
pick_python() {
    local candidate
    for candidate in "${PYTHON:-}" python3.12 python3.11 python3.10 python3; do
        [[ -n "$candidate" ]] || continue
        command -v "$candidate" >/dev/null 2>&1 || continue
        if "$candidate" -c 'import sys; sys.exit(not (3, 10) <= sys.version_info[:2] <= (3, 12))' 2>/dev/null; then
            echo "$candidate"; return
        fi
    done
    die "Python 3.10, 3.11 or 3.12 is required (set PYTHON=/path/to/python3.x)"
}

ensure_venv() {
    resolve_odoo_src
    if [[ ! -x "$PY" ]]; then
        local python; python="$(pick_python)"
        log "Creating virtualenv $VENV with $python"
        "$python" -m venv "$VENV"
    fi
    local stamp="$VENV/.hrai-stamp" want
    want="$(cat "$ROOT/requirements/"*.txt | sha1sum | cut -c1-40) $ODOO_DIR"
    if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
        log "Installing Python dependencies (pinned in requirements/)"
        "$PY" -m pip install --quiet --disable-pip-version-check --upgrade pip
        "$PY" -m pip install --quiet --disable-pip-version-check \
            -r "$ROOT/requirements/odoo.txt" -r "$ROOT/requirements/dev.txt"
        local site; site="$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
        echo "$ODOO_DIR" > "$site/odoo-src.pth"
        echo "$want" > "$stamp"
    fi
}

# --------------------------------------------------------------------------
# PostgreSQL: a reachable server (PG* variables or the default socket), else a
# project-local cluster.  Exports PGHOST/PGPORT/PGUSER for psql, createdb and
# the Odoo configuration.
# --------------------------------------------------------------------------
pg_can_connect() { psql -d postgres -Atqc 'select 1' >/dev/null 2>&1; }

pg_cluster_dirs() {
    local hash; hash="$(echo -n "$ROOT" | sha1sum | cut -c1-8)"
    PG_SOCKET_DIR="/tmp/.hrai-pg-$hash"       # short: unix socket paths max ~107 chars
    PG_DATA_DIR="$LOCAL/pg/data"
    PG_LOG="$LOCAL/pg/postgres.log"
}

pg_run() {  # run a PostgreSQL server binary as the cluster owner
    if [[ "$(id -u)" == 0 ]]; then runuser -u "$PG_SYSTEM_USER" -- "$@"; else "$@"; fi
}

pg_bindir() {
    local dir
    for dir in "$(pg_config --bindir 2>/dev/null || true)" /usr/lib/postgresql/*/bin /usr/local/pgsql/bin; do
        [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && { echo "$dir"; return; }
    done
    command -v initdb >/dev/null && { dirname "$(command -v initdb)"; return; }
    die "PostgreSQL server binaries (initdb, pg_ctl) not found: install PostgreSQL (apt-get install postgresql)"
}

start_local_cluster() {
    pg_cluster_dirs
    local bindir; bindir="$(pg_bindir)"
    if [[ "$(id -u)" == 0 ]]; then
        # initdb and Odoo refuse root: the cluster belongs to an unprivileged user.
        id "$PG_SYSTEM_USER" >/dev/null 2>&1 \
            || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_SYSTEM_USER"
        if ! runuser -u "$PG_SYSTEM_USER" -- test -x "$LOCAL"; then
            # The clone lives somewhere that user cannot enter: keep the cluster outside it.
            PG_DATA_DIR="/var/tmp/hrai-pg-$(echo -n "$ROOT" | sha1sum | cut -c1-8)/data"
            PG_LOG="$(dirname "$PG_DATA_DIR")/postgres.log"
        fi
    fi
    mkdir -p "$(dirname "$PG_DATA_DIR")" "$PG_SOCKET_DIR"
    [[ "$(id -u)" == 0 ]] && chown "$PG_SYSTEM_USER" "$(dirname "$PG_DATA_DIR")" "$PG_SOCKET_DIR"
    if [[ ! -f "$PG_DATA_DIR/PG_VERSION" ]]; then
        log "Creating project-local PostgreSQL cluster in $PG_DATA_DIR"
        pg_run "$bindir/initdb" -D "$PG_DATA_DIR" -U odoo --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    export PGHOST="$PG_SOCKET_DIR" PGPORT="$PG_LOCAL_PORT" PGUSER=odoo
    if ! pg_can_connect; then
        log "Starting project-local PostgreSQL on socket $PG_SOCKET_DIR port $PGPORT"
        pg_run "$bindir/pg_ctl" -D "$PG_DATA_DIR" -l "$PG_LOG" -w -t 60 \
            -o "-k $PG_SOCKET_DIR -p $PGPORT -c listen_addresses='' -c fsync=off -c full_page_writes=off" start >/dev/null \
            || die "PostgreSQL did not start; see $PG_LOG"
    fi
    pg_can_connect || die "Cannot connect to the project-local PostgreSQL"
}

ensure_pg() {
    if [[ -n "${PGHOST:-}${PGPORT:-}${PGUSER:-}" ]] && pg_can_connect; then
        log "Using PostgreSQL from PG* variables"
    elif [[ -z "${PGHOST:-}${PGPORT:-}" ]] && pg_can_connect; then
        log "Using PostgreSQL on the default socket"
    else
        start_local_cluster
    fi
    PGUSER="${PGUSER:-$(psql -d postgres -Atqc 'select current_user')}"
    [[ "$PGUSER" != postgres ]] || die "Odoo refuses the 'postgres' role: set PGUSER to another role"
    export PGUSER
}

# --------------------------------------------------------------------------
# Odoo configuration for one database; prints the path.
# --------------------------------------------------------------------------
write_odoo_conf() {  # $1 = file, $2 = database, $3 = http port
    local conf="$1"
    cat > "$conf" <<CONF
[options]
addons_path = $ODOO_DIR/odoo/addons,$ODOO_DIR/addons,$ROOT/addons
data_dir = $LOCAL/data
db_host = ${PGHOST:-False}
db_port = ${PGPORT:-False}
db_user = $PGUSER
db_password = ${PGPASSWORD:-False}
db_name = $2
dbfilter = ^$2\$
list_db = False
http_port = $3
http_interface = 127.0.0.1
workers = 0
max_cron_threads = 1
CONF
}

odoo_bin() { "$PY" "$ODOO_DIR/odoo-bin" "$@"; }

db_exists() { psql -d postgres -Atq -l | cut -d'|' -f1 | grep -qx -- "$1"; }

addons_hash() {  # changes whenever a file of our addons changes
    (cd "$ROOT" && find addons -type f ! -name '*.pyc' -print0 | sort -z | xargs -0 sha1sum) | sha1sum | cut -c1-40
}
