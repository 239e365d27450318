from odoo import api, fields, models


class HrInterviewScorecardLine(models.Model):
    _inherit = "hr.interview.scorecard.line"

    previous_level = fields.Float(
        compute="_compute_previous_level",
        digits=(5, 1),
        help="Re-interview: the level measured on this skill before the "
        "training (shown once this scorecard is submitted).",
    )

    @api.depends("scorecard_id.state", "criterion_id.skill_id")
    def _compute_previous_level(self):
        lines = self.filtered(
            lambda line: line.scorecard_id.state == "submitted"
            and line.scorecard_id.rubric_id.kind == "re_interview"
        )
        (self - lines).previous_level = 0.0
        if not lines:
            return
        # sudo: the frozen "before" level lives on the gap, a recruiter record.
        gaps = (
            self.env["hr.applicant.skill.gap"]
            .sudo()
            .search([("applicant_id", "in", lines.scorecard_id.applicant_id.ids)])
        )
        before = {
            (gap.applicant_id.id, gap.skill_id.id): gap.before_level for gap in gaps
        }
        for line in lines:
            key = (line.scorecard_id.applicant_id.id, line.criterion_id.skill_id.id)
            line.previous_level = before.get(key, 0.0)
