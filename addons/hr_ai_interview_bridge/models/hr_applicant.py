from odoo import _, api, fields, models

from ..intake import normalize


class HrApplicant(models.Model):
    _inherit = "hr.applicant"

    ai_result_ids = fields.One2many(
        "hr.ai.interview.result", "applicant_id", string="AI Interview Results"
    )
    ai_result_id = fields.Many2one(
        "hr.ai.interview.result",
        string="Latest AI Result",
        compute="_compute_ai_result_id",
        store=True,
        index="btree_not_null",
        help="The latest processed (done) AI-interview result.",
    )
    ai_overall_score = fields.Float(
        string="AI Score",
        related="ai_result_id.overall_score",
        store=True,
        aggregator="avg",
    )
    ai_overall_percentile = fields.Float(
        string="AI Percentile", related="ai_result_id.overall_percentile"
    )
    ai_score_ids = fields.One2many(
        "hr.ai.interview.score",
        "current_applicant_id",
        string="AI Scores",
        help="Per-dimension scores of the latest AI result, e.g. for automation "
        "rules: [('ai_score_ids', 'any', [('dimension_id.code', '=', "
        "'technical'), ('score', '>=', 80)])]",
    )
    ai_strengths = fields.Char(related="ai_result_id.strengths")
    ai_weaknesses = fields.Char(related="ai_result_id.weaknesses")
    ai_report_url = fields.Char(related="ai_result_id.report_url")
    ai_recording_url = fields.Char(related="ai_result_id.recording_url")
    ai_transcript = fields.Text(related="ai_result_id.transcript")
    ai_result_count = fields.Integer(compute="_compute_ai_result_count")
    ai_score_band = fields.Selection(
        [
            ("high", "80-100"),
            ("mid", "60-79"),
            ("low", "0-59"),
        ],
        string="AI Score Band",
        compute="_compute_ai_score_band",
        store=True,
    )

    @api.depends("ai_result_ids.state", "ai_result_ids.completed_at")
    def _compute_ai_result_id(self):
        for applicant in self:
            done = applicant.ai_result_ids.filtered(lambda r: r.state == "done")
            applicant.ai_result_id = (
                max(done, key=lambda r: (r.completed_at or fields.Datetime.now(), r.id))
                if done
                else False
            )

    @api.depends("ai_result_id", "ai_overall_score")
    def _compute_ai_score_band(self):
        for applicant in self:
            score = applicant.ai_overall_score
            if not applicant.ai_result_id:
                applicant.ai_score_band = False
            elif score >= 80:
                applicant.ai_score_band = "high"
            elif score >= 60:
                applicant.ai_score_band = "mid"
            else:
                applicant.ai_score_band = "low"

    def _compute_ai_result_count(self):
        counts = dict(
            self.env["hr.ai.interview.result"]._read_group(
                [("applicant_id", "in", self.ids)], ["applicant_id"], ["__count"]
            )
        )
        for applicant in self:
            applicant.ai_result_count = counts.get(applicant, 0)

    def action_view_ai_results(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_ai_interview_bridge.hr_ai_interview_result_action"
        )
        action["domain"] = [("applicant_id", "=", self.id)]
        action["context"] = {"default_applicant_id": self.id}
        return action

    # ------------------------------------------------------------------
    # Routing (read by the shipped automation rules)
    # ------------------------------------------------------------------
    ai_route = fields.Selection(
        [
            ("structured", "Structured interview"),
            ("situational", "Situational simulation"),
            ("review", "Review by a recruiter"),
        ],
        string="AI Route",
        compute="_compute_ai_route",
        help="Where the AI scores send the applicant, with the routing "
        "thresholds of its job (or company).",
    )
    ai_route_reason = fields.Char(compute="_compute_ai_route")
    ai_routable = fields.Boolean(
        compute="_compute_ai_routable",
        help="Still in the job's first stage or in AI Interview: routing never "
        "sends back an applicant who moved on (e.g. on a retake).",
    )
    ai_routing_log_ids = fields.One2many(
        "hr.ai.routing.log", "applicant_id", string="Routing Log"
    )

    @api.depends(
        "ai_result_id.score_ids.score", "ai_result_id.score_ids.dimension_id", "job_id"
    )
    def _compute_ai_route(self):
        thresholds = self.env["hr.ai.routing.threshold"]._values_for(self)
        for applicant in self:
            route, reason = applicant._ai_decide_route(thresholds[applicant.id])
            applicant.ai_route = route
            applicant.ai_route_reason = reason

    def _ai_decide_route(self, thresholds):
        """The default routing decision (extension point).

        1. technical >= technical_min: structured interview;
        2. otherwise potential >= potential_min and experience <
           experience_max: situational simulation;
        3. otherwise: review by a recruiter.

        :param thresholds: dict code -> value (``hr.ai.routing.threshold``)
        :return: (route or False, the conditions as text)
        """
        self.ensure_one()
        if not self.ai_result_id:
            return False, False
        # The result's own lines, not ai_score_ids: rules run while the
        # latest result is being recomputed and its inverse is not yet.
        scores = {
            line.dimension_id.code: line.score for line in self.ai_result_id.score_ids
        }

        def cond(code, operator, limit):
            value = scores.get(code)
            if value is None:
                return False, _("no %s score", code)
            met = value >= limit if operator == ">=" else value < limit
            shown = operator if met else ("<" if operator == ">=" else ">=")
            fmt = normalize.format_score
            return met, f"{code} {fmt(value)} {shown} {fmt(limit)}"

        technical = cond("technical", ">=", thresholds["technical_min"])
        if technical[0]:
            return "structured", technical[1]
        potential = cond("potential", ">=", thresholds["potential_min"])
        experience = cond("experience", "<", thresholds["experience_max"])
        if potential[0] and experience[0]:
            return "situational", f"{potential[1]}, {experience[1]}"
        return "review", "; ".join((technical[1], potential[1], experience[1]))

    @api.depends("stage_id", "job_id")
    def _compute_ai_routable(self):
        ai_stage = self.env.ref(
            "hr_ai_interview_bridge.stage_ai_interview", raise_if_not_found=False
        )
        first_stages = {}
        for applicant in self:
            job = applicant.job_id
            if job not in first_stages:
                first_stages[job] = self.env["hr.recruitment.stage"].search(
                    ["|", ("job_ids", "=", False), ("job_ids", "=", job.id)],
                    order="sequence, id",
                    limit=1,
                )
            applicant.ai_routable = applicant.stage_id in (
                first_stages[job] | (ai_stage or first_stages[job])
            )

    def _ai_explain_ai_route(self, operator, value):
        """Explanation of a ``ai_route`` condition: the scores and thresholds
        behind the route, e.g. "technical 86 >= 80"."""
        return self.ai_route_reason

    def _ai_explain_ai_routable(self, operator, value):
        return None  # a technical guard, not a reason worth telling

    def _ai_route_to(self, stage):
        """Server-action helper: move the applicants to ``stage``."""
        moving = self.filtered(lambda applicant: applicant.stage_id != stage)
        if moving:
            moving.write({"stage_id": stage.id})
        return True

    def _ai_route_hold(self, stage=None, topic="ai"):
        """Server-action helper: keep (or put) the applicants in ``stage`` and
        ask their recruiter to review them.

        :param topic: ``ai`` (the AI result) or ``situational`` (the
            situational simulation): the activity's summary and note
        """
        tracker = self.env.context.get("hr_ai_routing_tracker")
        if stage:
            self._ai_route_to(stage)
        for applicant in self:
            if tracker is not None:
                tracker["holds"].add(applicant.id)
            if topic == "situational":
                summary = _("Review situational simulation")
                note = applicant._ai_explain_ai_situational_decision("=", "hold")
            else:
                summary, note = _("Review AI result"), applicant.ai_route_reason
            applicant._ai_schedule_review(summary, note or "")
        return True

    def _ai_recruiter(self):
        self.ensure_one()
        return self.user_id or self.job_id.user_id or self.env.user

    def _ai_schedule_review(self, summary, note):
        """A to-do for the applicant's recruiter (the job's when unassigned)."""
        self.ensure_one()
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=summary,
            note=note,
            user_id=self._ai_recruiter().id,
        )

    # ------------------------------------------------------------------
    # Explanations and log
    # ------------------------------------------------------------------
    def _ai_explain_domain(self, domain):
        """Explain, for this applicant, each condition of an evaluated domain:
        the applicant's value against the condition, e.g. "technical 86 >= 80"
        or "AI Score 93 >= 90".  Conditions that do not hold say so.

        :return: list of sentences
        """
        self.ensure_one()
        sentences = []
        for leaf in domain:
            if not isinstance(leaf, list | tuple) or len(leaf) != 3:
                continue  # '&', '|', '!' operators
            path, operator, value = leaf
            hook = getattr(self, f"_ai_explain_{path}", None)
            if hook:
                text = hook(operator, value)
            else:
                text = self._ai_explain_leaf(path, operator, value)
            if text:
                sentences.append(text)
        return sentences

    def _ai_explain_leaf(self, path, operator, value):
        record, names = self, path.split(".")
        for name in names[:-1]:
            record = record[name][:1]
        field = record._fields.get(names[-1])
        if field is None:
            return f"{path} {operator} {value}"
        if operator in ("any", "not any") and field.type in ("one2many", "many2many"):
            return self._ai_explain_any(record[field.name], operator, value)
        actual = record[field.name]
        met = bool(self.filtered_domain([(path, operator, value)]))
        label = field._description_string(self.env)
        shown, expected = self._ai_format(field, actual), self._ai_format(field, value)
        text = f"{label} {shown} {operator} {expected}"
        return text if met else _("%s (not met)", text)

    def _ai_explain_any(self, lines, operator, subdomain):
        """``any`` on score lines reads as "technical 86 >= 80": identity
        conditions (``=`` on a code) name the line, the others compare."""
        matching = lines.filtered_domain(subdomain)
        identity = [
            leaf
            for leaf in subdomain
            if isinstance(leaf, list | tuple)
            and len(leaf) == 3
            and leaf[1] == "="
            and isinstance(leaf[2], str)
        ]
        label = ", ".join(str(leaf[2]) for leaf in identity)
        comparisons = [
            leaf
            for leaf in subdomain
            if isinstance(leaf, list | tuple)
            and len(leaf) == 3
            and leaf not in identity
        ]
        line = matching[:1] or lines.filtered_domain(identity)[:1]
        if not line:
            return _("no %s", label or lines._description)
        parts = []
        for path, op, expected in comparisons:
            field = line._fields.get(path.split(".")[-1])
            actual = line.mapped(path)[:1]
            actual = actual[0] if actual else False
            shown = self._ai_format(field, actual)
            parts.append(f"{label} {shown} {op} {self._ai_format(field, expected)}")
        text = ", ".join(parts) or label
        return text if matching or operator == "not any" else _("%s (not met)", text)

    @api.model
    def _ai_format(self, field, value):
        if isinstance(value, models.BaseModel):
            return ", ".join(value.mapped("display_name")) or "-"
        if isinstance(value, float):
            return normalize.format_score(value)
        if field is not None and field.type == "selection" and value:
            return dict(field._description_selection(self.env)).get(value, value)
        return str(value)

    def _ai_log_routing(self, rule, stages_before, tracker, domain):
        """Write the routing log and the chatter message of one rule run."""
        logs = []
        for applicant in self:
            stage_from = stages_before.get(applicant.id)
            stage_to = applicant.stage_id
            if applicant.id in tracker["stages"]:
                stage_to = stage_to.browse(tracker["stages"][applicant.id])
            if applicant.id in tracker["refusals"]:
                decision = "refusal_blocked"
            elif applicant.id in tracker["holds"]:
                decision = "hold"
            elif stage_from and stage_to != stage_from:
                decision = "move"
            elif applicant.id in tracker["activities"]:
                decision = "hold"
            else:
                continue
            reasons = applicant._ai_explain_domain(domain)
            explanation = applicant._ai_explanation_text(
                decision, rule, stage_to, "; ".join(reasons)
            )
            logs.append(
                {
                    "applicant_id": applicant.id,
                    "automation_id": rule.id,
                    "rule_name": rule.sudo().name,
                    "decision": decision,
                    "stage_from_id": stage_from.id if stage_from else False,
                    "stage_to_id": stage_to.id,
                    "explanation": explanation,
                    "scores": {
                        line.dimension_id.code: line.score
                        for line in applicant.ai_result_id.score_ids
                    },
                }
            )
            if decision == "refusal_blocked":
                applicant._ai_schedule_review(_("Decide on refusal"), explanation)
            applicant.message_post(body=explanation, subtype_xmlid="mail.mt_note")
        if logs:
            # sudo: the log is written for whoever triggered the rule; nobody
            # but the system creates log lines.
            self.env["hr.ai.routing.log"].sudo().create(logs)

    def _ai_explanation_text(self, decision, rule, stage, reasons):
        name = rule.sudo().name
        if decision == "move":
            text = _(
                "Moved to %(stage)s by rule '%(rule)s'", stage=stage.name, rule=name
            )
        elif decision == "hold":
            text = _(
                "Held in %(stage)s for review by rule '%(rule)s'",
                stage=stage.name,
                rule=name,
            )
        else:
            text = _(
                "Rule '%(rule)s' would refuse this applicant: a human decides "
                "refusals, the applicant stays in %(stage)s",
                rule=name,
                stage=stage.name,
            )
        return f"{text} ({reasons})" if reasons else text

    # ------------------------------------------------------------------
    # No automatic refusal
    # ------------------------------------------------------------------
    def write(self, vals):
        """Inside an automation rule that decides on scores, refusing or
        archiving is left to a human: those values are dropped and the rule's
        log turns the attempt into a recruiter activity."""
        tracker = self.env.context.get("hr_ai_routing_tracker")
        if tracker is not None and vals.get("stage_id"):
            # The stage this rule chose: a rule it triggers may move the
            # applicant again, and that move is logged under that rule.
            for applicant in self:
                tracker["stages"].setdefault(applicant.id, vals["stage_id"])
        if tracker is not None and self.env.context.get("hr_ai_routing_on_scores"):
            refusing = ("active" in vals and not vals["active"]) or vals.get(
                "refuse_reason_id"
            )
            if refusing:
                tracker["refusals"].update(self.ids)
                vals = {
                    key: value
                    for key, value in vals.items()
                    if key not in ("active", "refuse_reason_id", "refuse_date")
                }
                if not vals:
                    return True
        return super().write(vals)

    def _ai_plan_interview(self):
        """Server-action helper of the routing rules: assign interviewers by
        expertise, then schedule the interview and send the invitations."""
        self.action_assign_interviewers()
        self.action_schedule_interview()
        return True

    # ------------------------------------------------------------------
    # After the situational simulation
    # ------------------------------------------------------------------
    ai_situational_decision = fields.Selection(
        [("pass", "Skills test"), ("hold", "Review")],
        compute="_compute_ai_situational_decision",
        store=True,
        help="Once every situational scorecard is submitted in Situational "
        "Simulation: the situational score against its threshold.",
    )

    # Stored, and the trigger of its automation rules: a rule filtering on a
    # non-stored field computed from the field being recomputed would read it
    # half-way (nested recomputation) and miss the decision.
    @api.depends(
        "situational_score",
        "stage_id",
        "job_id",
        "scorecard_ids.state",
        "scorecard_ids.rubric_kind",
    )
    def _compute_ai_situational_decision(self):
        stage = self.env.ref(
            "hr_ai_interview_bridge.stage_situational_simulation",
            raise_if_not_found=False,
        )
        thresholds = self.env["hr.ai.routing.threshold"]._values_for(self)
        for applicant in self:
            if not stage or applicant.stage_id != stage:
                applicant.ai_situational_decision = False
            elif not applicant._ai_situational_ready():
                applicant.ai_situational_decision = False
            elif (
                applicant.sudo().situational_score
                >= (thresholds[applicant.id]["situational_min"])
            ):
                applicant.ai_situational_decision = "pass"
            else:
                applicant.ai_situational_decision = "hold"

    def _ai_explain_ai_situational_decision(self, operator, value):
        """e.g. "situational 72 >= 60" (the score against the threshold)."""
        limit = self.env["hr.ai.routing.threshold"]._values_for(self)[self.id][
            "situational_min"
        ]
        # sudo: the panel's score is officer data; the log shows the reason.
        score = self.sudo().situational_score
        fmt = normalize.format_score
        operator = ">=" if score >= limit else "<"
        return f"situational {fmt(score)} {operator} {fmt(limit)}"
