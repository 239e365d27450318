"""Schedule interview: earliest common slot, invitations, no-slot fallback,
moving the interview."""

from odoo import Command
from odoo.tests import freeze_time

from .common import make_payload
from .common_planning import InterviewPlanningCase, dt

SCORES = {"technical": 90, "communication": 40, "teamwork": 55}


class TestScheduling(InterviewPlanningCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.li = cls._make_planned_applicant(
            "Li Ming", cls.stage_structured, scores=SCORES
        )
        cls.li.action_assign_interviewers()
        cls.panel = cls.data_expert | cls.hr_expert

    def notifications(self, event):
        return self.env["mail.message"].search(
            [
                ("model", "=", "calendar.event"),
                ("res_id", "=", event.id),
                ("message_type", "=", "user_notification"),
            ]
        )

    def test_books_the_earliest_slot_where_the_panel_is_free(self):
        self.assertEqual(self.li.interview_panel_ids, self.panel)
        self._make_interview(self.hr_expert, "2026-03-02 08:00", "2026-03-02 10:00")
        self._make_interview(self.data_expert, "2026-03-02 10:00", "2026-03-02 10:30")
        result = self.li.with_user(self.officer).action_schedule_interview()
        self.assertEqual(result["params"]["type"], "success")

        event = self.planned_event(self.li)
        self.assertEqual(len(event), 1)
        self.assertEqual(
            (event.start, event.stop), (dt("2026-03-02 10:30"), dt("2026-03-02 11:30"))
        )
        self.assertEqual(event.name, "Structured Interview - Li Ming")
        self.assertEqual(event.applicant_id, self.li)
        self.assertEqual(event.res_model, "hr.applicant")
        self.assertEqual(event.res_id, self.li.id)
        self.assertEqual(event.ai_interview_stage_id, self.stage_structured)
        self.assertEqual(event.ai_interview_kind_id, self.kind_structured)
        self.assertEqual(event.user_id, self.officer, "the recruiter organizes")
        self.assertEqual(
            event.partner_ids, self.panel.partner_id | self.li.candidate_id.partner_id
        )
        self.assertEqual(event.show_as, "busy")
        self.assertEqual(event.videocall_source, "discuss")
        self.assertTrue(
            event.videocall_location.endswith(
                f"/calendar/join_videocall/{event.access_token}"
            )
        )
        note = self.li.message_ids[0]
        self.assertIn("Interview scheduled on", note.body)
        self.assertIn(f'data-oe-id="{event.id}"', note.body)

    def test_lead_time_and_half_hour_grid(self):
        with freeze_time("2026-03-02 08:10:00"):
            self.li.action_schedule_interview()
        event = self.planned_event(self.li)
        # 08:10 + 2 h lead time = 10:10, next half hour: 10:30
        self.assertEqual(event.start, dt("2026-03-02 10:30"))

    def test_working_hours_of_each_interviewer_intersect(self):
        shanghai_hours = self._make_work_hours("Test 40h (Shanghai)", "Asia/Shanghai")
        remote = self._make_interviewer(
            "remote", {"Python": 75}, work_hours=shanghai_hours, tz="Asia/Shanghai"
        )
        # Shanghai 8-12 and 13-17 = 00-04 and 05-09 UTC; with 8-12 UTC: 08-09
        slot = self.li._find_interview_slot(
            remote | self.data_expert,
            60,
            dt("2026-03-02 06:00"),
            dt("2026-03-04 06:00"),
        )
        self.assertEqual(slot, (dt("2026-03-02 08:00"), dt("2026-03-02 09:00")))
        # 90 minutes never fit in one common hour: Tuesday has the same hour
        self.assertIsNone(
            self.li._find_interview_slot(
                remote | self.data_expert,
                90,
                dt("2026-03-02 06:00"),
                dt("2026-03-04 06:00"),
            )
        )

    def test_declined_free_and_time_off(self):
        declined = self._make_interview(
            self.hr_expert, "2026-03-02 08:00", "2026-03-02 09:00"
        )
        declined.attendee_ids.state = "declined"
        self._make_interview(
            self.data_expert, "2026-03-02 08:00", "2026-03-02 09:00", show_as="free"
        )
        window = (dt("2026-03-02 06:00"), dt("2026-03-04 06:00"))
        self.assertEqual(
            self.li._find_interview_slot(self.panel, 60, *window)[0],
            dt("2026-03-02 08:00"),
        )
        employee = self.data_expert.employee_ids
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Day off",
                "resource_id": employee.resource_id.id,
                "calendar_id": self.work_hours.id,
                "date_from": dt("2026-03-02 00:00"),
                "date_to": dt("2026-03-02 23:59"),
            }
        )
        self.assertEqual(
            self.li._find_interview_slot(self.panel, 60, *window)[0],
            dt("2026-03-03 08:00"),
        )

    def test_daily_maximum_moves_to_the_next_day(self):
        # the generalist takes one interview a day and has one on Monday
        other = self._make_planned_applicant("Other", self.stage_structured)
        self._make_interview(
            self.generalist, "2026-03-02 14:00", "2026-03-02 15:00", applicant=other
        )
        slot = self.li._find_interview_slot(
            self.generalist, 60, dt("2026-03-02 06:00"), dt("2026-03-04 06:00")
        )
        self.assertEqual(slot[0], dt("2026-03-03 08:00"))
        # a plain meeting is not an interview: it only blocks its own time
        self.assertEqual(
            self.li._find_interview_slot(
                self.data_expert, 60, dt("2026-03-02 14:00"), dt("2026-03-04 06:00")
            )[0],
            dt("2026-03-02 14:00"),
        )

    def test_no_slot_within_the_target_time(self):
        self.stage_structured.sla_hours = 4  # until 10:00
        self._make_interview(self.hr_expert, "2026-03-02 08:00", "2026-03-02 09:30")
        result = self.li.with_user(self.officer).action_schedule_interview()
        self.assertEqual(result["params"]["type"], "warning")
        self.assertFalse(self.planned_event(self.li))
        activity = self.li.activity_ids
        self.assertEqual(activity.summary, "No interview slot within the target time")
        self.assertEqual(activity.user_id, self.officer)
        self.assertIn("within the 4 hours", activity.note)
        self.li.action_schedule_interview()
        self.assertEqual(len(self.li.activity_ids), 1)

    def test_invitations_use_our_templates(self):
        self.li.action_schedule_interview()
        event = self.planned_event(self.li)
        messages = self.notifications(event)
        self.assertEqual(len(messages), 3, "two interviewers and the candidate")
        self.assertFalse(
            messages.filtered(lambda m: (m.subject or "").startswith("Invitation"))
        )
        candidate = self.li.candidate_id.partner_id
        to_candidate = messages.filtered(lambda m: m.partner_ids == candidate)
        self.assertEqual(
            to_candidate.subject, "Your interview for Python Data Analyst (test)"
        )
        body = to_candidate.body
        self.assertIn(event.videocall_location, body)
        self.assertIn("Monday 2 March 2026, 08:00", body)
        self.assertIn("Reply to this email", body)
        self.assertIn(self.officer.email, body, "the recruiter to ask for another time")
        self.assertNotIn("Overall score", body, "no AI summary for the candidate")
        self.assertEqual(to_candidate.attachment_ids.name, "invitation.ics")
        to_interviewers = messages - to_candidate
        self.assertEqual(to_interviewers.partner_ids, self.panel.partner_id)
        for message in to_interviewers:
            self.assertEqual(
                message.subject, "Interview: Structured Interview - Li Ming"
            )
            self.assertIn("Overall score", message.body)
            self.assertIn("Weaknesses", message.body)
            self.assertIn("https://vendor.example/r/plan", message.body)
            self.assertIn(
                f"/mail/view?model=hr.applicant&amp;res_id={self.li.id}", message.body
            )
            self.assertIn(event.videocall_location, message.body)
        mails = self.env["mail.mail"].search([("mail_message_id", "in", messages.ids)])
        self.assertEqual(len(mails), 3, "real emails, sent after commit")
        self.assertEqual(mails.mapped("email_from"), [self.officer.email_formatted] * 3)

    def test_candidate_contact_is_created_when_missing(self):
        candidate = self.env["hr.candidate"].create({"partner_name": "No Mail"})
        applicant = self.env["hr.applicant"].create(
            {
                "candidate_id": candidate.id,
                "job_id": self.job.id,
                "stage_id": self.stage_situational.id,
            }
        )
        self.assertFalse(applicant.partner_id)
        applicant.action_schedule_interview()
        event = self.planned_event(applicant)
        self.assertEqual(candidate.partner_id.name, "No Mail")
        self.assertIn(candidate.partner_id, event.partner_ids)
        self.assertEqual(len(applicant.interview_panel_ids), 1, "assigned on the way")
        self.assertEqual(event.name, "Situational Simulation - No Mail")
        self.assertEqual(
            event.stop - event.start, dt("2026-01-01 01:30") - dt("2026-01-01 00:00")
        )

    def test_booked_once_and_not_for_the_ai_interview(self):
        self.li.action_schedule_interview()
        result = self.li.action_schedule_interview()
        self.assertEqual(len(self.planned_event(self.li)), 1)
        self.assertEqual(result["params"]["message"], "Nothing to schedule.")
        ai = self._make_planned_applicant("Ai Only", self.stage_ai)
        ai.action_schedule_interview()
        self.assertFalse(ai.meeting_ids)
        self.assertFalse(ai.activity_ids)

    def test_moving_the_interview_keeps_everything_consistent(self):
        self.li.action_schedule_interview()
        event = self.planned_event(self.li)
        event.sudo().ai_delay_reminded = True
        before = self.notifications(event)
        # an interviewer moves it (no access to the candidate needed)
        event.with_user(self.data_expert).write(
            {"start": dt("2026-03-03 13:00"), "stop": dt("2026-03-03 14:00")}
        )
        self.assertFalse(event.ai_delay_reminded, "reminders re-armed")
        self.assertIn("moved from", self.li.message_ids[0].body)
        sent = self.notifications(event) - before
        # everybody but the one who moved it, as calendar does
        self.assertEqual(
            sent.partner_ids,
            self.hr_expert.partner_id | self.li.candidate_id.partner_id,
        )
        self.assertFalse(sent.filtered(lambda m: "Date updated" in (m.subject or "")))
        for message in sent:
            self.assertIn("Tuesday 3 March 2026, 13:00", message.body)
            self.assertIn("moved", message.body)

    def test_changing_attendees_updates_the_panel(self):
        self.li.action_schedule_interview()
        event = self.planned_event(self.li)
        before = self.notifications(event)
        event.write(
            {
                "partner_ids": [
                    Command.unlink(self.hr_expert.partner_id.id),
                    Command.link(self.generalist.partner_id.id),
                ]
            }
        )
        self.assertEqual(
            self.li.interview_panel_ids, self.data_expert | self.generalist
        )
        self.assertIn(self.generalist, self.li.interviewer_ids)
        sent = self.notifications(event) - before
        self.assertEqual(sent.partner_ids, self.generalist.partner_id)
        self.assertEqual(sent.subject, "Interview: Structured Interview - Li Ming")


class TestRoutingPlansInterviews(InterviewPlanningCase):
    """The shipped routing rule plans the interview when the AI result
    arrives, run by the vendor intake's technical user."""

    def test_strong_technical_result_gets_panel_and_interview(self):
        self.env.ref("hr_ai_interview_bridge.automation_route_structured").active = True
        applicant = self._make_applicant("Zhou Jie", "zhou.jie@example.com", self.job)
        applicant.user_id = self.officer
        self.ingest(
            make_payload(
                interview_id="iv-route",
                applicant={"id": applicant.id},
                dimensions=[
                    {"code": "technical", "score": 92, "max": 100},
                    {"code": "communication", "score": 45, "max": 100},
                    {"code": "teamwork", "score": 60, "max": 100},
                ],
            )
        )
        self.assertEqual(applicant.stage_id, self.stage_structured)
        self.assertEqual(
            applicant.interview_panel_ids, self.data_expert | self.hr_expert
        )
        event = self.planned_event(applicant)
        self.assertEqual(event.start, dt("2026-03-02 08:00"))
        self.assertEqual(event.user_id, self.officer)
        self.assertEqual(len(self.notifications(event)), 3)

    def notifications(self, event):
        return self.env["mail.message"].search(
            [
                ("model", "=", "calendar.event"),
                ("res_id", "=", event.id),
                ("message_type", "=", "user_notification"),
            ]
        )
