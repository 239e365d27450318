"""Scorecards: weighted score maths, life cycle, creation, applicant results."""

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger

from .common import AiInterviewCommon


class ScorecardCommon(AiInterviewCommon):
    """Mixin: the AI world of ``common.py`` plus a stage, a structured
    rubric (reasoning x2 -> logic, teamwork x1 -> teamwork, communication x1
    without AI dimension), a few bank questions and a panel of two
    interviewers on ``cls.applicant``."""

    @classmethod
    def _setup_scorecard_world(cls):
        cls._setup_ai_world()
        cls.stage = cls.env["hr.recruitment.stage"].create(
            {"name": "Structured interview (test)", "sequence": 50}
        )
        cls.rubric = cls.env["hr.interview.rubric"].create(
            {
                "name": "Analyst structured (test)",
                "kind": "structured",
                "job_ids": [cls.job.id],
                "stage_ids": [cls.stage.id],
                "criterion_ids": [
                    Command.create(
                        {
                            "name": "Reasoning",
                            "sequence": 1,
                            "weight": 2,
                            "ai_dimension_id": cls.dims["logic"].id,
                            "anchor_1": "No structure.",
                            "anchor_2": "Structure when guided.",
                            "anchor_3": "Sound on familiar problems.",
                            "anchor_4": "Structures new problems unaided.",
                            "anchor_5": "Outstanding framing.",
                        }
                    ),
                    Command.create(
                        {
                            "name": "Teamwork",
                            "sequence": 2,
                            "weight": 1,
                            "ai_dimension_id": cls.dims["teamwork"].id,
                            "anchor_4": "Resolved a real conflict.",
                        }
                    ),
                    Command.create(
                        {"name": "Communication", "sequence": 3, "weight": 1}
                    ),
                ],
            }
        )
        cls.reasoning, cls.teamwork, cls.communication = cls.rubric.criterion_ids
        cls.applicant.stage_id = cls.stage
        # hr.applicant.write() handles new interviewers one record at a time.
        cls.applicant.interviewer_ids = cls.interviewer | cls.other_interviewer

    @classmethod
    def make_scorecard(cls, applicant, user, ratings, rubric=None, submit=False):
        """A scorecard of ``user`` on ``applicant``; ``ratings``: criterion
        -> rating (0 = no decision; criteria left out stay unrated)."""
        rubric = rubric or cls.rubric
        scorecard = cls.env["hr.interview.scorecard"].create(
            {
                "applicant_id": applicant.id,
                "interviewer_id": user.id,
                "rubric_id": rubric.id,
                "stage_id": applicant.stage_id.id,
                "line_ids": [
                    Command.create(
                        dict(
                            {"criterion_id": criterion.id},
                            **(
                                {"rating": ratings[criterion]}
                                if criterion in ratings
                                else {}
                            ),
                        )
                    )
                    for criterion in rubric.criterion_ids
                ],
            }
        )
        if submit:
            scorecard.action_submit()
        return scorecard

    def line(self, scorecard, criterion):
        return scorecard.line_ids.filtered(lambda line: line.criterion_id == criterion)


class ScorecardCase(ScorecardCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_scorecard_world()


class TestWeightedScore(ScorecardCase):
    def test_weighted_mean_of_rated_lines(self):
        # weights 2, 1, 1; ratings 4, 2, 3:
        # 100 * (2 * 3/4 + 1 * 1/4 + 1 * 2/4) / 4 = 100 * 2.25 / 4 = 56.25
        scorecard = self.make_scorecard(
            self.applicant,
            self.interviewer,
            {self.reasoning: 4, self.teamwork: 2, self.communication: 3},
        )
        self.assertTrue(scorecard.is_scored)
        self.assertEqual(scorecard.weighted_score, 56.25)

    def test_extremes(self):
        ones = dict.fromkeys(self.rubric.criterion_ids, 1)
        fives = dict.fromkeys(self.rubric.criterion_ids, 5)
        self.assertEqual(
            self.make_scorecard(self.applicant, self.interviewer, ones).weighted_score,
            0.0,
        )
        self.assertEqual(
            self.make_scorecard(self.applicant, self.interviewer, fives).weighted_score,
            100.0,
        )

    def test_no_decision_lines_are_left_out(self):
        # teamwork 0: 100 * (2 * 3/4 + 1 * 2/4) / 3 = 100 * 2 / 3 = 66.67
        scorecard = self.make_scorecard(
            self.applicant,
            self.interviewer,
            {self.reasoning: 4, self.teamwork: 0, self.communication: 3},
        )
        self.assertEqual(scorecard.weighted_score, 66.67)
        self.assertEqual(self.line(scorecard, self.teamwork).rating_choice, "0")

    def test_unrated_scorecard_has_no_score(self):
        scorecard = self.make_scorecard(
            self.applicant,
            self.interviewer,
            dict.fromkeys(self.rubric.criterion_ids, 0),
        )
        self.assertFalse(scorecard.is_scored)
        self.assertEqual(scorecard.weighted_score, 0.0)
        blank = self.make_scorecard(self.applicant, self.interviewer, {})
        self.assertFalse(blank.is_scored)
        self.assertEqual(blank.progress_label, "0 / 3 rated")

    def test_score_follows_the_ratings(self):
        scorecard = self.make_scorecard(
            self.applicant, self.interviewer, {self.reasoning: 5}
        )
        self.assertEqual(scorecard.weighted_score, 100.0)
        self.line(scorecard, self.teamwork).rating_choice = "1"
        # 100 * (2 * 1 + 1 * 0) / 3 = 66.67
        self.assertEqual(scorecard.weighted_score, 66.67)
        self.line(scorecard, self.reasoning).rating = 0
        self.assertEqual(scorecard.weighted_score, 0.0)
        self.assertTrue(scorecard.is_scored, "teamwork is still rated (a 1)")

    def test_rating_and_choice_stay_in_step(self):
        scorecard = self.make_scorecard(self.applicant, self.interviewer, {})
        line = self.line(scorecard, self.reasoning)
        self.assertFalse(line.rating_choice, "not rated yet")
        self.assertEqual(line.rating, 0)
        line.rating = 3
        self.assertEqual(line.rating_choice, "3")
        self.assertEqual(line.chosen_anchor, "Sound on familiar problems.")
        line.rating_choice = "0"
        self.assertEqual(line.rating, 0)
        self.assertIn("No decision", line.chosen_anchor)
        with self.assertRaises(ValidationError):
            line.rating = 6

    def test_weights_are_frozen_at_creation(self):
        scorecard = self.make_scorecard(
            self.applicant,
            self.interviewer,
            {self.reasoning: 5, self.teamwork: 1, self.communication: 1},
        )
        self.assertEqual(scorecard.weighted_score, 50.0)
        self.reasoning.weight = 10
        self.assertEqual(scorecard.weighted_score, 50.0, "past interviews keep")
        later = self.make_scorecard(
            self.applicant,
            self.interviewer,
            {self.reasoning: 5, self.teamwork: 1, self.communication: 1},
        )
        self.assertAlmostEqual(later.weighted_score, 83.33)

    def test_weight_must_be_positive(self):
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.cr.savepoint(),
        ):
            self.reasoning.weight = 0
            self.reasoning.flush_recordset()


class TestScorecardLifeCycle(ScorecardCase):
    def test_submit_checks_completeness(self):
        scorecard = self.make_scorecard(
            self.applicant, self.interviewer, {self.reasoning: 4}
        )
        with self.assertRaisesRegex(UserError, "Teamwork, Communication"):
            scorecard.with_user(self.interviewer).action_submit()
        self.assertEqual(scorecard.state, "draft")
        # "No decision" is an answer: the scorecard is complete.
        self.line(scorecard, self.teamwork).rating_choice = "0"
        self.line(scorecard, self.communication).rating_choice = "2"
        scorecard.with_user(self.interviewer).action_submit()
        self.assertEqual(scorecard.state, "submitted")
        self.assertTrue(scorecard.submitted_at)
        self.assertIn("submitted", scorecard.message_ids[0].body)

    def test_state_cannot_skip_the_check(self):
        scorecard = self.make_scorecard(self.applicant, self.interviewer, {})
        with self.assertRaises(UserError):
            scorecard.with_user(self.interviewer).write({"state": "submitted"})
        with self.assertRaises(UserError):
            self.env["hr.interview.scorecard"].create(
                {
                    "applicant_id": self.applicant.id,
                    "interviewer_id": self.interviewer.id,
                    "rubric_id": self.rubric.id,
                    "state": "submitted",
                }
            )

    def test_create_submitted_with_lines(self):
        scorecard = self.make_scorecard(
            self.applicant,
            self.interviewer,
            dict.fromkeys(self.rubric.criterion_ids, 3),
        )
        created = scorecard.copy({"state": "submitted"})
        self.assertEqual(created.state, "submitted")
        self.assertEqual(created.weighted_score, 50.0)

    def test_submitted_is_read_only(self):
        scorecard = self.make_scorecard(
            self.applicant,
            self.interviewer,
            dict.fromkeys(self.rubric.criterion_ids, 3),
            submit=True,
        )
        line = self.line(scorecard, self.reasoning)
        for user in (self.interviewer, self.officer, self.manager):
            with self.subTest(user=user.login):
                with self.assertRaises(UserError):
                    scorecard.with_user(user).write({"notes": "changed"})
                with self.assertRaises(UserError):
                    line.with_user(user).write({"rating_choice": "5"})
        with self.assertRaises(UserError):
            line.unlink()
        with self.assertRaises(UserError):
            self.env["hr.interview.scorecard.line"].create(
                {"scorecard_id": scorecard.id, "criterion_id": self.reasoning.id}
            )
        self.assertEqual(line.rating, 3)

    def test_only_managers_reopen(self):
        scorecard = self.make_scorecard(
            self.applicant,
            self.interviewer,
            dict.fromkeys(self.rubric.criterion_ids, 3),
            submit=True,
        )
        for user in (self.interviewer, self.officer):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    scorecard.with_user(user).action_reopen()
                with self.assertRaises(AccessError):
                    scorecard.with_user(user).write({"state": "draft"})
        scorecard.with_user(self.manager).action_reopen()
        self.assertEqual(scorecard.state, "draft")
        self.assertFalse(scorecard.submitted_at)
        self.assertIn("reopened by AI Manager", scorecard.message_ids[0].body)
        # the interviewer can change it again
        self.line(scorecard, self.reasoning).with_user(self.interviewer).rating = 5
        self.assertEqual(scorecard.weighted_score, 75.0)

    def test_interviewer_cannot_move_a_scorecard(self):
        scorecard = self.make_scorecard(self.applicant, self.interviewer, {})
        other = self._make_applicant("Other", "other@example.com", self.job)
        for vals in (
            {"applicant_id": other.id},
            {"interviewer_id": self.other_interviewer.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                scorecard.with_user(self.interviewer).write(vals)
        scorecard.with_user(self.interviewer).write({"notes": "fine"})

    def test_manager_deletes_a_submitted_scorecard(self):
        scorecard = self.make_scorecard(
            self.applicant,
            self.interviewer,
            dict.fromkeys(self.rubric.criterion_ids, 3),
            submit=True,
        )
        scorecard.with_user(self.manager).unlink()
        self.assertFalse(scorecard.exists())

    def test_form_fills_a_line(self):
        scorecard = self.make_scorecard(self.applicant, self.interviewer, {})
        with Form(scorecard.with_user(self.interviewer)) as form:
            with form.line_ids.edit(0) as line:
                line.rating_choice = "4"
                self.assertEqual(line.chosen_anchor, "Structures new problems unaided.")
                line.notes = "Structured the estimate well."
        self.assertEqual(self.line(scorecard, self.reasoning).rating, 4)
        self.assertEqual(scorecard.progress_label, "1 / 3 rated")


class TestRubricMatching(ScorecardCase):
    def test_most_specific_rubric_wins(self):
        Rubric = self.env["hr.interview.rubric"]
        generic = Rubric.create({"name": "Generic", "sequence": 1})
        job_only = Rubric.create({"name": "Job only", "job_ids": [self.job.id]})
        self.assertEqual(Rubric._find_for(self.job, self.stage), self.rubric)
        other_stage = self.env["hr.recruitment.stage"].create({"name": "Other"})
        self.assertEqual(Rubric._find_for(self.job, other_stage), job_only)
        self.assertEqual(Rubric._find_for(self.other_job, other_stage), generic)
        generic.active = False
        self.assertFalse(Rubric._find_for(self.other_job, other_stage))


class TestCreateScorecards(ScorecardCase):
    def test_one_draft_per_interviewer_with_a_line_per_criterion(self):
        created = self.applicant._create_scorecards()
        self.assertEqual(
            created.interviewer_id, self.interviewer | self.other_interviewer
        )
        for scorecard in created:
            self.assertEqual(scorecard.state, "draft")
            self.assertEqual(scorecard.rubric_id, self.rubric)
            self.assertEqual(scorecard.stage_id, self.stage)
            self.assertEqual(scorecard.line_ids.criterion_id, self.rubric.criterion_ids)
            self.assertFalse(scorecard.line_ids.filtered("rating_choice"))
        self.assertEqual(self.applicant.scorecard_count, 2)

    def test_existing_scorecards_are_skipped(self):
        self.make_scorecard(self.applicant, self.interviewer, {})
        created = self.applicant._create_scorecards()
        self.assertEqual(created.interviewer_id, self.other_interviewer)
        self.assertFalse(self.applicant._create_scorecards(), "idempotent")
        # a new stage with its own rubric gets new scorecards
        stage2 = self.env["hr.recruitment.stage"].create({"name": "Sim (test)"})
        self.rubric.copy({"name": "Sim", "stage_ids": [stage2.id]})
        self.applicant.stage_id = stage2
        self.assertEqual(len(self.applicant._create_scorecards()), 2)

    def test_per_event(self):
        event = self.env["calendar.event"].create(
            {"name": "Interview", "applicant_id": self.applicant.id}
        )
        first = self.applicant._create_scorecards(event)
        self.assertEqual(first.event_id, event)
        self.assertFalse(self.applicant._create_scorecards(event))
        self.assertFalse(self.applicant._create_scorecards(), "the button skips them")

    def test_batch_of_applicants(self):
        others = self._make_applicant(
            "Han", "han@example.com", self.job
        ) | self._make_applicant("Wu", "wu@example.com", self.other_job)
        for applicant in others:
            applicant.write(
                {"stage_id": self.stage.id, "interviewer_ids": self.interviewer.ids}
            )
        created = (self.applicant | others)._create_scorecards()
        # other_job has no rubric: nothing for Wu
        self.assertEqual(created.applicant_id, self.applicant | others[0])
        self.assertEqual(len(created), 3)

    def test_button(self):
        applicant = self.applicant.with_user(self.officer)
        action = applicant.action_create_scorecards()
        self.assertEqual(action["params"]["type"], "success")
        action = applicant.action_create_scorecards()
        self.assertEqual(action["params"]["type"], "info")
        self.applicant.job_id = self.other_job
        with self.assertRaisesRegex(UserError, "No interview rubric"):
            applicant.action_create_scorecards()

    def test_interviewer_without_access_cannot_create(self):
        stranger = self._make_applicant("Stranger", "s@example.com", self.other_job)
        stranger.stage_id = self.stage
        with self.assertRaises(AccessError):
            stranger.with_user(self.interviewer)._create_scorecards()

    def test_situational_lines_start_with_their_cases(self):
        case = self.env["hr.interview.question"].create(
            {
                "name": "The numbers are wrong",
                "kind": "situational",
                "scenario": "One hour before the meeting...",
            }
        )
        sim = self.env["hr.interview.rubric"].create(
            {
                "name": "Sim",
                "kind": "situational",
                "job_ids": [self.job.id],
                "stage_ids": [self.stage.id],
                "sequence": 1,
                "question_ids": [case.id],
                "criterion_ids": [
                    Command.create({"name": "Case 1", "question_ids": [case.id]}),
                    Command.create({"name": "Case 2"}),
                ],
            }
        )
        created = self.applicant._create_scorecards()
        self.assertEqual(created.rubric_id, sim)
        lines = created[0].line_ids
        self.assertEqual(lines[0].question_ids, case)
        self.assertFalse(lines[1].question_ids)
        self.assertEqual(lines[0].suggested_question_ids, case)


class TestApplicantResults(ScorecardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sim = cls.env["hr.interview.rubric"].create(
            {
                "name": "Sim (test)",
                "kind": "situational",
                "criterion_ids": [
                    Command.create({"name": "Case A"}),
                    Command.create({"name": "Case B", "weight": 3}),
                ],
            }
        )
        cls.case_a, cls.case_b = cls.sim.criterion_ids

    def test_structured_and_situational_scores(self):
        self.make_scorecard(
            self.applicant,
            self.interviewer,
            dict.fromkeys(self.rubric.criterion_ids, 5),
            submit=True,
        )
        self.make_scorecard(
            self.applicant,
            self.other_interviewer,
            dict.fromkeys(self.rubric.criterion_ids, 3),
            submit=True,
        )
        # a draft does not count
        self.make_scorecard(
            self.applicant, self.officer, dict.fromkeys(self.rubric.criterion_ids, 1)
        )
        self.assertEqual(self.applicant.structured_score, 75.0)  # (100 + 50) / 2
        self.assertEqual(self.applicant.situational_score, 0.0)
        # situational: 100 * (1 * 1/4 + 3 * 4/4) / 4 = 81.25
        self.make_scorecard(
            self.applicant,
            self.interviewer,
            {self.case_a: 2, self.case_b: 5},
            rubric=self.sim,
            submit=True,
        )
        self.assertEqual(self.applicant.situational_score, 81.25)
        self.assertEqual(self.applicant.structured_score, 75.0)

    def test_unscored_scorecards_do_not_count(self):
        self.make_scorecard(
            self.applicant,
            self.interviewer,
            dict.fromkeys(self.rubric.criterion_ids, 0),
            submit=True,
        )
        self.make_scorecard(
            self.applicant,
            self.other_interviewer,
            dict.fromkeys(self.rubric.criterion_ids, 4),
            submit=True,
        )
        self.assertEqual(self.applicant.structured_score, 75.0)

    def test_situational_ready(self):
        self.assertFalse(self.applicant._ai_situational_ready(), "no simulation")
        first = self.make_scorecard(
            self.applicant,
            self.interviewer,
            {self.case_a: 3, self.case_b: 3},
            rubric=self.sim,
            submit=True,
        )
        second = self.make_scorecard(
            self.applicant, self.other_interviewer, {}, rubric=self.sim
        )
        self.assertFalse(self.applicant._ai_situational_ready(), "one to submit")
        second.line_ids.rating = 4
        second.action_submit()
        self.assertTrue(self.applicant._ai_situational_ready())
        # as an interviewer who cannot read the whole panel: same answer
        self.assertTrue(
            self.applicant.with_user(self.interviewer)._ai_situational_ready()
        )
        first.with_user(self.manager).action_reopen()
        self.assertFalse(self.applicant._ai_situational_ready())

    def test_disagreement(self):
        first = self.make_scorecard(
            self.applicant,
            self.interviewer,
            {self.reasoning: 4, self.teamwork: 2, self.communication: 3},
            submit=True,
        )
        self.assertFalse(self.applicant.scorecard_disagreement, "one scorecard")
        second = self.make_scorecard(
            self.applicant,
            self.other_interviewer,
            {self.reasoning: 5, self.teamwork: 3, self.communication: 0},
        )
        self.assertFalse(self.applicant.scorecard_disagreement, "draft")
        second.action_submit()
        self.assertFalse(self.applicant.scorecard_disagreement, "spreads of 1")
        first.with_user(self.manager).action_reopen()
        self.line(first, self.teamwork).rating = 1
        first.action_submit()
        self.assertTrue(self.applicant.scorecard_disagreement, "teamwork 1 vs 3")
        # a no-decision is not a rating of 0
        self.assertEqual(
            self.env["hr.applicant"].search(
                [("scorecard_disagreement", "=", True), ("id", "=", self.applicant.id)]
            ),
            self.applicant,
        )


class TestPanel(ScorecardCase):
    def test_who_said_what(self):
        self.make_scorecard(
            self.applicant,
            self.interviewer,
            {self.reasoning: 4, self.teamwork: 2, self.communication: 3},
            submit=True,
        )
        self.make_scorecard(
            self.applicant,
            self.other_interviewer,
            {self.reasoning: 4, self.teamwork: 4, self.communication: 0},
            submit=True,
        )
        self.make_scorecard(
            self.applicant,
            self.officer,
            dict.fromkeys(self.rubric.criterion_ids, 1),
        )  # draft: not in the panel
        rows = self.applicant._get_scorecard_panel()[self.applicant.id]
        self.assertEqual(
            [row["criterion"] for row in rows],
            [self.reasoning, self.teamwork, self.communication],
        )
        by_criterion = {row["criterion"]: row for row in rows}
        teamwork = by_criterion[self.teamwork]
        self.assertCountEqual(
            teamwork["ratings"], [(self.interviewer, 2), (self.other_interviewer, 4)]
        )
        self.assertEqual(teamwork["mean"], 3.0)
        self.assertEqual(teamwork["spread"], 2)
        self.assertTrue(teamwork["disagreement"])
        communication = by_criterion[self.communication]
        self.assertEqual(communication["mean"], 3.0, "no decision left out")
        self.assertEqual(communication["spread"], 0)
        self.assertFalse(communication["disagreement"])
        html = str(self.applicant.scorecard_panel_html)
        self.assertIn("AI Interviewer 2: <b>4</b>", html)
        self.assertIn("no decision", html)
        self.assertIn("table-warning", html)

    def test_panel_query_count(self):
        applicants = self.applicant
        for index in range(5):
            applicant = self._make_applicant(
                f"P{index}", f"p{index}@example.com", self.job
            )
            applicant.write(
                {
                    "stage_id": self.stage.id,
                    "interviewer_ids": (self.interviewer | self.other_interviewer).ids,
                }
            )
            applicants |= applicant
        for applicant in applicants:
            for user, rating in ((self.interviewer, 3), (self.other_interviewer, 5)):
                self.make_scorecard(
                    applicant,
                    user,
                    dict.fromkeys(self.rubric.criterion_ids, rating),
                    submit=True,
                )
        self.env.invalidate_all()
        # one read_group, then criterion names and interviewer names
        # (users, partners), whatever the number of applicants and scorecards
        with self.assertQueryCount(4):
            panels = applicants._get_scorecard_panel()
            html = {
                a.id: applicants._get_panel_markup(panels[a.id]) for a in applicants
            }
        self.assertEqual(len(html), 6)
        self.env.invalidate_all()
        # the same plus the language of the labels
        with self.assertQueryCount(8):
            applicants.mapped("scorecard_panel_html")


class TestComputedFieldsAreProtected(ScorecardCase):
    def test_nobody_writes_a_score(self):
        scorecard = self.make_scorecard(
            self.applicant, self.interviewer, {self.reasoning: 1}
        )
        for user in (self.interviewer, self.manager):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    scorecard.with_user(user).write({"weighted_score": 100})
                with self.assertRaises(AccessError):
                    scorecard.line_ids[0].with_user(user).write({"weight": 50})
        self.assertEqual(scorecard.weighted_score, 0.0)


class TestScorecardDefaults(ScorecardCase):
    def test_lines_default_to_the_rubric_criteria(self):
        scorecard = (
            self.env["hr.interview.scorecard"]
            .with_user(self.officer)
            .create(
                {
                    "applicant_id": self.applicant.id,
                    "interviewer_id": self.interviewer.id,
                    "rubric_id": self.rubric.id,
                }
            )
        )
        self.assertEqual(scorecard.line_ids.criterion_id, self.rubric.criterion_ids)
        self.assertEqual(scorecard.job_id, self.job)
        self.assertIn("Li Lei", scorecard.display_name)
