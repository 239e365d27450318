from odoo import fields, models, tools
from odoo.tools import SQL

from .hr_interview_scorecard_line import RATING_CHOICES


class HrInterviewScorecardAnalysis(models.Model):
    """Consistency analytics: one row per line of a submitted scorecard,
    with what the pair (applicant, criterion) says about it.

    Averaged per interviewer in the pivot, ``deviation`` is the
    leniency/severity (own rating minus the mean of the other raters of the
    pair), ``no_decision`` the no-decision rate and ``disagreement`` the
    share of their ratings on pairs whose ratings differ by 2 or more: the
    same definitions as ``hr.interview.scorecard.consistency_stats``.
    """

    _name = "hr.interview.scorecard.analysis"
    _description = "Scorecard Consistency Analysis"
    _auto = False
    _order = "submitted_at desc, id desc"
    _rec_name = "criterion_id"

    scorecard_id = fields.Many2one("hr.interview.scorecard", readonly=True)
    applicant_id = fields.Many2one("hr.applicant", readonly=True)
    job_id = fields.Many2one("hr.job", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    rubric_id = fields.Many2one("hr.interview.rubric", readonly=True)
    rubric_kind = fields.Selection(
        related="rubric_id.kind", string="Rubric Kind", readonly=True
    )
    criterion_id = fields.Many2one("hr.interview.rubric.criterion", readonly=True)
    interviewer_id = fields.Many2one("res.users", readonly=True)
    submitted_at = fields.Datetime(readonly=True)
    rating_choice = fields.Selection(RATING_CHOICES, string="Rating", readonly=True)
    rating = fields.Float(
        string="Mean Rating", readonly=True, aggregator="avg", digits=(4, 2)
    )
    raters = fields.Integer(
        string="Raters on Pair",
        readonly=True,
        aggregator="max",
        help="Scorecards that rated this applicant on this criterion.",
    )
    deviation = fields.Float(
        string="Mean Deviation",
        readonly=True,
        aggregator="avg",
        digits=(4, 2),
        help="Own rating minus the mean of the other raters of the pair: "
        "above 0 lenient, below 0 severe.",
    )
    pair_spread = fields.Integer(
        string="Spread on Pair", readonly=True, aggregator="max"
    )
    disagreement = fields.Float(
        string="Disagreement (%)",
        readonly=True,
        aggregator="avg",
        digits=(5, 1),
        help="Share of ratings on pairs whose ratings differ by 2 or more.",
    )
    no_decision = fields.Float(
        string="No Decision (%)", readonly=True, aggregator="avg", digits=(5, 1)
    )
    line_count = fields.Integer(string="Lines", readonly=True, aggregator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # Window over the pair (applicant, criterion): counts, sums and
        # extremes of the decisions (no-decision ratings are NULLed out).
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    WITH lines AS (
                        SELECT line.id, line.scorecard_id, sc.applicant_id,
                               sc.job_id, sc.company_id, sc.rubric_id,
                               line.criterion_id, sc.interviewer_id,
                               sc.submitted_at, line.rating_choice,
                               line.rating, NULLIF(line.rating, 0) AS decision
                          FROM hr_interview_scorecard_line line
                          JOIN hr_interview_scorecard sc
                            ON sc.id = line.scorecard_id
                         WHERE sc.state = 'submitted'
                    ), pairs AS (
                        SELECT lines.*,
                               COUNT(decision) OVER pair AS raters,
                               SUM(decision) OVER pair AS pair_sum,
                               MAX(decision) OVER pair - MIN(decision) OVER pair
                                   AS spread
                          FROM lines
                        WINDOW pair AS (PARTITION BY applicant_id, criterion_id)
                    )
                    SELECT id, scorecard_id, applicant_id, job_id, company_id,
                           rubric_id, criterion_id, interviewer_id,
                           submitted_at, rating_choice,
                           decision::float AS rating,
                           raters,
                           CASE WHEN decision IS NOT NULL AND raters >= 2
                                THEN decision - (pair_sum - decision)::float
                                     / (raters - 1)
                           END AS deviation,
                           CASE WHEN raters >= 2 THEN spread END AS pair_spread,
                           CASE WHEN decision IS NOT NULL AND raters >= 2
                                THEN CASE WHEN spread >= 2 THEN 100.0 ELSE 0.0 END
                           END AS disagreement,
                           CASE WHEN rating = 0 THEN 100.0 ELSE 0.0 END
                               AS no_decision,
                           1 AS line_count
                      FROM pairs
                )
                """,
                view=SQL.identifier(self._table),
            )
        )
