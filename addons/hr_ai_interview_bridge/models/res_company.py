from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    ai_interview_lead_hours = fields.Float(
        string="Interview Lead Time (hours)",
        default=2.0,
        help="'Schedule interview' never books an interview sooner than this.",
    )
    ai_interview_duration = fields.Integer(
        string="Default Interview Duration (minutes)",
        default=60,
        help="Length of interviews whose interview kind sets none.",
    )

    _sql_constraints = [
        (
            "ai_interview_lead_hours_positive",
            "CHECK(ai_interview_lead_hours >= 0)",
            "The interview lead time cannot be negative.",
        ),
        (
            "ai_interview_duration_positive",
            "CHECK(ai_interview_duration > 0)",
            "The default interview duration must be positive.",
        ),
    ]
