from odoo import fields, models


class SlideChannelSkill(models.Model):
    """The level (0-100) a course develops a skill to."""

    _name = "slide.channel.skill"
    _description = "Course Skill"
    _order = "channel_id, target_level desc"

    channel_id = fields.Many2one(
        "slide.channel", required=True, ondelete="cascade", index=True
    )
    skill_id = fields.Many2one(
        "hr.skill", required=True, ondelete="cascade", index=True
    )
    target_level = fields.Integer(default=80)

    _sql_constraints = [
        (
            "channel_skill_unique",
            "unique(channel_id, skill_id)",
            "A skill appears once per course.",
        ),
        (
            "target_level_range",
            "CHECK(target_level >= 0 AND target_level <= 100)",
            "The target level lies between 0 and 100.",
        ),
    ]
