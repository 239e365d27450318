"""Simplified Chinese ships complete, and the .pot files are up to date."""

import pathlib

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_path
from odoo.tools.translate import TranslationModuleReader

ADDONS = ("hr_ai_interview_bridge", "hr_training_loop")


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    def _files(self, addon):
        pot = polib.pofile(file_path(f"{addon}/i18n/{addon}.pot"))
        po = polib.pofile(file_path(f"{addon}/i18n/zh_CN.po"))
        return pot, po

    def test_zh_cn_translates_every_term(self):
        for addon in ADDONS:
            with self.subTest(addon=addon):
                pot, po = self._files(addon)
                translated = {
                    (entry.msgctxt, entry.msgid)
                    for entry in po
                    if entry.msgstr and "fuzzy" not in entry.flags
                }
                missing = [
                    entry.msgid
                    for entry in pot
                    if (entry.msgctxt, entry.msgid) not in translated
                ]
                self.assertFalse(
                    missing,
                    f"{addon}/i18n/zh_CN.po lacks {len(missing)} translations, "
                    f"e.g. {missing[:5]}",
                )

    def test_pot_has_every_term_of_the_code(self):
        """Run `make i18n` when this fails: a new string is not in the .pot."""
        for addon in ADDONS:
            with self.subTest(addon=addon):
                pot, _po = self._files(addon)
                shipped = {entry.msgid for entry in pot}
                reader = TranslationModuleReader(self.env.cr, modules=[addon])
                current = {row[4] for row in reader if row[0] == addon}
                missing = sorted(current - shipped)
                self.assertFalse(
                    missing, f"{addon}.pot lacks {len(missing)} terms: {missing[:5]}"
                )


class TestTermExtraction(TransactionCase):
    def test_every_python_file_is_extractable(self):
        """Odoo's extractor (babel) silently skips a file it cannot parse, e.g.
        an f-string inside a ``_()`` call: then its terms never reach the .pot."""
        from babel.messages.extract import extract_python

        for addon in ADDONS:
            root = pathlib.Path(file_path(addon))
            for path in sorted(root.rglob("*.py")):
                with self.subTest(file=str(path.relative_to(root))):
                    with path.open("rb") as source:
                        list(extract_python(source, ["_", "_lt"], [], {}))


class TestCoreStageTranslations(TransactionCase):
    def test_core_stage_portal_labels_in_chinese(self):
        """Odoo's own stages get their candidate-facing label in Chinese when
        the language is loaded (they cannot ship as record terms)."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["hr_ai_interview_bridge"], ["zh_CN"], overwrite=True
        )
        stage = self.env.ref("hr_recruitment.stage_job0")
        self.assertEqual(
            stage.with_context(lang="en_US").portal_label, "Application received"
        )
        chinese = stage.with_context(lang="zh_CN").portal_label
        self.assertTrue(chinese)
        self.assertNotEqual(chinese, "Application received")
        # Our own stages come through the .po as usual.
        ai_stage = self.env.ref("hr_ai_interview_bridge.stage_ai_interview")
        self.assertNotEqual(
            ai_stage.with_context(lang="zh_CN").portal_label, "AI interview"
        )
