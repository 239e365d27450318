"""Who sees and changes which scorecards, per role: blind until submitted."""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .test_scorecard import ScorecardCase, ScorecardCommon


class TestScorecardAccess(ScorecardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ratings = dict.fromkeys(cls.rubric.criterion_ids, 3)
        # interviewer: draft; other_interviewer: submitted
        cls.mine = cls.make_scorecard(cls.applicant, cls.interviewer, ratings)
        cls.theirs = cls.make_scorecard(
            cls.applicant, cls.other_interviewer, ratings, submit=True
        )
        # an applicant the interviewers are not on
        cls.stranger = cls._make_applicant("Stranger", "s@example.com", cls.other_job)
        cls.elsewhere = cls.make_scorecard(cls.stranger, cls.officer, ratings)
        cls.all_cards = cls.mine | cls.theirs | cls.elsewhere

    def visible(self, user, model="hr.interview.scorecard"):
        return self.env[model].with_user(user).search([])

    def test_interviewer_blind_until_submitted(self):
        self.assertEqual(self.visible(self.interviewer), self.mine)
        self.assertEqual(
            self.visible(self.interviewer, "hr.interview.scorecard.line"),
            self.mine.line_ids,
            "lines follow their scorecard",
        )
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.interviewer).read(["weighted_score"])
        with self.assertRaises(AccessError):
            self.theirs.line_ids.with_user(self.interviewer).read(["rating"])
        self.mine.with_user(self.interviewer).action_submit()
        self.assertEqual(self.visible(self.interviewer), self.mine | self.theirs)
        self.assertEqual(
            self.visible(self.interviewer, "hr.interview.scorecard.line"),
            (self.mine | self.theirs).line_ids,
        )
        self.assertEqual(self.theirs.with_user(self.interviewer).weighted_score, 50.0)

    def test_interviewer_who_submitted_sees_the_others(self):
        self.assertEqual(self.visible(self.other_interviewer), self.mine | self.theirs)

    def test_interviewer_sees_only_applicants_they_can_see(self):
        # even a scorecard of their own is hidden on an applicant they are
        # no longer on
        own_elsewhere = self.make_scorecard(self.stranger, self.interviewer, {})
        self.assertNotIn(own_elsewhere, self.visible(self.interviewer))
        with self.assertRaises(AccessError):
            self.elsewhere.with_user(self.other_interviewer).read(["state"])
        # the job's interviewers see the job's applicants (core rule)
        self.other_job.interviewer_ids = self.interviewer
        self.assertIn(own_elsewhere, self.visible(self.interviewer))
        self.assertNotIn(self.elsewhere, self.visible(self.interviewer))

    def test_interviewer_fills_only_their_own(self):
        self.mine.with_user(self.interviewer).write({"notes": "ok"})
        self.mine.line_ids[0].with_user(self.interviewer).rating_choice = "5"
        self.mine.with_user(self.interviewer).action_submit()
        self.theirs.with_user(self.manager).action_reopen()
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.interviewer).write({"notes": "mine now"})
        with self.assertRaises(AccessError):
            self.theirs.line_ids[0].with_user(self.interviewer).write(
                {"rating_choice": "1"}
            )
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.interviewer).action_submit()

    def test_interviewer_cannot_create_or_delete(self):
        with self.assertRaises(AccessError):
            self.env["hr.interview.scorecard"].with_user(self.interviewer).create(
                {
                    "applicant_id": self.applicant.id,
                    "interviewer_id": self.interviewer.id,
                    "rubric_id": self.rubric.id,
                }
            )
        with self.assertRaises(AccessError):
            self.mine.with_user(self.interviewer).unlink()
        with self.assertRaises(AccessError):
            self.mine.line_ids.with_user(self.interviewer).unlink()

    def test_officer_sees_and_creates_all_but_does_not_delete(self):
        self.assertEqual(self.visible(self.officer), self.all_cards)
        self.assertEqual(
            self.visible(self.officer, "hr.interview.scorecard.line"),
            self.all_cards.line_ids,
        )
        created = (
            self.env["hr.interview.scorecard"]
            .with_user(self.officer)
            .create(
                {
                    "applicant_id": self.applicant.id,
                    "interviewer_id": self.officer.id,
                    "rubric_id": self.rubric.id,
                    "line_ids": [Command.create({"criterion_id": self.reasoning.id})],
                }
            )
        )
        with self.assertRaises(AccessError):
            created.with_user(self.officer).unlink()
        self.assertEqual(self.applicant.with_user(self.officer).structured_score, 50.0)

    def test_manager_sees_and_deletes(self):
        self.assertEqual(self.visible(self.manager), self.all_cards)
        self.elsewhere.with_user(self.manager).unlink()

    def test_employee_sees_nothing(self):
        for model in (
            "hr.interview.scorecard",
            "hr.interview.scorecard.line",
            "hr.interview.rubric",
            "hr.interview.rubric.criterion",
            "hr.interview.question",
            "hr.interview.scorecard.analysis",
        ):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.employee).search([])

    def test_panel_results_are_for_officers(self):
        applicant = self.applicant.with_user(self.interviewer)
        with self.assertRaises(AccessError):
            applicant.read(["structured_score"])
        with self.assertRaises(AccessError):
            applicant.read(["scorecard_disagreement"])
        # the panel is computed with the reader's rights: blind as well
        self.assertFalse(applicant.scorecard_panel_html)
        self.mine.with_user(self.interviewer).action_submit()
        applicant.invalidate_recordset()
        self.assertIn("AI Interviewer 2", str(applicant.scorecard_panel_html))

    def test_configuration_rights(self):
        Rubric = self.env["hr.interview.rubric"]
        Question = self.env["hr.interview.question"]
        # interviewers read the rubric and the bank (anchors, kit)
        self.assertEqual(self.rubric.with_user(self.interviewer).name, self.rubric.name)
        with self.assertRaises(AccessError):
            self.rubric.with_user(self.interviewer).write({"name": "x"})
        with self.assertRaises(AccessError):
            self.reasoning.with_user(self.interviewer).write({"anchor_1": "x"})
        with self.assertRaises(AccessError):
            Question.with_user(self.interviewer).create({"name": "Why?"})
        # officers maintain the question bank, managers the rubrics
        question = Question.with_user(self.officer).create({"name": "Why?"})
        with self.assertRaises(AccessError):
            question.with_user(self.officer).unlink()
        with self.assertRaises(AccessError):
            Rubric.with_user(self.officer).create({"name": "Mine"})
        Rubric.with_user(self.manager).create({"name": "Mine"}).unlink()
        question.with_user(self.manager).unlink()

    def test_analysis_for_managers(self):
        Analysis = self.env["hr.interview.scorecard.analysis"]
        with self.assertRaises(AccessError):
            Analysis.with_user(self.officer).search([])
        rows = Analysis.with_user(self.manager).search([])
        self.assertEqual(rows.scorecard_id, self.theirs, "submitted only")


@tagged("post_install", "-at_install")
class TestScorecardAccessRpc(ScorecardCommon, HttpCase):
    """The blind rule through JSON-RPC, logged in as each user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_scorecard_world()
        ratings = dict.fromkeys(cls.rubric.criterion_ids, 4)
        cls.mine = cls.make_scorecard(cls.applicant, cls.interviewer, ratings)
        cls.theirs = cls.make_scorecard(
            cls.applicant, cls.other_interviewer, ratings, submit=True
        )

    def rpc(self, login, model, method, *args, **kwargs):
        self.authenticate(login, login)
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def search_ids(self, login, model="hr.interview.scorecard"):
        rows = self.rpc(
            login, model, "search_read", [("applicant_id", "=", self.applicant.id)]
        )
        return sorted(row["id"] for row in rows)

    def test_blind_rule_per_user(self):
        both = sorted((self.mine | self.theirs).ids)
        self.assertEqual(self.search_ids("ai_interviewer"), self.mine.ids)
        self.assertEqual(
            self.search_ids("ai_interviewer", "hr.interview.scorecard.line"),
            sorted(self.mine.line_ids.ids),
        )
        self.assertEqual(self.search_ids("ai_interviewer2"), both)
        self.assertEqual(self.search_ids("ai_officer"), both)
        self.assertEqual(self.search_ids("ai_manager"), both)
        with self.assertRaisesRegex(Exception, "AccessError|not allowed"):
            self.rpc(
                "ai_interviewer", "hr.interview.scorecard", "read", self.theirs.ids
            )
        self.rpc(
            "ai_interviewer", "hr.interview.scorecard", "action_submit", self.mine.ids
        )
        self.assertEqual(self.search_ids("ai_interviewer"), both)
        self.assertEqual(
            self.search_ids("ai_interviewer", "hr.interview.scorecard.line"),
            sorted((self.mine | self.theirs).line_ids.ids),
        )

    def test_employee_gets_access_error(self):
        with self.assertRaisesRegex(Exception, "AccessError|not allowed"):
            self.rpc("ai_employee", "hr.interview.scorecard", "search_read", [])


class TestScorecardViewsPerRole(ScorecardCase):
    def test_applicant_form_per_role(self):
        for user, sees_results in (
            (self.interviewer, False),
            (self.officer, True),
            (self.manager, True),
        ):
            with self.subTest(user=user.login):
                views = (
                    self.env["hr.applicant"]
                    .with_user(user)
                    .get_views([(False, "form")])
                )
                arch = views["views"]["form"]["arch"]
                self.assertIn('name="scorecard_panel_html"', arch)
                self.assertIn('name="scorecard_ids"', arch)
                self.assertEqual('name="structured_score"' in arch, sees_results)
                self.assertEqual(
                    'name="action_create_scorecards"' in arch, sees_results
                )

    def test_scorecard_views_load_for_interviewers(self):
        Scorecard = self.env["hr.interview.scorecard"].with_user(self.interviewer)
        views = Scorecard.get_views(
            [(False, "kanban"), (False, "list"), (False, "form"), (False, "search")]
        )
        self.assertIn("o_hr_interview_submit_mobile", views["views"]["form"]["arch"])
        self.assertNotIn('name="action_reopen"', views["views"]["form"]["arch"])
