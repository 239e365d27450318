from odoo import fields, models


class HrAiRoutingLog(models.Model):
    """Why an automation rule moved or held an applicant.

    Written for every decision an automation rule makes on an applicant,
    shipped or made by an administrator, so a recruiter can explain it to
    the candidate (GDPR Art. 22, PIPL Art. 24) and the deployer keeps the
    logs the EU AI Act asks for.  Nobody edits or deletes them from the UI.
    """

    _name = "hr.ai.routing.log"
    _description = "AI Routing Log"
    _order = "id desc"

    applicant_id = fields.Many2one(
        "hr.applicant", required=True, ondelete="cascade", index=True, readonly=True
    )
    partner_name = fields.Char(related="applicant_id.partner_name")
    job_id = fields.Many2one(related="applicant_id.job_id", store=True)
    company_id = fields.Many2one(related="applicant_id.company_id", store=True)
    automation_id = fields.Many2one(
        "base.automation", string="Automation Rule", ondelete="set null", readonly=True
    )
    rule_name = fields.Char(readonly=True)
    decision = fields.Selection(
        [
            ("move", "Moved"),
            ("hold", "Held for review"),
            ("refusal_blocked", "Refusal left to a human"),
        ],
        required=True,
        readonly=True,
    )
    stage_from_id = fields.Many2one(
        "hr.recruitment.stage", string="From Stage", readonly=True
    )
    stage_to_id = fields.Many2one(
        "hr.recruitment.stage", string="To Stage", readonly=True
    )
    explanation = fields.Text(readonly=True)
    scores = fields.Json(
        string="Score Snapshot", readonly=True, help="The AI scores the decision saw."
    )
    scores_text = fields.Text(compute="_compute_scores_text", string="Scores")
    logged_at = fields.Datetime(
        default=fields.Datetime.now, required=True, readonly=True
    )

    def _compute_scores_text(self):
        for log in self:
            log.scores_text = "\n".join(
                f"{code}: {value}" for code, value in sorted((log.scores or {}).items())
            )
