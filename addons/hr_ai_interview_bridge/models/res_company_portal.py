from odoo import fields, models


class ResCompany(models.Model):
    # One file per concern: the candidate portal's part of the model.
    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited

    ai_portal_show_report = fields.Boolean(
        string="Show AI Report to Candidates",
        help="Candidates see a summary of their AI interview on the portal: "
        "per-dimension scores and how they compare with other candidates "
        "(as a percentage only).",
    )
