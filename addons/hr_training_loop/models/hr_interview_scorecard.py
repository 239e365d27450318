from odoo import models


class HrInterviewScorecard(models.Model):
    _inherit = "hr.interview.scorecard"

    def action_submit(self):
        """A submitted scorecard is new evidence: recompute the gaps (and the
        training effect after a re-interview) of its applicants."""
        result = super().action_submit()
        self.applicant_id._compute_skill_gaps()
        return result
