"""`make bench`: throughput and latency of the vendor endpoint.

Posts N signed deliveries (default 200, 4 at a time) to a running server
(`make demo`), on loopback only, and prints requests/s and latency
percentiles.  Each delivery is a new interview of an unknown candidate, so
results are stored as "unmatched" and no routing runs: this measures the
intake itself (signature, validation, storage, percentile maths).
"""

import argparse
import json
import os
import statistics
import sys
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "addons" / "hr_ai_interview_bridge"))
from intake import signature  # noqa: E402

INDEX = ROOT / "data" / "vendor_payloads" / "index.json"


def delivery(secret, run_id, number):
    body = json.dumps(
        {
            "type": "interview.completed",
            "data": {
                "interview_id": f"bench-{run_id}-{number}",
                "applicant": {"email": f"bench-{run_id}-{number}@example.com"},
                "completed_at": "2026-11-20T10:00:00Z",
                "dimensions": [
                    {"code": code, "score": (number * 7 + offset) % 101}
                    for offset, code in enumerate(
                        ("logic", "communication", "teamwork", "technical")
                    )
                ],
            },
        }
    ).encode()
    webhook_id = f"msg_{uuid.uuid4().hex}"
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "webhook-id": webhook_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature.sign(secret, webhook_id, timestamp, body),
    }
    return body, headers


def post(url, body, headers, timeout):
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return status, time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--url", default=f"http://127.0.0.1:{os.environ.get('HTTP_PORT', '8069')}"
    )
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args()
    if not args.url.startswith(("http://127.", "http://localhost", "http://[::1]")):
        parser.error("benchmarks only target a server on this machine")
    count = max(1, min(args.requests, 5000))  # bounded, whatever is asked
    index = json.loads(INDEX.read_text())
    vendor, info = next(iter(index["vendors"].items()))
    url = f"{args.url}/ai_interview/v1/{vendor}/results"
    run_id = uuid.uuid4().hex[:8]
    deliveries = [delivery(info["secret"], run_id, n) for n in range(count)]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
        answers = list(
            pool.map(lambda d: post(url, d[0], d[1], args.timeout), deliveries)
        )
    elapsed = time.perf_counter() - started
    latencies = sorted(latency for _status, latency in answers)
    errors = [status for status, _latency in answers if status != 202]

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))]

    sys.stdout.write(
        f"{count} deliveries, concurrency {args.concurrency}: "
        f"{count / elapsed:.1f} req/s; latency p50 {pct(50) * 1000:.0f} ms, "
        f"p95 {pct(95) * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms, "
        f"mean {statistics.mean(latencies) * 1000:.0f} ms; "
        f"non-202 answers: {len(errors)}\n"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
