from odoo import fields, models


class HrInterviewRubricCriterion(models.Model):
    """One weighted criterion of a rubric, with a behavioural anchor per
    rating so that every interviewer means the same thing by a 4.

    ``ai_dimension_id`` (or, failing that, ``skill_id`` through the
    dimension's skill) links the criterion to the AI interview: the interview
    kit tells the interviewer to probe it when the AI score was weak and to
    verify it in practice when it was strong.
    """

    _name = "hr.interview.rubric.criterion"
    _description = "Interview Rubric Criterion"
    _order = "rubric_id, sequence, id"

    rubric_id = fields.Many2one(
        "hr.interview.rubric", required=True, ondelete="cascade", index=True
    )
    rubric_kind = fields.Selection(related="rubric_id.kind")
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    weight = fields.Float(
        default=1.0,
        digits=(6, 2),
        required=True,
        help="Relative weight in the scorecard's weighted score.",
    )
    skill_id = fields.Many2one("hr.skill", ondelete="set null", index="btree_not_null")
    ai_dimension_id = fields.Many2one(
        "hr.ai.interview.dimension",
        string="AI Dimension",
        ondelete="set null",
        index="btree_not_null",
        help="AI-interview dimension that measures the same thing: its score "
        "sets the interview kit's focus on this criterion.",
    )
    anchor_1 = fields.Text(string="1 - Poor", translate=True)
    anchor_2 = fields.Text(string="2 - Weak", translate=True)
    anchor_3 = fields.Text(string="3 - Meets", translate=True)
    anchor_4 = fields.Text(string="4 - Strong", translate=True)
    anchor_5 = fields.Text(string="5 - Outstanding", translate=True)
    question_ids = fields.Many2many(
        "hr.interview.question",
        "hr_interview_question_criterion_rel",
        "criterion_id",
        "question_id",
        string="Questions",
        help="Questions of the bank that assess this criterion.",
    )

    _sql_constraints = [
        (
            "weight_positive",
            "CHECK(weight > 0)",
            "The weight of a criterion must be greater than 0.",
        ),
    ]

    def _get_anchor(self, rating):
        """The anchor text of ``rating`` (1-5), False for no decision."""
        self.ensure_one()
        return self[f"anchor_{rating}"] if rating in (1, 2, 3, 4, 5) else False
