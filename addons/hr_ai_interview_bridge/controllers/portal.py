"""Candidate portal: /my/applications.

Candidates are portal users whose contact is their candidate's contact.  They
read their applications with their own rights (ACL and record rule in
security/hr_ai_portal_security.xml, field allow-list in
models/hr_applicant_portal.py); whatever else a page shows comes from the
``_portal_*`` methods of the applicant, which check that access first.  Any
other application answers like Odoo's portal does: a redirect to /my for
pages, 404 for files and forms, never its data.
"""

from werkzeug.exceptions import NotFound

from odoo import _, http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import content_disposition, request

from odoo.addons.mail.controllers.attachment import AttachmentController
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

# Messages shown after a redirect (?message=...).
MESSAGES = {
    "uploaded": lambda: _("Thank you: your files were added to your application."),
    "reschedule_sent": lambda: _(
        "Your request was sent to the recruiter, who will get back to you."
    ),
}


class ApplicantPortal(CustomerPortal):
    _applications_per_page = 20

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _applications_domain(self):
        """Applications listed and counted for the current user: those of
        their own contact (internal users who look at /my see theirs too,
        not every application they may manage)."""
        return [("partner_id", "=", request.env.user.partner_id.id)]

    def _application_get(self, applicant_id):
        """The application ``applicant_id`` as the current user.

        :raise MissingError: no such application
        :raise AccessError: not one of the user's applications
        """
        Applicant = request.env["hr.applicant"].with_context(active_test=False)
        applicant = Applicant.browse(int(applicant_id)).exists()
        if not applicant:
            raise MissingError(_("This application does not exist."))
        applicant.check_access("read")
        if applicant.partner_id != request.env.user.partner_id:
            raise AccessError(_("This is not one of your applications."))
        return applicant

    def _application_or_404(self, applicant_id):
        try:
            return self._application_get(applicant_id)
        except (AccessError, MissingError) as error:
            raise NotFound() from error

    def _portal_application_sections(self, applicant):
        """Extra sections of the application page (extension point).

        Called when /my/applications/<id> renders, after the access check,
        with the candidate's record (not as superuser).  Return a list of
        dicts ``{"id": html id, "title": text, "template": QWeb xml id,
        "values": dict}``; each template is called with the page's values
        plus ``section`` (the dict).  hr_training_loop adds the training
        plan here; templates may also xpath into the empty
        ``<div id="application_training"/>`` of the page.
        """
        return []

    def _application_interviews(self, applicant):
        interviews = applicant._portal_get_interviews()
        for interview in interviews:
            interview["start_text"] = applicant._portal_format_datetime(
                interview["start"]
            )
        return interviews

    def _application_page_values(self, applicant, **extra):
        """Values of the application page (extension point)."""
        values = self._prepare_portal_layout_values()
        # sudo: the chatter posts with the record's token (candidates cannot
        # write applications); created once, then reused.
        token = applicant.sudo()._portal_ensure_token()
        timeline = applicant._portal_get_timeline()
        for step in timeline:
            step["date_text"] = applicant._portal_format_datetime(step.get("date"))
        max_bytes, max_files = applicant._portal_upload_limits()
        extensions = applicant._portal_upload_extensions()
        types = ", ".join(ext.upper() for ext in extensions)
        size_mb = "%g" % (max_bytes / 1024 / 1024)
        values.update(
            {
                "page_name": "application",
                "applicant": applicant,
                "timeline": timeline,
                "interviews": self._application_interviews(applicant),
                "ai_summary": applicant._portal_get_ai_summary(),
                "uploads": applicant._portal_get_uploads(),
                "upload_help": _(
                    "Add a portfolio, certificates or other material: %(types)s, "
                    "up to %(size)s MB per file and %(count)s files.",
                    types=types,
                    size=size_mb,
                    count=max_files,
                ),
                "upload_accept": ",".join("." + ext for ext in extensions),
                "upload_errors": [],
                "tz": applicant._portal_tz(),
                "token": token,
                "message": False,
                "format_datetime": applicant._portal_format_datetime,
            }
        )
        values.update(extra)
        values["sections"] = self._portal_application_sections(applicant)
        return values

    # ------------------------------------------------------------------
    # /my home counter
    # ------------------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "application_count" in counters:
            Applicant = request.env["hr.applicant"].with_context(active_test=False)
            values["application_count"] = (
                Applicant.search_count(self._applications_domain())
                if Applicant.has_access("read")
                else 0
            )
        return values

    # ------------------------------------------------------------------
    # Pages
    # ------------------------------------------------------------------
    @http.route(
        ["/my/applications", "/my/applications/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_applications(self, page=1, **kw):
        values = self._prepare_portal_layout_values()
        Applicant = request.env["hr.applicant"].with_context(active_test=False)
        if not Applicant.has_access("read"):
            return request.redirect("/my")
        domain = self._applications_domain()
        total = Applicant.search_count(domain)
        pager = portal_pager(
            url="/my/applications",
            total=total,
            page=page,
            step=self._applications_per_page,
        )
        applicants = Applicant.search(
            domain,
            order="create_date desc, id desc",
            limit=self._applications_per_page,
            offset=pager["offset"],
        )
        values.update(
            {
                "page_name": "applications",
                "applicants": applicants,
                "pager": pager,
                "default_url": "/my/applications",
            }
        )
        return request.render("hr_ai_interview_bridge.portal_my_applications", values)

    @http.route(
        ["/my/applications/<int:applicant_id>"], type="http", auth="user", website=True
    )
    def portal_my_application(self, applicant_id, message=None, **kw):
        try:
            applicant = self._application_get(applicant_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        message_text = MESSAGES[message]() if message in MESSAGES else False
        values = self._application_page_values(applicant, message=message_text)
        return request.render("hr_ai_interview_bridge.portal_my_application", values)

    @http.route(
        ["/my/applications/<int:applicant_id>/upload"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_application_upload(self, applicant_id, **post):
        applicant = self._application_or_404(applicant_id)
        max_bytes, _max_files = applicant._portal_upload_limits()
        files = []
        for upload in request.httprequest.files.getlist("attachments"):
            if not upload or not upload.filename:
                continue
            # Read one byte more than allowed: enough to tell "too large"
            # without holding a huge upload in memory.
            files.append((upload.filename, upload.read(max_bytes + 1)))
        try:
            applicant._portal_add_uploads(files)
        except UserError:
            values = self._application_page_values(
                applicant, upload_errors=applicant._portal_validate_uploads(files)
            )
            return request.render(
                "hr_ai_interview_bridge.portal_my_application", values
            )
        return request.redirect(
            f"/my/applications/{applicant.id}?message=uploaded#documents"
        )

    @http.route(
        ["/my/applications/<int:applicant_id>/interviews/<int:event_id>/ics"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_application_interview_ics(self, applicant_id, event_id, **kw):
        applicant = self._application_or_404(applicant_id)
        event = applicant._portal_get_interview_event(event_id)
        if not event:
            raise NotFound()
        data = applicant._portal_get_ics(event)
        return request.make_response(
            data,
            headers=[
                ("Content-Type", "text/calendar; charset=utf-8"),
                ("Content-Disposition", content_disposition("interview.ics")),
            ],
        )

    @http.route(
        ["/my/applications/<int:applicant_id>/interviews/<int:event_id>/reschedule"],
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_application_reschedule(self, applicant_id, event_id, **post):
        applicant = self._application_or_404(applicant_id)
        event = applicant._portal_get_interview_event(event_id)
        if not event:
            raise NotFound()
        interview = next(
            (i for i in self._application_interviews(applicant) if i["id"] == event.id),
            None,
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "application_reschedule",
                "applicant": applicant,
                "interview": interview,
                "tz": applicant._portal_tz(),
                "tz_help": _(
                    "Times are read in your timezone (%(tz)s).",
                    tz=applicant._portal_tz(),
                ),
                "errors": {},
                "reason": post.get("reason", ""),
                "preferred_times": post.get("preferred_times", ""),
            }
        )
        if request.httprequest.method == "POST":
            errors = applicant._portal_validate_reschedule(
                post.get("reason"), post.get("preferred_times")
            )
            if not errors:
                try:
                    applicant._portal_request_reschedule(
                        event, post.get("reason"), post.get("preferred_times")
                    )
                except UserError as error:
                    errors = {"form": str(error)}
            if not errors:
                return request.redirect(
                    f"/my/applications/{applicant.id}?message=reschedule_sent"
                )
            values["errors"] = errors
        return request.render(
            "hr_ai_interview_bridge.portal_application_reschedule", values
        )


class ApplicantChatterAttachmentController(AttachmentController):
    """Files candidates attach in the portal chatter of an application obey
    the upload form's allow-list and limits (checked again when the message
    is posted, see ``hr.applicant.message_post``)."""

    @http.route()
    def mail_attachment_upload(
        self, ufile, thread_id, thread_model, is_pending=False, **kwargs
    ):
        if thread_model == "hr.applicant" and request.env.user.share:
            # sudo: the limits count the uploader's files on the application;
            # whether they may post on it at all is checked by super().
            applicant = request.env["hr.applicant"].sudo().browse(int(thread_id))
            errors = applicant.exists() and applicant._portal_validate_uploads(
                [(ufile.filename, ufile.read())]
            )
            if errors:
                raise UserError("\n".join(errors))
            ufile.seek(0)
        return super().mail_attachment_upload(
            ufile, thread_id, thread_model, is_pending=is_pending, **kwargs
        )
