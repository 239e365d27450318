from odoo import fields, models


class HrRecruitmentStage(models.Model):
    """What candidates see of a stage on the portal.

    Internal stage names never reach candidates: the portal timeline shows
    ``portal_label`` only, ordered by ``portal_sequence``.  A stage without a
    label is never named to candidates ("In progress" when they are in it).
    """

    # One file per concern: the candidate portal's part of the model.
    _inherit = "hr.recruitment.stage"  # pylint: disable=consider-merging-classes-inherited

    portal_label = fields.Char(
        string="Label for Candidates",
        translate=True,
        help="How candidates see this step on their portal timeline, e.g. "
        "'AI interview'. Empty: the stage is never named to candidates.",
    )
    portal_description = fields.Char(
        string="Explanation for Candidates",
        translate=True,
        help="One sentence telling candidates what happens in this step.",
    )
    portal_sequence = fields.Integer(
        string="Order for Candidates",
        default=100,
        help="Order of the step on the candidates' timeline (stages of "
        "alternative paths may share a kanban sequence).",
    )
    portal_visible = fields.Boolean(
        string="Announce to Candidates",
        default=True,
        help="Show this step in advance as an upcoming step. Steps the "
        "candidate has reached are shown whenever they have a label; untick "
        "it for alternative paths only some candidates take.",
    )
