from odoo import models


class SlideChannelPartner(models.Model):
    _inherit = "slide.channel.partner"

    def _recompute_completion(self):
        """Follow eLearning progress into the training assignments.

        Odoo recomputes a membership's completion here each time a slide is
        completed: the assignments follow without polling.
        """
        result = super()._recompute_completion()
        self._hr_training_sync()
        return result

    def _post_completion_update_hook(self, completed=True):
        result = super()._post_completion_update_hook(completed=completed)
        self._hr_training_sync()
        return result

    def write(self, vals):
        result = super().write(vals)
        if "active" in vals and not vals["active"]:
            # A membership is archived when the last certification attempt
            # failed (website_slides_survey), or when we cancel a plan.
            self._hr_training_sync()
        return result

    def _hr_training_sync(self):
        # sudo: memberships are readable by eLearning officers only; the
        # assignments they update belong to recruitment.
        assignments = (
            self.env["hr.training.assignment"]
            .sudo()
            .search([("membership_id", "in", self.ids)])
        )
        if assignments:
            assignments._sync_from_membership()
