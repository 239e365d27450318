from odoo import fields, models, tools
from odoo.tools import SQL


class HrAiPipelineReport(models.Model):
    """One row per stay of an applicant in a stage ("passage").

    Built from the stage history that Odoo tracks on applicants
    (``mail.tracking.value`` of ``stage_id``, the same data as the
    applicant's "time in stage" statistics): the first stay starts when the
    applicant applied, each tracked move ends one stay and starts the next.
    Applicants without tracking (imported, or created straight in a stage)
    have one stay: their current stage since they applied.

    - ``hours_in_stage``: until the applicant left the stage; for the
      current stage until the application was closed, else until now.
    - ``passed``: the applicant later reached a stage further in the
      pipeline (by stage order), e.g. passed the AI interview.
    - ``pass_rate``: 100 when passed, 0 when the stay is decided (the
      applicant left the stage or the application was closed) without
      passing, empty while undecided and in the hired stage, so its average
      is the stage's pass rate over decided stays.
    - ``date_decided``: when the stay was decided, for "this week's pass
      rate".
    """

    _name = "hr.ai.pipeline.report"
    _description = "AI Recruitment Pipeline Analysis"
    _auto = False
    _rec_name = "applicant_id"
    _order = "date_entered desc, id desc"

    applicant_id = fields.Many2one("hr.applicant", readonly=True)
    partner_name = fields.Char(string="Applicant Name", readonly=True)
    job_id = fields.Many2one("hr.job", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    user_id = fields.Many2one("res.users", string="Recruiter", readonly=True)
    stage_id = fields.Many2one("hr.recruitment.stage", readonly=True)
    date_applied = fields.Datetime(readonly=True)
    date_entered = fields.Datetime(string="Entered Stage", readonly=True)
    date_left = fields.Datetime(string="Left Stage", readonly=True)
    date_decided = fields.Datetime(string="Decided On", readonly=True)
    is_current = fields.Boolean(string="Current Stage", readonly=True)
    passed = fields.Boolean(string="Reached a Later Stage", readonly=True)
    decided = fields.Boolean(string="Outcome Known", readonly=True)
    pass_rate = fields.Float(string="Pass Rate (%)", readonly=True, aggregator="avg")
    hours_in_stage = fields.Float(
        string="Hours in Stage", readonly=True, aggregator="avg", digits=(16, 1)
    )
    days_in_stage = fields.Float(
        string="Days in Stage", readonly=True, aggregator="avg", digits=(16, 2)
    )
    application_status = fields.Selection(
        [
            ("ongoing", "Ongoing"),
            ("hired", "Hired"),
            ("refused", "Refused"),
            ("archived", "Archived"),
        ],
        readonly=True,
    )
    ai_score_band = fields.Selection(
        [("high", "80-100"), ("mid", "60-79"), ("low", "0-59")],
        string="AI Score Band",
        readonly=True,
    )
    ai_overall_score = fields.Float(string="AI Score", readonly=True, aggregator="avg")

    def _query(self):
        return SQL(
            """
            WITH moves AS (
                SELECT m.res_id AS applicant_id,
                       v.id AS tracking_id,
                       v.create_date AS moved_at,
                       v.old_value_integer AS old_stage_id,
                       v.new_value_integer AS new_stage_id
                  FROM mail_tracking_value v
                  JOIN mail_message m ON m.id = v.mail_message_id
                 WHERE m.model = 'hr.applicant'
                   AND v.field_id = (
                        SELECT f.id FROM ir_model_fields f
                         WHERE f.model = 'hr.applicant' AND f.name = 'stage_id')
            ),
            entries AS (
                SELECT a.id AS applicant_id,
                       0 AS ordinal,
                       a.create_date AS entered_at,
                       COALESCE(
                           (SELECT mv.old_stage_id FROM moves mv
                             WHERE mv.applicant_id = a.id
                             ORDER BY mv.tracking_id LIMIT 1),
                           a.stage_id) AS stage_id
                  FROM hr_applicant a
                 UNION ALL
                SELECT mv.applicant_id, mv.tracking_id, mv.moved_at, mv.new_stage_id
                  FROM moves mv
                 WHERE mv.new_stage_id IS NOT NULL
            ),
            ranked AS (
                SELECT s.id,
                       s.hired_stage,
                       ROW_NUMBER() OVER (ORDER BY s.sequence, s.id) AS stage_rank
                  FROM hr_recruitment_stage s
            ),
            passages AS (
                SELECT e.applicant_id,
                       e.ordinal,
                       e.stage_id,
                       e.entered_at,
                       r.stage_rank,
                       r.hired_stage,
                       LEAD(e.entered_at) OVER w AS left_at,
                       MAX(r.stage_rank) OVER (
                           w ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING
                       ) AS best_later_rank
                  FROM entries e
                  JOIN ranked r ON r.id = e.stage_id
                WINDOW w AS (PARTITION BY e.applicant_id
                             ORDER BY e.entered_at, e.ordinal)
            ),
            decided AS (
                SELECT p.*,
                       a.job_id,
                       a.company_id,
                       a.user_id,
                       a.create_date AS date_applied,
                       a.ai_score_band,
                       a.ai_overall_score,
                       c.partner_name,
                       CASE WHEN a.refuse_reason_id IS NOT NULL THEN 'refused'
                            WHEN NOT a.active THEN 'archived'
                            WHEN a.date_closed IS NOT NULL THEN 'hired'
                            ELSE 'ongoing' END AS application_status,
                       COALESCE(
                           p.left_at,
                           CASE WHEN a.refuse_reason_id IS NOT NULL
                                     THEN COALESCE(a.refuse_date, a.write_date)
                                WHEN NOT a.active THEN a.write_date
                                WHEN a.date_closed IS NOT NULL THEN a.date_closed
                           END) AS date_decided,
                       COALESCE(p.best_later_rank > p.stage_rank, FALSE) AS passed
                  FROM passages p
                  JOIN hr_applicant a ON a.id = p.applicant_id
                  LEFT JOIN hr_candidate c ON c.id = a.candidate_id
            )
            SELECT ROW_NUMBER() OVER (
                       ORDER BY d.applicant_id, d.entered_at, d.ordinal) AS id,
                   d.applicant_id,
                   d.partner_name,
                   d.job_id,
                   d.company_id,
                   d.user_id,
                   d.stage_id,
                   d.date_applied,
                   d.entered_at AS date_entered,
                   d.left_at AS date_left,
                   d.date_decided,
                   d.left_at IS NULL AS is_current,
                   d.passed,
                   d.date_decided IS NOT NULL AS decided,
                   CASE WHEN d.hired_stage THEN NULL
                        WHEN d.passed THEN 100.0
                        WHEN d.date_decided IS NOT NULL THEN 0.0
                   END AS pass_rate,
                   EXTRACT(EPOCH FROM (
                       COALESCE(d.date_decided, NOW() AT TIME ZONE 'UTC')
                       - d.entered_at)) / 3600.0 AS hours_in_stage,
                   EXTRACT(EPOCH FROM (
                       COALESCE(d.date_decided, NOW() AT TIME ZONE 'UTC')
                       - d.entered_at)) / 86400.0 AS days_in_stage,
                   d.application_status,
                   d.ai_score_band,
                   d.ai_overall_score
              FROM decided d
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )
