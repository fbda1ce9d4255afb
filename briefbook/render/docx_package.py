"""The Word package around the body: settings, language, core properties,
privacy scrubbing, and writing the zip atomically.

A reference.docx re-saved in Word may carry app.xml (company, editing time),
custom properties, a thumbnail, customXml, the path of the user's Normal.dotm
and revision ids; all are dropped here so that an exported file says only
what the book says.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from briefbook.document.model import Metadata
from briefbook.errors import BriefBookError
from briefbook.render.docx_parts import RT_CUSTOM_XML, Package
from briefbook.render.docx_xml import el, insert_in_order, w, write_zip
from briefbook.text import clean_line

# Children of w:settings that the schema puts after w:updateFields.
AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults footnotePr endnotePr compat docVars rsids mathPr attachedSchema themeFontLang "
    "clrSchemeMapping doNotIncludeSubdocsInStats doNotAutoCompressPictures forceUpgrade captions "
    "readModeInkLockDown smartTagType schemaLibrary shapeDefaults doNotEmbedSmartTags decimalSymbol "
    "listSeparator"
).split()
# Settings a Word-saved reference may carry that say where and by whom it was edited.
PRIVATE_SETTINGS = ("attachedTemplate", "rsids", "docVars")
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PRIVATE_PACKAGE_RELS = (
    f"{_RT}/extended-properties",
    f"{_RT}/custom-properties",
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
)
_CORE_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
# Metadata field -> core property element, in the order they are written.
_CORE_FIELDS = (
    ("title", "dc", "title"),
    ("subject", "dc", "subject"),
    ("author", "dc", "creator"),
    ("keywords", "cp", "keywords"),
    ("language", "dc", "language"),
)


def prepare_settings(settings: etree._Element) -> None:
    """Drop private settings; ask Word to update fields (the contents, page numbers) on open."""
    for name in PRIVATE_SETTINGS:
        for node in settings.findall(w(name)):
            settings.remove(node)
    insert_in_order(settings, etree.Element(w("updateFields"), {w("val"): "true"}), AFTER_UPDATE_FIELDS)


def set_language(styles: etree._Element, language: str) -> None:
    """The document's language (spelling, hyphenation); Thai for complex-script text."""
    rpr = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    if rpr is None:
        return
    lang = rpr.find(w("lang"))
    if lang is None:
        lang = el(rpr, "lang")
    lang.set(w("val"), language)
    lang.set(w("bidi"), "th-TH")


def set_core_properties(package: Package, meta: Metadata, language: str) -> None:
    """Core properties from ``meta`` only, and no other property parts."""
    for owner in (package.root, package.document):
        for rid, (kind, _target, _external) in list(owner.rels.items()):
            if kind in PRIVATE_PACKAGE_RELS or (owner is package.document and kind == RT_CUSTOM_XML):
                del owner.rels[rid]
    root = package.core_properties()
    for child in list(root):
        root.remove(child)
    values = {
        "title": meta.title,
        "subject": meta.subject,
        "author": meta.author,
        "keywords": ", ".join(clean_line(k) for k in meta.keywords if clean_line(k)),
        "language": language,
    }
    for field, prefix, tag in _CORE_FIELDS:
        value = clean_line(values[field])
        if value:
            etree.SubElement(root, f"{{{_CORE_NS[prefix]}}}{tag}").text = value[:1000]
    if meta.date is not None:
        stamp = _dt.datetime(meta.date.year, meta.date.month, meta.date.day).strftime("%Y-%m-%dT%H:%M:%SZ")
        for tag in ("created", "modified"):
            node = etree.SubElement(root, f"{{{_CORE_NS['dcterms']}}}{tag}")
            node.text = stamp
            node.set(f"{{{_CORE_NS['xsi']}}}type", "dcterms:W3CDTF")


def package_members(package: Package, body: str = "") -> Iterator[tuple[str, bytes]]:
    """The zip members of the package, [Content_Types].xml first; ``body`` (XML text, see
    :mod:`briefbook.render.docx_blocks`) goes at the start of the document's ``w:body``."""
    parts = list(package.iter_parts())
    yield "[Content_Types].xml", package.content_types_xml(parts)
    yield "_rels/.rels", package.root.rels_xml()
    for part in parts:
        blob = part.blob
        if part is package.document and body:
            blob = with_body(blob, body)
        yield part.name.lstrip("/"), blob
        if part.rels:
            folder, name = part.name.rsplit("/", 1)
            yield f"{folder}/_rels/{name}.rels".lstrip("/"), part.rels_xml()


_BODY_START = b"<w:body>"


def with_body(document_xml: bytes, body: str) -> bytes:
    """``document_xml`` (its ``w:body`` holding only the section properties) with ``body``
    put first in the ``w:body``, before them."""
    at = document_xml.find(_BODY_START)
    if at < 0 or document_xml.find(_BODY_START, at + 1) >= 0:
        raise BriefBookError("The Word file could not be written: its document part has no single body.")
    at += len(_BODY_START)
    return document_xml[:at] + body.encode("utf-8") + document_xml[at:]


# -- writing the file ---------------------------------------------------------


def check_target(target: Path) -> Path:
    """Refuse, before any work, a target that cannot be written."""
    target = target.expanduser()
    if target.is_dir():
        raise BriefBookError(f"Cannot save the Word file as {target}: that is a folder. Choose a file name.")
    folder = target.parent
    if not folder.is_dir():
        raise BriefBookError(f"Cannot save the Word file: the folder {folder} does not exist.")
    if not os.access(folder, os.W_OK):
        raise BriefBookError(
            f"Cannot save the Word file in {folder}: you do not have permission to write there. "
            "Choose another folder."
        )
    return target


# zlib's level for the exported file. Level 3 deflates a book's XML (1.7 MB at 100 meetings)
# and its embedded font subsets in about a quarter of level 6's time (vi-100: 4.4 against 16.9 ms;
# 1.76 MB of XML to 79 KB against 53 KB, 188 KB of fonts to 86 KB against 79 KB), so the file
# is about a fifth larger (vi-100: 160 -> 190 KB). Every part's bytes are the same at any level; only
# their compressed form differs, which Word, LibreOffice and python-docx read alike.
EXPORT_ZIP_LEVEL = 3


def save_atomically(members: Iterator[tuple[str, bytes]], target: Path) -> None:
    folder = target.parent
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name[:60]}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise BriefBookError(
            f"Cannot save the Word file in {folder}: {exc.strerror or exc}. Choose another folder."
        ) from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            write_zip(fh, members, compresslevel=EXPORT_ZIP_LEVEL)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, PermissionError):
            raise BriefBookError(
                f"Cannot replace {target}: it may be open in Word or another program. "
                "Close it and export again."
            ) from None
        if isinstance(exc, OSError):
            raise BriefBookError(f"Could not write the Word file {target}: {exc.strerror or exc}.") from None
        raise
