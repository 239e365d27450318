import logging
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .. import gaps as gap_rules

_logger = logging.getLogger(__name__)

PARAM_PREFIX = "hr_training_loop."


class HrApplicant(models.Model):
    _inherit = "hr.applicant"

    gap_ids = fields.One2many(
        "hr.applicant.skill.gap", "applicant_id", string="Competency Gaps"
    )
    training_assignment_ids = fields.One2many(
        "hr.training.assignment", "applicant_id", string="Training Plan"
    )
    training_state = fields.Selection(
        [
            ("none", "No training"),
            ("planned", "Planned"),
            ("in_progress", "In progress"),
            ("done", "Done"),
        ],
        compute="_compute_training_state",
        store=True,
        default="none",
        index=True,
    )
    training_confirmed_at = fields.Datetime(
        readonly=True,
        help="When the plan was confirmed: the training effect is measured on "
        "evidence gathered after this moment.",
    )
    training_plan_summary = fields.Text(readonly=True)
    core_gap_count = fields.Integer(compute="_compute_core_gap_count")
    training_ready_for_reinterview = fields.Boolean(
        compute="_compute_training_ready_for_reinterview",
        help="Every course of the plan is done and the applicant is still in "
        "the Training stage (read by the re-interview automation rule).",
    )

    @api.depends("training_assignment_ids.state")
    def _compute_training_state(self):
        for applicant in self:
            states = set(applicant.training_assignment_ids.mapped("state")) - {
                "cancelled"
            }
            if not states:
                applicant.training_state = "none"
            elif states == {"planned"}:
                applicant.training_state = "planned"
            elif states <= {"done"}:
                applicant.training_state = "done"
            else:
                applicant.training_state = "in_progress"

    @api.depends("training_state", "stage_id")
    def _compute_training_ready_for_reinterview(self):
        stage = self.env.ref(
            "hr_training_loop.stage_training", raise_if_not_found=False
        )
        for applicant in self:
            applicant.training_ready_for_reinterview = bool(
                stage
                and applicant.stage_id == stage
                and applicant.training_state == "done"
            )

    def _ai_explain_training_ready_for_reinterview(self, operator, value):
        done = self.training_assignment_ids.filtered(lambda a: a.state == "done")
        planned = self.training_assignment_ids.filtered(
            lambda a: a.state != "cancelled"
        )
        return _(
            "training plan done: %(done)s of %(total)s courses",
            done=len(done),
            total=len(planned),
        )

    @api.depends("gap_ids.is_core_gap")
    def _compute_core_gap_count(self):
        for applicant in self:
            applicant.core_gap_count = len(applicant.gap_ids.filtered("is_core_gap"))

    # ------------------------------------------------------------------
    # Settings
    # ------------------------------------------------------------------
    @api.model
    def _hr_training_settings(self):
        """Gap rule settings (Recruitment settings), defaults in gaps.py."""
        # sudo: system parameters are admin-only; these are not secrets.
        params = self.env["ir.config_parameter"].sudo()
        settings = {}
        for key, default in gap_rules.DEFAULTS.items():
            try:
                settings[key] = float(params.get_param(PARAM_PREFIX + key, default))
            except ValueError:
                settings[key] = default
        settings["max_courses"] = int(
            params.get_param(PARAM_PREFIX + "max_courses", 3) or 3
        )
        settings["due_days"] = int(
            params.get_param(PARAM_PREFIX + "due_days", 30) or 30
        )
        return settings

    # ------------------------------------------------------------------
    # Evidence and gaps
    # ------------------------------------------------------------------
    def _hr_training_ai_levels(self, after_confirmation=False):
        """Mean AI score per (applicant, skill) on the latest done result.

        :return: dict (applicant id, skill id) -> level
        """
        condition = SQL("TRUE")
        if after_confirmation:
            condition = SQL(
                "a.training_confirmed_at IS NOT NULL "
                "AND r.completed_at >= a.training_confirmed_at"
            )
        self.env["hr.ai.interview.score"].flush_model()
        self.env["hr.ai.interview.result"].flush_model(["completed_at"])
        self.flush_recordset(["ai_result_id", "training_confirmed_at"])
        # One aggregate query instead of reading every score line.
        self.env.cr.execute(
            SQL(
                """
                SELECT a.id, d.skill_id, AVG(s.score)
                  FROM hr_applicant a
                  JOIN hr_ai_interview_result r ON r.id = a.ai_result_id
                  JOIN hr_ai_interview_score s ON s.result_id = r.id
                  JOIN hr_ai_interview_dimension d ON d.id = s.dimension_id
                 WHERE a.id = ANY(%s) AND d.skill_id IS NOT NULL AND %s
              GROUP BY a.id, d.skill_id
                """,
                self.ids,
                condition,
            )
        )
        return {(row[0], row[1]): float(row[2]) for row in self.env.cr.fetchall()}

    def _hr_training_interview_levels(self, after_confirmation=False):
        """Mean of 100 * (rating - 1) / 4 over non-zero ratings of submitted
        scorecards, per (applicant, skill of the criterion).

        After confirmation: only re-interview scorecards submitted after it.
        """
        condition = SQL("TRUE")
        if after_confirmation:
            condition = SQL(
                "a.training_confirmed_at IS NOT NULL "
                "AND sc.submitted_at >= a.training_confirmed_at "
                "AND rb.kind = 're_interview'"
            )
        for model in (
            "hr.interview.scorecard",
            "hr.interview.scorecard.line",
            "hr.interview.rubric.criterion",
        ):
            self.env[model].flush_model()
        self.flush_recordset(["training_confirmed_at"])
        self.env.cr.execute(
            SQL(
                """
                SELECT sc.applicant_id, c.skill_id,
                       AVG(100.0 * (l.rating - 1) / 4)
                  FROM hr_interview_scorecard_line l
                  JOIN hr_interview_scorecard sc ON sc.id = l.scorecard_id
                  JOIN hr_interview_rubric rb ON rb.id = sc.rubric_id
                  JOIN hr_interview_rubric_criterion c ON c.id = l.criterion_id
                  JOIN hr_applicant a ON a.id = sc.applicant_id
                 WHERE sc.applicant_id = ANY(%s)
                   AND sc.state = 'submitted'
                   AND l.rating > 0
                   AND c.skill_id IS NOT NULL
                   AND %s
              GROUP BY sc.applicant_id, c.skill_id
                """,
                self.ids,
                condition,
            )
        )
        return {(row[0], row[1]): float(row[2]) for row in self.env.cr.fetchall()}

    def action_compute_gaps(self):
        """Recompute the competency gaps of these applicants (in batch)."""
        self._compute_skill_gaps()
        return True

    def _compute_skill_gaps(self):
        """Gaps against each job's competency model, a fixed number of
        queries whatever the number of applicants."""
        applicants = self.filtered("job_id")
        if not applicants:
            return
        # sudo: gaps derive from AI results and scorecards a recruiter may
        # not all read (blind scorecards); only the aggregate is stored.
        applicants = applicants.sudo()
        settings = self._hr_training_settings()
        competencies = (
            self.env["hr.job.competency"]
            .sudo()
            .search([("job_id", "in", applicants.job_id.ids)])
        )
        by_job = {}
        for competency in competencies:
            by_job.setdefault(competency.job_id.id, []).append(competency)
        ai = applicants._hr_training_ai_levels()
        interview = applicants._hr_training_interview_levels()
        existing = {
            (gap.applicant_id.id, gap.skill_id.id): gap
            for gap in self.env["hr.applicant.skill.gap"]
            .sudo()
            .search([("applicant_id", "in", applicants.ids)])
        }
        to_create, keep = [], set()
        for applicant in applicants:
            for competency in by_job.get(applicant.job_id.id, []):
                key = (applicant.id, competency.skill_id.id)
                ai_level, interview_level = ai.get(key), interview.get(key)
                measured = gap_rules.measure(
                    ai_level, interview_level, settings["ai_weight"]
                )
                result = gap_rules.classify(
                    competency.required_level, measured, competency.is_core, settings
                )
                vals = {
                    "required_level": competency.required_level,
                    "ai_level": ai_level or 0.0,
                    "interview_level": interview_level or 0.0,
                    "has_ai_evidence": ai_level is not None,
                    "has_interview_evidence": interview_level is not None,
                    "measured_level": measured or 0.0,
                    "has_evidence": result.has_evidence,
                    "gap": result.gap,
                    "status": result.status,
                    "is_core": competency.is_core,
                    "is_core_gap": result.is_core_gap,
                }
                keep.add(key)
                gap = existing.get(key)
                if gap:
                    changed = {
                        name: value
                        for name, value in vals.items()
                        if gap[name] != value
                    }
                    if changed:
                        gap.write(changed)
                else:
                    to_create.append(
                        dict(vals, applicant_id=applicant.id, skill_id=key[1])
                    )
        if to_create:
            self.env["hr.applicant.skill.gap"].sudo().create(to_create)
        stale = [gap for key, gap in existing.items() if key not in keep]
        if stale:
            self.env["hr.applicant.skill.gap"].concat(*stale).unlink()
        applicants.filtered("training_confirmed_at")._compute_training_effect()

    def _compute_training_effect(self):
        """``after_level`` from the evidence gathered after the plan was
        confirmed (re-interview scorecards, an AI retake), ``effect`` and
        ``closed`` on each gap."""
        settings = self._hr_training_settings()
        ai = self._hr_training_ai_levels(after_confirmation=True)
        interview = self._hr_training_interview_levels(after_confirmation=True)
        for gap in self.gap_ids:
            key = (gap.applicant_id.id, gap.skill_id.id)
            after = gap_rules.measure(
                ai.get(key), interview.get(key), settings["ai_weight"]
            )
            if after is None:
                vals = {"has_after_evidence": False}
            else:
                vals = {
                    "has_after_evidence": True,
                    "after_level": after,
                    "effect": round(after - gap.before_level, 2),
                    "closed": after >= gap.required_level,
                }
            gap.write(vals)

    # ------------------------------------------------------------------
    # Plan and confirmation
    # ------------------------------------------------------------------
    def action_plan_training(self):
        """Plan courses for the core gaps (``planned`` assignments)."""
        settings = self._hr_training_settings()
        for applicant in self:
            if applicant.training_state not in ("none", "planned"):
                raise UserError(
                    _("%s already follows a confirmed plan.", applicant.partner_name)
                )
            applicant._compute_skill_gaps()
            applicant.training_assignment_ids.filtered(
                lambda a: a.state == "planned"
            ).unlink()
            core_gaps = applicant.gap_ids.filtered("is_core_gap").sorted(
                lambda gap: (-gap.gap, gap.id)
            )
            if not core_gaps:
                raise UserError(
                    _("%s has no core competency gap to train.", applicant.partner_name)
                )
            plan = applicant._plan_courses(core_gaps, settings["max_courses"])
            due = fields.Date.context_today(self) + timedelta(days=settings["due_days"])
            self.env["hr.training.assignment"].create(
                [
                    {
                        "applicant_id": applicant.id,
                        "channel_id": channel.id,
                        "skill_id": gap.skill_id.id,
                        "gap_id": gap.id,
                        "due_date": due,
                    }
                    for gap, channel in plan
                ]
            )
            applicant.training_plan_summary = applicant._training_plan_text(
                core_gaps, plan
            )
        return True

    def _plan_courses(self, core_gaps, max_courses):
        """Choose courses for the gaps (extension point).

        For each gap, largest first: published courses whose skill target
        covers the skill at or above the required level, the shortest first;
        a course already chosen covers every gap it targets.

        :return: list of (gap, slide.channel), at most ``max_courses`` courses
        """
        # sudo: recruiters plan courses they may not manage in eLearning.
        targets = (
            self.env["slide.channel.skill"]
            .sudo()
            .search(
                [
                    ("skill_id", "in", core_gaps.skill_id.ids),
                    ("channel_id.is_published", "=", True),
                    ("channel_id.active", "=", True),
                ]
            )
        )
        plan, chosen = [], self.env["slide.channel"]
        for gap in core_gaps:
            options = targets.filtered(
                lambda t, gap=gap: t.skill_id == gap.skill_id
                and t.target_level >= gap.required_level
            ).sorted(lambda t: (t.channel_id.total_time, t.channel_id.id))
            if not options:
                continue
            already = options.channel_id & chosen
            if already:
                plan.append((gap, already[:1]))
                continue
            if len(chosen) >= max_courses:
                continue
            channel = options[0].channel_id
            chosen |= channel
            plan.append((gap, channel))
        return plan

    def _training_plan_text(self, core_gaps, plan):
        lines = []
        planned = {gap.id: channel for gap, channel in plan}
        for gap in core_gaps:
            channel = planned.get(gap.id)
            lines.append(
                _(
                    "%(skill)s: level %(measured)s, required %(required)s (gap "
                    "%(gap)s) - %(course)s",
                    skill=gap.skill_id.name,
                    measured=round(gap.measured_level),
                    required=round(gap.required_level),
                    gap=round(gap.gap),
                    course=channel.name if channel else _("no matching course"),
                )
            )
        return "\n".join(lines)

    def action_confirm_training(self):
        """Confirm the plan: portal access, enrollment (one call per
        course), Training stage, email to the candidate, ``before_level``
        frozen on each gap."""
        stage = self.env.ref("hr_training_loop.stage_training")
        for applicant in self:
            planned = applicant.training_assignment_ids.filtered(
                lambda a: a.state == "planned"
            )
            if not planned:
                raise UserError(
                    _("Plan the training of %s first.", applicant.partner_name)
                )
            inactive = planned.filtered(
                lambda a: not a.channel_id.active or not a.channel_id.is_published
            )
            if inactive:
                raise UserError(
                    _(
                        "These courses are archived or unpublished, plan again: %s",
                        ", ".join(inactive.channel_id.mapped("name")),
                    )
                )
            partner = applicant._hr_training_learner()
            now = fields.Datetime.now()
            for channel, assignments in planned.grouped("channel_id").items():
                # sudo: invite-only courses need an eLearning officer to add
                # members; recruiters are not.
                memberships = channel.sudo()._action_add_members(partner)
                membership = memberships[:1] or self.env[
                    "slide.channel.partner"
                ].sudo().search(
                    [("channel_id", "=", channel.id), ("partner_id", "=", partner.id)],
                    limit=1,
                )
                assignments.write(
                    {
                        "state": "enrolled",
                        "partner_id": partner.id,
                        "membership_id": membership.id,
                        "enrolled_at": now,
                        "completion": membership.completion,
                    }
                )
            # sudo: gaps are maintained by the system, recruiters only read.
            for gap in applicant.gap_ids.sudo():
                gap.before_level = gap.measured_level
            applicant.write({"training_confirmed_at": now, "stage_id": stage.id})
            applicant._hr_training_send_plan()
        return True

    def _hr_training_learner(self):
        """The candidate's partner, with portal access (invited by email;
        an existing user, portal or internal, is reused)."""
        self.ensure_one()
        candidate = self.candidate_id
        if not candidate.partner_id:
            if not candidate.email_from:
                raise UserError(
                    _(
                        "%s has no email: the candidate cannot be invited to "
                        "the courses.",
                        self.partner_name,
                    )
                )
            candidate.partner_id = self.env["res.partner"].create(
                {"name": candidate.partner_name, "email": candidate.email_from}
            )
        partner = candidate.partner_id
        if candidate.partner_name and partner.name == partner.email:
            # Odoo names a candidate's contact after the email: the learner
            # would show as an address in the course and the portal.
            partner.name = candidate.partner_name
        if not partner.with_context(active_test=False).user_ids:
            if not partner.email:
                partner.email = candidate.email_from
            # sudo: granting portal access is Odoo's portal wizard, which
            # needs contact-management rights a recruiter may not have.
            wizard = (
                self.env["portal.wizard"]
                .sudo()
                .create({"partner_ids": [fields.Command.set(partner.ids)]})
            )
            wizard.user_ids.action_grant_access()
        return partner

    def _hr_training_send_plan(self):
        template = self.env.ref("hr_training_loop.mail_template_training_plan")
        self.message_post_with_source(
            template,
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.candidate_id.partner_id.ids,
        )

    # ------------------------------------------------------------------
    # Progress and the way back
    # ------------------------------------------------------------------
    def _hr_training_notify_failure(self, assignment):
        self.ensure_one()
        note = _(
            "%(candidate)s failed the certification of %(course)s.",
            candidate=self.partner_name,
            course=assignment.channel_id.name,
        )
        self._ai_schedule_review(_("Training failed"), note)
        self.message_post(body=note, subtype_xmlid="mail.mt_note")

    def _on_training_done(self):
        """All courses done: tell the recruiter and the earlier interviewers;
        the shipped automation rule brings the applicant to Re-interview."""
        for applicant in self:
            note = _(
                "%s finished every course of the training plan: time for the "
                "re-interview.",
                applicant.partner_name,
            )
            applicant._ai_schedule_review(_("Re-interview after training"), note)
            interviewers = (
                applicant.scorecard_ids.interviewer_id | applicant.interviewer_ids
            )
            for user in interviewers:
                applicant.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=_("Re-interview after training"),
                    note=note,
                    user_id=user.id,
                )
            applicant.message_post(
                body=note,
                subtype_xmlid="mail.mt_note",
                partner_ids=interviewers.partner_id.ids,
            )

    def _create_re_interview_scorecards(self):
        """Re-interview on the gap skills: a ``re_interview`` rubric whose
        criteria are the skills of the plan, and a scorecard for each earlier
        interviewer (the recruiter when there is none)."""
        Rubric = self.env["hr.interview.rubric"].sudo()
        stage = self.env.ref("hr_training_loop.stage_re_interview")
        for applicant in self:
            gaps = applicant.gap_ids.filtered(
                lambda gap: gap.assignment_ids or gap.is_core_gap
            )
            if not gaps:
                continue
            rubric = Rubric.create(
                {
                    "name": _("Re-interview: %s", applicant.partner_name),
                    "kind": "re_interview",
                    "job_ids": [fields.Command.set(applicant.job_id.ids)],
                    "stage_ids": [fields.Command.set(stage.ids)],
                    "criterion_ids": [
                        fields.Command.create(
                            {
                                "name": gap.skill_id.name,
                                "skill_id": gap.skill_id.id,
                                "weight": max(gap.gap, 1.0),
                                "sequence": index,
                            }
                        )
                        for index, gap in enumerate(gaps)
                    ],
                }
            )
            interviewers = (
                applicant.scorecard_ids.interviewer_id | applicant.interviewer_ids
            ) or applicant._ai_recruiter()
            self.env["hr.interview.scorecard"].sudo().create(
                [
                    applicant._prepare_scorecard_values(rubric, user, stage)
                    for user in interviewers
                ]
            )

    def _hr_training_cancel(self):
        """The applicant left the process: cancel the running assignments and
        remove the course memberships."""
        running = self.training_assignment_ids.filtered(
            lambda a: a.state in ("planned", "enrolled", "in_progress")
        )
        for assignment in running.filtered("membership_id"):
            # sudo: see action_confirm_training.
            assignment.channel_id.sudo()._remove_membership(assignment.partner_id.ids)
        running.write({"state": "cancelled"})

    def write(self, vals):
        result = super().write(vals)
        leaving = ("active" in vals and not vals["active"]) or vals.get(
            "refuse_reason_id"
        )
        if leaving:
            self._hr_training_cancel()
        return result

    def _hr_training_gap_report_lang(self):
        self.ensure_one()
        return self.candidate_id.partner_id.lang or self.env.lang
