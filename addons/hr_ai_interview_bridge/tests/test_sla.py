"""Waiting times: time in stage, due date, overdue and delayed interviews."""

from odoo import Command
from odoo.tests import freeze_time

from .common_planning import InterviewPlanningCase, dt

SCORES = {"technical": 90, "communication": 40, "teamwork": 55}


class TestWaitingTimes(InterviewPlanningCase):
    def cron(self):
        self.env["hr.applicant"]._cron_update_sla_flags()

    def test_due_date_and_time_in_stage(self):
        applicant = self._make_planned_applicant("Tang Yi", self.stage_structured)
        self.assertEqual(applicant.date_last_stage_update, dt("2026-03-02 06:00"))
        self.assertEqual(applicant.sla_due_at, dt("2026-03-04 06:00"))
        self.assertFalse(applicant.ai_stage_overdue)
        with freeze_time("2026-03-02 11:30:00"):
            applicant.invalidate_recordset(["time_in_stage_hours"])
            self.assertEqual(applicant.time_in_stage_hours, 5.5)
        # no target time, hired, refused: nothing is due
        self.stage_skills_test.sla_hours = 0
        applicant.stage_id = self.stage_skills_test
        self.assertFalse(applicant.sla_due_at)
        applicant.stage_id = self.stage_structured
        self.assertTrue(applicant.sla_due_at)
        applicant.action_archive()
        self.assertFalse(applicant.sla_due_at)

    def test_overdue_flags_are_refreshed_in_batch(self):
        self.stage_skills_test.sla_hours = 72
        late = self.env["hr.applicant"]
        for index in range(20):
            late |= self._make_planned_applicant(f"Late {index}", self.stage_structured)
        on_time = self.env["hr.applicant"]
        for index in range(5):
            on_time |= self._make_planned_applicant(
                f"On time {index}", self.stage_skills_test
            )
        self.env.invalidate_all()
        with freeze_time("2026-03-04 07:00:00"):
            # one search, one write per value, whatever the number of applicants
            with self.assertQueryCount(12):
                self.cron()
            overdue = self.env["hr.applicant"].search([("ai_stage_overdue", "=", True)])
            self.assertEqual(overdue & (late | on_time), late)
            # leaving the stage clears the flag at once
            late[0].stage_id = self.stage_situational
            self.assertFalse(late[0].ai_stage_overdue)
            self.assertEqual(late[0].sla_due_at, dt("2026-03-06 07:00"))
        with freeze_time("2026-03-05 07:00:00"):
            self.cron()
            self.assertTrue(all(on_time.mapped("ai_stage_overdue")))
            # a longer target time clears them again
            self.stage_skills_test.sla_hours = 96
            self.cron()
            self.assertFalse(any(on_time.mapped("ai_stage_overdue")))

    def test_search_filters(self):
        arch = self.env["hr.applicant"].get_views([(False, "search")])["views"][
            "search"
        ]["arch"]
        self.assertIn('name="ai_stage_overdue"', arch)
        self.assertIn('name="interview_delayed"', arch)


class TestDelayedInterviews(InterviewPlanningCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Scorecard = cls.env.get("hr.interview.scorecard")
        if cls.Scorecard is not None:
            cls.env["hr.interview.rubric"].create(
                {
                    "name": "Planning test rubric",
                    "kind": "structured",
                    "job_ids": [Command.set(cls.job.ids)],
                    "criterion_ids": [Command.create({"name": "Problem solving"})],
                }
            )
        cls.li = cls._make_planned_applicant(
            "Li Ming", cls.stage_structured, scores=SCORES
        )
        cls.li.with_user(cls.officer).action_schedule_interview()
        cls.event = cls.li.meeting_ids.filtered("ai_interview_stage_id")
        cls.panel = cls.data_expert | cls.hr_expert

    def cron(self):
        self.env["hr.applicant"]._cron_update_sla_flags()

    def reminders(self):
        return self.li.activity_ids.filtered(
            lambda a: a.summary == "Submit your scorecard"
        )

    def test_without_scorecards_nothing_is_delayed(self):
        if self.Scorecard is not None:
            self.Scorecard.sudo().search([("event_id", "=", self.event.id)]).unlink()
        with freeze_time("2026-03-02 12:00:00"):
            self.cron()
        self.assertFalse(self.li.interview_delayed)
        self.assertFalse(self.reminders())

    def test_delayed_interview_flagged_and_interviewers_reminded_once(self):
        if self.Scorecard is None:
            self.skipTest("the scorecard part is not installed")
        self.assertEqual(self.event.start, dt("2026-03-02 08:00"))
        scorecards = self.Scorecard.sudo().search([("event_id", "=", self.event.id)])
        self.assertEqual(scorecards.interviewer_id, self.panel)
        with freeze_time("2026-03-02 10:59:00"):  # ended 09:00, 1h59 ago
            self.cron()
        self.assertFalse(self.li.interview_delayed)
        with freeze_time("2026-03-02 11:30:00"):
            self.cron()
            self.assertTrue(self.li.interview_delayed)
            self.assertIn(
                self.li,
                self.env["hr.applicant"].search([("interview_delayed", "=", True)]),
            )
            self.assertTrue(self.event.ai_delay_reminded)
            self.assertEqual(self.reminders().user_id, self.panel)
            self.cron()
            self.assertEqual(len(self.reminders()), 2, "reminded once")
            # one scorecard in: still late for the other interviewer
            scorecards.line_ids.rating_choice = "4"
            scorecards.filtered(
                lambda s: s.interviewer_id == self.data_expert
            ).action_submit()
            self.cron()
            self.assertTrue(self.li.interview_delayed)
            scorecards.action_submit()
            self.cron()
            self.assertFalse(self.li.interview_delayed)

    def test_moving_a_late_interview_rearms_the_reminder(self):
        if self.Scorecard is None:
            self.skipTest("the scorecard part is not installed")
        with freeze_time("2026-03-02 11:30:00"):
            self.cron()
            self.assertTrue(self.li.interview_delayed)
            # it did not happen: the recruiter moves it to tomorrow
            self.event.with_user(self.officer).write(
                {"start": dt("2026-03-03 13:00"), "stop": dt("2026-03-03 14:00")}
            )
            self.assertFalse(self.event.ai_delay_reminded)
            self.assertFalse(self.li.interview_delayed)
        with freeze_time("2026-03-03 16:30:00"):
            self.cron()
            self.assertTrue(self.li.interview_delayed)
            self.assertEqual(len(self.reminders()), 4, "reminded again")
