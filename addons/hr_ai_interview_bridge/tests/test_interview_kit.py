"""The interview kit: focus derived from the AI scores, questions from the bank."""

from odoo import Command

from .common import make_payload
from .test_scorecard import ScorecardCase

ALGORITHM_QUESTION = "Walk me through the approach of your last algorithm project."
CONFLICT_QUESTION = "Tell me about a conflict in your team and how you resolved it."


class TestInterviewKit(ScorecardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The AI interview of BASE_PAYLOAD: logic 90, teamwork 60.
        cls.ai_result = cls._ingest_as_intake(make_payload())
        assert cls.applicant.ai_result_id == cls.ai_result
        cls.technical = cls.env["hr.interview.rubric"].create(
            {
                "name": "Analyst technical (test)",
                "kind": "technical",
                "job_ids": [cls.job.id],
                "criterion_ids": [
                    Command.create(
                        {
                            "name": "Algorithmic thinking",
                            "weight": 2,
                            "ai_dimension_id": cls.dims["logic"].id,
                            "anchor_5": "Elegant, proven approach.",
                        }
                    ),
                    Command.create({"name": "SQL"}),
                ],
            }
        )
        cls.algorithm, cls.sql = cls.technical.criterion_ids
        Question = cls.env["hr.interview.question"]
        cls.q_algorithm = Question.create(
            {
                "name": ALGORITHM_QUESTION,
                "kind": "technical",
                "criterion_ids": [cls.algorithm.id],
                "follow_ups": "What was the complexity?",
            }
        )
        cls.q_conflict = Question.create(
            {
                "name": CONFLICT_QUESTION,
                "kind": "behavioural",
                "criterion_ids": [cls.teamwork.id],
                "job_ids": [cls.job.id],
            }
        )
        cls.q_teamwork_technical = Question.create(
            {
                "name": "How do you review a colleague's code?",
                "kind": "technical",
                "sequence": 1,
                "criterion_ids": [cls.teamwork.id],
            }
        )
        cls.q_other_job = Question.create(
            {
                "name": "How do you split a commission with a colleague?",
                "criterion_ids": [cls.teamwork.id],
                "job_ids": [cls.other_job.id],
            }
        )
        cls.q_archived = Question.create(
            {
                "name": "An old teamwork question",
                "criterion_ids": [cls.teamwork.id],
                "active": False,
            }
        )
        # The technical interviewer and the HR interviewer of the example.
        cls.tech_card = cls.make_scorecard(
            cls.applicant, cls.interviewer, {}, rubric=cls.technical
        )
        cls.hr_card = cls.make_scorecard(cls.applicant, cls.other_interviewer, {})

    def test_strong_dimension_is_verified_in_practice(self):
        line = self.line(self.tech_card, self.algorithm)
        self.assertEqual(line.focus, "verify")
        self.assertEqual(line.ai_score, 90.0)
        self.assertEqual(line.suggested_question_ids[0].name, ALGORITHM_QUESTION)
        self.assertFalse(self.line(self.tech_card, self.sql).focus, "no AI link")

    def test_weak_dimension_is_probed(self):
        teamwork = self.line(self.hr_card, self.teamwork)
        self.assertEqual(teamwork.focus, "probe")
        self.assertEqual(teamwork.ai_score, 60.0)
        # behavioural first in a structured interview, other jobs' and
        # archived questions left out
        self.assertEqual(
            teamwork.suggested_question_ids.mapped("name"),
            [CONFLICT_QUESTION, "How do you review a colleague's code?"],
        )
        self.assertEqual(self.line(self.hr_card, self.reasoning).focus, "verify")
        self.assertFalse(self.line(self.hr_card, self.communication).focus)

    def test_each_interviewer_gets_their_kit(self):
        tech_kit = str(self.tech_card.with_user(self.interviewer).kit_html)
        self.assertIn(ALGORITHM_QUESTION, tech_kit)
        self.assertIn("Verify in practice", tech_kit)
        self.assertNotIn(CONFLICT_QUESTION, tech_kit)
        hr_kit = str(self.hr_card.with_user(self.other_interviewer).kit_html)
        self.assertIn(CONFLICT_QUESTION, hr_kit)
        self.assertIn("Probe", hr_kit)
        self.assertNotIn(ALGORITHM_QUESTION, hr_kit)
        self.assertNotIn("split a commission", hr_kit)
        # applicant summary and AI results
        self.assertIn("Li Lei", hr_kit)
        self.assertIn(f"/odoo/hr.applicant/{self.applicant.id}", hr_kit)
        self.assertIn("https://vendor.example/r/abc", hr_kit)
        for text in ("Logic", "Teamwork", "90", "85"):
            self.assertIn(text, hr_kit)

    def test_kit_structure(self):
        kit = self.applicant._get_interview_kit(self.rubric)
        self.assertEqual(set(kit), set(self.rubric.criterion_ids.ids))
        entry = kit[self.teamwork.id]
        self.assertEqual(entry["score"].dimension_id, self.dims["teamwork"])
        self.assertEqual(entry["focus"], "probe")
        values = self.hr_card._get_kit_values()
        self.assertEqual(
            [e["criterion"] for e in values["focus"]], [self.reasoning, self.teamwork]
        )

    def test_thresholds_are_configurable(self):
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("hr_ai_interview_bridge.kit_weak_below", "50")
        params.set_param("hr_ai_interview_bridge.kit_strong_from", "95")
        self.assertFalse(
            self.applicant._get_interview_kit(self.rubric)[self.teamwork.id]["focus"]
        )
        self.assertFalse(
            self.applicant._get_interview_kit(self.rubric)[self.reasoning.id]["focus"]
        )

    def test_dimension_found_through_the_skill(self):
        skill_type = self.env["hr.skill.type"].create({"name": "Kit (test)"})
        skill = self.env["hr.skill"].create(
            {"name": "Collaboration (test)", "skill_type_id": skill_type.id}
        )
        self.dims["teamwork"].skill_id = skill
        self.communication.skill_id = skill
        kit = self.applicant._get_interview_kit(self.rubric)
        self.assertEqual(kit[self.communication.id]["focus"], "probe")
        # questions linked by skill only are suggested too
        by_skill = self.env["hr.interview.question"].create(
            {"name": "Who do you ask for help?", "skill_ids": [skill.id]}
        )
        kit = self.applicant._get_interview_kit(self.rubric)
        self.assertIn(by_skill, kit[self.communication.id]["questions"])

    def test_without_ai_result_no_focus(self):
        newcomer = self._make_applicant("Newcomer", "new@example.com", self.job)
        kit = newcomer._get_interview_kit(self.rubric)
        self.assertFalse(any(entry["focus"] for entry in kit.values()))
        self.assertEqual(kit[self.teamwork.id]["questions"][0], self.q_conflict)
        card = self.make_scorecard(newcomer, self.interviewer, {})
        self.assertIn("No AI interview result yet", str(card.kit_html))

    def test_printable_kit(self):
        html, _format = self.env["ir.actions.report"]._render_qweb_html(
            "hr_ai_interview_bridge.hr_interview_kit_report",
            (self.tech_card | self.hr_card).ids,
        )
        html = html.decode()
        self.assertIn(ALGORITHM_QUESTION, html)
        self.assertIn(CONFLICT_QUESTION, html)
        self.assertIn("Elegant, proven approach.", html, "anchors are printed")
        self.assertIn("What was the complexity?", html, "follow-ups too")
        self.assertIn("AI Interviewer 2", html)
        action = self.hr_card.with_user(self.interviewer).action_print_kit()
        self.assertEqual(
            action["report_name"], "hr_ai_interview_bridge.report_interview_kit"
        )

    def test_interviewer_prints_their_kit(self):
        html, _format = (
            self.env["ir.actions.report"]
            .with_user(self.interviewer)
            ._render_qweb_html(
                "hr_ai_interview_bridge.hr_interview_kit_report", self.tech_card.ids
            )
        )
        self.assertIn(ALGORITHM_QUESTION, html.decode())
