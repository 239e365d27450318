"""Fixtures of interview planning: four interviewers of different expertise.

Monday 2 March 2026, 06:00 UTC; working hours Monday-Friday 8-12 and 13-17
UTC.  The job "Python Data Analyst (test)" expects Python and SQL; the AI
dimensions technical, communication and teamwork measure Python,
Communication and Teamwork.

- data_expert: Python 100 (employee skill), SQL 100; structured interviews
  and skills tests; 3 a day; employee's working hours.
- sales_expert: Negotiation 100, Communication 75; structured interviews and
  situational simulations; 3 a day; employee's working hours.
- hr_expert: Communication 100, Teamwork 100; every kind; 4 a day; employee's
  working hours.
- generalist: Python 50, Communication 25; every kind; 1 a day; no employee
  (the company's working hours).
"""

from datetime import datetime

from odoo import Command, fields
from odoo.tests import new_test_user

from .common import AiInterviewCase

MONDAY_6AM = "2026-03-02 06:00:00"


def dt(value):
    """'2026-03-02 10:00' -> naive UTC datetime."""
    return datetime.strptime(value, "%Y-%m-%d %H:%M")


class InterviewPlanningCase(AiInterviewCase):
    freeze_time = MONDAY_6AM

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The routing rules (test_routing.py) would plan interviews on their
        # own as soon as AI results arrive.
        cls.env["base.automation"].search(
            [("model_id.model", "=", "hr.applicant")]
        ).active = False
        # Only this fixture's interviewers.
        cls.env["hr.interviewer.profile"].search([]).active = False
        cls.officer.tz = "UTC"  # the recruiter: times in chatter and mails
        cls.work_hours = cls._make_work_hours("Test 40h (UTC)", "UTC")
        cls.company = cls.env.company
        cls.company.write(
            {
                "resource_calendar_id": cls.work_hours.id,
                "ai_interview_lead_hours": 2,
                "ai_interview_duration": 60,
            }
        )
        cls.stage_ai = cls.env.ref("hr_ai_interview_bridge.stage_ai_interview")
        cls.stage_structured = cls.env.ref(
            "hr_ai_interview_bridge.stage_structured_interview"
        )
        cls.stage_situational = cls.env.ref(
            "hr_ai_interview_bridge.stage_situational_simulation"
        )
        cls.stage_skills_test = cls.env.ref("hr_ai_interview_bridge.stage_skills_test")
        cls.kind_structured = cls.env.ref(
            "hr_ai_interview_bridge.interview_kind_structured"
        )
        cls.kind_situational = cls.env.ref(
            "hr_ai_interview_bridge.interview_kind_situational"
        )
        cls.kind_skills_test = cls.env.ref(
            "hr_ai_interview_bridge.interview_kind_skills_test"
        )
        (cls.stage_structured | cls.stage_situational | cls.stage_skills_test).write(
            {"sla_hours": 48}
        )

        cls.skill_type = cls.env["hr.skill.type"].create(
            {
                "name": "Planning test skills",
                "skill_level_ids": [
                    Command.create({"name": name, "level_progress": progress})
                    for name, progress in (
                        ("Beginner", 25),
                        ("Intermediate", 50),
                        ("Advanced", 75),
                        ("Expert", 100),
                    )
                ],
                "skill_ids": [
                    Command.create({"name": name})
                    for name in (
                        "Python",
                        "SQL",
                        "Negotiation",
                        "Communication",
                        "Teamwork",
                    )
                ],
            }
        )
        cls.skills = {skill.name: skill for skill in cls.skill_type.skill_ids}
        cls.levels = {
            level.level_progress: level for level in cls.skill_type.skill_level_ids
        }
        cls.job.skill_ids = cls.skills["Python"] | cls.skills["SQL"]
        cls.other_job.skill_ids = (
            cls.skills["Negotiation"] | cls.skills["Communication"]
        )
        cls.dims["technical"].skill_id = cls.skills["Python"]
        cls.dims["communication"].skill_id = cls.skills["Communication"]
        cls.dims["teamwork"].skill_id = cls.skills["Teamwork"]

        cls.data_expert = cls._make_interviewer(
            "data_expert",
            {"SQL": 100},
            employee_levels={"Python": 100},
            kinds=cls.kind_structured | cls.kind_skills_test,
            max_per_day=3,
        )
        cls.sales_expert = cls._make_interviewer(
            "sales_expert",
            {"Negotiation": 100, "Communication": 75},
            kinds=cls.kind_structured | cls.kind_situational,
            max_per_day=3,
        )
        cls.hr_expert = cls._make_interviewer(
            "hr_expert", {"Communication": 100, "Teamwork": 100}, max_per_day=4
        )
        cls.generalist = cls._make_interviewer(
            "generalist",
            {"Python": 50, "Communication": 25},
            max_per_day=1,
            employee=False,
        )

    # ------------------------------------------------------------------
    @classmethod
    def _make_work_hours(cls, name, tz):
        return cls.env["resource.calendar"].create(
            {
                "name": name,
                "tz": tz,
                "attendance_ids": [Command.clear()]
                + [
                    Command.create(
                        {
                            "name": f"{day} {start}",
                            "dayofweek": day,
                            "hour_from": start,
                            "hour_to": stop,
                            "day_period": "morning" if start < 12 else "afternoon",
                        }
                    )
                    for day in "01234"
                    for start, stop in ((8, 12), (13, 17))
                ],
            }
        )

    @classmethod
    def _make_interviewer(
        cls,
        login,
        levels,
        employee_levels=None,
        kinds=None,
        max_per_day=3,
        employee=True,
        work_hours=None,
        tz="UTC",
    ):
        user = new_test_user(
            cls.env,
            login=login,
            name=login.replace("_", " ").title(),
            email=f"{login}@example.com",
            tz=tz,
            groups="base.group_user,hr_recruitment.group_hr_recruitment_interviewer",
        )
        if employee:
            emp = cls.env["hr.employee"].create(
                {
                    "name": user.name,
                    "user_id": user.id,
                    "resource_calendar_id": (work_hours or cls.work_hours).id,
                    "tz": tz,
                }
            )
            for name, progress in (employee_levels or {}).items():
                cls.env["hr.employee.skill"].create(
                    {
                        "employee_id": emp.id,
                        "skill_type_id": cls.skill_type.id,
                        "skill_id": cls.skills[name].id,
                        "skill_level_id": cls.levels[progress].id,
                    }
                )
        cls.env["hr.interviewer.profile"].create(
            {
                "user_id": user.id,
                "max_interviews_per_day": max_per_day,
                "interview_kind_ids": [Command.set(kinds.ids if kinds else [])],
                "skill_ids": [
                    Command.create(
                        {
                            "skill_type_id": cls.skill_type.id,
                            "skill_id": cls.skills[name].id,
                            "skill_level_id": cls.levels[progress].id,
                        }
                    )
                    for name, progress in levels.items()
                ],
            }
        )
        return user

    @classmethod
    def _make_planned_applicant(cls, name, stage, job=None, scores=None, email=None):
        """An applicant of ``job`` (default: the data job) in ``stage``,
        recruiter: the officer; ``scores``: {dimension code: score}."""
        applicant = cls._make_applicant(
            name,
            email or f"{name.lower().replace(' ', '.')}@example.com",
            job or cls.job,
        )
        applicant.write({"stage_id": stage.id, "user_id": cls.officer.id})
        if scores:
            cls._give_scores(applicant, scores)
        return applicant

    @classmethod
    def _give_scores(cls, applicants, scores, language="zh_CN"):
        """A processed AI result with ``scores`` for each applicant, in one
        batched create (no intake: these tests are about planning)."""
        cls.env["hr.ai.interview.result"].sudo().create(
            [
                {
                    "vendor_id": cls.vendor.id,
                    "interview_ref": f"plan-{applicant.id}",
                    "applicant_id": applicant.id,
                    "job_id": applicant.job_id.id,
                    "state": "done",
                    "completed_at": fields.Datetime.now(),
                    "language": language,
                    "overall_score": sum(scores.values()) / len(scores),
                    "report_url": "https://vendor.example/r/plan",
                    "score_ids": [
                        Command.create(
                            {"dimension_id": cls.dims[code].id, "score": score}
                        )
                        for code, score in scores.items()
                    ],
                }
                for applicant in applicants
            ]
        )

    @classmethod
    def _make_interview(cls, users, start, stop, applicant=None, **values):
        """A calendar event of ``users`` (an interview when ``applicant``)."""
        return (
            cls.env["calendar.event"]
            .with_context(no_mail_to_attendees=True)
            .create(
                {
                    "name": "Busy",
                    "start": dt(start),
                    "stop": dt(stop),
                    "partner_ids": [Command.set(users.partner_id.ids)],
                    "applicant_id": applicant.id if applicant else False,
                    **values,
                }
            )
        )

    def planned_event(self, applicant):
        return applicant.meeting_ids.filtered("ai_interview_stage_id")
