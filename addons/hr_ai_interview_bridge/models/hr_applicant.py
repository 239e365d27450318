from odoo import api, fields, models


class HrApplicant(models.Model):
    _inherit = "hr.applicant"

    ai_result_ids = fields.One2many(
        "hr.ai.interview.result", "applicant_id", string="AI Interview Results"
    )
    ai_result_id = fields.Many2one(
        "hr.ai.interview.result",
        string="Latest AI Result",
        compute="_compute_ai_result_id",
        store=True,
        index="btree_not_null",
        help="The latest processed (done) AI-interview result.",
    )
    ai_overall_score = fields.Float(
        string="AI Score",
        related="ai_result_id.overall_score",
        store=True,
        aggregator="avg",
    )
    ai_overall_percentile = fields.Float(
        string="AI Percentile", related="ai_result_id.overall_percentile"
    )
    ai_score_ids = fields.One2many(
        "hr.ai.interview.score",
        "current_applicant_id",
        string="AI Scores",
        help="Per-dimension scores of the latest AI result, e.g. for automation "
        "rules: [('ai_score_ids', 'any', [('dimension_id.code', '=', "
        "'technical'), ('score', '>=', 80)])]",
    )
    ai_strengths = fields.Char(related="ai_result_id.strengths")
    ai_weaknesses = fields.Char(related="ai_result_id.weaknesses")
    ai_report_url = fields.Char(related="ai_result_id.report_url")
    ai_recording_url = fields.Char(related="ai_result_id.recording_url")
    ai_transcript = fields.Text(related="ai_result_id.transcript")
    ai_result_count = fields.Integer(compute="_compute_ai_result_count")
    ai_score_band = fields.Selection(
        [
            ("high", "80-100"),
            ("mid", "60-79"),
            ("low", "0-59"),
        ],
        string="AI Score Band",
        compute="_compute_ai_score_band",
        store=True,
    )

    @api.depends("ai_result_ids.state", "ai_result_ids.completed_at")
    def _compute_ai_result_id(self):
        for applicant in self:
            done = applicant.ai_result_ids.filtered(lambda r: r.state == "done")
            applicant.ai_result_id = (
                max(done, key=lambda r: (r.completed_at or fields.Datetime.now(), r.id))
                if done
                else False
            )

    @api.depends("ai_result_id", "ai_overall_score")
    def _compute_ai_score_band(self):
        for applicant in self:
            score = applicant.ai_overall_score
            if not applicant.ai_result_id:
                applicant.ai_score_band = False
            elif score >= 80:
                applicant.ai_score_band = "high"
            elif score >= 60:
                applicant.ai_score_band = "mid"
            else:
                applicant.ai_score_band = "low"

    def _compute_ai_result_count(self):
        counts = dict(
            self.env["hr.ai.interview.result"]._read_group(
                [("applicant_id", "in", self.ids)], ["applicant_id"], ["__count"]
            )
        )
        for applicant in self:
            applicant.ai_result_count = counts.get(applicant, 0)

    def action_view_ai_results(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_ai_interview_bridge.hr_ai_interview_result_action"
        )
        action["domain"] = [("applicant_id", "=", self.id)]
        action["context"] = {"default_applicant_id": self.id}
        return action
