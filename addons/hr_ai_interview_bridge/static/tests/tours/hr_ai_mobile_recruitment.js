import { registry } from "@web/core/registry";

/**
 * Foundation tour, run at phone size by a logged-in HR manager: open
 * Recruitment through the phone navbar's apps sidebar.
 */
registry.category("web_tour.tours").add("hr_ai_mobile_recruitment", {
    url: "/odoo",
    steps: () => [
        {
            content: "Open the apps sidebar (phone navbar)",
            trigger: ".o_main_navbar a.o_menu_toggle",
            run: "click",
        },
        {
            content: "Show all apps",
            trigger: ".o_app_menu_sidebar a:contains(All Apps)",
            run: "click",
        },
        {
            content: "Open Recruitment",
            trigger:
                '.o_app_menu_sidebar li.o_app[data-menu-xmlid="hr_recruitment.menu_hr_recruitment_root"]',
            run: "click",
        },
        {
            content: "Recruitment opens on the job positions (kanban on a phone)",
            trigger: ".o_action_manager .o_kanban_view",
        },
    ],
});
