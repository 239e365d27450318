from odoo import api, fields, models


class HrRecruitmentStage(models.Model):
    """Stages carry a target time (SLA) and the interview they run.

    ``sla_hours`` is how long an applicant should stay in the stage: it sets
    the applicant's ``sla_due_at`` and the window in which "Schedule
    interview" looks for a slot.  ``interviewer_count`` is how many
    interviewers "Assign interviewers" picks.
    """

    _inherit = "hr.recruitment.stage"

    sla_hours = fields.Integer(
        string="Target Time (hours)",
        default=24,
        help="How long an applicant should stay in this stage; beyond it the "
        "applicant is flagged overdue. The interview of the stage is scheduled "
        "within this time. 0: no target.",
    )
    interview_kind_id = fields.Many2one(
        "hr.interview.kind",
        string="Interview Kind",
        ondelete="restrict",
        help="The interview applicants take in this stage.",
    )
    interviewer_count = fields.Integer(
        string="Interviewers",
        compute="_compute_interviewer_count",
        store=True,
        readonly=False,
        help="How many interviewers 'Assign interviewers' picks in this stage "
        "(by default: the interview kind's, else 1).",
    )

    _sql_constraints = [
        (
            "sla_hours_positive",
            "CHECK(sla_hours >= 0)",
            "The target time of a stage cannot be negative.",
        ),
        (
            "interviewer_count_positive",
            "CHECK(interviewer_count >= 0)",
            "The number of interviewers cannot be negative.",
        ),
    ]

    @api.depends("interview_kind_id")
    def _compute_interviewer_count(self):
        for stage in self:
            kind = stage.interview_kind_id
            if not kind:
                stage.interviewer_count = stage.interviewer_count or 1
            elif kind.is_automated:
                stage.interviewer_count = 0
            else:
                stage.interviewer_count = kind.interviewer_count
