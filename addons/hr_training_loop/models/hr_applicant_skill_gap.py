from odoo import _, api, fields, models


class HrApplicantSkillGap(models.Model):
    """How far an applicant is from the job's required level on one skill.

    Computed by ``hr.applicant._compute_skill_gaps`` from the evidence (AI
    result and submitted scorecards); ``before_level`` is frozen when the
    training plan is confirmed and ``after_level`` measured on the evidence
    gathered after it.
    """

    _name = "hr.applicant.skill.gap"
    _description = "Applicant Skill Gap"
    _order = "gap desc, id"

    applicant_id = fields.Many2one(
        "hr.applicant", required=True, ondelete="cascade", index=True
    )
    job_id = fields.Many2one(related="applicant_id.job_id", store=True)
    company_id = fields.Many2one(related="applicant_id.company_id", store=True)
    skill_id = fields.Many2one("hr.skill", required=True, ondelete="cascade")
    required_level = fields.Float(digits=(5, 1))
    ai_level = fields.Float(string="AI Level", digits=(5, 1))
    interview_level = fields.Float(digits=(5, 1))
    measured_level = fields.Float(digits=(5, 1))
    has_evidence = fields.Boolean()
    has_ai_evidence = fields.Boolean()
    has_interview_evidence = fields.Boolean()
    gap = fields.Float(digits=(5, 1), aggregator="avg")
    status = fields.Selection(
        [("below", "Below target"), ("met", "Target met"), ("exceeds", "Exceeds")],
        required=True,
        default="below",
    )
    is_core = fields.Boolean(string="Core competency")
    is_core_gap = fields.Boolean(string="Core Gap")
    evidence_note = fields.Char(compute="_compute_evidence_note")
    before_level = fields.Float(digits=(5, 1))
    after_level = fields.Float(digits=(5, 1))
    has_after_evidence = fields.Boolean()
    effect = fields.Float(digits=(5, 1), aggregator="avg")
    closed = fields.Boolean()
    assignment_ids = fields.One2many(
        "hr.training.assignment", "gap_id", string="Planned Courses"
    )

    _sql_constraints = [
        (
            "applicant_skill_unique",
            "unique(applicant_id, skill_id)",
            "One gap line per applicant and skill.",
        ),
    ]

    @api.depends("has_ai_evidence", "has_interview_evidence", "ai_level")
    def _compute_evidence_note(self):
        for gap in self:
            if not gap.has_evidence:
                gap.evidence_note = _("No evidence yet: counted as the largest gap")
            elif gap.has_ai_evidence and gap.has_interview_evidence:
                gap.evidence_note = _("AI interview and interviews")
            elif gap.has_ai_evidence:
                gap.evidence_note = _("AI interview only")
            else:
                gap.evidence_note = _("Interviews only")
