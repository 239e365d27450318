"""Assign interviewers: expertise, load, daily maximum, determinism, rights."""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user

from .common_planning import InterviewPlanningCase

# Li Lei's AI interview: strong technically, weak in communication and teamwork.
WEAK_COMMUNICATION = {"technical": 90, "communication": 40, "teamwork": 55, "logic": 80}


class TestInterviewerAssignment(InterviewPlanningCase):
    def test_expertise_covers_job_skills_and_weakest_dimensions(self):
        applicant = self._make_planned_applicant(
            "Ma Lin", self.stage_structured, scores=WEAK_COMMUNICATION
        )
        self.assertEqual(
            [line.dimension_id.code for line in applicant._get_weakest_ai_scores()],
            ["communication", "teamwork"],
        )
        pool = applicant._get_interviewer_pool()
        scores = {
            profile.user_id: round(applicant._interviewer_expertise_score(profile), 2)
            for profile in pool.profiles
        }
        # job: mean of Python, SQL (60 %); weakest: communication (weight 60),
        # teamwork (weight 45) (40 %)
        self.assertEqual(scores[self.data_expert], 60.0)
        self.assertEqual(scores[self.hr_expert], 40.0)
        self.assertEqual(scores[self.generalist], 20.71)
        self.assertEqual(scores[self.sales_expert], 17.14)

        applicant.with_user(self.officer).action_assign_interviewers()
        self.assertEqual(
            applicant.interview_panel_ids, self.data_expert | self.hr_expert
        )
        self.assertLessEqual(applicant.interview_panel_ids, applicant.interviewer_ids)
        note = applicant.message_ids[0].body
        self.assertIn("Data Expert: expertise 60", note)
        self.assertIn("Hr Expert: expertise 40", note)
        self.assertIn("Weakest AI dimensions: Communication 40, Teamwork 55", note)
        # one is enough outside structured interviews
        situational = self._make_planned_applicant("Xu Ning", self.stage_situational)
        situational.action_assign_interviewers()
        self.assertEqual(len(situational.interview_panel_ids), 1)

    def test_employee_skills_count_as_expertise(self):
        profile = self.env["hr.interviewer.profile"].search(
            [("user_id", "=", self.data_expert.id)]
        )
        self.assertEqual(
            profile._get_skill_levels(),
            {self.skills["Python"].id: 100, self.skills["SQL"].id: 100},
        )
        self.assertEqual(
            profile.expertise_skill_ids, self.skills["Python"] | self.skills["SQL"]
        )

    def test_interview_kind_and_candidate_are_respected(self):
        # data_expert does not run situational simulations
        applicant = self._make_planned_applicant("He Tao", self.stage_situational)
        pool = applicant._get_interviewer_pool()
        self.assertNotIn(self.data_expert, applicant._select_interviewers(4, pool))
        # nobody interviews themselves
        own = self._make_planned_applicant(
            "Data Expert", self.stage_structured, email="data_expert@example.com"
        )
        # generalist (Python 50), then a tie at 0 broken by user id
        self.assertEqual(
            own._select_interviewers(2), self.generalist | self.sales_expert
        )

    def test_load_balances_and_ties_break_deterministically(self):
        twin = self._make_interviewer(
            "data_twin", {"SQL": 100}, employee_levels={"Python": 100}
        )
        self.assertGreater(twin.id, self.data_expert.id)
        applicants = self.env["hr.applicant"]
        for index in range(4):
            applicants |= self._make_planned_applicant(
                f"Applicant {index}", self.stage_skills_test
            )
        # an upcoming interview weighs on the data expert: the twin goes first
        self._make_interview(
            self.data_expert,
            "2026-03-02 14:00",
            "2026-03-02 15:00",
            applicant=self.applicant,
        )
        applicants.action_assign_interviewers()
        self.assertEqual(
            [applicant.interview_panel_ids for applicant in applicants],
            [twin, self.data_expert, twin, self.data_expert],
        )

    def test_daily_maximum_caps_the_assignments(self):
        # skills test: 1 interviewer, 48 h = 2 days; data_expert 3 a day,
        # generalist 1 a day, hr_expert 4 a day (sales_expert: other kinds)
        applicants = self.env["hr.applicant"]
        for index in range(9):
            applicants |= self._make_planned_applicant(
                f"Applicant {index}", self.stage_skills_test
            )
        applicants.action_assign_interviewers()
        panels = [applicant.interview_panel_ids for applicant in applicants]
        self.assertEqual(panels[:6], [self.data_expert] * 6)
        self.assertEqual(panels[6:8], [self.generalist] * 2)
        self.assertEqual(panels[8], self.hr_expert)

        # the panels waiting for their interview count as load: without the
        # HR expert, the next applicant finds everybody full
        late = self._make_planned_applicant("Late", self.stage_skills_test)
        self.env["hr.interviewer.profile"].search(
            [("user_id", "=", self.hr_expert.id)]
        ).active = False
        self.assertFalse(late._select_interviewers(1))
        late.action_assign_interviewers()
        self.assertFalse(late.interview_panel_ids)
        activity = late.activity_ids
        self.assertEqual(activity.summary, "No interviewer available")
        self.assertEqual(activity.user_id, self.officer, "the recruiter hears of it")
        late.action_assign_interviewers()
        self.assertEqual(len(late.activity_ids), 1, "one activity, not one per try")

    def test_language_bonus(self):
        applicant = self._make_planned_applicant(
            "Gao Yan", self.stage_structured, scores=WEAK_COMMUNICATION
        )
        profile = self.env["hr.interviewer.profile"].search(
            [("user_id", "=", self.generalist.id)]
        )
        before = applicant._interviewer_expertise_score(profile)
        profile.lang_ids = self.env.ref("base.lang_zh_CN")
        self.assertAlmostEqual(
            applicant._interviewer_expertise_score(profile), before + 10
        )

    def test_stage_change_empties_panel_and_ai_stage_assigns_nobody(self):
        applicant = self._make_planned_applicant("Lu Qi", self.stage_structured)
        applicant.action_assign_interviewers()
        panel = applicant.interview_panel_ids
        self.assertTrue(panel)
        applicant.stage_id = self.stage_ai
        self.assertFalse(applicant.interview_panel_ids)
        self.assertLessEqual(panel, applicant.interviewer_ids, "access is kept")
        applicant.action_assign_interviewers()
        self.assertFalse(applicant.interview_panel_ids, "the vendor runs it")

    def test_assigning_100_applicants_loads_interviewers_once(self):
        self.env["hr.interviewer.profile"].search([]).max_interviews_per_day = 100
        candidates = self.env["hr.candidate"].create(
            [{"partner_name": f"Bulk {index}"} for index in range(100)]
        )
        applicants = self.env["hr.applicant"].create(
            [
                {
                    "candidate_id": candidate.id,
                    "job_id": self.job.id,
                    "stage_id": self.stage_structured.id,
                }
                for candidate in candidates
            ]
        )
        self._give_scores(applicants, WEAK_COMMUNICATION)
        self.env.invalidate_all()
        # choosing: profiles, skills, kinds, languages, load and the
        # applicants' data are read once for the whole batch (24 queries for
        # 100 applicants, as for 10)
        with self.assertQueryCount(26):
            pool = applicants._get_interviewer_pool()
            for applicant in applicants:
                users = applicant._select_interviewers(2, pool)
                pool.book(users)
        self.env.invalidate_all()
        # writing, per applicant: core's handling of new interviewers (group,
        # followers, "you are an interviewer" notification: about 80
        # queries), our write and our chatter note (measured 116 each)
        with self.assertQueryCount(12000):
            applicants.action_assign_interviewers()
        self.assertTrue(all(applicant.interview_panel_ids for applicant in applicants))
        counts = {
            user: sum(user in a.interview_panel_ids for a in applicants)
            for user in self.data_expert | self.hr_expert
        }
        self.assertTrue(all(counts.values()), "load spreads the work")


class TestInterviewPlanningAccess(InterviewPlanningCase):
    """Profiles: interviewers read their own, officers read all, managers
    edit; planning needs write access to the applicants."""

    def test_profiles_per_role(self):
        Profile = self.env["hr.interviewer.profile"]
        mine = Profile.search([("user_id", "=", self.data_expert.id)])
        others = Profile.search([("user_id", "!=", self.data_expert.id)])
        with self.subTest(user="interviewer"):
            visible = Profile.with_user(self.data_expert).search([])
            self.assertEqual(visible, mine)
            self.assertEqual(mine.with_user(self.data_expert).max_interviews_per_day, 3)
            self.assertTrue(mine.with_user(self.data_expert).skill_ids)
            with self.assertRaises(AccessError):
                others[:1].with_user(self.data_expert).read(["max_interviews_per_day"])
            with self.assertRaises(AccessError):
                mine.with_user(self.data_expert).write({"max_interviews_per_day": 9})
        with self.subTest(user="officer"):
            self.assertEqual(Profile.with_user(self.officer).search([]), mine | others)
            with self.assertRaises(AccessError):
                mine.with_user(self.officer).write({"max_interviews_per_day": 9})
            with self.assertRaises(AccessError):
                Profile.with_user(self.officer).create({"user_id": self.officer.id})
        with self.subTest(user="manager"):
            mine.with_user(self.manager).write({"max_interviews_per_day": 5})
            mine.with_user(self.manager).skill_ids[:1].unlink()
            profile = Profile.with_user(self.manager).create(
                {
                    "user_id": self.officer.id,
                    "skill_ids": [
                        Command.create(
                            {
                                "skill_type_id": self.skill_type.id,
                                "skill_id": self.skills["SQL"].id,
                            }
                        )
                    ],
                }
            )
            # the skill type's default level, as on employees: the highest
            self.assertEqual(profile.skill_ids.skill_level_id.level_progress, 100)
        with self.subTest(user="employee"):
            with self.assertRaises(AccessError):
                Profile.with_user(self.employee).search([])
            with self.assertRaises(AccessError):
                self.env["hr.interview.kind"].with_user(self.employee).search([])

    def test_interviewer_opens_own_profile_and_applicant_views(self):
        profile = self.env["hr.interviewer.profile"].search(
            [("user_id", "=", self.data_expert.id)]
        )
        name = {"display_name": {}}
        lines = {"skill_id": {"fields": name}, "level_progress": {}}
        values = profile.with_user(self.data_expert).web_read(
            {
                "employee_id": {"fields": name},
                "resource_calendar_id": {"fields": name},
                "expertise_skill_ids": {"fields": name},
                "skill_ids": {"fields": lines},
                "employee_skill_ids": {"fields": lines},
                "upcoming_interview_count": {},
            }
        )[0]
        self.assertEqual(values["employee_id"]["display_name"], "Data Expert")
        self.assertEqual(len(values["employee_skill_ids"]), 1)
        self.assertEqual(len(values["expertise_skill_ids"]), 2)
        for user in (self.data_expert, self.officer):
            with self.subTest(user=user.login):
                views = (
                    self.env["hr.applicant"]
                    .with_user(user)
                    .get_views(
                        [
                            (False, "form"),
                            (False, "list"),
                            (False, "kanban"),
                            (False, "search"),
                        ]
                    )
                )
                form = views["views"]["form"]["arch"]
                self.assertIn('name="interview_panel_ids"', form)
                self.assertEqual(
                    'name="action_schedule_interview"' in form, user == self.officer
                )

    def test_planning_needs_write_access_to_the_applicant(self):
        applicant = self._make_planned_applicant("Bai Lu", self.stage_structured)
        outsider = new_test_user(
            self.env,
            login="outsider_interviewer",
            email="outsider@example.com",
            groups="base.group_user,hr_recruitment.group_hr_recruitment_interviewer",
        )
        for user in (self.employee, outsider):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    applicant.with_user(user).action_assign_interviewers()
                with self.assertRaises(AccessError):
                    applicant.with_user(user).action_schedule_interview()
        # the applicant's own interviewer may plan it (as by hand)
        applicant.interviewer_ids = outsider
        applicant.with_user(outsider).action_assign_interviewers()
        self.assertEqual(len(applicant.interview_panel_ids), 2)

    def test_server_actions_are_bound_for_officers(self):
        officer_group = self.env.ref("hr_recruitment.group_hr_recruitment_user")
        for xmlid in (
            "hr_ai_interview_bridge.action_server_assign_interviewers",
            "hr_ai_interview_bridge.action_server_schedule_interview",
        ):
            action = self.env.ref(xmlid)
            self.assertEqual(action.binding_model_id.model, "hr.applicant")
            self.assertEqual(action.groups_id, officer_group)
        applicant = self._make_planned_applicant("Qin Mo", self.stage_structured)
        action = self.env.ref(
            "hr_ai_interview_bridge.action_server_assign_interviewers"
        )
        result = (
            action.with_user(self.officer)
            .with_context(
                active_model="hr.applicant",
                active_ids=applicant.ids,
                active_id=applicant.id,
            )
            .run()
        )
        self.assertEqual(result["tag"], "display_notification")
        self.assertEqual(len(applicant.interview_panel_ids), 2)
