from odoo import fields, models


class HrInterviewQuestion(models.Model):
    """A question of the bank: behavioural ("tell me about a time..."),
    technical, or a situational case (a scenario with the behaviours a good
    answer shows).  The interview kit suggests questions through their
    criteria or skills."""

    _name = "hr.interview.question"
    _description = "Interview Question"
    _order = "sequence, id"

    name = fields.Char(string="Question", required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(
        [
            ("behavioural", "Behavioural"),
            ("situational", "Situational case"),
            ("technical", "Technical"),
        ],
        required=True,
        default="behavioural",
        index=True,
    )
    criterion_ids = fields.Many2many(
        "hr.interview.rubric.criterion",
        "hr_interview_question_criterion_rel",
        "question_id",
        "criterion_id",
        string="Criteria",
    )
    skill_ids = fields.Many2many(
        "hr.skill",
        "hr_interview_question_skill_rel",
        "question_id",
        "skill_id",
        string="Skills",
        help="Skills the question assesses: the kit suggests it for every "
        "criterion measuring one of them.",
    )
    job_ids = fields.Many2many(
        "hr.job",
        "hr_interview_question_job_rel",
        "question_id",
        "job_id",
        string="Jobs",
        help="Empty: fits any job.",
    )
    scenario = fields.Text(
        translate=True, help="Situational case: the situation put to the candidate."
    )
    expected_behaviours = fields.Text(
        translate=True, help="What a strong answer shows (guide for the rating)."
    )
    follow_ups = fields.Text(string="Follow-up Questions", translate=True)
