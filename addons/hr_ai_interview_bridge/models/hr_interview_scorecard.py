from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from ..analytics import consistency
from ..intake import normalize

MANAGER_GROUP = "hr_recruitment.group_hr_recruitment_manager"
OFFICER_GROUP = "hr_recruitment.group_hr_recruitment_user"


def check_computed_writes(records, vals):
    """Refuse writing computed fields of ``records`` (not for superuser).

    Scores and weights are computed; a client could otherwise send its own
    weighted score through ``write``.
    """
    if records.env.su:
        return
    fields_ = records._fields
    computed = sorted(
        name
        for name in vals
        if name in fields_
        and fields_[name].compute
        and not fields_[name].inverse
        and not fields_[name].related
    )
    if computed:
        raise AccessError(
            records.env._("These fields are computed: %s.", ", ".join(computed))
        )


class HrInterviewScorecard(models.Model):
    """One interviewer's evaluation of one applicant against one rubric.

    Life cycle: created in draft with one line per criterion
    (``hr.applicant._create_scorecards``), filled by the interviewer, then
    submitted (``action_submit``: every criterion rated or explicitly "no
    decision").  A submitted scorecard is read-only; a Recruitment manager
    may reopen it (``action_reopen``), which the chatter records.

    Blind until submitted: record rules let an interviewer read the other
    scorecards of an applicant only once their own is submitted.
    """

    _name = "hr.interview.scorecard"
    _description = "Interview Scorecard"
    _inherit = ["mail.thread"]
    _order = "create_date desc, id desc"

    applicant_id = fields.Many2one(
        "hr.applicant", required=True, ondelete="cascade", index=True
    )
    partner_name = fields.Char(
        related="applicant_id.partner_name", string="Applicant Name"
    )
    job_id = fields.Many2one(related="applicant_id.job_id", store=True, index=True)
    company_id = fields.Many2one(
        related="applicant_id.company_id", store=True, index=True
    )
    interviewer_id = fields.Many2one(
        "res.users",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    rubric_id = fields.Many2one(
        "hr.interview.rubric", required=True, ondelete="restrict", index=True
    )
    rubric_kind = fields.Selection(related="rubric_id.kind", store=True, index=True)
    event_id = fields.Many2one(
        "calendar.event",
        string="Interview",
        ondelete="set null",
        index="btree_not_null",
    )
    stage_id = fields.Many2one(
        "hr.recruitment.stage", ondelete="set null", index="btree_not_null"
    )
    state = fields.Selection(
        [("draft", "To fill"), ("submitted", "Submitted")],
        required=True,
        default="draft",
        index=True,
        copy=False,
        tracking=True,
    )
    submitted_at = fields.Datetime(readonly=True, copy=False)
    recommendation = fields.Selection(
        [
            ("strong_no", "Strong no"),
            ("no", "No"),
            ("yes", "Yes"),
            ("strong_yes", "Strong yes"),
        ],
        tracking=True,
        help="Hire recommendation; empty: no decision.",
    )
    notes = fields.Text()
    line_ids = fields.One2many(
        "hr.interview.scorecard.line", "scorecard_id", string="Criteria", copy=True
    )
    weighted_score = fields.Float(
        compute="_compute_weighted_score",
        store=True,
        digits=(5, 2),
        aggregator="avg",
        help="100 x sum(weight x (rating - 1) / 4) / sum(weight) over the "
        "rated criteria; no-decision criteria are left out.",
    )
    is_scored = fields.Boolean(
        string="Scored",
        compute="_compute_weighted_score",
        store=True,
        help="At least one criterion is rated: without, there is no score.",
    )
    line_count = fields.Integer(compute="_compute_progress")
    answered_count = fields.Integer(compute="_compute_progress")
    progress_label = fields.Char(string="Progress", compute="_compute_progress")
    is_mine = fields.Boolean(compute="_compute_is_mine")
    resume_url = fields.Char(compute="_compute_resume_url")
    kit_html = fields.Html(
        string="Interview Kit", compute="_compute_kit_html", sanitize=False
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("applicant_id.partner_name", "rubric_id.name", "interviewer_id.name")
    def _compute_display_name(self):
        for scorecard in self:
            scorecard.display_name = _(
                "%(applicant)s - %(rubric)s (%(interviewer)s)",
                applicant=scorecard.applicant_id.partner_name or "",
                rubric=scorecard.rubric_id.name or "",
                interviewer=scorecard.interviewer_id.name or "",
            )

    @api.depends("line_ids.rating", "line_ids.weight")
    def _compute_weighted_score(self):
        for scorecard in self:
            score = consistency.weighted_score(
                (line.weight, line.rating) for line in scorecard.line_ids
            )
            scorecard.weighted_score = score or 0.0
            scorecard.is_scored = score is not None

    @api.depends("line_ids.rating_choice")
    def _compute_progress(self):
        for scorecard in self:
            scorecard.line_count = len(scorecard.line_ids)
            scorecard.answered_count = len(scorecard.line_ids.filtered("rating_choice"))
            scorecard.progress_label = _(
                "%(answered)s / %(total)s rated",
                answered=scorecard.answered_count,
                total=scorecard.line_count,
            )

    @api.depends_context("uid")
    @api.depends("interviewer_id")
    def _compute_is_mine(self):
        for scorecard in self:
            scorecard.is_mine = scorecard.interviewer_id == self.env.user

    @api.depends("applicant_id")
    def _compute_resume_url(self):
        for scorecard in self:
            applicant = scorecard.applicant_id
            attachment = (
                applicant.message_main_attachment_id or (applicant.attachment_ids[:1])
            )
            scorecard.resume_url = (
                f"/web/content/{attachment.id}" if attachment else False
            )

    @api.depends("applicant_id", "rubric_id", "line_ids")
    def _compute_kit_html(self):
        for scorecard in self:
            if not (scorecard.applicant_id and scorecard.rubric_id):
                scorecard.kit_html = False
                continue
            scorecard.kit_html = self.env["ir.qweb"]._render(
                "hr_ai_interview_bridge.interview_kit_content",
                dict(scorecard._get_kit_values(), print_mode=False),
            )

    def _get_kit_values(self):
        """Values of the interview-kit template (form tab and PDF).

        :return: dict with ``scorecard``, ``applicant``, ``kit`` (the entries
            of ``hr.applicant._get_interview_kit`` in criterion order),
            ``focus`` (the entries with a focus), ``resume_url`` and
            ``applicant_url``.
        """
        self.ensure_one()
        applicant = self.applicant_id
        kit = applicant._get_interview_kit(self.rubric_id)
        entries = [kit[c.id] for c in self.rubric_id.criterion_ids if c.id in kit]
        return {
            "scorecard": self,
            "applicant": applicant,
            "kit": entries,
            "focus": [entry for entry in entries if entry["focus"]],
            "resume_url": self.resume_url,
            "applicant_url": f"{applicant.get_base_url()}/odoo/hr.applicant/"
            f"{applicant.id}",
        }

    # ------------------------------------------------------------------
    # CRUD guards
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        # Lines cannot be added to a submitted scorecard: create in draft
        # with the lines, then submit through write() (completeness check).
        to_submit = []
        rubrics = self.env["hr.interview.rubric"].browse(
            {vals["rubric_id"] for vals in vals_list if vals.get("rubric_id")}
        )
        for index, vals in enumerate(vals_list):
            if not vals.get("line_ids") and vals.get("rubric_id"):
                # Without lines, one per criterion of the rubric.
                criteria = rubrics.browse(vals["rubric_id"]).criterion_ids
                vals = dict(
                    vals,
                    line_ids=[
                        Command.create({"criterion_id": criterion.id})
                        for criterion in criteria
                    ],
                )
                vals_list[index] = vals
            if vals.get("state") == "submitted":
                vals_list[index] = dict(vals, state="draft")
                to_submit.append(index)
        scorecards = super().create(vals_list)
        for index in to_submit:
            scorecards[index].write({"state": "submitted"})
        return scorecards

    def write(self, vals):
        self._check_write_allowed(vals)
        if vals.get("state") == "submitted":
            self._check_complete()
            if "submitted_at" not in vals:
                vals = dict(vals, submitted_at=fields.Datetime.now())
        return super().write(vals)

    def _get_submitted_writable_fields(self):
        """Fields that may still change on a submitted scorecard
        (extension point); everything else needs a reopen first."""
        return {"message_main_attachment_id"}

    def _get_interviewer_fixed_fields(self):
        """Fields only officers may change after creation (extension
        point): an interviewer must not move a scorecard to another
        applicant, rubric or interviewer."""
        return {"applicant_id", "interviewer_id", "rubric_id"}

    def _check_write_allowed(self, vals):
        check_computed_writes(self, vals)
        user = self.env.user
        is_manager = self.env.su or user.has_group(MANAGER_GROUP)
        fixed = set(vals) & self._get_interviewer_fixed_fields()
        if fixed and not (self.env.su or user.has_group(OFFICER_GROUP)):
            raise AccessError(
                _("Only recruitment officers can change %s.", ", ".join(sorted(fixed)))
            )
        if vals.get("state") == "draft" and not is_manager:
            if self.filtered(lambda s: s.state == "submitted"):
                raise AccessError(
                    _("Only Recruitment managers can reopen a submitted scorecard.")
                )
        submitted = self.filtered(lambda s: s.state == "submitted")
        if not submitted:
            return
        reopening = vals.get("state") == "draft" and set(vals) <= {
            "state",
            "submitted_at",
        }
        if not reopening and set(vals) - self._get_submitted_writable_fields():
            raise UserError(
                _(
                    "Submitted scorecards are read-only: %s. A Recruitment "
                    "manager can reopen them.",
                    ", ".join(submitted.mapped("display_name")),
                )
            )

    def _check_editable(self):
        """Raise if a scorecard of ``self`` is submitted (lines are frozen)."""
        submitted = self.filtered(lambda s: s.state == "submitted")
        if submitted:
            raise UserError(
                _(
                    "Submitted scorecards are read-only: %s. A Recruitment "
                    "manager can reopen them.",
                    ", ".join(submitted.mapped("display_name")),
                )
            )

    def _check_complete(self):
        """Every criterion rated or explicitly "no decision"."""
        for scorecard in self:
            if not scorecard.line_ids:
                raise UserError(
                    _("The scorecard %s has no criterion.", scorecard.display_name)
                )
            missing = scorecard.line_ids.filtered(lambda line: not line.rating_choice)
            if missing:
                raise UserError(
                    _(
                        'Rate every criterion, or choose "No decision", before '
                        "submitting. Not rated yet: %s",
                        ", ".join(missing.mapped("criterion_id.name")),
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_submit(self):
        """Submit the scorecards: checks completeness, freezes them and
        lets their interviewers see the panel's other scorecards."""
        drafts = self.filtered(lambda s: s.state == "draft")
        drafts.write({"state": "submitted"})
        for scorecard in drafts:
            scorecard.message_post(
                body=_(
                    "Scorecard submitted: weighted score %(score)s.",
                    score=normalize.format_score(scorecard.weighted_score)
                    if scorecard.is_scored
                    else _("none (no criterion rated)"),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_reopen(self):
        """Back to draft, for Recruitment managers only; logged in the
        chatter with who reopened it."""
        if not (self.env.su or self.env.user.has_group(MANAGER_GROUP)):
            raise AccessError(
                _("Only Recruitment managers can reopen a submitted scorecard.")
            )
        submitted = self.filtered(lambda s: s.state == "submitted")
        submitted.write({"state": "draft", "submitted_at": False})
        for scorecard in submitted:
            scorecard.message_post(
                body=_("Scorecard reopened by %s.", self.env.user.name),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_print_kit(self):
        return self.env.ref(
            "hr_ai_interview_bridge.hr_interview_kit_report"
        ).report_action(self)

    def action_open_applicant(self):
        """Open the applicant with the form its user may use (interviewers
        get their own form view)."""
        self.ensure_one()
        return self.applicant_id.get_formview_action()

    # ------------------------------------------------------------------
    # Consistency analytics
    # ------------------------------------------------------------------
    @api.model
    def consistency_stats(self, domain=None):
        """Inter-rater consistency of the submitted scorecards in ``domain``.

        Public (callable over RPC); record rules apply, so each user measures
        the scorecards they may read.  One SQL query reads every line, then
        ``analytics.consistency.consistency_stats`` computes in one pass.

        :param domain: domain on ``hr.interview.scorecard`` (submitted is
            added)
        :return: dict with ``pairs``, ``disagreement_rate``, ``icc_2_1``,
            ``krippendorff_alpha`` and ``interviewers`` (list of dicts with
            ``user_id``, ``scorecards``, ``distribution``,
            ``mean_deviation``, ``no_decision_rate``); see the analytics
            module for the exact definitions.
        """
        domain = list(domain or []) + [("state", "=", "submitted")]
        query = self._search(domain)
        Line = self.env["hr.interview.scorecard.line"]
        # Raw SQL below: flush what it reads.
        self.flush_model(["applicant_id", "interviewer_id", "state"])
        Line.flush_model(["scorecard_id", "criterion_id", "rating"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT sc.id, sc.applicant_id, line.criterion_id,
                       sc.interviewer_id, line.rating
                  FROM hr_interview_scorecard sc
             LEFT JOIN hr_interview_scorecard_line line
                    ON line.scorecard_id = sc.id
                 WHERE sc.id IN %(ids)s
                """,
                ids=query.subselect(),
            )
        )
        return consistency.consistency_stats(rows)
