from odoo import _, api, fields, models

ASSIGNMENT_STATES = [
    ("planned", "Planned"),
    ("enrolled", "Enrolled"),
    ("in_progress", "In progress"),
    ("done", "Done"),
    ("failed", "Failed"),
    ("cancelled", "Cancelled"),
]

# eLearning member status -> assignment state
MEMBER_STATES = {
    "invited": "enrolled",
    "joined": "enrolled",
    "ongoing": "in_progress",
    "completed": "done",
}


class HrTrainingAssignment(models.Model):
    """One course an applicant follows to close a competency gap.

    ``planned`` until a recruiter confirms the plan, then it follows the
    eLearning membership (``membership_id``): progress, completion, failed
    certification (the membership is archived) - through the completion
    hooks of ``slide.channel.partner``, never by polling.
    """

    _name = "hr.training.assignment"
    _description = "Training Assignment"
    _order = "applicant_id, due_date, id"

    applicant_id = fields.Many2one(
        "hr.applicant", required=True, ondelete="cascade", index=True
    )
    partner_name = fields.Char(related="applicant_id.partner_name")
    company_id = fields.Many2one(related="applicant_id.company_id", store=True)
    job_id = fields.Many2one(related="applicant_id.job_id", store=True)
    channel_id = fields.Many2one(
        "slide.channel", string="Course", required=True, ondelete="restrict"
    )
    channel_url = fields.Char(related="channel_id.website_url")
    skill_id = fields.Many2one("hr.skill", ondelete="set null")
    gap_id = fields.Many2one(
        "hr.applicant.skill.gap", ondelete="set null", string="Gap"
    )
    partner_id = fields.Many2one("res.partner", string="Learner", index=True)
    membership_id = fields.Many2one(
        "slide.channel.partner", ondelete="set null", index=True
    )
    state = fields.Selection(
        ASSIGNMENT_STATES,
        required=True,
        default="planned",
        index=True,
    )
    completion = fields.Integer(string="Completion (%)", aggregator="avg")
    certification_score = fields.Float(
        string="Certification Score (%)", digits=(5, 1), aggregator="avg"
    )
    due_date = fields.Date()
    enrolled_at = fields.Datetime(readonly=True)
    completed_at = fields.Datetime(readonly=True)
    overdue = fields.Boolean(compute="_compute_overdue", search="_search_overdue")

    _sql_constraints = [
        (
            "completion_range",
            "CHECK(completion >= 0 AND completion <= 100)",
            "Completion is a percentage.",
        ),
    ]

    @api.depends("due_date", "state")
    def _compute_overdue(self):
        today = fields.Date.context_today(self)
        for assignment in self:
            assignment.overdue = bool(
                assignment.due_date
                and assignment.due_date < today
                and assignment.state in ("enrolled", "in_progress")
            )

    def _search_overdue(self, operator, value):
        today = fields.Date.context_today(self)
        domain = [
            ("due_date", "<", today),
            ("state", "in", ("enrolled", "in_progress")),
        ]
        positive = (operator == "=") == bool(value)
        return domain if positive else ["!", *["&", *domain]]

    def _sync_from_membership(self):
        """Copy completion and status from the eLearning memberships.

        An archived membership of a running assignment means the last
        certification attempt failed: the assignment fails and the recruiter
        is told.  Finished plans move on (``_on_training_done``).
        """
        failed, done_applicants = self.browse(), self.env["hr.applicant"]
        for assignment in self.filtered(
            lambda a: a.state in ("enrolled", "in_progress", "done")
        ):
            membership = assignment.membership_id.with_context(active_test=False)
            if not membership:
                continue
            if not membership.active:
                if assignment.state != "done":
                    failed |= assignment
                continue
            state = MEMBER_STATES.get(membership.member_status, assignment.state)
            vals = {"completion": membership.completion, "state": state}
            if state == "done" and assignment.state != "done":
                vals["completed_at"] = fields.Datetime.now()
                done_applicants |= assignment.applicant_id
            assignment.write(vals)
        if failed:
            failed.write({"state": "failed"})
            for assignment in failed:
                assignment.applicant_id._hr_training_notify_failure(assignment)
        finished = done_applicants.filtered(
            lambda applicant: applicant.training_assignment_ids
            and all(
                a.state in ("done", "cancelled")
                for a in applicant.training_assignment_ids
            )
        )
        if finished:
            finished._on_training_done()

    def action_open_course(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": self.channel_id.website_url,
            "target": "new",
        }

    @api.depends("channel_id", "applicant_id")
    def _compute_display_name(self):
        for assignment in self:
            assignment.display_name = _(
                "%(course)s for %(applicant)s",
                course=assignment.channel_id.name or "",
                applicant=assignment.applicant_id.partner_name or "",
            )
