#!/usr/bin/env bash
# `make lint`: ruff (lint + format check) and pylint-odoo's mandatory checks.
source "$(dirname "$0")/lib.sh"

ensure_venv
cd "$ROOT"
log "ruff check"
"$VENV/bin/ruff" check addons tests scripts
log "ruff format --check"
"$VENV/bin/ruff" format --check addons tests scripts
log "pylint-odoo (mandatory checks)"
"$VENV/bin/pylint" --rcfile=setup.cfg addons/hr_ai_interview_bridge addons/hr_training_loop
log "addon README.rst up to date with readme/ fragments"
"$PY" scripts/gen_addon_readme.py --check
