import { registry } from "@web/core/registry";

/**
 * Candidate on the portal (run at phone and desktop size): from /my to the
 * application, the progress timeline and the AI summary, "request another
 * time", then an upload.  Steps logging "hr_ai_screenshot:<name>" make the
 * test save a screenshot (tests/test_portal_tour.py).
 */
function screenshot(name, selector) {
    return {
        content: `Screenshot: ${name}`,
        trigger: selector || "body",
        async run() {
            if (selector) {
                // Below the sticky header of the phone layout.
                const top = document.querySelector(selector).getBoundingClientRect().top;
                window.scrollTo(0, window.scrollY + top - 70);
            }
            console.log(`hr_ai_screenshot:${name}`);
            // Leave the browser time to capture before the next step.
            await new Promise((resolve) => setTimeout(resolve, 500));
        },
    };
}

registry.category("web_tour.tours").add("hr_ai_portal_candidate", {
    url: "/my",
    steps: () => [
        {
            content: "The /my home counts the candidate's applications",
            trigger: ".o_portal_index_card a[href='/my/applications']",
            run: "click",
        },
        {
            content: "Open the application",
            trigger: ".o_hr_ai_application_row a",
            run: "click",
        },
        {
            content: "The timeline shows the current step in candidate words",
            trigger: ".o_hr_ai_timeline .o_hr_ai_step_current:contains(AI interview)",
        },
        {
            content: "Steps already done are ticked",
            trigger: ".o_hr_ai_timeline .o_hr_ai_step_done:contains(Application received)",
        },
        screenshot("portal_timeline", ".o_hr_ai_portal_application"),
        {
            content: "The AI summary compares with other candidates as a share only",
            trigger: "#ai_report .o_hr_ai_dimension:contains(Higher than 85% of candidates)",
        },
        screenshot("portal_ai_report", "#ai_report"),
        {
            content: "Ask for another interview time",
            trigger: "#interviews a.o_hr_ai_reschedule",
            run: "click",
        },
        {
            content: "Reason",
            trigger: "textarea[name=reason]",
            run: "edit I am travelling that day",
        },
        {
            content: "Preferred times",
            trigger: "textarea[name=preferred_times]",
            run: "edit Tuesday or Thursday afternoon",
        },
        screenshot("portal_reschedule", ".o_hr_ai_portal_reschedule"),
        {
            content: "Send the request",
            trigger: ".o_hr_ai_reschedule_form button[type=submit]",
            run: "click",
        },
        {
            content: "Back on the application, the request is confirmed",
            trigger: ".o_hr_ai_portal_message:contains(Your request was sent)",
        },
        {
            content: "Choose a portfolio to upload",
            trigger: "#hr_ai_attachments",
            run() {
                const input = document.querySelector("#hr_ai_attachments");
                const transfer = new DataTransfer();
                transfer.items.add(
                    new File(["%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"], "portfolio.pdf", {
                        type: "application/pdf",
                    })
                );
                input.files = transfer.files;
            },
        },
        {
            content: "Upload it",
            trigger: ".o_hr_ai_upload_form button[type=submit]",
            run: "click",
        },
        {
            content: "The file is listed with the application",
            trigger: ".o_hr_ai_uploads li:contains(portfolio.pdf)",
        },
        screenshot("portal_documents", "#documents"),
        {
            content: "The request is in the application's messages (portal chatter)",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains(Tuesday or Thursday afternoon)",
        },
    ],
});
