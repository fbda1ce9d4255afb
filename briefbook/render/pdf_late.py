"""Numbers known only at the end of the layout, drawn in place in one pass.

The total in "Page X of Y" and the page of each contents entry and cross-reference
are known only once the last page is laid out. Where such a number goes, the page's
content gets a mark (a PDF comment line); when the layout ends, each mark is
replaced by the operators that draw the number, made by the canvas itself, before
the file is written. reportlab keeps every page's content as text until it saves,
so no page is laid out twice.

This replaces a form XObject per number (defined after the last page): the same
text at the same place, without one more PDF object, content stream and resource
dictionary each (about 1,200 of them in a 100-meeting book, a third of the time
spent writing the file).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas

_MARK = "%bb-late "
_MARKS = re.compile(r"^%bb-late (\S+)$", re.MULTILINE)


def mark(canv: Canvas, name: str) -> None:
    """Where the late text ``name`` will be drawn (in the current graphics state)."""
    canv._code.append(_MARK + name)


def fill(canv: Canvas, drawings: dict[str, Callable[[Canvas], None]]) -> None:
    """Replace every mark by its drawing, each in a saved graphics state (as a form is).

    Call after the last page was shown and before the canvas saves: the fonts still
    take new characters then. A mark without a drawing is left as a comment."""
    code = {name: operators(canv, draw) for name, draw in drawings.items()}

    def drawn(match: re.Match) -> str:
        return code.get(match.group(1), match.group(0))

    for page in canv._doc.Pages.pages:
        stream = page.stream
        if isinstance(stream, str) and _MARK in stream:
            page.stream = _MARKS.sub(drawn, stream)


def operators(canv: Canvas, draw: Callable[[Canvas], None], *, isolated: bool = True) -> str:
    """The content operators ``draw`` makes on ``canv`` (``isolated``: in a saved
    graphics state, as a form is drawn), returned instead of added to the page."""
    saved = canv._code
    canv._code = []
    try:
        if isolated:
            canv.saveState()
        draw(canv)
        if isolated:
            canv.restoreState()
        return "\n".join(canv._code)
    finally:
        canv._code = saved
