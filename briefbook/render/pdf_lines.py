"""A paragraph's lines computed once and laid out page by page.

reportlab's ``Paragraph.split`` hands the part that follows a page break the rest
of the paragraph's words, and that part breaks them into lines again when it is
placed; a paragraph spanning N pages is broken N times, each time from where the
page before stopped, so the work grows with the square of its length (a 200 KB
paragraph took 18-20x a 20 KB one). Here a split cuts the lines that are already
known: each part carries its slice of the paragraph's lines (already in visual
order for right-to-left text, :mod:`briefbook.render.bidi_lines`) and its height,
so placing it breaks nothing, and a paragraph is broken once for a given width
however many pages it spans.

The rules are reportlab's own, so the pages come out as before: as many lines as
the height holds, no part of one line when orphans are not allowed, a widow given
company by moving one more line over, a forced line break left unjustified, the
bullet and the first-line indent on the first part only, the last line of the
paragraph alone left unjustified. One difference, on purpose: when a page ends
right after a forced line break, reportlab's rest began with that break, broken
again into an empty line at the top of the next page; the rest here begins with
the next line. A part's words (which reportlab keeps for a re-wrap at another
width) are taken from the paragraph's only if that ever happens. Cases this module
does not know (automatic leading, leader dots, CJK wrapping, text flowing round an
image) keep reportlab's split.

reportlab's ``breakLines`` itself is quadratic in a paragraph's words (it takes each
with ``list.pop(0)``): a long paragraph is broken a few thousand words at a time
(:mod:`briefbook.render.pdf_breaking`).
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.paragraph import FragLine, ParaLines
from reportlab.rl_config import _FUZZ


def split_lines(para, avail_width: float, avail_height: float) -> list | None:
    """``para`` cut where ``avail_height`` ends, from its lines (made for ``avail_width``
    if it has none yet): ``[]`` when nothing of it fits, ``[para]`` when all of it does, else a first part
    and the rest. ``None`` when reportlab's own split must do it (see the module)."""
    style = para.style
    auto = getattr(para, "autoLeading", getattr(style, "autoLeading", ""))
    if auto not in ("", "off") or style.endDots or style.wordWrap == "CJK" or hasattr(para, "_offsets"):
        return None
    if avail_width < _FUZZ or avail_height < _FUZZ or not (para._bb_words or para.frags):
        return []
    if not hasattr(para, "blPara"):
        # As reportlab's: lines made already are cut whatever the width asked for here (a
        # table wraps a cell without its padding, then asks for the split with it).
        para.wrap(avail_width, avail_height)
    lines_info = para.blPara
    if lines_info.kind not in (0, 1) or isinstance(lines_info.lines, rl_paragraph.BidiList):
        return None
    lines = lines_info.lines
    fit = int(avail_height / float(style.leading))
    allow_orphans = getattr(para, "allowOrphans", getattr(style, "allowOrphans", 0))
    if (not allow_orphans and fit <= 1) or fit == 0:
        return []  # one line alone at the foot of a page, or none at all
    count = len(lines)
    if count <= fit:
        return [para]
    allow_widows = getattr(para, "allowWidows", getattr(style, "allowWidows", 1))
    if not allow_widows and count == fit + 1:  # one line alone at the top of the next page
        if (allow_orphans and count == 3) or count > 3:
            fit -= 1
        else:
            return []
    first = _part(para, 0, fit, first=True)
    last_line = lines[fit - 1]
    first._JustifyLast = not (isinstance(last_line, FragLine) and getattr(last_line, "lineBreak", False))
    first._splitpara = 1
    rest = _part(para, fit, count, first=False)
    if hasattr(para, "_JustifyLast"):  # a first part split again: its last line is not the paragraph's
        rest._JustifyLast = para._JustifyLast
    return [first, rest]


def _part(para, start: int, stop: int, *, first: bool):
    """A paragraph of the same class drawing ``para``'s lines ``start:stop`` (no new line breaking)."""
    cls = type(para)
    part = cls.__new__(cls)
    style = para.style
    if not first and style.firstLineIndent:
        style = copy.deepcopy(style)
        style.firstLineIndent = 0
    info = para.blPara
    lines = info.lines[start:stop]
    part.caseSensitive = para.caseSensitive
    part.encoding = para.encoding
    part.text = None  # as reportlab's parts: the text lives in the words
    part.style = style
    part.bulletText = para.bulletText if first else None
    part.debug = para.debug
    part.blPara = ParaLines(kind=1, lines=lines) if info.kind == 1 else info.clone(lines=lines)
    part.width = para.width
    part.height = len(lines) * style.leading
    part._wrapWidths = para._wrapWidths
    part._width_max = getattr(para, "_width_max", 0)
    part._bb_width = para._bb_width  # its lines are for this width (BookParagraph.wrap)
    part._bb_range, part._bb_words = _words_of(para, part.blPara, start, stop)
    return part


def _words_of(para, part_info, start: int, stop: int) -> tuple[tuple[list, int] | None, Callable[[], list]]:
    """Where a part's words are, and how to get them should it ever be broken again
    (at another width): the frag words its lines index, kept by the paragraph."""
    if part_info.kind == 0:  # one frag: the words of its lines
        return None, lambda: rl_paragraph._split_blParaSimple(part_info, 0, len(part_info.lines))
    source, end_of_all = para._bb_range or (para.frags, len(para.frags))
    lines = para.blPara.lines
    begin = lines[start].sFW
    end = lines[stop].sFW if stop < len(lines) else end_of_all
    return (source, end), lambda: _frag_words(source, begin, end)


def _frag_words(source: list, begin: int, end: int) -> list:
    """reportlab's ``_split_blParaProcessed`` on a range of the paragraph's frag words."""
    words = source[begin:end]
    while words and isinstance(words[-1], rl_paragraph._InjectedFrag):
        del words[-1]
    if words and isinstance(words[-1], rl_paragraph._SplitFragHY):
        hyphenated = isinstance(words[-1], rl_paragraph._SHYWord)
        words[-1].__class__ = rl_paragraph._SHYWordHS if hyphenated else rl_paragraph._SplitFragLL
    return words
