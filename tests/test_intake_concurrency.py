"""Concurrent deliveries against a real multi-threaded Odoo server.

Vendors deliver at least once and may send the same event twice at the same
moment: exactly one result must exist and both deliveries get a 2xx answer.
"""

import base64
import sys
import threading
import uuid
from pathlib import Path

import pytest
import requests

sys.path.insert(
    0, str(Path(__file__).resolve().parent.parent / "addons/hr_ai_interview_bridge")
)
from intake import signature  # noqa: E402

SECRET = "whsec_" + base64.b64encode(b"concurrency-test-secret-32bytes!").decode()


@pytest.fixture(scope="module")
def world(odoo_server, rpc):
    code = f"conc{uuid.uuid4().hex[:8]}"
    rpc(
        "hr.ai.interview.vendor",
        "create",
        {"name": "Concurrency Vendor", "code": code, "secret": SECRET},
    )
    job = rpc("hr.job", "create", {"name": f"Concurrency job {code}"})
    email = f"{code}@example.com"
    candidate = rpc(
        "hr.candidate",
        "create",
        {"partner_name": "Concurrent Candidate", "email_from": email},
    )
    applicant = rpc(
        "hr.applicant", "create", {"candidate_id": candidate, "job_id": job}
    )
    # One delivery first, alone: the server compiles and caches what the
    # endpoint evaluates (rule domains, views) before requests race.  Python
    # 3.11's ast module is not thread-safe on a cold start (CPython
    # gh-106905), which Odoo's threaded server can hit; prefork workers
    # (production) cannot.
    url = f"{odoo_server}/ai_interview/v1/{code}/results"
    body, headers = _signed(_payload(email, f"iv-warmup-{code}"), f"msg_warm_{code}")
    warm = requests.post(url, data=body, headers=headers, timeout=120)
    assert warm.status_code == 202, warm.text
    return {"code": code, "email": email, "applicant": applicant}


def _payload(email, interview_id):
    return {
        "type": "interview.completed",
        "data": {
            "interview_id": interview_id,
            "applicant": {"email": email},
            "completed_at": "2026-11-20T10:00:00Z",
            "dimensions": [
                {"code": "technical", "score": 84},
                {"code": "logic", "score": 71},
            ],
        },
    }


def _post_together(url, bodies_and_headers):
    """Fire all requests at once (a barrier releases the threads together)."""
    barrier = threading.Barrier(len(bodies_and_headers))
    answers = [None] * len(bodies_and_headers)

    def worker(index, body, headers):
        barrier.wait()
        answers[index] = requests.post(url, data=body, headers=headers, timeout=120)

    threads = [
        threading.Thread(target=worker, args=(index, body, headers))
        for index, (body, headers) in enumerate(bodies_and_headers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=150)
    return answers


def _signed(body, webhook_id):
    import json
    import time

    raw = json.dumps(body).encode()
    timestamp = int(time.time())
    return raw, {
        "Content-Type": "application/json",
        "webhook-id": webhook_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature.sign(SECRET, webhook_id, timestamp, raw),
    }


def _results(rpc, code, interview_id):
    return rpc(
        "hr.ai.interview.result",
        "search_read",
        [["vendor_id.code", "=", code], ["interview_ref", "=", interview_id]],
        fields=["id", "state", "applicant_id"],
    )


def test_same_event_twice_at_once(odoo_server, rpc, world):
    interview_id = f"iv-{uuid.uuid4().hex[:8]}"
    url = f"{odoo_server}/ai_interview/v1/{world['code']}/results"
    delivery = _signed(_payload(world["email"], interview_id), "msg_same_event")
    answers = _post_together(url, [delivery, delivery])
    statuses = sorted(answer.status_code for answer in answers)
    assert statuses == [200, 202], [a.text for a in answers]
    bodies = {answer.json()["status"]: answer.json() for answer in answers}
    assert bodies["duplicate"]["result_id"] == bodies["accepted"]["result_id"]
    results = _results(rpc, world["code"], interview_id)
    assert len(results) == 1
    assert results[0]["state"] == "done"
    assert results[0]["applicant_id"][0] == world["applicant"]


def test_same_interview_two_deliveries_at_once(odoo_server, rpc, world):
    """Two different webhook ids for one interview attempt: one result."""
    interview_id = f"iv-{uuid.uuid4().hex[:8]}"
    url = f"{odoo_server}/ai_interview/v1/{world['code']}/results"
    first = _signed(_payload(world["email"], interview_id), "msg_a_" + interview_id)
    second = _signed(_payload(world["email"], interview_id), "msg_b_" + interview_id)
    answers = _post_together(url, [first, second])
    assert [answer.status_code for answer in answers] == [202, 202], [
        a.text for a in answers
    ]
    assert answers[0].json()["result_id"] == answers[1].json()["result_id"]
    assert len(_results(rpc, world["code"], interview_id)) == 1
