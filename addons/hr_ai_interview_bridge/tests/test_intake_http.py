"""The vendor endpoint through real signed HTTP requests.

Every answer is checked against the OpenAPI document the addon serves.
"""

import json
import time

import jsonschema

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import AiInterviewCommon, dumps, make_payload, signed_headers

URL = "/ai_interview/v1/testvendor/results"


@tagged("post_install", "-at_install")
class TestIntakeHttp(AiInterviewCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_ai_world()

    def setUp(self):
        super().setUp()
        if not hasattr(type(self), "_openapi"):
            response = self.url_open("/ai_interview/v1/openapi.json")
            self.assertEqual(response.status_code, 200)
            type(self)._openapi = response.json()

    # helpers -------------------------------------------------------------
    def post(self, payload=None, body=None, headers=None, url=URL, **sign_kwargs):
        body = dumps(payload) if body is None else body
        all_headers = signed_headers(body, **sign_kwargs)
        all_headers.update(headers or {})
        return self.url_open(url, data=body, headers=all_headers)

    def assert_answer(self, response, status, code=None):
        """Status, JSON body, conformance to the OpenAPI response schema."""
        self.assertEqual(response.status_code, status, response.text)
        self.assertTrue(response.headers["Content-Type"].startswith("application/json"))
        body = response.json()
        spec = self._openapi
        operation = spec["paths"]["/ai_interview/v1/{vendor_code}/results"]["post"]
        schema = operation["responses"][str(status)]["content"]["application/json"][
            "schema"
        ]
        resolver_schema = dict(schema, components=spec["components"])
        jsonschema.validate(body, resolver_schema)
        if code:
            self.assertEqual(body["error"]["code"], code)
            self.assertTrue(body["error"]["message"])
        return body

    def result_count(self):
        return self.env["hr.ai.interview.result"].search_count([])

    # success ---------------------------------------------------------------
    def test_202_accepted_done(self):
        body = self.assert_answer(self.post(make_payload()), 202)
        self.assertEqual(body["status"], "accepted")
        self.assertEqual(body["state"], "done")
        result = self.env["hr.ai.interview.result"].browse(body["result_id"])
        self.assertEqual(result.applicant_id, self.applicant)
        self.assertEqual(self.applicant.ai_overall_score, 78)

    def test_202_accepted_unmatched(self):
        payload = make_payload(applicant={"email": "stranger@example.com"})
        body = self.assert_answer(self.post(payload), 202)
        self.assertEqual(body["state"], "unmatched")
        result = self.env["hr.ai.interview.result"].browse(body["result_id"])
        self.assertEqual(result.candidate_email, "stranger@example.com")

    def test_signature_rotation_second_signature_valid(self):
        body = dumps(make_payload())
        headers = signed_headers(body, webhook_id="msg_rot")
        headers["webhook-signature"] = (
            "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= "
            + headers["webhook-signature"]
        )
        self.assert_answer(self.url_open(URL, data=body, headers=headers), 202)

    # idempotency --------------------------------------------------------------
    def test_same_webhook_id_twice_is_duplicate(self):
        first = self.assert_answer(self.post(make_payload(), webhook_id="msg_dup"), 202)
        count = self.result_count()
        changed = make_payload(overall={"score": 10})
        second = self.assert_answer(self.post(changed, webhook_id="msg_dup"), 200)
        self.assertEqual(
            second, {"status": "duplicate", "result_id": first["result_id"]}
        )
        self.assertEqual(self.result_count(), count)
        result = self.env["hr.ai.interview.result"].browse(first["result_id"])
        self.assertEqual(result.overall_score, 78, "a duplicate changes nothing")

    def test_same_interview_new_webhook_id_updates(self):
        first = self.assert_answer(self.post(make_payload()), 202)
        count = self.result_count()
        second = self.assert_answer(self.post(make_payload(overall={"score": 81})), 202)
        self.assertEqual(second["result_id"], first["result_id"])
        self.assertEqual(self.result_count(), count)
        result = self.env["hr.ai.interview.result"].browse(first["result_id"])
        self.assertEqual(result.overall_score, 81)

    def test_new_attempt_new_result(self):
        first = self.assert_answer(self.post(make_payload()), 202)
        second = self.assert_answer(self.post(make_payload(attempt=2)), 202)
        self.assertNotEqual(second["result_id"], first["result_id"])
        self.assertEqual(len(self.applicant.ai_result_ids), 2)

    # errors ---------------------------------------------------------------------
    @mute_logger("odoo.http")
    def test_400_invalid_json(self):
        self.assert_answer(self.post(body=b"{not json"), 400, "invalid_json")
        self.assert_answer(self.post(body=b"[1, 2]"), 400, "invalid_payload")
        self.assertEqual(self.result_count(), 0)

    def test_401_missing_signature(self):
        body = dumps(make_payload())
        for header in ("webhook-id", "webhook-timestamp", "webhook-signature"):
            with self.subTest(missing=header):
                headers = signed_headers(body)
                del headers[header]
                response = self.url_open(URL, data=body, headers=headers)
                self.assert_answer(response, 401, "missing_signature")
        self.assertEqual(self.result_count(), 0)

    def test_401_invalid_signature(self):
        body = dumps(make_payload())
        headers = signed_headers(body)
        tampered = body.replace(b"78", b"98")
        response = self.url_open(URL, data=tampered, headers=headers)
        self.assert_answer(response, 401, "invalid_signature")
        wrong_secret = "whsec_" + "QUJD" * 8
        self.assert_answer(
            self.post(make_payload(), secret=wrong_secret), 401, "invalid_signature"
        )
        self.assertEqual(self.result_count(), 0)

    def test_401_stale_timestamp(self):
        old = int(time.time()) - 301
        self.assert_answer(
            self.post(make_payload(), timestamp=old), 401, "stale_timestamp"
        )
        future = int(time.time()) + 400
        self.assert_answer(
            self.post(make_payload(), timestamp=future), 401, "stale_timestamp"
        )
        self.vendor.timestamp_tolerance = 1000
        self.assert_answer(self.post(make_payload(), timestamp=old), 202)

    def test_404_unknown_or_archived_vendor(self):
        self.assert_answer(
            self.post(make_payload(), url="/ai_interview/v1/nobody/results"),
            404,
            "unknown_vendor",
        )
        self.vendor.active = False
        self.assert_answer(self.post(make_payload()), 404, "unknown_vendor")

    def test_413_payload_too_large(self):
        self.env["ir.config_parameter"].set_param(
            "hr_ai_interview_bridge.max_payload_bytes", "2000"
        )
        payload = make_payload(transcript="x" * 3000)
        self.assert_answer(self.post(payload), 413, "payload_too_large")
        self.assertEqual(self.result_count(), 0)

    def test_413_default_limit_is_2_mib(self):
        payload = make_payload(transcript="x" * (2 * 1024 * 1024))
        self.assert_answer(self.post(payload), 413, "payload_too_large")

    def test_415_unsupported_media_type(self):
        response = self.post(make_payload(), headers={"Content-Type": "text/plain"})
        self.assert_answer(response, 415, "unsupported_media_type")
        response = self.post(
            make_payload(), headers={"Content-Type": "application/json; charset=utf-8"}
        )
        self.assert_answer(response, 202)

    def test_422_validation_error_lists_every_problem(self):
        payload = make_payload(
            dimensions=[
                {"code": "logic", "score": 90},
                {"code": "teamwork", "score": 160, "max": 100},
                {"code": "Bad Code", "score": 5},
            ],
            report_url="http://vendor.example/insecure",
        )
        del payload["data"]["completed_at"]
        body = self.assert_answer(self.post(payload), 422, "validation_error")
        paths = {detail["path"] for detail in body["error"]["details"]}
        self.assertTrue(
            {
                "data.dimensions[1].score",
                "data.dimensions[2].code",
                "data.report_url",
                "data.completed_at",
            }
            <= paths,
            paths,
        )
        self.assertEqual(self.result_count(), 0)

    def test_get_is_not_allowed(self):
        response = self.url_open(URL)
        self.assertEqual(response.status_code, 405)

    def test_openapi_document(self):
        spec = self._openapi
        self.assertEqual(spec["openapi"], "3.1.0")
        operation = spec["paths"]["/ai_interview/v1/{vendor_code}/results"]["post"]
        self.assertEqual(
            set(operation["responses"]),
            {"200", "202", "400", "401", "404", "413", "415", "422"},
        )
        # The sample payload of the tests is valid against the request schema.
        request_schema = dict(
            operation["requestBody"]["content"]["application/json"]["schema"],
            components=spec["components"],
        )
        jsonschema.validate(make_payload(), request_schema)
        json.dumps(spec)
