from odoo import api, fields, models


class HrAiInterviewDimension(models.Model):
    """A dimension AI interviews score (logic, communication, ...).

    Vendors send their own codes; they reach a dimension through the vendor's
    aliases, then by ``code``.  An unknown code creates an inactive dimension
    for an administrator to review, so no score is ever dropped.
    """

    _name = "hr.ai.interview.dimension"
    _description = "AI Interview Dimension"
    _order = "sequence, code"

    code = fields.Char(required=True, index=True)
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    category = fields.Selection(
        [
            ("competency", "Competency"),
            ("personality", "Personality"),
            ("potential", "Potential"),
            ("experience", "Experience"),
            ("language", "Language"),
        ],
        required=True,
        default="competency",
    )
    skill_id = fields.Many2one(
        "hr.skill",
        ondelete="set null",
        help="Skill this dimension measures; used by the competency-gap analysis.",
    )
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    auto_created = fields.Boolean(
        readonly=True,
        help="Created from an unknown vendor code: review it, then activate it.",
    )

    _sql_constraints = [
        ("code_unique", "unique(code)", "The code of an AI dimension must be unique."),
    ]

    @api.model
    def _get_or_create_for_codes(self, vendor, items):
        """Map vendor dimension codes to dimensions, creating unknown ones.

        :param vendor: ``hr.ai.interview.vendor`` record
        :param items: list of ``(vendor_code, label)``
        :return: dict vendor_code -> dimension record

        One query for the aliases, one for the codes, one batched create for
        the unknown codes (inactive, flagged ``auto_created``).
        """
        codes = {code for code, _label in items}
        mapping = {
            alias.code: alias.dimension_id
            for alias in vendor.alias_ids
            if alias.code in codes
        }
        remaining = codes - set(mapping)
        if remaining:
            known = self.with_context(active_test=False).search(
                [("code", "in", list(remaining))]
            )
            mapping.update({dim.code: dim for dim in known})
        labels = dict(items)
        unknown = sorted(codes - set(mapping))
        if unknown:
            created = self.create(
                [
                    {
                        "code": code,
                        "name": labels.get(code) or code,
                        "active": False,
                        "auto_created": True,
                    }
                    for code in unknown
                ]
            )
            mapping.update({dim.code: dim for dim in created})
        return mapping
