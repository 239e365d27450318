from odoo import _, api, fields, models
from odoo.tools import SQL

from ..analytics import cutoff

# AI dimension code -> routing threshold code that cuts on it.
ROUTING_THRESHOLDS = {
    "technical": "technical_min",
    "potential": "potential_min",
}


class HrAiCutoffAdvisor(models.TransientModel):
    """AI cut-off advisor: how well each AI dimension predicted what came
    next, and which cut-off would have separated best.

    For the applicants of the filter (their latest AI result), per AI
    dimension (``advise``):

    - Pearson correlation, computed by PostgreSQL's ``corr()``, of the AI
      score with the structured-interview score (``structured_score`` of the
      scorecards, when present) and with the hire outcome (1 hired, 0
      refused or archived; ongoing applicants left out);
    - pass rates per score band: share that went past the AI interview stage,
      share of the decided applicants who were successful;
    - the advised threshold: the cut that maximises Youden's J, i.e. keeps
      most later-successful applicants while cutting the most others
      (``analytics.cutoff``).  Successful: hired, or a structured score at or
      above ``success_score``; unsuccessful: refused or archived, or a
      structured score below it; the others are undecided and left out.

    HR compares the advice with the routing threshold of the dimension, if
    any, before changing it (Recruitment > Configuration > Routing
    Thresholds).  Nothing changes automatically.
    """

    _name = "hr.ai.cutoff.advisor"
    _description = "AI Cut-off Advisor"

    name = fields.Char(default=lambda self: _("AI Cut-off Advisor"))
    job_id = fields.Many2one("hr.job", string="Job Position")
    date_from = fields.Date(string="Applied From")
    date_to = fields.Date(string="Applied Until")
    success_score = fields.Float(
        string="Structured Pass Score",
        default=60.0,
        help="A structured-interview score at or above it counts as a later "
        "success.",
    )
    line_ids = fields.One2many(
        "hr.ai.cutoff.advisor.line", "advisor_id", string="Advice per Dimension"
    )
    applicant_count = fields.Integer(readonly=True)
    structured_available = fields.Boolean(
        compute="_compute_structured_available",
        help="Structured-interview scores exist (scorecards installed).",
    )

    def _compute_structured_available(self):
        available = self._structured_score_sql() is not None
        for advisor in self:
            advisor.structured_available = available

    # ------------------------------------------------------------------
    # Maths
    # ------------------------------------------------------------------
    @api.model
    def _structured_score_sql(self):
        """SQL of the applicant's structured score (alias ``a``), NULL when
        none; None when the column does not exist (scorecards not
        installed)."""
        field = self.env["hr.applicant"]._fields.get("structured_score")
        if not field or not field.store:
            return None
        # 0 means "no submitted scorecard" (see hr_applicant_scorecard.py).
        return SQL("NULLIF(a.structured_score, 0)")

    def _get_applicant_domain(self):
        self.ensure_one()
        domain = []
        if self.job_id:
            domain.append(("job_id", "=", self.job_id.id))
        if self.date_from:
            domain.append(("create_date", ">=", self.date_from))
        if self.date_to:
            domain.append(("create_date", "<", fields.Date.add(self.date_to, days=1)))
        return domain

    @api.model
    def advise(self, domain=None, success_score=60.0):
        """Advice per AI dimension for the applicants matching ``domain``
        (archived and refused ones included; the user's record rules apply).

        :return: list (dimension order) of dicts ``dimension`` (record),
            ``count``, ``corr_structured``, ``structured_count``,
            ``corr_hired``, ``hire_decided_count`` (correlations are None
            when undefined), ``bands`` (``analytics.cutoff.band_rates``),
            ``advice`` (``analytics.cutoff.youden_threshold`` or None) and
            ``current_threshold`` (the routing threshold on the dimension,
            or None)
        """
        self.check_access("read")
        self.env["hr.ai.interview.score"].check_access("read")
        applicants = (
            self.env["hr.applicant"]
            .with_context(active_test=False)
            ._search(domain or [])
        )
        structured = self._structured_score_sql() or SQL("NULL::float")
        ai_stage = self.env.ref(
            "hr_ai_interview_bridge.stage_ai_interview", raise_if_not_found=False
        )
        reached_later = (
            SQL(
                "((st.sequence, st.id) > (%s, %s) OR a.date_closed IS NOT NULL)",
                ai_stage.sequence,
                ai_stage.id,
            )
            if ai_stage
            else SQL("(a.date_closed IS NOT NULL)")
        )
        closed = SQL("(a.refuse_reason_id IS NOT NULL OR NOT a.active)")
        hired = SQL("(a.date_closed IS NOT NULL)")
        population = SQL(
            """
              FROM hr_ai_interview_score s
              JOIN hr_applicant a ON a.id = s.current_applicant_id
              JOIN hr_recruitment_stage st ON st.id = a.stage_id
             WHERE a.id IN %(applicants)s
            """,
            applicants=applicants.subselect(),
        )
        # Correlations in SQL: one aggregate pass per dimension.
        aggregates = {
            row["dimension_id"]: row
            for row in self.env.execute_query_dict(
                SQL(
                    """
                    SELECT s.dimension_id,
                           COUNT(*) AS count,
                           CORR(s.score, %(structured)s) AS corr_structured,
                           COUNT(%(structured)s) AS structured_count,
                           CORR(s.score, CASE WHEN %(hired)s THEN 1.0 ELSE 0.0 END)
                               FILTER (WHERE %(hired)s OR %(closed)s) AS corr_hired,
                           COUNT(*) FILTER (WHERE %(hired)s OR %(closed)s)
                               AS hire_decided_count
                    %(population)s
                    GROUP BY s.dimension_id
                    """,
                    structured=structured,
                    hired=hired,
                    closed=closed,
                    population=population,
                )
            )
        }
        # Bands and threshold need each applicant's row.
        outcome_rows = {}
        for dimension_id, score, reached, successful, decided in self.env.execute_query(
            SQL(
                """
                SELECT s.dimension_id,
                       s.score,
                       %(reached_later)s,
                       %(hired)s OR COALESCE(%(structured)s >= %(pass)s, FALSE),
                       %(hired)s OR %(closed)s OR %(structured)s IS NOT NULL
                %(population)s
                """,
                reached_later=reached_later,
                hired=hired,
                closed=closed,
                structured=structured,
                population=population,
                **{"pass": success_score},
            )
        ):
            outcome_rows.setdefault(dimension_id, []).append(
                (score, reached, successful, decided)
            )
        dimensions = (
            self.env["hr.ai.interview.dimension"]
            .with_context(active_test=False)
            .browse(list(aggregates))
            .sorted(lambda d: (d.sequence, d.code))
        )
        thresholds = self._get_routing_thresholds(domain)
        advice = []
        for dimension in dimensions:
            row = aggregates[dimension.id]
            rows = outcome_rows.get(dimension.id, [])
            advice.append(
                {
                    "dimension": dimension,
                    "count": row["count"],
                    "corr_structured": row["corr_structured"],
                    "structured_count": row["structured_count"],
                    "corr_hired": row["corr_hired"],
                    "hire_decided_count": row["hire_decided_count"],
                    "bands": cutoff.band_rates(rows),
                    "advice": cutoff.youden_threshold(rows),
                    "current_threshold": thresholds.get(dimension.code),
                }
            )
        return advice

    @api.model
    def _get_routing_thresholds(self, domain=None):
        """Routing thresholds that cut on an AI dimension, by dimension code
        (extension point): the job's value when the domain names one job,
        else the company's, else the shared one."""
        job_ids = [
            leaf[2]
            for leaf in (domain or [])
            if isinstance(leaf, list | tuple) and tuple(leaf[:2]) == ("job_id", "=")
        ]
        # sudo: thresholds are configuration, not secret (as in routing).
        rows = (
            self.env["hr.ai.routing.threshold"]
            .sudo()
            .search([("code", "in", list(ROUTING_THRESHOLDS.values()))])
        )

        def rank(threshold):
            if threshold.job_id:
                return 0 if threshold.job_id.id in job_ids else None
            if threshold.company_id:
                return 1 if threshold.company_id == self.env.company else None
            return 2

        best = {}
        for threshold in rows:
            level = rank(threshold)
            if level is None:
                continue
            if threshold.code not in best or level < best[threshold.code][0]:
                best[threshold.code] = (level, threshold.value)
        return {
            dimension: best[code][1]
            for dimension, code in ROUTING_THRESHOLDS.items()
            if code in best
        }

    # ------------------------------------------------------------------
    # Screen
    # ------------------------------------------------------------------
    def action_compute(self):
        """Button: (re)compute the advice lines of the filter."""
        for advisor in self:
            domain = advisor._get_applicant_domain()
            results = advisor.advise(domain, advisor.success_score)
            advisor.line_ids = [fields.Command.clear()] + [
                fields.Command.create(advisor._prepare_line_values(item))
                for item in results
            ]
            advisor.applicant_count = (
                self.env["hr.applicant"]
                .with_context(active_test=False)
                .search_count([*domain, ("ai_result_id", "!=", False)])
            )
        return True

    @api.model
    def _prepare_line_values(self, item):
        bands = {band["band"]: band for band in item["bands"]}
        advice = item["advice"] or {}
        vals = {
            "dimension_id": item["dimension"].id,
            "applicant_count": item["count"],
            "corr_structured": item["corr_structured"] or 0.0,
            "has_corr_structured": item["corr_structured"] is not None,
            "structured_count": item["structured_count"],
            "corr_hired": item["corr_hired"] or 0.0,
            "has_corr_hired": item["corr_hired"] is not None,
            "hire_decided_count": item["hire_decided_count"],
            "has_advice": bool(advice),
            "advised_threshold": advice.get("threshold", 0.0),
            "kept_successful": advice.get("kept_successful") or 0.0,
            "cut_unsuccessful": advice.get("cut_unsuccessful") or 0.0,
            "youden_j": advice.get("j", 0.0),
            "successful_count": advice.get("successful", 0),
            "unsuccessful_count": advice.get("unsuccessful", 0),
            "advice_reliable": advice.get("reliable", False),
            "has_current_threshold": item["current_threshold"] is not None,
            "current_threshold": item["current_threshold"] or 0.0,
        }
        for key, label in (("low", "0-59"), ("mid", "60-79"), ("high", "80-100")):
            band = bands.get(label, {})
            vals[f"band_{key}_count"] = band.get("count", 0)
            vals[f"band_{key}_pass_rate"] = band.get("pass_rate") or 0.0
            vals[f"band_{key}_success_rate"] = band.get("success_rate") or 0.0
        return vals

    @api.model
    def action_open_advisor(self, job=None):
        """Menu entry (and dashboard button): a computed advisor record."""
        advisor = self.create({"job_id": job.id if job else False})
        advisor.action_compute()
        return {
            "type": "ir.actions.act_window",
            "name": _("AI Cut-off Advisor"),
            "res_model": self._name,
            "res_id": advisor.id,
            "views": [
                (
                    self.env.ref(
                        "hr_ai_interview_bridge.hr_ai_cutoff_advisor_view_form"
                    ).id,
                    "form",
                )
            ],
            "target": "current",
        }
