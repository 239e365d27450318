# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "AI Interview Bridge",
    "summary": "Receive AI-interview scores from vendors, route applicants, "
    "schedule structured interviews with rubric scorecards",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Recruitment",
    "author": "HR AI Interview Team",
    "website": "https://github.com/hr-ai-interview/hr-ai-interview",
    "license": "LGPL-3",
    "depends": [
        "hr_recruitment",
        # per-dimension scores map to skills for gap analysis
        "hr_recruitment_skills",
        # routing is shipped as standard automation rules
        "base_automation",
        # interviews are calendar events
        "calendar",
        # candidates follow their applications from the portal
        "portal",
    ],
    "data": [
        "security/hr_ai_interview_security.xml",
        "security/ir.model.access.csv",
        "data/hr_ai_interview_dimension_data.xml",
        "data/hr_recruitment_stage_data.xml",
        "data/hr_ai_routing_threshold_data.xml",
        "data/base_automation_data.xml",
        "views/hr_ai_interview_result_views.xml",
        "views/hr_ai_interview_vendor_views.xml",
        "views/hr_ai_interview_dimension_views.xml",
        "views/hr_applicant_views.xml",
        "views/hr_ai_interview_menus.xml",
        "views/hr_ai_interview_import_views.xml",
        "views/hr_ai_routing_views.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/hr_skill_demo.xml",
        "demo/hr_job_demo.xml",
        "demo/hr_applicant_demo.xml",
        "demo/hr_ai_interview_vendor_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "hr_ai_interview_bridge/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "application": False,
}
