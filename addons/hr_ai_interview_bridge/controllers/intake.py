"""Vendor endpoint: ``POST /ai_interview/v1/<vendor_code>/results``.

Thin on purpose: transport checks (size, media type), vendor lookup, then the
pure intake core (signature, schema) and the model's ``_ingest``.  Every
answer is JSON with one error shape: ``{"error": {"code", "message"}}``.
"""

import logging

from werkzeug.exceptions import RequestEntityTooLarge

from odoo import http
from odoo.http import request
from odoo.tools.misc import file_open

from ..intake import schema, signature

_logger = logging.getLogger(__name__)

MAX_PAYLOAD_PARAM = "hr_ai_interview_bridge.max_payload_bytes"
DEFAULT_MAX_PAYLOAD = 2 * 1024 * 1024
OPENAPI_PATH = "hr_ai_interview_bridge/static/openapi/ai_interview_v1.json"


def error_response(status, code, message, details=None):
    error = {"code": code, "message": message}
    if details is not None:
        error["details"] = details
    return request.make_json_response({"error": error}, status=status)


class AiInterviewIntake(http.Controller):
    @http.route(
        "/ai_interview/v1/openapi.json",
        type="http",
        auth="none",
        methods=["GET"],
        save_session=False,
    )
    def openapi(self):
        with file_open(OPENAPI_PATH, "rb") as spec:
            return request.make_response(
                spec.read(), headers=[("Content-Type", "application/json")]
            )

    @http.route(
        "/ai_interview/v1/<string:vendor_code>/results",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,  # machine-to-machine: authenticated by the signature
        save_session=False,
    )
    def post_result(self, vendor_code, **_kwargs):
        httprequest = request.httprequest
        limit = self._max_payload_bytes()
        if (httprequest.content_length or 0) > limit:
            return self._too_large(limit)
        if httprequest.mimetype != "application/json":
            return error_response(
                415,
                "unsupported_media_type",
                "Send the payload with Content-Type: application/json.",
            )
        httprequest.max_content_length = limit
        try:
            raw = httprequest.get_data(cache=True)
        except RequestEntityTooLarge:
            return self._too_large(limit)
        if len(raw) > limit:
            return self._too_large(limit)

        env = self._intake_env()
        vendor = env["hr.ai.interview.vendor"].search(
            [("code", "=", vendor_code)], limit=1
        )
        if not vendor:
            return error_response(
                404, "unknown_vendor", f"No active vendor with code {vendor_code!r}."
            )
        # sudo: the secret is readable by Recruitment managers only; the
        # intake user needs it for this one comparison and nothing else.
        secret = vendor.sudo().secret
        try:
            webhook_id, _timestamp = signature.verify(
                secret,
                {name.lower(): value for name, value in httprequest.headers.items()},
                raw,
                tolerance=vendor.timestamp_tolerance,
            )
        except signature.SignatureError as exc:
            return error_response(401, exc.code, exc.message)

        try:
            obj = schema.parse_json(raw)
        except ValueError as exc:
            return error_response(400, "invalid_json", f"The body is not JSON: {exc}")
        if not isinstance(obj, dict):
            return error_response(
                400, "invalid_payload", "The payload must be a JSON object."
            )
        clean, errors = schema.validate_payload(obj, vendor.default_max_score)
        if errors:
            return error_response(
                422,
                "validation_error",
                f"The payload has {len(errors)} error(s).",
                details=errors,
            )

        Delivery = env["hr.ai.interview.delivery"]
        delivery = Delivery._claim(vendor, webhook_id)
        if not delivery:
            previous = Delivery._find(vendor, webhook_id)
            return request.make_json_response(
                {"status": "duplicate", "result_id": previous.result_id.id or None},
                status=200,
            )
        result = env["hr.ai.interview.result"]._ingest(vendor, clean, webhook_id, obj)
        delivery.result_id = result
        return request.make_json_response(
            {"status": "accepted", "result_id": result.id, "state": result.state},
            status=202,
        )

    def _intake_env(self):
        """Environment of the dedicated intake user (least privilege)."""
        user = request.env.ref("hr_ai_interview_bridge.user_ai_intake")
        return request.env(user=user.id, su=False)

    def _max_payload_bytes(self):
        # sudo: system parameters are admin-only; this one is not a secret.
        value = request.env["ir.config_parameter"].sudo().get_param(MAX_PAYLOAD_PARAM)
        try:
            return int(value) if value else DEFAULT_MAX_PAYLOAD
        except ValueError:
            return DEFAULT_MAX_PAYLOAD

    def _too_large(self, limit):
        return error_response(
            413,
            "payload_too_large",
            f"The payload is larger than the limit of {limit} bytes.",
        )
