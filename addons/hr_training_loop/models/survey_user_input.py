from odoo import api, models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    @api.model_create_multi
    def create(self, vals_list):
        inputs = super().create(vals_list)
        inputs._hr_training_sync_certification()
        return inputs

    def write(self, vals):
        result = super().write(vals)
        if {"state", "scoring_percentage", "scoring_success"} & set(vals):
            self._hr_training_sync_certification()
        return result

    def _hr_training_sync_certification(self):
        """Copy certification results of course members to their assignments."""
        done = self.filtered(
            lambda user_input: user_input.state == "done"
            and user_input.slide_partner_id
        )
        if not done:
            return
        # sudo: survey answers and memberships are eLearning-officer data.
        Assignment = self.env["hr.training.assignment"].sudo()
        for user_input in done.sudo():
            slide_partner = user_input.slide_partner_id
            assignments = Assignment.search(
                [
                    ("channel_id", "=", slide_partner.channel_id.id),
                    ("partner_id", "=", slide_partner.partner_id.id),
                    ("state", "not in", ("cancelled",)),
                ]
            )
            assignments.write({"certification_score": user_input.scoring_percentage})
