"""Fixtures for the cross-addon tests: a real Odoo server in a subprocess.

`make test` prepares a copy of the test database (both addons installed, no
demo data) and writes its configuration to $HRAI_E2E_CONF; the server below
runs on it, on a free port, for the whole session.
"""

import configparser
import os
import socket
import subprocess
import sys
import time

import pytest
import requests


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def odoo_server():
    """Base URL of a running Odoo server on the end-to-end database."""
    conf = os.environ.get("HRAI_E2E_CONF")
    odoo_dir = os.environ.get("HRAI_ODOO_DIR")
    if not conf or not odoo_dir:
        pytest.fail(
            "HRAI_E2E_CONF / HRAI_ODOO_DIR unset: run the tests with `make test`"
        )
    port = _free_port()
    log_path = conf + ".log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                os.path.join(odoo_dir, "odoo-bin"),
                "-c",
                conf,
                "--http-port",
                str(port),
                "--max-cron-threads",
                "0",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                pytest.fail(f"Odoo exited with {proc.returncode}; see {log_path}")
            try:
                if requests.get(f"{base_url}/web/health", timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"Odoo did not answer within 120 s; see {log_path}")
            time.sleep(0.5)
        yield base_url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def odoo_db():
    """Name of the end-to-end database the server runs on."""
    parser = configparser.ConfigParser()
    parser.read(os.environ["HRAI_E2E_CONF"])
    return parser["options"]["db_name"]


class OdooRpc:
    """Minimal JSON-RPC client (the external API) for arranging test data."""

    def __init__(self, base_url, db, login="admin", password="admin"):
        self.base_url, self.db, self.password = base_url, db, password
        self.uid = self._call("common", "login", db, login, password)
        assert self.uid, "admin login failed"

    def _call(self, service, method, *args):
        response = requests.post(
            f"{self.base_url}/jsonrpc",
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "params": {"service": service, "method": method, "args": args},
            },
            timeout=60,
        )
        body = response.json()
        if "error" in body:
            raise RuntimeError(body["error"]["data"]["message"])
        return body["result"]

    def __call__(self, model, method, *args, **kwargs):
        return self._call(
            "object",
            "execute_kw",
            self.db,
            self.uid,
            self.password,
            model,
            method,
            list(args),
            kwargs,
        )


@pytest.fixture(scope="session")
def rpc(odoo_server, odoo_db):
    return OdooRpc(odoo_server, odoo_db)
