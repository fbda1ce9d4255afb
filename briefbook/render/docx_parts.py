"""The Word package as parts and relationships, without python-docx.

python-docx cost every export about 35 ms (22 ms to import it, the rest to open the
template's package through its object model) for what the renderer uses of it: the
template's parts, a relationship to a link, a picture, a header or a font, and the
parts written out. This module does exactly that, and writes what python-docx wrote,
byte for byte: the XML parts it kept as element trees (document, styles, numbering,
settings, headers, footers, core properties) are parsed as its parser did (blank text
dropped) and written as it wrote them; the others (theme, font table, fonts, pictures)
are bytes; relationship ids fill the first gap (``rId1``, ``rId2``...); parts are
listed in its order (depth first along the relationships); a picture is stored once
however often it is shown, and named ``/word/media/imageN.ext``.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Iterator

from lxml import etree

from briefbook.render.docx_markup import attr

R_NS = _RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RT_OFFICE_DOCUMENT = f"{_RT}/officeDocument"
RT_HYPERLINK = f"{_RT}/hyperlink"
RT_IMAGE = f"{_RT}/image"
RT_HEADER = f"{_RT}/header"
RT_FOOTER = f"{_RT}/footer"
RT_FONT = f"{_RT}/font"
RT_CUSTOM_XML = f"{_RT}/customXml"
RT_SETTINGS = f"{_RT}/settings"
RT_CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"

_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
CT_HEADER = f"{_WML}.header+xml"
CT_FOOTER = f"{_WML}.footer+xml"
CT_CORE_PROPERTIES = "application/vnd.openxmlformats-package.core-properties+xml"
# Parts python-docx kept as element trees (and wrote again from them); the rest are bytes.
XML_CONTENT_TYPES = {
    f"{_WML}.document.main+xml",
    f"{_WML}.styles+xml",
    f"{_WML}.numbering+xml",
    f"{_WML}.settings+xml",
    CT_HEADER,
    CT_FOOTER,
    CT_CORE_PROPERTIES,
}
# Extensions whose content type goes in a Default entry (python-docx's list, docx.opc.spec).
DEFAULT_CONTENT_TYPES = {
    ("bin", "application/vnd.openxmlformats-officedocument.presentationml.printerSettings"),
    ("bin", "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"),
    ("bin", f"{_WML}.printerSettings"),
    ("bmp", "image/bmp"),
    ("emf", "image/x-emf"),
    ("fntdata", "application/x-fontdata"),
    ("gif", "image/gif"),
    ("jpe", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("jpg", "image/jpeg"),
    ("png", "image/png"),
    ("rels", "application/vnd.openxmlformats-package.relationships+xml"),
    ("tif", "image/tiff"),
    ("tiff", "image/tiff"),
    ("wdp", "image/vnd.ms-photo"),
    ("wmf", "image/x-wmf"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("xml", "application/xml"),
}
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DECLARATION = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"

# As python-docx read its parts: blank text between elements dropped, no entities.
PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)

# The header and footer python-docx started from (its templates/default-header.xml and
# default-footer.xml, whose paragraph the renderer replaces): their namespaces stay on the root.
_HDR_FTR = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    "<w:{tag}\n"
    '    xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"\n'
    '    xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"\n'
    '    xmlns:mo="http://schemas.microsoft.com/office/mac/office/2008/main"\n'
    '    xmlns:mv="urn:schemas-microsoft-com:mac:vml"\n'
    '    xmlns:o="urn:schemas-microsoft-com:office:office"\n'
    '    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"\n'
    '    xmlns:v="urn:schemas-microsoft-com:vml"\n'
    '    xmlns:w10="urn:schemas-microsoft-com:office:word"\n'
    '    xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"\n'
    '    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"\n'
    '    xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml"\n'
    '    xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"\n'
    '    xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"\n'
    '    xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"\n'
    '    xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"\n'
    '    xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk"\n'
    '    xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"\n'
    '    mc:Ignorable="w14 wp14"\n'
    "    />\n"
)
# python-docx's templates/default-settings.xml: the settings of a template that has none.
DEFAULT_SETTINGS = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<w:settings xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
    b' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    b' xmlns:o="urn:schemas-microsoft-com:office:office"'
    b' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    b' xmlns:sl="http://schemas.openxmlformats.org/schemaLibrary/2006/main"'
    b' xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w10="urn:schemas-microsoft-com:office:word"'
    b' xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
    b' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" mc:Ignorable="w14">'
    b'<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
    b"<w:savePreviewPicture/><w:compat><w:useFELayout/>"
    b'<w:compatSetting w:name="compatibilityMode"'
    b' w:uri="http://schemas.microsoft.com/office/word" w:val="14"/>'
    b'<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification"'
    b' w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
    b'<w:compatSetting w:name="enableOpenTypeFeatures"'
    b' w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
    b'<w:compatSetting w:name="doNotFlipMirrorIndents"'
    b' w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
    b'</w:compat><w:clrSchemeMapping w:bg1="light1" w:t1="dark1" w:bg2="light2" w:t2="dark2"'
    b' w:accent1="accent1" w:accent2="accent2" w:accent3="accent3" w:accent4="accent4"'
    b' w:accent5="accent5" w:accent6="accent6" w:hyperlink="hyperlink"'
    b' w:followedHyperlink="followedHyperlink"/><w:doNotAutoCompressPictures/></w:settings>'
)
# The core properties python-docx made (and the renderer emptied): these four namespaces.
_CORE = (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'
)


class Part:
    """One part: its name (``/word/styles.xml``), content type, and either an element tree
    (``element``) or bytes (``blob``); its relationships in id order."""

    def __init__(self, name: str, content_type: str, blob: bytes = b"", element=None, package=None):
        self.package: Package | None = package
        self.name = name
        self.content_type = content_type
        self._blob = blob
        self.element = element
        # rId -> (type, target part or external URL, external?)
        self.rels: dict[str, tuple[str, Part | str, bool]] = {}

    @property
    def blob(self) -> bytes:
        if self.element is not None:
            return etree.tostring(self.element, encoding="UTF-8", standalone=True)
        return self._blob

    @blob.setter
    def blob(self, data: bytes) -> None:
        self._blob, self.element = data, None

    @property
    def folder(self) -> str:
        return posixpath.dirname(self.name)

    def relate_to(self, target: Part | str, reltype: str, *, external: bool = False) -> str:
        """The id of this part's relationship of ``reltype`` to ``target``, added if new."""
        for rid, (kind, other, is_external) in self.rels.items():
            if (
                kind == reltype
                and is_external == external
                and (other == target if external else other is target)
            ):
                return rid
        rid = next(f"rId{n}" for n in range(1, len(self.rels) + 2) if f"rId{n}" not in self.rels)
        self.rels[rid] = (reltype, target, external)
        return rid

    def get_or_add_image(self, data: bytes) -> tuple[str, Picture] | None:
        """This part's relationship to a picture part holding ``data``: see :meth:`Package.add_picture`."""
        assert self.package is not None
        return self.package.add_picture(data, self)

    def rels_xml(self) -> bytes:
        rows = []
        for rid, (kind, target, external) in self.rels.items():
            ref = target if isinstance(target, str) else posixpath.relpath(target.name, self.folder)
            mode = ' TargetMode="External"' if external else ""
            rows.append(f'<Relationship Id="{attr(rid)}" Type="{attr(kind)}" Target="{attr(ref)}"{mode}/>')
        inner = "".join(rows)
        root = f'<Relationships xmlns="{_RELS_NS}">{inner}</Relationships>' if inner else ""
        return _DECLARATION + (root or f'<Relationships xmlns="{_RELS_NS}"/>').encode("utf-8")


class Picture:
    """A picture part's name as python-docx gave it to the drawing (``image.png``)."""

    def __init__(self, part: Part, ext: str):
        self.part = part
        self.filename = f"image.{ext}"


def picture_kind(data: bytes) -> tuple[str, str] | None:
    """(extension, content type) of a PNG or JPEG python-docx would take, else ``None``.

    python-docx knew a JPEG by its JFIF or Exif header and refused one without (Word
    would show it); the renderer then writes its note instead, as it did."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png", "image/png"
    if data[6:10] in (b"JFIF", b"Exif"):
        return "jpg", "image/jpeg"
    return None


class Package:
    """The parts of one Word file, from the template's (already cleaned) parts."""

    def __init__(self, members: dict[str, bytes], content_types: dict[str, str], rels: dict[str, list]):
        self.root = Part("/", "")
        self.parts: dict[str, Part] = {}
        for name, data in members.items():
            content_type = content_types[name]
            if content_type in XML_CONTENT_TYPES:
                self.parts[name] = Part(
                    name, content_type, element=etree.fromstring(data, PARSER), package=self
                )
            else:
                self.parts[name] = Part(name, content_type, blob=data, package=self)
        for source, rows in rels.items():
            owner = self.root if source == "/" else self.parts[source]
            for rid, kind, target in rows:
                owner.rels[rid] = (kind, self.parts[target], False)
        self.document = next(
            p for kind, p, _ in self.root.rels.values() if kind == RT_OFFICE_DOCUMENT and isinstance(p, Part)
        )
        self._pictures: dict[str, Picture] = {}

    def part(self, name: str) -> Part | None:
        return self.parts.get(name)

    def related(self, source: Part, reltype: str) -> Part | None:
        """The part ``source`` relates to with ``reltype`` (the styles, the numbering...)."""
        return next((p for kind, p, ext in source.rels.values() if kind == reltype and not ext), None)  # type: ignore[return-value]

    def add_part(self, name: str, content_type: str, blob: bytes = b"", element=None) -> Part:
        part = self.parts[name] = Part(name, content_type, blob, element, self)
        return part

    def next_name(self, pattern: str) -> str:
        """The first free ``pattern % n`` from 1 (``/word/header%d.xml``)."""
        return next(pattern % n for n in range(1, len(self.parts) + 2) if pattern % n not in self.parts)

    def add_header_or_footer(self, tag: str) -> tuple[Part, str]:
        """A new empty ``w:hdr``/``w:ftr`` part, related to the document: (part, rId)."""
        kind, content_type = (RT_HEADER, CT_HEADER) if tag == "hdr" else (RT_FOOTER, CT_FOOTER)
        name = self.next_name("/word/header%d.xml" if tag == "hdr" else "/word/footer%d.xml")
        element = etree.fromstring(_HDR_FTR.format(tag=tag).encode("utf-8"), PARSER)
        part = self.add_part(name, content_type, element=element)
        return part, self.document.relate_to(part, kind)

    def add_picture(self, data: bytes, source: Part) -> tuple[str, Picture] | None:
        """``source``'s relationship to a part holding ``data`` (one part per picture), or
        ``None`` for data python-docx refused."""
        kind = picture_kind(data)
        if kind is None:
            return None
        digest = hashlib.sha1(data).hexdigest()
        picture = self._pictures.get(digest)
        if picture is None:
            used = {
                int(n.rsplit("image", 1)[1].split(".")[0])
                for n in self.parts
                if n.startswith("/word/media/image")
            }
            number = next(n for n in range(1, len(used) + 2) if n not in used)
            part = self.add_part(f"/word/media/image{number}.{kind[0]}", kind[1], blob=data)
            picture = self._pictures[digest] = Picture(part, kind[0])
        return source.relate_to(picture.part, RT_IMAGE), picture

    def settings(self):
        """The settings' element; a template without them gets python-docx's default part."""
        part = self.related(self.document, RT_SETTINGS)
        if part is None:
            element = etree.fromstring(DEFAULT_SETTINGS, PARSER)
            part = self.add_part("/word/settings.xml", f"{_WML}.settings+xml", element=element)
            self.document.relate_to(part, RT_SETTINGS)
        return part.element

    def core_properties(self):
        """The core properties' element, its part made (empty) on first use."""
        part = next((p for k, p, _ in self.root.rels.values() if k == RT_CORE_PROPERTIES), None)
        if part is None:
            part = self.add_part("/docProps/core.xml", CT_CORE_PROPERTIES, element=etree.fromstring(_CORE))
            self.root.relate_to(part, RT_CORE_PROPERTIES)
        return part.element  # type: ignore[union-attr]

    def iter_parts(self) -> Iterator[Part]:
        """Every part, depth first along the relationships from the package's (python-docx's order)."""
        seen: set[int] = set()

        def walk(source: Part) -> Iterator[Part]:
            for _kind, target, external in list(source.rels.values()):
                if external or id(target) in seen:
                    continue
                seen.add(id(target))
                yield target  # type: ignore[misc]
                yield from walk(target)  # type: ignore[arg-type]

        yield from walk(self.root)

    def content_types_xml(self, parts: list[Part]) -> bytes:
        defaults = {
            "rels": "application/vnd.openxmlformats-package.relationships+xml",
            "xml": "application/xml",
        }
        overrides = {}
        for part in parts:
            ext = posixpath.splitext(part.name)[1][1:].lower()
            if (ext, part.content_type) in DEFAULT_CONTENT_TYPES:
                defaults[ext] = part.content_type
            else:
                overrides[part.name] = part.content_type
        rows = [
            f'<Default Extension="{attr(e)}" ContentType="{attr(defaults[e])}"/>' for e in sorted(defaults)
        ]
        rows += [
            f'<Override PartName="{attr(n)}" ContentType="{attr(overrides[n])}"/>' for n in sorted(overrides)
        ]
        return _DECLARATION + f'<Types xmlns="{_CT_NS}">{"".join(rows)}</Types>'.encode()
