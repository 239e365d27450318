import base64
import csv
import hashlib
import io
import json

from odoo import _, fields, models
from odoo.exceptions import UserError

from ..intake import schema

INTERVIEW_COLUMNS = (
    "interview_id",
    "attempt",
    "applicant_id",
    "applicant_email",
    "applicant_name",
    "job_id",
    "completed_at",
    "overall_score",
    "overall_max",
    "overall_percentile",
    "report_url",
    "recording_url",
    "language",
)
DIMENSION_COLUMNS = ("dimension", "score", "max", "percentile", "evidence", "label")
REQUIRED_COLUMNS = ("interview_id", "completed_at", "dimension", "score")


class HrAiInterviewImport(models.TransientModel):
    """Import past AI-interview results from a CSV file (data migration).

    One row per dimension score; rows sharing ``interview_id`` and
    ``attempt`` form one result.  Each group goes through the same
    validation and upsert as the vendor API, so imported and delivered
    results behave the same.  "Check" is a dry run: it says what would be
    created, updated or rejected and writes nothing.
    """

    _name = "hr.ai.interview.import"
    _description = "Import AI Interview Results"

    vendor_id = fields.Many2one("hr.ai.interview.vendor", required=True)
    file = fields.Binary(string="CSV file", required=True)
    filename = fields.Char()
    state = fields.Selection(
        [("draft", "Draft"), ("checked", "Checked"), ("done", "Imported")],
        default="draft",
        required=True,
    )
    line_ids = fields.One2many("hr.ai.interview.import.line", "wizard_id")
    create_count = fields.Integer(compute="_compute_counts")
    update_count = fields.Integer(compute="_compute_counts")
    reject_count = fields.Integer(compute="_compute_counts")

    def _compute_counts(self):
        for wizard in self:
            actions = wizard.line_ids.mapped("action")
            wizard.create_count = actions.count("create")
            wizard.update_count = actions.count("update")
            wizard.reject_count = actions.count("reject")

    # ------------------------------------------------------------------
    def _read_rows(self):
        """Decoded CSV rows as dicts, with their row number (header = 1)."""
        self.ensure_one()
        try:
            text = base64.b64decode(self.file or b"").decode("utf-8-sig")
        except (ValueError, UnicodeDecodeError) as exc:
            raise UserError(_("The file must be a UTF-8 encoded CSV file.")) from exc
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        reader = csv.DictReader(io.StringIO(text), dialect=dialect)
        headers = [name.strip() for name in (reader.fieldnames or [])]
        missing = [col for col in REQUIRED_COLUMNS if col not in headers]
        if missing:
            raise UserError(
                _(
                    "Missing columns: %(missing)s. Expected columns: %(expected)s.",
                    missing=", ".join(missing),
                    expected=", ".join(INTERVIEW_COLUMNS + DIMENSION_COLUMNS),
                )
            )
        reader.fieldnames = headers
        rows = [
            (index, {key: (value or "").strip() for key, value in row.items() if key})
            for index, row in enumerate(reader, start=2)
        ]
        if not rows:
            raise UserError(_("The file has no data rows."))
        return rows

    def _group_payloads(self, rows):
        """Group rows per (interview, attempt) into vendor-style payloads.

        :return: list of (row numbers, payload dict)
        """
        groups = {}
        for number, row in rows:
            key = (row.get("interview_id", ""), row.get("attempt") or "1")
            numbers, payload = groups.setdefault(key, ([], self._payload_from(row)))
            numbers.append(number)
            payload["data"]["dimensions"].append(self._dimension_from(row))
        return list(groups.values())

    def _payload_from(self, row):
        """The interview-level part of a payload, from a group's first row."""
        data = {"interview_id": row.get("interview_id"), "dimensions": []}
        data["attempt"] = _number(row.get("attempt"), int) if row.get("attempt") else 1
        applicant = {}
        if row.get("applicant_id"):
            applicant["id"] = _number(row["applicant_id"], int)
        if row.get("applicant_email"):
            applicant["email"] = row["applicant_email"]
        if row.get("applicant_name"):
            applicant["name"] = row["applicant_name"]
        data["applicant"] = applicant
        if row.get("job_id"):
            data["job"] = {"id": _number(row["job_id"], int)}
        data["completed_at"] = row.get("completed_at")
        if row.get("overall_score"):
            overall = {"score": _number(row["overall_score"])}
            if row.get("overall_max"):
                overall["max"] = _number(row["overall_max"])
            if row.get("overall_percentile"):
                overall["percentile"] = _number(row["overall_percentile"])
            data["overall"] = overall
        for key in ("report_url", "recording_url", "language"):
            if row.get(key):
                data[key] = row[key]
        return {"type": "interview.completed", "data": data}

    def _dimension_from(self, row):
        dimension = {"code": row.get("dimension"), "score": _number(row.get("score"))}
        for key, convert in (("max", _number), ("percentile", _number)):
            if row.get(key):
                dimension[key] = convert(row[key])
        for key in ("evidence", "label"):
            if row.get(key):
                dimension[key] = row[key]
        return dimension

    def _plan(self):
        """Validate every group; replace the lines with the planned actions.

        :return: list of (line, clean payload or None, payload)
        """
        self.ensure_one()
        Result = self.env["hr.ai.interview.result"]
        self.line_ids.unlink()
        plan = []
        for numbers, payload in self._group_payloads(self._read_rows()):
            clean, errors = schema.validate_payload(
                payload, self.vendor_id.default_max_score
            )
            data = payload["data"]
            vals = {
                "wizard_id": self.id,
                "rows": ", ".join(map(str, numbers)),
                "interview_ref": data.get("interview_id"),
                "attempt": data.get("attempt")
                if isinstance(data.get("attempt"), int)
                else 0,
                "applicant": str(
                    data["applicant"].get("id") or data["applicant"].get("email") or ""
                ),
            }
            if errors:
                vals["action"] = "reject"
                vals["message"] = "\n".join(
                    f"{error['path']}: {error['message']}" for error in errors
                )
            else:
                existing = Result._find_by_key(
                    self.vendor_id, clean["interview_id"], clean["attempt"]
                )
                vals["action"] = "update" if existing else "create"
                vals["result_id"] = existing.id
            plan.append((vals, clean, payload))
        lines = self.env["hr.ai.interview.import.line"].create([p[0] for p in plan])
        return [
            (line, clean, payload)
            for line, (_vals, clean, payload) in zip(lines, plan, strict=True)
        ]

    def action_check(self):
        """Dry run: list what would be created, updated or rejected."""
        self._plan()
        self.state = "checked"
        return self._reopen()

    def action_import(self):
        """Import the valid groups; rejected ones are left out and listed."""
        self.ensure_one()
        Result = self.env["hr.ai.interview.result"]
        for line, clean, payload in self._plan():
            if line.action == "reject":
                continue
            digest = hashlib.sha1(
                json.dumps(payload, sort_keys=True).encode()
            ).hexdigest()[:16]
            result = Result._ingest(self.vendor_id, clean, f"import:{digest}", payload)
            line.write(
                {
                    "result_id": result.id,
                    "message": result.error_message or False,
                }
            )
        self.state = "done"
        return self._reopen()

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }


def _number(value, kind=float):
    """Convert a CSV cell; leave it as text when it is not a number, so the
    schema reports it with its path instead of the import crashing."""
    try:
        return kind(value)
    except (TypeError, ValueError):
        return value
