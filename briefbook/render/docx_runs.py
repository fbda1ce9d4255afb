"""Runs as WordprocessingML text: a run's look, its fonts, its text, links and bookmarks.

Every piece of the book's text goes through :meth:`RunWriter.run`: cleaned
(:func:`briefbook.text.clean`), cut where the template's font cannot draw it (the
chain font that can is named in all four ``w:rFonts`` slots, with ``w:rtl`` and
``w:cs`` for right-to-left scripts), and escaped (:mod:`briefbook.render.docx_markup`).
The writers return XML text; nothing here builds an element tree.
"""

from __future__ import annotations

import re
from unicodedata import normalize
from urllib.parse import quote

from briefbook.document.model import Run
from briefbook.invisible import closed_controls
from briefbook.lazy_pattern import LazyPattern
from briefbook.render.docx_fonts import chain_of, pieces, replaced, run_fonts_xml
from briefbook.render.docx_markup import attr, element
from briefbook.render.docx_markup import text as escaped
from briefbook.render.docx_parts import RT_HYPERLINK
from briefbook.render.docx_repertoire import docx_code_chain
from briefbook.render.docx_style_ids import StyleIds
from briefbook.render.font_chain import Chain
from briefbook.render.template import Template
from briefbook.text import clean, clean_line

CHUNK = 16384  # longest w:t we write; longer text is split over several w:t in one run
# A character that makes a run's text more than itself in XML: one clean() replaces or removes,
# a break or tab, one XML cannot hold, or one to escape (a superset of each of those sets), or
# a bidi control, which the run closes if it leaves it open (invisible.closed_controls).
# (Compiled where asked: the writer scans with its chain's own pattern, primary_without.)
_PLAIN = LazyPattern("[\x00-\x1f\x7f\ufffe\uffff\ud800-\udfff&<>\u202a-\u202e\u2066-\u2069]")
# The same characters as code points, for Chain.primary_without (one scan answers both).
_PLAIN_CODES = frozenset(
    [
        *range(0x20),
        *(0x7F, 0xFFFE, 0xFFFF, 0x26, 0x3C, 0x3E),
        *range(0xD800, 0xE000),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    ]
)
_BREAKS = re.compile(r"(\n|\t)")


def _plain_search(text: str) -> re.Match[str] | None:
    """``_PLAIN.search``: what a writer asks before its template's chain is known (compiled then)."""
    return _PLAIN.search(text)


SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:", "ftp://")
PAGE_BREAK = '<w:br w:type="page"/>'


def safe_url(url: str) -> str | None:
    """A URL Word can store and open, or ``None`` for schemes we do not link."""
    url = clean_line(url)
    if not url.lower().startswith(SAFE_SCHEMES):
        return None
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")


def text_xml(text: str) -> str:
    """``w:t`` elements for cleaned ``text``: line breaks and tabs become ``w:br`` and
    ``w:tab``, and very long text is cut into several ``w:t`` (nothing for empty text)."""
    if len(text) <= CHUNK and "\n" not in text and "\t" not in text:
        return f'<w:t xml:space="preserve">{escaped(text)}</w:t>' if text else ""
    out = []
    for piece in _BREAKS.split(text):
        if piece == "\n":
            out.append("<w:br/>")
        elif piece == "\t":
            out.append("<w:tab/>")
        else:
            for start in range(0, len(piece), CHUNK):
                out.append(f'<w:t xml:space="preserve">{escaped(piece[start : start + CHUNK])}</w:t>')
    return "".join(out)


class RunWriter:
    """Inline content: runs, hyperlinks (external ones related to ``part``) and bookmarks."""

    def __init__(self, part, styles: StyleIds, language: str):
        self.part = part
        self.styles = styles
        self.language = language
        self.template: Template | None = None  # set by the renderer: fonts for other scripts
        self.bookmarks: dict[str, str] = {}  # model anchor -> bookmark name
        self._links: dict[str, str] = {}
        self._bookmark_id = 0
        self._char_styles: dict[str, str] = {}  # style key -> its w:rStyle ("" when Normal)
        self._chain: Chain | None = None  # the template's font chain, found once
        # Every text written in a run, once: the fonts to embed. A text the template's font alone
        # cannot draw holds its cut into fonts (pieces()), so the embedding need not cut it again.
        self.written: dict[str, list | None] = {}
        # Inline code written, each with its cut into fonts (the monospace one first): also
        # fonts to embed, kept apart as the same text outside code is cut otherwise.
        self.code_written: dict[str, list] = {}
        self._chain_of: Template | None = None
        self._plain_primary = _plain_search  # (replaced with the chain's own scan, below)
        # Runs written so far that the template's font alone may not draw (or with no template):
        # a paragraph adding none holds no right-to-left letter if that font draws none.
        self.mixed_runs = 0
        # A run not written by the plain path, by its text and look: its XML, and the text and
        # cut into fonts it left in ``written`` (None: drawn by the template's font). A book
        # repeats such runs (a label in bold, a name in Lao or Arabic, a line shared by briefs):
        # each is cleaned, cut and escaped once (the cut was most of a mixed-script export's runs).
        self._done: dict[tuple, tuple[str, str, list | None]] = {}
        self._done_by: Chain | None = None  # the chain they were cut with

    def runs(self, runs: list[Run]) -> str:
        """``runs`` in order, those with one link target grouped in one ``w:hyperlink``."""
        out: list[str] = []
        i, n = 0, len(runs)
        run_xml = self.run
        while i < n:
            run = runs[i]
            target = self._link_target(run.link) if run.link else None
            if target is None:
                out.append(run_xml(run))
                i += 1
                continue
            inner = []
            while i < n and runs[i].link == run.link:
                inner.append(self.run(runs[i], hyperlink=True))
                i += 1
            out.append(element("w:hyperlink", target, "".join(inner)))
        return "".join(out)

    def run(self, run: Run, hyperlink: bool = False, char_style: str | None = None) -> str:
        text = run.text
        if not text:
            return ""
        self.written[text] = None
        if self.template is None:
            text = closed_controls(text)
            self.mixed_runs += 1
            return self._run(text, run, hyperlink, char_style, None)
        if run.code:
            return self._code(run, hyperlink, char_style)
        if self._chain is None or self._chain_of is not self.template:
            self._chain, self._chain_of = chain_of(self.template), self.template
            self._plain_primary = self._chain.primary_without(_PLAIN_CODES).search
        if (
            not (hyperlink or char_style or run.bold or run.italic or run.strike)
            and self._plain_primary(text) is None
        ):
            # Most runs: the template's font draws them, no look, nothing to clean, escape,
            # break or cut (one scan). What _run writes for them, without its steps.
            text = normalize("NFC", text)
            if len(text) <= CHUNK:
                return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'
            return self._run(closed_controls(text), run, hyperlink, char_style, None)
        if self._done_by is not self._chain:  # (written with another chain: cut otherwise)
            self._done, self._done_by = {}, self._chain
        key = (text, hyperlink, char_style, run.bold, run.italic, run.strike)
        done = self._done.get(key)
        if done is None:
            done = self._done[key] = self._written_run(text, run, hyperlink, char_style)
        xml, closed, cut = done
        if cut is not None:  # as the first time: a mixed run, its cut what the embedding reads
            self.mixed_runs += 1
            self.written[closed] = cut
        return xml

    def _written_run(
        self, text: str, run: Run, hyperlink: bool, char_style: str | None
    ) -> tuple[str, str, list | None]:
        """A run the plain path does not write: its XML, its text with bidi controls closed, and
        its cut into fonts (None when the template's font draws it all)."""
        assert self._chain is not None and self.template is not None
        if self._chain.all_primary(text):
            text = closed_controls(text)
            return self._run(text, run, hyperlink, char_style, None), text, None
        text = closed_controls(text)  # (before the cut into fonts: an override may span two)
        # Stretches the template's font cannot draw name the chain font that can.
        cut = pieces(self.template, text)
        if len(cut) == 1:
            return self._run(cut[0][1], run, hyperlink, char_style, cut[0][0]), text, cut
        return "".join(self._run(piece, run, hyperlink, char_style, font) for font, piece in cut), text, cut

    def _code(self, run: Run, hyperlink: bool, char_style: str | None) -> str:
        """Inline code: each stretch names its font, the monospace one or, for what that lacks
        (Thai, Lao, Khmer, Arabic in code), the chain font that draws it; a character no font
        has is a visible U+FFFD, as in other runs (the preflight names it)."""
        self.mixed_runs += 1  # (it names fonts: the paragraph's direction is asked as for mixed runs)
        text = closed_controls(run.text)
        cut = self.code_written.get(text)
        if cut is None:
            assert self.template is not None
            chain = docx_code_chain(self.template.body_font, self.template.thai_font)
            cut = []
            for index, piece in chain.runs(text):
                font = chain.fonts[max(index, 0)]
                piece = replaced(piece) if index == -1 else piece
                if cut and cut[-1][0] is font:
                    cut[-1] = (font, cut[-1][1] + piece)
                else:
                    cut.append((font, piece))
            self.code_written[text] = cut
        style = char_style or "Code"  # (each piece: a Lao stretch in code is code, in its font)
        return "".join(self._run(piece, run, hyperlink, style, font) for font, piece in cut)

    def _run(self, text: str, run: Run, hyperlink: bool, char_style: str | None, font) -> str:
        style = "Hyperlink" if hyperlink else char_style
        props = ""
        if style or run.bold or run.italic or run.strike or font is not None:
            parts = self._char_style(style) if style else ""
            if font is not None:
                fonts, rtl = run_fonts_xml(font)
                parts += fonts
            if run.bold:
                parts += "<w:b/><w:bCs/>"
            if run.italic:
                parts += "<w:i/><w:iCs/>"
            if run.strike:
                parts += "<w:strike/>"
            if font is not None and rtl:  # w:rtl and w:cs go after b/i/strike in the schema's order
                parts += rtl
            props = f"<w:rPr>{parts}</w:rPr>" if parts else "<w:rPr/>"
        if "\x0c" in text:
            body = PAGE_BREAK.join(text_xml(clean(piece)) for piece in text.split("\x0c"))
        else:
            body = text_xml(clean(text))
        inner = props + body
        return f"<w:r>{inner}</w:r>" if inner else "<w:r/>"

    def _char_style(self, key: str) -> str:
        found = self._char_styles.get(key)
        if found is None:
            sid = self.styles[key]
            found = self._char_styles[key] = f'<w:rStyle w:val="{attr(sid)}"/>' if sid else ""
        return found

    def _link_target(self, link: str) -> str | None:
        """The attributes of a ``w:hyperlink`` to ``link`` (``#anchor`` or a URL), or ``None``
        if it cannot be linked (an anchor not in this file, a scheme we do not link)."""
        if link.startswith("#"):
            name = self.bookmarks.get(link[1:])
            return f' w:anchor="{attr(name)}" w:history="1"' if name else None
        rid = self._links.get(link)
        if rid is None:
            url = safe_url(link)
            if url is None:
                return None
            rid = self._links[link] = self.part.relate_to(url, RT_HYPERLINK, external=True)
        return f' r:id="{attr(rid)}" w:history="1"'

    def bookmark(self, name: str, runs: list[Run], char_style: str | None = None) -> str:
        """``runs`` inside the bookmark ``name`` (a heading's, a profile's: contents entries,
        cross-references and links point at it)."""
        self._bookmark_id += 1
        bid = self._bookmark_id
        if char_style:
            inner = "".join(self.run(run, char_style=char_style) for run in runs)
        else:
            inner = self.runs(runs)
        return f'<w:bookmarkStart w:id="{bid}" w:name="{attr(name)}"/>{inner}<w:bookmarkEnd w:id="{bid}"/>'
