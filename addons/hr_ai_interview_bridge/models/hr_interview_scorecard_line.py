from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .hr_interview_scorecard import check_computed_writes

# Stored as text for the badge widget; "0" is an explicit "no decision",
# empty means "not rated yet" (the scorecard cannot be submitted).
RATING_CHOICES = [
    ("1", "1"),
    ("2", "2"),
    ("3", "3"),
    ("4", "4"),
    ("5", "5"),
    ("0", "No decision"),
]


class HrInterviewScorecardLine(models.Model):
    """One criterion of a scorecard: the rating (1-5, 0 = no decision),
    notes, the questions asked and, in a situational simulation, the
    candidate's reactions to the case."""

    _name = "hr.interview.scorecard.line"
    _description = "Interview Scorecard Line"
    _order = "scorecard_id, sequence, id"

    scorecard_id = fields.Many2one(
        "hr.interview.scorecard", required=True, ondelete="cascade", index=True
    )
    scorecard_state = fields.Selection(related="scorecard_id.state")
    rubric_kind = fields.Selection(related="scorecard_id.rubric_kind")
    # Stored copies of the scorecard's keys: the panel and the consistency
    # analytics group lines by applicant and interviewer in one query.
    applicant_id = fields.Many2one(
        related="scorecard_id.applicant_id", store=True, index=True
    )
    interviewer_id = fields.Many2one(
        related="scorecard_id.interviewer_id", store=True, index=True
    )
    criterion_id = fields.Many2one(
        "hr.interview.rubric.criterion",
        required=True,
        ondelete="restrict",
        index=True,
    )
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    criterion_description = fields.Text(related="criterion_id.description")
    weight = fields.Float(
        compute="_compute_weight",
        store=True,
        digits=(6, 2),
        help="The criterion's weight when the scorecard was created: changing "
        "a rubric later does not rescore past interviews.",
    )
    rating_choice = fields.Selection(
        RATING_CHOICES,
        string="Rating",
        help='1 (poor) to 5 (outstanding), see the anchors; "No decision" '
        "when the interview gave no evidence.",
    )
    rating = fields.Integer(
        string="Rating (0-5)",
        compute="_compute_rating",
        inverse="_inverse_rating",
        store=True,
        aggregator="avg",
        help="1-5; 0 = no decision.",
    )
    notes = fields.Text()
    reaction = fields.Text(
        string="Candidate's Reactions",
        help="Situational simulation: what the candidate did and said.",
    )
    question_ids = fields.Many2many(
        "hr.interview.question",
        "hr_interview_scorecard_line_question_rel",
        "line_id",
        "question_id",
        string="Questions Asked",
    )
    anchor_1 = fields.Text(related="criterion_id.anchor_1")
    anchor_2 = fields.Text(related="criterion_id.anchor_2")
    anchor_3 = fields.Text(related="criterion_id.anchor_3")
    anchor_4 = fields.Text(related="criterion_id.anchor_4")
    anchor_5 = fields.Text(related="criterion_id.anchor_5")
    chosen_anchor = fields.Text(compute="_compute_chosen_anchor")
    focus = fields.Selection(
        [("probe", "Probe"), ("verify", "Verify in practice")],
        compute="_compute_kit",
        help="From the AI interview: probe a weak dimension, verify a strong "
        "one in practice.",
    )
    ai_score = fields.Float(string="AI Score", digits=(5, 0), compute="_compute_kit")
    suggested_question_ids = fields.Many2many(
        "hr.interview.question",
        string="Suggested Questions",
        compute="_compute_kit",
    )

    _sql_constraints = [
        (
            "rating_range",
            "CHECK(rating >= 0 AND rating <= 5)",
            "A rating is 1-5, or 0 for no decision.",
        ),
    ]

    @api.depends("criterion_id")
    def _compute_weight(self):
        # Depends on the criterion only, not on its weight: see the help.
        for line in self:
            line.weight = line.criterion_id.weight or 1.0

    @api.depends("rating_choice")
    def _compute_rating(self):
        for line in self:
            line.rating = int(line.rating_choice or 0)

    def _inverse_rating(self):
        for line in self:
            if not 0 <= line.rating <= 5:
                raise ValidationError(_("A rating is 1-5, or 0 for no decision."))
            line.rating_choice = str(line.rating)

    @api.depends("rating_choice", "criterion_id")
    def _compute_chosen_anchor(self):
        for line in self:
            if line.rating_choice == "0":
                line.chosen_anchor = _("No decision: the interview gave no evidence.")
            elif line.rating_choice:
                line.chosen_anchor = line.criterion_id._get_anchor(
                    int(line.rating_choice)
                )
            else:
                line.chosen_anchor = False

    @api.depends("criterion_id", "scorecard_id.applicant_id", "scorecard_id.rubric_id")
    def _compute_kit(self):
        for scorecard, lines in self.grouped("scorecard_id").items():
            kit = scorecard.applicant_id._get_interview_kit(
                scorecard.rubric_id, lines.criterion_id
            )
            for line in lines:
                entry = kit.get(line.criterion_id.id) or {}
                line.focus = entry.get("focus") or False
                score_line = entry.get("score")
                line.ai_score = score_line.score if score_line else 0.0
                line.suggested_question_ids = entry.get("questions") or False

    # ------------------------------------------------------------------
    # Submitted scorecards are frozen
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        scorecard_ids = {vals.get("scorecard_id") for vals in vals_list} - {None}
        self.env["hr.interview.scorecard"].browse(scorecard_ids)._check_editable()
        return super().create(vals_list)

    def write(self, vals):
        check_computed_writes(self, vals)
        self.scorecard_id._check_editable()
        if vals.get("scorecard_id"):
            self.env["hr.interview.scorecard"].browse(
                vals["scorecard_id"]
            )._check_editable()
        return super().write(vals)

    def unlink(self):
        self.scorecard_id._check_editable()
        return super().unlink()
