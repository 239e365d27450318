from odoo import fields, models
from odoo.tools import SQL

from .hr_training_assignment import ASSIGNMENT_STATES


class HrTrainingEffectReport(models.Model):
    """Training effect across applicants, by course and by skill
    (one row per assignment with its gap)."""

    _name = "hr.training.effect.report"
    _description = "Training Effect Analysis"
    _auto = False
    _order = "channel_id"

    applicant_id = fields.Many2one("hr.applicant", readonly=True)
    job_id = fields.Many2one("hr.job", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    channel_id = fields.Many2one("slide.channel", string="Course", readonly=True)
    skill_id = fields.Many2one("hr.skill", readonly=True)
    state = fields.Selection(
        ASSIGNMENT_STATES,
        readonly=True,
    )
    assignment_count = fields.Integer(readonly=True)
    completed = fields.Integer(readonly=True)
    completion_rate = fields.Float(
        string="Completion rate (%)", aggregator="avg", readonly=True
    )
    measured = fields.Integer(string="Re-measured", readonly=True)
    effect = fields.Float(string="Average effect", aggregator="avg", readonly=True)
    closed = fields.Integer(string="Gaps closed", readonly=True)
    closed_rate = fields.Float(
        string="Gaps closed (%)", aggregator="avg", readonly=True
    )

    def init(self):
        self.env.cr.execute(SQL("DROP VIEW IF EXISTS %s", SQL.identifier(self._table)))
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %s AS (
                    SELECT a.id,
                           a.applicant_id,
                           a.job_id,
                           a.company_id,
                           a.channel_id,
                           a.skill_id,
                           a.state,
                           1 AS assignment_count,
                           CASE WHEN a.state = 'done' THEN 1 ELSE 0 END AS completed,
                           CASE WHEN a.state = 'done' THEN 100.0 ELSE 0.0 END
                               AS completion_rate,
                           CASE WHEN g.has_after_evidence THEN 1 ELSE 0 END
                               AS measured,
                           CASE WHEN g.has_after_evidence THEN g.effect END AS effect,
                           CASE WHEN g.closed THEN 1 ELSE 0 END AS closed,
                           CASE WHEN g.has_after_evidence
                                THEN (CASE WHEN g.closed THEN 100.0 ELSE 0.0 END)
                           END AS closed_rate
                      FROM hr_training_assignment a
                 LEFT JOIN hr_applicant_skill_gap g ON g.id = a.gap_id
                     WHERE a.state != 'cancelled'
                )
                """,
                SQL.identifier(self._table),
            )
        )
