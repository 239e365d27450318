import { registry } from "@web/core/registry";

/**
 * Interviewer (phone and desktop size): "My Interviews" opens on today's and
 * upcoming interviews as cards; the interviewer opens today's interview's
 * applicant.  The scorecard itself is the scorecard tour's.
 */
registry.category("web_tour.tours").add("hr_ai_my_interviews", {
    url: "/odoo/my-interviews",
    steps: () => [
        {
            content: "Today's interview is a card with the candidate and the call link",
            trigger: ".o_hr_ai_my_interviews_kanban .o_kanban_record:contains(Li Lei) .o_hr_ai_join_call",
        },
        {
            content: "Its scorecard status shows",
            trigger: ".o_kanban_record:contains(Li Lei) [name=interview_scorecard_state]",
        },
        {
            content: "Screenshot: my interviews",
            trigger: "body",
            async run() {
                console.log("hr_ai_screenshot:my_interviews");
                await new Promise((resolve) => setTimeout(resolve, 500));
            },
        },
        {
            content: "Open the applicant of today's interview",
            trigger: ".o_kanban_record:contains(Li Lei) button.o_hr_ai_open_applicant",
            run: "click",
        },
        {
            content: "The applicant opens",
            trigger: ".o_form_view .o_field_widget[name=candidate_id]",
        },
    ],
});
