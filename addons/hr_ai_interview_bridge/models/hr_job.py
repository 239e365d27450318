from odoo import fields, models


class HrJob(models.Model):
    _inherit = "hr.job"

    ai_threshold_ids = fields.One2many(
        "hr.ai.routing.threshold", "job_id", string="AI Routing Thresholds"
    )
