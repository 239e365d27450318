from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# Defaults when no record exists at all (the shipped data creates records
# with these values, so HR sees and edits them).
DEFAULT_THRESHOLDS = {
    "technical_min": 80.0,
    "potential_min": 70.0,
    "experience_max": 60.0,
    "situational_min": 60.0,
}


class HrAiRoutingThreshold(models.Model):
    """A threshold the routing rules compare AI or interview scores with.

    Resolution, most specific first: the job's value, the company's, the
    shared default (no company, no job).  HR changes them here or on the job
    form, without touching code or the automation rules.
    """

    _name = "hr.ai.routing.threshold"
    _description = "AI Routing Threshold"
    _order = "code, job_id, company_id"

    code = fields.Selection(
        [
            ("technical_min", "Technical skill: structured interview from"),
            ("potential_min", "Potential: situational simulation from"),
            ("experience_max", "Experience: situational simulation below"),
            ("situational_min", "Situational score: skills test from"),
        ],
        required=True,
    )
    value = fields.Float(required=True, digits=(5, 2))
    company_id = fields.Many2one("res.company", help="Empty: every company.")
    job_id = fields.Many2one("hr.job", ondelete="cascade", help="Empty: every job.")

    _sql_constraints = [
        (
            "value_range",
            "CHECK(value >= 0 AND value <= 100)",
            "Thresholds are scores between 0 and 100.",
        ),
    ]

    @api.constrains("code", "company_id", "job_id")
    def _check_one_per_scope(self):
        for threshold in self:
            twins = self.search_count(
                [
                    ("id", "!=", threshold.id),
                    ("code", "=", threshold.code),
                    ("company_id", "=", threshold.company_id.id),
                    ("job_id", "=", threshold.job_id.id),
                ]
            )
            if twins:
                raise ValidationError(
                    _("This threshold already has a value for this company and job.")
                )

    @api.depends("code", "job_id", "company_id", "value")
    def _compute_display_name(self):
        labels = dict(self._fields["code"]._description_selection(self.env))
        for threshold in self:
            scope = threshold.job_id.name or threshold.company_id.name or ""
            name = f"{labels.get(threshold.code, '')} {threshold.value:g}"
            threshold.display_name = f"{name} ({scope})" if scope else name

    @api.model
    def _values_for(self, applicants):
        """Effective thresholds of each applicant, in one query.

        :return: dict applicant id -> {code: value}
        """
        rows = self.sudo().search_read(  # sudo: thresholds are not secret
            [], ["code", "value", "company_id", "job_id"]
        )
        shared, by_company, by_job = {}, {}, {}
        for row in rows:
            if row["job_id"]:
                by_job.setdefault(row["job_id"][0], {})[row["code"]] = row["value"]
            elif row["company_id"]:
                company = row["company_id"][0]
                by_company.setdefault(company, {})[row["code"]] = row["value"]
            else:
                shared[row["code"]] = row["value"]
        result = {}
        for applicant in applicants:
            values = dict(DEFAULT_THRESHOLDS, **shared)
            values.update(by_company.get(applicant.company_id.id, {}))
            values.update(by_job.get(applicant.job_id.id, {}))
            result[applicant.id] = values
        return result
