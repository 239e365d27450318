"""Validation of the ``interview.completed`` webhook payload.

Hand-written (stdlib only) so the addon has no runtime dependency beyond Odoo.
``validate_payload`` collects *every* problem instead of stopping at the first,
so a vendor can fix a payload in one round trip.  Each error is
``{"path": ..., "message": ...}`` where the path uses dotted keys and ``[i]``
list indexes, e.g. ``data.dimensions[1].score``; the empty path ``""`` is the
payload itself.

Conventions:

* Unknown keys are ignored, so vendors can add fields without breaking us.
* An optional key whose value is JSON ``null`` is accepted and means "no
  value"; it still counts as present (see ``present`` below).  A required key
  that is ``null`` is reported as missing.
* ``bool`` is never accepted where a number is expected, although Python
  considers ``True`` an ``int``.
* Numbers are returned as ``float``; integers (ids, attempt) as ``int``.

The clean result also has ``present``: the set of optional keys of ``data``
that appeared in the payload, so that a re-sent partial update can keep the
values it omitted instead of blanking them.
"""

import json
import math
import re
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

ALLOWED_TYPES = ("interview.completed",)
OPTIONAL_DATA_KEYS = frozenset(
    (
        "attempt",
        "job",
        "overall",
        "report_url",
        "recording_url",
        "transcript",
        "language",
    )
)

INTERVIEW_ID_MAX = 128
EMAIL_MAX = 254
DIMENSIONS_MIN = 1
DIMENSIONS_MAX = 100
LABEL_MAX = 256
EVIDENCE_MAX = 10000
URL_MAX = 2048
TRANSCRIPT_MAX_BYTES = 1024 * 1024
LANGUAGE_MAX = 16

_CODE_RE = re.compile(r"[a-z0-9_.-]{1,64}")
_RFC3339_RE = re.compile(
    r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})"
    r"[Tt](?P<hour>[0-9]{2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2})"
    r"(?:\.(?P<fraction>[0-9]+))?"
    r"(?P<offset>[Zz]|[+-][0-9]{2}:[0-9]{2})"
)
# NUL cannot be stored in a PostgreSQL text column and unpaired surrogates
# (legal in JSON "\ud800" escapes) cannot be encoded as UTF-8: both would only
# fail later, at write time, with an unhelpful database error.
_BAD_TEXT_RE = re.compile(r"[\x00\ud800-\udfff]")
_MISSING = object()


def parse_json(raw: bytes) -> object:
    """Decode a raw request body as strict UTF-8 JSON.

    Raise ``ValueError`` for bytes that are not UTF-8, for invalid JSON and for
    the non-standard ``NaN``/``Infinity`` constants Python would accept.
    """
    if not isinstance(raw, bytes | bytearray | memoryview):
        raise ValueError("the body must be bytes")
    try:
        text = bytes(raw).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError("the body is not valid UTF-8") from exc
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except RecursionError as exc:
        raise ValueError("the JSON document is nested too deeply") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON: {exc}") from exc


def _reject_constant(name):
    raise ValueError(f"invalid JSON: {name} is not allowed")


# --------------------------------------------------------------------------
# Field helpers.  Each records its own errors and returns the clean value, or
# None when the value is invalid, so callers can keep validating siblings.
# --------------------------------------------------------------------------


def _error(errors, path, message):
    errors.append({"path": path, "message": message})


def _join(path, key):
    return f"{path}.{key}" if path else key


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _text(errors, value, path, max_chars=None, min_chars=0):
    if not isinstance(value, str):
        _error(errors, path, "must be a string")
        return None
    if _BAD_TEXT_RE.search(value):
        _error(errors, path, "must not contain NUL characters or unpaired surrogates")
        return None
    if len(value) < min_chars:
        _error(errors, path, f"must be at least {min_chars} characters")
        return None
    if max_chars is not None and len(value) > max_chars:
        _error(errors, path, f"must be at most {max_chars} characters")
        return None
    return value


def _number(errors, value, path):
    """Return ``value`` as a finite float, or record an error."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        _error(errors, path, "must be a number")
        return None
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        _error(errors, path, "must be a finite number")
        return None
    return number


def _positive_int(errors, value, path):
    if not _is_int(value):
        _error(errors, path, "must be an integer")
        return None
    if value < 1:
        _error(errors, path, "must be greater than or equal to 1")
        return None
    return value


def _percentile(errors, value, path):
    if value is None:
        return None
    number = _number(errors, value, path)
    if number is not None and not 0 <= number <= 100:
        _error(errors, path, "must be between 0 and 100")
        return None
    return number


def _fmt(number):
    # 100.0 reads better as "100" in a message; keep other values exact.
    return str(int(number)) if number.is_integer() else repr(number)


def _score_and_max(errors, obj, path, default_max):
    """Validate ``score`` (required) and ``max`` (optional) of ``obj``."""
    raw_max = obj.get("max")
    max_score = default_max
    if raw_max is not None:
        max_score = _number(errors, raw_max, _join(path, "max"))
        if max_score is not None and max_score <= 0:
            _error(errors, _join(path, "max"), "must be greater than 0")
            max_score = None
    score_path = _join(path, "score")
    if obj.get("score") is None:
        _error(errors, score_path, "is required")
        return None, max_score
    score = _number(errors, obj["score"], score_path)
    # Without a usable max the range cannot be checked; max already has an error.
    if score is not None and max_score is not None and not 0 <= score <= max_score:
        _error(errors, score_path, f"must be between 0 and {_fmt(max_score)}")
        score = None
    return score, max_score


def parse_rfc3339(value: str) -> datetime | None:
    """Return an RFC 3339 date-time as a naive UTC ``datetime``, or None.

    A time-zone offset (``Z`` or ``+hh:mm``) is mandatory, since a naive time
    would be ambiguous.  Fractions beyond microseconds are truncated and a leap
    second (``:60``) is clamped to the last representable instant.
    """
    match = _RFC3339_RE.fullmatch(value) if isinstance(value, str) else None
    if not match:
        return None
    parts = {
        key: int(match[key])
        for key in ("year", "month", "day", "hour", "minute", "second")
    }
    fraction = match["fraction"] or ""
    micro = int(fraction[:6].ljust(6, "0"))
    if parts["second"] == 60:
        parts["second"], micro = 59, 999999
    offset = match["offset"]
    delta = timedelta()
    if offset not in ("Z", "z"):
        hours, minutes = int(offset[1:3]), int(offset[4:6])
        if hours > 23 or minutes > 59:
            return None
        delta = timedelta(hours=hours, minutes=minutes)
        delta = -delta if offset[0] == "-" else delta
    try:
        local = datetime(microsecond=micro, tzinfo=timezone(delta), **parts)
        return local.astimezone(timezone.utc).replace(tzinfo=None)
    except (ValueError, OverflowError):
        return None


def _datetime(errors, value, path):
    parsed = parse_rfc3339(value)
    if parsed is None:
        _error(errors, path, "must be an RFC 3339 date-time, e.g. 2026-11-20T10:00:00Z")
    return parsed


def _https_url(errors, value, path):
    url = _text(errors, value, path, max_chars=URL_MAX)
    if url is None:
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        parts, host = None, None
    # Whitespace is rejected outright: urlsplit silently strips some of it, and
    # the URL ends up as a clickable link in the back office.
    if parts is None or parts.scheme != "https" or not host or re.search(r"\s", url):
        _error(errors, path, "must be an https:// URL")
        return None
    return url


# --------------------------------------------------------------------------
# Sections of the payload.
# --------------------------------------------------------------------------


def _object(errors, parent, key, path, required):
    """Return ``parent[key]`` if it is an object, ``None`` if absent/invalid."""
    value = parent.get(key)
    if value is None:
        if required:
            _error(errors, path, "is required")
        return None
    if not isinstance(value, dict):
        _error(errors, path, "must be an object")
        return None
    return value


def _applicant(errors, data):
    path = "data.applicant"
    applicant = _object(errors, data, "applicant", path, required=True)
    if applicant is None:
        return None
    raw_id, raw_email = applicant.get("id"), applicant.get("email")
    if raw_id is None and raw_email is None:
        _error(errors, path, "must have an id or an email")
    applicant_id = email = name = None
    if raw_id is not None:
        applicant_id = _positive_int(errors, raw_id, f"{path}.id")
    if raw_email is not None:
        email = _email(errors, raw_email, f"{path}.email")
    if applicant.get("name") is not None:
        name = _text(errors, applicant["name"], f"{path}.name")
        name = (name or "").strip() or None
    return {"id": applicant_id, "email": email, "name": name}


def _email(errors, value, path):
    email = _text(errors, value, path)
    if email is None:
        return None
    email = email.strip().lower()
    local, _at, domain = email.partition("@")
    if len(email) > EMAIL_MAX:
        _error(errors, path, f"must be at most {EMAIL_MAX} characters")
        return None
    if email.count("@") != 1 or not local or not domain or re.search(r"\s", email):
        _error(errors, path, "must be an email address")
        return None
    return email


def _job_id(errors, data):
    job = _object(errors, data, "job", "data.job", required=False)
    if job is None or job.get("id") is None:
        return None
    return _positive_int(errors, job["id"], "data.job.id")


def _overall(errors, data, default_max):
    overall = _object(errors, data, "overall", "data.overall", required=False)
    if overall is None:
        return None
    score, max_score = _score_and_max(errors, overall, "data.overall", default_max)
    percentile = _percentile(
        errors, overall.get("percentile"), "data.overall.percentile"
    )
    return {"score": score, "max": max_score, "percentile": percentile}


def _dimensions(errors, data, default_max):
    path = "data.dimensions"
    items = data.get("dimensions")
    if items is None:
        _error(errors, path, "is required")
        return []
    if not isinstance(items, list):
        _error(errors, path, "must be a list")
        return []
    if not DIMENSIONS_MIN <= len(items) <= DIMENSIONS_MAX:
        _error(
            errors,
            path,
            f"must have between {DIMENSIONS_MIN} and {DIMENSIONS_MAX} items",
        )
        return []
    seen = set()
    return [
        _dimension(errors, item, f"{path}[{index}]", default_max, seen)
        for index, item in enumerate(items)
    ]


def _dimension(errors, item, path, default_max, seen):
    if not isinstance(item, dict):
        _error(errors, path, "must be an object")
        return None
    code = _dimension_code(errors, item.get("code"), f"{path}.code", seen)
    score, max_score = _score_and_max(errors, item, path, default_max)
    label = evidence = None
    if item.get("label") is not None:
        label = _text(errors, item["label"], f"{path}.label", max_chars=LABEL_MAX)
    if item.get("evidence") is not None:
        evidence = _text(
            errors, item["evidence"], f"{path}.evidence", max_chars=EVIDENCE_MAX
        )
    return {
        "code": code,
        "label": label,
        "score": score,
        "max": max_score,
        "percentile": _percentile(errors, item.get("percentile"), f"{path}.percentile"),
        "evidence": evidence,
    }


def _dimension_code(errors, value, path, seen):
    if value is None:
        _error(errors, path, "is required")
        return None
    if not isinstance(value, str) or not _CODE_RE.fullmatch(value):
        _error(errors, path, "must match ^[a-z0-9_.-]{1,64}$")
        return None
    if value in seen:
        _error(errors, path, f"duplicate dimension code {value!r}")
        return None
    seen.add(value)
    return value


def _interview_id(errors, data):
    path = "data.interview_id"
    if data.get("interview_id") is None:
        _error(errors, path, "is required")
        return None
    value = _text(errors, data["interview_id"], path, INTERVIEW_ID_MAX, min_chars=1)
    if value is not None and not value.strip():
        _error(errors, path, "must not be blank")
        return None
    return value


def _attempt(errors, data):
    if data.get("attempt") is None:
        return 1
    return _positive_int(errors, data["attempt"], "data.attempt")


def _completed_at(errors, data):
    if data.get("completed_at") is None:
        _error(errors, "data.completed_at", "is required")
        return None
    return _datetime(errors, data["completed_at"], "data.completed_at")


def _media(errors, data):
    """Validate the optional links, transcript and language of ``data``."""
    clean = {"report_url": None, "recording_url": None}
    for key in clean:
        if data.get(key) is not None:
            clean[key] = _https_url(errors, data[key], f"data.{key}")
    transcript = language = None
    if data.get("transcript") is not None:
        transcript = _text(errors, data["transcript"], "data.transcript")
        if transcript and len(transcript.encode("utf-8")) > TRANSCRIPT_MAX_BYTES:
            _error(
                errors,
                "data.transcript",
                f"must be at most {TRANSCRIPT_MAX_BYTES} bytes in UTF-8",
            )
            transcript = None
    if data.get("language") is not None:
        language = _text(errors, data["language"], "data.language", LANGUAGE_MAX)
    clean.update(transcript=transcript, language=language)
    return clean


def _type(errors, payload):
    value = payload.get("type")
    if value is None:
        _error(errors, "type", "is required")
        return None
    if value not in ALLOWED_TYPES:
        allowed = ", ".join(repr(t) for t in ALLOWED_TYPES)
        _error(errors, "type", f"must be one of: {allowed}")
        return None
    return value


def _data(errors, data, default_max):
    return {
        "interview_id": _interview_id(errors, data),
        "attempt": _attempt(errors, data),
        "applicant": _applicant(errors, data),
        "job_id": _job_id(errors, data),
        "completed_at": _completed_at(errors, data),
        "overall": _overall(errors, data, default_max),
        "dimensions": _dimensions(errors, data, default_max),
        **_media(errors, data),
        "present": {key for key in OPTIONAL_DATA_KEYS if key in data},
    }


def validate_payload(
    obj: object, default_max: float = 100.0
) -> tuple[dict | None, list[dict]]:
    """Validate a decoded webhook payload and return ``(clean, errors)``.

    ``errors`` lists every problem found as ``{"path", "message"}`` dicts;
    ``clean`` is None whenever there is at least one error.  ``default_max`` is
    the scale used for scores that do not state their own ``max``.

    The clean dict has the keys ``type``, ``interview_id``, ``attempt``,
    ``applicant`` (``id``, ``email``, ``name``), ``job_id``, ``completed_at``
    (naive UTC datetime), ``overall`` (``score``, ``max``, ``percentile``; or
    None), ``dimensions`` (list of ``code``, ``label``, ``score``, ``max``,
    ``percentile``, ``evidence``), ``report_url``, ``recording_url``,
    ``transcript``, ``language`` and ``present``.
    """
    if isinstance(default_max, bool) or not (
        isinstance(default_max, int | float) and 0 < default_max < math.inf
    ):
        raise ValueError("default_max must be a positive finite number")
    errors = []
    if not isinstance(obj, dict):
        _error(errors, "", "the payload must be a JSON object")
        return None, errors
    event_type = _type(errors, obj)
    if obj.get("timestamp") is not None:
        _datetime(errors, obj["timestamp"], "timestamp")
    data = _object(errors, obj, "data", "data", required=True)
    clean = _data(errors, data, float(default_max)) if data is not None else None
    if errors:
        return None, errors
    return {"type": event_type, **clean}, errors
