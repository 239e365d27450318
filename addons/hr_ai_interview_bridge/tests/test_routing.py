"""Routing with automation rules: decisions, explanations, no refusal."""

from odoo import Command
from odoo.tools import html2plaintext

from .common import AiInterviewCase, make_payload


def scores(**values):
    return [{"code": code, "score": score} for code, score in values.items()]


def make_admin_rule(env, name, trigger_field, domain, action):
    """An automation rule on applicants as an admin makes it in the standard
    UI: the rule, then its "Update Record" server action."""
    rule = env["base.automation"].create(
        {
            "name": name,
            "model_id": env["ir.model"]._get("hr.applicant").id,
            "trigger": "on_create_or_write",
            "trigger_field_ids": [
                Command.set(
                    [env["ir.model.fields"]._get("hr.applicant", trigger_field).id]
                )
            ],
            "filter_domain": domain,
        }
    )
    env["ir.actions.server"].create(
        dict(
            {
                "name": name,
                "base_automation_id": rule.id,
                "model_id": rule.model_id.id,
                "usage": "base_automation",
                "state": "object_write",
            },
            **action,
        )
    )
    return rule


class TestRouting(AiInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stage_ai = cls.env.ref("hr_ai_interview_bridge.stage_ai_interview")
        cls.stage_structured = cls.env.ref(
            "hr_ai_interview_bridge.stage_structured_interview"
        )
        cls.stage_situational = cls.env.ref(
            "hr_ai_interview_bridge.stage_situational_simulation"
        )
        cls.stage_skills = cls.env.ref("hr_ai_interview_bridge.stage_skills_test")
        cls.job.user_id = cls.officer

    def route(self, applicant=None, interview_id="iv-route", **dims):
        applicant = applicant or self.applicant
        payload = make_payload(
            interview_id=interview_id,
            applicant={"id": applicant.id},
            overall=None,
            dimensions=scores(**dims),
        )
        return self.ingest(payload)

    def test_rules_are_standard_automation_rules(self):
        rules = self.env["base.automation"].search(
            [("model_name", "=", "hr.applicant"), ("name", "like", "AI routing")]
        )
        self.assertEqual(len(rules), 3)
        for rule in rules:
            self.assertEqual(rule.trigger, "on_create_or_write")
            self.assertIn("ai_route", rule.filter_domain)
            self.assertTrue(rule.action_server_ids)

    def test_strong_technical_goes_to_structured(self):
        self.route(technical=86, potential=50, experience=90)
        self.assertEqual(self.applicant.stage_id, self.stage_structured)
        log = self.applicant.ai_routing_log_ids
        self.assertEqual(len(log), 1)
        self.assertEqual(log.decision, "move")
        self.assertEqual(log.stage_to_id, self.stage_structured)
        self.assertEqual(log.rule_name, "AI routing: strong technical skill")
        self.assertEqual(log.scores["technical"], 86)
        self.assertEqual(
            log.explanation,
            "Moved to Structured Interview by rule 'AI routing: strong technical "
            "skill' (technical 86 >= 80)",
        )
        self.assertIn(
            log.explanation, html2plaintext(self.applicant.message_ids[0].body)
        )

    def test_high_potential_low_experience_goes_to_situational(self):
        self.route(technical=60, potential=75, experience=50)
        self.assertEqual(self.applicant.stage_id, self.stage_situational)
        log = self.applicant.ai_routing_log_ids
        self.assertEqual(log.decision, "move")
        self.assertIn("potential 75 >= 70, experience 50 < 60", log.explanation)

    def test_otherwise_held_in_ai_interview_with_review_activity(self):
        self.applicant.user_id = False  # the job's recruiter gets the activity
        self.route(technical=60, potential=65, experience=50)
        self.assertEqual(self.applicant.stage_id, self.stage_ai)
        log = self.applicant.ai_routing_log_ids
        self.assertEqual(log.decision, "hold")
        self.assertEqual(log.stage_to_id, self.stage_ai)
        self.assertIn("technical 60 < 80", log.explanation)
        self.assertIn("potential 65 < 70", log.explanation)
        activity = self.applicant.activity_ids
        self.assertEqual(activity.summary, "Review AI result")
        self.assertEqual(activity.user_id, self.officer)
        self.assertTrue(self.applicant.active)

    def test_hold_in_ai_stage_keeps_stage(self):
        self.applicant.stage_id = self.stage_ai
        self.route(technical=10, potential=10, experience=90)
        log = self.applicant.ai_routing_log_ids
        self.assertEqual(log.stage_from_id, self.stage_ai)
        self.assertEqual(log.stage_to_id, self.stage_ai)

    def test_job_threshold_overrides_shared_default(self):
        self.env["hr.ai.routing.threshold"].create(
            {"code": "technical_min", "value": 90, "job_id": self.job.id}
        )
        self.route(technical=86, potential=75, experience=40)
        self.assertEqual(self.applicant.stage_id, self.stage_situational)
        other = self._make_applicant("Other job", "o@example.com", self.other_job)
        self.route(applicant=other, interview_id="iv-o", technical=86)
        self.assertEqual(other.stage_id, self.stage_structured)

    def test_retake_later_in_process_never_sends_back(self):
        self.applicant.stage_id = self.stage_skills
        self.route(technical=10, potential=10, experience=10)
        self.assertEqual(self.applicant.stage_id, self.stage_skills)
        self.assertFalse(self.applicant.ai_routing_log_ids)

    def test_admin_rule_is_explained_the_same_way(self):
        """A rule made in the standard UI: overall score >= 90 -> Skills Test."""
        rule = make_admin_rule(
            self.env,
            "Excellent overall",
            "ai_overall_score",
            "[('ai_overall_score', '>=', 90)]",
            {
                "update_path": "stage_id",
                "resource_ref": f"hr.recruitment.stage,{self.stage_skills.id}",
            },
        )
        self.route(technical=93, logic=93)
        self.assertEqual(self.applicant.stage_id, self.stage_skills)
        admin_log = self.applicant.ai_routing_log_ids.filtered(
            lambda log: log.automation_id == rule
        )
        self.assertEqual(
            admin_log.explanation,
            "Moved to Skills Test by rule 'Excellent overall' (AI Score 93 >= 90)",
        )

    def test_refusing_rule_leaves_refusal_to_a_human(self):
        make_admin_rule(
            self.env,
            "Refuse weak AI",
            "ai_overall_score",
            "[('ai_overall_score', '<', 40)]",
            {"update_path": "active", "update_boolean_value": "false"},
        )
        self.route(technical=20, potential=20, experience=20)
        self.assertTrue(self.applicant.active, "no automatic refusal")
        self.assertEqual(self.applicant.application_status, "ongoing")
        blocked = self.applicant.ai_routing_log_ids.filtered(
            lambda log: log.decision == "refusal_blocked"
        )
        self.assertEqual(len(blocked), 1)
        self.assertIn("Rule 'Refuse weak AI' would refuse", blocked.explanation)
        self.assertIn("AI Score 20 < 40", blocked.explanation)
        self.assertIn(
            "Decide on refusal", self.applicant.activity_ids.mapped("summary")
        )
        # A human still can.
        self.applicant.with_user(self.officer).action_archive()
        self.assertFalse(self.applicant.active)

    def test_log_is_read_only_for_recruiters(self):
        self.route(technical=86)
        log = self.applicant.ai_routing_log_ids.with_user(self.officer)
        self.assertTrue(log.explanation)
        from odoo.exceptions import AccessError

        with self.assertRaises(AccessError):
            log.write({"explanation": "edited"})
        with self.assertRaises(AccessError):
            log.unlink()
        with self.assertRaises(AccessError):
            self.env["hr.ai.routing.log"].with_user(self.interviewer).search([])


class TestRoutingCost(AiInterviewCase):
    def test_routing_100_applicants_at_once(self):
        """100 results processed in one batch: routing cost grows linearly,
        locked here (the automation engine runs its actions per record)."""
        Result = self.env["hr.ai.interview.result"]
        applicants = self.env["hr.applicant"].create(
            [
                {
                    "candidate_id": self.env["hr.candidate"]
                    .create({"partner_name": f"Batch {i}"})
                    .id,
                    "job_id": self.job.id,
                }
                for i in range(100)
            ]
        )
        results = Result.create(
            [
                {
                    "vendor_id": self.vendor.id,
                    "interview_ref": f"batch-{applicant.id}",
                    "completed_at": "2026-11-20 10:00:00",
                    "applicant_id": applicant.id,
                    "job_id": self.job.id,
                    "overall_score": 70,
                    "score_ids": [
                        Command.create(
                            {
                                "dimension_id": self.dims["technical"].id,
                                "score": 50 + (index % 2) * 40,
                            }
                        )
                    ],
                }
                for index, applicant in enumerate(applicants)
            ]
        )
        # Warm the registry caches (parameters, views, rules) as a running
        # server has them, whatever ran before this test.
        results[:1]._process()
        self.env.flush_all()
        self.env.invalidate_all()
        # 2974-2975 measured (~30 per applicant: chatter summary, routing log,
        # panel and activity); a little headroom against run-to-run noise.
        with self.assertQueryCount(3000):
            results[1:]._process()
            self.env.flush_all()
        stage_structured = self.env.ref(
            "hr_ai_interview_bridge.stage_structured_interview"
        )
        moved = applicants.filtered(lambda a: a.stage_id == stage_structured)
        self.assertEqual(len(moved), 50)  # 1 of 2 has technical 90
        self.assertEqual(
            self.env["hr.ai.routing.log"].search_count(
                [("applicant_id", "in", applicants.ids)]
            ),
            100,
        )


class TestSituationalRouting(AiInterviewCase):
    """After the situational simulation: Skills Test or a recruiter review."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stage_situational = cls.env.ref(
            "hr_ai_interview_bridge.stage_situational_simulation"
        )
        cls.stage_skills = cls.env.ref("hr_ai_interview_bridge.stage_skills_test")
        cls.rubric = cls.env["hr.interview.rubric"].create(
            {
                "name": "Situational (routing test)",
                "kind": "situational",
                "job_ids": [Command.set(cls.job.ids)],
                "criterion_ids": [
                    Command.create({"name": "Handles the angry customer", "weight": 1})
                ],
            }
        )
        cls.job.user_id = cls.officer

    def submit(self, scorecard):
        scorecard.action_submit()
        # As at the end of the request: stored scores recompute, rules run.
        self.env.flush_all()

    def scorecard(self, user, rating):
        scorecard = self.env["hr.interview.scorecard"].create(
            self.applicant._prepare_scorecard_values(
                self.rubric, user, self.stage_situational
            )
        )
        scorecard.line_ids.rating = rating
        return scorecard

    def test_passed_goes_to_skills_test_when_all_submitted(self):
        self.applicant.stage_id = self.stage_situational
        first = self.scorecard(self.interviewer, 4)
        second = self.scorecard(self.manager, 5)
        self.submit(first)
        self.assertEqual(
            self.applicant.stage_id, self.stage_situational, "one is still draft"
        )
        self.submit(second)
        self.assertEqual(self.applicant.stage_id, self.stage_skills)
        log = self.applicant.ai_routing_log_ids
        self.assertEqual(log.decision, "move")
        self.assertEqual(
            log.explanation,
            "Moved to Skills Test by rule 'Situational simulation passed: skills "
            "test' (situational 87.5 >= 60)",
        )

    def test_below_threshold_is_held_for_review(self):
        self.applicant.user_id = self.officer
        self.applicant.stage_id = self.stage_situational
        self.submit(self.scorecard(self.interviewer, 2))
        self.assertEqual(self.applicant.stage_id, self.stage_situational)
        log = self.applicant.ai_routing_log_ids
        self.assertEqual(log.decision, "hold")
        self.assertIn("situational 25 < 60", log.explanation)
        activity = self.applicant.activity_ids
        self.assertEqual(activity.summary, "Review situational simulation")
        self.assertEqual(activity.user_id, self.officer)

    def test_threshold_is_editable(self):
        self.env.ref("hr_ai_interview_bridge.threshold_situational_min").value = 20
        self.applicant.stage_id = self.stage_situational
        self.submit(self.scorecard(self.interviewer, 2))
        self.assertEqual(self.applicant.stage_id, self.stage_skills)


class TestChainedRules(AiInterviewCase):
    def test_each_rule_logs_its_own_move(self):
        """A rule whose move triggers another rule: each log names the stage
        its own rule chose."""
        stage_situational = self.env.ref(
            "hr_ai_interview_bridge.stage_situational_simulation"
        )
        stage_skills = self.env.ref("hr_ai_interview_bridge.stage_skills_test")
        make_admin_rule(
            self.env,
            "Straight on to skills test",
            "stage_id",
            f"[('stage_id', '=', {stage_situational.id})]",
            {
                "update_path": "stage_id",
                "resource_ref": f"hr.recruitment.stage,{stage_skills.id}",
            },
        )
        payload = make_payload(
            applicant={"id": self.applicant.id},
            overall=None,
            dimensions=scores(technical=60, potential=75, experience=50),
        )
        self.ingest(payload)
        self.assertEqual(self.applicant.stage_id, stage_skills)
        logs = {log.rule_name: log for log in self.applicant.ai_routing_log_ids}
        self.assertEqual(
            logs["AI routing: high potential, little experience"].stage_to_id,
            stage_situational,
        )
        self.assertIn(
            "Moved to Situational Simulation",
            logs["AI routing: high potential, little experience"].explanation,
        )
        self.assertEqual(logs["Straight on to skills test"].stage_to_id, stage_skills)
