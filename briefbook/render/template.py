"""Book templates: a folder a user can copy and edit without touching code.

``templates/<name>/template.json`` holds page setup, fonts, sizes, colours and
the running header/footer patterns; ``reference.docx`` beside it holds the Word
styles (as pandoc's reference doc does). A broken template is reported with a
:class:`TemplateError` naming the file and the field that is wrong.
"""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

from briefbook.errors import BriefBookError
from briefbook.shared_methods import dataclass

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES_DIR = ROOT / "templates"
FONTS_DIR = ROOT / "resources" / "fonts"

PAGE_SIZES_MM = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "Letter": (215.9, 279.4)}

# A font family in resources/fonts: FAMILY-Regular.ttf, -Bold, -Italic, -BoldItalic.
FONT_STYLES = ("Regular", "Bold", "Italic", "BoldItalic")

# The renderers' own words, by book language.
WORDS = {
    "en": {"page": "Page {page} of {pages}", "contents": "Contents", "draft": "DRAFT"},
    "vi": {"page": "Trang {page} / {pages}", "contents": "Mục lục", "draft": "DỰ THẢO"},
}


# Limits, checked while reading (a template may come from someone else).
MAX_TEMPLATE_JSON = 256 * 1024  # bytes of template.json
MAX_HEADER = 200  # characters of the running-header pattern
MAX_REFERENCE_BYTES = 20 * 1024 * 1024  # the reference.docx file
HEADER_FIELDS = ("title", "subject", "author", "banner")


class TemplateError(BriefBookError):
    """A template folder that cannot be used; the message names what is wrong."""


def read_limited(path: Path, limit: int, what: str) -> bytes:
    """The bytes of ``path``, refused as soon as there are more than ``limit`` (never all read first)."""
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise TemplateError(f"The {what} {path} cannot be read: {exc.strerror or exc}.") from None
    if len(data) > limit:
        raise TemplateError(
            f"The {what} {path} is larger than {limit // 1024:,} KB; BriefBook will not use it."
        )
    return data


def check_header_pattern(pattern: str, where: str) -> str:
    """A header pattern names only our fields, plainly: ``{title}``, never ``{title:>4000000000}``."""
    if len(pattern) > MAX_HEADER:
        raise TemplateError(f"In {where}, header is longer than {MAX_HEADER} characters.")
    try:
        parts = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        raise TemplateError(
            f"In {where}, header '{pattern}' is not a pattern BriefBook can fill ({exc})."
        ) from None
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in HEADER_FIELDS or spec or conversion:
            raise TemplateError(
                f"In {where}, header may use only {', '.join('{' + f + '}' for f in HEADER_FIELDS)} "
                f"as they are (no widths or other formatting), not '{{{name}{':' + spec if spec else ''}}}'."
            )
    return pattern


def fill_header(pattern: str, values: dict[str, str]) -> str:
    """The running header: ``pattern`` (checked by :func:`check_header_pattern`) with its fields filled."""
    out = []
    for literal, name, _spec, _conversion in string.Formatter().parse(pattern):
        out.append(literal)
        if name is not None:
            out.append(values.get(name, ""))
    return "".join(out)


@dataclass(frozen=True)
class Template:
    """A book template as read from its folder: page, margins, fonts, sizes, colours and words."""

    name: str
    folder: Path
    page_size: str
    page_width_mm: float
    page_height_mm: float
    margin_top_mm: float
    margin_bottom_mm: float
    margin_left_mm: float
    margin_right_mm: float
    body_font: str
    heading_font: str
    thai_font: str
    body_size: float
    small_size: float
    heading_sizes: tuple[float, float, float]
    title_size: float
    accent_colour: str
    banner_colour: str
    muted_colour: str
    header: str
    cover_align: str
    reference_docx: Path
    portion_marking: bool = False  # each paragraph above the lowest level shows its level

    def words(self, language: str) -> dict[str, str]:
        """The renderer's fixed words in the book's language (English if unknown)."""
        return WORDS.get(language.split("-")[0].lower(), WORDS["en"])

    def font_file(self, family: str, style: str = "Regular") -> Path:
        path = FONTS_DIR / f"{family}-{style}.ttf"
        if not path.exists() and style != "Regular":
            # Thai ships Regular and Bold only: italic falls back to upright.
            path = FONTS_DIR / f"{family}-{'Bold' if 'Bold' in style else 'Regular'}.ttf"
        if not path.exists():
            raise TemplateError(
                f"Template '{self.name}' uses the font '{family}', but the file {path.name} "
                f"is missing from {FONTS_DIR}."
            )
        return path


def available_templates() -> list[str]:
    """The names of the templates shipped in ``templates/``."""
    if not TEMPLATES_DIR.is_dir():
        return []
    return sorted(p.name for p in TEMPLATES_DIR.iterdir() if (p / "template.json").is_file())


def load_template(name_or_path: str | Path) -> Template:
    """Load a template by name (a folder in ``templates/``) or by folder path."""
    folder = Path(name_or_path)
    if not folder.is_dir():
        folder = TEMPLATES_DIR / str(name_or_path)
    spec_path = folder / "template.json"
    if not spec_path.is_file():
        known = ", ".join(available_templates()) or "none"
        raise TemplateError(f"There is no template '{name_or_path}'. Templates available: {known}.")
    try:
        spec = json.loads(read_limited(spec_path, MAX_TEMPLATE_JSON, "template file").decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise TemplateError(f"The template file {spec_path} cannot be read: {exc}") from None
    if not isinstance(spec, dict):
        raise TemplateError(f"The template file {spec_path} must hold a JSON object.")
    r = _Reader(spec, spec_path)
    page_size = r.text("page.size", "A4")
    if page_size not in PAGE_SIZES_MM:
        raise TemplateError(
            f"In {spec_path}, page.size is '{page_size}'; use one of {', '.join(PAGE_SIZES_MM)}."
        )
    width, height = PAGE_SIZES_MM[page_size]
    reference_name = r.text("reference_docx", "reference.docx")
    if Path(reference_name).name != reference_name or reference_name in ("", ".", ".."):
        raise TemplateError(
            f"In {spec_path}, reference_docx must be a file name in the template's folder, "
            f"not '{reference_name}'."
        )
    reference = folder / reference_name
    if not reference.is_file():
        raise TemplateError(f"Template '{folder.name}' has no Word styles file: {reference} is missing.")
    if reference.stat().st_size > MAX_REFERENCE_BYTES:
        raise TemplateError(
            f"The Word styles file {reference} is larger than {MAX_REFERENCE_BYTES // 2**20} MB; "
            "BriefBook will not use it."
        )
    template = Template(
        name=r.text("name", folder.name),
        folder=folder,
        page_size=page_size,
        page_width_mm=width,
        page_height_mm=height,
        margin_top_mm=r.number("page.margins_mm.top", 25),
        margin_bottom_mm=r.number("page.margins_mm.bottom", 22),
        margin_left_mm=r.number("page.margins_mm.left", 25),
        margin_right_mm=r.number("page.margins_mm.right", 20),
        body_font=r.text("fonts.body", "NotoSerif"),
        heading_font=r.text("fonts.heading", "NotoSans"),
        thai_font=r.text("fonts.thai", "NotoSansThai"),
        body_size=r.number("sizes.body", 11),
        small_size=r.number("sizes.small", 9),
        heading_sizes=(r.number("sizes.h1", 18), r.number("sizes.h2", 14), r.number("sizes.h3", 12)),
        title_size=r.number("sizes.title", 26),
        accent_colour=r.colour("colours.accent", "#1F3864"),
        banner_colour=r.colour("colours.banner", "#A00000"),
        muted_colour=r.colour("colours.muted", "#555555"),
        header=check_header_pattern(r.text("header", "{title}"), str(spec_path)),
        cover_align=r.choice("cover.align", "center", ("center", "left")),
        reference_docx=reference,
        portion_marking=r.flag("portion_marking", False),
    )
    for family in {template.body_font, template.heading_font, template.thai_font}:
        template.font_file(family)
    return template


class _Reader:
    """Reads dotted keys from the template spec, with messages that name the key."""

    def __init__(self, spec: dict, path: Path):
        self.spec = spec
        self.path = path

    def _get(self, key: str, default):
        node = self.spec
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node

    def text(self, key: str, default: str) -> str:
        value = self._get(key, default)
        if not isinstance(value, str):
            raise TemplateError(f"In {self.path}, {key} must be text, not {value!r}.")
        return value

    def number(self, key: str, default: float) -> float:
        value = self._get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 500:
            raise TemplateError(f"In {self.path}, {key} must be a number between 0 and 500, not {value!r}.")
        return float(value)

    def colour(self, key: str, default: str) -> str:
        value = self.text(key, default)
        if not re.fullmatch(r"#[0-9A-Fa-f]{6}", value):
            raise TemplateError(f"In {self.path}, {key} must be a colour like #1F3864, not {value!r}.")
        return value.upper()

    def flag(self, key: str, default: bool) -> bool:
        value = self._get(key, default)
        if not isinstance(value, bool):
            raise TemplateError(f"In {self.path}, {key} must be true or false, not {value!r}.")
        return value

    def choice(self, key: str, default: str, options: tuple[str, ...]) -> str:
        value = self.text(key, default)
        if value not in options:
            raise TemplateError(f"In {self.path}, {key} must be one of {', '.join(options)}, not {value!r}.")
        return value
