"""Standard Webhooks signing and verification (pure Python, no database)."""

import base64
import hashlib
import hmac
import unittest

from ..intake import signature
from ..intake.signature import SignatureError

KEY = bytes(range(32))
SECRET = "whsec_" + base64.b64encode(KEY).decode()
OTHER_SECRET = "whsec_" + base64.b64encode(bytes(range(100, 132))).decode()
MSG_ID = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"
TS = 1_763_640_000
BODY = b'{"type": "interview.completed", "data": {"interview_id": "iv-1"}}'


def expected_signature(key, msg_id, timestamp, body):
    """Compute a v1 signature independently of the code under test."""
    mac = hmac.new(key, f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256)
    return "v1," + base64.b64encode(mac.digest()).decode()


def headers(sig, msg_id=MSG_ID, timestamp=TS):
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sig,
    }


class TestSecrets(unittest.TestCase):
    def test_generate_secret_format(self):
        secret = signature.generate_secret()
        self.assertTrue(secret.startswith("whsec_"))
        self.assertEqual(len(signature.decode_secret(secret)), 32)
        self.assertNotEqual(secret, signature.generate_secret())

    def test_generate_secret_size(self):
        self.assertEqual(
            len(signature.decode_secret(signature.generate_secret(48))), 48
        )
        with self.assertRaises(ValueError):
            signature.generate_secret(8)

    def test_decode_secret(self):
        self.assertEqual(signature.decode_secret(SECRET), KEY)
        # The prefix is optional.
        self.assertEqual(signature.decode_secret(SECRET[len("whsec_") :]), KEY)

    def test_decode_secret_rejects_malformed(self):
        for bad in ("whsec_not base64!!", "whsec_", "", "whsec_QUJD"):
            with self.subTest(bad=bad), self.assertRaises(ValueError):
                signature.decode_secret(bad)

    def test_decode_secret_rejects_short_key(self):
        short = "whsec_" + base64.b64encode(b"x" * 23).decode()
        with self.assertRaises(ValueError):
            signature.decode_secret(short)
        ok = "whsec_" + base64.b64encode(b"x" * 24).decode()
        self.assertEqual(signature.decode_secret(ok), b"x" * 24)


class TestSign(unittest.TestCase):
    def test_known_answer(self):
        expected = expected_signature(KEY, MSG_ID, TS, BODY)
        self.assertEqual(signature.sign(SECRET, MSG_ID, TS, BODY), expected)
        # A string timestamp signs the same content.
        self.assertEqual(signature.sign(SECRET, MSG_ID, str(TS), BODY), expected)

    def test_standard_webhooks_reference_vector(self):
        """The example from the Standard Webhooks reference test suite."""
        secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        body = b'{"test": 2432232314}'
        self.assertEqual(
            signature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        )

    def test_signature_depends_on_every_part(self):
        base = signature.sign(SECRET, MSG_ID, TS, BODY)
        self.assertNotEqual(base, signature.sign(SECRET, MSG_ID + "x", TS, BODY))
        self.assertNotEqual(base, signature.sign(SECRET, MSG_ID, TS + 1, BODY))
        self.assertNotEqual(base, signature.sign(SECRET, MSG_ID, TS, BODY + b" "))
        self.assertNotEqual(base, signature.sign(OTHER_SECRET, MSG_ID, TS, BODY))


class TestVerify(unittest.TestCase):
    def assertCode(self, code, secret, hdrs, body=BODY, now=TS, **kwargs):
        with self.assertRaises(SignatureError) as ctx:
            signature.verify(secret, hdrs, body, now=now, **kwargs)
        self.assertEqual(ctx.exception.code, code)
        self.assertTrue(str(ctx.exception))
        return ctx.exception

    def test_valid(self):
        sig = expected_signature(KEY, MSG_ID, TS, BODY)
        self.assertEqual(
            signature.verify(SECRET, headers(sig), BODY, now=TS), (MSG_ID, TS)
        )

    def test_round_trip_with_generated_secret(self):
        secret = signature.generate_secret()
        sig = signature.sign(secret, "id-1", TS, b"payload")
        result = signature.verify(secret, headers(sig, "id-1"), b"payload", now=TS)
        self.assertEqual(result, ("id-1", TS))

    def test_headers_case_insensitive(self):
        sig = expected_signature(KEY, MSG_ID, TS, BODY)
        hdrs = {
            "Webhook-Id": MSG_ID,
            "WEBHOOK-TIMESTAMP": str(TS),
            "Webhook-Signature": sig,
        }
        self.assertEqual(signature.verify(SECRET, hdrs, BODY, now=TS), (MSG_ID, TS))

    def test_rotation_second_signature_valid(self):
        old = expected_signature(
            signature.decode_secret(OTHER_SECRET), MSG_ID, TS, BODY
        )
        new = expected_signature(KEY, MSG_ID, TS, BODY)
        hdrs = headers(f"{old} {new}")
        self.assertEqual(signature.verify(SECRET, hdrs, BODY, now=TS), (MSG_ID, TS))
        # ... and the old secret still verifies the same request.
        self.assertEqual(
            signature.verify(OTHER_SECRET, hdrs, BODY, now=TS), (MSG_ID, TS)
        )

    def test_other_versions_and_garbage_ignored(self):
        good = expected_signature(KEY, MSG_ID, TS, BODY)
        encoded = good.split(",", 1)[1]
        hdrs = headers(f"v1a,{encoded} v2,{encoded} nonsense v1,%%% {good}")
        self.assertEqual(signature.verify(SECRET, hdrs, BODY, now=TS), (MSG_ID, TS))
        # The right digest under another version prefix does not count.
        self.assertCode(
            "invalid_signature", SECRET, headers(f"v1a,{encoded} v2,{encoded}")
        )

    def test_tampered_body(self):
        sig = expected_signature(KEY, MSG_ID, TS, BODY)
        self.assertCode(
            "invalid_signature", SECRET, headers(sig), body=BODY.replace(b"1", b"2")
        )
        # Same JSON, different bytes: verification is over the raw body.
        self.assertCode(
            "invalid_signature", SECRET, headers(sig), body=BODY.replace(b": ", b":")
        )

    def test_tampered_id_or_timestamp(self):
        sig = expected_signature(KEY, MSG_ID, TS, BODY)
        self.assertCode("invalid_signature", SECRET, headers(sig, msg_id="msg_other"))
        self.assertCode("invalid_signature", SECRET, headers(sig, timestamp=TS + 1))

    def test_wrong_secret(self):
        sig = expected_signature(KEY, MSG_ID, TS, BODY)
        self.assertCode("invalid_signature", OTHER_SECRET, headers(sig))

    def test_truncated_signature(self):
        sig = expected_signature(KEY, MSG_ID, TS, BODY)
        digest = base64.b64decode(sig[3:])
        short = "v1," + base64.b64encode(digest[:16]).decode()
        self.assertCode("invalid_signature", SECRET, headers(short))

    def test_stale_past_and_future(self):
        sig = expected_signature(KEY, MSG_ID, TS, BODY)
        # Exactly at the tolerance is still accepted, in both directions.
        for now in (TS + 300, TS - 300):
            self.assertEqual(
                signature.verify(SECRET, headers(sig), BODY, now=now), (MSG_ID, TS)
            )
        for now in (TS + 301, TS - 301, TS + 86400, TS - 86400):
            with self.subTest(now=now):
                self.assertCode("stale_timestamp", SECRET, headers(sig), now=now)

    def test_custom_tolerance(self):
        sig = expected_signature(KEY, MSG_ID, TS, BODY)
        self.assertCode(
            "stale_timestamp", SECRET, headers(sig), now=TS + 11, tolerance=10
        )
        self.assertEqual(
            signature.verify(SECRET, headers(sig), BODY, now=TS + 10, tolerance=10),
            (MSG_ID, TS),
        )

    def test_stale_checked_even_with_valid_signature(self):
        """A genuine but replayed request is rejected as stale."""
        sig = expected_signature(KEY, MSG_ID, TS, BODY)
        self.assertCode("stale_timestamp", SECRET, headers(sig), now=TS + 3600)

    def test_default_now_is_current_time(self):
        sig = expected_signature(KEY, MSG_ID, TS, BODY)
        # TS is in November 2025; the real clock is later than TS + 300.
        with self.assertRaises(SignatureError) as ctx:
            signature.verify(SECRET, headers(sig), BODY)
        self.assertEqual(ctx.exception.code, "stale_timestamp")

    def test_missing_headers(self):
        sig = expected_signature(KEY, MSG_ID, TS, BODY)
        full = headers(sig)
        for name in ("webhook-id", "webhook-timestamp", "webhook-signature"):
            with self.subTest(missing=name):
                hdrs = {k: v for k, v in full.items() if k != name}
                self.assertCode("missing_signature", SECRET, hdrs)
            with self.subTest(empty=name):
                self.assertCode("missing_signature", SECRET, {**full, name: "  "})
        self.assertCode("missing_signature", SECRET, {})

    def test_non_integer_timestamp(self):
        sig = expected_signature(KEY, MSG_ID, TS, BODY)
        for bad in ("abc", "1763640000.5", "-5", "+1763640000", "1_763_640_000"):
            with self.subTest(timestamp=bad):
                error = self.assertCode(
                    "invalid_signature", SECRET, headers(sig, timestamp=bad)
                )
                self.assertEqual(
                    error.message, "webhook-timestamp must be unix seconds"
                )

    def test_malformed_secret_is_a_value_error(self):
        sig = expected_signature(KEY, MSG_ID, TS, BODY)
        with self.assertRaises(ValueError):
            signature.verify("whsec_short", headers(sig), BODY, now=TS)

    def test_error_codes_are_stable(self):
        error = SignatureError("invalid_signature")
        self.assertEqual(error.code, "invalid_signature")
        self.assertTrue(error.message)
        self.assertIsInstance(error, Exception)
