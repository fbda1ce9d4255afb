"""Real instances of the renderers' messages: a template folder a user copied and broke, a Word or PDF
file that cannot be written. Registered into :data:`tests.ui.core_message_cases.CASES`.

Each broken template is a copy of ``formal-a4`` in a templates folder of the case's own
(``TEMPLATES_DIR`` patched: the export dialog lists what is there), exported from the
window's export call (:func:`briefbook.export.export_book`) by its name. The template's
keys (``page.size``, ``colours.accent``...) and values are the file's own words, which the
user must find in it: they stay as written.
"""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

from briefbook.export import ExportOptions, export_book
from briefbook.render import template as template_module
from briefbook.render.template import TEMPLATES_DIR
from tests.ui.core_message_cases import Ctx, Shown, _book, case, refused

KEYS = {
    "page.size",
    "reference_docx",
    "header",
    "sizes.body",
    "colours.accent",
    "portion_marking",
    "cover.align",
    "fonts.body",
    "center",
    "left",
    "right",
    "True",
    "'A3'",
    "'../reference.docx'",
}


class _Templates:
    """A templates folder of the case's own, a book to export, and a refused export per breakage."""

    def __init__(self, c: Ctx, formats: tuple[str, ...] = ("pdf", "docx")):
        self.c, self.formats = c, formats
        self.root = c.tmp / "mẫu"
        self.root.mkdir()
        c.monkeypatch.setattr(template_module, "TEMPLATES_DIR", self.root)
        self.book = _book(c, ceiling="Internal")
        self.target = c.tmp / "sổ tay.pdf"
        c.data.update(KEYS | {str(self.root), str(self.target), str(template_module.FONTS_DIR)})
        c.data.update({str(self.target.with_suffix(".docx")), "Formal A4 (ministry)"})

    def refused(self, name: str, change: Callable[[Path], None]) -> Shown:
        folder = self.root / name
        shutil.copytree(TEMPLATES_DIR / "formal-a4", folder)
        change(folder)
        self.c.data.update({name, str(folder), str(folder / "template.json"), str(folder / "reference.docx")})
        options = ExportOptions(formats=self.formats, template=name)
        return refused(lambda: export_book(self.c.library, self.book.id, self.target, options), "export")


def _spec(**changes: object) -> Callable[[Path], None]:
    """Set dotted keys of template.json (``page__size`` is ``page.size``)."""

    def change(folder: Path) -> None:
        path = folder / "template.json"
        spec = json.loads(path.read_text(encoding="utf-8"))
        for key, value in changes.items():
            node, *_, last = [spec, *key.split("__")]
            for part in key.split("__")[:-1]:
                node = node.setdefault(part, {})
            node[last] = value
        path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")

    return change


def _text(content: bytes) -> Callable[[Path], None]:
    return lambda folder: (folder / "template.json").write_bytes(content)


@case
def templates_copied_and_broken(c: Ctx) -> list[Shown]:
    t = _Templates(c)
    big = b'{"name": "x", "pad": "' + b"x" * (template_module.MAX_TEMPLATE_JSON + 10) + b'"}'
    return [
        t.refused("không phải json", _text(b'{"name": "Mau", "page": {"size": "A4",}}')),
        t.refused("không phải utf8", _text('{"name": "Mẫu"}'.encode("utf-16"))),
        t.refused("một danh sách", _text(b'["A4"]')),
        t.refused("quá lớn", _text(big)),
        t.refused("khổ giấy", _spec(page__size="A3")),
        t.refused("tham chiếu", _spec(reference_docx="../reference.docx")),
        t.refused("cỡ chữ", _spec(sizes__body="mười một")),
        t.refused("cỡ chữ lớn", _spec(sizes__body=900)),
        t.refused("tên chữ", _spec(fonts__body=11)),
        t.refused("màu", _spec(colours__accent="xanh")),
        t.refused("đánh dấu", _spec(portion_marking="có")),
        t.refused("căn lề", _spec(cover__align="right")),
        t.refused("đầu trang dài", _spec(header="{title} " * 40)),
        t.refused("đầu trang hỏng", _spec(header="{title")),
        t.refused("đầu trang lạ", _spec(header="{title:>4000}")),
        t.refused("phông", _spec(fonts__body="PhongKhongCo")),
        t.refused("thiếu styles", lambda folder: (folder / "reference.docx").unlink()),
        refused(
            lambda: export_book(c.library, t.book.id, t.target, ExportOptions(template="không có")), "export"
        ),
    ]


def _docx(folder: Path, parts: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    (folder / "reference.docx").write_bytes(buffer.getvalue())


def _reference(folder: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(TEMPLATES_DIR / "formal-a4" / "reference.docx") as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@case
def word_styles_files_broken(c: Ctx) -> list[Shown]:
    """The reference.docx of a copied template: not a zip, cut short, without styles, bad XML, bombs."""
    from briefbook.render import docx_sanitise

    t = _Templates(c, formats=("docx",))

    def cut(folder: Path) -> None:
        path = folder / "reference.docx"
        data = path.read_bytes()
        # the archive's directory is whole; the styles part's compressed bytes are garbage
        start = data.index(b"word/styles.xml") + len("word/styles.xml")
        path.write_bytes(data[:start] + b"\x00\xff" * 200 + data[start + 400 :])

    def no_styles(folder: Path) -> None:
        _docx(folder, {k: v for k, v in _reference(folder).items() if k != "word/styles.xml"})

    def bad_crc(folder: Path) -> None:  # a stored (uncompressed) styles part with one byte changed
        _docx(folder, _reference(folder), zipfile.ZIP_STORED)
        path = folder / "reference.docx"
        data = bytearray(path.read_bytes())
        at = data.index(b"<w:style ")
        data[at + 1] = ord("W")
        path.write_bytes(bytes(data))

    def bad_xml(folder: Path) -> None:
        _docx(folder, {**_reference(folder), "word/styles.xml": b"<w:styles><w:style></w:styles>"})

    out = [
        t.refused("không phải word", lambda folder: (folder / "reference.docx").write_text("chữ")),
        t.refused("hỏng", cut),
        t.refused("không có styles", no_styles),
        t.refused("sai crc", bad_crc),
        t.refused("xml hỏng", bad_xml),
    ]
    c.monkeypatch.setattr(docx_sanitise, "MAX_PART_BYTES", 1000)
    out.append(t.refused("phần quá lớn", lambda folder: None))
    c.monkeypatch.setattr(docx_sanitise, "MAX_PARTS", 3)
    out.append(t.refused("nhiều phần", lambda folder: None))
    c.monkeypatch.setattr(docx_sanitise, "MAX_REFERENCE_BYTES", 1000)
    c.monkeypatch.setattr(template_module, "MAX_REFERENCE_BYTES", 10**9)
    out.append(t.refused("tệp quá lớn", lambda folder: None))
    return out


@case
def a_word_file_larger_than_word_opens(c: Ctx) -> list[Shown]:
    """A book whose Word file would pass 4 GB (Zip's limit without Zip64, which Word needs):
    the limit lowered to a few bytes, as a book of 4 GB of photos would reach it."""
    from briefbook.render import zip_writer

    book = _book(c, ceiling="Internal")
    target = c.tmp / "sổ tay.docx"
    c.data.update({str(target), str(c.tmp)})
    c.monkeypatch.setattr(zip_writer, "_LIMIT", 64)
    out = [
        refused(lambda: export_book(c.library, book.id, target, ExportOptions(formats=("docx",))), "export")
    ]
    c.monkeypatch.setattr(zip_writer, "_LIMIT", 0xFFFFFFFF)
    assert not target.exists()
    return out


@case
def word_and_pdf_files_that_cannot_be_written(c: Ctx) -> list[Shown]:
    """The disk fills while the Word or PDF file is written; a PDF open in a reader is not replaced."""
    from briefbook.render import docx_package

    book = _book(c, ceiling="Internal")
    target = c.tmp / "sổ tay.docx"
    c.data.update({str(target), str(c.tmp)})
    options = ExportOptions(formats=("docx",))
    real_replace = os.replace

    def full(source: object, destination: object) -> None:
        if str(destination) == str(target):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_replace(source, destination)

    c.monkeypatch.setattr(docx_package.os, "replace", full)
    out = [refused(lambda: export_book(c.library, book.id, target, options), "export")]
    c.monkeypatch.setattr(docx_package.os, "replace", real_replace)

    def no_room(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    mkstemp = docx_package.tempfile.mkstemp
    c.monkeypatch.setattr(docx_package.tempfile, "mkstemp", no_room)
    out.append(refused(lambda: export_book(c.library, book.id, target, options), "export"))
    pdf = target.with_suffix(".pdf")
    c.data.update({str(pdf)})
    pdf_only = ExportOptions(formats=("pdf",))
    out.append(refused(lambda: export_book(c.library, book.id, pdf, pdf_only), "export"))
    c.monkeypatch.setattr(docx_package.tempfile, "mkstemp", mkstemp)

    def open_in_a_reader(source: object, destination: object) -> None:  # Windows: a PDF open elsewhere
        if str(destination) == str(pdf):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        real_replace(source, destination)

    c.monkeypatch.setattr(docx_package.os, "replace", open_in_a_reader)
    out.append(refused(lambda: export_book(c.library, book.id, pdf, pdf_only), "export"))

    def open_in_word(source: object, destination: object) -> None:  # Windows: a .docx open in Word
        if str(destination) == str(target):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        real_replace(source, destination)

    c.monkeypatch.setattr(docx_package.os, "replace", open_in_word)
    out.append(refused(lambda: export_book(c.library, book.id, target, options), "export"))
    c.monkeypatch.setattr(docx_package.os, "replace", real_replace)
    return out


@case
def the_export_folder_changes_while_the_book_is_made(c: Ctx) -> list[Shown]:
    """The checks before the work pass; then, while the book is assembled, the USB stick is pulled,
    a folder takes the file's name, or the folder stops being writable (another program's doing)."""
    book = _book(c, ceiling="Internal")
    stick = c.tmp / "usb"
    c.data.update({str(stick)})

    def export(name: str, formats: tuple[str, ...], meanwhile: Callable[[Path], None]) -> Shown:
        stick.mkdir(exist_ok=True)
        target = stick / name
        c.data.update({str(target)})
        done: list[bool] = []

        def progress(stage: str, _done: int, _total: int) -> None:
            if not done:
                done.append(True)
                meanwhile(target)

        options = ExportOptions(formats=formats)
        return refused(lambda: export_book(c.library, book.id, target, options, progress=progress), "export")

    def read_only(target: Path) -> None:
        c.monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != target.parent)

    return [
        export("sổ tay.docx", ("docx",), lambda target: shutil.rmtree(target.parent)),
        export("sổ tay.docx", ("docx",), lambda target: target.mkdir()),
        export("sổ tay 2.pdf", ("pdf",), lambda target: target.mkdir()),
        export("sổ tay 3.docx", ("docx",), read_only),
    ]
