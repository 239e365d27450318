import json
import logging

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..intake import normalize

_logger = logging.getLogger(__name__)

# Keys of the clean payload (intake.schema) -> result fields, for the keys a
# partial update may omit (omitted keys keep their stored values).
OPTIONAL_SCALARS = {
    "report_url": "report_url",
    "recording_url": "recording_url",
    "transcript": "transcript",
    "language": "language",
}


class HrAiInterviewResult(models.Model):
    """One AI-interview attempt of one candidate, as a vendor reported it.

    Flow: the intake controller verifies and validates a delivery, then
    ``_ingest`` stores it (upsert on vendor, interview, attempt), matches the
    applicant and ``_process`` completes it (percentiles, chatter).  Results
    are never dropped: without a match they wait as ``unmatched``; when
    processing fails they are kept as ``error`` with a Retry button.
    """

    _name = "hr.ai.interview.result"
    _description = "AI Interview Result"
    _order = "completed_at desc, id desc"
    _rec_name = "interview_ref"

    vendor_id = fields.Many2one(
        "hr.ai.interview.vendor", required=True, ondelete="restrict", index=True
    )
    company_id = fields.Many2one(related="vendor_id.company_id", store=True)
    applicant_id = fields.Many2one("hr.applicant", ondelete="set null", index=True)
    partner_name = fields.Char(
        related="applicant_id.partner_name", string="Applicant Name"
    )
    job_id = fields.Many2one("hr.job", index=True)
    interview_ref = fields.Char(
        string="Vendor Interview ID", required=True, readonly=True
    )
    attempt = fields.Integer(default=1, required=True, readonly=True)
    webhook_id = fields.Char(
        readonly=True, help="Id of the latest delivery that wrote this result."
    )
    state = fields.Selection(
        [
            ("unmatched", "Unmatched"),
            ("done", "Done"),
            ("error", "Error"),
        ],
        required=True,
        default="unmatched",
        index=True,
    )
    received_at = fields.Datetime(readonly=True, default=fields.Datetime.now)
    completed_at = fields.Datetime(required=True)
    overall_score = fields.Float(digits=(5, 2), aggregator="avg")
    overall_percentile = fields.Float(digits=(5, 2))
    overall_from_vendor = fields.Boolean(
        help="The vendor sent the overall score; otherwise it is the mean of "
        "the dimension scores."
    )
    overall_percentile_computed = fields.Boolean()
    overall_peer_count = fields.Integer(
        help="Results of other candidates the computed percentile compares with."
    )
    report_url = fields.Char()
    recording_url = fields.Char()
    transcript = fields.Text()
    language = fields.Char()
    payload = fields.Text(readonly=True, help="The latest raw JSON the vendor sent.")
    error_message = fields.Text(readonly=True)
    candidate_name = fields.Char(readonly=True, help="Name sent by the vendor.")
    candidate_email = fields.Char(readonly=True, help="Email sent by the vendor.")
    candidate_ref = fields.Integer(
        string="Vendor Applicant ID", readonly=True, help="Applicant id sent."
    )
    score_ids = fields.One2many("hr.ai.interview.score", "result_id", string="Scores")
    strengths = fields.Char(compute="_compute_strengths_weaknesses")
    weaknesses = fields.Char(compute="_compute_strengths_weaknesses")

    _sql_constraints = [
        (
            "vendor_interview_attempt_unique",
            "unique(vendor_id, interview_ref, attempt)",
            "A vendor reports one result per interview attempt.",
        ),
        ("attempt_positive", "CHECK(attempt >= 1)", "Attempts start at 1."),
        (
            "overall_range",
            "CHECK(overall_score >= 0 AND overall_score <= 100)",
            "The overall score lies between 0 and 100.",
        ),
    ]

    @api.depends("interview_ref", "attempt", "vendor_id.name")
    def _compute_display_name(self):
        for result in self:
            result.display_name = _(
                "%(vendor)s %(ref)s (attempt %(attempt)s)",
                vendor=result.vendor_id.name or "",
                ref=result.interview_ref or "",
                attempt=result.attempt,
            )

    @api.depends("score_ids.score", "score_ids.dimension_id")
    def _compute_strengths_weaknesses(self):
        for result in self:
            by_name = {
                line.dimension_id.name or line.vendor_code: line.score
                for line in result.score_ids
            }
            # Two of each from 4 dimensions on; one of each for 2 or 3.
            count = min(2, len(by_name) // 2) or 1
            strengths, weaknesses = normalize.strengths_weaknesses(by_name, count)
            result.strengths = ", ".join(strengths)
            result.weaknesses = ", ".join(weaknesses)

    # ------------------------------------------------------------------
    # Intake
    # ------------------------------------------------------------------
    @api.model
    def _ingest(self, vendor, clean, webhook_id, raw_payload):
        """Store one validated delivery and process it.

        :param vendor: ``hr.ai.interview.vendor`` record
        :param clean: the clean dict of ``intake.schema.validate_payload``
        :param webhook_id: the delivery id (stored on the result)
        :param raw_payload: the decoded JSON object, kept as sent
        :return: the result record (state ``done``, ``unmatched`` or ``error``)
        """
        result = self._find_by_key(vendor, clean["interview_id"], clean["attempt"])
        if not result:
            result = self._claim_key(vendor, clean)
        vals = result._prepare_result_values(vendor, clean, webhook_id, raw_payload)
        result.write(vals)
        result._upsert_scores(vendor, clean)
        result._recompute_overall(clean)
        if not result.applicant_id:
            applicant, note = self._match_applicant(clean)
            if applicant:
                result.write(
                    {"applicant_id": applicant.id, "job_id": result._job_for(applicant)}
                )
            else:
                result.write({"state": "unmatched", "error_message": note})
        if result.applicant_id:
            result._process_safely()
        return result

    @api.model
    def _find_by_key(self, vendor, interview_ref, attempt):
        return self.search(
            [
                ("vendor_id", "=", vendor.id),
                ("interview_ref", "=", interview_ref),
                ("attempt", "=", attempt),
            ],
            limit=1,
        )

    @api.model
    def _claim_key(self, vendor, clean):
        """Create the result row for (vendor, interview, attempt) race-free.

        Two deliveries of the same interview attempt with different
        ``webhook-id`` may arrive at once.  ``ON CONFLICT DO NOTHING`` makes
        the second wait for the first; in Odoo's REPEATABLE READ transaction
        PostgreSQL then raises a serialization failure, which Odoo's request
        loop retries, and the retry finds the row and updates it.
        """
        self.check_access("create")
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO hr_ai_interview_result
                       (vendor_id, company_id, interview_ref, attempt, state,
                        completed_at, received_at,
                        create_uid, create_date, write_uid, write_date)
                VALUES (%(vendor)s, %(company)s, %(ref)s, %(attempt)s, 'unmatched',
                        %(completed)s, NOW() AT TIME ZONE 'UTC',
                        %(uid)s, NOW() AT TIME ZONE 'UTC',
                        %(uid)s, NOW() AT TIME ZONE 'UTC')
                ON CONFLICT (vendor_id, interview_ref, attempt) DO NOTHING
                RETURNING id
                """,
                vendor=vendor.id,
                company=vendor.company_id.id,
                ref=clean["interview_id"],
                attempt=clean["attempt"],
                completed=clean["completed_at"],
                uid=self.env.uid,
            )
        )
        row = self.env.cr.fetchone()
        if not row:  # committed meanwhile and visible: just use it
            return self._find_by_key(vendor, clean["interview_id"], clean["attempt"])
        return self.browse(row[0])

    def _prepare_result_values(self, vendor, clean, webhook_id, raw_payload):
        """Values written on the result for one delivery (extension point).

        Only keys present in the payload are written: on an update, omitted
        keys keep their stored values.  Override to store vendor extras.
        """
        self.ensure_one()
        present = clean["present"]
        applicant = clean["applicant"]
        vals = {
            "webhook_id": webhook_id,
            "completed_at": clean["completed_at"],
            "payload": json.dumps(raw_payload, ensure_ascii=False, sort_keys=True),
            "received_at": fields.Datetime.now(),
            "candidate_name": applicant.get("name") or self.candidate_name,
            "candidate_email": applicant.get("email") or self.candidate_email,
            "candidate_ref": applicant.get("id") or self.candidate_ref,
        }
        for key, field_name in OPTIONAL_SCALARS.items():
            if key in present:
                vals[field_name] = clean.get(key) or False
        if "job" in present and clean.get("job_id"):
            job = self.env["hr.job"].browse(clean["job_id"]).exists()
            if job:
                vals["job_id"] = job.id
        return vals

    def _upsert_scores(self, vendor, clean):
        """Create or update one score line per dimension sent; dimensions the
        payload does not mention keep their stored lines."""
        self.ensure_one()
        items = [(dim["code"], dim.get("label")) for dim in clean["dimensions"]]
        mapping = self.env["hr.ai.interview.dimension"]._get_or_create_for_codes(
            vendor, items
        )
        existing = {line.dimension_id.id: line for line in self.score_ids}
        to_create = []
        for dim in clean["dimensions"]:
            dimension = mapping[dim["code"]]
            vals = {
                "dimension_id": dimension.id,
                "vendor_code": dim["code"],
                "label": dim.get("label") or False,
                "raw_score": dim["score"],
                "max_score": dim["max"],
                "score": normalize.normalize_score(dim["score"], dim["max"]),
                "percentile": dim.get("percentile") or 0.0,
                "percentile_computed": dim.get("percentile") is None,
                "evidence": dim.get("evidence") or False,
            }
            line = existing.get(dimension.id)
            if line:
                line.write(vals)
            else:
                to_create.append(dict(vals, result_id=self.id))
        if to_create:
            self.env["hr.ai.interview.score"].create(to_create)

    def _recompute_overall(self, clean):
        """Overall score: the vendor's (normalized) when sent, else the mean of
        the normalized dimension scores, recomputed whenever they change."""
        self.ensure_one()
        overall = clean.get("overall")
        if overall:
            vals = {
                "overall_score": normalize.normalize_score(
                    overall["score"], overall["max"]
                ),
                "overall_from_vendor": True,
                "overall_percentile": overall.get("percentile") or 0.0,
                "overall_percentile_computed": overall.get("percentile") is None,
            }
        elif "overall" in clean["present"] or not self.overall_from_vendor:
            vals = {
                "overall_score": normalize.overall_from_dimensions(
                    self.score_ids.mapped("score")
                )
                or 0.0,
                "overall_from_vendor": False,
                "overall_percentile_computed": True,
            }
        else:
            return
        self.write(vals)

    @api.model
    def _match_applicant(self, clean):
        """Find the applicant a delivery is about (extension point).

        By ``applicant.id`` (an ``email`` sent with it must be that
        applicant's), else by email among open applications, narrowed by
        ``job.id``.  No match or several: no applicant, and a note why.

        :return: (``hr.applicant`` record or empty, note)
        """
        Applicant = self.env["hr.applicant"].with_context(active_test=False)
        sent = clean["applicant"]
        if sent.get("id"):
            applicant = Applicant.browse(sent["id"]).exists()
            if not applicant:
                return Applicant, _("No applicant with id %s.", sent["id"])
            email = (applicant.email_from or "").strip().lower()
            if sent.get("email") and sent["email"] != email:
                return Applicant, _(
                    "Applicant %(id)s exists but its email is not %(email)s.",
                    id=sent["id"],
                    email=sent["email"],
                )
            return applicant, False
        domain = [
            ("email_from", "=ilike", sent["email"]),
            ("application_status", "=", "ongoing"),
        ]
        if clean.get("job_id"):
            domain.append(("job_id", "=", clean["job_id"]))
        applicants = self.env["hr.applicant"].search(domain, limit=2)
        if len(applicants) == 1:
            return applicants, False
        if not applicants:
            return applicants, _(
                "No open application with the email %s.", sent["email"]
            )
        return applicants.browse(), _(
            "Several open applications with the email %s: match it by hand.",
            sent["email"],
        )

    def _job_for(self, applicant):
        self.ensure_one()
        return (self.job_id or applicant.job_id).id

    # ------------------------------------------------------------------
    # Processing
    # ------------------------------------------------------------------
    def _process_safely(self):
        """Process, keeping the stored result if processing fails."""
        for result in self:
            try:
                with self.env.cr.savepoint():
                    result._process()
            except Exception as exc:  # noqa: BLE001 - any failure must keep the result
                _logger.exception("Processing AI result %s failed", result.id)
                result.write({"state": "error", "error_message": str(exc)})

    def _process(self):
        """Complete matched results: percentiles, state ``done``, chatter.

        Runs after the result and its scores are stored; follow-up work that
        customers add (notifications, routing) belongs in
        ``_post_process_hook``.
        """
        if self.filtered(lambda r: not r.applicant_id):
            raise UserError(_("Match the result to an applicant first."))
        self._compute_missing_percentiles()
        self.write({"state": "done", "error_message": False})
        for result in self:
            result._post_chatter_summary()
        self._post_process_hook()

    def _post_process_hook(self):
        """Called once results are ``done``; override to add follow-up work.

        The routing automation rules react to the applicant's AI fields, so
        nothing is needed here by default.
        """
        return True

    def _compute_missing_percentiles(self):
        """Fill the percentiles the vendor did not send: share of scores
        strictly lower among ``done`` results of the same job (one query per
        job for the dimensions, one for the overall scores)."""
        Score = self.env["hr.ai.interview.score"]
        for job, results in self.grouped("job_id").items():
            lines = results.score_ids.filtered("percentile_computed")
            if lines:
                population = Score._read_group(
                    [
                        ("job_id", "=", job.id),
                        ("result_id.state", "=", "done"),
                        ("result_id", "not in", results.ids),
                        ("dimension_id", "in", lines.dimension_id.ids),
                    ],
                    ["dimension_id"],
                    ["score:array_agg"],
                )
                by_dim = {dim.id: scores for dim, scores in population}
                for line in lines:
                    peers = by_dim.get(line.dimension_id.id, [])
                    line.write(
                        {
                            "percentile": normalize.percentile_rank(line.score, peers),
                            "peer_count": len(peers),
                        }
                    )
            to_rank = results.filtered("overall_percentile_computed")
            if to_rank:
                others = self.search_read(
                    [
                        ("job_id", "=", job.id),
                        ("state", "=", "done"),
                        ("id", "not in", results.ids),
                    ],
                    ["overall_score"],
                )
                population = [row["overall_score"] for row in others]
                for result in to_rank:
                    result.write(
                        {
                            "overall_percentile": normalize.percentile_rank(
                                result.overall_score, population
                            ),
                            "overall_peer_count": len(population),
                        }
                    )

    def _post_chatter_summary(self):
        """One message on the applicant per processed result."""
        self.ensure_one()
        lines = Markup("").join(
            Markup("<li>{}</li>").format(line.sentence)
            for line in self.score_ids.sorted("score", reverse=True)
        )
        body = Markup(
            "<p><b>{title}</b></p><p>{overall}</p><p>{strengths}<br/>{weaknesses}"
            "</p><ul>{lines}</ul>"
        ).format(
            title=_(
                "AI interview result from %(vendor)s (attempt %(attempt)s)",
                vendor=self.vendor_id.name,
                attempt=self.attempt,
            ),
            overall=self._overall_sentence(),
            strengths=_("Strengths: %s", self.strengths or "-"),
            weaknesses=_("Weaknesses: %s", self.weaknesses or "-"),
            lines=lines,
        )
        if self.report_url:
            body += Markup('<p><a href="{url}" target="_blank">{label}</a></p>').format(
                url=self.report_url, label=_("Open the vendor report")
            )
        self.applicant_id.message_post(
            body=body, message_type="comment", subtype_xmlid="mail.mt_note"
        )

    def _overall_sentence(self):
        self.ensure_one()
        if self.overall_percentile_computed and not self.overall_peer_count:
            return _(
                "Overall %(score)s - the first candidate scored for this job",
                score=normalize.format_score(self.overall_score),
            )
        return _(
            "Overall %(score)s - higher than %(percentile)s%% of candidates "
            "for this job",
            score=normalize.format_score(self.overall_score),
            percentile=normalize.format_score(self.overall_percentile),
        )

    # ------------------------------------------------------------------
    # Buttons
    # ------------------------------------------------------------------
    def action_match(self):
        """Finish processing results a recruiter matched to an applicant."""
        unmatched = self.filtered(lambda r: r.state != "done")
        if unmatched.filtered(lambda r: not r.applicant_id):
            raise UserError(_("Choose the applicant of each result first."))
        for result in unmatched:
            if not result.job_id:
                result.job_id = result.applicant_id.job_id
        unmatched._process_safely()
        return True

    def action_retry(self):
        """Process results again after an error."""
        failed = self.filtered(lambda r: r.state == "error")
        if not failed:
            raise UserError(_("Only results in error can be retried."))
        return failed.action_match()

    def action_open_applicant(self):
        """Open the applicant with the form its user may use (interviewers
        get their own form view)."""
        self.ensure_one()
        return self.applicant_id.get_formview_action()
