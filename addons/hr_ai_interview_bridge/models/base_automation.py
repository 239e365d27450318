from odoo import models
from odoo.tools import safe_eval

# Fields whose use in a rule makes it a decision "on AI or interview scores":
# such a rule may move or hold an applicant, never refuse one.
SCORE_FIELD_PREFIXES = ("ai_", "scorecard", "structured_score", "situational_score")


class BaseAutomation(models.Model):
    _inherit = "base.automation"

    def _process(self, records, domain_post=None):
        """Log and explain every decision a rule makes on applicants.

        Works for the shipped rules and for those administrators create in
        the standard UI: stage changes, holds (a new activity) and refusals
        the rule attempted (blocked in ``hr.applicant.write``) are compared
        before and after the rule's actions.
        """
        if self.model_name != "hr.applicant" or not records:
            return super()._process(records, domain_post=domain_post)
        self.ensure_one()
        tracker = {"activities": set(), "holds": set(), "refusals": set(), "stages": {}}
        stages_before = {record.id: record.stage_id for record in records}
        ctx = {
            "hr_ai_routing_rule": self.id,
            "hr_ai_routing_tracker": tracker,
            "hr_ai_routing_on_scores": self._hr_ai_uses_scores(),
        }
        result = super(BaseAutomation, self.with_context(**ctx))._process(
            records.with_context(**ctx), domain_post=domain_post
        )
        if domain_post is None and self.sudo().filter_domain:
            domain_post = safe_eval.safe_eval(
                self.sudo().filter_domain, self._get_eval_context()
            )
        records.with_context(
            hr_ai_routing_rule=False, hr_ai_routing_tracker=None
        )._ai_log_routing(self, stages_before, tracker, domain_post or [])
        return result

    def _hr_ai_uses_scores(self):
        """Whether the rule decides on AI or interview scores (its filter or
        its trigger fields name such a field)."""
        rule = self.sudo()
        names = set(rule.trigger_field_ids.mapped("name"))
        text = f"{rule.filter_domain or ''} {rule.filter_pre_domain or ''}"
        return any(name.startswith(SCORE_FIELD_PREFIXES) for name in names) or any(
            f"'{prefix}" in text or f'"{prefix}' in text
            for prefix in SCORE_FIELD_PREFIXES
        )
