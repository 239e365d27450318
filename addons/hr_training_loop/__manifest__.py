# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Interview - Training - Re-interview Loop",
    "summary": "Turn AI and interview results into competency gaps, enroll "
    "applicants in courses that close them, and re-interview to measure the effect",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Recruitment",
    "author": "HR AI Interview Team",
    "website": "https://github.com/hr-ai-interview/hr-ai-interview",
    "license": "LGPL-3",
    "depends": [
        "hr_ai_interview_bridge",
        # courses, memberships and their completion hook
        "website_slides",
        # certification scores (survey.user_input.scoring_percentage)
        "website_slides_survey",
    ],
    "data": [
        "security/hr_training_loop_security.xml",
        "security/ir.model.access.csv",
        "data/hr_recruitment_stage_data.xml",
        "data/mail_template_data.xml",
        "data/base_automation_data.xml",
        "views/hr_job_views.xml",
        "views/hr_applicant_views.xml",
        "views/hr_interview_scorecard_views.xml",
        "views/portal_templates.xml",
        "report/hr_applicant_gap_report.xml",
    ],
    "demo": [
        "demo/hr_job_competency_demo.xml",
        "demo/slide_channel_demo.xml",
        "demo/hr_applicant_training_demo.xml",
    ],
    "installable": True,
    "application": False,
}
