import { registry } from "@web/core/registry";

/**
 * HR (phone and desktop size): Recruitment > Reporting > AI Dashboard shows
 * the KPIs, the per-stage table and the lists; on a desktop it also opens
 * the pipeline graph.
 */
function screenshot(name) {
    return {
        content: `Screenshot: ${name}`,
        trigger: "body",
        async run() {
            console.log(`hr_ai_screenshot:${name}`);
            await new Promise((resolve) => setTimeout(resolve, 500));
        },
    };
}

registry.category("web_tour.tours").add("hr_ai_dashboard", {
    url: "/odoo/action-hr_ai_interview_bridge.hr_ai_dashboard_action_server",
    steps: () => [
        {
            content: "The AI pass rate tile",
            trigger: ".o_hr_ai_kpis .o_hr_ai_kpi_ai_pass",
        },
        {
            content: "The per-stage table",
            trigger: ".o_hr_ai_dashboard_stages tbody tr",
        },
        screenshot("dashboard"),
        {
            content: "Switch to the week's interviews",
            trigger: ".o_notebook .nav-link:contains(Interviews)",
            run: "click",
        },
        {
            content: "The interview of the week is listed",
            trigger: ".o_field_widget[name=interview_ids] :contains(Li Lei)",
        },
        {
            isActive: ["desktop"],
            content: "Open the pipeline graph",
            trigger: ".o_form_statusbar button[name=action_open_pipeline_graph]",
            run: "click",
        },
        {
            isActive: ["desktop"],
            content: "The pipeline by stage",
            trigger: ".o_graph_view .o_graph_renderer canvas",
        },
    ],
});
