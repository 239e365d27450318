import re

from odoo import Command, _, api, fields, models
from odoo.exceptions import ValidationError

from ..intake import signature

CODE_RE = re.compile(r"^[a-z0-9_-]+$")


class HrAiInterviewVendor(models.Model):
    """A vendor allowed to post AI-interview results to
    ``/ai_interview/v1/<code>/results``, signed with ``secret``."""

    _name = "hr.ai.interview.vendor"
    _description = "AI Interview Vendor"
    _order = "name"

    name = fields.Char(required=True)
    code = fields.Char(
        required=True,
        help="Lowercase letters, digits, '_' and '-': the vendor's part of the URL.",
    )
    active = fields.Boolean(default=True)
    secret = fields.Char(
        copy=False,
        groups="hr_recruitment.group_hr_recruitment_manager",
        default=lambda self: signature.generate_secret(),
        help="Standard Webhooks signing secret (whsec_...). Share it with the "
        "vendor only.",
    )
    secret_masked = fields.Char(
        string="Signing Secret", compute="_compute_secret_masked"
    )
    timestamp_tolerance = fields.Integer(
        default=300,
        help="Seconds a signed request may be early or late (replay protection).",
    )
    default_max_score = fields.Float(
        default=100.0, help="Maximum score when the payload does not say."
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    alias_ids = fields.One2many(
        "hr.ai.interview.dimension.alias", "vendor_id", string="Dimension Aliases"
    )
    result_ids = fields.One2many("hr.ai.interview.result", "vendor_id")
    result_count = fields.Integer(compute="_compute_result_count")
    endpoint_path = fields.Char(compute="_compute_endpoint_path")

    _sql_constraints = [
        ("code_unique", "unique(code)", "The vendor code must be unique."),
        (
            "tolerance_positive",
            "CHECK(timestamp_tolerance > 0)",
            "The timestamp tolerance must be positive.",
        ),
        (
            "default_max_positive",
            "CHECK(default_max_score > 0)",
            "The default maximum score must be positive.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        vendors = super().create(vals_list)
        vendors._grant_intake_companies()
        return vendors

    def write(self, vals):
        result = super().write(vals)
        if "company_id" in vals:
            self._grant_intake_companies()
        return result

    def _grant_intake_companies(self):
        """The intake user works in the vendors' companies: without it, the
        multi-company rules would hide a vendor of another company."""
        intake = self.env.ref(
            "hr_ai_interview_bridge.user_ai_intake", raise_if_not_found=False
        )
        missing = self.company_id - intake.company_ids if intake else None
        if missing:
            # sudo: only the system manages the technical user's companies.
            intake.sudo().company_ids = [Command.link(c.id) for c in missing]

    @api.constrains("code")
    def _check_code(self):
        for vendor in self:
            if not CODE_RE.match(vendor.code or ""):
                raise ValidationError(
                    _(
                        "Vendor code %(code)s: use lowercase letters, digits, "
                        "'_' and '-' only.",
                        code=vendor.code,
                    )
                )

    @api.constrains("secret")
    def _check_secret(self):
        for vendor in self.sudo():  # sudo: the field is manager-only; checking is not
            try:
                signature.decode_secret(vendor.secret or "")
            except ValueError as exc:
                raise ValidationError(
                    _(
                        "The signing secret must look like whsec_<base64>, "
                        "24 bytes or more."
                    )
                ) from exc

    def _compute_secret_masked(self):
        # sudo: everyone who can read a vendor sees that a secret exists and
        # its last characters (to compare with the vendor), never the secret.
        for vendor, secret in zip(self, self.sudo().mapped("secret"), strict=True):
            vendor.secret_masked = f"whsec_••••••••{secret[-4:]}" if secret else ""

    def _compute_result_count(self):
        counts = dict(
            self.env["hr.ai.interview.result"]._read_group(
                [("vendor_id", "in", self.ids)], ["vendor_id"], ["__count"]
            )
        )
        for vendor in self:
            vendor.result_count = counts.get(vendor, 0)

    @api.depends("code")
    def _compute_endpoint_path(self):
        for vendor in self:
            vendor.endpoint_path = f"/ai_interview/v1/{vendor.code or '<code>'}/results"

    def action_regenerate_secret(self):
        """Replace the signing secret; the vendor must be given the new one."""
        self.check_access("write")
        for vendor in self:
            vendor.secret = signature.generate_secret()
        return True

    def action_view_results(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_ai_interview_bridge.hr_ai_interview_result_action"
        )
        action["domain"] = [("vendor_id", "=", self.id)]
        action["context"] = {}
        return action
