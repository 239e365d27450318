"""Standard Webhooks signing and verification (https://www.standardwebhooks.com).

A vendor signs ``f"{webhook-id}.{webhook-timestamp}."`` followed by the raw
request body with HMAC-SHA256 and sends the result as ``v1,<base64>`` in the
``webhook-signature`` header.  Several space-separated signatures may be sent
at once, which lets a secret be rotated without downtime: during the overlap
the vendor signs with both the old and the new secret.

Verification always works on the raw body bytes, never on re-serialised JSON,
because any difference in whitespace or key order would break the HMAC.
"""

import base64
import binascii
import hashlib
import hmac
import os
import re
import time
from collections.abc import Iterator, Mapping

SECRET_PREFIX = "whsec_"
SIGNATURE_VERSION = "v1"
DEFAULT_TOLERANCE = 300
# Standard Webhooks requires 24-64 byte keys; shorter ones are brute-forceable.
MIN_KEY_BYTES = 24

HEADER_ID = "webhook-id"
HEADER_TIMESTAMP = "webhook-timestamp"
HEADER_SIGNATURE = "webhook-signature"

# int() would also accept " 12", "+12", "1_2" and non-ASCII digits; the
# timestamp is part of the signed content, so only plain ASCII digits are valid.
_TIMESTAMP_RE = re.compile(r"[0-9]{1,15}")

_MESSAGES = {
    "missing_signature": "webhook-id, webhook-timestamp and webhook-signature "
    "headers are required",
    "invalid_signature": "no valid signature found",
    "stale_timestamp": "webhook-timestamp is outside the allowed tolerance",
}


class SignatureError(Exception):
    """A webhook request failed verification.

    ``code`` is one of ``missing_signature``, ``invalid_signature`` or
    ``stale_timestamp`` (stable, for logs and API responses); ``message`` is a
    human-readable explanation.
    """

    def __init__(self, code: str, message: str | None = None) -> None:
        self.code = code
        self.message = message or _MESSAGES.get(code, code)
        super().__init__(self.message)


def generate_secret(nbytes: int = 32) -> str:
    """Return a new random secret in the ``whsec_<base64>`` format."""
    if nbytes < MIN_KEY_BYTES:
        raise ValueError(f"a secret needs at least {MIN_KEY_BYTES} bytes")
    return SECRET_PREFIX + base64.b64encode(os.urandom(nbytes)).decode("ascii")


def decode_secret(secret: str) -> bytes:
    """Return the HMAC key bytes of a ``whsec_`` secret.

    The prefix is optional.  Raise ``ValueError`` if the secret is not valid
    base64 or the key is shorter than 24 bytes.
    """
    if not isinstance(secret, str):
        raise ValueError("the webhook secret must be a string")
    encoded = secret.strip()
    if encoded.startswith(SECRET_PREFIX):
        encoded = encoded[len(SECRET_PREFIX) :]
    try:
        key = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError("the webhook secret is not valid base64") from exc
    if len(key) < MIN_KEY_BYTES:
        raise ValueError(f"the webhook secret must decode to >= {MIN_KEY_BYTES} bytes")
    return key


def _digest(key: bytes, msg_id: str, timestamp: int | str, body: bytes) -> bytes:
    signed = f"{msg_id}.{timestamp}.".encode() + body
    return hmac.new(key, signed, hashlib.sha256).digest()


def sign(secret: str, msg_id: str, timestamp: int | str, body: bytes) -> str:
    """Return the ``v1,<base64>`` signature of ``body`` for this id and timestamp.

    ``timestamp`` is unix seconds (int or str); ``body`` the raw request bytes.
    """
    digest = _digest(decode_secret(secret), msg_id, timestamp, body)
    return f"{SIGNATURE_VERSION},{base64.b64encode(digest).decode('ascii')}"


def _header(lowered: dict, name: str) -> str:
    value = lowered.get(name)
    if not isinstance(value, str) or not value.strip():
        raise SignatureError("missing_signature", f"the {name} header is required")
    return value.strip()


def _candidate_digests(header_value: str) -> Iterator[bytes]:
    """Yield the decoded digests of the ``v1`` entries of a signature header."""
    for entry in header_value.split():
        version, sep, encoded = entry.partition(",")
        # Other versions (e.g. v1a, asymmetric) are allowed by the standard and
        # must be skipped, not treated as failures.
        if not sep or version != SIGNATURE_VERSION:
            continue
        try:
            yield base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            continue


def verify(
    secret: str,
    headers: Mapping[str, str],
    body: bytes,
    now: float | None = None,
    tolerance: int = DEFAULT_TOLERANCE,
) -> tuple[str, int]:
    """Verify a Standard Webhooks request and return ``(webhook_id, timestamp)``.

    ``headers`` is any mapping; names are matched case-insensitively.
    ``body`` must be the raw request bytes.  ``now`` (unix seconds) defaults to
    the current time; timestamps more than ``tolerance`` seconds away from it,
    in either direction, are rejected to limit replays.

    Raise ``SignatureError`` (codes ``missing_signature``, ``invalid_signature``
    or ``stale_timestamp``) when the request must be rejected, and
    ``ValueError`` when ``secret`` itself is malformed (a configuration error,
    not the sender's fault).
    """
    key = decode_secret(secret)
    if not isinstance(headers, Mapping):
        raise TypeError("headers must be a mapping")
    lowered = {str(name).lower(): value for name, value in headers.items()}
    msg_id = _header(lowered, HEADER_ID)
    raw_timestamp = _header(lowered, HEADER_TIMESTAMP)
    signatures = _header(lowered, HEADER_SIGNATURE)

    if not _TIMESTAMP_RE.fullmatch(raw_timestamp):
        raise SignatureError(
            "invalid_signature", "webhook-timestamp must be unix seconds"
        )
    timestamp = int(raw_timestamp)
    current = time.time() if now is None else now
    # Checked before the HMAC: cheap, and a replayed request is rejected even
    # when its signature is genuine.
    if abs(current - timestamp) > tolerance:
        raise SignatureError("stale_timestamp")

    # Sign the canonical integer, as the reference implementations do.
    expected = _digest(key, msg_id, timestamp, bytes(body))
    for candidate in _candidate_digests(signatures):
        if hmac.compare_digest(expected, candidate):
            return msg_id, timestamp
    raise SignatureError("invalid_signature")
