"""Only the parts of a template's reference.docx that BriefBook uses ever reach an export.

A reference.docx may come from someone else, or have been re-saved in Word on a
colleague's laptop. Opened as it is, everything in it would travel into every
exported book: an attached template on a server, external frames and images
(Word fetches them when the book is opened: a web beacon), comments, web
settings, custom XML, the editor's name. So the renderer never opens the file
itself; it opens a package rebuilt here from:

* ``word/styles.xml``, ``word/numbering.xml``, ``word/theme/theme1.xml`` and
  ``word/fontTable.xml``, each re-parsed (no entities, no network) and stripped
  of every element that points at another part or outside (any ``r:`` attribute:
  embedded fonts, picture bullets, theme images);
* from ``word/settings.xml``, only the settings BriefBook sets or reads
  (:data:`KEPT_SETTINGS`);
* a ``word/document.xml`` of our own (the page setup comes from template.json).

Relationships are written by us and are all internal. Sizes are bounded while
reading: the number of parts, each part's inflated size, the total.
"""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache
from pathlib import Path

from lxml import etree

from briefbook.render.docx_xml import W_NS, relationships_xml, to_bytes, write_zip
from briefbook.render.template import MAX_REFERENCE_BYTES, Template, TemplateError
from briefbook.shared_methods import dataclass

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RT = R_NS
CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"
MAX_PARTS = 200  # zip members a reference.docx may have
MAX_PART_BYTES = 8 * 1024 * 1024  # one part, inflated
MAX_TOTAL_BYTES = 24 * 1024 * 1024  # the parts we read, inflated

# part name -> (relationship type, content type); styles are required, the others optional.
USED_PARTS = {
    "word/styles.xml": (f"{RT}/styles", f"{CT_MAIN}.styles+xml"),
    "word/numbering.xml": (f"{RT}/numbering", f"{CT_MAIN}.numbering+xml"),
    "word/theme/theme1.xml": (f"{RT}/theme", "application/vnd.openxmlformats-officedocument.theme+xml"),
    "word/fontTable.xml": (f"{RT}/fontTable", f"{CT_MAIN}.fontTable+xml"),
    "word/settings.xml": (f"{RT}/settings", f"{CT_MAIN}.settings+xml"),
}
# w:settings children kept from a reference: what our own reference sets, and page-layout
# switches a Word user may set on purpose. Everything else (attachedTemplate, docVars, rsids,
# mailMerge, webSettings links, documentProtection with its hash, ...) is dropped.
KEPT_SETTINGS = {
    "zoom",
    "defaultTabStop",
    "characterSpacingControl",
    "compat",
    "evenAndOddHeaders",
    "mirrorMargins",
    "autoHyphenation",
    "consecutiveHyphenLimit",
    "hyphenationZone",
    "doNotHyphenateCaps",
    "themeFontLang",
    "clrSchemeMapping",
    "decimalSymbol",
    "listSeparator",
}
_THEME_NAMED = {"theme", "clrScheme", "fontScheme", "fmtScheme"}
_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
    load_dtd=False,
)


def _read_parts(path: Path) -> dict[str, bytes]:
    """The parts we use, each inflated with a cap (a zip's declared sizes are not trusted)."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise TemplateError(f"The Word styles file {path} is not a Word document ({exc}).") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_PARTS:
            raise TemplateError(
                f"The Word styles file {path} has {len(infos):,} parts; BriefBook will not use it."
            )
        parts: dict[str, bytes] = {}
        total = 0
        for info in infos:
            if info.filename not in USED_PARTS:
                continue
            chunks, size = [], 0
            try:
                with archive.open(info) as member:
                    while chunk := member.read(64 * 1024):
                        size += len(chunk)
                        total += len(chunk)
                        if size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES:
                            raise TemplateError(
                                f"The part {info.filename} of the Word styles file {path} is too large "
                                f"(over {MAX_PART_BYTES // 2**20} MB unpacked); BriefBook will not use it."
                            )
                        chunks.append(chunk)
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:
                raise TemplateError(f"The Word styles file {path} is damaged ({exc}).") from None
            parts[info.filename] = b"".join(chunks)
    if "word/styles.xml" not in parts:
        raise TemplateError(f"The Word styles file {path} has no styles (word/styles.xml is missing).")
    return parts


def _clean_xml(name: str, data: bytes, path: Path) -> bytes:
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise TemplateError(
            f"The part {name} of the Word styles file {path} cannot be read ({exc})."
        ) from None
    doomed = list(root.iter(etree.Entity))  # entity references (never expanded) go, not left dangling
    doomed += [
        node for node in root.iter(tag=etree.Element) if any(k.startswith(f"{{{R_NS}}}") for k in node.attrib)
    ]
    if name == "word/numbering.xml":
        doomed += root.findall(f"{{{W_NS}}}numPicBullet")
        doomed += [n for n in root.iter(f"{{{W_NS}}}lvlPicBulletId")]
    if name == "word/settings.xml":
        doomed += [child for child in root if etree.QName(child).localname not in KEPT_SETTINGS]
    for node in doomed:
        parent = node.getparent()
        if parent is not None:
            parent.remove(node)
    if name == "word/theme/theme1.xml":  # its names are the sender's words: ours instead
        for node in root.iter():
            if "name" in node.attrib and etree.QName(node).localname in _THEME_NAMED:
                node.set("name", "BriefBook")
    return to_bytes(root)


def _content_types(parts: list[str]) -> bytes:
    ns = "http://schemas.openxmlformats.org/package/2006/content-types"
    root = etree.Element(f"{{{ns}}}Types", nsmap={None: ns})
    etree.SubElement(
        root,
        f"{{{ns}}}Default",
        Extension="rels",
        ContentType="application/vnd.openxmlformats-package.relationships+xml",
    )
    etree.SubElement(root, f"{{{ns}}}Default", Extension="xml", ContentType="application/xml")
    etree.SubElement(
        root, f"{{{ns}}}Override", PartName="/word/document.xml", ContentType=f"{CT_MAIN}.document.main+xml"
    )
    for name in parts:
        etree.SubElement(root, f"{{{ns}}}Override", PartName=f"/{name}", ContentType=USED_PARTS[name][1])
    return to_bytes(root)


@dataclass(frozen=True)
class CleanParts:
    """A template's clean package: part name -> bytes (``/word/styles.xml``...), each part's
    content type, and the relationships (source part name, or ``/`` for the package ->
    ``(rId, type, target part name)`` rows); all internal."""

    members: dict[str, bytes]
    content_types: dict[str, str]
    rels: dict[str, list[tuple[str, str, str]]]


def sanitised_parts(template: Template) -> CleanParts:
    """The parts of ``template``'s reference.docx that an export may use, cleaned (see above).

    Read once per file version (its modification time and size)."""
    path = template.reference_docx
    try:
        stat = path.stat()
    except OSError as exc:
        raise TemplateError(f"The Word styles file {path} cannot be read: {exc.strerror}.") from None
    if stat.st_size > MAX_REFERENCE_BYTES:
        raise TemplateError(
            f"The Word styles file {path} is larger than {MAX_REFERENCE_BYTES // 2**20} MB; "
            "BriefBook will not use it."
        )
    return _sanitised(template, stat.st_mtime_ns, stat.st_size)


def sanitised_reference(template: Template) -> bytes:
    """The same clean package as a .docx file (bytes): what python-docx or Word would open."""
    parts = sanitised_parts(template)
    names = [n for n in USED_PARTS if f"/{n}" in parts.members]
    members = [
        ("[Content_Types].xml", _content_types(names)),
        ("_rels/.rels", relationships_xml([(r, t, n.lstrip("/")) for r, t, n in parts.rels["/"]])),
        ("word/document.xml", parts.members["/word/document.xml"]),
        (
            "word/_rels/document.xml.rels",
            relationships_xml(
                [(r, t, n.removeprefix("/word/")) for r, t, n in parts.rels["/word/document.xml"]]
            ),
        ),
        *((n, parts.members[f"/{n}"]) for n in names),
    ]
    out = io.BytesIO()
    write_zip(out, members)
    return out.getvalue()


@lru_cache(maxsize=8)
def _sanitised(template: Template, _mtime: int, _size: int) -> CleanParts:
    from briefbook.render.docx_reference import document_xml

    path = template.reference_docx
    parts = {name: _clean_xml(name, data, path) for name, data in _read_parts(path).items()}
    names = [n for n in USED_PARTS if n in parts]
    members = {"/word/document.xml": document_xml(template), **{f"/{n}": parts[n] for n in names}}
    types = {
        "/word/document.xml": f"{CT_MAIN}.document.main+xml",
        **{f"/{n}": USED_PARTS[n][1] for n in names},
    }
    rels = {
        "/": [("rId1", f"{RT}/officeDocument", "/word/document.xml")],
        "/word/document.xml": [(f"rId{i}", USED_PARTS[n][0], f"/{n}") for i, n in enumerate(names, start=1)],
    }
    return CleanParts(members, types, rels)
