from datetime import datetime, time, timedelta

import pytz
from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.tools import SQL

PERIODS = [
    ("week", "This week"),
    ("last_30", "Last 30 days"),
    ("last_90", "Last 90 days"),
]


class HrAiDashboard(models.TransientModel):
    """The HR dashboard of the AI pipeline, one screen that fits a phone.

    A transient record per opening (``action_open_dashboard``) holds the
    filters (period, job); every figure is computed when read, from the
    pipeline analysis (``hr.ai.pipeline.report``) and the applicants:

    - pass rates of the AI and structured interviews over the stays decided
      in the period (see the report for "decided");
    - per stage: applicants there now, entries in the period, pass rate,
      average and 90th percentile of the time in stage over the stays that
      ended in the period and those still running;
    - overdue applicants and delayed interviews (flags kept by the
      scheduling part of the addon), interviews of the period;
    - training in progress and completion rate (``_compute_training_kpis``,
      filled when hr_training_loop is installed).
    """

    _name = "hr.ai.dashboard"
    _description = "AI Recruitment Dashboard"

    name = fields.Char(default=lambda self: _("AI Recruitment Dashboard"))
    period = fields.Selection(PERIODS, required=True, default="week")
    job_id = fields.Many2one("hr.job", string="Job Position")
    date_from = fields.Datetime(compute="_compute_dates")
    date_to = fields.Datetime(compute="_compute_dates")

    ongoing_count = fields.Integer(string="In Pipeline", compute="_compute_kpis")
    new_count = fields.Integer(string="New Applicants", compute="_compute_kpis")
    ai_pass_rate = fields.Float(
        string="AI Interview Pass Rate (%)", digits=(5, 1), compute="_compute_kpis"
    )
    ai_decided_count = fields.Integer(
        string="AI Interviews Decided", compute="_compute_kpis"
    )
    structured_pass_rate = fields.Float(
        string="Structured Interview Pass Rate (%)",
        digits=(5, 1),
        compute="_compute_kpis",
    )
    structured_decided_count = fields.Integer(
        string="Structured Interviews Decided", compute="_compute_kpis"
    )
    stage_stats_html = fields.Html(
        string="Stages", compute="_compute_kpis", sanitize=False
    )
    interview_ids = fields.Many2many(
        "calendar.event", string="Interviews", compute="_compute_lists"
    )
    interview_count = fields.Integer(compute="_compute_lists")
    overdue_applicant_ids = fields.Many2many(
        "hr.applicant", string="Overdue Applicants", compute="_compute_lists"
    )
    overdue_count = fields.Integer(compute="_compute_lists")
    delayed_applicant_ids = fields.Many2many(
        "hr.applicant", string="Delayed Interviews", compute="_compute_lists"
    )
    delayed_count = fields.Integer(compute="_compute_lists")
    training_available = fields.Boolean(compute="_compute_training_kpis")
    training_in_progress_count = fields.Integer(
        string="Training in Progress", compute="_compute_training_kpis"
    )
    training_completion_rate = fields.Float(
        string="Training Completion (%)",
        digits=(5, 1),
        compute="_compute_training_kpis",
    )

    # ------------------------------------------------------------------
    # Period
    # ------------------------------------------------------------------
    @api.depends("period")
    @api.depends_context("tz")
    def _compute_dates(self):
        for dashboard in self:
            dashboard.date_from, dashboard.date_to = dashboard._get_period_bounds()

    def _get_period_bounds(self, now=None):
        """(start, end) of the period, naive UTC; weeks start on Monday in
        the user's timezone."""
        self.ensure_one()
        tz = pytz.timezone(self.env.user.tz or self.env.context.get("tz") or "UTC")
        now_utc = now or fields.Datetime.now()
        local_now = pytz.utc.localize(now_utc).astimezone(tz)
        if self.period == "week":
            monday = local_now.date() - timedelta(days=local_now.weekday())
            start = tz.localize(datetime.combine(monday, time.min))
            end = start + timedelta(days=7)
            return (
                start.astimezone(pytz.utc).replace(tzinfo=None),
                end.astimezone(pytz.utc).replace(tzinfo=None),
            )
        days = 30 if self.period == "last_30" else 90
        return now_utc - timedelta(days=days), now_utc

    # ------------------------------------------------------------------
    # Figures
    # ------------------------------------------------------------------
    def _get_report_filter(self):
        """SQL condition on ``hr_ai_pipeline_report`` (alias ``r``): the
        user's companies and the job filter.  The report is read in SQL for
        the percentile, so its record rules are applied here by hand."""
        self.ensure_one()
        conditions = [
            SQL(
                "(r.company_id IS NULL OR r.company_id IN %s)",
                tuple(self.env.companies.ids),
            )
        ]
        if self.job_id:
            conditions.append(SQL("r.job_id = %s", self.job_id.id))
        return SQL(" AND ").join(conditions)

    def _get_stage_stats(self):
        """Per stage, one query: dict stage id -> dict ``current``,
        ``entered``, ``decided``, ``pass_rate``, ``avg_hours``, ``p90_hours``
        (None when there is nothing to measure)."""
        self.ensure_one()
        self.env["hr.ai.pipeline.report"].check_access("read")
        date_from, date_to = self._get_period_bounds()
        in_period = SQL(
            "r.date_decided >= %s AND r.date_decided < %s", date_from, date_to
        )
        measured = SQL(
            "((%s) OR (r.is_current AND r.application_status = 'ongoing'))", in_period
        )
        rows = self.env.execute_query_dict(
            SQL(
                """
                SELECT r.stage_id,
                       COUNT(*) FILTER (
                           WHERE r.is_current AND r.application_status = 'ongoing'
                       ) AS current,
                       COUNT(*) FILTER (
                           WHERE r.date_entered >= %(from)s
                             AND r.date_entered < %(to)s
                       ) AS entered,
                       COUNT(r.pass_rate) FILTER (WHERE %(in_period)s) AS decided,
                       AVG(r.pass_rate) FILTER (WHERE %(in_period)s) AS pass_rate,
                       AVG(r.hours_in_stage) FILTER (WHERE %(measured)s) AS avg_hours,
                       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY r.hours_in_stage)
                           FILTER (WHERE %(measured)s) AS p90_hours
                  FROM hr_ai_pipeline_report r
                 WHERE %(filter)s
                 GROUP BY r.stage_id
                """,
                **{
                    "from": date_from,
                    "to": date_to,
                    "in_period": in_period,
                    "measured": measured,
                    "filter": self._get_report_filter(),
                },
            )
        )
        return {row.pop("stage_id"): row for row in rows}

    @api.depends("period", "job_id")
    @api.depends_context("uid", "allowed_company_ids")
    def _compute_kpis(self):
        ai_stage = self.env.ref(
            "hr_ai_interview_bridge.stage_ai_interview", raise_if_not_found=False
        )
        structured_stage = self.env.ref(
            "hr_ai_interview_bridge.stage_structured_interview",
            raise_if_not_found=False,
        )
        Applicant = self.env["hr.applicant"]
        for dashboard in self:
            stats = dashboard._get_stage_stats()
            date_from, date_to = dashboard._get_period_bounds()
            job_domain = (
                [("job_id", "=", dashboard.job_id.id)] if dashboard.job_id else []
            )
            dashboard.ongoing_count = Applicant.search_count(
                [("application_status", "=", "ongoing"), *job_domain]
            )
            dashboard.new_count = Applicant.with_context(
                active_test=False
            ).search_count(
                [
                    ("create_date", ">=", date_from),
                    ("create_date", "<", date_to),
                    *job_domain,
                ]
            )
            ai = stats.get(ai_stage.id, {}) if ai_stage else {}
            structured = stats.get(structured_stage.id, {}) if structured_stage else {}
            dashboard.ai_pass_rate = ai.get("pass_rate") or 0.0
            dashboard.ai_decided_count = ai.get("decided") or 0
            dashboard.structured_pass_rate = structured.get("pass_rate") or 0.0
            dashboard.structured_decided_count = structured.get("decided") or 0
            dashboard.stage_stats_html = dashboard._render_stage_stats(stats)

    def _render_stage_stats(self, stats):
        """The per-stage table, compact enough for a 375 px screen."""
        stages = self.env["hr.recruitment.stage"].search(
            ["|", ("job_ids", "=", False), ("job_ids", "in", self.job_id.ids)]
            if self.job_id
            else []
        )

        def fmt(value, digits=0, suffix=""):
            if value is None:
                return "-"
            return f"{value:.{digits}f}{suffix}"

        rows = Markup("").join(
            Markup(
                "<tr><td>{stage}</td><td class='text-end'>{current}</td>"
                "<td class='text-end'>{entered}</td><td class='text-end'>{rate}</td>"
                "<td class='text-end'>{avg}</td><td class='text-end'>{p90}</td></tr>"
            ).format(
                stage=stage.name,
                current=stats.get(stage.id, {}).get("current", 0),
                entered=stats.get(stage.id, {}).get("entered", 0),
                rate=fmt(stats.get(stage.id, {}).get("pass_rate"), 0, "%"),
                avg=fmt(stats.get(stage.id, {}).get("avg_hours"), 1),
                p90=fmt(stats.get(stage.id, {}).get("p90_hours"), 1),
            )
            for stage in stages
        )
        return Markup(
            "<div class='table-responsive'><table class='table table-sm "
            "o_hr_ai_dashboard_stages mb-0'><thead><tr><th>{stage}</th>"
            "<th class='text-end' title='{current_title}'>{current}</th>"
            "<th class='text-end' title='{entered_title}'>{entered}</th>"
            "<th class='text-end' title='{rate_title}'>{rate}</th>"
            "<th class='text-end' title='{avg_title}'>{avg}</th>"
            "<th class='text-end' title='{p90_title}'>{p90}</th></tr></thead>"
            "<tbody>{rows}</tbody></table></div>"
        ).format(
            stage=_("Stage"),
            current=_("Now"),
            current_title=_("Applicants in the stage now"),
            entered=_("In"),
            entered_title=_("Applicants who entered the stage in the period"),
            rate=_("Pass"),
            rate_title=_(
                "Share of the stays decided in the period that reached a later stage"
            ),
            avg=_("Avg h"),
            avg_title=_("Average hours in the stage"),
            p90=_("P90 h"),
            p90_title=_("90% of the stays took at most this many hours"),
            rows=rows,
        )

    @api.depends("period", "job_id")
    @api.depends_context("uid", "allowed_company_ids")
    def _compute_lists(self):
        Applicant = self.env["hr.applicant"]
        for dashboard in self:
            date_from, date_to = dashboard._get_period_bounds()
            job_domain = (
                [("job_id", "=", dashboard.job_id.id)] if dashboard.job_id else []
            )
            event_domain = [
                ("applicant_id", "!=", False),
                ("start", ">=", date_from),
                ("start", "<", date_to),
            ]
            if dashboard.job_id:
                event_domain.append(("applicant_id.job_id", "=", dashboard.job_id.id))
            interviews = self.env["calendar.event"].search(event_domain, order="start")
            dashboard.interview_ids = interviews
            dashboard.interview_count = len(interviews)
            overdue = delayed = Applicant
            if "ai_stage_overdue" in Applicant._fields:
                overdue = Applicant.search(
                    [("ai_stage_overdue", "=", True), *job_domain]
                )
            if "interview_delayed" in Applicant._fields:
                delayed = Applicant.search(
                    [("interview_delayed", "=", True), *job_domain]
                )
            dashboard.overdue_applicant_ids = overdue
            dashboard.overdue_count = len(overdue)
            dashboard.delayed_applicant_ids = delayed
            dashboard.delayed_count = len(delayed)

    @api.depends("job_id")
    def _compute_training_kpis(self):
        """Training in progress and completion rate among the applicants
        given a training plan (extension point: hr_training_loop's
        ``training_state``; zeros without it)."""
        Applicant = self.env["hr.applicant"]
        available = "training_state" in Applicant._fields
        for dashboard in self:
            dashboard.training_available = available
            dashboard.training_in_progress_count = 0
            dashboard.training_completion_rate = 0.0
            if not available:
                continue
            job_domain = (
                [("job_id", "=", dashboard.job_id.id)] if dashboard.job_id else []
            )
            counts = dict(
                Applicant.with_context(active_test=False)._read_group(
                    [("training_state", "not in", (False, "none")), *job_domain],
                    ["training_state"],
                    ["__count"],
                )
            )
            total = sum(counts.values())
            dashboard.training_in_progress_count = counts.get("in_progress", 0)
            dashboard.training_completion_rate = (
                100.0 * counts.get("done", 0) / total if total else 0.0
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.model
    def action_open_dashboard(self):
        """Menu entry: a fresh dashboard record in its form view."""
        dashboard = self.create({})
        return {
            "type": "ir.actions.act_window",
            "name": _("AI Recruitment Dashboard"),
            "res_model": self._name,
            "res_id": dashboard.id,
            "views": [
                (
                    self.env.ref("hr_ai_interview_bridge.hr_ai_dashboard_view_form").id,
                    "form",
                )
            ],
            "target": "current",
        }

    def action_refresh(self):
        """Button: recompute (the figures are computed when read)."""
        return True

    def _action_report(self, name, view_type, context):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_ai_interview_bridge.hr_ai_pipeline_report_action"
        )
        domain = []
        if self.job_id:
            domain.append(("job_id", "=", self.job_id.id))
        action.update(
            {
                "name": name,
                "domain": domain,
                "context": context,
                "views": [(False, view_type)]
                + [(False, v) for v in ("graph", "pivot", "list") if v != view_type],
            }
        )
        return action

    def action_open_pipeline_graph(self):
        self.ensure_one()
        return self._action_report(
            _("Pipeline by Stage"),
            "graph",
            {"search_default_current": 1, "search_default_groupby_stage": 1},
        )

    def action_open_pass_rate_pivot(self):
        self.ensure_one()
        return self._action_report(
            _("Pass Rate per Stage"),
            "pivot",
            {
                "search_default_decided": 1,
                "pivot_measures": ["pass_rate", "__count"],
                "pivot_row_groupby": ["stage_id"],
                "pivot_column_groupby": ["date_decided:week"],
            },
        )

    def action_open_cutoff_advisor(self):
        self.ensure_one()
        return self.env["hr.ai.cutoff.advisor"].action_open_advisor(self.job_id)
