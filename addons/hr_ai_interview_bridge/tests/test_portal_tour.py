"""Browser tours of the three roles, at phone size (375x667, touch) and at
desktop size, saving screenshots of the key screens.

A tour step that logs ``hr_ai_screenshot:<name>`` makes Chromium capture the
page into ``.local/screenshots/<name>_<size>.png`` (git-ignored; set
``HRAI_SCREENSHOTS_DIR`` to change it), through the DevTools protocol
connection of Odoo's ``ChromeBrowser``.
"""

import base64
import os
import pathlib
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tests.common import ChromeBrowser

from .test_portal import PortalWorld

SCREENSHOT_SIGNAL = "hr_ai_screenshot:"


def screenshots_dir():
    default = pathlib.Path(__file__).resolve().parents[3] / ".local" / "screenshots"
    return pathlib.Path(os.environ.get("HRAI_SCREENSHOTS_DIR") or default)


class TourMixin(PortalWorld):
    """The tours, run by the size-specific test classes below."""

    size_name = "desktop"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_portal_world()
        # Screens as in real life (the screenshots go to the README): plain
        # names, no leak markers, today's interview of the candidate's panel.
        cls.cand_a.name = "Li Lei"
        cls.app_a.candidate_id.partner_name = "Li Lei"
        cls.job.name = "Python Data Analyst"
        cls.debrief_a.unlink()
        cls.app_a.interviewer_ids = cls.interviewer
        now = fields.Datetime.now()
        values = {
            "start": now + timedelta(minutes=30),
            "stop": now + timedelta(minutes=90),
        }
        if "ai_interview_stage_id" in cls.event_a._fields:
            structured = cls.stages["stage_structured_interview"]
            values["ai_interview_stage_id"] = structured.id
        cls.event_a.write(values)

    def setUp(self):
        super().setUp()
        self.screenshots = []
        original = ChromeBrowser._handle_console
        test = self

        # The DevTools event names its level "type", as ChromeBrowser does.
        def handle_console(browser, type, args=None, stackTrace=None, **kw):  # pylint: disable=redefined-builtin
            first = (args or [{}])[0].get("value")
            if (
                type == "log"
                and isinstance(first, str)
                and first.startswith(SCREENSHOT_SIGNAL)
            ):
                test._capture(browser, first[len(SCREENSHOT_SIGNAL) :])
                return None
            return original(browser, type, args=args, stackTrace=stackTrace, **kw)

        self.patch(ChromeBrowser, "_handle_console", handle_console)

        if self.touch_enabled:
            # Headless Chromium keeps windows at least 500 px wide: emulate
            # the phone's viewport itself so that pages lay out at 375 px.
            width, height = (int(v) for v in self.browser_size.split("x"))
            navigate = ChromeBrowser.navigate_to

            def navigate_to(browser, url, wait_stop=False):
                browser._websocket_request(
                    "Emulation.setDeviceMetricsOverride",
                    params={
                        "width": width,
                        "height": height,
                        "deviceScaleFactor": 1,
                        "mobile": True,
                    },
                )
                return navigate(browser, url, wait_stop=wait_stop)

            self.patch(ChromeBrowser, "navigate_to", navigate_to)

    def _capture(self, browser, name):
        """Ask Chromium for a PNG of the page; written when it answers (the
        tour waits half a second after asking)."""
        target = screenshots_dir() / f"{name}_{self.size_name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)

        def save(future):
            data = future.result(timeout=0).get("data")
            if data:
                target.write_bytes(base64.b64decode(data))
                self.screenshots.append(target)

        browser._websocket_send(
            "Page.captureScreenshot", with_future=True
        ).add_done_callback(save)

    def assertScreenshots(self, *names):
        saved = {path.name for path in self.screenshots}
        for name in names:
            self.assertIn(f"{name}_{self.size_name}.png", saved)

    # ------------------------------------------------------------------
    # The three roles
    # ------------------------------------------------------------------
    def test_candidate_timeline_reschedule_upload(self):
        self.start_tour("/my", "hr_ai_portal_candidate", login="portal_cand_a")
        activity = self.app_a.activity_ids.filtered(
            lambda a: a.summary == "Candidate asks for another interview time"
        )
        self.assertEqual(activity.user_id, self.officer)
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "hr.applicant"), ("res_id", "=", self.app_a.id)]
        )
        self.assertEqual(attachment.name, "portfolio.pdf")
        self.assertScreenshots(
            "portal_timeline",
            "portal_ai_report",
            "portal_reschedule",
            "portal_documents",
        )

    def test_interviewer_opens_todays_interview(self):
        self.start_tour(
            "/odoo/my-interviews", "hr_ai_my_interviews", login="ai_interviewer"
        )
        self.assertScreenshots("my_interviews")

    def test_hr_opens_the_dashboard(self):
        self.start_tour(
            "/odoo/action-hr_ai_interview_bridge.hr_ai_dashboard_action_server",
            "hr_ai_dashboard",
            login="ai_manager",
        )
        self.assertScreenshots("dashboard")


@tagged("post_install", "-at_install")
class TestToursPhone(TourMixin, HttpCase):
    browser_size = "375x667"
    touch_enabled = True
    size_name = "phone"


@tagged("post_install", "-at_install")
class TestToursDesktop(TourMixin, HttpCase):
    size_name = "desktop"
