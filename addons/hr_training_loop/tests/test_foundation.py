"""Wiring test of the training loop addon: it sees eLearning and the bridge."""

from odoo.tests import TransactionCase

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


class TestTrainingLoopFoundation(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))

    def test_course_membership_round_trip(self):
        """A course and a membership created through the ORM read back."""
        partner = self.env["res.partner"].create(
            {"name": "Trainee", "email": "trainee@example.com"}
        )
        channel = self.env["slide.channel"].create(
            {"name": "Communication basics", "enroll": "invite"}
        )
        channel._action_add_members(partner)
        membership = self.env["slide.channel.partner"].search(
            [("channel_id", "=", channel.id), ("partner_id", "=", partner.id)]
        )
        self.assertEqual(len(membership), 1)
        self.assertEqual(membership.member_status, "joined")
