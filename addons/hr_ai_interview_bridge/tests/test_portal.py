"""Candidate portal: what a candidate sees of their own applications, and
that nothing of another candidate's (or internal data) ever shows."""

import re
from datetime import datetime, time, timedelta

from odoo import fields, http
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import AiInterviewCommon, make_payload

# Markers of data candidates must never see.
INTERNAL_STAGE_NAME = "Internal-Stage-Name-7c1"
REFUSE_REASON = "Refuse-Reason-Secret-9d2"
RECRUITER_NOTE = "Recruiter-Note-Secret-3e4"
OTHER_NAME = "Zed Other-Candidate-5f6"
OTHER_JOB = "Other-Job-Position-8a0"
DEBRIEF = "Debrief-Internal-Event-1b7"

PORTAL_STAGES = {
    # xml id: (portal label, portal sequence, announced)
    "hr_recruitment.stage_job0": ("Application received", 10, True),
    "hr_recruitment.stage_job1": ("Application review", 20, False),
    "hr_ai_interview_bridge.stage_ai_interview": ("AI interview", 30, True),
    "hr_ai_interview_bridge.stage_structured_interview": (
        "Structured interview",
        40,
        True,
    ),
    "hr_ai_interview_bridge.stage_situational_simulation": (
        "Situational exercise",
        45,
        False,
    ),
    "hr_ai_interview_bridge.stage_skills_test": ("Skills test", 50, True),
    "hr_recruitment.stage_job2": ("Interview with the team", 60, False),
    "hr_recruitment.stage_job3": ("Final interview", 70, True),
    "hr_recruitment.stage_job4": ("Offer", 80, True),
    "hr_recruitment.stage_job5": ("Welcome aboard", 90, True),
}

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
    b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
    b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


class PortalWorld(AiInterviewCommon):
    """Two portal candidates with one application each, stages labelled for
    candidates, an AI result and interviews (mixin, no tests of its own)."""

    @classmethod
    def _setup_portal_world(cls):
        cls._setup_ai_world()
        cls.stages = {}
        for xmlid, (label, sequence, visible) in PORTAL_STAGES.items():
            stage = cls.env.ref(xmlid)
            stage.write(
                {
                    "portal_label": label,
                    "portal_sequence": sequence,
                    "portal_visible": visible,
                }
            )
            cls.stages[xmlid.split(".")[1]] = stage
        cls.stages["stage_ai_interview"].name = INTERNAL_STAGE_NAME
        cls.env.company.ai_portal_show_report = True

        cls.cand_a = new_test_user(
            cls.env,
            login="portal_cand_a",
            name="Li Lei Portal",
            groups="base.group_portal",
            email="li.lei.portal@example.com",
            tz="Asia/Shanghai",
        )
        cls.cand_b = new_test_user(
            cls.env,
            login="portal_cand_b",
            name=OTHER_NAME,
            groups="base.group_portal",
            email="zed.other@example.com",
            tz="Europe/Paris",
        )
        cls.other_job.name = OTHER_JOB
        cls.app_a = cls._make_portal_applicant(cls.cand_a, cls.job)
        cls.app_b = cls._make_portal_applicant(cls.cand_b, cls.other_job)
        cls.app_a.write({"user_id": cls.officer.id, "applicant_notes": RECRUITER_NOTE})
        cls.app_b.applicant_notes = RECRUITER_NOTE

        # AI result: logic with the vendor's percentile (shown), teamwork
        # with a percentile computed among no peers (hidden).
        cls.result_a = cls._ingest_as_intake(
            make_payload(applicant={"id": cls.app_a.id}, interview_id="iv-portal-a")
        )
        cls.app_a.stage_id = cls.stages["stage_ai_interview"]
        cls.app_b.stage_id = cls.stages["stage_ai_interview"]

        day = fields.Date.today() + timedelta(days=3)
        start = datetime.combine(day, time(2, 0))  # 10:00 in Shanghai
        Event = cls.env["calendar.event"].with_context(no_mail_to_attendees=True)
        cls.event_a = Event.create(
            {
                "name": "Structured Interview - Li Lei",
                "applicant_id": cls.app_a.id,
                "partner_ids": [
                    (6, 0, (cls.cand_a.partner_id | cls.interviewer.partner_id).ids)
                ],
                "user_id": cls.interviewer.id,
                "start": start,
                "stop": start + timedelta(hours=1),
                "videocall_location": "https://meet.example.com/iv-a",
                "description": "<p>Probe teamwork weakness</p>",
            }
        )
        cls.debrief_a = Event.create(
            {
                "name": DEBRIEF,
                "applicant_id": cls.app_a.id,
                "partner_ids": [(6, 0, cls.interviewer.partner_id.ids)],
                "user_id": cls.interviewer.id,
                "start": start + timedelta(hours=2),
                "stop": start + timedelta(hours=3),
            }
        )
        cls.event_b = Event.create(
            {
                "name": "Interview - Other",
                "applicant_id": cls.app_b.id,
                "partner_ids": [(6, 0, cls.cand_b.partner_id.ids)],
                "user_id": cls.interviewer.id,
                "start": start,
                "stop": start + timedelta(hours=1),
            }
        )

    @classmethod
    def _make_portal_applicant(cls, user, job):
        candidate = cls.env["hr.candidate"].create(
            {
                "partner_name": user.name,
                "email_from": user.email,
                "partner_id": user.partner_id.id,
            }
        )
        return cls.env["hr.applicant"].create(
            {"candidate_id": candidate.id, "job_id": job.id}
        )


@tagged("post_install", "-at_install")
class TestPortalAccess(PortalWorld, HttpCase):
    """ORM level: the record rule and the field allow-list."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_portal_world()

    def test_candidate_reads_only_allowed_fields_of_own_application(self):
        mine = self.app_a.with_user(self.cand_a)
        self.assertEqual(mine.portal_stage_label, "AI interview")
        self.assertEqual(mine.portal_job_name, self.job.name)
        self.assertEqual(mine.portal_status, "ongoing")
        for field in (
            "stage_id",
            "refuse_reason_id",
            "interviewer_ids",
            "applicant_notes",
            "salary_expected",
            "priority",
            "ai_overall_score",
            "ai_result_id",
            "user_id",
        ):
            with self.subTest(field=field), self.assertRaises(AccessError):
                mine.read([field])

    def test_candidate_search_read_returns_allow_list_only(self):
        Applicant = self.env["hr.applicant"].with_user(self.cand_a)
        rows = Applicant.with_context(active_test=False).search_read([], [])
        self.assertEqual([row["id"] for row in rows], self.app_a.ids)
        self.assertLessEqual(
            set(rows[0]), set(Applicant._portal_readable_fields()) | {"id"}
        )
        self.assertNotIn(INTERNAL_STAGE_NAME, str(rows))

    def test_candidate_cannot_read_or_write_another_application(self):
        with self.assertRaises(AccessError):
            self.app_b.with_user(self.cand_a).read(["portal_stage_label"])
        with self.assertRaises(AccessError):
            self.app_a.with_user(self.cand_a).write({"portal_stage_label": "x"})
        with self.assertRaises(AccessError):
            self.app_a.with_user(self.cand_a).write({"priority": "3"})

    def test_same_company_candidates_do_not_see_each_other(self):
        company = self.env["res.partner"].create(
            {"name": "Shared Employer", "is_company": True}
        )
        (self.cand_a.partner_id | self.cand_b.partner_id).parent_id = company
        visible = self.env["hr.applicant"].with_user(self.cand_a).search([])
        self.assertEqual(visible, self.app_a)

    def test_internal_users_keep_their_access(self):
        self.assertTrue(self.app_a.with_user(self.officer).stage_id)
        self.assertEqual(
            self.app_a.with_user(self.interviewer).stage_id,
            self.stages["stage_ai_interview"],
        )

    def test_chatter_attachments_follow_the_allow_list(self):
        exe = (
            self.env["ir.attachment"]
            .with_user(self.cand_a)
            .sudo()
            .create(
                {
                    "name": "tool.exe",
                    "raw": b"MZ\x90\x00",
                    "res_model": "mail.compose.message",
                    "res_id": 0,
                }
            )
        )
        with self.assertRaises(UserError):
            self.app_a.with_user(self.cand_a).sudo().message_post(
                body="see file", attachment_ids=exe.ids, message_type="comment"
            )


@tagged("post_install", "-at_install")
class TestPortalPages(PortalWorld, HttpCase):
    """HTTP: real requests as the portal users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_portal_world()

    def setUp(self):
        super().setUp()
        self.authenticate("portal_cand_a", "portal_cand_a")

    def _url(self, applicant, suffix=""):
        return f"/my/applications/{applicant.id}{suffix}"

    def _assert_no_leak(self, body):
        for marker in (
            INTERNAL_STAGE_NAME,
            REFUSE_REASON,
            RECRUITER_NOTE,
            OTHER_NAME,
            OTHER_JOB,
            DEBRIEF,
            "Probe teamwork",
            self.interviewer.email,
        ):
            self.assertNotIn(marker, body)

    def test_home_counter(self):
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["application_count"]}
        )
        self.assertEqual(counters["application_count"], 1)
        response = self.url_open("/my")
        self.assertIn('href="/my/applications"', response.text)

    def test_list_shows_own_applications_only(self):
        response = self.url_open("/my/applications")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self._url(self.app_a), response.text)
        self.assertIn("AI interview", response.text)
        self.assertNotIn(self._url(self.app_b), response.text)
        self._assert_no_leak(response.text)

    def test_application_page(self):
        response = self.url_open(self._url(self.app_a))
        self.assertEqual(response.status_code, 200)
        body = response.text
        # Timeline: applied, current step, announced steps; hidden ones not.
        labels = re.findall(r'o_hr_ai_step_label fw-semibold">\s*([^<]+?)\s*<', body)
        self.assertEqual(labels[0], "Application received")
        self.assertIn("AI interview", labels)
        self.assertIn("Structured interview", labels)
        self.assertNotIn("Situational exercise", labels)
        self.assertNotIn("Application review", labels)
        self.assertIn("o_hr_ai_step_current", body)
        # Interview in the candidate's timezone (02:00 UTC = 10:00 Shanghai).
        self.assertIn("10:00 AM", body)
        self.assertIn("Asia/Shanghai", body)
        self.assertIn("https://meet.example.com/iv-a", body)
        self.assertIn(self._url(self.app_a, f"/interviews/{self.event_a.id}/ics"), body)
        self.assertIn("Request another time", body)
        # AI summary: vendor percentile shown, peerless computed one not.
        self.assertIn("Higher than 85% of candidates", body)
        self.assertEqual(body.count("Higher than"), 2)  # logic + overall
        # Extension point, upload form, portal chatter with the record token.
        self.assertIn('id="application_training"', body)
        self.assertIn('name="attachments"', body)
        self.assertIn('data-res_model="hr.applicant"', body)
        self.assertIn(f'data-token="{self.app_a.access_token}"', body)
        self._assert_no_leak(body)

    def _post_message(self, applicant, body, **kwargs):
        return self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": "hr.applicant",
                "thread_id": applicant.id,
                "post_data": {
                    "body": body,
                    "message_type": "comment",
                    "subtype_xmlid": "mail.mt_comment",
                },
                **kwargs,
            },
        )

    @mute_logger("odoo.http")
    def test_candidate_messages_hr_through_the_portal_chatter(self):
        token = self.app_a.sudo()._portal_ensure_token()
        self._post_message(self.app_a, "When will I hear back?", token=token)
        message = self.app_a.message_ids.filtered(
            lambda m: "When will I hear back?" in str(m.body)
        )
        self.assertEqual(message.author_id, self.cand_a.partner_id)
        self.assertEqual(message.subtype_id, self.env.ref("mail.mt_comment"))
        # Without the token (read-only access) or on another application:
        # refused, nothing posted.
        with self.assertRaises(JsonRpcException):
            self._post_message(self.app_a, "No token")
        with self.assertRaises(JsonRpcException):
            self._post_message(self.app_b, "Not mine", token=token)
        self.assertFalse(
            (self.app_a | self.app_b).message_ids.filtered(
                lambda m: "No token" in str(m.body) or "Not mine" in str(m.body)
            )
        )

    @mute_logger("odoo.http")
    def test_chatter_uploads_follow_the_allow_list(self):
        token = self.app_a.sudo()._portal_ensure_token()

        def upload(name, data):
            return self.url_open(
                "/mail/attachment/upload",
                data={
                    "csrf_token": http.Request.csrf_token(self),
                    "thread_id": self.app_a.id,
                    "thread_model": "hr.applicant",
                    "token": token,
                },
                files={"ufile": (name, data)},
            )

        refused = upload("tool.exe", b"MZ\x90\x00")
        self.assertNotEqual(refused.status_code, 200)
        self.assertFalse(
            self.env["ir.attachment"].search_count([("name", "=", "tool.exe")])
        )
        accepted = upload("portfolio.pdf", PDF)
        self.assertEqual(accepted.status_code, 200)
        self.assertEqual(
            self.env["ir.attachment"]
            .search([("name", "=", "portfolio.pdf")])
            .mapped("res_id"),
            self.app_a.ids,
        )

    def test_ai_report_follows_company_setting(self):
        self.env.company.ai_portal_show_report = False
        body = self.url_open(self._url(self.app_a)).text
        self.assertNotIn('id="ai_report"', body)
        self.assertNotIn("Higher than", body)

    def test_closed_application_says_closed_without_reason(self):
        reason = self.env["hr.applicant.refuse.reason"].create({"name": REFUSE_REASON})
        self.app_a.write({"refuse_reason_id": reason.id, "active": False})
        list_body = self.url_open("/my/applications").text
        self.assertIn("Application closed", list_body)
        body = self.url_open(self._url(self.app_a)).text
        self.assertIn("Application closed", body)
        self.assertNotIn("Request another time", body)
        self._assert_no_leak(body)

    @mute_logger("odoo.http")
    def test_other_candidates_application_is_refused(self):
        response = self.url_open(self._url(self.app_b), allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertTrue(response.headers["Location"].endswith("/my"))
        followed = self.url_open(self._url(self.app_b))
        self.assertNotIn(OTHER_JOB, followed.text)
        self.assertNotIn(OTHER_NAME, followed.text)
        missing = self.url_open("/my/applications/999999", allow_redirects=False)
        self.assertIn(missing.status_code, (302, 303))
        for url in (
            self._url(self.app_b, f"/interviews/{self.event_b.id}/ics"),
            self._url(self.app_b, f"/interviews/{self.event_b.id}/reschedule"),
            # an event of another application through one's own application
            self._url(self.app_a, f"/interviews/{self.event_b.id}/ics"),
            # an internal event of one's own application
            self._url(self.app_a, f"/interviews/{self.debrief_a.id}/ics"),
            self._url(self.app_a, f"/interviews/{self.debrief_a.id}/reschedule"),
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 404)
                self._assert_no_leak(response.text)
        response = self.url_open(
            self._url(self.app_b, "/upload"),
            data={"csrf_token": http.Request.csrf_token(self)},
            files={"attachments": ("cv.pdf", PDF, "application/pdf")},
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(
            self.env["ir.attachment"].search_count(
                [("res_model", "=", "hr.applicant"), ("res_id", "=", self.app_b.id)]
            )
        )

    def test_logged_out_visitor_is_sent_to_login(self):
        self.authenticate(None, None)
        response = self.url_open(self._url(self.app_a), allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])

    def test_ics_download(self):
        response = self.url_open(
            self._url(self.app_a, f"/interviews/{self.event_a.id}/ics")
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers["Content-Type"].startswith("text/calendar"))
        self.assertIn("BEGIN:VCALENDAR", response.text)
        self.assertIn("DTSTART", response.text)
        self.assertIn("https://meet.example.com/iv-a", response.text)
        self.assertNotIn("DESCRIPTION", response.text)
        self.assertNotIn("ATTENDEE", response.text)
        self._assert_no_leak(response.text)

    def _post_reschedule(self, **data):
        return self.url_open(
            self._url(self.app_a, f"/interviews/{self.event_a.id}/reschedule"),
            data={"csrf_token": http.Request.csrf_token(self), **data},
            allow_redirects=False,
        )

    def test_reschedule_form_validates(self):
        page = self.url_open(
            self._url(self.app_a, f"/interviews/{self.event_a.id}/reschedule")
        )
        self.assertIn('name="preferred_times"', page.text)
        response = self._post_reschedule(reason="", preferred_times="")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Please tell us why this time does not suit you.", response.text)
        self.assertIn("Please suggest one or more times", response.text)
        response = self._post_reschedule(reason="x" * 1200, preferred_times="Monday")
        self.assertIn("under 1000 characters", response.text)
        self.assertFalse(
            self.app_a.activity_ids.filtered(
                lambda a: "another interview time" in (a.summary or "")
            )
        )

    def test_reschedule_request_reaches_the_recruiter(self):
        response = self._post_reschedule(
            reason="I am travelling that day",
            preferred_times="Tuesday or Thursday afternoon",
        )
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("message=reschedule_sent", response.headers["Location"])
        activity = self.app_a.activity_ids.filtered(
            lambda a: a.summary == "Candidate asks for another interview time"
        )
        self.assertEqual(activity.user_id, self.officer)
        self.assertIn("I am travelling that day", str(activity.note))
        message = self.app_a.message_ids.filtered(
            lambda m: "Tuesday or Thursday afternoon" in str(m.body)
        )
        self.assertEqual(message.author_id, self.cand_a.partner_id)
        self.assertEqual(message.subtype_id, self.env.ref("mail.mt_comment"))
        page = self.url_open(response.headers["Location"])
        self.assertIn("Your request was sent to the recruiter", page.text)

    def test_reschedule_falls_back_to_the_jobs_recruiter(self):
        self.app_a.user_id = False
        self.job.user_id = self.manager
        self._post_reschedule(reason="Doctor appointment", preferred_times="Friday")
        activity = self.app_a.activity_ids.filtered(
            lambda a: a.summary == "Candidate asks for another interview time"
        )
        self.assertEqual(activity.user_id, self.manager)

    def test_reschedule_refused_once_started(self):
        self.event_a.write(
            {
                "start": fields.Datetime.now() - timedelta(hours=1),
                "stop": fields.Datetime.now() + timedelta(hours=1),
            }
        )
        response = self._post_reschedule(reason="Too late now", preferred_times="Mon")
        self.assertIn("can no longer be moved here", response.text)
        with self.assertRaises(UserError):
            self.app_a.with_user(self.cand_a)._portal_request_reschedule(
                self.event_a, "Too late now", "Monday"
            )

    def _upload(self, *files):
        return self.url_open(
            self._url(self.app_a, "/upload"),
            data={"csrf_token": http.Request.csrf_token(self)},
            files=[("attachments", file) for file in files],
            allow_redirects=False,
        )

    def test_upload_supplementary_material(self):
        response = self._upload(
            ("portfolio.pdf", PDF, "application/pdf"),
            ("certificate.png", PNG, "image/png"),
        )
        self.assertIn(response.status_code, (302, 303))
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", "hr.applicant"), ("res_id", "=", self.app_a.id)]
        )
        self.assertCountEqual(
            attachments.mapped("name"), ["portfolio.pdf", "certificate.png"]
        )
        self.assertEqual(attachments.create_uid, self.cand_a)
        # Recruiters read them with the application.
        self.assertEqual(len(attachments.with_user(self.officer).read(["datas"])), 2)
        page = self.url_open(response.headers["Location"]).text
        self.assertIn("portfolio.pdf", page)
        self.assertIn("your files were added", page)

    def test_upload_errors_are_explained(self):
        self.env["ir.config_parameter"].set_param(
            "hr_ai_interview_bridge.portal_upload_max_bytes", "200"
        )
        cases = [
            (("tool.exe", b"MZ\x90\x00", "application/octet-stream"), "not accepted"),
            (("archive.zip", b"PK\x03\x04", "application/zip"), "not accepted"),
            (("big.pdf", PDF + b"0" * 300, "application/pdf"), "too large"),
            (("fake.pdf", b"hello, not a pdf", "application/pdf"), "does not look"),
            (("empty.pdf", b"", "application/pdf"), "is empty"),
        ]
        for file, message in cases:
            with self.subTest(file=file[0]):
                response = self._upload(file)
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, response.text)
                self.assertIn("o_hr_ai_upload_errors", response.text)
        response = self.url_open(
            self._url(self.app_a, "/upload"),
            data={"csrf_token": http.Request.csrf_token(self)},
        )
        self.assertIn("Please choose a file to upload.", response.text)
        self.assertFalse(
            self.env["ir.attachment"].search_count(
                [("res_model", "=", "hr.applicant"), ("res_id", "=", self.app_a.id)]
            )
        )

    def test_upload_file_count_limit(self):
        self.env["ir.config_parameter"].set_param(
            "hr_ai_interview_bridge.portal_upload_max_files", "2"
        )
        self._upload(("a.pdf", PDF, "application/pdf"))
        response = self._upload(
            ("b.pdf", PDF, "application/pdf"), ("c.pdf", PDF, "application/pdf")
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("at most 2 files", response.text)

    @mute_logger("odoo.http")
    def test_upload_needs_csrf_token(self):
        response = self.url_open(
            self._url(self.app_a, "/upload"),
            data={"csrf_token": "forged"},
            files={"attachments": ("cv.pdf", PDF, "application/pdf")},
        )
        self.assertEqual(response.status_code, 400)


@tagged("post_install", "-at_install")
class TestPortalTimeline(PortalWorld, HttpCase):
    """The timeline follows the stage history, in candidate words."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_portal_world()

    def _move(self, applicant, *stage_keys):
        # Run what earlier writes left pending, so each move below is tracked.
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = applicant.with_context(tracking_disable=False, mail_notrack=False)
        for key in stage_keys:
            tracked.stage_id = self.stages[key]
            self.env.flush_all()
            self.env.cr.precommit.run()

    def test_history_with_a_skipped_stage(self):
        applicant = self.app_a
        applicant.stage_id = self.stages["stage_job0"]
        self._move(applicant, "stage_ai_interview", "stage_situational_simulation")
        steps = applicant.with_user(self.cand_a)._portal_get_timeline()
        ours = {label for label, _sequence, _visible in PORTAL_STAGES.values()}
        stage_steps = [
            (s["label"], s["state"])
            for s in steps
            if s["kind"] == "stage" and s["label"] in ours
        ]
        self.assertEqual(
            stage_steps,
            [
                ("Application received", "done"),
                ("AI interview", "done"),
                # reached, though not announced in advance
                ("Situational exercise", "current"),
                # the structured interview was skipped: not shown
                ("Skills test", "pending"),
                ("Final interview", "pending"),
                ("Offer", "pending"),
                ("Welcome aboard", "pending"),
            ],
        )
        interviews = [s for s in steps if s["kind"] == "interview"]
        self.assertTrue(interviews)
        self.assertEqual({s["state"] for s in interviews}, {"scheduled"})
        self.assertNotIn(INTERNAL_STAGE_NAME, str(steps))

    def test_unlabelled_stage_is_never_named(self):
        secret = self.env["hr.recruitment.stage"].create(
            {"name": INTERNAL_STAGE_NAME + "-2", "sequence": 3}
        )
        self.app_a.stage_id = secret
        steps = self.app_a.with_user(self.cand_a)._portal_get_timeline()
        current = [s for s in steps if s["state"] == "current"]
        self.assertEqual(current[0]["label"], "In progress")
        self.assertNotIn(INTERNAL_STAGE_NAME, str(steps))
        self.assertEqual(
            self.app_a.with_user(self.cand_a).portal_stage_label, "In progress"
        )

    def test_hired_application(self):
        self._move(self.app_a, "stage_job5")
        steps = self.app_a.with_user(self.cand_a)._portal_get_timeline()
        self.assertEqual(steps[-1]["label"], "Welcome aboard")
        self.assertEqual(steps[-1]["state"], "done")
        self.assertFalse([s for s in steps if s["state"] == "pending"])
        self.assertEqual(self.app_a.with_user(self.cand_a).portal_status, "hired")

    def test_timeline_extension_hook_is_called(self):
        Applicant = type(self.env["hr.applicant"])
        original = Applicant._portal_timeline_extra_steps

        def add_training(applicant, steps):
            steps = original(applicant, steps)
            return [
                *steps,
                {"kind": "training", "label": "Training", "state": "pending"},
            ]

        self.patch(Applicant, "_portal_timeline_extra_steps", add_training)
        steps = self.app_a.with_user(self.cand_a)._portal_get_timeline()
        self.assertEqual(steps[-1]["kind"], "training")
