from odoo import fields, models


class HrInterviewKind(models.Model):
    """A kind of interview a recruitment stage runs: structured interview,
    situational simulation, skills test, or the AI interview itself.

    The kind gives the default length of the interview and the default panel
    size of the stages that run it; interviewer profiles list the kinds their
    user runs.  An *automated* kind (the AI interview) is run by the vendor:
    nobody is assigned and nothing is scheduled for it.
    """

    _name = "hr.interview.kind"
    _description = "Interview Kind"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Technical code, e.g. for automation.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    duration = fields.Integer(
        string="Duration (minutes)",
        help="Length of the interview; 0 uses the company's default duration "
        "(Recruitment settings).",
    )
    interviewer_count = fields.Integer(
        string="Interviewers",
        default=1,
        help="Default number of interviewers of the stages running this kind.",
    )
    is_automated = fields.Boolean(
        string="Run by the AI vendor",
        help="Nobody is assigned and nothing is scheduled for this kind.",
    )
    description = fields.Text(translate=True)
    color = fields.Integer()

    _sql_constraints = [
        (
            "code_unique",
            "unique(code)",
            "The code of an interview kind must be unique.",
        ),
        (
            "duration_positive",
            "CHECK(duration >= 0)",
            "The duration of an interview cannot be negative.",
        ),
        (
            "interviewer_count_positive",
            "CHECK(interviewer_count >= 0)",
            "The number of interviewers cannot be negative.",
        ),
    ]
