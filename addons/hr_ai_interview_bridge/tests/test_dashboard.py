"""HR dashboard, pipeline analysis (stage history) and "My interviews"."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tools import SQL

from .common import AiInterviewCase

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


class TestPipelineAndDashboard(AiInterviewCase):
    """Four applicants whose stage history is backdated:

    ========  =======  ==========  =================  ==============
    name      applied  AI from     then               AI stay
    ========  =======  ==========  =================  ==============
    passer    -10 d    -9 d        structured -2 d    168 h, passed
    refused   -10 d    -9 d        refused -1 d       192 h, failed
    waiting   -5 d     -4 d        (still there)      96 h, open
    hired     -20 d    -19 d       structured -15 d,  96 h, passed
                                   hired -3 d
    ========  =======  ==========  =================  ==============
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dash_job = cls.env["hr.job"].create({"name": "Dashboard Analyst (test)"})
        cls.new_stage = cls.env.ref("hr_recruitment.stage_job0")
        cls.ai_stage = cls.env.ref("hr_ai_interview_bridge.stage_ai_interview")
        cls.structured_stage = cls.env.ref(
            "hr_ai_interview_bridge.stage_structured_interview"
        )
        cls.hired_stage = cls.env.ref("hr_recruitment.stage_job5")
        cls.now = cls.env.cr.now().replace(microsecond=0)
        reason = cls.env["hr.applicant.refuse.reason"].create({"name": "Dash test"})
        cls.passer = cls._history(
            "Passer", -10, [(cls.ai_stage, -9), (cls.structured_stage, -2)]
        )
        cls.refused = cls._history("Refused", -10, [(cls.ai_stage, -9)])
        cls.refused.write({"refuse_reason_id": reason.id, "active": False})
        cls._sql(
            "UPDATE hr_applicant SET refuse_date = %s WHERE id = %s",
            cls.now - DAY,
            cls.refused.id,
        )
        cls.waiting = cls._history("Waiting", -5, [(cls.ai_stage, -4)])
        cls.hired = cls._history(
            "Hired",
            -20,
            [(cls.ai_stage, -19), (cls.structured_stage, -15), (cls.hired_stage, -3)],
        )
        cls._sql(
            "UPDATE hr_applicant SET date_closed = %s WHERE id = %s",
            cls.now - 3 * DAY,
            cls.hired.id,
        )
        cls.mine = cls.passer | cls.refused | cls.waiting | cls.hired
        cls.env.invalidate_all()

    @classmethod
    def _sql(cls, query, *args):
        cls.env.flush_all()
        cls.env.cr.execute(SQL(query, *args))

    @classmethod
    def _history(cls, name, applied_days, moves):
        """An applicant created ``applied_days`` ago in the first stage, then
        moved through ``moves`` (stage, days ago) with tracking on."""
        applicant = cls._make_applicant(
            name, f"{name.lower()}@example.com", cls.dash_job
        )
        applicant.stage_id = cls.new_stage  # not tracked (mail disabled)
        # Run what creating it left pending, so each move below is tracked.
        cls.env.flush_all()
        cls.env.cr.precommit.run()
        tracked = applicant.with_context(tracking_disable=False, mail_notrack=False)
        for stage, _days in moves:
            tracked.stage_id = stage
            cls.env.flush_all()
            cls.env.cr.precommit.run()
        cls._sql(
            "UPDATE hr_applicant SET create_date = %s WHERE id = %s",
            cls.now + applied_days * DAY,
            applicant.id,
        )
        trackings = (
            cls.env["mail.tracking.value"]
            .sudo()
            .search(
                [
                    ("field_id.name", "=", "stage_id"),
                    ("field_id.model", "=", "hr.applicant"),
                    ("mail_message_id.model", "=", "hr.applicant"),
                    ("mail_message_id.res_id", "=", applicant.id),
                ],
                order="id",
            )
        )
        assert len(trackings) == len(moves), "one tracked move per stage change"
        for tracking, (_stage, days) in zip(trackings, moves, strict=True):
            cls._sql(
                "UPDATE mail_tracking_value SET create_date = %s WHERE id = %s",
                cls.now + days * DAY,
                tracking.id,
            )
        return applicant

    def _rows(self, **domain):
        leaves = [("applicant_id", "in", self.mine.ids)]
        leaves += [(key, "=", value) for key, value in domain.items()]
        return self.env["hr.ai.pipeline.report"].search(leaves)

    # ------------------------------------------------------------------
    # Pipeline analysis
    # ------------------------------------------------------------------
    def test_stays_follow_the_stage_history(self):
        rows = self._rows(applicant_id=self.hired.id).sorted("date_entered")
        self.assertEqual(
            rows.mapped("stage_id"),
            self.new_stage | self.ai_stage | self.structured_stage | self.hired_stage,
        )
        self.assertEqual(rows.mapped("passed"), [True, True, True, False])
        self.assertEqual([round(r.hours_in_stage) for r in rows[:3]], [24, 96, 288])
        self.assertTrue(rows[-1].is_current)
        self.assertFalse(rows[-1].pass_rate, "the hired stage has no pass rate")

    def test_ai_stage_pass_rate_and_times(self):
        ai_rows = self._rows(stage_id=self.ai_stage.id)
        by_applicant = {row.applicant_id: row for row in ai_rows}
        self.assertEqual(round(by_applicant[self.passer].hours_in_stage), 168)
        self.assertEqual(round(by_applicant[self.refused].hours_in_stage), 192)
        self.assertEqual(round(by_applicant[self.waiting].hours_in_stage), 96)
        self.assertTrue(by_applicant[self.waiting].is_current)
        self.assertFalse(by_applicant[self.waiting].decided)
        self.assertEqual(by_applicant[self.refused].application_status, "refused")
        groups = self.env["hr.ai.pipeline.report"].read_group(
            [
                ("applicant_id", "in", self.mine.ids),
                ("stage_id", "=", self.ai_stage.id),
            ],
            ["pass_rate:avg"],
            [],
        )
        # decided: passer 100, refused 0, hired 100; waiting undecided.
        self.assertAlmostEqual(groups[0]["pass_rate"], 200 / 3, places=2)

    def test_report_rights(self):
        self.assertTrue(self._rows().with_user(self.officer).read(["stage_id"]))
        for user in (self.interviewer, self.employee):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["hr.ai.pipeline.report"].with_user(user).search([])

    # ------------------------------------------------------------------
    # Dashboard
    # ------------------------------------------------------------------
    def _dashboard(self, user=None, **vals):
        Dashboard = self.env["hr.ai.dashboard"]
        if user:
            Dashboard = Dashboard.with_user(user)
        return Dashboard.create(
            dict({"period": "last_30", "job_id": self.dash_job.id}, **vals)
        )

    def test_dashboard_kpis(self):
        dashboard = self._dashboard(self.officer)
        self.assertEqual(dashboard.ai_decided_count, 3)
        self.assertAlmostEqual(dashboard.ai_pass_rate, 66.7, places=2)  # 2 of 3
        self.assertEqual(dashboard.structured_decided_count, 1)  # the hire
        self.assertEqual(dashboard.structured_pass_rate, 100.0)
        self.assertEqual(dashboard.ongoing_count, 2)  # passer, waiting
        stats = dashboard._get_stage_stats()
        ai = stats[self.ai_stage.id]
        self.assertEqual(ai["current"], 1)
        # 168, 192, 96 decided in the period, 96 running: mean 138,
        # 90th percentile (linear) 168 + 0.7 * 24 = 184.8.
        self.assertAlmostEqual(ai["avg_hours"], 138.0, places=3)
        self.assertAlmostEqual(ai["p90_hours"], 184.8, places=3)
        self.assertIn(self.ai_stage.name, dashboard.stage_stats_html)
        self.assertIn("67%", dashboard.stage_stats_html)

    def test_dashboard_week_excludes_older_decisions(self):
        week = self._dashboard(period="week")
        start, end = week._get_period_bounds()
        self.assertEqual(end - start, 7 * DAY)
        decided_in_week = [
            days for days in (-2, -1, -15) if start <= self.now + days * DAY < end
        ]
        self.assertEqual(week.ai_decided_count, len(decided_in_week))

    def test_dashboard_lists(self):
        event = self.env["calendar.event"].create(
            {
                "name": "Interview Waiting",
                "applicant_id": self.waiting.id,
                "start": fields.Datetime.now() - HOUR,
                "stop": fields.Datetime.now(),
                "partner_ids": [(6, 0, self.interviewer.partner_id.ids)],
            }
        )
        dashboard = self._dashboard()
        self.assertIn(event, dashboard.interview_ids)
        self.assertEqual(dashboard.interview_count, len(dashboard.interview_ids))
        Applicant = self.env["hr.applicant"]
        if "ai_stage_overdue" in Applicant._fields:
            self._sql(
                "UPDATE hr_applicant SET ai_stage_overdue = TRUE WHERE id = %s",
                self.waiting.id,
            )
            self.env.invalidate_all()
            self.assertEqual(self._dashboard().overdue_applicant_ids, self.waiting)
        self.assertEqual(
            self._dashboard().training_available, "training_state" in Applicant._fields
        )

    def test_dashboard_rights_and_action(self):
        action = (
            self.env["hr.ai.dashboard"].with_user(self.officer).action_open_dashboard()
        )
        self.assertEqual(action["res_model"], "hr.ai.dashboard")
        self.assertEqual(action["views"][0][1], "form")
        for user in (self.interviewer, self.employee):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._dashboard(user)
        dashboard = self._dashboard(self.officer)
        graph = dashboard.action_open_pipeline_graph()
        self.assertEqual(graph["views"][0][1], "graph")
        self.assertIn(("job_id", "=", self.dash_job.id), graph["domain"])
        self.assertEqual(
            dashboard.action_open_pass_rate_pivot()["views"][0][1], "pivot"
        )


class TestMyInterviews(AiInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        now = fields.Datetime.now()
        Event = cls.env["calendar.event"].with_context(no_mail_to_attendees=True)
        cls.mine = Event.create(
            {
                "name": "Structured interview",
                "applicant_id": cls.applicant.id,
                "partner_ids": [(6, 0, cls.interviewer.partner_id.ids)],
                "start": now + HOUR,
                "stop": now + 2 * HOUR,
                "videocall_location": "https://meet.example.com/x",
            }
        )
        cls.not_mine = Event.create(
            {
                "name": "Someone else's",
                "applicant_id": cls.applicant.id,
                "partner_ids": [(6, 0, cls.other_interviewer.partner_id.ids)],
                "start": now + HOUR,
                "stop": now + 2 * HOUR,
            }
        )
        cls.no_applicant = Event.create(
            {
                "name": "Team lunch",
                "partner_ids": [(6, 0, cls.interviewer.partner_id.ids)],
                "start": now + HOUR,
                "stop": now + 2 * HOUR,
            }
        )

    def test_my_interviews_filter(self):
        Event = self.env["calendar.event"].with_user(self.interviewer)
        action = self.env.ref(
            "hr_ai_interview_bridge.calendar_event_action_my_interviews"
        )
        self.assertTrue(action.view_mode.startswith("kanban"))
        found = Event.search([("interview_is_mine", "=", True)])
        self.assertIn(self.mine, found)
        self.assertNotIn(self.not_mine, found)
        self.assertNotIn(self.no_applicant, found)
        self.assertTrue(self.mine.with_user(self.interviewer).interview_is_mine)
        self.assertFalse(self.not_mine.with_user(self.interviewer).interview_is_mine)
        self.assertNotIn(self.mine, Event.search([("interview_is_mine", "=", False)]))

    def test_card_fields_and_buttons(self):
        event = self.mine.with_user(self.interviewer)
        self.assertEqual(event.interview_candidate_name, "Li Lei")
        self.assertEqual(event.interview_job_name, self.job.name)
        self.assertEqual(event.interview_scorecard_state, "none")
        action = event.action_open_interview_applicant()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("hr.applicant", self.applicant.id)
        )
        self.assertEqual(
            event.action_open_my_scorecard()["tag"], "display_notification"
        )
        self.applicant.interviewer_ids = False
        self.assertEqual(
            event.action_open_interview_applicant()["tag"], "display_notification"
        )

    def test_scorecard_status(self):
        if "hr.interview.scorecard" not in self.env:
            self.skipTest("scorecards not installed")
        rubric = self.env["hr.interview.rubric"].create(
            {"name": "Rubric (test)", "criterion_ids": [(0, 0, {"name": "Logic"})]}
        )
        scorecard = (
            self.env["hr.interview.scorecard"]
            .sudo()
            .create(
                {
                    "applicant_id": self.applicant.id,
                    "interviewer_id": self.interviewer.id,
                    "rubric_id": rubric.id,
                    "event_id": self.mine.id,
                }
            )
        )
        event = self.mine.with_user(self.interviewer)
        self.assertEqual(event.interview_scorecard_state, "draft")
        action = event.action_open_my_scorecard()
        self.assertEqual(action["res_id"], scorecard.id)
