from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class HrInterviewerProfile(models.Model):
    """What an internal user can assess as an interviewer.

    "Assign interviewers" reads the profiles: expertise (the profile's own
    skill lines and, when the user has an employee, the employee's skills),
    the interview kinds the user runs, languages and the daily maximum.
    Recruitment managers maintain profiles; officers read them all and an
    interviewer reads their own (expertise drives assignment, so users do not
    grade themselves).
    """

    _name = "hr.interviewer.profile"
    _description = "Interviewer Profile"
    _order = "name, id"

    user_id = fields.Many2one(
        "res.users",
        string="Interviewer",
        required=True,
        ondelete="cascade",
        index=True,
        domain="[('share', '=', False)]",
    )
    name = fields.Char(related="user_id.name", store=True)
    active = fields.Boolean(
        default=True, help="Archived profiles are never picked as interviewers."
    )
    company_id = fields.Many2one(related="user_id.company_id", store=True)
    employee_id = fields.Many2one(
        "hr.employee",
        compute="_compute_employee_id",
        store=True,
        help="The user's employee: gives the working hours used for scheduling "
        "and skills that count as expertise.",
    )
    skill_ids = fields.One2many(
        "hr.interviewer.profile.skill", "profile_id", string="Expertise"
    )
    expertise_skill_ids = fields.Many2many(
        "hr.skill",
        string="Skills",
        compute="_compute_expertise_skill_ids",
        compute_sudo=True,  # employees' skills, for users without HR rights
        help="Every skill of the expertise and of the employee.",
    )
    employee_skill_ids = fields.One2many(
        related="employee_id.employee_skill_ids",
        string="Employee Skills",
        help="Skills of the user's employee: they count as expertise too.",
    )
    interview_kind_ids = fields.Many2many(
        "hr.interview.kind",
        string="Interview Kinds",
        domain="[('is_automated', '=', False)]",
        help="Interviews this user runs; empty: every kind.",
    )
    lang_ids = fields.Many2many(
        "res.lang",
        string="Languages",
        context={"active_test": False},
        help="Languages the user interviews in: a candidate speaking one of "
        "them is matched first.",
    )
    max_interviews_per_day = fields.Integer(
        string="Maximum Interviews per Day",
        default=3,
        help="Assignment and scheduling never give this user more interviews "
        "on one day.",
    )
    resource_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Hours",
        compute="_compute_resource_calendar_id",
        help="Interviews are scheduled within these hours: the employee's, "
        "else the company's.",
    )
    upcoming_interview_count = fields.Integer(
        string="Upcoming Interviews", compute="_compute_upcoming_interview_count"
    )

    _sql_constraints = [
        ("user_unique", "unique(user_id)", "A user has one interviewer profile."),
        (
            "max_per_day_positive",
            "CHECK(max_interviews_per_day > 0)",
            "The maximum number of interviews per day must be positive.",
        ),
    ]

    @api.depends("user_id.employee_ids.company_id", "user_id.company_id")
    def _compute_employee_id(self):
        for profile in self:
            employees = profile.user_id.employee_ids
            profile.employee_id = (
                employees.filtered(lambda e, p=profile: e.company_id == p.company_id)
                or employees
            )[:1]

    @api.depends("skill_ids.skill_id", "employee_id.employee_skill_ids.skill_id")
    def _compute_expertise_skill_ids(self):
        for profile in self:
            profile.expertise_skill_ids = (
                profile.skill_ids.skill_id
                | profile.employee_id.employee_skill_ids.skill_id
            )

    @api.depends("employee_id.resource_calendar_id", "company_id.resource_calendar_id")
    def _compute_resource_calendar_id(self):
        for profile in self:
            profile.resource_calendar_id = (
                profile.employee_id.resource_calendar_id
                or profile.company_id.resource_calendar_id
            )

    def _compute_upcoming_interview_count(self):
        # sudo: the count of a colleague's interviews is what the profile
        # shows; the events themselves may be private.
        groups = (
            self.env["calendar.event"]
            .sudo()
            ._read_group(
                [
                    ("applicant_id", "!=", False),
                    ("start", ">=", fields.Datetime.now()),
                    ("partner_ids", "in", self.user_id.partner_id.ids),
                ],
                ["partner_ids"],
                ["__count"],
            )
        )
        counts = {partner.id: count for partner, count in groups}
        for profile in self:
            profile.upcoming_interview_count = counts.get(
                profile.user_id.partner_id.id, 0
            )

    @api.constrains("user_id")
    def _check_internal_user(self):
        for profile in self:
            if profile.user_id.share:
                raise ValidationError(
                    _(
                        "%(user)s is not an internal user: only internal users "
                        "interview.",
                        user=profile.user_id.name,
                    )
                )

    def _get_skill_levels(self):
        """The expertise of this profile: ``{skill_id: level_progress}``.

        The profile's own lines and the employee's skills both count; the
        higher level wins.  Reads through the ORM prefetch, so calling it on
        each profile of one recordset costs a few queries in total.
        """
        self.ensure_one()
        levels = {}
        for lines in (self.skill_ids, self.employee_id.employee_skill_ids):
            for line in lines:
                skill_id = line.skill_id.id
                levels[skill_id] = max(levels.get(skill_id, 0), line.level_progress)
        return levels

    def _runs_kind(self, kind):
        """Whether this profile's user runs interviews of ``kind``."""
        self.ensure_one()
        return (
            not kind or not self.interview_kind_ids or kind in self.interview_kind_ids
        )

    def action_view_interviews(self):
        """The user's interviews (calendar events linked to an applicant)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "calendar.action_calendar_event"
        )
        action["domain"] = [
            ("applicant_id", "!=", False),
            ("partner_ids", "in", self.user_id.partner_id.ids),
        ]
        action["context"] = {"search_default_mymeetings": 0}
        return action
