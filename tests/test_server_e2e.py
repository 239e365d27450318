"""End-to-end wiring: a real Odoo server process answers over HTTP."""

import requests


def test_health_and_login_page(odoo_server):
    health = requests.get(f"{odoo_server}/web/health", timeout=10)
    assert health.status_code == 200
    assert health.json()["status"] == "pass"
    login = requests.get(f"{odoo_server}/web/login", timeout=30)
    assert login.status_code == 200
    assert 'name="login"' in login.text


def test_admin_logs_in_with_json_rpc(odoo_server, odoo_db):
    """The admin of the e2e database authenticates through /web/session."""
    session = requests.Session()
    response = session.post(
        f"{odoo_server}/web/session/authenticate",
        json={
            "jsonrpc": "2.0",
            "params": {"db": odoo_db, "login": "admin", "password": "admin"},
        },
        timeout=30,
    )
    result = response.json()["result"]
    assert result["uid"] == 2
    installed = session.post(
        f"{odoo_server}/web/dataset/call_kw",
        json={
            "jsonrpc": "2.0",
            "params": {
                "model": "ir.module.module",
                "method": "search_count",
                "args": [
                    [
                        ["name", "in", ["hr_ai_interview_bridge", "hr_training_loop"]],
                        ["state", "=", "installed"],
                    ]
                ],
                "kwargs": {},
            },
        },
        timeout=30,
    ).json()["result"]
    assert installed == 2
