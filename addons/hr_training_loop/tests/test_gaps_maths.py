"""The gap rules on their own (no database)."""

import unittest

from .. import gaps


class TestGapRules(unittest.TestCase):
    def test_rating_to_level(self):
        self.assertEqual(gaps.rating_to_level(1), 0)
        self.assertEqual(gaps.rating_to_level(3), 50)
        self.assertEqual(gaps.rating_to_level(5), 100)
        self.assertIsNone(gaps.rating_to_level(0))

    def test_measure_blends_40_60(self):
        self.assertEqual(gaps.measure(80, 60), 68)
        self.assertEqual(gaps.measure(60, None), 60)
        self.assertEqual(gaps.measure(None, 50), 50)
        self.assertIsNone(gaps.measure(None, None))
        self.assertEqual(gaps.measure(80, 60, ai_weight=0.5), 70)

    def test_no_evidence_is_the_largest_gap(self):
        result = gaps.classify(70, None, is_core=False)
        self.assertEqual(result.gap, 70)
        self.assertFalse(result.has_evidence)
        self.assertEqual(result.status, "below")
        self.assertTrue(result.is_core_gap, "gap >= 20 on any competency")

    def test_status_bands(self):
        self.assertEqual(gaps.classify(70, 69.9, False).status, "below")
        self.assertEqual(gaps.classify(70, 70, False).status, "met")
        self.assertEqual(gaps.classify(70, 79.9, False).status, "met")
        self.assertEqual(gaps.classify(70, 80, False).status, "exceeds")

    def test_core_gap_thresholds(self):
        self.assertTrue(gaps.classify(70, 60, is_core=True).is_core_gap)
        self.assertFalse(gaps.classify(70, 60.5, is_core=True).is_core_gap)
        self.assertFalse(gaps.classify(70, 55, is_core=False).is_core_gap)
        self.assertTrue(gaps.classify(70, 50, is_core=False).is_core_gap)
        custom = gaps.classify(70, 65, True, settings={"core_gap_min": 5})
        self.assertTrue(custom.is_core_gap)

    def test_hr_cases(self):
        """The two cases HR teams describe."""
        # AI communication 60, no interview evidence; required 70, core.
        communication = gaps.classify(70, gaps.measure(60, None), True)
        self.assertEqual(communication.gap, 10)
        self.assertTrue(communication.is_core_gap)
        # Cross-department collaboration rated 3/5 = 50; required 70, core.
        collaboration = gaps.classify(
            70, gaps.measure(None, gaps.rating_to_level(3)), True
        )
        self.assertEqual(collaboration.gap, 20)
        self.assertTrue(collaboration.is_core_gap)
        # AI algorithm basics 80, skills-test practice ratings averaging 60
        # (3.4/5): engineering practice 0.4 * 80 + 0.6 * 60 = 68 vs 80.
        practice = gaps.classify(80, gaps.measure(80, gaps.rating_to_level(3.4)), True)
        self.assertEqual(practice.measured, 68)
        self.assertEqual(practice.gap, 12)
        self.assertTrue(practice.is_core_gap)
