"""Validation of the interview.completed payload (pure Python, no database)."""

import copy
import json
import unittest
from datetime import datetime

from ..intake import schema


def full_payload():
    """A valid payload using every field of the contract."""
    return {
        "type": "interview.completed",
        "timestamp": "2026-11-20T10:05:00Z",
        "data": {
            "interview_id": "iv_01HZX",
            "attempt": 2,
            "applicant": {
                "id": 42,
                "email": "  Han.Meimei@Example.COM ",
                "name": "Han Meimei",
            },
            "job": {"id": 7, "name": "ignored"},
            "completed_at": "2026-11-20T18:00:00.250+08:00",
            "overall": {"score": 78.5, "max": 100, "percentile": 81},
            "dimensions": [
                {
                    "code": "communication",
                    "label": "Communication",
                    "score": 4,
                    "max": 5,
                    "percentile": 90.5,
                    "evidence": "Clear, structured answers.",
                },
                {"code": "sql.joins", "score": 62},
            ],
            "report_url": "https://vendor.example.com/r/iv_01HZX",
            "recording_url": "https://cdn.vendor.example.com/rec/iv_01HZX.mp4",
            "transcript": "Q: Tell me about yourself.\nA: ...",
            "language": "en-US",
            "vendor_extra": {"anything": True},
        },
    }


def minimal_payload():
    """A valid payload with only the required fields."""
    return {
        "type": "interview.completed",
        "data": {
            "interview_id": "iv-min",
            "applicant": {"email": "a@example.com"},
            "completed_at": "2026-11-20T10:00:00Z",
            "dimensions": [{"code": "logic", "score": 50}],
        },
    }


class SchemaCase(unittest.TestCase):
    def assertValid(self, payload, **kwargs):
        clean, errors = schema.validate_payload(payload, **kwargs)
        self.assertEqual(errors, [])
        self.assertIsNotNone(clean)
        return clean

    def assertErrors(self, payload, expected, **kwargs):
        """Assert the exact set of error paths (messages checked separately)."""
        clean, errors = schema.validate_payload(payload, **kwargs)
        self.assertIsNone(clean)
        self.assertEqual(sorted(e["path"] for e in errors), sorted(expected))
        for error in errors:
            self.assertEqual(set(error), {"path", "message"})
            self.assertTrue(error["message"])
        return {e["path"]: e["message"] for e in errors}

    def with_data(self, base=None, **changes):
        payload = copy.deepcopy(base or minimal_payload())
        payload["data"].update(changes)
        return payload

    def without(self, payload, *path):
        payload = copy.deepcopy(payload)
        target = payload
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
        return payload


class TestValidPayloads(SchemaCase):
    def test_full_payload(self):
        clean = self.assertValid(full_payload())
        self.assertEqual(
            clean,
            {
                "type": "interview.completed",
                "interview_id": "iv_01HZX",
                "attempt": 2,
                "applicant": {
                    "id": 42,
                    "email": "han.meimei@example.com",
                    "name": "Han Meimei",
                },
                "job_id": 7,
                # 18:00:00.25 at +08:00 is 10:00:00.25 UTC, stored naive.
                "completed_at": datetime(2026, 11, 20, 10, 0, 0, 250000),
                "overall": {"score": 78.5, "max": 100.0, "percentile": 81.0},
                "dimensions": [
                    {
                        "code": "communication",
                        "label": "Communication",
                        "score": 4.0,
                        "max": 5.0,
                        "percentile": 90.5,
                        "evidence": "Clear, structured answers.",
                    },
                    {
                        "code": "sql.joins",
                        "label": None,
                        "score": 62.0,
                        "max": 100.0,
                        "percentile": None,
                        "evidence": None,
                    },
                ],
                "report_url": "https://vendor.example.com/r/iv_01HZX",
                "recording_url": "https://cdn.vendor.example.com/rec/iv_01HZX.mp4",
                "transcript": "Q: Tell me about yourself.\nA: ...",
                "language": "en-US",
                "present": {
                    "attempt",
                    "job",
                    "overall",
                    "report_url",
                    "recording_url",
                    "transcript",
                    "language",
                },
            },
        )
        self.assertIsNone(clean["completed_at"].tzinfo)

    def test_minimal_payload_defaults(self):
        clean = self.assertValid(minimal_payload())
        self.assertEqual(clean["attempt"], 1)
        self.assertEqual(
            clean["applicant"], {"id": None, "email": "a@example.com", "name": None}
        )
        self.assertIsNone(clean["job_id"])
        self.assertIsNone(clean["overall"])
        for key in ("report_url", "recording_url", "transcript", "language"):
            self.assertIsNone(clean[key], key)
        self.assertEqual(clean["present"], set())
        self.assertEqual(clean["completed_at"], datetime(2026, 11, 20, 10, 0))

    def test_present_tracks_keys_including_null(self):
        payload = self.with_data(transcript=None, language="fr", job={})
        clean = self.assertValid(payload)
        self.assertEqual(clean["present"], {"transcript", "language", "job"})
        self.assertIsNone(clean["transcript"])
        self.assertIsNone(clean["job_id"])

    def test_null_optional_values_accepted(self):
        payload = self.with_data(
            attempt=None, overall=None, report_url=None, recording_url=None
        )
        payload["data"]["applicant"]["name"] = None
        payload["data"]["dimensions"][0].update(
            label=None, max=None, percentile=None, evidence=None
        )
        clean = self.assertValid(payload)
        self.assertEqual(clean["attempt"], 1)
        self.assertEqual(clean["dimensions"][0]["max"], 100.0)

    def test_default_max_applied(self):
        payload = self.with_data(
            overall={"score": 4.5},
            dimensions=[
                {"code": "a", "score": 3},
                {"code": "b", "score": 8, "max": 10},
            ],
        )
        clean = self.assertValid(payload, default_max=5)
        self.assertEqual(
            clean["overall"], {"score": 4.5, "max": 5.0, "percentile": None}
        )
        self.assertEqual([d["max"] for d in clean["dimensions"]], [5.0, 10.0])
        # With the standard default of 100 the same payload is also valid.
        clean = self.assertValid(payload)
        self.assertEqual(clean["dimensions"][0]["max"], 100.0)

    def test_default_max_must_be_positive(self):
        for bad in (0, -1, float("inf"), float("nan"), True, "100"):
            with self.subTest(default_max=bad), self.assertRaises(ValueError):
                schema.validate_payload(minimal_payload(), default_max=bad)

    def test_score_bounds_inclusive(self):
        payload = self.with_data(
            dimensions=[
                {"code": "zero", "score": 0},
                {"code": "top", "score": 5, "max": 5},
                {"code": "pct", "score": 1, "percentile": 0},
                {"code": "pct100", "score": 1, "percentile": 100},
            ]
        )
        self.assertValid(payload)

    def test_applicant_id_only(self):
        payload = self.with_data(applicant={"id": 3})
        clean = self.assertValid(payload)
        self.assertEqual(clean["applicant"], {"id": 3, "email": None, "name": None})

    def test_unknown_keys_ignored(self):
        payload = minimal_payload()
        payload["extra"] = [1, 2]
        payload["data"]["applicant"]["phone"] = "+1 555"
        payload["data"]["dimensions"][0]["weight"] = "heavy"
        self.assertValid(payload)

    def test_dimension_codes(self):
        for code in ("a", "x" * 64, "a.b-c_d", "0.9"):
            with self.subTest(code=code):
                self.assertValid(
                    self.with_data(dimensions=[{"code": code, "score": 1}])
                )

    def test_limits_at_boundary_accepted(self):
        payload = self.with_data(
            interview_id="i" * 128,
            language="x" * 16,
            transcript="é" * (1024 * 512),  # 2 bytes each: exactly 1 MiB
            report_url="https://e.com/" + "p" * (2048 - len("https://e.com/")),
            dimensions=[
                {
                    "code": f"d{i}",
                    "score": 1,
                    "label": "l" * 256,
                    "evidence": "e" * 10000,
                }
                for i in range(100)
            ],
        )
        payload["data"]["applicant"]["email"] = "a@" + "b" * 252
        clean = self.assertValid(payload)
        self.assertEqual(len(clean["dimensions"]), 100)


class TestRfc3339(SchemaCase):
    def test_offsets_converted_to_utc(self):
        cases = {
            "2026-11-20T10:00:00Z": datetime(2026, 11, 20, 10, 0),
            "2026-11-20t10:00:00z": datetime(2026, 11, 20, 10, 0),
            "2026-11-20T18:00:00+08:00": datetime(2026, 11, 20, 10, 0),
            "2026-11-20T05:30:00-04:30": datetime(2026, 11, 20, 10, 0),
            "2026-11-20T10:00:00+00:00": datetime(2026, 11, 20, 10, 0),
            # Crossing midnight and a year boundary.
            "2027-01-01T03:00:00+05:00": datetime(2026, 12, 31, 22, 0),
            "2026-12-31T23:30:00-01:00": datetime(2027, 1, 1, 0, 30),
            # Fractions: padded, and truncated beyond microseconds.
            "2026-11-20T10:00:00.5Z": datetime(2026, 11, 20, 10, 0, 0, 500000),
            "2026-11-20T10:00:00.123456789Z": datetime(2026, 11, 20, 10, 0, 0, 123456),
            # A leap second is clamped rather than rejected.
            "2016-12-31T23:59:60Z": datetime(2016, 12, 31, 23, 59, 59, 999999),
        }
        for text, expected in cases.items():
            with self.subTest(text=text):
                self.assertEqual(schema.parse_rfc3339(text), expected)
                clean = self.assertValid(self.with_data(completed_at=text))
                self.assertEqual(clean["completed_at"], expected)

    def test_invalid_datetimes(self):
        for text in (
            "2026-11-20T10:00:00",  # no offset: ambiguous
            "2026-11-20",
            "2026-11-20 10:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-11-20T24:00:00Z",
            "2026-11-20T10:00:00+24:00",
            "2026-11-20T10:00:00+0800",
            "2026-11-20T10:00:00.Z",
            "2026-11-20T10:00:00Z\n",
            "20261120T100000Z",
            "1763640000",
            "",
        ):
            with self.subTest(text=text):
                self.assertIsNone(schema.parse_rfc3339(text))
                self.assertErrors(
                    self.with_data(completed_at=text), ["data.completed_at"]
                )

    def test_non_string_datetime(self):
        self.assertErrors(
            self.with_data(completed_at=1763640000), ["data.completed_at"]
        )

    def test_top_level_timestamp(self):
        payload = minimal_payload()
        payload["timestamp"] = "2026-11-20T10:00:00+01:00"
        self.assertValid(payload)
        payload["timestamp"] = "yesterday"
        self.assertErrors(payload, ["timestamp"])


class TestRequired(SchemaCase):
    def test_payload_must_be_object(self):
        for bad in ([], "x", None, 3):
            with self.subTest(payload=bad):
                messages = self.assertErrors(bad, [""])
                self.assertIn("object", messages[""])

    def test_each_required_key_missing(self):
        cases = [
            (("type",), "type"),
            (("data",), "data"),
            (("data", "interview_id"), "data.interview_id"),
            (("data", "applicant"), "data.applicant"),
            (("data", "completed_at"), "data.completed_at"),
            (("data", "dimensions"), "data.dimensions"),
            (("data", "dimensions", 0, "code"), "data.dimensions[0].code"),
            (("data", "dimensions", 0, "score"), "data.dimensions[0].score"),
        ]
        for key_path, error_path in cases:
            with self.subTest(missing=error_path):
                messages = self.assertErrors(
                    self.without(minimal_payload(), *key_path), [error_path]
                )
                self.assertEqual(messages[error_path], "is required")

    def test_required_null_is_missing(self):
        payload = self.with_data(interview_id=None, completed_at=None)
        messages = self.assertErrors(
            payload, ["data.interview_id", "data.completed_at"]
        )
        self.assertEqual(set(messages.values()), {"is required"})

    def test_applicant_needs_id_or_email(self):
        for applicant in ({}, {"name": "Only Name"}, {"id": None, "email": None}):
            with self.subTest(applicant=applicant):
                messages = self.assertErrors(
                    self.with_data(applicant=applicant), ["data.applicant"]
                )
                self.assertIn("id or an email", messages["data.applicant"])

    def test_overall_requires_score(self):
        self.assertErrors(self.with_data(overall={"max": 10}), ["data.overall.score"])


class TestTypes(SchemaCase):
    def test_wrong_type_value(self):
        payload = minimal_payload()
        for value in ("interview.started", "", 1, ["interview.completed"]):
            with self.subTest(type=value):
                payload["type"] = value
                messages = self.assertErrors(payload, ["type"])
                self.assertIn("'interview.completed'", messages["type"])

    def test_containers_of_wrong_type(self):
        cases = {
            "data": [],
            "data.applicant": "a@example.com",
            "data.job": 7,
            "data.overall": 78,
            "data.dimensions": {"code": "x", "score": 1},
        }
        for path, value in cases.items():
            with self.subTest(path=path):
                payload = minimal_payload()
                if path == "data":
                    payload["data"] = value
                else:
                    payload["data"][path.split(".")[1]] = value
                self.assertErrors(payload, [path])

    def test_dimension_item_not_object(self):
        payload = self.with_data(
            dimensions=[{"code": "a", "score": 1}, "b", None, {"code": "c", "score": 2}]
        )
        self.assertErrors(payload, ["data.dimensions[1]", "data.dimensions[2]"])

    def test_bool_rejected_as_int(self):
        payload = self.with_data(
            attempt=True, applicant={"id": True}, job={"id": False}
        )
        messages = self.assertErrors(
            payload, ["data.attempt", "data.applicant.id", "data.job.id"]
        )
        self.assertEqual(set(messages.values()), {"must be an integer"})

    def test_bool_rejected_as_number(self):
        payload = self.with_data(
            overall={"score": True},
            dimensions=[{"code": "a", "score": False, "max": True, "percentile": True}],
        )
        self.assertErrors(
            payload,
            [
                "data.overall.score",
                "data.dimensions[0].score",
                "data.dimensions[0].max",
                "data.dimensions[0].percentile",
            ],
        )

    def test_float_rejected_as_int(self):
        payload = self.with_data(attempt=1.0, applicant={"id": 3.0})
        self.assertErrors(payload, ["data.attempt", "data.applicant.id"])

    def test_numeric_strings_rejected(self):
        payload = self.with_data(dimensions=[{"code": "a", "score": "50"}])
        messages = self.assertErrors(payload, ["data.dimensions[0].score"])
        self.assertEqual(messages["data.dimensions[0].score"], "must be a number")

    def test_non_finite_numbers_rejected(self):
        payload = self.with_data(
            dimensions=[
                {"code": "a", "score": float("nan")},
                {"code": "b", "score": 1, "max": float("inf")},
                {"code": "c", "score": 10**400},
            ]
        )
        self.assertErrors(
            payload,
            [
                "data.dimensions[0].score",
                "data.dimensions[1].max",
                "data.dimensions[2].score",
            ],
        )

    def test_strings_of_wrong_type(self):
        payload = self.with_data(
            interview_id=123,
            applicant={"email": 5, "name": ["x"]},
            language=1,
            transcript={"text": "x"},
            report_url=1,
        )
        payload["data"]["dimensions"][0].update(label=1, evidence=2)
        self.assertErrors(
            payload,
            [
                "data.interview_id",
                "data.applicant.email",
                "data.applicant.name",
                "data.language",
                "data.transcript",
                "data.report_url",
                "data.dimensions[0].label",
                "data.dimensions[0].evidence",
            ],
        )

    def test_nul_and_lone_surrogate_rejected(self):
        payload = self.with_data(interview_id="iv\x00", transcript="ok \ud800")
        self.assertErrors(payload, ["data.interview_id", "data.transcript"])


class TestBounds(SchemaCase):
    def test_interview_id_length(self):
        for value in ("", "i" * 129, "   "):
            with self.subTest(value=value):
                self.assertErrors(
                    self.with_data(interview_id=value), ["data.interview_id"]
                )

    def test_attempt_minimum(self):
        for value in (0, -1):
            with self.subTest(attempt=value):
                messages = self.assertErrors(
                    self.with_data(attempt=value), ["data.attempt"]
                )
                self.assertEqual(
                    messages["data.attempt"], "must be greater than or equal to 1"
                )

    def test_applicant_id_positive(self):
        for value in (0, -4):
            with self.subTest(id=value):
                self.assertErrors(
                    self.with_data(applicant={"id": value}), ["data.applicant.id"]
                )

    def test_applicant_email(self):
        for value in (
            "no-at-sign",
            "a@b@c",
            "@example.com",
            "a@",
            "a b@c.d",
            "a@" + "b" * 253,
            "",
        ):
            with self.subTest(email=value):
                self.assertErrors(
                    self.with_data(applicant={"email": value}), ["data.applicant.email"]
                )

    def test_invalid_email_with_valid_id_still_reported(self):
        payload = self.with_data(applicant={"id": 5, "email": "nope"})
        self.assertErrors(payload, ["data.applicant.email"])

    def test_dimensions_count(self):
        self.assertErrors(self.with_data(dimensions=[]), ["data.dimensions"])
        many = [{"code": f"d{i}", "score": 1} for i in range(101)]
        messages = self.assertErrors(
            self.with_data(dimensions=many), ["data.dimensions"]
        )
        self.assertIn("100", messages["data.dimensions"])

    def test_dimension_code_pattern(self):
        for code in ("", "Upper", "has space", "x" * 65, "é", "a/b", "a\n", 5):
            with self.subTest(code=code):
                self.assertErrors(
                    self.with_data(dimensions=[{"code": code, "score": 1}]),
                    ["data.dimensions[0].code"],
                )

    def test_duplicate_codes_error_on_later(self):
        payload = self.with_data(
            dimensions=[
                {"code": "a", "score": 1},
                {"code": "b", "score": 1},
                {"code": "a", "score": 2},
                {"code": "a", "score": 3},
            ]
        )
        messages = self.assertErrors(
            payload, ["data.dimensions[2].code", "data.dimensions[3].code"]
        )
        self.assertIn("duplicate", messages["data.dimensions[2].code"])

    def test_score_above_max(self):
        payload = self.with_data(
            overall={"score": 101},
            dimensions=[
                {"code": "a", "score": 6, "max": 5},
                {"code": "b", "score": 100.01},
                {"code": "c", "score": -0.5},
            ],
        )
        messages = self.assertErrors(
            payload,
            [
                "data.overall.score",
                "data.dimensions[0].score",
                "data.dimensions[1].score",
                "data.dimensions[2].score",
            ],
        )
        self.assertEqual(
            messages["data.dimensions[0].score"], "must be between 0 and 5"
        )
        self.assertEqual(
            messages["data.dimensions[1].score"], "must be between 0 and 100"
        )

    def test_score_above_default_max(self):
        payload = self.with_data(dimensions=[{"code": "a", "score": 6}])
        self.assertErrors(payload, ["data.dimensions[0].score"], default_max=5)

    def test_max_must_be_positive(self):
        payload = self.with_data(
            overall={"score": 0, "max": 0},
            dimensions=[{"code": "a", "score": 0, "max": -5}],
        )
        messages = self.assertErrors(
            payload, ["data.overall.max", "data.dimensions[0].max"]
        )
        self.assertEqual(messages["data.overall.max"], "must be greater than 0")

    def test_percentile_range(self):
        payload = self.with_data(
            overall={"score": 1, "percentile": 100.5},
            dimensions=[{"code": "a", "score": 1, "percentile": -1}],
        )
        self.assertErrors(
            payload, ["data.overall.percentile", "data.dimensions[0].percentile"]
        )

    def test_text_lengths(self):
        payload = self.with_data(
            language="x" * 17,
            transcript="é" * (1024 * 512) + "x",  # 1 MiB + 1 byte, fewer chars
            dimensions=[
                {"code": "a", "score": 1, "label": "l" * 257, "evidence": "e" * 10001}
            ],
        )
        messages = self.assertErrors(
            payload,
            [
                "data.language",
                "data.transcript",
                "data.dimensions[0].label",
                "data.dimensions[0].evidence",
            ],
        )
        self.assertIn("bytes", messages["data.transcript"])

    def test_urls(self):
        bad_urls = [
            "http://vendor.example.com/r/1",
            "ftp://vendor.example.com/r/1",
            "https://",
            "https:///path-only",
            "vendor.example.com/r/1",
            "//vendor.example.com/r/1",
            "https://vendor.example.com/a b",
            "https://[::1",
            "javascript:alert(1)",
            "https://e.com/" + "p" * 2048,
        ]
        for url in bad_urls:
            for key in ("report_url", "recording_url"):
                with self.subTest(url=url[:40], key=key):
                    messages = self.assertErrors(
                        self.with_data(**{key: url}), [f"data.{key}"]
                    )
                    self.assertTrue(messages[f"data.{key}"].startswith("must be"))

    def test_https_url_variants_accepted(self):
        for url in (
            "HTTPS://Vendor.Example.com/r/1",
            "https://vendor.example.com:8443/r?id=1#top",
            "https://[2001:db8::1]/r",
        ):
            with self.subTest(url=url):
                clean = self.assertValid(self.with_data(report_url=url))
                self.assertEqual(clean["report_url"], url)


class TestCollectsAllErrors(SchemaCase):
    def test_multiple_errors_collected(self):
        payload = {
            "type": "interview.cancelled",
            "timestamp": "nope",
            "data": {
                "interview_id": "",
                "attempt": 0,
                "applicant": {"id": "7", "email": "bad"},
                "job": {"id": "x"},
                "completed_at": "2026-11-20T10:00:00",
                "overall": {"score": 200, "percentile": 101},
                "dimensions": [
                    {"code": "ok", "score": 1},
                    {"code": "BAD", "score": 1, "max": 0},
                    {"code": "ok", "score": 120},
                ],
                "report_url": "http://example.com",
                "recording_url": "https://",
                "transcript": 3,
                "language": "a" * 20,
            },
        }
        self.assertErrors(
            payload,
            [
                "type",
                "timestamp",
                "data.interview_id",
                "data.attempt",
                "data.applicant.id",
                "data.applicant.email",
                "data.job.id",
                "data.completed_at",
                "data.overall.score",
                "data.overall.percentile",
                "data.dimensions[1].code",
                "data.dimensions[1].max",
                "data.dimensions[2].code",
                "data.dimensions[2].score",
                "data.report_url",
                "data.recording_url",
                "data.transcript",
                "data.language",
            ],
        )

    def test_errors_order_follows_document(self):
        payload = self.with_data(
            dimensions=[{"code": "a", "score": -1}, {"code": "b", "score": -2}]
        )
        payload["type"] = "x"
        _clean, errors = schema.validate_payload(payload)
        self.assertEqual(
            [e["path"] for e in errors],
            ["type", "data.dimensions[0].score", "data.dimensions[1].score"],
        )


class TestParseJson(unittest.TestCase):
    def test_valid(self):
        raw = json.dumps(full_payload(), ensure_ascii=False).encode()
        self.assertEqual(schema.parse_json(raw), full_payload())
        self.assertEqual(schema.parse_json(bytearray(b"[1, 2]")), [1, 2])
        self.assertEqual(schema.parse_json('{"n": "Hän"}'.encode()), {"n": "Hän"})

    def test_rejects(self):
        for raw in (
            b"",
            b"{",
            b'{"a": NaN}',
            b'{"a": Infinity}',
            b'{"a": -Infinity}',
            '{"n": "Hän"}'.encode("latin-1"),
            b"\xef\xbb\xbf{}",  # UTF-8 byte order mark
            b"[" * 100000 + b"]" * 100000,
        ):
            with self.subTest(raw=raw[:20]), self.assertRaises(ValueError):
                schema.parse_json(raw)

    def test_rejects_text(self):
        with self.assertRaises(ValueError):
            schema.parse_json('{"a": 1}')

    def test_round_trip_to_validation(self):
        raw = json.dumps(minimal_payload()).encode()
        clean, errors = schema.validate_payload(schema.parse_json(raw))
        self.assertEqual(errors, [])
        self.assertEqual(clean["interview_id"], "iv-min")
