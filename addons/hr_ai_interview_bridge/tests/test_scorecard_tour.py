"""Phone-size tour: an interviewer fills and submits a scorecard."""

from odoo.tests import HttpCase, tagged

from .test_scorecard import ScorecardCommon


@tagged("post_install", "-at_install")
class TestScorecardMobileTour(ScorecardCommon, HttpCase):
    browser_size = "375x667"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_scorecard_world()
        # The tour reads the anchors it chooses.
        cls.reasoning.anchor_4 = "Structures new problems unaided."
        cls.teamwork.anchor_2 = "Avoids disagreements."
        cls.scorecard = cls.make_scorecard(cls.applicant, cls.interviewer, {})

    def test_fill_and_submit_on_a_phone(self):
        self.start_tour(
            "/odoo/action-hr_ai_interview_bridge.hr_interview_scorecard_action_my/"
            f"{self.scorecard.id}",
            "hr_interview_scorecard_mobile",
            login="ai_interviewer",
        )
        self.scorecard.invalidate_recordset()
        self.assertEqual(self.scorecard.state, "submitted")
        self.assertEqual(self.scorecard.recommendation, "yes")
        ratings = {line.criterion_id: line.rating for line in self.scorecard.line_ids}
        self.assertEqual(
            ratings, {self.reasoning: 4, self.teamwork: 2, self.communication: 0}
        )
        # 100 * (2 * 3/4 + 1 * 1/4) / 3 = 58.33 (communication: no decision)
        self.assertEqual(self.scorecard.weighted_score, 58.33)
        self.assertEqual(
            self.scorecard.line_ids.filtered(
                lambda line: line.criterion_id == self.teamwork
            ).notes,
            "Avoided the conflict question.",
        )
        self.assertTrue(
            self.scorecard.message_ids.filtered(lambda m: "submitted" in m.body)
        )
