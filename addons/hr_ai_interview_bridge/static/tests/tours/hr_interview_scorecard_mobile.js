import { registry } from "@web/core/registry";

/**
 * Phone-size tour of an interviewer filling a scorecard: one card per
 * criterion, a dialog with the big 1-5 choice and the anchors, the
 * recommendation, then Submit.  Started on the scorecard's form by
 * tests/test_scorecard_tour.py.
 */
function rateCriterion(criterion, rating, anchor) {
    return [
        {
            content: `Open the card of ${criterion}`,
            trigger: `.o_hr_interview_scorecard_card:contains(${criterion})`,
            run: "click",
        },
        {
            content: `Choose ${rating}`,
            trigger: `.modal .o_hr_interview_rating .o_selection_badge[value='"${rating}"']`,
            run: "click",
        },
        ...(anchor
            ? [
                  {
                      content: "The chosen anchor is shown",
                      trigger: `.modal .o_hr_interview_chosen_anchor:contains(${anchor})`,
                  },
              ]
            : []),
    ];
}

function saveDialog(criterion, shown) {
    return [
        {
            content: "Save the criterion",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: `The card of ${criterion} shows the rating`,
            trigger: `.o_hr_interview_scorecard_card:contains(${criterion}) .o_hr_interview_card_rating:contains(${shown})`,
        },
    ];
}

registry.category("web_tour.tours").add("hr_interview_scorecard_mobile", {
    steps: () => [
        {
            content: "The scorecard opens with one card per criterion",
            trigger: ".o_form_view .o_hr_interview_scorecard_card:contains(Reasoning)",
        },
        ...rateCriterion("Reasoning", 4, "Structures new problems unaided."),
        ...saveDialog("Reasoning", 4),
        ...rateCriterion("Teamwork", 2, "Avoids disagreements."),
        {
            content: "Note the evidence",
            trigger: ".modal .o_field_widget[name=notes] textarea",
            run: "edit Avoided the conflict question.",
        },
        ...saveDialog("Teamwork", 2),
        ...rateCriterion("Communication", 0, "No decision"),
        ...saveDialog("Communication", "No decision"),
        {
            content: "Recommend",
            trigger: `.o_field_widget[name=recommendation] .o_selection_badge[value='"yes"']`,
            run: "click",
        },
        {
            content: "Submit",
            trigger: ".o_hr_interview_submit_mobile",
            run: "click",
        },
        {
            content: "The scorecard is submitted and read-only",
            trigger: ".o_hr_interview_submitted",
        },
    ],
});
