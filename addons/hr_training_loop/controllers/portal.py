"""The training plan on the candidate's application page (portal)."""

from odoo import _

from odoo.addons.hr_ai_interview_bridge.controllers.portal import ApplicantPortal

SHOWN_STATES = ("enrolled", "in_progress", "done", "failed")


class TrainingPortal(ApplicantPortal):
    def _portal_application_sections(self, applicant):
        sections = super()._portal_application_sections(applicant)
        # sudo: the candidate reached this page through the access check of
        # their own application; only the allow-listed values below are
        # shown, never gaps, levels or recruiter notes.
        assignments = applicant.sudo().training_assignment_ids.filtered(
            lambda assignment: assignment.state in SHOWN_STATES
        )
        if assignments:
            sections.append(
                {
                    "id": "application_training_plan",
                    "title": _("Your training plan"),
                    "template": "hr_training_loop.portal_application_training",
                    "values": {
                        "courses": [
                            self._portal_training_course(assignment)
                            for assignment in assignments.sorted("due_date")
                        ]
                    },
                }
            )
        return sections

    def _portal_training_course(self, assignment):
        """What the candidate sees of one course of the plan."""
        states = dict(
            assignment._fields["state"]._description_selection(assignment.env)
        )
        return {
            "name": assignment.channel_id.name,
            "url": assignment.channel_id.website_url,
            "completion": assignment.completion,
            "state": assignment.state,
            "state_label": states.get(assignment.state),
            "badge_class": {"done": "text-bg-success", "failed": "text-bg-danger"}.get(
                assignment.state, "text-bg-secondary"
            ),
            "due_date": assignment.due_date,
            "overdue": assignment.overdue,
        }
