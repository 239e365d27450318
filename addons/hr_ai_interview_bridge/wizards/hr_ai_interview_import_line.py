from odoo import fields, models


class HrAiInterviewImportLine(models.TransientModel):
    """One interview attempt of an import file, and what happens to it."""

    _name = "hr.ai.interview.import.line"
    _description = "AI Interview Import Line"
    _order = "id"

    wizard_id = fields.Many2one(
        "hr.ai.interview.import", required=True, ondelete="cascade"
    )
    rows = fields.Char(help="Rows of the file (1 = header) of this interview.")
    interview_ref = fields.Char(string="Interview ID")
    attempt = fields.Integer()
    applicant = fields.Char(help="Applicant id or email from the file.")
    action = fields.Selection(
        [("create", "Create"), ("update", "Update"), ("reject", "Reject")],
        required=True,
    )
    message = fields.Text()
    result_id = fields.Many2one("hr.ai.interview.result", readonly=True)
