from odoo import fields, models


class SlideChannel(models.Model):
    _inherit = "slide.channel"

    skill_target_ids = fields.One2many(
        "slide.channel.skill", "channel_id", string="Skills Developed"
    )
