#!/usr/bin/env python3
"""Post the sample vendor payloads of data/vendor_payloads/ to an Odoo server.

Each payload listed in ``index.json`` is signed per Standard Webhooks with its
vendor's demo secret (fresh ``webhook-id``, current timestamp) and posted, in
the listed order, to ``<url>/ai_interview/v1/<vendor>/results``.  One line is
printed per payload; the exit code is 1 if any answer is not 2xx.

Standard library only, so it runs with any Python 3.10+:

    scripts/demo_feed.py                        # http://localhost:$HTTP_PORT
    scripts/demo_feed.py --only 'zhao_min'      # substring of the file name
    scripts/demo_feed.py --only '2[0-2]_*'      # or a glob
    scripts/demo_feed.py --url http://127.0.0.1:8070
"""

import argparse
import fnmatch
import json
import os
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDON = ROOT / "addons" / "hr_ai_interview_bridge"
PAYLOAD_DIR = ROOT / "data" / "vendor_payloads"
ENDPOINT = "/ai_interview/v1/{vendor}/results"


def load_signature():
    """Import the addon's pure-stdlib signing module (it does not need Odoo)."""
    if str(ADDON) not in sys.path:
        sys.path.insert(0, str(ADDON))
    from intake import signature

    return signature


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description="Sign and post the sample AI-interview payloads to Odoo."
    )
    parser.add_argument(
        "--url",
        default=f"http://localhost:{os.environ.get('HTTP_PORT') or '8069'}",
        help="Odoo base URL (default: http://localhost:$HTTP_PORT, port 8069)",
    )
    parser.add_argument(
        "--only",
        metavar="PATTERN",
        help="post only the files whose name contains PATTERN, or matches it "
        "as a glob when it has * ? or [",
    )
    parser.add_argument(
        "--dir",
        type=Path,
        default=PAYLOAD_DIR,
        help="directory with index.json and the payloads (default: %(default)s)",
    )
    parser.add_argument(
        "--timeout", type=float, default=30.0, help="seconds per request"
    )
    return parser.parse_args(argv)


def selected(entries, pattern):
    if not pattern:
        return entries
    if any(char in pattern for char in "*?["):
        return [e for e in entries if fnmatch.fnmatch(e["file"], pattern)]
    return [e for e in entries if pattern in e["file"]]


def post(signature, url, secret, body, timeout):
    """POST ``body`` signed with ``secret``; return ``(status, decoded answer)``.

    ``signature`` is the addon's ``intake.signature`` module.  Raise ``OSError``
    (``urllib.error.URLError``, a timeout) when the server cannot be reached.
    """
    msg_id = f"msg_{uuid.uuid4().hex}"
    timestamp = int(time.time())
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "webhook-id": msg_id,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": signature.sign(secret, msg_id, timestamp, body),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as exc:
        status, raw = exc.code, exc.read()
    try:
        answer = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        answer = {
            "error": {"code": "not_json", "message": raw[:200].decode(errors="replace")}
        }
    return status, answer


def describe(status, answer):
    """One-line summary of an answer: status/state/result_id or the error."""
    if not isinstance(answer, dict):
        return f"unexpected answer {answer!r}"[:200]
    if 200 <= status < 300:
        parts = [str(answer.get("status", "?"))]
        if answer.get("state"):
            parts.append(f"state={answer['state']}")
        parts.append(f"result_id={answer.get('result_id')}")
        return " ".join(parts)
    error = answer.get("error") if isinstance(answer.get("error"), dict) else {}
    text = f"{error.get('code', 'error')}: {error.get('message', '')}".rstrip(": ")
    details = error.get("details")
    if isinstance(details, list) and details:
        shown = "; ".join(
            f"{d.get('path')} {d.get('message')}"
            for d in details[:3]
            if isinstance(d, dict)
        )
        text += f" [{shown}{'; ...' if len(details) > 3 else ''}]"
    return text


def main(argv=None):
    args = parse_args(argv)
    index = json.loads((args.dir / "index.json").read_text(encoding="utf-8"))
    vendors = index["vendors"]
    entries = selected(index["payloads"], args.only)
    if not entries:
        print(f"No payload matches {args.only!r}.", file=sys.stderr)
        return 1
    signature = load_signature()
    base = args.url.rstrip("/")
    width = max(len(entry["file"]) for entry in entries)
    failures = 0
    for entry in entries:
        vendor = entry["vendor"]
        body = (args.dir / entry["file"]).read_bytes()  # signed and sent as is
        url = base + ENDPOINT.format(vendor=vendor)
        try:
            status, answer = post(
                signature, url, vendors[vendor]["secret"], body, args.timeout
            )
        except OSError as exc:
            reason = getattr(exc, "reason", None) or exc
            print(f"{entry['file']:<{width}}  ---  cannot reach {url}: {reason}")
            print(
                "Is Odoo running? Start it with `make demo`, or pass --url.",
                file=sys.stderr,
            )
            return 1
        if not 200 <= status < 300:
            failures += 1
        print(f"{entry['file']:<{width}}  {status}  {describe(status, answer)}")
    if failures:
        print(f"{failures} of {len(entries)} payload(s) failed.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
