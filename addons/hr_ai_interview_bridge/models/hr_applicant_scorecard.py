from collections import defaultdict

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..analytics import consistency

OFFICER_GROUP = "hr_recruitment.group_hr_recruitment_user"
# Question kinds the kit suggests first, per rubric kind.
PREFERRED_QUESTION_KINDS = {
    "structured": ("behavioural",),
    "situational": ("situational",),
    "technical": ("technical",),
    "re_interview": ("behavioural", "technical"),
}


class HrApplicant(models.Model):
    """Scorecards on the applicant: results per rubric kind, the panel
    ("who said what"), scorecard creation and the interview-kit focus."""

    # One file per concern on hr.applicant (AI results, planning,
    # scorecards), as the architecture asks.
    _inherit = "hr.applicant"  # pylint: disable=consider-merging-classes-inherited

    scorecard_ids = fields.One2many(
        "hr.interview.scorecard", "applicant_id", string="Scorecards"
    )
    scorecard_count = fields.Integer(compute="_compute_scorecard_count")
    # The aggregates below are stored (automation rules filter on them) and
    # reserved to officers: an interviewer who has not submitted yet must
    # not learn the panel's verdict from them.
    structured_score = fields.Float(
        compute="_compute_scorecard_results",
        store=True,
        digits=(5, 2),
        aggregator="avg",
        groups=OFFICER_GROUP,
        help="Mean weighted score of the submitted structured-interview "
        "scorecards (0 without any).",
    )
    situational_score = fields.Float(
        compute="_compute_scorecard_results",
        store=True,
        digits=(5, 2),
        aggregator="avg",
        groups=OFFICER_GROUP,
        help="Mean weighted score of the submitted situational-simulation "
        "scorecards (0 without any).",
    )
    scorecard_disagreement = fields.Boolean(
        string="Panel Disagreement",
        compute="_compute_scorecard_results",
        store=True,
        groups=OFFICER_GROUP,
        help="On some criterion, the submitted ratings differ by 2 or more.",
    )
    scorecard_panel_html = fields.Html(
        string="Panel",
        compute="_compute_scorecard_panel_html",
        sanitize=False,
        help="Per criterion, each interviewer's rating on the submitted "
        "scorecards you may read, with the mean and the spread.",
    )

    def _compute_scorecard_count(self):
        counts = dict(
            self.env["hr.interview.scorecard"]._read_group(
                [("applicant_id", "in", self.ids)], ["applicant_id"], ["__count"]
            )
        )
        for applicant in self:
            applicant.scorecard_count = counts.get(applicant, 0)

    @api.depends(
        "scorecard_ids.state",
        "scorecard_ids.weighted_score",
        "scorecard_ids.is_scored",
        "scorecard_ids.rubric_kind",
        "scorecard_ids.line_ids.rating",
    )
    def _compute_scorecard_results(self):
        for applicant in self:
            submitted = applicant.scorecard_ids.filtered(
                lambda s: s.state == "submitted"
            )
            applicant.structured_score = self._mean_weighted_score(
                submitted, "structured"
            )
            applicant.situational_score = self._mean_weighted_score(
                submitted, "situational"
            )
            by_criterion = defaultdict(list)
            for line in submitted.line_ids:
                by_criterion[line.criterion_id].append(line.rating)
            applicant.scorecard_disagreement = any(
                (consistency.spread(ratings) or 0) >= consistency.DISAGREEMENT_SPREAD
                for ratings in by_criterion.values()
            )

    @api.model
    def _mean_weighted_score(self, scorecards, kind):
        """Mean weighted score of the scored ``scorecards`` of rubric
        ``kind``, 2 decimals; 0.0 without any."""
        scores = [
            s.weighted_score
            for s in scorecards
            if s.rubric_kind == kind and s.is_scored
        ]
        return round(consistency.mean(scores), 2) if scores else 0.0

    def _compute_scorecard_panel_html(self):
        # Computed as the current user: record rules keep the panel blind
        # for an interviewer until their own scorecard is submitted.
        panels = self._get_scorecard_panel()
        for applicant in self:
            applicant.scorecard_panel_html = self._get_panel_markup(
                panels.get(applicant.id, [])
            )

    def _get_scorecard_panel(self):
        """Who said what, from the submitted scorecards the user may read.

        One ``_read_group`` for all applicants of ``self``.

        :return: dict applicant id -> list (criterion order) of dicts with
            ``criterion``, ``ratings`` (list of ``(user, rating)``, 0 = no
            decision), ``mean`` and ``spread`` of the decisions (None without
            any) and ``disagreement`` (spread >= 2)
        """
        groups = self.env["hr.interview.scorecard.line"]._read_group(
            [
                ("applicant_id", "in", self.ids),
                ("scorecard_id.state", "=", "submitted"),
            ],
            ["applicant_id", "criterion_id", "interviewer_id", "rating"],
            ["__count"],
        )
        by_key = {}
        for applicant, criterion, user, rating, count in groups:
            row = by_key.setdefault(
                (applicant.id, criterion.id),
                {"applicant_id": applicant.id, "criterion": criterion, "ratings": []},
            )
            row["ratings"].extend([(user, rating)] * count)
        panels = defaultdict(list)
        for row in by_key.values():
            decisions = [r for _u, r in row["ratings"] if consistency.is_rated(r)]
            row["mean"] = consistency.mean(decisions)
            row["spread"] = consistency.spread(decisions)
            row["disagreement"] = (
                row["spread"] or 0
            ) >= consistency.DISAGREEMENT_SPREAD
            panels[row.pop("applicant_id")].append(row)
        return panels

    @api.model
    def _get_panel_markup(self, rows):
        """The panel rows as a compact table (readable on a phone)."""
        if not rows:
            return False
        body = Markup("").join(
            Markup(
                '<tr class="{row_class}"><td>{criterion}</td><td>{ratings}</td>'
                '<td class="text-end">{mean}</td><td class="text-end">{spread}'
                "</td></tr>"
            ).format(
                row_class="table-warning" if row["disagreement"] else "",
                criterion=row["criterion"].name,
                ratings=Markup("").join(
                    Markup(
                        '<span class="badge rounded-pill text-bg-light me-1">'
                        "{name}: <b>{rating}</b></span>"
                    ).format(name=user.name, rating=rating or _("no decision"))
                    for user, rating in row["ratings"]
                ),
                mean=f"{row['mean']:.2f}" if row["mean"] is not None else "-",
                spread=row["spread"] if row["spread"] is not None else "-",
            )
            for row in rows
        )
        return Markup(
            '<div class="table-responsive"><table class="table table-sm '
            'o_hr_interview_panel"><thead><tr><th>{criterion}</th><th>{who}</th>'
            '<th class="text-end">{mean}</th><th class="text-end">{spread}</th>'
            "</tr></thead><tbody>{body}</tbody></table></div>"
        ).format(
            criterion=_("Criterion"),
            who=_("Who said what"),
            mean=_("Mean"),
            spread=_("Spread"),
            body=body,
        )

    # ------------------------------------------------------------------
    # Scorecard creation
    # ------------------------------------------------------------------
    def _get_scorecard_stage(self, event=None):
        """Stage whose rubric applies (extension point): the stage the
        interview ``event`` was scheduled for, else the applicant's current
        stage."""
        self.ensure_one()
        # ai_interview_stage_id: set by scheduling (calendar_event.py).
        if (
            event
            and "ai_interview_stage_id" in event._fields
            and event.ai_interview_stage_id
        ):
            return event.ai_interview_stage_id
        return self.stage_id

    def _get_scorecard_interviewers(self, event=None):
        """Users who get a scorecard (extension point): the assigned
        interviewers (``interviewer_ids``)."""
        self.ensure_one()
        return self.interviewer_ids

    def _prepare_scorecard_values(self, rubric, interviewer, stage, event=None):
        """Values of one new draft scorecard with a line per criterion
        (extension point).  In a situational simulation each line starts
        with the rubric's cases linked to its criterion."""
        self.ensure_one()
        cases = rubric.question_ids
        lines = []
        for criterion in rubric.criterion_ids:
            vals = {"criterion_id": criterion.id}
            if rubric.kind == "situational":
                linked = cases & criterion.question_ids
                if linked:
                    vals["question_ids"] = [fields.Command.set(linked.ids)]
            lines.append(fields.Command.create(vals))
        return {
            "applicant_id": self.id,
            "interviewer_id": interviewer.id,
            "rubric_id": rubric.id,
            "stage_id": stage.id,
            "event_id": event.id if event else False,
            "line_ids": lines,
        }

    def _create_scorecards(self, event=None):
        """Create the missing draft scorecards of the applicants' panels.

        One per assigned interviewer, for the rubric matching the job and
        the stage (``_get_scorecard_stage``); an interviewer who already has
        one for that rubric, stage and event (without ``event``: for that
        rubric and stage) is skipped, so calling it again is harmless.
        Scheduling calls it with the interview ``event``.

        The caller needs write access to the applicants; the scorecards are
        created as superuser because an interviewer who schedules the
        interview creates the other panel members' scorecards too.

        :return: the created scorecards
        """
        self.check_access("write")
        Scorecard = self.env["hr.interview.scorecard"].sudo()
        rubrics = self.env["hr.interview.rubric"]._get_candidates(self.job_id)
        domain = [("applicant_id", "in", self.ids)]
        if event:
            domain.append(("event_id", "=", event.id))
        # Without an event (the button), any scorecard of the rubric and
        # stage counts, whatever interview it was created for.
        existing = {
            (s.applicant_id.id, s.interviewer_id.id, s.rubric_id.id, s.stage_id.id)
            for s in Scorecard.search(domain)
        }
        vals_list = []
        for applicant in self:
            stage = applicant._get_scorecard_stage(event)
            rubric = rubrics._select_for(applicant.job_id, stage)
            if not rubric:
                continue
            for interviewer in applicant._get_scorecard_interviewers(event):
                key = (applicant.id, interviewer.id, rubric.id, stage.id)
                if key in existing:
                    continue
                existing.add(key)
                vals_list.append(
                    applicant._prepare_scorecard_values(
                        rubric, interviewer, stage, event
                    )
                )
        return Scorecard.create(vals_list).sudo(False)

    def action_create_scorecards(self):
        """Button: create the panel's missing scorecards, say how many."""
        self.ensure_one()
        stage = self._get_scorecard_stage()
        if not self.env["hr.interview.rubric"]._find_for(self.job_id, stage):
            raise UserError(
                _(
                    "No interview rubric for the job %(job)s at the stage "
                    "%(stage)s: add one under Recruitment > Configuration > "
                    "Interview Rubrics.",
                    job=self.job_id.name or _("(none)"),
                    stage=stage.name or _("(none)"),
                )
            )
        if not self._get_scorecard_interviewers():
            raise UserError(_("Assign interviewers to the applicant first."))
        created = self._create_scorecards()
        message = (
            _("%s scorecards created.", len(created))
            if created
            else _("Every interviewer already has a scorecard for this stage.")
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": message,
                "type": "success" if created else "info",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def action_view_scorecards(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_ai_interview_bridge.hr_interview_scorecard_action"
        )
        action["domain"] = [("applicant_id", "=", self.id)]
        action["context"] = {"default_applicant_id": self.id}
        return action

    def _ai_situational_ready(self):
        """Whether the situational simulation is over: the applicant has
        situational scorecards and all are submitted (routing uses it).

        Read as superuser: readiness is a fact about the whole panel, not
        about the scorecards the current user may read.
        """
        self.ensure_one()
        cards = self.sudo().scorecard_ids.filtered(
            lambda s: s.rubric_kind == "situational"
        )
        return bool(cards) and all(s.state == "submitted" for s in cards)

    # ------------------------------------------------------------------
    # Interview kit
    # ------------------------------------------------------------------
    def _get_kit_focus_thresholds(self):
        """(weak_below, strong_from) AI scores for the kit's focus
        (extension point): system parameters
        ``hr_ai_interview_bridge.kit_weak_below`` (default 70) and
        ``hr_ai_interview_bridge.kit_strong_from`` (default 80)."""
        # sudo: interviewers cannot read system parameters; these two are
        # harmless thresholds.
        params = self.env["ir.config_parameter"].sudo()
        weak = float(params.get_param("hr_ai_interview_bridge.kit_weak_below", 70))
        strong = float(params.get_param("hr_ai_interview_bridge.kit_strong_from", 80))
        return weak, strong

    def _get_kit_focus(self, score):
        """Focus of a criterion whose AI score is ``score`` (extension
        point): ``probe`` when weak, ``verify`` when strong, else False."""
        weak, strong = self._get_kit_focus_thresholds()
        if score < weak:
            return "probe"
        if score >= strong:
            return "verify"
        return False

    def _get_interview_kit(self, rubric, criteria=None, limit=3):
        """The interview kit of this applicant for ``rubric``.

        Each criterion is matched to a score of the latest AI result: the
        criterion's AI dimension, else a dimension measuring its skill.  A
        weak score makes it a ``probe`` focus, a strong one ``verify``
        (``_get_kit_focus``).  Questions come from the bank (one search):
        the rubric's own questions first, then those linked to the
        criterion, then to its skill; kinds fitting the rubric first.

        :param rubric: ``hr.interview.rubric``
        :param criteria: criteria to cover (default: the rubric's)
        :param limit: suggested questions per criterion
        :return: dict criterion id -> dict with ``criterion``, ``score``
            (``hr.ai.interview.score`` or None), ``focus`` (``probe``,
            ``verify`` or False) and ``questions`` (recordset)
        """
        self.ensure_one()
        criteria = rubric.criterion_ids if criteria is None else criteria
        if not criteria:
            return {}
        by_dimension = {}
        by_skill = {}
        for score in self.ai_score_ids:
            by_dimension[score.dimension_id.id] = score
            if score.dimension_id.skill_id:
                by_skill.setdefault(score.dimension_id.skill_id.id, score)
        questions = self._get_kit_questions(criteria)
        preferred = PREFERRED_QUESTION_KINDS.get(rubric.kind, ())
        kit = {}
        for criterion in criteria:
            score = by_dimension.get(criterion.ai_dimension_id.id) or by_skill.get(
                criterion.skill_id.id
            )
            fitting = questions.filtered(
                lambda q, c=criterion: c in q.criterion_ids
                or (c.skill_id and c.skill_id in q.skill_ids)
            )
            ranked = fitting.sorted(
                lambda q, c=criterion: (
                    q not in rubric.question_ids,
                    c not in q.criterion_ids,
                    q.kind not in preferred,
                    q.sequence,
                    q.id,
                )
            )
            kit[criterion.id] = {
                "criterion": criterion,
                "score": score,
                "focus": self._get_kit_focus(score.score) if score else False,
                "questions": ranked[:limit],
            }
        return kit

    def _get_kit_questions(self, criteria):
        """Active bank questions for ``criteria`` (by criterion or skill)
        that fit the applicant's job, in one search."""
        self.ensure_one()
        job_domain = [("job_ids", "=", False)]
        if self.job_id:
            job_domain = [
                "|",
                ("job_ids", "=", False),
                ("job_ids", "in", self.job_id.ids),
            ]
        return self.env["hr.interview.question"].search(
            [
                "|",
                ("criterion_ids", "in", criteria.ids),
                ("skill_ids", "in", criteria.skill_id.ids),
                *job_domain,
            ]
        )
