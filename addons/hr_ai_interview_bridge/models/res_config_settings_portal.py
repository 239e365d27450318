from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    # One file per concern: the candidate portal's part of the model.
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited

    ai_portal_show_report = fields.Boolean(
        related="company_id.ai_portal_show_report", readonly=False
    )
