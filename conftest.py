"""Project-wide pytest hooks.

Odoo *skips* browser tests when Chromium or websocket-client is missing; a
skipped tour would let a broken UI pass CI, so such skips become failures.
"""

import pytest

BROWSER_SKIP_MARKERS = ("chrome", "chromium", "websocket", "browser")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and isinstance(report.longrepr, tuple):
        reason = str(report.longrepr[2]).lower()
        if any(marker in reason for marker in BROWSER_SKIP_MARKERS):
            report.outcome = "failed"
            report.longrepr = f"Browser test skipped ({reason}): install Chromium"
