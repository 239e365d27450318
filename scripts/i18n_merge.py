"""Merge a freshly exported .pot into a language .po (like msgmerge).

Keeps the translations of terms still present, adds new terms untranslated,
drops obsolete ones, and prints how many terms are left to translate.
Usage: i18n_merge.py ADDON.pot LANG.po LANG
"""

import sys

import polib


def merge(pot_path, po_path, lang):
    pot = polib.pofile(pot_path)
    try:
        old = {(entry.msgctxt, entry.msgid): entry for entry in polib.pofile(po_path)}
    except OSError:
        old = {}
    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(pot.metadata)
    po.metadata["Language"] = lang
    po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    po.header = pot.header
    for entry in pot:
        previous = old.get((entry.msgctxt, entry.msgid))
        entry.msgstr = previous.msgstr if previous else ""
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        po.append(entry)
    po.save(po_path)
    missing = sum(1 for entry in po if not entry.msgstr)
    sys.stdout.write(f"{po_path}: {len(po)} terms, {missing} untranslated\n")


if __name__ == "__main__":
    merge(*sys.argv[1:4])
