"""Score maths used by the intake (pure Python, no database)."""

import unittest

from ..intake import normalize


class TestNormalizeScore(unittest.TestCase):
    def test_scales(self):
        self.assertEqual(normalize.normalize_score(4, 5), 80.0)
        self.assertEqual(normalize.normalize_score(7.5, 10), 75.0)
        self.assertEqual(normalize.normalize_score(62, 100), 62.0)
        self.assertEqual(normalize.normalize_score(0, 5), 0.0)
        self.assertEqual(normalize.normalize_score(5, 5), 100.0)

    def test_rounded_to_two_decimals(self):
        self.assertEqual(normalize.normalize_score(2, 3), 66.67)
        self.assertEqual(normalize.normalize_score(1, 3), 33.33)
        self.assertEqual(normalize.normalize_score(1, 7), 14.29)
        self.assertIsInstance(normalize.normalize_score(1, 1), float)

    def test_non_positive_max(self):
        for bad in (0, -5, 0.0):
            with self.subTest(max=bad), self.assertRaises(ValueError):
                normalize.normalize_score(1, bad)


class TestOverall(unittest.TestCase):
    def test_mean(self):
        self.assertEqual(normalize.overall_from_dimensions([80.0, 60.0]), 70.0)
        self.assertEqual(normalize.overall_from_dimensions([50.0]), 50.0)
        self.assertEqual(normalize.overall_from_dimensions([100.0, 0.0, 0.0]), 33.33)
        self.assertEqual(
            normalize.overall_from_dimensions([66.67, 66.67, 66.66]), 66.67
        )

    def test_empty_is_none(self):
        self.assertIsNone(normalize.overall_from_dimensions([]))

    def test_accepts_any_iterable(self):
        self.assertEqual(normalize.overall_from_dimensions(iter([10.0, 20.0])), 15.0)

    def test_no_float_drift(self):
        self.assertEqual(normalize.overall_from_dimensions([0.1] * 10), 0.1)


class TestPercentileRank(unittest.TestCase):
    def test_strictly_lower_share(self):
        population = [10, 20, 30, 40]
        self.assertEqual(normalize.percentile_rank(25, population), 50.0)
        self.assertEqual(normalize.percentile_rank(5, population), 0.0)
        self.assertEqual(normalize.percentile_rank(50, population), 100.0)

    def test_ties_not_counted(self):
        population = [10, 20, 20, 30]
        # Only 10 is strictly lower than 20.
        self.assertEqual(normalize.percentile_rank(20, population), 25.0)
        self.assertEqual(normalize.percentile_rank(10, population), 0.0)
        self.assertEqual(normalize.percentile_rank(30, population), 75.0)
        self.assertEqual(normalize.percentile_rank(7, [7, 7, 7]), 0.0)

    def test_value_included_in_population(self):
        # The best of three, itself included: two of three are lower.
        self.assertEqual(normalize.percentile_rank(90, [50, 70, 90]), 66.67)

    def test_rounding(self):
        self.assertEqual(normalize.percentile_rank(2, [1, 2, 3]), 33.33)

    def test_empty_population(self):
        self.assertEqual(normalize.percentile_rank(50, []), 0.0)
        self.assertEqual(normalize.percentile_rank(50, iter(())), 0.0)

    def test_generator_population(self):
        self.assertEqual(normalize.percentile_rank(3, (x for x in range(10))), 30.0)


class TestStrengthsWeaknesses(unittest.TestCase):
    def test_basic(self):
        scores = {"a": 90, "b": 40, "c": 75, "d": 20, "e": 60}
        self.assertEqual(
            normalize.strengths_weaknesses(scores), (["a", "c"], ["d", "b"])
        )

    def test_n(self):
        scores = {"a": 90, "b": 40, "c": 75, "d": 20, "e": 60, "f": 10, "g": 50}
        self.assertEqual(
            normalize.strengths_weaknesses(scores, n=3),
            (["a", "c", "e"], ["f", "d", "b"]),
        )
        self.assertEqual(normalize.strengths_weaknesses(scores, n=1), (["a"], ["f"]))
        self.assertEqual(normalize.strengths_weaknesses(scores, n=0), ([], []))

    def test_ties_broken_by_code(self):
        scores = {"z": 80, "m": 80, "a": 80, "k": 30, "b": 30, "x": 30}
        self.assertEqual(
            normalize.strengths_weaknesses(scores), (["a", "m"], ["b", "k"])
        )

    def test_all_equal(self):
        scores = {"c": 50, "a": 50, "b": 50, "d": 50}
        self.assertEqual(
            normalize.strengths_weaknesses(scores), (["a", "b"], ["c", "d"])
        )

    def test_fewer_than_two_n_items_never_overlap(self):
        self.assertEqual(
            normalize.strengths_weaknesses({"a": 90, "b": 40, "c": 75}),
            (["a", "c"], ["b"]),
        )
        self.assertEqual(
            normalize.strengths_weaknesses({"a": 90, "b": 40}), (["a", "b"], [])
        )
        self.assertEqual(normalize.strengths_weaknesses({"a": 1}), (["a"], []))

    def test_empty(self):
        self.assertEqual(normalize.strengths_weaknesses({}), ([], []))

    def test_disjoint_for_many_sizes(self):
        for size in range(8):
            scores = {f"d{i}": (i * 37) % 11 for i in range(size)}
            with self.subTest(size=size):
                strengths, weaknesses = normalize.strengths_weaknesses(scores)
                self.assertFalse(set(strengths) & set(weaknesses))
                self.assertEqual(len(strengths), min(2, size))
                self.assertEqual(len(weaknesses), min(2, max(0, size - 2)))

    def test_negative_n(self):
        with self.assertRaises(ValueError):
            normalize.strengths_weaknesses({"a": 1}, n=-1)
