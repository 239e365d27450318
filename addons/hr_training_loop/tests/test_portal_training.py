"""The candidate follows the training plan from the portal."""

from odoo.tests import HttpCase, tagged

from .common import TrainingLoopCommon
from .test_training_loop import LoopMixin


@tagged("post_install", "-at_install")
class TestPortalTraining(LoopMixin, TrainingLoopCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_training_world()

    def test_candidate_sees_own_plan_only(self):
        self.gather_evidence()
        self.applicant.action_plan_training()
        self.applicant.action_confirm_training()
        user = self.applicant.candidate_id.partner_id.user_ids
        user.password = "learner-pass-1"
        course = self.courses["eng"]
        course.slide_ids[0].with_user(user)._action_mark_completed()

        self.authenticate(user.login, "learner-pass-1")
        page = self.url_open(f"/my/applications/{self.applicant.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Your training plan", page.text)
        self.assertIn("Engineering bootcamp", page.text)
        self.assertIn(course.website_url, page.text)
        self.assertIn('aria-valuenow="33"', page.text)
        self.assertIn('class="badge text-bg-secondary">In progress', page.text)
        self.assertNotIn("measured", page.text.lower())

        # Another candidate's plan is never shown.
        other = self._make_applicant("Other", "other.learner@example.com", self.job)
        response = self.url_open(f"/my/applications/{other.id}")
        self.assertNotIn("Your training plan", response.text)
