from odoo import fields, models


class HrAiCutoffAdvisorLine(models.TransientModel):
    """The advice for one AI dimension (see ``hr.ai.cutoff.advisor``)."""

    _name = "hr.ai.cutoff.advisor.line"
    _description = "AI Cut-off Advice per Dimension"
    _order = "id"

    advisor_id = fields.Many2one(
        "hr.ai.cutoff.advisor", required=True, ondelete="cascade", index=True
    )
    dimension_id = fields.Many2one(
        "hr.ai.interview.dimension", required=True, context={"active_test": False}
    )
    applicant_count = fields.Integer(string="Applicants")
    corr_structured = fields.Float(
        string="r (Structured Score)",
        digits=(3, 2),
        help="Pearson correlation of the AI score with the structured-interview "
        "score, over the applicants who have both.",
    )
    has_corr_structured = fields.Boolean()
    structured_count = fields.Integer(string="With Structured Score")
    corr_hired = fields.Float(
        string="r (Hired)",
        digits=(3, 2),
        help="Correlation of the AI score with being hired (1) rather than "
        "refused or archived (0); ongoing applicants are left out.",
    )
    has_corr_hired = fields.Boolean()
    hire_decided_count = fields.Integer(string="Hired or Refused")
    band_low_count = fields.Integer(string="0-59: Applicants")
    band_low_pass_rate = fields.Float(string="0-59: Passed AI (%)", digits=(5, 1))
    band_low_success_rate = fields.Float(string="0-59: Successful (%)", digits=(5, 1))
    band_mid_count = fields.Integer(string="60-79: Applicants")
    band_mid_pass_rate = fields.Float(string="60-79: Passed AI (%)", digits=(5, 1))
    band_mid_success_rate = fields.Float(string="60-79: Successful (%)", digits=(5, 1))
    band_high_count = fields.Integer(string="80-100: Applicants")
    band_high_pass_rate = fields.Float(string="80-100: Passed AI (%)", digits=(5, 1))
    band_high_success_rate = fields.Float(
        string="80-100: Successful (%)", digits=(5, 1)
    )
    has_advice = fields.Boolean(
        help="Both successful and unsuccessful applicants exist: a cut-off "
        "can be advised."
    )
    advised_threshold = fields.Float(
        string="Advised Cut-off",
        digits=(5, 1),
        help="Keeping applicants at or above this score would have kept most "
        "later-successful applicants while cutting the most others "
        "(maximum of Youden's J).",
    )
    kept_successful = fields.Float(string="Successful Kept (%)", digits=(5, 1))
    cut_unsuccessful = fields.Float(string="Unsuccessful Cut (%)", digits=(5, 1))
    youden_j = fields.Float(string="Youden's J", digits=(3, 2))
    successful_count = fields.Integer(string="Successful")
    unsuccessful_count = fields.Integer(string="Unsuccessful")
    advice_reliable = fields.Boolean(
        string="Enough Outcomes",
        help="At least 5 successful and 5 unsuccessful applicants; below, the "
        "advice is indicative only.",
    )
    has_current_threshold = fields.Boolean()
    current_threshold = fields.Float(
        string="Current Routing Threshold",
        digits=(5, 1),
        help="The routing threshold that cuts on this dimension today.",
    )
