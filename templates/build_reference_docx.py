"""Build each template's reference.docx (Word styles, numbering, page setup)
from its template.json.

    python templates/build_reference_docx.py            # all templates
    python templates/build_reference_docx.py formal-a4  # one
    python templates/build_reference_docx.py --check    # exit 1 if a file is out of date

The output is deterministic, and a file whose parts are already right is left
alone, so a file only changes when template.json (or the style code in
briefbook/render/docx_styles.py and docx_reference.py) changed.
Run it after editing a template.json, and commit the result.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from briefbook.errors import BriefBookError  # noqa: E402
from briefbook.render.docx_reference import build_reference_docx, is_up_to_date  # noqa: E402
from briefbook.render.template import available_templates, load_template  # noqa: E402


def reference_path(folder: Path) -> Path:
    spec = json.loads((folder / "template.json").read_text(encoding="utf-8"))
    name = spec.get("reference_docx", "reference.docx") if isinstance(spec, dict) else "reference.docx"
    return folder / str(name)


def build(name: str, check: bool = False) -> bool:
    """Build (or with ``check``, compare) one template's file; True if it is up to date."""
    folder = HERE / name
    path = reference_path(folder)
    placeholder = not path.exists()
    if placeholder and not check:
        path.write_bytes(b"")  # load_template insists on the file we are about to write
    try:
        template = load_template(folder)
    except BriefBookError:
        if placeholder and not check:
            path.unlink()
        raise
    if is_up_to_date(template, path):
        return True
    if check:
        return False
    path.write_bytes(build_reference_docx(template))
    print(f"wrote {path.relative_to(HERE.parent)}")
    return True


def main(argv: list[str]) -> int:
    check = "--check" in argv
    names = [a for a in argv if not a.startswith("--")] or available_templates()
    stale = [name for name in names if not build(name, check)]
    for name in stale:
        print(f"{name}: reference.docx is out of date; run python templates/build_reference_docx.py")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
