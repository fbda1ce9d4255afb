"""Fonts for the Word file: which font each stretch of text uses, and the fonts
themselves, embedded so the file looks the same on a machine without Noto.

Runs of text the template's font cannot draw get the font of the fallback chain
that can (:mod:`briefbook.render.font_chain`), in all four ``w:rFonts`` slots, and
right-to-left runs get ``w:rtl`` (with ``w:cs``, so Word uses the complex-script
size and weight). Every font the book uses is embedded as ECMA-376 requires
(Part 1, 17.8.1): subset with HarfBuzz to the characters used (layout tables
kept, so Word and LibreOffice still shape Thai and Arabic), obfuscated with a
per-font GUID key, stored as ``word/fonts/fontN.odttf`` and declared in
``fontTable.xml`` (``w:embedRegular``/``w:embedBold``... with ``w:fontKey``);
``settings.xml`` says ``w:embedTrueTypeFonts`` and ``w:saveSubsetFonts``.

What each embedded font holds is fixed by its name (:mod:`briefbook.render.docx_repertoire`):
LibreOffice keeps embedded fonts by name for the whole process, so two of our files must
never carry two different fonts of one name.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from typing import Any

from lxml import etree

from briefbook.document.model import RUN_FIELDS, Document, Run, node_fields, plain_run
from briefbook.render.docx_font_parts import font_key, kept_part, obfuscate
from briefbook.render.docx_markup import attr
from briefbook.render.docx_parts import RT_FONT, Package
from briefbook.render.docx_reference import BULLETS as LIST_MARKS
from briefbook.render.docx_repertoire import docx_chain, file_codes, is_fixed, renamed
from briefbook.render.docx_xml import R_NS, el, insert_in_order, w
from briefbook.render.font_chain import CODE_FONT, REPLACEMENT, Chain, ChainFont, is_ignorable
from briefbook.render.template import Template
from briefbook.render.zip_writer import Deflated
from briefbook.text import clean

OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
_EMBED_SLOTS = {
    "Regular": "embedRegular",
    "Bold": "embedBold",
    "Italic": "embedItalic",
    "BoldItalic": "embedBoldItalic",
}
_NOT_TEXT = frozenset({"style", "language", "anchor", "link", "origin", "origins", "photo", "data"})
_ITALIC_STYLES = frozenset({"note", "quote", "caption"})
_RUN_TEXT_ONLY = node_fields(Run) == RUN_FIELDS
# Children of w:settings that the schema puts after w:embedTrueTypeFonts / w:saveSubsetFonts.
_AFTER_EMBED = (
    "saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges bordersDoNotSurroundHeader "
    "bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors hideGrammaticalErrors activeWritingStyle "
    "proofState formsDesign attachedTemplate linkStyles stylePaneFormatFilter stylePaneSortMethod "
    "documentType mailMerge revisionView trackRevisions doNotTrackMoves doNotTrackFormatting "
    "documentProtection autoFormatOverride styleLockTheme styleLockQFSet defaultTabStop"
).split()
_RTL_SCRIPTS = {"Arabic"}


def chain_of(template: Template) -> Chain:
    """The DOCX's font chain: the PDF's, with the body fonts cut to their fixed repertoire
    (:func:`briefbook.render.docx_repertoire.docx_chain`)."""
    return docx_chain(template.body_font, template.thai_font)


def pieces(template: Template, text: str) -> list[tuple[ChainFont | None, str]]:
    """``text`` cut into stretches, each with the chain font to name (None: the style's font)."""
    chain = chain_of(template)
    if chain.all_primary(text):
        return [(None, text)]
    out: list[tuple[ChainFont | None, str]] = []
    for index, run in chain.runs(text):
        font = chain.fonts[index] if index > 0 else None
        if index == -1:  # no font has it: a visible U+FFFD in the style's font, as in the PDF
            run = replaced(run)  # (the preflight named the character, its item and field)
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + run)
        else:
            out.append((font, run))
    return out


def replaced(text: str) -> str:
    """``text`` (characters no font of the chain draws) with each one that would be drawn
    shown as U+FFFD; invisible ones (joiners, variation selectors) stay as they are, and so do
    controls, which :func:`briefbook.text.clean` turns into breaks or removes."""
    return "".join(c if is_ignorable(c) or c < " " or "\x7f" <= c < "\xa0" else REPLACEMENT for c in text)


def visible(template: Template, text: str) -> str:
    """``text`` with every character no font of the book draws shown as U+FFFD (for text
    written outside runs: a field's cached result)."""
    chain = chain_of(template)
    if chain.all_primary(text):
        return text
    return "".join(replaced(run) if index == -1 else run for index, run in chain.runs(text))


@functools.cache
def run_fonts_xml(font: ChainFont) -> tuple[str, str]:
    """A run's ``w:rFonts`` naming ``font`` in every slot, and the ``w:rtl``/``w:cs`` a
    right-to-left script's run adds after its bold and italic ("" for other scripts)."""
    fonts = _rfonts(font.display if is_fixed(font) else pending_name(font))
    return fonts, "<w:rtl/><w:cs/>" if font.script in _RTL_SCRIPTS else ""


def _rfonts(name: str) -> str:
    name = attr(name)
    return f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}" w:cs="{name}"/>'


def pending_name(font: ChainFont) -> str:
    """What a run names a font whose embedded name holds the hash of the book's subset of it
    until that is known (:func:`embed_fonts` gives the final names, :func:`with_font_names`
    writes them): the font's name and a mark no run's text can hold in an attribute."""
    return f"{font.display} \u2063{font.family}"


def with_font_names(xml: str, names: dict[str, str]) -> str:
    """``xml`` (runs written by :func:`run_fonts_xml`) with each pending font name replaced by
    its final one (``names``: pending -> final, from :func:`embed_fonts`)."""
    for pending, final in names.items():
        xml = xml.replace(_rfonts(pending), _rfonts(final))
    return xml


# -- embedding ---------------------------------------------------------------------------


def used_fonts(
    document: Document,
    template: Template,
    written: Iterable[str] | None = None,
    code: dict[str, list] | None = None,
    *,
    base: bool = True,
) -> dict[str, tuple[ChainFont, set[str]]]:
    """Every font the book's text needs, by family, with the characters it draws.

    ``written``: every text the renderer wrote in a run (:attr:`RunWriter.written`), which,
    with the metadata (the running header's field shows the title), is every text the file
    draws; without it, every string of the document is read (a walk over its whole tree).
    Where ``written`` maps a text to its :func:`pieces`, that cut is read instead of cutting
    the text again: the same sets (a piece of no font holds what ``replaced`` makes), as long
    as cleaning leaves the text as it is. ``code``: the inline code written, with its cut into
    fonts (:attr:`RunWriter.code_written`), whose fonts (the monospace one) are used too.

    ``base=False``: the template's own fonts are given only what every file holds (BriefBook's
    words, printable ASCII, the list bullets), not the characters of the text they draw, for a
    caller that embeds them whole (a fixed font: :func:`embed_fonts`). Gathering those was most
    of this walk: every character of every text drawn by the template's font, one at a time."""
    chain = chain_of(template)
    own = {template.body_font, template.heading_font}
    by_family: dict[str, tuple[ChainFont, set[str]]] = {}
    base_chars: set[str] = set()
    cuts = written if isinstance(written, dict) else {}
    # Each distinct string once: a book repeats most of its strings (ten times over in a
    # 100-meeting book: names, labels, lines shared by briefs), and its characters are a set.
    strings = _strings(document) if written is None else {**dict.fromkeys(written), **_strings(document.meta)}
    for text in strings:
        cut = cuts.get(text)
        cleaned = clean(text)
        if cut is not None and cleaned == text:
            for font, piece in cut:
                if font is None:
                    if base:
                        base_chars.update(piece)
                else:
                    by_family.setdefault(font.family, (font, set()))[1].update(piece)
            continue
        text = cleaned
        if chain.all_primary(text):
            if base:
                base_chars.update(text)
            continue
        for index, run in chain.runs(text):
            if index <= 0:
                if base:
                    base_chars.update(run if index == 0 else replaced(run))
                continue
            font = chain.fonts[index]
            by_family.setdefault(font.family, (font, set()))[1].update(run)
    for cut in (code or {}).values():
        for font, piece in cut:
            by_family.setdefault(font.family, (font, set()))[1].update(clean(piece))
    # BriefBook's own words (page numbers, "Contents", "DRAFT") and what a reader may type.
    for words in (template.words("en"), template.words("vi")):
        for value in words.values():
            base_chars.update(value)
    base_chars.update(chr(c) for c in range(0x20, 0x7F))
    base_chars.update(LIST_MARKS)  # list bullets, in the body font (numbering.xml)
    for family in own:
        font = next((f for f in chain.fonts if f.family == family), None)
        if font is not None:
            by_family[family] = (font, set(base_chars))
    return by_family


def _drawn(chars: set[str], whole) -> set[int]:
    """The code points of ``chars`` that a font of repertoire ``whole`` draws (an ignorable one,
    a joiner or a variation selector, only if the font has it)."""
    return {ord(c) for c in chars if not is_ignorable(c) or ord(c) in whole} & set(whole)


def embed_fonts(
    doc: Package,
    document: Document,
    template: Template,
    written: Iterable[str] | None = None,
    names: dict[str, str] | None = None,
    code: dict[str, list] | None = None,
) -> int:
    """Embed the fonts the book uses (see :func:`used_fonts` for ``written``); returns the
    bytes added (before zipping).

    A fixed font (:func:`briefbook.render.docx_repertoire.is_fixed`) is embedded with its whole
    repertoire under its own name; any other with the book's characters only, under its name
    and the hash of that subset, which ``names`` receives (the name a run wrote for it ->
    the final one) and the headers and footers get here; the body's runs get it from
    :func:`with_font_names`."""
    names = {} if names is None else names
    font_table = next((p for p in doc.iter_parts() if p.name == "/word/fontTable.xml"), None)
    if font_table is None:  # nothing embedded: runs name each font by its own name
        names.update((pending_name(f), f.display) for f in chain_of(template).fonts if not is_fixed(f))
        _rename_in_parts(doc, names)
        return 0
    root = etree.fromstring(font_table.blob)
    added = 0
    number = 0
    styles = ("Regular", "Bold", "Italic", "BoldItalic") if _has_italics(document) else ("Regular", "Bold")
    # The template's own fonts are fixed (embedded whole, whatever the text holds): their
    # characters in the text are not gathered, only whether they are embedded at all matters.
    chain = chain_of(template)
    own = {template.body_font, template.heading_font}
    base = not all(is_fixed(f) for f in chain.fonts if f.family in own)
    used = used_fonts(document, template, written, code, base=base)
    for family, (font, chars) in sorted(used.items()):
        fixed = is_fixed(font)
        whole = font.cmap if fixed else file_codes(font)
        codes = _drawn(chars, whole)
        if not codes and not base and family in own:  # (a font without ASCII: ask of the text)
            base = True
            used = used_fonts(document, template, written, code)
            codes = _drawn(used[family][1], whole)
        if not codes:
            continue
        if fixed:
            codes = set(font.embedded)  # the same whatever the book uses
        faces = [s for s in styles if s == "Regular" or dict(font.files).get(s) is not None]
        # (Word synthesises a missing bold or italic.)
        paths = list(dict.fromkeys(str(font.file(style)) for style in faces))
        parts: dict[str, tuple[str, bytes | Deflated, int]] = {}  # path -> key, part, font bytes
        if fixed:  # the same part for every book: kept deflated in the data folder once made
            for path in paths:
                key, ready = _fixed_part(path, font.index, frozenset(codes))
                parts[path] = (key, ready, ready.size)
            name = font.display
        else:
            data = {path: _subset(path, font.index, codes) for path in paths}
            digest = hashlib.sha256(b"".join(data[path] for path in sorted(data))).hexdigest()
            name = f"{font.display[:22]} {digest[:8].upper()}"  # Word reads 31 characters
            data = {path: renamed(blob, name) for path, blob in data.items()}
            names[pending_name(font)] = name
            for path, blob in data.items():
                key = font_key(blob)
                parts[path] = (key, obfuscate(blob, key), len(blob))
        entry = _font_entry(root, name, font.family)
        seen_files: dict[str, tuple[str, str]] = {}
        for style in faces:
            path = str(font.file(style))
            if path not in seen_files:
                number += 1
                key, blob, size = parts[path]
                part = doc.add_part(f"/word/fonts/font{number}.odttf", OBFUSCATED_FONT, blob)
                rid = font_table.relate_to(part, RT_FONT)
                seen_files[path] = (rid, key)
                added += size
            rid, key = seen_files[path]
            slot = etree.SubElement(entry, w(_EMBED_SLOTS[style]))
            slot.set(f"{{{R_NS}}}id", rid)
            slot.set(w("fontKey"), key)
    font_table.blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    _rename_in_parts(doc, names)
    if added:
        settings = doc.settings()
        for name in ("embedTrueTypeFonts", "saveSubsetFonts"):
            if settings.find(w(name)) is None:
                after = _AFTER_EMBED[_AFTER_EMBED.index(name) + 1 :] if name in _AFTER_EMBED else _AFTER_EMBED
                insert_in_order(settings, etree.Element(w(name)), after)
    return added


def _rename_in_parts(doc: Package, names: dict[str, str]) -> None:
    """The final font names in the runs of every part built as an element (headers, footers)."""
    if not names:
        return
    slots = [w(s) for s in ("ascii", "hAnsi", "eastAsia", "cs")]
    for part in doc.iter_parts():
        if part.element is None or part.name in ("/word/fontTable.xml", "/word/settings.xml"):
            continue
        for rfonts in part.element.iter(w("rFonts")):
            for slot in slots:
                final = names.get(rfonts.get(slot))
                if final is not None:
                    rfonts.set(slot, final)


def _has_italics(node: Any) -> bool:
    """True if any text of the book is set in italics (then the italic faces are embedded).

    A list's plain runs and strings are read inline (most of a book's values: a call for each
    was most of this walk, which a book with no italics walks to its end)."""
    if isinstance(node, list | tuple):
        for v in node:
            cls = v.__class__
            if cls is Run and _RUN_TEXT_ONLY:  # text, bold, link and origin hold no italics
                if v.italic is True:
                    return True
            elif cls is not str and _has_italics(v):
                return True
        return False
    names = node_fields(type(node))
    if names is not None:
        if getattr(node, "italic", False) is True or getattr(node, "style", None) in _ITALIC_STYLES:
            return True
        return any(_has_italics(getattr(node, name)) for name in names if name not in _NOT_TEXT)
    return False


def _font_entry(root: etree._Element, name: str, family: str) -> etree._Element:
    for entry in root.findall(w("font")):
        if entry.get(w("name")) == name:
            for old in list(entry):
                if old.tag in {w(s) for s in _EMBED_SLOTS.values()}:
                    entry.remove(old)
            return entry
    entry = el(root, "font", name=name)
    el(entry, "charset", val="00")
    # A monospace font says so: where it is not embedded, Word takes a monospace font for it.
    mono = family == CODE_FONT
    el(entry, "family", val="modern" if mono else "roman" if "Serif" in family else "swiss")
    el(entry, "pitch", val="fixed" if mono else "variable")
    return entry


def _subset(path, index: int, codes: set[int]) -> bytes:
    """The font cut down to ``codes`` (and the glyphs its layout rules reach from them);
    the same cut is made once per process (books are exported again and again)."""
    return _subset_cached(str(path), index, frozenset(codes))


@functools.lru_cache(maxsize=32)
def _fixed_part(path: str, index: int, codes: frozenset[int]) -> tuple[str, Deflated]:
    """A fixed repertoire's key and part, deflated: in memory once read, from the data
    folder's cache (:mod:`briefbook.render.docx_font_parts`) once made."""
    return kept_part(path, index, codes, lambda *cut: _subset_cached(*cut))


@functools.lru_cache(maxsize=64)
def _subset_cached(path: str, index: int, codes: frozenset[int]) -> bytes:
    """HarfBuzz's subsetter (hb-subset, through uharfbuzz), not fontTools': it keeps the
    same glyphs, layout features and names but takes about a millisecond a font where
    fontTools took 0.05-0.3 s (a Latin Noto face with Vietnamese cost 0.1-0.3 s each, and
    a book embeds up to eight of them): most of the DOCX export's time."""
    import uharfbuzz as hb

    face = hb.Face(hb.Blob.from_file_path(path), index)
    plan = hb.SubsetInput()
    plan.unicode_set.update(codes)
    # Layout closure is on (glyphs the shaping rules reach are kept, so Word and LibreOffice
    # still shape Thai, Lao, Khmer, Myanmar and Arabic); HarfBuzz's default features are the
    # shaping ones. Unhinted is smaller, and Word and LibreOffice render it well.
    plan.flags = hb.SubsetFlags.NO_HINTING | hb.SubsetFlags.NOTDEF_OUTLINE
    # Every name in every language (the default keeps IDs 0-6 in US English only): Word
    # matches the embedded font to fontTable.xml by its family name in the user's language.
    plan.sets(hb.SubsetInputSets.NAME_ID).add_range(0, 0x7FFF)
    plan.sets(hb.SubsetInputSets.NAME_LANG_ID).add_range(0, 0xFFFF)
    return bytes(hb.subset(face, plan).blob.data)


def _strings(node: Any) -> dict[str, None]:
    """Every non-empty text string under ``node``, once each, in the order first met
    (plain recursion into one dict: nested generators cost more than the walk)."""
    found: dict[str, None] = {}
    _collect(node, found)
    return found


def _collect(node: Any, found: dict[str, None]) -> None:
    if isinstance(node, str):
        if node:
            found[node] = None
    elif isinstance(node, list | tuple):
        for v in node:
            if _RUN_TEXT_ONLY and plain_run(v):
                if v.text:  # a run's only text (its link is not drawn): read inline
                    found[v.text] = None
            else:
                _collect(v, found)
    elif isinstance(node, dict):
        for v in node.values():
            _collect(v, found)
    elif (names := _text_fields(type(node))) is not None:
        for name in names:
            _collect(getattr(node, name), found)


@functools.cache
def _text_fields(cls: type) -> tuple[str, ...] | None:
    """The fields of a model node that may hold text (None: not a node), found once per type."""
    names = node_fields(cls)
    return None if names is None else tuple(n for n in names if n not in _NOT_TEXT)
