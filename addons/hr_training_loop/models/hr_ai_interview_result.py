from odoo import models


class HrAiInterviewResult(models.Model):
    _inherit = "hr.ai.interview.result"

    def _post_process_hook(self):
        """A processed AI result (a first interview or a retake) is new
        evidence: recompute its applicants' gaps in one batch."""
        result = super()._post_process_hook()
        self.applicant_id._compute_skill_gaps()
        return result
