"""Historical import of AI results from CSV: dry run, then import."""

import base64

from odoo.exceptions import UserError

from .common import AiInterviewCase, make_payload

CSV = (
    "interview_id,attempt,applicant_email,completed_at,overall_score,"
    "dimension,score,max\n"
    """old-1,1,li.lei@example.com,2025-06-01T10:00:00Z,70,logic,80,100
old-1,1,li.lei@example.com,2025-06-01T10:00:00Z,70,teamwork,60,100
old-2,1,nobody@example.com,2025-06-02T10:00:00Z,,technical,9,10
old-3,1,li.lei@example.com,not a date,,logic,120,100
iv-test-0001,1,li.lei@example.com,2026-11-20T10:00:00Z,90,logic,95,100
"""
)


class TestAiImport(AiInterviewCase):
    def _wizard(self, text=CSV):
        return (
            self.env["hr.ai.interview.import"]
            .with_user(self.manager)
            .create(
                {
                    "vendor_id": self.vendor.id,
                    "file": base64.b64encode(text.encode()),
                    "filename": "past.csv",
                }
            )
        )

    def test_dry_run_then_import(self):
        existing = self.ingest(make_payload())  # iv-test-0001 attempt 1
        Result = self.env["hr.ai.interview.result"]
        before = Result.search_count([])
        wizard = self._wizard()
        wizard.action_check()
        self.assertEqual(Result.search_count([]), before, "a dry run writes nothing")
        by_ref = {line.interview_ref: line for line in wizard.line_ids}
        self.assertEqual(by_ref["old-1"].action, "create")
        self.assertEqual(by_ref["old-1"].rows, "2, 3")
        self.assertEqual(by_ref["old-2"].action, "create")
        self.assertEqual(by_ref["old-3"].action, "reject")
        self.assertIn("data.completed_at", by_ref["old-3"].message)
        self.assertIn("data.dimensions[0].score", by_ref["old-3"].message)
        self.assertEqual(by_ref["iv-test-0001"].action, "update")
        self.assertEqual(
            (wizard.create_count, wizard.update_count, wizard.reject_count), (2, 1, 1)
        )

        wizard.action_import()
        self.assertEqual(wizard.state, "done")
        self.assertEqual(Result.search_count([]), before + 2)
        old1 = Result.search([("interview_ref", "=", "old-1")])
        self.assertEqual(old1.state, "done")
        self.assertEqual(old1.applicant_id, self.applicant)
        self.assertEqual(len(old1.score_ids), 2)
        old2 = Result.search([("interview_ref", "=", "old-2")])
        self.assertEqual(old2.state, "unmatched", "kept, waiting to be matched")
        self.assertEqual(old2.score_ids.score, 90, "9 out of a max of 10")
        self.assertEqual(existing.overall_score, 90, "updated in place")
        self.assertFalse(Result.search([("interview_ref", "=", "old-3")]))

    def test_bad_files_are_refused_clearly(self):
        with self.assertRaisesRegex(UserError, "Missing columns: .*completed_at"):
            self._wizard("interview_id,dimension,score\nx,logic,5\n").action_check()
        with self.assertRaisesRegex(UserError, "no data rows"):
            self._wizard("interview_id,completed_at,dimension,score\n").action_check()
        bad = self.env["hr.ai.interview.import"].create(
            {"vendor_id": self.vendor.id, "file": base64.b64encode(b"\xff\xfe\x00")}
        )
        with self.assertRaisesRegex(UserError, "UTF-8"):
            bad.action_check()
