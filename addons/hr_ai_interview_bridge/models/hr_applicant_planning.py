import math
import uuid
from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz
from markupsafe import Markup

from odoo import Command, _, api, fields, models
from odoo.tools import clean_context, format_datetime

from odoo.addons.resource.models.utils import Intervals

# Assignment.  Expertise is scored 0-100 (+ the language bonus); each
# upcoming interview costs LOAD_PENALTY points, so load moves work between
# comparable experts without letting a novice beat an expert.
LOAD_PENALTY = 10.0
LANGUAGE_BONUS = 10.0
JOB_SKILLS_WEIGHT = 0.6
WEAK_DIMENSIONS_WEIGHT = 0.4
WEAK_DIMENSION_COUNT = 2
# Scheduling.
SLOT_GRID_MINUTES = 30
DEFAULT_WINDOW_HOURS = 7 * 24  # stages without a target time
# Waiting times: an interview is late when its scorecards are still missing
# this long after its end.
INTERVIEW_DELAY_HOURS = 2


def _ceil_to_grid(moment, minutes=SLOT_GRID_MINUTES):
    """The first grid point (every ``minutes`` past the hour) at or after
    ``moment``, an aware datetime."""
    hour = moment.replace(minute=0, second=0, microsecond=0)
    elapsed = (moment - hour).total_seconds() / 60
    return hour + timedelta(minutes=minutes * math.ceil(elapsed / minutes))


class InterviewerPool:
    """What assigning interviewers reads, loaded once for a batch.

    ``profiles``: the active interviewer profiles (sudo, prefetched);
    ``load``: user id -> interviews within the horizon, counting the
    assignments made in this batch (``book``).  An interviewer has room while
    their load is under ``max_interviews_per_day`` x the days of the horizon
    (the longest stage target time of the batch); the slot search then keeps
    every single day under the maximum.
    """

    def __init__(self, profiles, load, horizon_hours):
        self.profiles = profiles
        self.load = load
        self.days = max(1, math.ceil(horizon_hours / 24))
        self.by_user = {profile.user_id.id: profile for profile in profiles}

    def capacity(self, profile):
        return profile.max_interviews_per_day * self.days

    def has_room(self, profile):
        return self.load.get(profile.user_id.id, 0) < self.capacity(profile)

    def book(self, users):
        for user in users:
            self.load[user.id] = self.load.get(user.id, 0) + 1


class HrApplicant(models.Model):
    """Interview planning: interviewers by expertise, scheduling, waiting times.

    - ``action_assign_interviewers`` picks the stage's panel
      (``interview_panel_ids``) by expertise and load;
    - ``action_schedule_interview`` books the earliest common free slot as a
      calendar event with an online meeting and sends our invitations;
    - ``_cron_update_sla_flags`` keeps ``ai_stage_overdue`` and
      ``interview_delayed`` up to date and reminds late interviewers once.
    Both actions serve buttons, the bound server actions and the routing
    automation rules: a problem with one applicant (nobody available, no
    slot) becomes an activity for its recruiter, never an error.
    """

    # Planning stays apart from the AI fields of hr_applicant.py (one concern
    # per file, edited by different people).
    _inherit = "hr.applicant"  # pylint: disable=consider-merging-classes-inherited

    interview_panel_ids = fields.Many2many(
        "res.users",
        "hr_applicant_interview_panel_rel",
        "applicant_id",
        "user_id",
        string="Interview Panel",
        help="Interviewers of the current stage's interview (set by 'Assign "
        "interviewers', emptied when the stage changes). They are also added "
        "to the interviewers, who keep access to the applicant.",
    )
    sla_due_at = fields.Datetime(
        string="Stage Due",
        compute="_compute_sla_due_at",
        store=True,
        index="btree_not_null",
        help="When the applicant entered the stage plus the stage's target time.",
    )
    time_in_stage_hours = fields.Float(
        string="Time in Stage (hours)", compute="_compute_time_in_stage_hours"
    )
    ai_stage_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_ai_stage_overdue",
        store=True,
        help="Longer in the stage than its target time (refreshed by a "
        "scheduled action).",
    )
    interview_delayed = fields.Boolean(
        readonly=True,
        copy=False,
        help="An interview ended more than 2 hours ago and not all of its "
        "scorecards are submitted (refreshed by a scheduled action).",
    )

    # ------------------------------------------------------------------
    # Waiting times
    # ------------------------------------------------------------------
    @api.depends(
        "date_last_stage_update",
        "stage_id.sla_hours",
        "stage_id.hired_stage",
        "active",
        "date_closed",
        "refuse_reason_id",
    )
    def _compute_sla_due_at(self):
        for applicant in self:
            stage = applicant.stage_id
            closed = (
                not applicant.active
                or applicant.date_closed
                or applicant.refuse_reason_id
                or stage.hired_stage
            )
            if closed or not stage.sla_hours or not applicant.date_last_stage_update:
                applicant.sla_due_at = False
            else:
                applicant.sla_due_at = applicant.date_last_stage_update + timedelta(
                    hours=stage.sla_hours
                )

    @api.depends("date_last_stage_update")
    def _compute_time_in_stage_hours(self):
        now = fields.Datetime.now()
        for applicant in self:
            entered = applicant.date_last_stage_update
            applicant.time_in_stage_hours = (
                (now - entered).total_seconds() / 3600 if entered else 0.0
            )

    @api.depends("sla_due_at")
    def _compute_ai_stage_overdue(self):
        # Right when the due date changes (stage change); the cron catches up
        # with the passing of time.
        now = fields.Datetime.now()
        for applicant in self:
            applicant.ai_stage_overdue = bool(
                applicant.sla_due_at and applicant.sla_due_at < now
            )

    @api.model
    def _cron_update_sla_flags(self):
        """Scheduled action: refresh the waiting-time flags in batch.

        One search finds the applicants whose ``ai_stage_overdue`` no longer
        matches their due date, one write per new value; then
        ``_update_interview_delay_flags`` flags late interviews and reminds
        their interviewers.
        """
        now = fields.Datetime.now()
        stale = self.search(
            [
                "|",
                "&",
                ("ai_stage_overdue", "=", False),
                ("sla_due_at", "<", now),
                "&",
                ("ai_stage_overdue", "=", True),
                "|",
                ("sla_due_at", "=", False),
                ("sla_due_at", ">=", now),
            ]
        )
        overdue = stale.filtered(lambda a: a.sla_due_at and a.sla_due_at < now)
        if overdue:
            overdue.write({"ai_stage_overdue": True})
        if stale - overdue:
            (stale - overdue).write({"ai_stage_overdue": False})
        self._update_interview_delay_flags()

    @api.model
    def _update_interview_delay_flags(self, applicants=None):
        """Flag applicants whose interview is late; remind its interviewers once.

        Late: the interview (a calendar event with scorecards) ended more than
        ``INTERVIEW_DELAY_HOURS`` ago and some of its scorecards are not
        submitted.  Without the scorecard model nothing is late.  Each late
        event reminds its interviewers once (an activity each, then
        ``ai_delay_reminded``); moving the event re-arms the reminder.

        :param applicants: only update these (default: every applicant)
        """
        Scorecard = self.env.get("hr.interview.scorecard")
        Users = self.env["res.users"]
        pending = defaultdict(lambda: Users)
        if Scorecard is not None:
            limit = fields.Datetime.now() - timedelta(hours=INTERVIEW_DELAY_HOURS)
            domain = [
                ("state", "!=", "submitted"),
                ("event_id.stop", "<", limit),
                ("applicant_id.active", "=", True),
            ]
            if applicants is not None:
                domain.append(("applicant_id", "in", applicants.ids))
            # sudo: the cron, or whoever moves an interview, must see every
            # scorecard to tell whether an interview is late.
            for event, interviewer in Scorecard.sudo()._read_group(
                domain, ["event_id", "interviewer_id"]
            ):
                pending[event] |= (
                    interviewer if interviewer._name == "res.users" else Users
                )
        events = self.env["calendar.event"].sudo().union(*pending)
        delayed = events.applicant_id
        flagged_domain = [("interview_delayed", "=", True)]
        if applicants is not None:
            flagged_domain.append(("id", "in", applicants.ids))
        # sudo: flags are bookkeeping, updated for whoever triggered it.
        flagged = self.sudo().with_context(active_test=False).search(flagged_domain)
        if delayed - flagged:
            (delayed - flagged).write({"interview_delayed": True})
        if flagged - delayed:
            (flagged - delayed).write({"interview_delayed": False})
        to_remind = events.filtered(lambda event: not event.ai_delay_reminded)
        if to_remind:
            self._remind_late_interviewers(to_remind, pending)
            to_remind.write({"ai_delay_reminded": True})

    @api.model
    def _remind_late_interviewers(self, events, pending):
        """One "submit your scorecard" activity per interviewer who owes one
        (``pending``: event -> res.users; the event's internal attendees when
        unknown), in one batched create."""
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id("hr.applicant")
        values = []
        for event in events:
            users = pending.get(event) or event.partner_ids.user_ids.filtered(
                lambda user: not user.share
            )
            for user in users:
                ended = format_datetime(
                    self.env, event.stop, tz=user.tz or "UTC", dt_format="short"
                )
                values.append(
                    {
                        "res_model_id": model_id,
                        "res_id": event.applicant_id.id,
                        "activity_type_id": activity_type.id,
                        "user_id": user.id,
                        "summary": _("Submit your scorecard"),
                        "note": Markup("<p>%s</p>")
                        % _(
                            "The interview %(event)s ended on %(end)s: please "
                            "submit your scorecard.",
                            event=event.name,
                            end=ended,
                        ),
                    }
                )
        # sudo: the reminder is filed by the system for the interviewers.
        self.env["mail.activity"].sudo().create(values)

    # ------------------------------------------------------------------
    # Interviewers by expertise
    # ------------------------------------------------------------------
    def write(self, vals):
        """The panel belongs to the stage's interview: leaving the stage
        empties it (the interviewers keep their access)."""
        if "stage_id" in vals and "interview_panel_ids" not in vals:
            leaving = self.filtered(
                lambda a: a.interview_panel_ids and a.stage_id.id != vals["stage_id"]
            )
            if leaving:
                super(HrApplicant, leaving).write(
                    {"interview_panel_ids": [Command.clear()]}
                )
        return super().write(vals)

    def action_assign_interviewers(self):
        """Assign each applicant the interviewers of its current stage.

        One ``InterviewerPool`` serves all the applicants (profiles, skills
        and loads are read once); each pick is booked in the pool so a batch
        spreads the work.  Per applicant: ``_select_interviewers``, then one
        write (core handles new interviewers one applicant at a time) and a
        chatter note explaining the choice.  Applicants whose stage interview
        is already scheduled are left alone (change the event's attendees
        instead); nobody available: an activity for the recruiter.

        :return: a notification for the button (server actions ignore it)
        """
        # Whoever may edit the applicants (officers, their interviewers, the
        # routing rules) may plan them: nothing here goes beyond that.
        self.check_access("write")
        pool = self._get_interviewer_pool()
        scheduled = self._get_upcoming_stage_interviews()
        assigned = failed = skipped = self.browse()
        for applicant in self:
            count = applicant._get_interviewer_count()
            if count <= 0 or not applicant.active:
                continue
            if applicant in scheduled:
                skipped |= applicant
                continue
            users = applicant._select_interviewers(count, pool=pool)
            if not users:
                applicant._notify_planning_problem(
                    _("No interviewer available"),
                    _(
                        "No interviewer is available for %(stage)s: check the "
                        "interviewer profiles (interview kinds, maximum per "
                        "day) or assign one by hand.",
                        stage=applicant.stage_id.name,
                    ),
                )
                failed |= applicant
                continue
            pool.book(users)
            applicant._set_interview_panel(users)
            applicant._post_assignment_explanation(users, count, pool)
            assigned |= applicant
        messages = []
        if assigned:
            messages.append(
                _("Interviewers assigned to %(count)s applicants.", count=len(assigned))
            )
        if skipped:
            messages.append(
                _(
                    "%(count)s applicants already have their interview scheduled.",
                    count=len(skipped),
                )
            )
        if failed:
            messages.append(
                _(
                    "No interviewer available for %(count)s applicants: see "
                    "their activities.",
                    count=len(failed),
                )
            )
        if not messages:
            messages.append(_("Nothing to assign: no interviewer in this stage."))
        return self._planning_notification(
            _("Assign interviewers"), messages, warning=bool(failed)
        )

    def _get_interviewer_count(self):
        """How many interviewers this applicant's interview needs
        (extension point, e.g. a panel size per job).

        Default: the stage's ``interviewer_count`` (2 for structured
        interviews, 0 for the AI interview, 1 otherwise).
        """
        self.ensure_one()
        return self.stage_id.interviewer_count

    def _get_interviewer_pool(self):
        """Load what assigning interviewers to ``self`` reads, once.

        One search for the profiles, a few prefetching reads for their skills,
        kinds and languages, one ``_read_group`` over calendar.event for the
        upcoming interviews within the horizon (the longest target time of
        the applicants' stages), and the panels of other applicants still
        waiting for their interview (one search each for applicants and
        their interview events).

        :return: ``InterviewerPool``
        """
        # sudo: picking interviewers reads colleagues' profiles, employee
        # skills and interview counts; only the chosen users come out of it.
        profiles = (
            self.env["hr.interviewer.profile"]
            .sudo()
            .search([("user_id.active", "=", True), ("user_id.share", "=", False)])
        )
        hours = max(self.stage_id.mapped("sla_hours"), default=0)
        hours = hours or DEFAULT_WINDOW_HOURS
        if not profiles:
            return InterviewerPool(profiles, {}, hours)
        # prefetch once, so scoring every profile of every applicant reads
        # from the cache
        profiles.skill_ids.mapped("level_progress")
        profiles.employee_id.employee_skill_ids.mapped("level_progress")
        profiles.interview_kind_ids.mapped("is_automated")
        profiles.lang_ids.mapped("code")
        profiles.user_id.mapped("company_ids")
        profiles.user_id.partner_id.mapped("email_normalized")
        now = fields.Datetime.now()
        groups = (
            self.env["calendar.event"]
            .sudo()
            ._read_group(
                [
                    ("applicant_id", "!=", False),
                    ("start", ">=", now),
                    ("start", "<", now + timedelta(hours=hours)),
                    ("partner_ids", "in", profiles.user_id.partner_id.ids),
                ],
                ["partner_ids"],
                ["__count"],
            )
        )
        user_of_partner = {
            profile.user_id.partner_id.id: profile.user_id.id for profile in profiles
        }
        load = defaultdict(int)
        for partner, count in groups:
            if partner.id in user_of_partner:
                load[user_of_partner[partner.id]] += count
        # Assigned but not scheduled yet is load too: panels of other
        # applicants whose current stage has no interview event.
        waiting = (
            self.env["hr.applicant"]
            .sudo()
            .search(
                [
                    ("interview_panel_ids", "in", profiles.user_id.ids),
                    ("id", "not in", self.ids),
                ]
            )
        )
        if waiting:
            planned = {
                (event.applicant_id.id, event.ai_interview_stage_id.id)
                for event in self.env["calendar.event"]
                .sudo()
                .search(
                    [
                        ("applicant_id", "in", waiting.ids),
                        ("ai_interview_stage_id", "!=", False),
                    ]
                )
            }
            for applicant in waiting:
                if (applicant.id, applicant.stage_id.id) not in planned:
                    for user in applicant.interview_panel_ids:
                        load[user.id] += 1
        return InterviewerPool(profiles, dict(load), hours)

    def _select_interviewers(self, count, pool=None):
        """Pick ``count`` interviewers for this applicant (extension point).

        Available (``_is_interviewer_available``): active profiles of
        internal users of the applicant's company who run the stage's
        interview kind, are not the candidate and have room under their daily
        maximum.  Ranked by ``_interviewer_expertise_score`` minus
        ``LOAD_PENALTY`` per upcoming interview, then by lower load, then by
        user id: the same data always gives the same panel.

        :param count: how many interviewers
        :param pool: ``InterviewerPool`` shared by a batch (loaded for this
            applicant when omitted)
        :return: res.users, best first; fewer than ``count`` when fewer are
            available
        """
        self.ensure_one()
        Users = self.env["res.users"]
        if count <= 0:
            return Users
        pool = pool or self._get_interviewer_pool()
        ranking = []
        for profile in pool.profiles:
            if not self._is_interviewer_available(profile, pool):
                continue
            load = pool.load.get(profile.user_id.id, 0)
            rank = self._interviewer_expertise_score(profile) - LOAD_PENALTY * load
            ranking.append((-round(rank, 6), load, profile.user_id.id))
        ranking.sort()
        return Users.browse([user_id for _rank, _load, user_id in ranking[:count]])

    def _is_interviewer_available(self, profile, pool):
        """Whether ``profile``'s user may interview this applicant now."""
        self.ensure_one()
        user = profile.user_id
        if not pool.has_room(profile):
            return False
        if not profile._runs_kind(self.stage_id.interview_kind_id):
            return False
        if self.company_id and self.company_id not in user.company_ids:
            return False
        return not self._is_candidate_user(user)

    def _is_candidate_user(self, user):
        """Whether ``user`` is the candidate (an employee applying, say):
        same contact, same email, or the candidate's employee."""
        self.ensure_one()
        partner = user.partner_id
        if self.partner_id and partner == self.partner_id:
            return True
        if self.email_normalized and partner.email_normalized == self.email_normalized:
            return True
        # sudo: recruiters need not read employees to know who is who
        return bool(self.employee_id) and self.employee_id.sudo().user_id == user

    def _interviewer_expertise_score(self, profile):
        """How well ``profile`` can assess this applicant (extension point).

        0-100: ``JOB_SKILLS_WEIGHT`` for the mean level over the job's expected
        skills, ``WEAK_DIMENSIONS_WEIGHT`` for the levels on the skills of the
        applicant's weakest AI dimensions (weighted by how weak); plus
        ``LANGUAGE_BONUS`` when the interviewer speaks the candidate's
        language.  Runs for every profile of every applicant of a batch: it
        must read from the prefetched records, not query.
        """
        self.ensure_one()
        levels = profile._get_skill_levels()
        parts = []
        job_skills = self.job_id.skill_ids
        if job_skills:
            mean = sum(levels.get(skill.id, 0) for skill in job_skills) / len(
                job_skills
            )
            parts.append((JOB_SKILLS_WEIGHT, mean))
        weak = [
            (line.dimension_id.skill_id, 100.0 - line.score)
            for line in self._get_weakest_ai_scores()
        ]
        total_weakness = sum(weakness for _skill, weakness in weak)
        if total_weakness:
            covered = sum(
                levels.get(skill.id, 0) * weakness for skill, weakness in weak
            )
            parts.append((WEAK_DIMENSIONS_WEIGHT, covered / total_weakness))
        weight = sum(part_weight for part_weight, _value in parts)
        score = sum(w * value for w, value in parts) / weight if weight else 0.0
        if self._interviewer_speaks_candidate_language(profile):
            score += LANGUAGE_BONUS
        return score

    def _get_weakest_ai_scores(self):
        """The latest AI scores of this applicant's weakest dimensions that
        measure a skill: the ``WEAK_DIMENSION_COUNT`` lowest (extension point)."""
        self.ensure_one()
        # The latest result's own lines: ai_score_ids lags behind inside the
        # automation rules that fire when that result arrives.
        lines = self.ai_result_id.score_ids.filtered(
            lambda line: line.dimension_id.skill_id and line.score < 100
        )
        return lines.sorted(
            lambda line: (line.score, line.dimension_id.sequence, line.dimension_id.id)
        )[:WEAK_DIMENSION_COUNT]

    def _get_candidate_lang(self):
        """The candidate's language code: the AI interview's, else the
        contact's."""
        self.ensure_one()
        return (self.ai_result_id.language or self.partner_id.lang or "").replace(
            "-", "_"
        )

    def _interviewer_speaks_candidate_language(self, profile):
        lang = self._get_candidate_lang()
        if not lang or not profile.lang_ids:
            return False
        primary = lang.split("_")[0].lower()
        return any(
            code == lang or code.split("_")[0].lower() == primary
            for code in profile.lang_ids.mapped("code")
        )

    def _interviewer_matched_skills(self, profile, limit=3):
        """The skills of the job and of the weakest dimensions ``profile``
        masters best: [(hr.skill, level 0-100)], for the explanation."""
        self.ensure_one()
        levels = profile._get_skill_levels()
        skills = self.job_id.skill_ids | self._get_weakest_ai_scores().mapped(
            "dimension_id.skill_id"
        )
        matched = [
            (skill, levels[skill.id]) for skill in skills if levels.get(skill.id)
        ]
        matched.sort(key=lambda item: (-item[1], item[0].name or "", item[0].id))
        return matched[:limit]

    def _set_interview_panel(self, users):
        """Make ``users`` the panel and interviewers of this applicant."""
        self.ensure_one()
        vals = {"interview_panel_ids": [Command.set(users.ids)]}
        new = users - self.interviewer_ids
        if new:
            vals["interviewer_ids"] = [Command.link(user.id) for user in new]
        self.write(vals)

    def _post_assignment_explanation(self, users, count, pool):
        self.ensure_one()
        items = Markup()
        for user in users:
            profile = pool.by_user[user.id]
            skills = ", ".join(
                f"{skill.name} {level:g}"
                for skill, level in self._interviewer_matched_skills(profile)
            )
            # values formatted outside _(): the term extractor cannot parse
            # f-strings inside the call
            score = f"{self._interviewer_expertise_score(profile):.0f}"
            items += Markup("<li>%s</li>") % _(
                "%(name)s: expertise %(score)s (%(skills)s), %(load)s upcoming "
                "interviews",
                name=user.name,
                score=score,
                skills=skills or _("no matching skill"),
                load=pool.load.get(user.id, 1) - 1,
            )
        body = Markup("<p>%s</p><ul>%s</ul>") % (
            _(
                "Interviewers for %(stage)s, chosen by expertise in the job's "
                "skills and the weakest AI dimensions, balanced by upcoming "
                "interviews:",
                stage=self.stage_id.name,
            ),
            items,
        )
        weak = self._get_weakest_ai_scores()
        if weak:
            dimensions = ", ".join(
                f"{line.dimension_id.name} {line.score:g}" for line in weak
            )
            body += Markup("<p>%s</p>") % _(
                "Weakest AI dimensions: %(dimensions)s.", dimensions=dimensions
            )
        if len(users) < count:
            body += Markup("<p>%s</p>") % _(
                "Only %(found)s of %(count)s interviewers are available.",
                found=len(users),
                count=count,
            )
        self.message_post(body=body, subtype_xmlid="mail.mt_note")

    # ------------------------------------------------------------------
    # Scheduling and invitations
    # ------------------------------------------------------------------
    def action_schedule_interview(self):
        """Schedule the current stage's interview of each applicant.

        Applicants without a panel get one first (``action_assign_interviewers``).
        Then: the earliest slot where the whole panel is free
        (``_find_interview_slot``), at least the company's lead time ahead and
        ending within the stage's target time; a calendar event with an online
        meeting (``_prepare_interview_event_values``); the scorecards (when
        that part is installed); our invitations
        (``_send_interview_invitations``).  No slot: an activity for the
        recruiter.  An interview already upcoming for the stage is not booked
        twice; stages run by the AI vendor are skipped.

        :return: a notification for the button (server actions ignore it)
        """
        self.check_access("write")
        todo = self.filtered(
            lambda a: a.active
            and a.stage_id
            and not a.stage_id.interview_kind_id.is_automated
            and a._get_interviewer_count() > 0
        )
        todo -= self._get_upcoming_stage_interviews()
        without_panel = todo.filtered(lambda a: not a.interview_panel_ids)
        if without_panel:
            without_panel.action_assign_interviewers()
        now = fields.Datetime.now()
        scheduled = failed = self.browse()
        for applicant in todo:
            users = applicant.interview_panel_ids
            if not users:
                failed |= applicant  # assignment left an activity
                continue
            company = applicant.company_id or self.env.company
            not_before = now + timedelta(hours=company.ai_interview_lead_hours)
            hours = applicant.stage_id.sla_hours or DEFAULT_WINDOW_HOURS
            not_after = now + timedelta(hours=hours)
            duration = applicant._get_interview_duration()
            slot = applicant._find_interview_slot(
                users, duration, not_before, not_after
            )
            if not slot:
                applicant._notify_planning_problem(
                    _("No interview slot within the target time"),
                    _(
                        "No %(duration)s-minute slot where %(panel)s are all free "
                        "within the %(hours)s hours of %(stage)s: schedule the "
                        "interview by hand or change the panel.",
                        duration=duration,
                        panel=", ".join(users.mapped("name")),
                        hours=hours,
                        stage=applicant.stage_id.name,
                    ),
                )
                failed |= applicant
                continue
            applicant._create_interview_event(users, *slot)
            scheduled |= applicant
        messages = []
        if scheduled:
            messages.append(
                _(
                    "Interviews scheduled for %(count)s applicants.",
                    count=len(scheduled),
                )
            )
        if failed:
            messages.append(
                _(
                    "%(count)s applicants could not be scheduled: see their "
                    "activities.",
                    count=len(failed),
                )
            )
        if not scheduled and not failed:
            messages.append(_("Nothing to schedule."))
        return self._planning_notification(
            _("Schedule interview"), messages, warning=bool(failed)
        )

    def _get_upcoming_stage_interviews(self):
        """The applicants of ``self`` with an upcoming interview for their
        current stage."""
        if not self:
            return self
        events = (
            self.env["calendar.event"]
            .sudo()
            .search(
                [
                    ("applicant_id", "in", self.ids),
                    ("ai_interview_stage_id", "!=", False),
                    ("stop", ">=", fields.Datetime.now()),
                ]
            )
        )
        stages = {
            (event.applicant_id.id, event.ai_interview_stage_id.id) for event in events
        }
        return self.filtered(lambda a: (a.id, a.stage_id.id) in stages)

    def _get_interview_duration(self):
        """Length of this applicant's interview in minutes (extension point):
        the stage's interview kind's, else the company's default."""
        self.ensure_one()
        company = self.company_id or self.env.company
        return self.stage_id.interview_kind_id.duration or company.ai_interview_duration

    def _find_interview_slot(self, users, duration, not_before, not_after):
        """The earliest slot where all ``users`` are free (extension point).

        A slot starts on the 30-minute grid, lies within every user's working
        hours (their employee's calendar, else their company's, minus time
        off), overlaps none of their busy calendar events (declined ones
        apart) and falls on a day when none of them has reached their
        maximum interviews per day.

        :param users: res.users, the panel
        :param duration: length in minutes
        :param not_before: naive UTC datetime, earliest start
        :param not_after: naive UTC datetime, latest end
        :return: (start, stop) as naive UTC datetimes, or None
        """
        self.ensure_one()
        length = timedelta(minutes=duration)
        if not users or not_before + length > not_after:
            return None
        # sudo: scheduling reads colleagues' working hours, time off and busy
        # times; only a free slot comes out of it.
        users = users.sudo()
        start = pytz.utc.localize(not_before)
        end = pytz.utc.localize(not_after)
        tzs = {}
        free = None
        for calendar, members in self._group_by_work_calendar(users).items():
            resources = self.env["resource.resource"].sudo()
            for _user, employee in members:
                resources |= employee.resource_id
            if calendar:
                intervals = calendar._work_intervals_batch(
                    start, end, resources=resources
                )
            for user, employee in members:
                tzs[user.id] = pytz.timezone(
                    employee.tz or user.tz or calendar.tz or "UTC"
                )
                if not calendar:
                    continue  # no working hours known: any time counts
                mine = intervals[employee.resource_id.id]
                free = mine if free is None else free & mine
        if free is None:
            free = Intervals([(start, end, self.env["resource.calendar.attendance"])])
        busy, daily = self._get_interviewers_busy_times(
            users, not_before, not_after, tzs
        )
        free -= busy
        limits = {
            profile.user_id.id: profile.max_interviews_per_day
            for profile in self.env["hr.interviewer.profile"]
            .sudo()
            .search([("user_id", "in", users.ids)])
        }
        grid = timedelta(minutes=SLOT_GRID_MINUTES)
        for interval_start, interval_stop, _records in free:
            slot = _ceil_to_grid(max(interval_start, start).astimezone(pytz.utc))
            latest = min(interval_stop, end)
            while slot + length <= latest:
                if all(
                    daily[(user_id, slot.astimezone(tzs[user_id]).date())] < limit
                    for user_id, limit in limits.items()
                ):
                    return (
                        slot.replace(tzinfo=None),
                        (slot + length).replace(tzinfo=None),
                    )
                slot += grid
        return None

    def _group_by_work_calendar(self, users):
        """{resource.calendar: [(user, employee)]} with each user's working
        hours: their employee's, else their company's (``users`` in sudo)."""
        groups = defaultdict(list)
        for user in users:
            employees = user.employee_ids
            employee = (
                employees.filtered(lambda e, u=user: e.company_id == u.company_id)
                or employees
            )[:1]
            calendar = (
                employee.resource_calendar_id
                or user.company_id.resource_calendar_id
                or self.env.company.resource_calendar_id
            )
            groups[calendar].append((user, employee))
        return groups

    def _get_interviewers_busy_times(self, users, not_before, not_after, tzs):
        """Busy ``Intervals`` of ``users`` around the window, and their
        interview count per (user id, local day)."""
        partners = users.partner_id
        user_of_partner = {user.partner_id.id: user for user in users}
        attendees = (
            self.env["calendar.attendee"]
            .sudo()
            .search(
                [
                    ("partner_id", "in", partners.ids),
                    ("state", "!=", "declined"),
                    ("event_id.start", "<", not_after + timedelta(days=1)),
                    ("event_id.stop", ">", not_before - timedelta(days=1)),
                ]
            )
        )
        no_records = self.env["resource.calendar.attendance"]
        busy = []
        daily = defaultdict(int)
        for attendee in attendees:
            event = attendee.event_id
            user = user_of_partner[attendee.partner_id.id]
            tz = tzs.get(user.id, pytz.utc)
            if event.allday:
                event_start = tz.localize(datetime.combine(event.start_date, time.min))
                event_stop = tz.localize(
                    datetime.combine(event.stop_date + timedelta(days=1), time.min)
                )
            else:
                event_start = pytz.utc.localize(event.start)
                event_stop = pytz.utc.localize(event.stop)
            if event.show_as == "busy":
                busy.append((event_start, event_stop, no_records))
            if event.applicant_id:
                daily[(user.id, event_start.astimezone(tz).date())] += 1
        return Intervals(busy), daily

    def _create_interview_event(self, users, start, stop):
        """Create the interview, its scorecards and send the invitations."""
        self.ensure_one()
        vals = self._prepare_interview_event_values(users, start, stop)
        # Our invitations (_send_interview_invitations) replace calendar's
        # generic ones; default_* keys of the button's context are not for
        # the event.
        event = (
            self.env["calendar.event"]
            .with_context(clean_context(self.env.context), no_mail_to_attendees=True)
            .create(vals)
            .with_env(self.env)
        )
        if hasattr(self, "_create_scorecards"):
            self._create_scorecards(event)
        self._send_interview_invitations(event)
        tz = self._get_planning_recruiter().tz or self.env.user.tz or "UTC"
        self.message_post(
            body=Markup(
                '<p>%s <a href="#" data-oe-model="calendar.event" '
                'data-oe-id="%s">%s</a></p>'
            )
            % (
                _(
                    "Interview scheduled on %(when)s (%(tz)s) with %(panel)s:",
                    when=format_datetime(self.env, start, tz=tz, dt_format="medium"),
                    tz=tz,
                    panel=", ".join(users.mapped("name")),
                ),
                event.id,
                event.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return event

    def _prepare_interview_event_values(self, users, start, stop):
        """Values of the interview's calendar event (extension point).

        Named "<interview kind> - <candidate>", linked to the applicant,
        organized by the first interviewer, with the interviewers and the
        candidate as attendees and an Odoo Discuss video call.

        :param users: res.users, the panel
        :param start: naive UTC datetime
        :param stop: naive UTC datetime
        :return: dict for ``calendar.event.create``
        """
        self.ensure_one()
        stage = self.stage_id
        kind = stage.interview_kind_id
        candidate = self._get_interview_candidate_partner()
        label = kind.name or stage.name
        # The same link as the calendar form's "Odoo meeting" button: the
        # join route finds the event by this token.
        token = uuid.uuid4().hex
        route = self.env["calendar.event"].DISCUSS_ROUTE
        return {
            "name": _(
                "%(kind)s - %(candidate)s",
                kind=label,
                candidate=self.partner_name or candidate.name,
            ),
            "applicant_id": self.id,
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
            # The recruiter organizes: every interviewer gets their mail (calendar
            # does not mail the organizer) and the candidate's replies reach
            # the recruiter.
            "user_id": (self._get_planning_recruiter() or users[:1]).id,
            "partner_ids": [Command.set((users.partner_id | candidate).ids)],
            "start": start,
            "stop": stop,
            "show_as": "busy",
            "access_token": token,
            "videocall_location": f"{self.get_base_url()}/{route}/{token}",
            "description": Markup("<p>%s</p>")
            % _(
                "%(kind)s for the position %(job)s.",
                kind=label,
                job=self.job_id.name or "",
            ),
            "ai_interview_stage_id": stage.id,
            "ai_interview_kind_id": kind.id,
        }

    def _get_interview_candidate_partner(self):
        """The candidate's contact, created when missing (the invitation is
        addressed to it), as the candidate's own "Meeting" button does."""
        self.ensure_one()
        # sudo: scheduling may run for an interviewer or an automation rule,
        # who cannot write candidates; creating their contact is part of it.
        candidate = self.candidate_id.sudo()
        if not candidate.partner_id and candidate.email_from:
            candidate._inverse_partner_email()
        if not candidate.partner_id:
            candidate.partner_id = (
                self.env["res.partner"]
                .sudo()
                .create(
                    {
                        "name": candidate.partner_name or _("Candidate"),
                        "email": candidate.email_from,
                    }
                )
            )
        return candidate.partner_id.with_env(self.env)

    def _send_interview_invitations(self, event, attendees=None, rescheduled=False):
        """Invite the attendees of ``event`` (extension point).

        Interviewers get our interviewer template (time, link, AI summary,
        link to the applicant); the candidate our candidate template (time,
        link, how to ask for another time); anyone else calendar's usual
        mail.  Each is a real email with the .ics, queued by calendar and sent
        after commit.

        :param attendees: calendar.attendee to invite (default: all)
        :param rescheduled: the interview moved; the templates say so
        """
        self.ensure_one()
        attendees = attendees if attendees is not None else event.attendee_ids
        panel = (self.interview_panel_ids | self.interviewer_ids).partner_id
        to_candidate = attendees.filtered(lambda a: a.partner_id == self.partner_id)
        to_interviewers = (
            attendees.filtered(lambda a: a.partner_id in panel) - to_candidate
        )
        others = attendees - to_candidate - to_interviewers
        for recipients, xmlid in (
            (
                to_interviewers,
                "hr_ai_interview_bridge.mail_template_interview_interviewer",
            ),
            (to_candidate, "hr_ai_interview_bridge.mail_template_interview_candidate"),
        ):
            template = self.env.ref(xmlid, raise_if_not_found=False)
            if recipients and template:
                # sudo: our templates must render the same whoever moves the
                # interview; they show the AI summary to interviewers only.
                template = template.sudo().with_context(
                    ai_interview_rescheduled=rescheduled
                )
                recipients._send_mail_to_attendees(template, force_send=True)
        if others:
            generic = (
                "calendar.calendar_template_meeting_changedate"
                if rescheduled
                else "calendar.calendar_template_meeting_invitation"
            )
            others._send_mail_to_attendees(
                self.env.ref(generic, raise_if_not_found=False), force_send=True
            )

    def _on_interview_moved(self, event, old_start):
        """``event`` moved from ``old_start``: log it, re-invite."""
        self.ensure_one()
        tz = self._get_planning_recruiter().tz or self.env.user.tz or "UTC"
        self.message_post(
            body=_(
                "Interview %(event)s moved from %(old)s to %(new)s (%(tz)s).",
                event=event.name,
                old=format_datetime(self.env, old_start, tz=tz, dt_format="medium"),
                new=format_datetime(self.env, event.start, tz=tz, dt_format="medium"),
                tz=tz,
            ),
            subtype_xmlid="mail.mt_note",
        )
        if event.start > fields.Datetime.now():
            self._send_interview_invitations(event, rescheduled=True)

    def _sync_interview_panel(self, event):
        """The attendees of the current stage's interview changed: the
        panel follows them (new interviewers gain access and scorecards)."""
        self.ensure_one()
        if event.ai_interview_stage_id != self.stage_id:
            return
        users = (event.partner_ids - self.partner_id).user_ids.filtered(
            lambda user: not user.share
        )
        if users == self.interview_panel_ids:
            return
        self._set_interview_panel(users)
        if hasattr(self, "_create_scorecards"):
            self._create_scorecards(event)

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _get_planning_recruiter(self):
        """The recruiter who organizes the interviews and hears about
        planning problems: the applicant's, else the job's, else the current
        user unless it is a technical one (an automation rule run by the
        vendor intake).  May be empty."""
        self.ensure_one()
        user = self.env.user
        fallback = user if user.active and not user.share else user.browse()
        return self.user_id or self.job_id.user_id or fallback

    def _notify_planning_problem(self, summary, note):
        """A note in the chatter and an activity for the recruiter, unless
        the same problem is still open (automation rules may retry)."""
        self.ensure_one()
        if self.activity_ids.filtered(lambda activity: activity.summary == summary):
            return
        self.message_post(body=note, subtype_xmlid="mail.mt_note")
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=summary,
            note=note,
            user_id=(self._get_planning_recruiter() or self.env.user).id,
        )

    def _planning_notification(self, title, messages, warning=False):
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": title,
                "message": " ".join(messages),
                "type": "warning" if warning else "success",
                "sticky": False,
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }
