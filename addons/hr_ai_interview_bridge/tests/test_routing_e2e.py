"""The three default routes end to end: a signed POST of an AI result to the
vendor endpoint, through the shipped automation rules, to the stage, the
interviewers, the calendar event and the invitations."""

from odoo.tests import HttpCase, tagged
from odoo.tools import html2plaintext

from .common import dumps, make_payload, signed_headers
from .common_planning import InterviewPlanningCase, dt


@tagged("post_install", "-at_install")
class TestRoutingEndToEnd(InterviewPlanningCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The fixture switched the rules off for the unit tests: these are
        # the shipped rules, switched back on.
        for xmlid in (
            "automation_route_structured",
            "automation_route_situational",
            "automation_route_review",
        ):
            cls.env.ref(f"hr_ai_interview_bridge.{xmlid}").active = True

    def post(self, applicant, **dimensions):
        payload = make_payload(
            interview_id=f"iv-e2e-{applicant.id}",
            applicant={"id": applicant.id, "email": applicant.email_from},
            overall=None,
            dimensions=[
                {"code": code, "score": score} for code, score in dimensions.items()
            ],
        )
        body = dumps(payload)
        response = self.url_open(
            "/ai_interview/v1/testvendor/results",
            data=body,
            headers=signed_headers(body),
        )
        self.assertEqual(response.status_code, 202, response.text)
        self.assertEqual(response.json()["state"], "done")
        return response.json()

    def invitations(self, event):
        return self.env["mail.message"].search(
            [
                ("model", "=", "calendar.event"),
                ("res_id", "=", event.id),
                ("message_type", "=", "user_notification"),
            ]
        )

    def new_applicant(self, name, email):
        applicant = self._make_applicant(name, email, self.job)
        applicant.user_id = self.officer
        return applicant

    def test_route_1_strong_technical_structured_interview(self):
        applicant = self.new_applicant("Route One", "route.one@example.com")
        self.post(applicant, technical=86, communication=45, teamwork=60)
        self.assertEqual(applicant.stage_id, self.stage_structured)
        # Two interviewers for a structured interview, by expertise.
        self.assertEqual(
            applicant.interview_panel_ids, self.data_expert | self.hr_expert
        )
        event = self.planned_event(applicant)
        self.assertEqual(len(event), 1)
        self.assertEqual(event.start, dt("2026-03-02 08:00"))
        self.assertIn(applicant.partner_id, event.partner_ids)
        self.assertTrue(event.videocall_location)
        sent = self.invitations(event)
        self.assertEqual(
            sent.partner_ids,
            applicant.partner_id
            | self.data_expert.partner_id
            | self.hr_expert.partner_id,
        )
        interviewer_mail = sent.filtered(
            lambda m: self.data_expert.partner_id in m.partner_ids
        )
        self.assertIn("AI interview", html2plaintext(interviewer_mail.body))
        log = applicant.ai_routing_log_ids
        self.assertEqual(log.decision, "move")
        self.assertIn("technical 86 >= 80", log.explanation)

    def test_route_2_potential_situational_simulation(self):
        applicant = self.new_applicant("Route Two", "route.two@example.com")
        self.post(applicant, technical=60, potential=75, experience=50, teamwork=70)
        self.assertEqual(applicant.stage_id, self.stage_situational)
        self.assertEqual(len(applicant.interview_panel_ids), 1)
        self.assertTrue(
            applicant.interview_panel_ids
            <= (self.sales_expert | self.hr_expert | self.generalist)
        )
        event = self.planned_event(applicant)
        self.assertEqual(len(event), 1)
        self.assertTrue(self.invitations(event))
        self.assertIn(
            "potential 75 >= 70, experience 50 < 60",
            applicant.ai_routing_log_ids.explanation,
        )

    def test_route_3_review_activity_no_interview(self):
        applicant = self.new_applicant("Route Three", "route.three@example.com")
        self.post(applicant, technical=55, potential=60, experience=80)
        self.assertEqual(applicant.stage_id, self.stage_ai)
        self.assertTrue(applicant.active)
        self.assertFalse(self.planned_event(applicant))
        activity = applicant.activity_ids.filtered(
            lambda a: a.summary == "Review AI result"
        )
        self.assertEqual(activity.user_id, self.officer)
        log = applicant.ai_routing_log_ids
        self.assertEqual(log.decision, "hold")
        self.assertIn("technical 55 < 80", log.explanation)
