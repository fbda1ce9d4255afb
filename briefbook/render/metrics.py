"""Vertical metrics both renderers share: line height and the space before and after
each kind of paragraph, in points, from one template.

The DOCX's contents carry the page numbers of the PDF's layout, and an office suite
lays the DOCX out itself: the two agree only if a page holds the same lines in both.
So the PDF's styles and the Word styles take their spacing from this one table, and
the PDF's line height is the fonts' own "single" line (Noto's ascent plus descent,
1.362 em), which is what Word and LibreOffice use for single spacing.
"""

from __future__ import annotations

from briefbook.render.template import Template

LINE = 1.362  # Noto Sans/Serif ascent + descent in ems: a "single" line in Word and LibreOffice


def spacing(t: Template) -> dict[str, tuple[float, float]]:
    """Style key -> (space before, space after) in points."""
    bs, ss = t.body_size, t.small_size
    h1, h2, h3 = t.heading_sizes
    return {
        "body": (0.0, bs * 0.55),
        "label": (bs * 0.6, bs * 0.25),
        "note": (0.0, ss * 0.6),
        "quote": (bs * 0.2, bs * 0.6),
        "h1": (h1 * 0.9, h1 * 0.4),
        "h2": (h2 * 0.7, h2 * 0.4),
        "h3": (max(h3, bs + 1) * 0.7, max(h3, bs + 1) * 0.4),
        "h4": (bs * 0.5, bs * 0.3),  # a sub-heading inside a brief, and a person's name
        "item": (0.0, bs * 0.3),
        "xref": (0.0, bs * 0.35),
    }


def fits_one_line(text: str, t: Template) -> bool:
    """Whether a body paragraph of ``text`` takes about one line (an estimate both renderers
    share, so that they decide alike): such a line under a heading is kept with what follows."""
    width_pt = (t.page_width_mm - t.margin_left_mm - t.margin_right_mm) * 72 / 25.4
    per_line = width_pt / (t.body_size * (0.53 if "Sans" in t.body_font else 0.5))
    return "\n" not in text and len(text) <= per_line * 0.9
