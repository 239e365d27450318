from odoo import _, api, fields, models

from ..intake import normalize


class HrAiInterviewScore(models.Model):
    """One dimension's score within an AI-interview result."""

    _name = "hr.ai.interview.score"
    _description = "AI Interview Score"
    _order = "score desc, id"

    result_id = fields.Many2one(
        "hr.ai.interview.result", required=True, ondelete="cascade", index=True
    )
    dimension_id = fields.Many2one(
        "hr.ai.interview.dimension",
        required=True,
        ondelete="restrict",
        index=True,
        context={"active_test": False},
    )
    dimension_code = fields.Char(related="dimension_id.code")
    vendor_code = fields.Char(help="The code the vendor sent for this dimension.")
    label = fields.Char(help="The vendor's label for this dimension.")
    score = fields.Float(
        string="Score (0-100)", digits=(5, 2), help="Normalized: raw / max * 100."
    )
    raw_score = fields.Float(digits=(16, 4))
    max_score = fields.Float(digits=(16, 4))
    percentile = fields.Float(
        digits=(5, 2), help="Share of candidates for this job who scored lower."
    )
    percentile_computed = fields.Boolean(
        help="Computed here because the vendor sent no percentile."
    )
    peer_count = fields.Integer(
        help="Scores of other candidates the computed percentile compares with."
    )
    evidence = fields.Text()
    job_id = fields.Many2one(related="result_id.job_id", store=True, index=True)
    # The applicant whose *latest* result this score belongs to: makes
    # hr.applicant.ai_score_ids a plain one2many, usable in any domain.
    current_applicant_id = fields.Many2one(
        "hr.applicant",
        compute="_compute_current_applicant_id",
        store=True,
        index=True,
        ondelete="set null",
    )
    sentence = fields.Char(compute="_compute_sentence")

    _sql_constraints = [
        (
            "result_dimension_unique",
            "unique(result_id, dimension_id)",
            "A result has one score per dimension.",
        ),
        (
            "score_range",
            "CHECK(score >= 0 AND score <= 100)",
            "A normalized score lies between 0 and 100.",
        ),
        (
            "percentile_range",
            "CHECK(percentile IS NULL OR (percentile >= 0 AND percentile <= 100))",
            "A percentile lies between 0 and 100.",
        ),
    ]

    @api.depends("result_id.applicant_id.ai_result_id")
    def _compute_current_applicant_id(self):
        for line in self:
            applicant = line.result_id.applicant_id
            line.current_applicant_id = (
                applicant if applicant.ai_result_id == line.result_id else False
            )

    @api.depends("dimension_id.name", "score", "percentile", "peer_count")
    def _compute_sentence(self):
        for line in self:
            if line.percentile_computed and not line.peer_count:
                line.sentence = _(
                    "%(dimension)s %(score)s - the first candidate scored for "
                    "this job",
                    dimension=line.dimension_id.name or line.label or line.vendor_code,
                    score=normalize.format_score(line.score),
                )
                continue
            line.sentence = _(
                "%(dimension)s %(score)s - higher than %(percentile)s%% of "
                "candidates for this job",
                dimension=line.dimension_id.name or line.label or line.vendor_code,
                score=normalize.format_score(line.score),
                percentile=normalize.format_score(line.percentile),
            )
