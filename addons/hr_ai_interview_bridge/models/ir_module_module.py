from odoo import _lt, models

# What candidates see of Odoo's own recruitment stages (set in
# data/hr_recruitment_stage_portal_data.xml).  Those records belong to
# hr_recruitment, so their translations cannot ship in our .po as record
# terms: they ship as these code terms and are written on language load.
CORE_STAGE_PORTAL_TEXTS = {
    "hr_recruitment.stage_job0": {
        "portal_label": _lt("Application received"),
        "portal_description": _lt(
            "We have your application and will review it shortly."
        ),
    },
    "hr_recruitment.stage_job1": {
        "portal_label": _lt("Application review"),
        "portal_description": _lt("A recruiter is reviewing your application."),
    },
    "hr_recruitment.stage_job2": {"portal_label": _lt("Interview with the team")},
    "hr_recruitment.stage_job3": {"portal_label": _lt("Final interview")},
    "hr_recruitment.stage_job4": {
        "portal_label": _lt("Offer"),
        "portal_description": _lt("We are preparing an offer for you."),
    },
    "hr_recruitment.stage_job5": {"portal_label": _lt("Welcome aboard")},
}


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _load_module_terms(
        self, modules, langs, overwrite=False, imported_module=False
    ):
        result = super()._load_module_terms(
            modules, langs, overwrite=overwrite, imported_module=imported_module
        )
        if "hr_ai_interview_bridge" in modules:
            self._hr_ai_translate_core_stages(langs)
        return result

    def _hr_ai_translate_core_stages(self, langs):
        """Write the candidate-facing texts of Odoo's stages in ``langs``,
        unless HR changed the English text (then theirs is kept)."""
        installed = {code for code, _name in self.env["res.lang"].get_installed()}
        for xmlid, texts in CORE_STAGE_PORTAL_TEXTS.items():
            stage = self.env.ref(xmlid, raise_if_not_found=False)
            if not stage:
                continue
            for field_name, text in texts.items():
                english = stage.with_context(lang="en_US")[field_name]
                if english != text._source:
                    continue
                translations = {
                    lang: text._translate(lang)
                    for lang in langs
                    if lang in installed and lang != "en_US"
                }
                if translations:
                    stage.update_field_translations(field_name, translations)
