from odoo import _, api, fields, models

SCORECARD_MODEL = "hr.interview.scorecard"


class CalendarEvent(models.Model):
    """What an interviewer needs on the phone about an interview: the
    candidate, the position, whether it is theirs and the state of their
    scorecard, with buttons to the applicant and the scorecard ("My
    interviews" menu)."""

    # One file per concern: the interviewer's "My interviews" part.
    _inherit = "calendar.event"  # pylint: disable=consider-merging-classes-inherited

    interview_candidate_name = fields.Char(
        string="Candidate Name", related="applicant_id.partner_name"
    )
    interview_job_name = fields.Char(
        string="Position", related="applicant_id.job_id.name"
    )
    interview_is_mine = fields.Boolean(
        string="My Interview",
        compute="_compute_interview_is_mine",
        search="_search_interview_is_mine",
        help="An interview with an applicant that the current user attends.",
    )
    interview_scorecard_state = fields.Selection(
        [
            ("none", "No scorecard"),
            ("draft", "To fill"),
            ("submitted", "Submitted"),
        ],
        string="My Scorecard",
        compute="_compute_interview_scorecard_state",
        help="The state of the current user's scorecard for this interview.",
    )

    @api.depends("partner_ids", "applicant_id")
    @api.depends_context("uid")
    def _compute_interview_is_mine(self):
        partner = self.env.user.partner_id
        for event in self:
            event.interview_is_mine = bool(event.applicant_id) and (
                partner in event.partner_ids
            )

    def _search_interview_is_mine(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(_("Unsupported search on 'My Interview'."))
        domain = [
            ("applicant_id", "!=", False),
            ("partner_ids", "in", self.env.user.partner_id.ids),
        ]
        positive = (operator == "=") == value
        return domain if positive else ["!", "&", *domain]

    def _get_my_scorecards(self):
        """The current user's scorecards of these events, by event id
        (empty until the scorecard part of the addon is installed)."""
        if SCORECARD_MODEL not in self.env or not self.ids:
            return {}
        scorecards = self.env[SCORECARD_MODEL].search(
            [("event_id", "in", self.ids), ("interviewer_id", "=", self.env.uid)],
            order="id desc",
        )
        mine = {}
        for scorecard in scorecards:
            mine.setdefault(scorecard.event_id.id, scorecard)
        return mine

    @api.depends_context("uid")
    def _compute_interview_scorecard_state(self):
        mine = self._get_my_scorecards()
        for event in self:
            scorecard = mine.get(event.id)
            event.interview_scorecard_state = scorecard.state if scorecard else "none"

    def action_open_interview_applicant(self):
        """Button: the applicant of this interview (a notification when the
        user may not read it, e.g. an attendee outside the panel)."""
        self.ensure_one()
        if not self.applicant_id.has_access("read"):
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "message": _(
                        "You are not on this applicant's interview panel: ask "
                        "the recruiter for access."
                    ),
                    "type": "warning",
                },
            }
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.applicant",
            "res_id": self.applicant_id.id,
            "views": [(False, "form")],
            "target": "current",
        }

    def action_open_my_scorecard(self):
        """Button: the current user's scorecard for this interview (with
        its interview kit), or a notification when there is none."""
        self.ensure_one()
        scorecard = self._get_my_scorecards().get(self.id)
        if not scorecard:
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "message": _("You have no scorecard for this interview yet."),
                    "type": "warning",
                },
            }
        return {
            "type": "ir.actions.act_window",
            "res_model": SCORECARD_MODEL,
            "res_id": scorecard.id,
            "views": [(False, "form")],
            "target": "current",
        }
