import os
from datetime import timedelta

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_datetime, format_duration
from odoo.tools.mimetypes import guess_mimetype
from odoo.tools.misc import babel_locale_parse, get_lang

try:
    import vobject
except ImportError:  # calendar's optional dependency: no .ics without it
    vobject = None

# What a candidate (portal or public user) may read of hr.applicant: the
# portal pages need nothing else, and a JSON-RPC read of any other field
# (stage, refuse reason, interviewers, salary, notes...) fails.  The portal_*
# fields are computed as superuser from the allow-listed facts only.
PORTAL_READABLE_FIELDS = frozenset(
    {
        "id",
        "display_name",
        "active",
        "create_date",
        "partner_id",
        "candidate_id",
        "partner_name",
        "access_url",
        "access_token",
        "access_warning",
        "portal_stage_label",
        "portal_job_name",
        "portal_company_name",
        "portal_status",
    }
)

# Supplementary material candidates may upload: extension -> the MIME types
# the content may sniff as.  Documents and pictures that recruiters open in a
# browser or an office suite; archives are refused (they hide their content
# from a quick look and from the preview).
UPLOAD_TYPES = {
    "pdf": {"application/pdf"},
    "png": {"image/png"},
    "jpg": {"image/jpeg"},
    "jpeg": {"image/jpeg"},
    "docx": {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/zip",
    },
    "doc": {
        "application/msword",
        "application/x-ole-storage",
        "application/cdfv2",
        "application/vnd.ms-office",
    },
}
UPLOAD_MAX_BYTES_PARAM = "hr_ai_interview_bridge.portal_upload_max_bytes"
UPLOAD_MAX_BYTES_DEFAULT = 10 * 1024 * 1024
UPLOAD_MAX_FILES_PARAM = "hr_ai_interview_bridge.portal_upload_max_files"
UPLOAD_MAX_FILES_DEFAULT = 10
# A percentile computed here (the vendor sent none) is shown to the candidate
# only when it compares with at least this many other candidates: with fewer,
# "higher than 100%" would tell how the one other candidate did.
PORTAL_MIN_PEERS = 5
RESCHEDULE_REASON_MAX = 1000
RESCHEDULE_PREFERRED_MAX = 500


class HrApplicant(models.Model):
    """The candidate's side of an application: the portal allow-list and
    what /my/applications shows (timeline, interviews, AI summary, uploads,
    requests for another interview time).

    Candidates read their own applications with their own rights (ACL and
    record rule in security/); the methods below read the rest (stages,
    tracking, AI scores) as superuser *after* checking that access, and
    return plain values built from allow-listed facts only.
    """

    _name = "hr.applicant"
    _inherit = ["hr.applicant", "portal.mixin"]

    portal_stage_label = fields.Char(
        string="Step (Candidate View)",
        compute="_compute_portal_values",
        compute_sudo=True,
        help="The stage's label for candidates; never its internal name.",
    )
    portal_job_name = fields.Char(
        string="Position (Candidate View)", related="job_id.name"
    )
    portal_company_name = fields.Char(
        string="Company (Candidate View)", related="company_id.name"
    )
    portal_status = fields.Selection(
        [
            ("ongoing", "In progress"),
            ("hired", "Hired"),
            ("closed", "Closed"),
        ],
        string="Status (Candidate View)",
        compute="_compute_portal_values",
        compute_sudo=True,
        help="Refused and archived applications are 'Closed', without reason.",
    )

    @api.depends(
        "stage_id.portal_label", "application_status", "refuse_reason_id", "active"
    )
    def _compute_portal_values(self):
        for applicant in self:
            status = applicant.application_status
            if status == "hired":
                applicant.portal_status = "hired"
            elif status in ("refused", "archived"):
                applicant.portal_status = "closed"
            else:
                applicant.portal_status = "ongoing"
            if applicant.portal_status == "closed":
                applicant.portal_stage_label = _("Application closed")
            else:
                applicant.portal_stage_label = applicant.stage_id.portal_label or _(
                    "In progress"
                )

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for applicant in self:
            applicant.access_url = f"/my/applications/{applicant.id}"
        return result

    # ------------------------------------------------------------------
    # Field allow-list for candidates
    # ------------------------------------------------------------------
    def _portal_is_restricted(self):
        """Whether the current user reads applicants as a candidate."""
        return not self.env.su and self.env.user.share

    @api.model
    def _portal_readable_fields(self):
        """Fields candidates may read (extension point: return a bigger set
        to show more, e.g. a field of another addon)."""
        return PORTAL_READABLE_FIELDS

    @api.model
    def check_field_access_rights(self, operation, field_names):
        if not self._portal_is_restricted():
            return super().check_field_access_rights(operation, field_names)
        allowed = self._portal_readable_fields()
        if not field_names:
            return [
                name
                for name in super().check_field_access_rights(operation, field_names)
                if name in allowed
            ]
        forbidden = sorted(set(field_names) - allowed)
        if forbidden:
            raise AccessError(
                _(
                    "You cannot read these fields of an application: %(fields)s",
                    fields=", ".join(forbidden),
                )
            )
        return super().check_field_access_rights(operation, field_names)

    def _determine_fields_to_fetch(self, field_names, ignore_when_in_cache=False):
        # Prefetching reads every field of a group, and the stored
        # dependencies of computed fields: keep candidates to theirs (the
        # portal_* fields compute as superuser, which fetches what they need).
        if not self._portal_is_restricted():
            return super()._determine_fields_to_fetch(field_names, ignore_when_in_cache)
        allowed = self._portal_readable_fields()
        fields_to_fetch = super()._determine_fields_to_fetch(
            [name for name in field_names if name in allowed], ignore_when_in_cache
        )
        return [field for field in fields_to_fetch if field.name in allowed]

    def _order_to_sql(self, order, query, alias=None, reverse=False):
        # The default order (priority: the recruiters' rating) is not theirs
        # to read: candidates' searches sort by date.
        if self._portal_is_restricted() and (order or self._order) == self._order:
            order = "create_date desc, id desc"
        return super()._order_to_sql(order, query, alias=alias, reverse=reverse)

    # ------------------------------------------------------------------
    # Timeline
    # ------------------------------------------------------------------
    def _portal_stage_history(self):
        """The stages the applicant went through, oldest first, as a list of
        ``(stage, entered_at)``, from the stage tracking; the current stage
        comes last.  Without tracking (imported or created in a stage), only
        the current stage, entered at ``date_last_stage_update``."""
        self.ensure_one()
        applicant = self.sudo()
        Stage = self.env["hr.recruitment.stage"].sudo()
        field = self.env["ir.model.fields"]._get(self._name, "stage_id")
        trackings = (
            self.env["mail.tracking.value"]
            .sudo()
            .search(
                [
                    ("field_id", "=", field.id),
                    ("mail_message_id.model", "=", self._name),
                    ("mail_message_id.res_id", "=", self.id),
                ],
                order="id",
            )
        )
        history = []
        for tracking in trackings:
            if not history and tracking.old_value_integer:
                history.append(
                    (Stage.browse(tracking.old_value_integer), applicant.create_date)
                )
            if tracking.new_value_integer:
                history.append(
                    (Stage.browse(tracking.new_value_integer), tracking.create_date)
                )
        if not history or history[-1][0] != applicant.stage_id:
            history.append(
                (
                    applicant.stage_id,
                    applicant.date_last_stage_update or applicant.create_date,
                )
            )
        return [(stage, date) for stage, date in history if stage.exists()]

    @api.model
    def _portal_stage_key(self, stage):
        return (stage.portal_sequence, stage.sequence, stage.id)

    def _portal_get_timeline(self):
        """The candidate's progress, as a list of steps (dicts):

        - ``label``, ``description``: candidate-facing texts (stage portal
          labels, never internal names);
        - ``state``: ``done``, ``current``, ``pending``, ``scheduled`` (an
          upcoming interview) or ``closed``;
        - ``date``: naive UTC datetime or False; ``kind``: ``stage``,
          ``interview``, ``closed`` (or what extensions add).

        Reached stages come in the order they were reached (a stage visited
        twice once, at its last visit); skipped stages are left out; the
        announced later stages (``portal_visible``) follow the current one.
        Extensions add steps in ``_portal_timeline_extra_steps``.
        """
        self.ensure_one()
        self.check_access("read")
        # sudo: stages and tracking are not readable by candidates; only the
        # portal labels of the stages leave this method.
        applicant = self.sudo()
        status = applicant.portal_status
        history = applicant._portal_stage_history()
        Stage = self.env["hr.recruitment.stage"].sudo()
        job_stages = Stage.search(
            ["|", ("job_ids", "=", False), ("job_ids", "in", applicant.job_id.ids)]
        )
        reached = {}
        for stage, date in history:
            reached.pop(stage, None)
            reached[stage] = date
        current = applicant.stage_id
        # The candidate applied: the first step is always shown as done.
        first = job_stages.sorted(lambda s: (s.sequence, s.id))[:1]
        if first and first not in reached and first != current:
            reached = {first: applicant.create_date, **reached}
        steps = []
        for stage, date in reached.items():
            is_current = stage == current
            if not stage.portal_label and not is_current:
                continue
            state = "done"
            if is_current and status == "ongoing":
                state = "current"
            steps.append(
                {
                    "kind": "stage",
                    "label": stage.portal_label or _("In progress"),
                    "description": stage.portal_description or False,
                    "state": state,
                    "date": date,
                }
            )
        if status == "ongoing":
            steps.extend(applicant._portal_interview_steps())
            current_key = self._portal_stage_key(current)
            later = job_stages.filtered(
                lambda s: s.portal_visible
                and s.portal_label
                and s not in reached
                and self._portal_stage_key(s) > current_key
            ).sorted(self._portal_stage_key)
            steps.extend(
                {
                    "kind": "stage",
                    "label": stage.portal_label,
                    "description": stage.portal_description or False,
                    "state": "pending",
                    "date": False,
                }
                for stage in later
            )
        elif status == "closed":
            steps.append(
                {
                    "kind": "closed",
                    "label": _("Application closed"),
                    "description": _(
                        "Thank you for your interest. This application is no "
                        "longer in progress."
                    ),
                    "state": "closed",
                    "date": applicant.refuse_date or applicant.write_date,
                }
            )
        return self._portal_timeline_extra_steps(steps)

    def _portal_interview_steps(self):
        """Timeline steps of the upcoming interviews (after the current
        step)."""
        self.ensure_one()
        return [
            {
                "kind": "interview",
                "label": _("Interview scheduled: %(what)s", what=interview["label"]),
                "description": False,
                "state": "scheduled",
                "date": interview["start"],
            }
            for interview in self._portal_get_interviews()
        ]

    def _portal_timeline_extra_steps(self, steps):
        """Extension point: return ``steps`` with the steps of other addons
        added (e.g. hr_training_loop's training and re-interview).  Called on
        the candidate's record (not as superuser) once the stage and
        interview steps are built.

        :param steps: list of step dicts (see ``_portal_get_timeline``)
        :return: the list of steps to show
        """
        return steps

    # ------------------------------------------------------------------
    # Interviews
    # ------------------------------------------------------------------
    def _portal_interview_domain(self, upcoming=True):
        """Interviews a candidate sees: the application's events the
        candidate is invited to (internal debriefs stay hidden)."""
        self.ensure_one()
        # sudo: the candidate's contact is read through the candidate.
        partner = self.sudo().partner_id
        domain = [
            ("applicant_id", "=", self.id),
            ("partner_ids", "in", partner.ids or [0]),
        ]
        if upcoming:
            domain.append(("stop", ">=", fields.Datetime.now()))
        return domain

    def _portal_get_interviews(self, upcoming=True):
        """The candidate's interviews, soonest first, as dicts: ``id``,
        ``label`` (the stage's portal label, else the event name the
        invitation carried), ``start``, ``stop`` (naive UTC), ``allday``,
        ``duration`` (text), ``location``, ``videocall_url``,
        ``can_reschedule`` (not started yet) and ``event`` (the record)."""
        self.ensure_one()
        self.check_access("read")
        if self.portal_status != "ongoing":
            return []
        # sudo: candidates read calendar events they attend (core rule), but
        # not the applicant's other events; the domain keeps theirs only.
        events = (
            self.env["calendar.event"]
            .sudo()
            .search(self._portal_interview_domain(upcoming), order="start, id")
        )
        now = fields.Datetime.now()
        interviews = []
        for event in events:
            stage = (
                event.ai_interview_stage_id
                if "ai_interview_stage_id" in event._fields
                else False
            )
            interviews.append(
                {
                    "id": event.id,
                    "event": event.sudo(False),
                    "label": (stage and stage.portal_label) or event.name,
                    "start": event.start,
                    "stop": event.stop,
                    "allday": event.allday,
                    "duration": format_duration(event.duration or 0.0),
                    "location": event.location or False,
                    "videocall_url": event.videocall_location or False,
                    "can_reschedule": bool(event.start and event.start > now),
                }
            )
        return interviews

    def _portal_get_interview_event(self, event_id):
        """The interview ``event_id`` of this application, if the candidate
        is invited to it and the application is in progress; else an empty
        recordset (as superuser)."""
        self.ensure_one()
        self.check_access("read")
        if self.portal_status != "ongoing":
            return self.env["calendar.event"]
        return (
            self.env["calendar.event"]
            .sudo()
            .search(
                [("id", "=", int(event_id)), *self._portal_interview_domain(False)],
                limit=1,
            )
        )

    def _portal_format_datetime(self, value, dt_format=None):
        """``value`` (naive UTC) in the candidate's timezone and language, as
        text: by default the medium date and the short time of the
        language, e.g. "Nov 28, 2026, 10:00 AM" or "2026年11月28日 10:00"."""
        if not value:
            return ""
        if not dt_format:
            locale = babel_locale_parse(get_lang(self.env).code)
            dt_format = locale.datetime_formats["medium"].format(
                locale.time_formats["short"].pattern,
                locale.date_formats["medium"].pattern,
            )
        return format_datetime(
            self.env, value, tz=self._portal_tz(), dt_format=dt_format
        )

    def _portal_tz(self):
        return self.env.user.tz or self.env.context.get("tz") or "UTC"

    def _portal_get_ics(self, event):
        """The .ics file of ``event`` (bytes), from calendar's own export
        without the description and the attendees' addresses (internal
        notes and interviewers' emails stay internal)."""
        self.ensure_one()
        event = self._portal_get_interview_event(event.id)
        if not event:
            raise AccessError(_("This interview is not part of your application."))
        data = vobject and event._get_ics_file().get(event.id)
        if not data:
            raise UserError(_("The calendar file cannot be created on this server."))
        calendar = vobject.readOne(data.decode())
        vevent = calendar.vevent
        for name in ("description", "attendee", "organizer"):
            while name in vevent.contents:
                del vevent.contents[name]
        if event.videocall_location and "location" not in vevent.contents:
            vevent.add("location").value = event.videocall_location
        if event.videocall_location:
            vevent.add("url").value = event.videocall_location
        return calendar.serialize().encode()

    # ------------------------------------------------------------------
    # Request another time
    # ------------------------------------------------------------------
    @api.model
    def _portal_validate_reschedule(self, reason, preferred_times):
        """Errors of a "request another time" form, as a dict field ->
        message (empty when valid)."""
        errors = {}
        reason = (reason or "").strip()
        preferred_times = (preferred_times or "").strip()
        if len(reason) < 5:
            errors["reason"] = _("Please tell us why this time does not suit you.")
        elif len(reason) > RESCHEDULE_REASON_MAX:
            errors["reason"] = _(
                "Please keep the reason under %(count)s characters.",
                count=RESCHEDULE_REASON_MAX,
            )
        if len(preferred_times) < 3:
            errors["preferred_times"] = _(
                "Please suggest one or more times that would suit you."
            )
        elif len(preferred_times) > RESCHEDULE_PREFERRED_MAX:
            errors["preferred_times"] = _(
                "Please keep the suggested times under %(count)s characters.",
                count=RESCHEDULE_PREFERRED_MAX,
            )
        return errors

    def _portal_recruiter(self, event=None):
        """Who handles the candidate's requests: the application's
        recruiter, else the job's, else the interview's organizer (internal
        users only; empty when none)."""
        self.ensure_one()
        applicant = self.sudo()
        for user in (
            applicant.user_id,
            applicant.job_id.user_id,
            event and event.user_id,
        ):
            if user and not user.share:
                return user
        return self.env["res.users"]

    def _portal_request_reschedule(self, event, reason, preferred_times):
        """Record the candidate's request for another time for ``event``: a
        to-do for the recruiter and a message in the application's chatter
        (which the candidate sees on the portal).

        :raise UserError: invalid input, or the interview has started
        :raise AccessError: the event is not one of this application's
            interviews the candidate attends
        """
        self.ensure_one()
        errors = self._portal_validate_reschedule(reason, preferred_times)
        if errors:
            raise UserError("\n".join(errors.values()))
        event = self._portal_get_interview_event(event.id)
        if not event:
            raise AccessError(_("This interview is not part of your application."))
        if event.start <= fields.Datetime.now():
            raise UserError(
                _("This interview has already started: please send us a message.")
            )
        reason = reason.strip()
        preferred_times = preferred_times.strip()
        # sudo: candidates cannot write applications; they may only post this
        # request and file the recruiter's to-do, checked above.
        applicant = self.sudo()
        when = self._portal_format_datetime(event.start)
        body = Markup(
            "<p><b>{title}</b></p><p>{interview}</p>"
            "<p><b>{reason_label}</b> {reason}</p>"
            "<p><b>{preferred_label}</b> {preferred}</p>"
        ).format(
            title=_("Request for another interview time"),
            interview=_(
                "Interview: %(what)s on %(when)s (%(tz)s)",
                what=event.name,
                when=when,
                tz=self._portal_tz(),
            ),
            reason_label=_("Reason:"),
            reason=reason,
            preferred_label=_("Preferred times:"),
            preferred=preferred_times,
        )
        applicant.message_post(
            body=body,
            author_id=self.env.user.partner_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        recruiter = self._portal_recruiter(event)
        if recruiter:
            deadline = min(
                fields.Date.context_today(self) + timedelta(days=1),
                event.start.date(),
            )
            applicant.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=max(deadline, fields.Date.context_today(self)),
                summary=_("Candidate asks for another interview time"),
                note=body,
                user_id=recruiter.id,
            )
        return True

    # ------------------------------------------------------------------
    # Uploads
    # ------------------------------------------------------------------
    @api.model
    def _portal_upload_limits(self):
        """(max bytes per file, max files per application), from the system
        parameters ``hr_ai_interview_bridge.portal_upload_max_bytes`` (default
        10 MiB) and ``...portal_upload_max_files`` (default 10)."""
        # sudo: candidates cannot read system parameters; these are limits.
        params = self.env["ir.config_parameter"].sudo()
        max_bytes = int(
            params.get_param(UPLOAD_MAX_BYTES_PARAM, UPLOAD_MAX_BYTES_DEFAULT)
        )
        max_files = int(
            params.get_param(UPLOAD_MAX_FILES_PARAM, UPLOAD_MAX_FILES_DEFAULT)
        )
        return max_bytes, max_files

    @api.model
    def _portal_upload_extensions(self):
        return sorted(UPLOAD_TYPES)

    def _portal_get_uploads(self):
        """Files the current candidate uploaded to this application, newest
        first: list of dicts ``name``, ``size`` (bytes), ``size_kb``,
        ``date``."""
        self.ensure_one()
        self.check_access("read")
        # sudo: candidates cannot read attachments; only their own uploads
        # (created by them on this application) are listed.
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "=", self.id),
                    ("create_uid", "=", self.env.uid),
                ],
                order="create_date desc, id desc",
            )
        )
        return [
            {
                "name": att.name,
                "size": att.file_size,
                "size_kb": max(1, round(att.file_size / 1024)),
                "date": att.create_date,
            }
            for att in attachments
        ]

    def _portal_validate_uploads(self, files):
        """Errors for the files a candidate wants to upload.

        :param files: list of ``(filename, content bytes)``
        :return: list of messages (empty when every file is accepted)
        """
        self.ensure_one()
        max_bytes, max_files = self._portal_upload_limits()
        if not files:
            return [_("Please choose a file to upload.")]
        errors = []
        already = len(self._portal_get_uploads())
        if already + len(files) > max_files:
            errors.append(
                _(
                    "An application holds at most %(max)s files of yours "
                    "(%(count)s already uploaded).",
                    max=max_files,
                    count=already,
                )
            )
        allowed = ", ".join(ext.upper() for ext in self._portal_upload_extensions())
        for filename, content in files:
            extension = os.path.splitext(filename)[1].lower().lstrip(".")
            if extension not in UPLOAD_TYPES:
                errors.append(
                    _(
                        "%(file)s: this type of file is not accepted. Accepted "
                        "types: %(types)s.",
                        file=filename,
                        types=allowed,
                    )
                )
            elif not content:
                errors.append(_("%(file)s is empty.", file=filename))
            elif len(content) > max_bytes:
                size_mb = "%.1f" % (len(content) / 1024 / 1024)
                max_mb = "%g" % (max_bytes / 1024 / 1024)
                errors.append(
                    _(
                        "%(file)s is too large (%(size)s MB): files may be at "
                        "most %(max)s MB.",
                        file=filename,
                        size=size_mb,
                        max=max_mb,
                    )
                )
            elif guess_mimetype(content).lower() not in UPLOAD_TYPES[extension]:
                errors.append(
                    _(
                        "%(file)s does not look like a %(type)s file.",
                        file=filename,
                        type=extension.upper(),
                    )
                )
        return errors

    def message_post(self, **kwargs):
        """Files candidates attach to a chatter message (the portal
        composer) obey the same allow-list and limits as the upload form."""
        if kwargs.get("attachment_ids") and self.env.user.share:
            self.ensure_one()
            # sudo: the candidate's pending uploads are checked, not shown.
            attachments = (
                self.env["ir.attachment"].sudo().browse(kwargs["attachment_ids"])
            )
            errors = self._portal_validate_uploads(
                [(attachment.name, attachment.raw) for attachment in attachments]
            )
            if errors:
                raise UserError("\n".join(errors))
        return super().message_post(**kwargs)

    def _portal_add_uploads(self, files):
        """Attach the candidate's files to the application, with a message
        in its chatter so that the recruiter hears of them.

        :param files: list of ``(filename, content bytes)``, validated
        :raise UserError: when ``_portal_validate_uploads`` finds a problem
        """
        self.ensure_one()
        self.check_access("read")
        errors = self._portal_validate_uploads(files)
        if errors:
            raise UserError("\n".join(errors))
        names = [os.path.basename(name.replace("\\", "/")) for name, _data in files]
        # sudo: candidates cannot write applications nor create attachments
        # on them; the files were validated above and stay owned by the
        # candidate (create_uid), readable by whoever reads the application.
        self.sudo().message_post(
            body=Markup("<p>%s</p>")
            % _("Supplementary material: %(files)s", files=", ".join(names)),
            author_id=self.env.user.partner_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachments=[
                (name, data) for name, (_fn, data) in zip(names, files, strict=True)
            ],
        )
        return True

    # ------------------------------------------------------------------
    # AI report summary
    # ------------------------------------------------------------------
    def _portal_show_ai_report(self):
        self.ensure_one()
        company = self.sudo().company_id or self.env.company
        return company.ai_portal_show_report

    def _portal_get_ai_summary(self):
        """The candidate's AI interview summary, or None when the company
        does not share it or there is no result.

        :return: dict ``completed_at``, ``completed_text``, ``overall``,
            ``overall_sentence``,
            ``dimensions`` (list of dicts ``name``, ``score`` 0-100,
            ``sentence`` or False); percentages only, never other
            candidates' data (a computed percentile needs
            ``PORTAL_MIN_PEERS`` other candidates)
        """
        self.ensure_one()
        self.check_access("read")
        if not self._portal_show_ai_report():
            return None
        # sudo: candidates cannot read AI results; only the dimension names,
        # the scores and shareable percentiles of their latest result leave.
        result = self.sudo().ai_result_id
        if not result:
            return None
        lines = result.score_ids.filtered(lambda line: line.dimension_id.active).sorted(
            lambda line: (line.dimension_id.sequence, line.dimension_id.code)
        )
        dimensions = []
        for line in lines:
            shareable = (
                not line.percentile_computed or line.peer_count >= PORTAL_MIN_PEERS
            )
            dimensions.append(
                {
                    "name": line.dimension_id.name,
                    "score": round(line.score),
                    "sentence": self._portal_percentile_sentence(line.percentile)
                    if shareable
                    else False,
                }
            )
        overall_shareable = (
            not result.overall_percentile_computed
            or result.overall_peer_count >= PORTAL_MIN_PEERS
        )
        return {
            "completed_at": result.completed_at,
            "completed_text": _(
                "Completed on %(date)s. Scores out of 100.",
                date=self._portal_format_datetime(result.completed_at),
            ),
            "overall": round(result.overall_score),
            "overall_sentence": self._portal_percentile_sentence(
                result.overall_percentile
            )
            if overall_shareable
            else False,
            "dimensions": dimensions,
        }

    @api.model
    def _portal_percentile_sentence(self, percentile):
        if percentile is None or percentile is False:
            return False
        return _("Higher than %(percent)s%% of candidates", percent=round(percentile))
