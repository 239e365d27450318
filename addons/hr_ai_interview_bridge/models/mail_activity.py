from odoo import api, models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    @api.model_create_multi
    def create(self, vals_list):
        activities = super().create(vals_list)
        # Inside an automation rule on applicants, a new activity means the
        # rule held the applicant for review: tell the routing log.
        tracker = self.env.context.get("hr_ai_routing_tracker")
        if tracker is not None:
            tracker["activities"].update(
                activity.res_id
                for activity in activities
                if activity.res_model == "hr.applicant"
            )
        return activities
