"""Scorecard maths and inter-rater statistics (pure Python, no database)."""

import itertools
import unittest

from ..analytics import consistency

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
# 4 observers x 12 units, values 1-5, None = missing.  Published: nominal
# 0.743, ordinal 0.815, interval 0.849.
N = None
KRIPPENDORFF_2011 = list(
    zip(
        [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
        [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
        strict=True,
    )
)

# Shrout & Fleiss (1979), table 2: 6 targets x 4 judges.  Published
# ICC(2,1) = 0.29.
SHROUT_FLEISS = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
]

# Hand-computed panel fixture (also built as records in test_consistency.py).
# Applicants A, B, C; criteria X, Y; interviewers 1, 2, 3; 0 = no decision.
#   scorecard  applicant  interviewer  X  Y
#   1          A          1            4  3
#   2          A          2            2  3
#   3          B          1            5  0
#   4          B          2            4  2
#   5          B          3            3  4
#   6          C          1            5  0
#   7          C          2            4  1
A, B, C = "A", "B", "C"
X, Y = "X", "Y"
PANEL = {
    1: (A, 1, {X: 4, Y: 3}),
    2: (A, 2, {X: 2, Y: 3}),
    3: (B, 1, {X: 5, Y: 0}),
    4: (B, 2, {X: 4, Y: 2}),
    5: (B, 3, {X: 3, Y: 4}),
    6: (C, 1, {X: 5, Y: 0}),
    7: (C, 2, {X: 4, Y: 1}),
}
# Pairs rated by >= 2 scorecards: AX [4,2] AY [3,3] BX [5,4,3] BY [2,4] CX [5,4]
# (CY has one rating).  Spread >= 2: AX, BX, BY -> 3 / 5 = 0.6.
#
# ICC(2,1): rater sets {1,2}: AX AY CX (3 targets), {1,2,3}: BX, {2,3}: BY.
# Largest complete block, raters (1, 2): [[4,2],[3,3],[5,4]], n=3, k=2.
#   grand mean 21/6 = 3.5; row means 3, 3, 4.5; column means 4, 3
#   SSR = 2 (0.25 + 0.25 + 1) = 3          MSR = 3 / 2 = 1.5
#   SSC = 3 (0.25 + 0.25) = 1.5            MSC = 1.5 / 1 = 1.5
#   SST = 5.5, SSE = 5.5 - 3 - 1.5 = 1     MSE = 1 / 2 = 0.5
#   ICC = (1.5 - 0.5) / (1.5 + 0.5 + 2 (1.5 - 0.5) / 3) = 1 / (8/3) = 0.375
#
# Ordinal alpha, units AX AY BX BY CX.  Coincidences (ordered pairs):
#   o24 = o42 = 2 (AX, BY), o33 = 2 (AY), o45 = o54 = 1.5 (BX 0.5 + CX 1),
#   o35 = o53 = 0.5, o34 = o43 = 0.5 (BX).  Marginals n2=2 n3=3 n4=4 n5=2,
#   n = 11.  Ordinal d2: d23 = 2.5^2 = 6.25, d24 = 6^2 = 36, d25 = 9^2 = 81,
#   d34 = 3.5^2 = 12.25, d35 = 6.5^2 = 42.25, d45 = 3^2 = 9.
#   observed = 2 (2*36 + 1.5*9 + 0.5*42.25 + 0.5*12.25) = 225.5
#   expected = 2 (6*6.25 + 8*36 + 4*81 + 12*12.25 + 6*42.25 + 8*9) = 2244
#   alpha = 1 - 10 * 225.5 / 2244 = -11 / 2244 = -0.0049
#
# Mean deviation (own - mean of the others on the pair):
#   1: AX +2, AY 0, BX 5-3.5 = +1.5, CX +1          -> 4.5 / 4 = 1.125
#   2: AX -2, AY 0, BX 4-4 = 0, BY -2, CX -1        -> -5 / 5 = -1.0
#   3: BX 3-4.5 = -1.5, BY +2                        -> 0.5 / 2 = 0.25
# No-decision rate: 1: 2 of 6 lines; 2 and 3: none.
PANEL_EXPECTED = {
    "pairs": 5,
    "disagreement_rate": 0.6,
    "icc_2_1": 0.375,
    "krippendorff_alpha": -11 / 2244,
    "interviewers": [
        {
            "user_id": 1,
            "scorecards": 3,
            "distribution": {"1": 0, "2": 0, "3": 1, "4": 1, "5": 2},
            "mean_deviation": 1.125,
            "no_decision_rate": 1 / 3,
        },
        {
            "user_id": 2,
            "scorecards": 3,
            "distribution": {"1": 1, "2": 2, "3": 1, "4": 2, "5": 0},
            "mean_deviation": -1.0,
            "no_decision_rate": 0.0,
        },
        {
            "user_id": 3,
            "scorecards": 1,
            "distribution": {"1": 0, "2": 0, "3": 1, "4": 1, "5": 0},
            "mean_deviation": 0.25,
            "no_decision_rate": 0.0,
        },
    ],
}


def panel_rows(panel=None):
    """The ``(scorecard, applicant, criterion, interviewer, rating)`` rows of
    ``panel`` (default ``PANEL``)."""
    panel = PANEL if panel is None else panel
    return [
        (scorecard, applicant, criterion, interviewer, rating)
        for scorecard, (applicant, interviewer, ratings) in panel.items()
        for criterion, rating in ratings.items()
    ]


def brute_force_ordinal_alpha(units):
    """Alpha from its pairwise definition, 1 - D_o / D_e, with the ordinal
    distance computed from raw value counts (independent of the coincidence
    matrix of the implementation)."""
    pairable = [[v for v in unit if v is not None] for unit in units]
    pairable = [unit for unit in pairable if len(unit) >= 2]
    values = [v for unit in pairable for v in unit]
    n = len(values)
    counts = {v: values.count(v) for v in set(values)}

    def delta(c, k):
        low, high = min(c, k), max(c, k)
        between = sum(n_g for g, n_g in counts.items() if low <= g <= high)
        return (between - (counts[c] + counts[k]) / 2) ** 2

    observed = (
        sum(
            sum(delta(a, b) for a, b in itertools.permutations(unit, 2))
            / (len(unit) - 1)
            for unit in pairable
        )
        / n
    )
    expected = sum(delta(a, b) for a, b in itertools.permutations(values, 2)) / (
        n * (n - 1)
    )
    return 1 - observed / expected


class TestWeightedScore(unittest.TestCase):
    def test_extremes(self):
        self.assertEqual(consistency.weighted_score([(1, 1), (2, 1)]), 0.0)
        self.assertEqual(consistency.weighted_score([(1, 5), (2, 5)]), 100.0)

    def test_weights(self):
        # 100 * (3 * 3/4 + 1 * 1/4) / 4 = 100 * 2.5 / 4 = 62.5
        self.assertEqual(consistency.weighted_score([(3, 4), (1, 2)]), 62.5)
        # 100 * (1 * 2/4 + 1 * 1/4 + 2 * 4/4) / 4 = 100 * 2.75 / 4 = 68.75
        self.assertEqual(consistency.weighted_score([(1, 3), (1, 2), (2, 5)]), 68.75)

    def test_no_decision_lines_are_left_out(self):
        # Same as [(3, 4)] alone: 100 * 3/4 = 75, whatever the weight of the
        # no-decision line.
        self.assertEqual(consistency.weighted_score([(3, 4), (10, 0)]), 75.0)
        self.assertEqual(consistency.weighted_score([(3, 4), (1, None)]), 75.0)

    def test_nothing_rated_is_no_score(self):
        self.assertIsNone(consistency.weighted_score([]))
        self.assertIsNone(consistency.weighted_score([(1, 0), (2, 0)]))

    def test_rounded_to_two_decimals(self):
        # 100 * (1/4 + 1/4 + 2/4) / 3 = 33.333...
        self.assertEqual(consistency.weighted_score([(1, 2), (1, 2), (1, 3)]), 33.33)

    def test_non_positive_weight(self):
        with self.assertRaises(ValueError):
            consistency.weighted_score([(0, 3)])


class TestIcc(unittest.TestCase):
    def test_shrout_fleiss_published_example(self):
        self.assertAlmostEqual(consistency.icc_2_1(SHROUT_FLEISS), 0.29, places=2)
        # exact: (MSR - MSE) / (...) = 0.28976...
        self.assertAlmostEqual(consistency.icc_2_1(SHROUT_FLEISS), 0.289764, places=5)

    def test_hand_computed(self):
        self.assertAlmostEqual(consistency.icc_2_1([[4, 2], [3, 3], [5, 4]]), 0.375)

    def test_perfect_agreement(self):
        self.assertAlmostEqual(consistency.icc_2_1([[1, 1], [3, 3], [5, 5]]), 1.0)

    def test_not_computable(self):
        self.assertIsNone(consistency.icc_2_1([]))
        self.assertIsNone(consistency.icc_2_1([[3, 4]]), "one target")
        self.assertIsNone(consistency.icc_2_1([[3], [4]]), "one rater")
        self.assertIsNone(consistency.icc_2_1([[3, 3], [3, 3]]), "no variance")
        self.assertIsNone(consistency.icc_2_1([[3, 4], [4]]), "ragged")

    def test_largest_complete_matrix(self):
        targets = [{1: 4, 2: 2}, {1: 3, 2: 3}, {1: 5, 2: 4, 3: 3}, {2: 2, 3: 4}]
        targets.append({1: 5, 2: 4})
        matrix, raters = consistency.largest_complete_matrix(targets)
        self.assertEqual(raters, (1, 2))
        self.assertEqual(matrix, [[4, 2], [3, 3], [5, 4]])
        # tie on the number of targets: more raters wins
        matrix, raters = consistency.largest_complete_matrix(
            [{1: 1, 2: 2}, {1: 1, 2: 2, 3: 3}]
        )
        self.assertEqual(raters, (1, 2, 3))
        self.assertEqual(consistency.largest_complete_matrix([{1: 3}]), ([], ()))


class TestKrippendorffAlpha(unittest.TestCase):
    def test_published_example(self):
        alpha = consistency.krippendorff_alpha
        self.assertAlmostEqual(alpha(KRIPPENDORFF_2011, "nominal"), 0.743, places=3)
        self.assertAlmostEqual(alpha(KRIPPENDORFF_2011, "ordinal"), 0.815, places=3)
        self.assertAlmostEqual(alpha(KRIPPENDORFF_2011, "interval"), 0.849, places=3)

    def test_ordinal_matches_brute_force(self):
        datasets = [
            KRIPPENDORFF_2011,
            [[4, 2], [3, 3], [5, 4, 3], [2, 4], [5, 4]],
            [[1, 2, 2], [5, 5], [3, 1, None, 4], [2, 2, 2], [1], [4, 5, 5, 3]],
        ]
        for units in datasets:
            with self.subTest(units=units):
                self.assertAlmostEqual(
                    consistency.krippendorff_alpha(units, "ordinal"),
                    brute_force_ordinal_alpha(units),
                )

    def test_hand_computed(self):
        units = [[4, 2], [3, 3], [5, 4, 3], [2, 4], [5, 4]]
        self.assertAlmostEqual(consistency.krippendorff_alpha(units), -11 / 2244)

    def test_perfect_agreement(self):
        self.assertAlmostEqual(
            consistency.krippendorff_alpha([[1, 1], [3, 3, 3], [5, 5]]), 1.0
        )

    def test_not_computable(self):
        self.assertIsNone(consistency.krippendorff_alpha([]))
        self.assertIsNone(consistency.krippendorff_alpha([[3], [4]]), "unpairable")
        self.assertIsNone(consistency.krippendorff_alpha([[3, 3], [3, 3]]), "one value")

    def test_ordinal_ignores_unused_categories(self):
        # Only the order matters: relabelling 1..3 as 1, 3, 5 changes nothing.
        units = [[1, 2], [2, 3], [3, 3], [1, 1, 2]]
        relabelled = [[{1: 1, 2: 3, 3: 5}[v] for v in unit] for unit in units]
        self.assertAlmostEqual(
            consistency.krippendorff_alpha(units),
            consistency.krippendorff_alpha(relabelled),
        )


class TestConsistencyStats(unittest.TestCase):
    def assertStatsEqual(self, stats, expected):
        for key in ("pairs", "disagreement_rate", "icc_2_1", "krippendorff_alpha"):
            with self.subTest(key=key):
                if expected[key] is None:
                    self.assertIsNone(stats[key])
                else:
                    self.assertAlmostEqual(stats[key], expected[key])
        self.assertEqual(
            [row["user_id"] for row in stats["interviewers"]],
            [row["user_id"] for row in expected["interviewers"]],
        )
        for got, want in zip(
            stats["interviewers"], expected["interviewers"], strict=True
        ):
            with self.subTest(user=want["user_id"]):
                self.assertEqual(got["scorecards"], want["scorecards"])
                self.assertEqual(got["distribution"], want["distribution"])
                self.assertAlmostEqual(got["mean_deviation"], want["mean_deviation"])
                self.assertAlmostEqual(
                    got["no_decision_rate"], want["no_decision_rate"]
                )

    def test_hand_computed_panel(self):
        self.assertStatsEqual(
            consistency.consistency_stats(panel_rows()), PANEL_EXPECTED
        )

    def test_row_order_does_not_matter(self):
        rows = list(reversed(panel_rows()))
        self.assertStatsEqual(consistency.consistency_stats(rows), PANEL_EXPECTED)

    def test_empty(self):
        self.assertEqual(
            consistency.consistency_stats([]),
            {
                "pairs": 0,
                "disagreement_rate": None,
                "icc_2_1": None,
                "krippendorff_alpha": None,
                "interviewers": [],
            },
        )

    def test_scorecard_without_lines_still_counts(self):
        stats = consistency.consistency_stats([(9, A, None, 4, None)])
        self.assertEqual(stats["interviewers"][0]["scorecards"], 1)
        self.assertIsNone(stats["interviewers"][0]["no_decision_rate"])
        self.assertIsNone(stats["interviewers"][0]["mean_deviation"])

    def test_single_ratings_make_no_pair(self):
        stats = consistency.consistency_stats([(1, A, X, 1, 4), (2, A, X, 2, 0)])
        self.assertEqual(stats["pairs"], 0)
        self.assertIsNone(stats["disagreement_rate"])
        self.assertEqual(stats["interviewers"][1]["no_decision_rate"], 1.0)
