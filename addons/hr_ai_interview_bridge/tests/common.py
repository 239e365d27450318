"""Shared fixtures: users per role, a job, applicants, a vendor, payloads."""

import base64
import copy
import json
import time
import uuid

from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

from ..intake import schema, signature

# A fixed secret so tests can sign requests.
TEST_SECRET = "whsec_" + base64.b64encode(b"k" * 32).decode()

BASE_PAYLOAD = {
    "type": "interview.completed",
    "timestamp": "2026-11-20T10:05:00Z",
    "data": {
        "interview_id": "iv-test-0001",
        "attempt": 1,
        "applicant": {"email": "li.lei@example.com", "name": "Li Lei"},
        "completed_at": "2026-11-20T10:00:00Z",
        "overall": {"score": 78, "max": 100, "percentile": 71},
        "dimensions": [
            {
                "code": "logic",
                "label": "逻辑思维",
                "score": 90,
                "max": 100,
                "percentile": 85,
                "evidence": "Structured the estimation problem in three steps.",
            },
            {"code": "teamwork", "label": "团队协作", "score": 60, "max": 100},
        ],
        "report_url": "https://vendor.example/r/abc",
        "recording_url": "https://vendor.example/v/abc",
        "transcript": "Q: Tell me about a project. A: ...",
        "language": "zh_CN",
    },
}


def make_payload(**data_overrides):
    """A deep copy of BASE_PAYLOAD with keys of ``data`` replaced."""
    payload = copy.deepcopy(BASE_PAYLOAD)
    payload["data"].update(data_overrides)
    return payload


def signed_headers(body, secret=TEST_SECRET, webhook_id=None, timestamp=None):
    """Standard Webhooks headers for ``body`` (bytes)."""
    webhook_id = webhook_id or f"msg_{uuid.uuid4().hex}"
    timestamp = int(time.time()) if timestamp is None else timestamp
    return {
        "Content-Type": "application/json",
        "webhook-id": webhook_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature.sign(secret, webhook_id, timestamp, body),
    }


def dumps(payload):
    return json.dumps(payload, ensure_ascii=False).encode()


class AiInterviewCommon:
    """Mixin building the same world for TransactionCase and HttpCase."""

    @classmethod
    def _setup_ai_world(cls):
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.manager = new_test_user(
            cls.env,
            login="ai_manager",
            name="AI Manager",
            groups="base.group_user,hr_recruitment.group_hr_recruitment_manager",
        )
        cls.officer = new_test_user(
            cls.env,
            login="ai_officer",
            name="AI Officer",
            groups="base.group_user,hr_recruitment.group_hr_recruitment_user",
        )
        cls.interviewer = new_test_user(
            cls.env,
            login="ai_interviewer",
            name="AI Interviewer",
            groups="base.group_user,hr_recruitment.group_hr_recruitment_interviewer",
        )
        cls.other_interviewer = new_test_user(
            cls.env,
            login="ai_interviewer2",
            name="AI Interviewer 2",
            groups="base.group_user,hr_recruitment.group_hr_recruitment_interviewer",
        )
        cls.employee = new_test_user(
            cls.env, login="ai_employee", name="AI Employee", groups="base.group_user"
        )
        cls.job = cls.env["hr.job"].create({"name": "Python Data Analyst (test)"})
        cls.other_job = cls.env["hr.job"].create({"name": "Sales Rep (test)"})
        cls.applicant = cls._make_applicant("Li Lei", "li.lei@example.com", cls.job)
        cls.applicant.interviewer_ids = cls.interviewer
        cls.vendor = cls.env["hr.ai.interview.vendor"].create(
            {"name": "Test Vendor", "code": "testvendor", "secret": TEST_SECRET}
        )
        cls.dims = {
            code: cls.env.ref(f"hr_ai_interview_bridge.dimension_{code}")
            for code in ("logic", "teamwork", "technical", "communication")
        }

    @classmethod
    def _make_applicant(cls, name, email, job):
        candidate = cls.env["hr.candidate"].create(
            {"partner_name": name, "email_from": email}
        )
        return cls.env["hr.applicant"].create(
            {"candidate_id": candidate.id, "job_id": job.id}
        )

    @classmethod
    def _ingest_as_intake(cls, payload, webhook_id=None, vendor=None):
        """Run the intake service as the intake user (what the controller does)."""
        vendor = vendor or cls.vendor
        clean, errors = schema.validate_payload(payload, vendor.default_max_score)
        if errors:
            raise AssertionError(errors)
        intake_user = cls.env.ref("hr_ai_interview_bridge.user_ai_intake")
        Result = cls.env["hr.ai.interview.result"].with_user(intake_user)
        return Result._ingest(
            vendor.with_user(intake_user),
            clean,
            webhook_id or f"msg_{uuid.uuid4().hex}",
            payload,
        )

    def ingest(self, payload, webhook_id=None, vendor=None):
        return self._ingest_as_intake(payload, webhook_id, vendor)


class AiInterviewCase(AiInterviewCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_ai_world()
