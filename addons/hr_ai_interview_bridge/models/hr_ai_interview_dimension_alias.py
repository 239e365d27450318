from odoo import fields, models


class HrAiInterviewDimensionAlias(models.Model):
    """A vendor's own code for one of our dimensions (e.g. ``luoji`` -> logic)."""

    _name = "hr.ai.interview.dimension.alias"
    _description = "AI Interview Dimension Alias"
    _order = "vendor_id, code"

    vendor_id = fields.Many2one(
        "hr.ai.interview.vendor", required=True, ondelete="cascade", index=True
    )
    code = fields.Char(string="Vendor Code", required=True)
    dimension_id = fields.Many2one(
        "hr.ai.interview.dimension",
        required=True,
        ondelete="cascade",
        context={"active_test": False},
    )

    _sql_constraints = [
        (
            "vendor_code_unique",
            "unique(vendor_id, code)",
            "A vendor code can map to one dimension only.",
        ),
    ]
