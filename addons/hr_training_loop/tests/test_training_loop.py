"""Interview - training - re-interview, end to end and its edge cases."""

from odoo.exceptions import UserError
from odoo.tests import HttpCase, TransactionCase, tagged

from odoo.addons.hr_ai_interview_bridge.tests.common import (
    dumps,
    make_payload,
    signed_headers,
)

from .common import TrainingLoopCommon

# AI: communication 60, algorithm basics 80, logic 75.
AI_DIMENSIONS = [
    {"code": "communication", "score": 60},
    {"code": "algorithm", "score": 80},
    {"code": "logic", "score": 75},
]


class LoopMixin(TrainingLoopCommon):
    def gaps_by_skill(self, applicant=None):
        return {gap.skill_id: gap for gap in (applicant or self.applicant).gap_ids}

    def gather_evidence(self):
        """The HR cases' evidence: the AI result, then a structured-interview
        scorecard (collaboration 3) and two skills tests (practice 3 and 4)."""
        self._ingest_as_intake(
            make_payload(
                applicant={"id": self.applicant.id},
                overall=None,
                dimensions=AI_DIMENSIONS,
            )
        )
        self.submit_scorecard(self.rubric_structured, [3])
        self.submit_scorecard(self.rubric_technical, [3])
        self.submit_scorecard(self.rubric_technical, [4], interviewer=self.manager)

    def complete_course(self, channel, partner):
        user = partner.user_ids[:1]
        channel.slide_ids.with_user(user)._action_mark_completed()

    def assert_hr_cases(self):
        gaps = self.gaps_by_skill()
        comm, collab = gaps[self.skill_comm], gaps[self.skill_collab]
        eng, logic = gaps[self.skill_eng], gaps[self.skill_logic]
        # AI communication 60 (no interview evidence): gap 10 on a core skill.
        self.assertEqual((comm.ai_level, comm.measured_level, comm.gap), (60, 60, 10))
        self.assertTrue(comm.is_core_gap)
        # Cross-department collaboration rated 3/5 = 50: gap 20.
        self.assertEqual((collab.interview_level, collab.gap), (50, 20))
        self.assertTrue(collab.is_core_gap)
        # Algorithm basics 80 (AI) and practice ratings 3 and 4 (avg 3.5 =
        # 62.5): 0.4 * 80 + 0.6 * 62.5 = 69.5 vs 80.
        self.assertEqual(eng.ai_level, 80)
        self.assertEqual(eng.interview_level, 62.5)
        self.assertEqual(eng.measured_level, 69.5)
        self.assertEqual(eng.gap, 10.5)
        self.assertTrue(eng.is_core_gap)
        self.assertEqual(eng.evidence_note, "AI interview and interviews")
        # Logic 75 vs 60 on a non-core skill: exceeds, no gap.
        self.assertEqual(logic.status, "exceeds")
        self.assertFalse(logic.is_core_gap)
        self.assertEqual(
            self.applicant.gap_ids.mapped("skill_id")[:3],
            self.skill_collab | self.skill_eng | self.skill_comm,
            "largest gap first",
        )


@tagged("post_install", "-at_install")
class TestTrainingLoopEndToEnd(LoopMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_training_world()

    def test_interview_training_reinterview(self):
        # 1. A signed AI result arrives over HTTP.
        body = dumps(
            make_payload(
                applicant={"id": self.applicant.id},
                overall=None,
                dimensions=AI_DIMENSIONS,
            )
        )
        response = self.url_open(
            "/ai_interview/v1/testvendor/results",
            data=body,
            headers=signed_headers(body),
        )
        self.assertEqual(response.status_code, 202, response.text)
        self.assertEqual(self.applicant.ai_result_id.state, "done")
        # AI evidence alone: gaps already computed (recomputed on arrival).
        self.assertEqual(self.gaps_by_skill()[self.skill_comm].gap, 10)
        self.assertEqual(
            self.gaps_by_skill()[self.skill_collab].evidence_note,
            "No evidence yet: counted as the largest gap",
        )

        # 2. Scorecards submitted: the gaps follow.
        self.submit_scorecard(self.rubric_structured, [3])
        self.submit_scorecard(self.rubric_technical, [3])
        self.submit_scorecard(self.rubric_technical, [4], interviewer=self.manager)
        self.assert_hr_cases()

        # 3. Plan: one course per core gap, the shortest covering course.
        self.applicant.with_user(self.officer).action_plan_training()
        planned = self.applicant.training_assignment_ids
        self.assertEqual(
            planned.channel_id,
            self.courses["comm"] | self.courses["collab"] | self.courses["eng"],
        )
        self.assertEqual(set(planned.mapped("state")), {"planned"})
        self.assertEqual(self.applicant.training_state, "planned")
        self.assertIn("Communication", self.applicant.training_plan_summary)

        # 4. Confirm: portal user, memberships, stage, email, before levels.
        self.assertFalse(self.applicant.partner_id.user_ids)
        self.applicant.with_user(self.officer).action_confirm_training()
        partner = self.applicant.candidate_id.partner_id
        portal_user = partner.user_ids
        self.assertTrue(portal_user)
        self.assertTrue(portal_user._is_portal())
        memberships = self.env["slide.channel.partner"].search(
            [("partner_id", "=", partner.id)]
        )
        self.assertEqual(memberships.channel_id, planned.channel_id)
        self.assertEqual(set(planned.mapped("state")), {"enrolled"})
        self.assertEqual(
            self.applicant.stage_id, self.env.ref("hr_training_loop.stage_training")
        )
        plan_mail = self.applicant.message_ids.filtered(
            lambda m: "training plan" in (m.subject or "").lower()
        )
        self.assertTrue(plan_mail, "the candidate got the plan by email")
        self.assertIn(partner, plan_mail.partner_ids)
        self.assertEqual(self.gaps_by_skill()[self.skill_eng].before_level, 69.5)

        # 5. Progress through eLearning's own completion hooks.
        channel = self.courses["eng"]
        channel.slide_ids[0].with_user(portal_user)._action_mark_completed()
        eng_assignment = planned.filtered(lambda a: a.channel_id == channel)
        self.assertEqual(eng_assignment.state, "in_progress")
        self.assertEqual(eng_assignment.completion, 33)
        for course in planned.channel_id:
            self.complete_course(course, partner)
        self.assertEqual(set(planned.mapped("state")), {"done"})
        self.assertEqual(self.applicant.training_state, "done")

        # 6. Back to the pipeline: Re-interview stage, explained, scorecards.
        self.assertEqual(
            self.applicant.stage_id, self.env.ref("hr_training_loop.stage_re_interview")
        )
        log = self.applicant.ai_routing_log_ids.filtered(
            lambda entry: entry.rule_name == "Training done: re-interview"
        )
        self.assertEqual(log.decision, "move")
        self.assertIn("training plan done: 3 of 3 courses", log.explanation)
        reinterview = self.applicant.scorecard_ids.filtered(
            lambda s: s.rubric_id.kind == "re_interview"
        )
        self.assertTrue(reinterview)
        self.assertEqual(
            set(reinterview.line_ids.criterion_id.skill_id.ids),
            {self.skill_comm.id, self.skill_collab.id, self.skill_eng.id},
        )
        self.assertIn(
            "Re-interview after training", self.applicant.activity_ids.mapped("summary")
        )

        # 7. Re-interview submitted: after level, effect, closure.
        by_skill = {self.skill_comm: 4, self.skill_collab: 5, self.skill_eng: 4}
        for scorecard in reinterview:
            for line in scorecard.line_ids:
                line.rating = by_skill[line.criterion_id.skill_id]
            scorecard.action_submit()
        gaps = self.gaps_by_skill()
        # Communication: re-interview 4/5 = 75 (no AI retake): 75 - 60 = 15.
        self.assertEqual(gaps[self.skill_comm].after_level, 75)
        self.assertEqual(gaps[self.skill_comm].effect, 15)
        self.assertTrue(gaps[self.skill_comm].closed)
        self.assertEqual(gaps[self.skill_collab].after_level, 100)
        self.assertEqual(gaps[self.skill_collab].effect, 50)
        # Engineering: 75 after, 80 required: better, not closed.
        self.assertEqual(gaps[self.skill_eng].after_level, 75)
        self.assertEqual(gaps[self.skill_eng].effect, 5.5)
        self.assertFalse(gaps[self.skill_eng].closed)
        report = self.env["hr.training.effect.report"].search(
            [("applicant_id", "=", self.applicant.id)]
        )
        self.assertEqual(len(report), 3)
        self.assertEqual(sum(report.mapped("closed")), 2)


class TestTrainingLoopEdges(LoopMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_training_world()

    def setUp(self):
        super().setUp()
        self.gather_evidence()

    def test_hr_cases_in_the_orm(self):
        self.assert_hr_cases()

    def test_no_core_gap_no_plan(self):
        self.job.competency_ids.write({"is_core": False, "required_level": 10})
        with self.assertRaisesRegex(UserError, "no core competency gap"):
            self.applicant.action_plan_training()

    def test_archived_course_is_not_planned_nor_confirmed(self):
        self.courses["comm"].active = False
        self.applicant.action_plan_training()
        self.assertEqual(
            self.applicant.training_assignment_ids.filtered(
                lambda a: a.skill_id == self.skill_comm
            ).channel_id,
            self.courses["comm_long"],
            "the archived shortest course is skipped",
        )
        self.courses["collab"].active = False
        with self.assertRaisesRegex(UserError, "archived or unpublished"):
            self.applicant.action_confirm_training()

    def test_max_courses_per_plan(self):
        self.env["ir.config_parameter"].set_param("hr_training_loop.max_courses", 1)
        self.applicant.action_plan_training()
        self.assertEqual(len(self.applicant.training_assignment_ids), 1)
        self.assertEqual(
            self.applicant.training_assignment_ids.skill_id,
            self.skill_collab,
            "the largest gap goes first",
        )

    def test_existing_portal_user_is_reused(self):
        partner = self.env["res.partner"].create(
            {"name": "Li Lei", "email": "li.lei@example.com"}
        )
        self.applicant.candidate_id.partner_id = partner
        user = self.env["res.users"].create(
            {
                "name": "Li Lei",
                "login": "li.lei.portal",
                "partner_id": partner.id,
                "groups_id": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        users_before = self.env["res.users"].search_count([])
        self.applicant.action_plan_training()
        self.applicant.action_confirm_training()
        self.assertEqual(self.env["res.users"].search_count([]), users_before)
        self.assertEqual(partner.user_ids, user)
        self.assertEqual(self.applicant.training_assignment_ids.partner_id, partner)

    def test_failed_certification_fails_assignment(self):
        self.applicant.action_plan_training()
        self.applicant.action_confirm_training()
        assignment = self.applicant.training_assignment_ids[0]
        # website_slides_survey archives the membership when the last
        # certification attempt fails.
        assignment.channel_id._remove_membership(assignment.partner_id.ids)
        self.assertEqual(assignment.state, "failed")
        self.assertIn("Training failed", self.applicant.activity_ids.mapped("summary"))
        self.assertNotEqual(self.applicant.training_state, "done")

    def test_refused_mid_training_cancels_and_unenrolls(self):
        self.applicant.action_plan_training()
        self.applicant.action_confirm_training()
        partner = self.applicant.candidate_id.partner_id
        self.applicant.action_archive()
        self.assertEqual(
            set(self.applicant.training_assignment_ids.mapped("state")), {"cancelled"}
        )
        self.assertFalse(
            self.env["slide.channel.partner"].search([("partner_id", "=", partner.id)]),
            "memberships removed",
        )

    def test_overdue_assignments(self):
        self.applicant.action_plan_training()
        self.applicant.action_confirm_training()
        assignment = self.applicant.training_assignment_ids[0]
        assignment.due_date = "2020-01-01"
        Assignment = self.env["hr.training.assignment"]
        self.assertIn(assignment, Assignment.search([("overdue", "=", True)]))
        self.assertTrue(assignment.overdue)

    def test_gap_report_renders_in_candidate_language(self):
        self.applicant.action_plan_training()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "hr_training_loop.hr_applicant_gap_report", self.applicant.ids
            )[0]
            .decode()
        )
        self.assertIn("Competency gaps", html)
        self.assertIn("Working across teams", html)
        self.assertLess(html.index("Collaboration"), html.index("Communication"))

    def test_access_per_role(self):
        from odoo.exceptions import AccessError

        gaps = self.applicant.gap_ids
        self.assertTrue(gaps.with_user(self.interviewer).read(["gap"]))
        with self.assertRaises(AccessError):
            gaps.with_user(self.interviewer).write({"gap": 0})
        with self.assertRaises(AccessError):
            gaps.with_user(self.other_interviewer).read(["gap"])
        with self.assertRaises(AccessError):
            gaps.with_user(self.employee).read(["gap"])
        with self.assertRaises(AccessError):
            self.applicant.with_user(self.interviewer).action_plan_training()


class TestGapCost(LoopMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_training_world()

    def test_recompute_gaps_of_500_applicants(self):
        Candidate = self.env["hr.candidate"]
        applicants = self.env["hr.applicant"].create(
            [
                {
                    "candidate_id": Candidate.create({"partner_name": f"C{i}"}).id,
                    "job_id": self.job.id,
                }
                for i in range(500)
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(55):
            applicants._compute_skill_gaps()
            self.env.flush_all()
        self.assertEqual(
            self.env["hr.applicant.skill.gap"].search_count(
                [("applicant_id", "in", applicants.ids)]
            ),
            2000,
        )
