from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ai_interview_lead_hours = fields.Float(
        related="company_id.ai_interview_lead_hours", readonly=False
    )
    ai_interview_duration = fields.Integer(
        related="company_id.ai_interview_duration", readonly=False
    )
