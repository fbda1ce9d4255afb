"""A long paragraph broken into lines a few thousand words at a time, in time linear in
its length.

reportlab's ``Paragraph.breakLines`` takes each word off the front of a Python list
(``list.pop(0)``), which moves every word after it: breaking a paragraph costs the
square of its number of words. That is nothing for a normal paragraph, but a whole
report pasted into one talking point is one paragraph: 1 MB took 2.8 s, half of it in
``pop``, and that half grows with the square of the length.

reportlab's breaker is greedy and never looks ahead: what goes on a line depends only
on the words from the line's first word on, and on the line's width. So a long
paragraph's words are given to reportlab's own ``breakLines`` ``CHUNK`` words at a
time. Of each piece's lines, the last is dropped (the end of the piece cut it, not the
width), and the next piece starts with that line's first word, on the next line
number (so a first-line width and a bullet apply to the first line only, as before).
The lines, the frag words they index (``sFW``) and the paragraph's widest line come
out as one call makes them; tests compare the two on every kind of paragraph.

A piece restarts only at a line whose start leaves reportlab in the state a fresh call
starts in: a line beginning with a whole word of the paragraph (not a piece of a long
word reportlab split, nor words it injected), holding text (not a forced line break).
When a piece holds no such line after its first, it is made twice as long. One-font
paragraphs (reportlab's "kind 0": its words are strings, so pieces are found by their
text) with soft hyphens or hyphenation keep the one call. (reportlab's counts of the
words it split or hyphenated, which nothing reads, may count one in a dropped line twice.)
"""

from __future__ import annotations

import copy

from reportlab.platypus import paragraph as rl_paragraph

CHUNK = 2048  # words given to reportlab's breakLines at a time
LONG = 16_384  # characters: a paragraph shorter than this is broken in one call, as always

_TEXT = rl_paragraph._FK_TEXT


def break_long(para, width, rl_break):
    """``rl_break(para, width)`` (reportlab's ``breakLines``), done in pieces for a long
    paragraph of the book (``bb_pieces``: reportlab's own paragraphs, the bench's floor
    among them, keep the one call); ``None`` when the paragraph is short or of a kind
    broken in one call."""
    if not getattr(para, "bb_pieces", False):
        return None
    frags = para.frags
    if not frags or _length(frags) < LONG:
        return None
    style = para.style
    wrap = style.wordWrap
    if wrap and wrap.upper() in ("RTL", "LTR", "CJK"):
        return None  # reportlab's own bidi or CJK breaking: not the greedy breaker below
    widths = list(width) if isinstance(width, tuple | list) else [width]
    shaping = style.shaping and bool(rl_paragraph.getFont(style.fontName).shapable)
    if len(frags) == 1 and not (
        style.endDots
        or hasattr(frags[0], "cbDefn")
        or hasattr(frags[0], "backColor")
        or rl_paragraph._processed_frags(frags)
        or shaping
    ):
        return _one_font(para, width, widths, frags[0], rl_break)
    return _many_frags(para, width, widths, shaping, rl_break)


def _length(frags) -> int:
    """About how many characters ``frags`` hold (frags, or frag words once broken)."""
    if rl_paragraph._processed_frags(frags):
        return sum(len(s) for w in frags for _f, s in w[1:] if isinstance(s, str))
    total = 0
    for f in frags:
        text = getattr(f, "text", None)
        if isinstance(text, str):
            total += len(text)
        else:
            total += sum(len(w) for w in getattr(f, "words", ()))
    return total


def _piece_widths(widths: list, lineno: int) -> list:
    """The widths of the lines from ``lineno`` on, as reportlab indexes them. The first
    piece gets a copy of all of them: reportlab narrows the first for a bullet, in place
    (and with one width, every line: as one call does); :func:`_first_done` keeps them."""
    return list(widths[min(lineno, len(widths) - 1) :])


def _first_done(width, used: list) -> list:
    """The widths after the first piece (its bullet's narrowing in them), also in the
    caller's list, which one call of reportlab's would have changed so."""
    if isinstance(width, list):
        width[:] = used
    return used


def _many_frags(para, width, widths: list, shaping: bool, rl_break):
    """reportlab's "kind 1" (several frags, or shaped): frag words, found by identity."""
    words = rl_paragraph._getFragWords(para.frags, widths[0])
    if shaping:
        # Shaped once here; reportlab's shaping of each piece returns a shaped word as it is.
        words = [rl_paragraph.shapeFragWord(w) for w in words]
    lines: list = []
    frag_words: list = []
    width_max = 0.0
    splits = hyphenations = 0
    start = lineno = calls = 0
    size = CHUNK
    while True:
        end = min(len(words), start + size)
        piece = words[start:end]
        part = _twin(para, piece, lineno, not calls)
        calls += 1
        used = _piece_widths(widths, lineno)
        info = rl_break(part, used)
        got, fw = info.lines, part.frags
        if end == len(words):
            keep, restart = len(got), None
        else:
            keep, restart = _restart_many(got, fw, piece)
            if keep is None:
                size *= 2
                continue
        cut = got[keep].sFW if keep < len(got) else len(fw)
        base = len(frag_words)
        for line in got[:keep]:
            line.sFW += base
        lines.extend(got[:keep])
        frag_words.extend(fw[:cut])
        width_max = max(width_max, part._width_max)
        splits += part._splitLongWordCount
        hyphenations += part._hyphenations
        if lineno == 0:
            widths = _first_done(width, used)
        if restart is None:
            break
        start += restart
        lineno += keep
        size = CHUNK
    _finish(para, width_max, splits, hyphenations)
    para.frags = frag_words
    return rl_paragraph.ParaLines(kind=1, lines=lines)


def _restart_many(lines: list, fw: list, piece: list) -> tuple[int | None, int | None]:
    """The last line (after the first) to break again in the next piece, and the place in
    ``piece`` of its first word; ``(None, None)`` when no line starts as a fresh call."""
    where = {id(w): i for i, w in enumerate(piece)}
    for k in range(len(lines) - 1, 0, -1):
        first = lines[k].sFW
        w = fw[first]
        i = where.get(id(w))
        if not i or piece[i] is not w or isinstance(w, rl_paragraph._InjectedFrag | rl_paragraph._SplitFrag):
            continue
        f = w[1][0]
        if f._fkind != _TEXT or not w[1][1] or not w[0] > 0 or hasattr(f, "cbDefn"):
            continue
        return k, i
    return None, None


def _one_font(para, width, widths: list, f, rl_break):
    """reportlab's "kind 0" (one frag, not shaped): its words are strings."""
    text = getattr(f, "text", None)
    style = para.style
    if (
        getattr(style, "hyphenationLang", "")
        or style.uriWasteReduce
        or style.embeddedHyphenation
        or (isinstance(text, str) and rl_paragraph._shy in text)
    ):
        return None
    words = rl_paragraph.split(rl_paragraph.strip(text)) if isinstance(text, str) else list(f.words)
    if len(words) <= CHUNK or (not isinstance(text, str) and any(rl_paragraph._shy in w for w in words)):
        return None
    lines: list = []
    width_max = 0.0
    splits = 0
    start = lineno = calls = 0
    size = CHUNK
    first_info = None
    while True:
        end = min(len(words), start + size)
        piece = words[start:end]
        g = f.clone()
        if hasattr(g, "text"):
            del g.text
        g.words = piece
        part = _twin(para, [g], lineno, not calls)
        calls += 1
        used = _piece_widths(widths, lineno)
        info = rl_break(part, used)
        first_info = first_info or info
        got = info.lines
        if end == len(words):
            keep, restart = len(got), None
        else:
            keep, restart = _restart_one(got, piece)
            if keep is None:
                size *= 2
                continue
        lines.extend(got[:keep])
        width_max = max(width_max, part._width_max)
        splits += part._splitLongWordCount
        if lineno == 0:
            widths = _first_done(width, used)
        if restart is None:
            break
        start += restart
        lineno += keep
        size = CHUNK
    _finish(para, width_max, splits, 0)
    return f.clone(
        kind=0,
        lines=lines,
        ascent=first_info.ascent,
        descent=first_info.descent,
        fontSize=first_info.fontSize,
    )


def _restart_one(lines: list, piece: list) -> tuple[int | None, int | None]:
    """As :func:`_restart_many`, for lines of strings: the words are followed through the
    lines by their text (a long word reportlab split comes back as its pieces)."""
    best = (None, None)
    pos, partial = 0, ""
    for k, (_extra, line_words) in enumerate(lines):
        if (
            k
            and pos
            and not partial
            and line_words
            and type(line_words[0]) is str
            and pos < len(piece)
            and line_words[0] == piece[pos]
        ):
            best = (k, pos)
        for word in line_words:
            if pos >= len(piece):
                return best
            if not partial and type(word) is str and word == piece[pos]:
                pos += 1
                continue
            partial += word
            if partial == piece[pos]:
                pos, partial = pos + 1, ""
            elif not piece[pos].startswith(partial):
                return best  # lost track of the words: restart at the last line known
    return best


def _twin(para, frags: list, lineno: int, first: bool):
    """A shallow copy of ``para`` holding ``frags`` (its bullet on its first line only).
    ``bb_piece`` is 1 on the first piece broken, 2 on the others (a count of line
    breakings, as the bench's, counts a paragraph once)."""
    part = copy.copy(para)
    part.bb_piece = 1 if first else 2
    part.frags = frags
    if lineno:
        part.bulletText = None
    return part


def _finish(para, width_max: float, splits: int, hyphenations: int) -> None:
    """What reportlab's ``breakLines`` leaves on the paragraph besides its lines."""
    para.height = 0
    para._width_max = width_max
    para._splitLongWordCount = splits
    para._hyphenations = hyphenations
