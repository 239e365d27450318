"""Fixtures of the interview - training - re-interview loop."""

from odoo import Command

from odoo.addons.hr_ai_interview_bridge.tests.common import AiInterviewCommon


class TrainingLoopCommon(AiInterviewCommon):
    """The HR cases: a data job whose competency model has communication,
    cross-department collaboration and engineering practice as core skills,
    AI dimensions and rubric criteria mapped to them, and courses."""

    @classmethod
    def _setup_training_world(cls):
        cls._setup_ai_world()
        skill_type = cls.env["hr.skill.type"].create(
            {
                "name": "Loop skills",
                "skill_level_ids": [
                    Command.create({"name": "L1", "level_progress": 50}),
                    Command.create({"name": "L2", "level_progress": 100}),
                ],
            }
        )
        Skill = cls.env["hr.skill"]
        cls.skill_comm = Skill.create(
            {"name": "Communication", "skill_type_id": skill_type.id}
        )
        cls.skill_collab = Skill.create(
            {"name": "Collaboration", "skill_type_id": skill_type.id}
        )
        cls.skill_eng = Skill.create(
            {"name": "Engineering practice", "skill_type_id": skill_type.id}
        )
        cls.skill_logic = Skill.create(
            {"name": "Logic", "skill_type_id": skill_type.id}
        )
        cls.dims["communication"].skill_id = cls.skill_comm
        cls.dims["logic"].skill_id = cls.skill_logic
        cls.dim_algorithm = cls.env["hr.ai.interview.dimension"].create(
            {
                "code": "algorithm",
                "name": "Algorithm basics",
                "skill_id": cls.skill_eng.id,
            }
        )
        cls.job.competency_ids = [
            Command.create(
                {"skill_id": cls.skill_comm.id, "required_level": 70, "is_core": True}
            ),
            Command.create(
                {"skill_id": cls.skill_collab.id, "required_level": 70, "is_core": True}
            ),
            Command.create(
                {"skill_id": cls.skill_eng.id, "required_level": 80, "is_core": True}
            ),
            Command.create(
                {"skill_id": cls.skill_logic.id, "required_level": 60, "is_core": False}
            ),
        ]
        Rubric = cls.env["hr.interview.rubric"]
        cls.rubric_structured = Rubric.create(
            {
                "name": "Structured (loop)",
                "kind": "structured",
                "job_ids": [Command.set(cls.job.ids)],
                "criterion_ids": [
                    Command.create(
                        {
                            "name": "Cross-department collaboration",
                            "skill_id": cls.skill_collab.id,
                            "weight": 1,
                        }
                    )
                ],
            }
        )
        cls.rubric_technical = Rubric.create(
            {
                "name": "Skills test (loop)",
                "kind": "technical",
                "job_ids": [Command.set(cls.job.ids)],
                "criterion_ids": [
                    Command.create(
                        {
                            "name": "Algorithm practice",
                            "skill_id": cls.skill_eng.id,
                            "weight": 1,
                        }
                    )
                ],
            }
        )
        cls.courses = {
            "comm": cls._make_course("Effective communication", cls.skill_comm, 80, 2),
            "comm_long": cls._make_course(
                "Communication masterclass", cls.skill_comm, 95, 5
            ),
            "collab": cls._make_course("Working across teams", cls.skill_collab, 75, 2),
            "eng": cls._make_course("Engineering bootcamp", cls.skill_eng, 85, 3),
        }

    @classmethod
    def _make_course(cls, name, skill, target, slides):
        return cls.env["slide.channel"].create(
            {
                "name": name,
                "enroll": "invite",
                "is_published": True,
                "skill_target_ids": [
                    Command.create({"skill_id": skill.id, "target_level": target})
                ],
                "slide_ids": [
                    Command.create(
                        {
                            "name": f"{name} - part {index + 1}",
                            "slide_category": "article",
                            "is_published": True,
                            "completion_time": 1.0,
                        }
                    )
                    for index in range(slides)
                ],
            }
        )

    def submit_scorecard(self, rubric, ratings, interviewer=None, applicant=None):
        """Create and submit one scorecard; ``ratings`` is a list of
        ratings in criterion order."""
        applicant = applicant or self.applicant
        scorecard = self.env["hr.interview.scorecard"].create(
            applicant._prepare_scorecard_values(
                rubric, interviewer or self.interviewer, applicant.stage_id
            )
        )
        for line, rating in zip(
            scorecard.line_ids.sorted("sequence"), ratings, strict=True
        ):
            line.rating = rating
        scorecard.action_submit()
        return scorecard
