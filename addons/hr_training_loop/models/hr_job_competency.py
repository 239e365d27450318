from odoo import fields, models


class HrJobCompetency(models.Model):
    """One line of a job's competency model: a skill at a required level."""

    _name = "hr.job.competency"
    _description = "Job Competency"
    _order = "job_id, is_core desc, required_level desc, id"

    job_id = fields.Many2one("hr.job", required=True, ondelete="cascade", index=True)
    skill_id = fields.Many2one("hr.skill", required=True, ondelete="cascade")
    skill_type_id = fields.Many2one(related="skill_id.skill_type_id")
    required_level = fields.Integer(
        default=70, help="Level (0-100) the job needs on this skill."
    )
    weight = fields.Float(default=1.0)
    is_core = fields.Boolean(
        string="Core", help="A gap of 10 points on a core competency is flagged."
    )

    _sql_constraints = [
        (
            "job_skill_unique",
            "unique(job_id, skill_id)",
            "A skill appears once per job.",
        ),
        (
            "required_level_range",
            "CHECK(required_level >= 0 AND required_level <= 100)",
            "The required level lies between 0 and 100.",
        ),
        ("weight_positive", "CHECK(weight > 0)", "The weight must be positive."),
    ]
