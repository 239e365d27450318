"""AI cut-off advisor: the SQL figures agree with the pure maths, per role."""

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tools import SQL

from ..analytics import cutoff
from .common import AiInterviewCase

# (technical score, logic score, outcome, structured score or None)
# outcome: hired, refused, structured (moved on, scored), ongoing (AI stage)
APPLICANTS = [
    (92, 70, "hired", None),
    (85, 60, "structured", 75),
    (81, 90, "structured", 40),
    (78, 50, "hired", None),
    (70, 65, "structured", 65),
    (66, 40, "refused", None),
    (55, 80, "refused", None),
    (48, 30, "refused", None),
    (40, 55, "ongoing", None),
    (62, 35, "structured", 30),
]


class TestCutoffAdvisor(AiInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cut_job = cls.env["hr.job"].create({"name": "Cut-off Analyst (test)"})
        cls.ai_stage = cls.env.ref("hr_ai_interview_bridge.stage_ai_interview")
        cls.structured_stage = cls.env.ref(
            "hr_ai_interview_bridge.stage_structured_interview"
        )
        cls.hired_stage = cls.env.ref("hr_recruitment.stage_job5")
        cls.reason = cls.env["hr.applicant.refuse.reason"].create({"name": "Test"})
        cls.has_structured = "structured_score" in cls.env["hr.applicant"]._fields
        cls.applicants = cls.env["hr.applicant"]
        for index, (technical, logic, outcome, structured) in enumerate(APPLICANTS):
            cls.applicants |= cls._scored_applicant(
                index, technical, logic, outcome, structured
            )
        cls.env.flush_all()

    @classmethod
    def _scored_applicant(cls, index, technical, logic, outcome, structured):
        applicant = cls._make_applicant(
            f"Cut {index}", f"cut{index}@example.com", cls.cut_job
        )
        cls.env["hr.ai.interview.result"].create(
            {
                "vendor_id": cls.vendor.id,
                "interview_ref": f"iv-cut-{index}",
                "applicant_id": applicant.id,
                "job_id": cls.cut_job.id,
                "state": "done",
                "completed_at": fields.Datetime.now(),
                "overall_score": (technical + logic) / 2,
                "score_ids": [
                    Command.create(
                        {"dimension_id": cls.dims["technical"].id, "score": technical}
                    ),
                    Command.create(
                        {"dimension_id": cls.dims["logic"].id, "score": logic}
                    ),
                ],
            }
        )
        stage = {
            "hired": cls.hired_stage,
            "structured": cls.structured_stage,
        }.get(outcome, cls.ai_stage)
        applicant.stage_id = stage
        if outcome == "refused":
            applicant.write({"refuse_reason_id": cls.reason.id, "active": False})
        cls.env.flush_all()
        if structured is not None and cls.has_structured:
            cls.env.cr.execute(
                SQL(
                    "UPDATE hr_applicant SET structured_score = %s WHERE id = %s",
                    structured,
                    applicant.id,
                )
            )
        applicant.invalidate_recordset()
        return applicant

    def _expected_rows(self, column):
        """Outcome rows of APPLICANTS for score column 0 (technical) or 1."""
        rows = []
        for item in APPLICANTS:
            score, outcome, structured = item[column], item[2], item[3]
            if not self.has_structured:
                structured = None
            hired = outcome == "hired"
            successful = hired or (structured is not None and structured >= 60)
            decided = hired or outcome == "refused" or structured is not None
            reached = outcome in ("hired", "structured")
            rows.append((score, reached, successful, decided))
        return rows

    def _advice(self, user=None):
        Advisor = self.env["hr.ai.cutoff.advisor"]
        if user:
            Advisor = Advisor.with_user(user)
        results = Advisor.advise([("job_id", "=", self.cut_job.id)])
        return {item["dimension"].code: item for item in results}

    def test_sql_agrees_with_pure_maths(self):
        advice = self._advice()
        self.assertEqual(set(advice), {"technical", "logic"})
        for code, column in (("technical", 0), ("logic", 1)):
            with self.subTest(dimension=code):
                item = advice[code]
                rows = self._expected_rows(column)
                self.assertEqual(item["count"], len(APPLICANTS))
                self.assertEqual(item["bands"], cutoff.band_rates(rows))
                self.assertEqual(item["advice"], cutoff.youden_threshold(rows))
                hire_pairs = [
                    (item_[column], 1.0 if item_[2] == "hired" else 0.0)
                    for item_ in APPLICANTS
                    if item_[2] in ("hired", "refused")
                ]
                self.assertAlmostEqual(
                    item["corr_hired"],
                    cutoff.pearson(*zip(*hire_pairs, strict=True)),
                    places=6,
                )
                self.assertEqual(item["hire_decided_count"], len(hire_pairs))

    def test_technical_advice_worked_example(self):
        if not self.has_structured:
            self.skipTest("structured scores come with the scorecards")
        technical = self._advice()["technical"]
        # successful: 92 85 78 70; unsuccessful: 81 66 55 48 62.
        # Cut 70 keeps every successful one and cuts 4 of 5 others: J = 0.8.
        self.assertEqual(technical["advice"]["threshold"], 70.0)
        self.assertEqual(technical["advice"]["kept_successful"], 100.0)
        self.assertEqual(technical["advice"]["cut_unsuccessful"], 80.0)
        self.assertEqual(technical["advice"]["j"], 0.8)
        self.assertTrue(technical["advice"]["reliable"] is False)
        structured_pairs = [(85, 75), (81, 40), (70, 65), (62, 30)]
        self.assertAlmostEqual(
            technical["corr_structured"],
            cutoff.pearson(*zip(*structured_pairs, strict=True)),
            places=6,
        )
        self.assertEqual(technical["structured_count"], 4)
        low, mid, high = technical["bands"]
        self.assertEqual((low["count"], low["pass_rate"]), (3, 0.0))
        self.assertEqual((mid["count"], mid["pass_rate"]), (4, 75.0))
        self.assertEqual((high["count"], high["pass_rate"]), (3, 100.0))

    def test_current_routing_threshold_is_shown(self):
        self.env["hr.ai.routing.threshold"].create(
            {"code": "technical_min", "value": 77, "job_id": self.cut_job.id}
        )
        advice = self._advice()
        self.assertEqual(advice["technical"]["current_threshold"], 77)
        self.assertIsNone(advice["logic"]["current_threshold"])

    def test_screen_lines(self):
        advisor = self.env["hr.ai.cutoff.advisor"].create({"job_id": self.cut_job.id})
        advisor.action_compute()
        self.assertEqual(advisor.applicant_count, len(APPLICANTS))
        technical = advisor.line_ids.filtered(
            lambda line: line.dimension_id.code == "technical"
        )
        self.assertEqual(technical.applicant_count, len(APPLICANTS))
        self.assertEqual(technical.band_low_count, 3)
        self.assertTrue(technical.has_corr_hired)
        action = self.env["hr.ai.cutoff.advisor"].action_open_advisor(self.cut_job)
        self.assertEqual(action["res_model"], "hr.ai.cutoff.advisor")
        self.assertTrue(
            self.env["hr.ai.cutoff.advisor"].browse(action["res_id"]).line_ids
        )

    def test_date_filter(self):
        advisor = self.env["hr.ai.cutoff.advisor"].create(
            {
                "job_id": self.cut_job.id,
                "date_from": fields.Date.add(fields.Date.today(), days=1),
            }
        )
        advisor.action_compute()
        self.assertFalse(advisor.line_ids)

    def test_rights(self):
        self.assertTrue(self._advice(self.officer))
        self.assertTrue(self._advice(self.manager))
        for user in (self.interviewer, self.employee):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._advice(user)
