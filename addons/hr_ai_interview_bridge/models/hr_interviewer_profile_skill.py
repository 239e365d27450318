from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class HrInterviewerProfileSkill(models.Model):
    """One skill an interviewer can assess, at a level (hr_skills levels).

    Used for interviewers without an employee, or to add what an employee
    record does not say (assessing a skill differs from practising it).
    """

    _name = "hr.interviewer.profile.skill"
    _description = "Interviewer Expertise"
    _order = "level_progress desc, id"
    _rec_name = "skill_id"

    profile_id = fields.Many2one(
        "hr.interviewer.profile", required=True, ondelete="cascade", index=True
    )
    skill_type_id = fields.Many2one(
        "hr.skill.type", string="Skill Type", required=True, ondelete="cascade"
    )
    skill_id = fields.Many2one(
        "hr.skill",
        required=True,
        ondelete="cascade",
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    skill_level_id = fields.Many2one(
        "hr.skill.level",
        string="Level",
        compute="_compute_skill_level_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        ondelete="cascade",
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    level_progress = fields.Integer(
        related="skill_level_id.level_progress", store=True, string="Progress"
    )

    _sql_constraints = [
        (
            "profile_skill_unique",
            "unique(profile_id, skill_id)",
            "An interviewer has one level per skill.",
        ),
    ]

    @api.depends("skill_id")
    def _compute_skill_level_id(self):
        for line in self:
            if line.skill_level_id.skill_type_id == line.skill_type_id:
                continue
            levels = line.skill_type_id.skill_level_ids
            line.skill_level_id = (levels.filtered("default_level") or levels)[:1]

    @api.constrains("skill_id", "skill_level_id", "skill_type_id")
    def _check_skill_type(self):
        for line in self:
            if line.skill_id.skill_type_id != line.skill_type_id:
                raise ValidationError(
                    _(
                        "The skill %(skill)s is not of the type %(type)s.",
                        skill=line.skill_id.name,
                        type=line.skill_type_id.name,
                    )
                )
            if line.skill_level_id.skill_type_id != line.skill_type_id:
                raise ValidationError(
                    _(
                        "The level %(level)s is not a level of %(type)s.",
                        level=line.skill_level_id.name,
                        type=line.skill_type_id.name,
                    )
                )
