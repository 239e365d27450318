from odoo import fields, models


class HrJob(models.Model):
    _inherit = "hr.job"

    competency_ids = fields.One2many(
        "hr.job.competency", "job_id", string="Competency Model"
    )
