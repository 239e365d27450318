"""Cut-off maths (pure Python, no database)."""

import unittest

from ..analytics import cutoff


def row(score, successful, decided=True, reached_later=None):
    reached = successful if reached_later is None else reached_later
    return (score, reached, successful, decided)


class TestBands(unittest.TestCase):
    def test_band_edges(self):
        self.assertEqual(cutoff.band_of(0), "0-59")
        self.assertEqual(cutoff.band_of(59.99), "0-59")
        self.assertEqual(cutoff.band_of(60), "60-79")
        self.assertEqual(cutoff.band_of(79.5), "60-79")
        self.assertEqual(cutoff.band_of(80), "80-100")
        self.assertEqual(cutoff.band_of(100), "80-100")
        self.assertIsNone(cutoff.band_of(None))
        self.assertIsNone(cutoff.band_of(-1))

    def test_band_rates(self):
        rows = [
            row(40, False),
            row(50, False, reached_later=True),
            row(65, True),
            row(70, False),
            row(75, False, decided=False, reached_later=True),
            row(90, True),
        ]
        low, mid, high = cutoff.band_rates(rows)
        self.assertEqual(low["band"], "0-59")
        self.assertEqual((low["count"], low["reached_later"]), (2, 1))
        self.assertEqual(low["pass_rate"], 50.0)
        self.assertEqual(low["success_rate"], 0.0)
        # The undecided applicant counts in the pass rate, not the success rate.
        self.assertEqual((mid["count"], mid["decided"], mid["successful"]), (3, 2, 1))
        self.assertEqual(mid["pass_rate"], 66.67)
        self.assertEqual(mid["success_rate"], 50.0)
        self.assertEqual(high["pass_rate"], 100.0)

    def test_empty_band_has_no_rate(self):
        (low, mid, high) = cutoff.band_rates([row(90, True)])
        self.assertEqual(low["count"], 0)
        self.assertIsNone(low["pass_rate"])
        self.assertIsNone(mid["success_rate"])
        self.assertEqual(high["count"], 1)


class TestYouden(unittest.TestCase):
    def test_perfect_separation(self):
        rows = [row(s, False) for s in (30, 40, 55)] + [
            row(s, True) for s in (70, 80, 95)
        ]
        advice = cutoff.youden_threshold(rows)
        # Any cut in (55, 70] separates perfectly; the lowest observed is 70.
        self.assertEqual(advice["threshold"], 70.0)
        self.assertEqual(advice["j"], 1.0)
        self.assertEqual(advice["kept_successful"], 100.0)
        self.assertEqual(advice["cut_unsuccessful"], 100.0)
        self.assertFalse(advice["reliable"], "3 per class is too few")

    def test_overlap_worked_example(self):
        # successful: 60 70 80 90; unsuccessful: 50 60 65 85
        # cut 70: kept 3/4 successful, 1/4 unsuccessful -> J = 0.5 (best)
        # cut 60: 4/4 - 3/4 = 0.25; cut 80: 2/4 - 1/4 = 0.25
        rows = [row(s, True) for s in (60, 70, 80, 90)] + [
            row(s, False) for s in (50, 60, 65, 85)
        ]
        advice = cutoff.youden_threshold(rows)
        self.assertEqual(advice["threshold"], 70.0)
        self.assertEqual(advice["j"], 0.5)
        self.assertEqual(advice["kept_successful"], 75.0)
        self.assertEqual(advice["cut_unsuccessful"], 75.0)
        self.assertEqual((advice["successful"], advice["unsuccessful"]), (4, 4))

    def test_tie_keeps_the_lower_cut(self):
        # cut 60 and cut 80 both give J = 0.5: the lower one keeps more.
        rows = [row(60, True), row(80, True), row(70, False), row(50, False)]
        self.assertEqual(cutoff.youden_threshold(rows)["threshold"], 60.0)

    def test_no_separation_keeps_everyone(self):
        rows = [row(70, True), row(70, False)]
        advice = cutoff.youden_threshold(rows)
        self.assertEqual(advice["threshold"], 0.0)
        self.assertEqual(advice["j"], 0.0)

    def test_undecided_rows_are_ignored(self):
        rows = [row(90, True), row(40, False), row(10, True, decided=False)]
        self.assertEqual(cutoff.youden_threshold(rows)["threshold"], 90.0)

    def test_one_class_only(self):
        self.assertIsNone(cutoff.youden_threshold([row(80, True), row(90, True)]))
        self.assertIsNone(cutoff.youden_threshold([]))

    def test_reliable_with_enough_of_each(self):
        rows = [row(50 + i, True) for i in range(5)] + [
            row(20 + i, False) for i in range(5)
        ]
        self.assertTrue(cutoff.youden_threshold(rows)["reliable"])


class TestPearson(unittest.TestCase):
    def test_known_values(self):
        self.assertAlmostEqual(cutoff.pearson([1, 2, 3], [2, 4, 6]), 1.0)
        self.assertAlmostEqual(cutoff.pearson([1, 2, 3], [3, 2, 1]), -1.0)
        # Anscombe's quartet, set I: r = 0.816
        x = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5]
        y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68]
        self.assertAlmostEqual(cutoff.pearson(x, y), 0.816, places=3)

    def test_undefined(self):
        self.assertIsNone(cutoff.pearson([1], [1]))
        self.assertIsNone(cutoff.pearson([1, 1, 1], [1, 2, 3]))
        with self.assertRaises(ValueError):
            cutoff.pearson([1, 2], [1])
