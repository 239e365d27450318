from odoo import api, fields, models


class HrInterviewRubric(models.Model):
    """How one kind of interview is scored: weighted criteria with anchored
    ratings, and the questions or situational cases to ask.

    Scorecards copy the criteria of the rubric that matches the applicant's
    job and stage (``_select_for``).  Rubrics are plain records, so other
    addons create them from code too (e.g. a re-interview rubric whose
    criteria are an applicant's skill gaps).
    """

    _name = "hr.interview.rubric"
    _description = "Interview Rubric"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(
        [
            ("structured", "Structured interview"),
            ("situational", "Situational simulation"),
            ("technical", "Technical interview"),
            ("re_interview", "Re-interview"),
        ],
        required=True,
        default="structured",
        index=True,
    )
    description = fields.Text(translate=True)
    job_ids = fields.Many2many(
        "hr.job",
        "hr_interview_rubric_job_rel",
        "rubric_id",
        "job_id",
        string="Jobs",
        help="Jobs this rubric scores. Empty: any job.",
    )
    stage_ids = fields.Many2many(
        "hr.recruitment.stage",
        "hr_interview_rubric_stage_rel",
        "rubric_id",
        "stage_id",
        string="Stages",
        help="Recruitment stages this rubric scores. Empty: any stage.",
    )
    criterion_ids = fields.One2many(
        "hr.interview.rubric.criterion", "rubric_id", string="Criteria", copy=True
    )
    question_ids = fields.Many2many(
        "hr.interview.question",
        "hr_interview_rubric_question_rel",
        "rubric_id",
        "question_id",
        string="Questions and Cases",
        help="Questions (or, for a situational simulation, the cases) this "
        "rubric asks first; the interview kit adds questions of the bank "
        "linked to the criteria.",
    )
    criterion_count = fields.Integer(compute="_compute_criterion_stats")
    total_weight = fields.Float(compute="_compute_criterion_stats")

    @api.depends("criterion_ids.weight")
    def _compute_criterion_stats(self):
        for rubric in self:
            rubric.criterion_count = len(rubric.criterion_ids)
            rubric.total_weight = sum(rubric.criterion_ids.mapped("weight"))

    def _select_for(self, job, stage):
        """Return the rubric of ``self`` that scores ``job`` at ``stage``.

        A rubric matches when its jobs include ``job`` (or it has no job) and
        its stages include ``stage`` (or it has no stage).  The most specific
        match wins: job and stage, then job only, then stage only, then
        neither; then ``sequence``.  Works in memory on an already searched
        recordset, so a batch of applicants costs one search
        (``_get_candidates``).  Override to change the choice.

        :return: one rubric or an empty recordset
        """
        matches = self.filtered(
            lambda r: (not r.job_ids or job in r.job_ids)
            and (not r.stage_ids or stage in r.stage_ids)
        )
        if not matches:
            return self.browse()
        return min(
            matches,
            key=lambda r: (not r.job_ids, not r.stage_ids, r.sequence, r.id),
        )

    @api.model
    def _get_candidates(self, jobs):
        """Active rubrics that may score applicants of ``jobs`` (one search)."""
        return self.search(["|", ("job_ids", "=", False), ("job_ids", "in", jobs.ids)])

    @api.model
    def _find_for(self, job, stage):
        """The rubric for an interview of ``job`` at ``stage`` (see
        ``_select_for``), or an empty recordset."""
        return self._get_candidates(job)._select_for(job, stage)
