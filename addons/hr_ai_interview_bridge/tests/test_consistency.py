"""Consistency analytics on records: hand-computed fixture, SQL view, cost."""

import random
import time

from odoo import Command
from odoo.tests import new_test_user

from ..analytics import consistency
from .test_analytics_consistency import PANEL, PANEL_EXPECTED
from .test_scorecard import ScorecardCase


class TestConsistencyStats(ScorecardCase):
    """The panel of test_analytics_consistency.py (hand-computed there) built
    as records: interviewers 1, 2, 3 = interviewer, other_interviewer,
    third; applicants A, B, C; criteria X, Y."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.third = new_test_user(
            cls.env,
            login="ai_interviewer3",
            name="AI Interviewer 3",
            groups="base.group_user,hr_recruitment.group_hr_recruitment_interviewer",
        )
        cls.users = {1: cls.interviewer, 2: cls.other_interviewer, 3: cls.third}
        cls.fixture_rubric = cls.env["hr.interview.rubric"].create(
            {
                "name": "Consistency (test)",
                "criterion_ids": [
                    Command.create({"name": "X", "sequence": 1}),
                    Command.create({"name": "Y", "sequence": 2}),
                ],
            }
        )
        cls.criteria = dict(zip("XY", cls.fixture_rubric.criterion_ids, strict=True))
        cls.applicants = {
            code: cls._make_applicant(code, f"{code.lower()}@example.com", cls.job)
            for code in "ABC"
        }
        for applicant in cls.applicants.values():
            applicant.interviewer_ids = (
                cls.interviewer | cls.other_interviewer | cls.third
            )
        cls.cards = cls.env["hr.interview.scorecard"]
        for _number, (applicant, user, ratings) in sorted(PANEL.items()):
            cls.cards |= cls.make_scorecard(
                cls.applicants[applicant],
                cls.users[user],
                {cls.criteria[code]: rating for code, rating in ratings.items()},
                rubric=cls.fixture_rubric,
                submit=True,
            )
        # Not counted: a draft, and a scorecard of another rubric.
        cls.make_scorecard(
            cls.applicants["A"],
            cls.third,
            {cls.criteria["X"]: 1, cls.criteria["Y"]: 5},
            rubric=cls.fixture_rubric,
        )
        cls.make_scorecard(
            cls.applicants["A"],
            cls.third,
            dict.fromkeys(cls.rubric.criterion_ids, 1),
            submit=True,
        )
        cls.domain = [("rubric_id", "=", cls.fixture_rubric.id)]

    def expected_interviewers(self):
        rows = [
            dict(row, user_id=self.users[row["user_id"]].id)
            for row in PANEL_EXPECTED["interviewers"]
        ]
        return sorted(rows, key=lambda row: row["user_id"])

    def test_hand_computed_fixture(self):
        stats = self.env["hr.interview.scorecard"].consistency_stats(self.domain)
        self.assertEqual(stats["pairs"], 5)
        self.assertAlmostEqual(stats["disagreement_rate"], 0.6)
        self.assertAlmostEqual(stats["icc_2_1"], 0.375)
        self.assertAlmostEqual(stats["krippendorff_alpha"], -11 / 2244)
        expected = self.expected_interviewers()
        self.assertEqual(
            [row["user_id"] for row in stats["interviewers"]],
            [row["user_id"] for row in expected],
        )
        for got, want in zip(stats["interviewers"], expected, strict=True):
            with self.subTest(user=want["user_id"]):
                self.assertIsInstance(got["user_id"], int)
                self.assertEqual(got["scorecards"], want["scorecards"])
                self.assertEqual(got["distribution"], want["distribution"])
                self.assertAlmostEqual(got["mean_deviation"], want["mean_deviation"])
                self.assertAlmostEqual(
                    got["no_decision_rate"], want["no_decision_rate"]
                )

    def test_domain_and_drafts(self):
        stats = self.env["hr.interview.scorecard"].consistency_stats(
            self.domain + [("applicant_id", "=", self.applicants["A"].id)]
        )
        # A: X [4, 2] (spread 2), Y [3, 3]
        self.assertEqual(stats["pairs"], 2)
        self.assertAlmostEqual(stats["disagreement_rate"], 0.5)
        self.assertEqual(
            {row["user_id"]: row["scorecards"] for row in stats["interviewers"]},
            {self.interviewer.id: 1, self.other_interviewer.id: 1},
            "the draft of the third interviewer is left out",
        )
        everything = self.env["hr.interview.scorecard"].consistency_stats()
        third = next(
            row for row in everything["interviewers"] if row["user_id"] == self.third.id
        )
        self.assertEqual(third["scorecards"], 2, "all rubrics without a domain")

    def test_record_rules_apply(self):
        # interviewer 2 submitted on A, B and C: sees the whole fixture;
        # a scorecard they cannot read is not counted
        self.applicants["C"].interviewer_ids = self.interviewer | self.third
        stats = (
            self.env["hr.interview.scorecard"]
            .with_user(self.other_interviewer)
            .consistency_stats(self.domain)
        )
        # without C: pairs AX AY BX BY
        self.assertEqual(stats["pairs"], 4)

    def test_analysis_view_agrees(self):
        Analysis = self.env["hr.interview.scorecard.analysis"]
        domain = [("rubric_id", "=", self.fixture_rubric.id)]
        self.assertEqual(Analysis.search_count(domain), 14, "7 scorecards x 2")
        stats = self.env["hr.interview.scorecard"].consistency_stats(self.domain)
        groups = Analysis._read_group(
            domain,
            ["interviewer_id"],
            ["deviation:avg", "no_decision:avg", "line_count:sum"],
        )
        by_user = {row["user_id"]: row for row in stats["interviewers"]}
        for user, deviation, no_decision, _lines in groups:
            with self.subTest(user=user.login):
                self.assertAlmostEqual(deviation, by_user[user.id]["mean_deviation"])
                self.assertAlmostEqual(
                    no_decision, 100 * by_user[user.id]["no_decision_rate"]
                )
        pairs = Analysis._read_group(
            domain + [("raters", ">=", 2)],
            ["applicant_id", "criterion_id"],
            ["pair_spread:max"],
        )
        self.assertEqual(len(pairs), stats["pairs"])
        self.assertEqual(sum(1 for *_key, spread in pairs if spread >= 2), 3)


class TestConsistencyCost(ScorecardCase):
    """1,000 submitted scorecards: the statistics cost a fixed number of
    queries, whatever the volume."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        started = time.time()
        rng = random.Random(20261120)
        users = cls.env["res.users"].create(
            [
                {
                    "name": f"Panel {index}",
                    "login": f"panel_{index}",
                    "groups_id": [
                        Command.link(
                            cls.env.ref(
                                "hr_recruitment.group_hr_recruitment_interviewer"
                            ).id
                        )
                    ],
                }
                for index in range(10)
            ]
        )
        candidates = cls.env["hr.candidate"].create(
            [{"partner_name": f"Load {index}"} for index in range(100)]
        )
        applicants = cls.env["hr.applicant"].create(
            [
                {"candidate_id": candidate.id, "job_id": cls.job.id}
                for candidate in candidates
            ]
        )
        criteria = cls.rubric.criterion_ids
        vals_list = []
        for applicant in applicants:
            # panels of 10 interviewers, ratings around an applicant's level
            level = rng.randint(2, 4)
            for user in users:
                vals_list.append(
                    {
                        "applicant_id": applicant.id,
                        "interviewer_id": user.id,
                        "rubric_id": cls.rubric.id,
                        "line_ids": [
                            Command.create(
                                {
                                    "criterion_id": criterion.id,
                                    "rating": rng.choice(
                                        [0, max(1, level - 1), level, level, level + 1]
                                    ),
                                }
                            )
                            for criterion in criteria
                        ],
                    }
                )
        cls.cards = cls.env["hr.interview.scorecard"].create(vals_list)
        cls.cards.write({"state": "submitted"})
        cls.applicants = applicants
        cls.setup_seconds = time.time() - started

    def test_volume(self):
        self.assertEqual(len(self.cards), 1000)
        self.assertLess(self.setup_seconds, 60)

    def test_consistency_stats_query_count(self):
        Scorecard = self.env["hr.interview.scorecard"].with_user(self.manager)
        domain = [("rubric_id", "=", self.rubric.id)]
        Scorecard.consistency_stats(domain)  # warm the rule and field caches
        self.env.invalidate_all()
        with self.assertQueryCount(1):
            stats = Scorecard.consistency_stats(domain)
        self.assertEqual(sum(row["scorecards"] for row in stats["interviewers"]), 1000)
        self.assertEqual(len(stats["interviewers"]), 10)
        # the SQL path gives what the ORM data give to the pure function
        rows = [
            (
                line.scorecard_id.id,
                card.applicant_id.id,
                line.criterion_id.id,
                card.interviewer_id.id,
                line.rating,
            )
            for card in self.cards
            for line in card.line_ids
        ]
        self.assertEqual(stats, consistency.consistency_stats(rows))
        self.assertEqual(stats["pairs"], 300)
        self.assertGreater(stats["icc_2_1"], 0)

    def test_panel_query_count(self):
        # One read_group for the ratings, then criterion names, interviewer
        # names (users, partners) and the language of the labels: the same
        # budget for 1 applicant as for 100 with 1,000 scorecards.
        self.env.invalidate_all()
        with self.assertQueryCount(8):
            self.applicants.mapped("scorecard_panel_html")
        self.env.invalidate_all()
        with self.assertQueryCount(8):
            self.applicants[:1].mapped("scorecard_panel_html")
