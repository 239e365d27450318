from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    hr_training_ai_weight = fields.Float(
        string="Weight of the AI evidence",
        config_parameter="hr_training_loop.ai_weight",
        default=0.4,
        help="Measured level = weight x AI level + (1 - weight) x interview level.",
    )
    hr_training_core_gap_min = fields.Float(
        string="Core gap from (core competency)",
        config_parameter="hr_training_loop.core_gap_min",
        default=10.0,
    )
    hr_training_any_gap_min = fields.Float(
        string="Core gap from (any competency)",
        config_parameter="hr_training_loop.any_gap_min",
        default=20.0,
    )
    hr_training_exceeds_margin = fields.Float(
        string="Exceeds from (points above required)",
        config_parameter="hr_training_loop.exceeds_margin",
        default=10.0,
    )
    hr_training_max_courses = fields.Integer(
        string="Courses per plan (max)",
        config_parameter="hr_training_loop.max_courses",
        default=3,
    )
    hr_training_due_days = fields.Integer(
        string="Days to complete a course",
        config_parameter="hr_training_loop.due_days",
        default=30,
    )
