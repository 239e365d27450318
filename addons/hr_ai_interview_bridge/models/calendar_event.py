from odoo import api, fields, models


class CalendarEvent(models.Model):
    """Interviews booked by "Schedule interview" (``ai_interview_stage_id``
    set) stay consistent with their applicant when they change.

    Moving one re-arms the delay reminder, logs the new time on the
    applicant, sends our invitation templates again (instead of calendar's
    generic "date updated" mail) and refreshes the applicant's delay flag.
    Changing its attendees updates the applicant's interview panel and
    invites the newcomers with our templates.
    """

    _inherit = "calendar.event"

    ai_interview_stage_id = fields.Many2one(
        "hr.recruitment.stage",
        string="Interview Stage",
        ondelete="set null",
        index="btree_not_null",
        readonly=True,
        help="The recruitment stage this interview was scheduled for.",
    )
    ai_interview_kind_id = fields.Many2one(
        "hr.interview.kind", string="Interview Kind", ondelete="set null", readonly=True
    )
    ai_delay_reminded = fields.Boolean(
        string="Late Interviewers Reminded",
        copy=False,
        readonly=True,
        help="The interviewers were reminded of their missing scorecards "
        "(once per interview time: moving the interview re-arms it).",
    )

    @api.model
    def _ai_watched_fields(self):
        return self._get_time_fields() | {"partner_ids", "active"}

    def write(self, vals):
        interviews = self.filtered("ai_interview_stage_id")
        if not interviews or not self._ai_watched_fields() & set(vals):
            return super().write(vals)
        before = {
            event.id: (event.start, event.stop, event.attendee_ids)
            for event in interviews
        }
        others = self - interviews
        if others:
            super(CalendarEvent, others).write(dict(vals))
        interview_vals = dict(vals)
        if self._get_time_fields() & set(vals):
            interview_vals["ai_delay_reminded"] = False
        # Our invitations replace calendar's generic mails for interviews.
        super(CalendarEvent, interviews.with_context(no_mail_to_attendees=True)).write(
            interview_vals
        )
        interviews._ai_after_interview_change(before)
        return True

    def unlink(self):
        applicants = self.filtered("ai_interview_stage_id").applicant_id
        result = super().unlink()
        if applicants:
            self.env["hr.applicant"]._update_interview_delay_flags(applicants)
        return result

    def _ai_after_interview_change(self, before):
        """Follow-up of a change of interviews; ``before``: event id ->
        (start, stop, attendees) before the change."""
        for event in self:
            applicant = event.applicant_id
            if not applicant or not event.active:
                continue
            start, stop, attendees = before[event.id]
            # sudo: whoever moves the interview (an attendee) keeps the
            # applicant's planning in step, even without access to it.
            applicant = applicant.sudo()
            if event.attendee_ids != attendees:
                applicant._sync_interview_panel(event)
            if (event.start, event.stop) != (start, stop):
                applicant._on_interview_moved(event, start)
            elif event.start > fields.Datetime.now():
                new_attendees = event.attendee_ids - attendees
                if new_attendees:
                    applicant._send_interview_invitations(
                        event, attendees=new_attendees
                    )
        applicants = self.applicant_id
        if applicants:
            self.env["hr.applicant"]._update_interview_delay_flags(applicants)
