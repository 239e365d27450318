"""Both addons uninstall cleanly from a database where they are installed."""

import os
import subprocess
import sys

import pytest

SCRIPT = """
Module = env["ir.module.module"]
addons = Module.search([("name", "in", ["hr_training_loop", "hr_ai_interview_bridge"])])
assert set(addons.mapped("state")) == {"installed"}, addons.mapped("state")
addons.button_immediate_uninstall()
env.cr.commit()
env.invalidate_all()
print("STATES", sorted(addons.mapped("state")))
print("MODELS", env["ir.model"].search_count([("model", "in", [
    "hr.ai.interview.result", "hr.interview.scorecard", "hr.applicant.skill.gap"])]))
env.cr.execute(
    "SELECT count(*) FROM information_schema.columns "
    "WHERE table_name = 'hr_applicant' AND column_name = 'ai_result_id'"
)
print("COLUMNS", env.cr.fetchone()[0])
print("RULES", env["base.automation"].search_count([("name", "like", "AI routing")]))
"""


def test_uninstall_both_addons():
    conf = os.environ.get("HRAI_UNINSTALL_CONF")
    odoo_dir = os.environ.get("HRAI_ODOO_DIR")
    if not conf or not odoo_dir:
        pytest.fail("HRAI_UNINSTALL_CONF unset: run the tests with `make test`")
    result = subprocess.run(
        [
            sys.executable,
            os.path.join(odoo_dir, "odoo-bin"),
            "shell",
            "-c",
            conf,
            "--no-http",
            "--log-level=warn",
        ],
        input=SCRIPT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    out = result.stdout
    assert "STATES ['uninstalled', 'uninstalled']" in out, out + result.stderr
    assert "MODELS 0" in out, out
    assert "COLUMNS 0" in out, out
    assert "RULES 0" in out, out
