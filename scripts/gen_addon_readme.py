"""Build each addon's README.rst from its readme/ fragments (OCA layout).

`python scripts/gen_addon_readme.py` rewrites the files; with `--check` it
exits 1 when one is out of date (run by `make lint`).
"""

import ast
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SECTIONS = [
    ("DESCRIPTION.md", None),
    ("CONFIGURE.md", "Configuration"),
    ("USAGE.md", "Usage"),
    ("CONTRIBUTORS.md", "Contributors"),
]


def md_to_rst(text):
    """The fragments use a small Markdown subset: headings, lists, `code`."""
    lines = []
    for line in text.strip().splitlines():
        heading = re.match(r"^(#+)\s+(.*)$", line)
        if heading:
            title = heading.group(2)
            char = "~" if len(heading.group(1)) > 2 else "-"
            lines += [title, char * len(title)]
            continue
        lines.append(re.sub(r"(?<!`)`([^`]+)`(?!`)", r"``\1``", line))
    return "\n".join(lines)


def render(addon):
    # literal_eval: a manifest is a dict literal, nothing to execute
    manifest = ast.literal_eval((addon / "__manifest__.py").read_text())
    title = manifest["name"]
    parts = ["=" * len(title), title, "=" * len(title), ""]
    parts += [f"*{manifest['summary']}*", ""]
    for fragment, heading in SECTIONS:
        path = addon / "readme" / fragment
        if not path.exists():
            continue
        if heading:
            parts += [heading, "=" * len(heading), ""]
        parts += [md_to_rst(path.read_text()), ""]
    parts += [
        "License",
        "=======",
        "",
        f"{manifest['license']}. Version {manifest['version']}, "
        f"by {manifest['author']}.",
        "",
    ]
    return "\n".join(parts)


def main():
    check = "--check" in sys.argv
    stale = []
    for manifest in sorted((ROOT / "addons").glob("*/__manifest__.py")):
        addon = manifest.parent
        target = addon / "README.rst"
        content = render(addon)
        if target.exists() and target.read_text() == content:
            continue
        if check:
            stale.append(str(target.relative_to(ROOT)))
        else:
            target.write_text(content)
    if stale:
        sys.stderr.write(
            "Out of date (run python scripts/gen_addon_readme.py): "
            + ", ".join(stale)
            + "\n"
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
