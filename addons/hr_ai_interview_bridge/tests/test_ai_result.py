"""Storing, matching, mapping and processing AI-interview results."""

from odoo.exceptions import UserError

from .common import AiInterviewCase, make_payload


class TestAiResultIngest(AiInterviewCase):
    def test_done_result_lands_on_applicant(self):
        result = self.ingest(make_payload())
        self.assertEqual(result.state, "done")
        self.assertEqual(result.applicant_id, self.applicant)
        self.assertEqual(result.job_id, self.job)
        self.assertEqual(result.overall_score, 78)
        self.assertEqual(result.overall_percentile, 71)
        self.assertEqual(self.applicant.ai_result_id, result)
        self.assertEqual(self.applicant.ai_overall_score, 78)
        self.assertEqual(self.applicant.ai_score_band, "mid")
        scores = {line.dimension_id.code: line for line in result.score_ids}
        self.assertEqual(set(scores), {"logic", "teamwork"})
        self.assertEqual(scores["logic"].score, 90)
        self.assertEqual(scores["logic"].percentile, 85)
        self.assertFalse(scores["logic"].percentile_computed)
        self.assertEqual(
            scores["logic"].evidence,
            "Structured the estimation problem in three steps.",
        )
        self.assertEqual(self.applicant.ai_score_ids, result.score_ids)
        self.assertIn('"interview_id": "iv-test-0001"', result.payload)
        self.assertEqual(result.strengths, "Logic")
        self.assertEqual(result.weaknesses, "Teamwork")

    def test_score_domain_on_applicant(self):
        """The contract's domain on ai_score_ids selects applicants by score."""
        self.ingest(
            make_payload(
                dimensions=[
                    {"code": "technical", "score": 86},
                    {"code": "logic", "score": 50},
                ]
            )
        )
        weak = self._make_applicant("Weak One", "weak@example.com", self.job)
        self.ingest(
            make_payload(
                interview_id="iv-weak",
                applicant={"id": weak.id},
                dimensions=[{"code": "technical", "score": 70}],
            )
        )
        Applicant = self.env["hr.applicant"]
        found = Applicant.search(
            [
                (
                    "ai_score_ids",
                    "any",
                    [("dimension_id.code", "=", "technical"), ("score", ">=", 80)],
                )
            ]
        )
        self.assertEqual(found, self.applicant)

    def test_normalization_with_vendor_max(self):
        self.vendor.default_max_score = 10
        result = self.ingest(
            make_payload(
                overall=None,
                dimensions=[
                    {"code": "logic", "score": 7.5},
                    {"code": "teamwork", "score": 4, "max": 5},
                ],
            )
        )
        scores = {line.dimension_id.code: line for line in result.score_ids}
        self.assertEqual(scores["logic"].score, 75)
        self.assertEqual(scores["logic"].raw_score, 7.5)
        self.assertEqual(scores["logic"].max_score, 10)
        self.assertEqual(scores["teamwork"].score, 80)
        # No overall sent: mean of normalized dimension scores.
        self.assertEqual(result.overall_score, 77.5)

    def test_overall_absent_is_mean(self):
        payload = make_payload()
        del payload["data"]["overall"]
        result = self.ingest(payload)
        self.assertEqual(result.overall_score, 75)
        self.assertTrue(result.overall_percentile_computed)
        # A re-sent dimension moves the computed mean along.
        update = make_payload(dimensions=[{"code": "teamwork", "score": 80}])
        del update["data"]["overall"]
        self.ingest(update)
        self.assertEqual(result.overall_score, 85)

    def test_alias_then_code_then_unknown(self):
        self.env["hr.ai.interview.dimension.alias"].create(
            {
                "vendor_id": self.vendor.id,
                "code": "luoji",
                "dimension_id": self.dims["logic"].id,
            }
        )
        result = self.ingest(
            make_payload(
                dimensions=[
                    {"code": "luoji", "label": "逻辑", "score": 88},
                    {"code": "teamwork", "score": 61},
                    {"code": "creativity", "label": "Creativity", "score": 70},
                ]
            )
        )
        by_vendor_code = {line.vendor_code: line for line in result.score_ids}
        self.assertEqual(by_vendor_code["luoji"].dimension_id, self.dims["logic"])
        self.assertEqual(by_vendor_code["teamwork"].dimension_id, self.dims["teamwork"])
        creativity = by_vendor_code["creativity"].dimension_id
        self.assertEqual(creativity.code, "creativity")
        self.assertEqual(creativity.name, "Creativity")
        self.assertFalse(creativity.active, "unknown codes wait for review")
        self.assertTrue(creativity.auto_created)
        self.assertEqual(by_vendor_code["creativity"].score, 70, "score is kept")

    def test_percentiles_computed_among_same_job(self):
        """Share of strictly lower scores among done results of the same job."""
        peers = [
            ("p1@example.com", 50),
            ("p2@example.com", 60),
            ("p3@example.com", 80),
            ("p4@example.com", 90),
        ]
        for index, (email, score) in enumerate(peers):
            peer = self._make_applicant(f"Peer {index}", email, self.job)
            self.ingest(
                make_payload(
                    interview_id=f"iv-peer-{index}",
                    applicant={"id": peer.id},
                    overall=None,
                    dimensions=[{"code": "technical", "score": score}],
                )
            )
        # Same dimension for another job must not count.
        other = self._make_applicant("Other job", "other@example.com", self.other_job)
        self.ingest(
            make_payload(
                interview_id="iv-other",
                applicant={"id": other.id},
                dimensions=[{"code": "technical", "score": 10}],
            )
        )
        result = self.ingest(
            make_payload(
                interview_id="iv-me",
                overall=None,
                dimensions=[{"code": "technical", "score": 80}],
            )
        )
        line = result.score_ids
        self.assertTrue(line.percentile_computed)
        # 50 and 60 are strictly lower than 80 (80 is not): 2 of 4.
        self.assertEqual(line.percentile, 50)
        self.assertEqual(result.overall_percentile, 50)
        self.assertIn("higher than 50% of candidates", line.sentence)

    def test_same_key_new_delivery_updates_and_keeps_omitted(self):
        first = self.ingest(make_payload())
        update = make_payload(
            report_url="https://vendor.example/r/v2",
            dimensions=[{"code": "teamwork", "score": 70}],
        )
        for key in ("transcript", "recording_url", "language", "overall"):
            del update["data"][key]
        second = self.ingest(update)
        self.assertEqual(second, first, "same vendor/interview/attempt: one result")
        self.assertEqual(first.report_url, "https://vendor.example/r/v2")
        self.assertEqual(first.transcript, "Q: Tell me about a project. A: ...")
        self.assertEqual(first.recording_url, "https://vendor.example/v/abc")
        self.assertEqual(first.overall_score, 78, "omitted overall is kept")
        scores = {line.dimension_id.code: line.score for line in first.score_ids}
        self.assertEqual(scores, {"logic": 90, "teamwork": 70})

    def test_new_attempt_is_new_result_and_becomes_latest(self):
        first = self.ingest(make_payload())
        retake = self.ingest(
            make_payload(
                attempt=2,
                completed_at="2026-12-20T10:00:00Z",
                overall={"score": 88},
            )
        )
        self.assertNotEqual(first, retake)
        self.assertEqual(self.applicant.ai_result_ids, first | retake)
        self.assertEqual(self.applicant.ai_result_id, retake)
        self.assertEqual(self.applicant.ai_overall_score, 88)
        self.assertEqual(self.applicant.ai_score_ids, retake.score_ids)
        self.assertFalse(first.score_ids.current_applicant_id)

    def test_chatter_summary_posted_once(self):
        before = len(self.applicant.message_ids)
        self.ingest(make_payload())
        messages = self.applicant.message_ids[
            : len(self.applicant.message_ids) - before
        ]
        summaries = messages.filtered(lambda m: "AI interview result" in (m.body or ""))
        self.assertEqual(len(summaries), 1)
        body = summaries.body
        self.assertIn("Overall 78 - higher than 71% of candidates", body)
        self.assertIn("Strengths: Logic", body)
        self.assertIn("Weaknesses: Teamwork", body)
        self.assertIn("https://vendor.example/r/abc", body)
        self.assertIn("Teamwork 60 - the first candidate scored for this job", body)


class TestAiResultMatching(AiInterviewCase):
    def test_match_by_id(self):
        result = self.ingest(make_payload(applicant={"id": self.applicant.id}))
        self.assertEqual(result.applicant_id, self.applicant)

    def test_id_with_other_email_is_unmatched(self):
        result = self.ingest(
            make_payload(applicant={"id": self.applicant.id, "email": "x@example.com"})
        )
        self.assertEqual(result.state, "unmatched")
        self.assertFalse(result.applicant_id)
        self.assertIn("email is not x@example.com", result.error_message)

    def test_unknown_id_is_unmatched(self):
        result = self.ingest(make_payload(applicant={"id": 999999999}))
        self.assertEqual(result.state, "unmatched")

    def test_email_is_case_insensitive(self):
        result = self.ingest(make_payload(applicant={"email": "LI.LEI@example.com"}))
        self.assertEqual(result.applicant_id, self.applicant)

    def test_several_open_applications_unmatched_then_job_narrows(self):
        second = self.env["hr.applicant"].create(
            {
                "candidate_id": self.applicant.candidate_id.id,
                "job_id": self.other_job.id,
            }
        )
        result = self.ingest(make_payload())
        self.assertEqual(result.state, "unmatched")
        self.assertIn("Several open applications", result.error_message)
        narrowed = self.ingest(
            make_payload(interview_id="iv-2", job={"id": self.other_job.id})
        )
        self.assertEqual(narrowed.applicant_id, second)
        self.assertEqual(narrowed.job_id, self.other_job)

    def test_refused_application_is_not_matched_by_email(self):
        self.applicant.action_archive()
        result = self.ingest(make_payload())
        self.assertEqual(result.state, "unmatched")
        self.assertIn("No open application", result.error_message)

    def test_unmatched_then_matched_by_recruiter(self):
        result = self.ingest(make_payload(applicant={"email": "nobody@example.com"}))
        self.assertEqual(result.state, "unmatched")
        self.assertFalse(self.applicant.ai_result_id)
        with self.assertRaises(UserError):
            result.with_user(self.officer).action_match()
        result.with_user(self.officer).applicant_id = self.applicant
        result.with_user(self.officer).action_match()
        self.assertEqual(result.state, "done")
        self.assertEqual(result.job_id, self.job)
        self.assertEqual(self.applicant.ai_result_id, result)

    def test_processing_failure_keeps_result_then_retry(self):
        """A failing follow-up step stores the result in error; Retry finishes."""
        Result = self.env.registry["hr.ai.interview.result"]
        original = Result._post_process_hook

        def failing(records):
            raise ValueError("follow-up failed")

        Result._post_process_hook = failing
        try:
            result = self.ingest(make_payload())
        finally:
            Result._post_process_hook = original
        self.assertEqual(result.state, "error")
        self.assertIn("follow-up failed", result.error_message)
        self.assertEqual(len(result.score_ids), 2, "scores are kept")
        self.assertFalse(self.applicant.ai_result_id)
        result.with_user(self.officer).action_retry()
        self.assertEqual(result.state, "done")
        self.assertEqual(self.applicant.ai_result_id, result)


class TestAiResultCost(AiInterviewCase):
    def test_query_count_of_one_delivery(self):
        """Lock the cost of storing and processing one 8-dimension delivery."""
        payload = make_payload(
            dimensions=[
                {"code": code, "score": 50 + index * 5}
                for index, code in enumerate(
                    [
                        "logic",
                        "communication",
                        "teamwork",
                        "technical",
                        "potential",
                        "experience",
                        "learning_agility",
                        "stress_tolerance",
                    ]
                )
            ]
        )
        self.ingest(make_payload(interview_id="iv-warmup"))  # warm caches
        self.env.invalidate_all()
        with self.assertQueryCount(89):
            result = self.ingest(payload)
        self.assertEqual(len(result.score_ids), 8)
