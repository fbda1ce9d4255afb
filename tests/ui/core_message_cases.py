"""Real instances of the core's messages, made as a user makes them (bad files, wrong choices).

Each case calls the core with the input a careless or hostile user gives -- a .txt as a
Word file, a CSV without a name column, a package with levels this library does not
have, a conflict settled with a choice that does not exist, an export above the book's
ceiling -- and returns what the core said, with how the window shows it ("user" through
:func:`briefbook.ui.messages.user_message`, "export" through
:func:`briefbook.ui.export_messages.export_message`, "preflight" through
:func:`briefbook.ui.composer.warnings.warning_text`). ``tests/ui/test_core_messages_vi.py``
checks that every one reads as Vietnamese in the Vietnamese window.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from briefbook.assemble import PreflightWarning, preflight
from briefbook.errors import BriefBookError
from briefbook.exchange import contacts, docx_reader, imports, packages, resolve
from briefbook.export import ExportOptions, export_book
from briefbook.library import Book, Event, Library, Meeting, Person, TalkingPoint, Topic
from briefbook.library.books import new_book, save_sections
from briefbook.library.books import sections as book_sections


@dataclass
class Shown:
    """One message as the core wrote it, and the window's way of showing it."""

    text: str
    via: str = "user"  # "user", "export", "backup" (File → Backups), "preflight"
    warning: PreflightWarning | None = None


@dataclass
class Ctx:
    library: Library
    filled: dict
    tmp: Path
    monkeypatch: pytest.MonkeyPatch
    data: set[str] = field(default_factory=set)  # names, titles, file names: stay as written

    def file(self, name: str, content: bytes | str) -> Path:
        path = self.tmp / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        self.data.update({str(path), path.name})
        return path


CASES: dict[str, Callable[[Ctx], list[Shown]]] = {}


def case(function: Callable[[Ctx], list[Shown]]) -> Callable[[Ctx], list[Shown]]:
    CASES[function.__name__] = function
    return function


def refused(call: Callable[[], Any], via: str = "user") -> Shown:
    """The message of the error ``call`` raises (it must raise one of ours)."""
    try:
        call()
    except BriefBookError as error:
        return Shown(str(error), via)
    raise AssertionError(f"{call} did not refuse")


# -- imports: files of the wrong kind ----------------------------------------------------------


@case
def wrong_files(c: Ctx) -> list[Shown]:
    lib = c.library
    note = c.file("ghi chú.txt", "Chỉ là ghi chú.")
    fake = c.file("luận điểm.docx", "không phải Word")
    big = c.file("danh bạ.xlsx", "x")
    return [
        refused(lambda: imports.propose(lib, note, "talking-points")),
        refused(lambda: imports.propose(lib, fake, "talking-points")),
        refused(lambda: imports.propose(lib, big, "people")),
        refused(lambda: imports.propose(lib, c.tmp / "không có.txt", "statements")),
        refused(lambda: imports.propose(lib, c.tmp, "statements")),
        refused(lambda: imports.propose(lib, c.file("bài.pdf", b"%PDF-1.4\x00\x00"), "statements")),
        refused(lambda: imports.propose(lib, c.file("bài.txt", b"Tin t\x81\x8d"), "statements")),
        refused(lambda: imports.propose_text(lib, "   ")),
    ]


@case
def word_files_damaged_or_too_big(c: Ctx) -> list[Shown]:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    broken = c.file("hỏng.docx", buffer.getvalue())
    out = [refused(lambda: imports.propose(c.library, broken, "talking-points"))]
    c.monkeypatch.setattr(docx_reader, "MAX_UNPACKED", 5)
    out.append(refused(lambda: imports.propose(c.library, broken, "talking-points")))
    return out


@case
def pasted_text_too_large(c: Ctx) -> list[Shown]:
    from briefbook.exchange import article_text

    c.monkeypatch.setattr(article_text, "MAX_ARTICLE", 10)
    return [refused(lambda: imports.propose_text(c.library, "Bộ trưởng cho biết " * 10))]


@case
def article_without_speech_or_date(c: Ctx) -> list[Shown]:
    article = c.file("tin.txt", "Hà Nội tổ chức hội nghị.\n\nẢnh: Hội trường.\n")
    proposal = imports.propose(c.library, article, "statements")
    daytime = c.file("tin2.txt", "(17/12) Bộ trưởng Saleumxay Kommasith cho biết: “Hợp tác là then chốt.”\n")
    c.data.update({"Saleumxay Kommasith"})
    proposal2 = imports.propose(c.library, daytime, "statements")
    return [Shown(m) for m in proposal.messages + proposal2.messages] + [
        Shown(i.note) for i in proposal2.items if i.note
    ]


@case
def word_file_with_empty_question_and_nothing(c: Ctx) -> list[Shown]:
    import docx

    document = docx.Document()
    document.add_heading("Chống mua bán người", level=1)
    document.add_paragraph("Việt Nam kiên quyết chống lừa đảo trực tuyến.")
    document.add_paragraph("Hỏi: Việt Nam có ký Công ước không?")  # the answer never written
    document.add_paragraph().add_run("Ghi chú ẩn của người soạn").font.hidden = True
    path = c.tmp / "hỏi đáp.docx"
    document.save(path)
    c.data.update({str(path), path.name, "Chống mua bán người", "Ghi chú ẩn của người soạn"})
    first = imports.propose(c.library, path, "talking-points")
    headless = c.tmp / "không tiêu đề.docx"
    document = docx.Document()
    document.add_paragraph("Thông điệp chính: Hợp tác khu vực.")
    document.save(headless)
    c.data.update({str(headless), headless.name, "không tiêu đề", "Hợp tác khu vực."})
    third = imports.propose(c.library, headless, "talking-points")
    empty = c.tmp / "trống.docx"
    docx.Document().save(empty)
    c.data.update({str(empty), empty.name})
    second = imports.propose(c.library, empty, "talking-points")
    notes = [Shown(i.note) for i in first.items + third.items if i.note]
    return notes + [Shown(m) for m in first.messages + second.messages]


@case
def word_file_with_pictures_notes_and_equations(c: Ctx) -> list[Shown]:
    from PIL import Image

    from tests.exchange.make_docs import boxes_and_pictures_docx

    picture = c.tmp / "biểu đồ.png"
    Image.new("RGB", (8, 8), "red").save(picture)
    path = boxes_and_pictures_docx(c.tmp / "mẫu của Bộ.docx", picture)
    c.data.update({str(path), path.name, "Tỷ lệ thu hồi", "Số vụ tăng gấp đôi", "Biểu đồ thiệt hại:"})
    return [Shown(m) for m in imports.propose(c.library, path, "talking-points").messages]


@case
def contact_lists(c: Ctx) -> list[Shown]:
    lib = c.library
    no_name = c.file("khách mời.csv", "Chức vụ,Quốc gia\nThứ trưởng,Lào\n")
    empty = c.file("trống.csv", "")
    bad_vcf = c.file("thẻ.vcf", "BEGIN:VCARD\nVERSION:3.0\nEND:VCARD\n")
    nameless = c.file("không tên.vcf", "BEGIN:VCARD\nVERSION:3.0\nTEL:123\nEND:VCARD\n")
    latin = c.file("latin.csv", "Name\nJos\xe9\n".encode("latin-1")[:-2] + b"\x81\x8d\n")
    out = [
        refused(lambda: imports.propose(lib, no_name, "people")),
        refused(lambda: imports.propose(lib, empty, "people")),
        refused(lambda: imports.propose(lib, bad_vcf, "people")),
        refused(lambda: imports.propose(lib, nameless, "people")),
        refused(lambda: imports.propose(lib, latin, "people")),
    ]
    c.data.update({"Chức vụ", "Quốc gia", "'Name'"})  # a header the file may use, as written
    return out


@case
def contact_list_with_oddities(c: Ctx) -> list[Shown]:
    lib = c.library
    lib.add(Person(name="Saleumxay Kommasith", position="Bộ trưởng Ngoại giao", country="Lào"))
    csv = c.file(
        "đoàn Lào.csv",
        "Họ và tên,Chức vụ,Quốc gia,Độ mật,Sở thích,Tổ chức,Điện thoại,Email\n"
        "Saleumxay Kommasith,Phó Thủ tướng,Lào,,Cờ vua,,,\n"
        "Khamphao Ernthavanh,Thứ trưởng,Lào,,,Bộ Ngoại giao Lào,+856 21 414 025,kp@mofa.gov.la\n"
        "Saleumxay Kommasith,Phó Thủ tướng,Lào,,,,,\n"
        ",Thư ký,Lào,,,,,\n"
        "Thongsing Vongsay,Vụ trưởng,Lào,Tuyệt mật,,,,\n"
        "Lê Anh Tuấn,Thứ trưởng Bộ Ngoại giao,,,,,,\n",
    )
    c.data.update({"Saleumxay Kommasith", "Thongsing Vongsay", "Họ và tên", "Chức vụ", "Quốc gia"})
    c.data.update({"Độ mật", "Sở thích", "Tuyệt mật", "Lê Anh Tuấn", "Thứ trưởng Bộ Ngoại giao"})
    c.data.update({"Thư ký", "Lào", "Cờ vua", "Phó Thủ tướng", "Vụ trưởng", "Tổ chức"})
    c.data.update({"Khamphao Ernthavanh", "Bộ Ngoại giao Lào", "Thứ trưởng", "Điện thoại", "Email"})
    proposal = imports.propose(lib, csv, "people")
    out = [Shown(m) for m in proposal.messages] + [Shown(i.note) for i in proposal.items if i.note]
    vcards = c.file(
        "thẻ.vcf",
        "BEGIN:VCARD\nVERSION:3.0\nFN:Thongsing Vongsay\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Phomma Sipaseuth\nEND:VCARD\n",
    )
    c.data.add("Phomma Sipaseuth")
    c.monkeypatch.setattr(contacts, "MAX_ROWS", 1)
    out.append(refused(lambda: imports.propose(lib, csv, "people")))
    out.append(refused(lambda: imports.propose(lib, vcards, "people")))
    return out


@case
def dropped_topic_in_the_preview(c: Ctx) -> list[Shown]:
    import docx

    document = docx.Document()
    document.add_heading("An ninh mạng", level=1)
    document.add_paragraph("Thông điệp chính: Hợp tác khu vực.")
    path = c.tmp / "an ninh.docx"
    document.save(path)
    c.data.update({str(path), path.name, "An ninh mạng", "Hợp tác khu vực."})
    c.data.add("Thông điệp chính: Hợp tác khu vực.")
    proposal = imports.propose(c.library, path, "talking-points")
    topic = next(i for i in proposal.items if isinstance(i.record, Topic))
    topic.accepted = False
    from briefbook.exchange.proposals import apply_proposal

    apply_proposal(c.library, proposal)
    point = next(i for i in proposal.items if isinstance(i.record, TalkingPoint))
    return [Shown(m) for m in proposal.messages] + [
        refused(lambda: proposal.edit(point, colour="đỏ")),
    ]


# -- packages ---------------------------------------------------------------------------------


@case
def package_files_refused(c: Ctx) -> list[Shown]:
    lib = c.library
    not_zip = c.file("gói.bbpkg", "không phải gói")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("ghi.txt", "x")
    no_manifest = c.file("thiếu.bbpkg", buffer.getvalue())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("manifest.json", "{không phải json")
    bad_json = c.file("hỏng.bbpkg", buffer.getvalue())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("manifest.json", json.dumps({"format": "briefbook-exchange", "format_version": 99}))
    newer = c.file("mới.bbpkg", buffer.getvalue())
    out = [
        refused(lambda: packages.preview_import(lib, c.tmp / "không có.bbpkg")),
        refused(lambda: packages.preview_import(lib, not_zip)),
        refused(lambda: packages.preview_import(lib, no_manifest)),
        refused(lambda: packages.preview_import(lib, bad_json)),
        refused(lambda: packages.preview_import(lib, newer)),
        refused(lambda: packages.export_package(lib, [c.filled["event"].id], c.tmp)),
        refused(lambda: packages.export_package(lib, [c.filled["event"].id], c.tmp / "không" / "x.bbpkg")),
    ]
    c.data.add(str(c.tmp / "không"))
    return out


@case
def package_altered(c: Ctx) -> list[Shown]:
    good = c.tmp / "tốt.bbpkg"
    packages.export_package(c.library, [c.filled["event"].id], good)
    c.data.update({str(good), good.name})
    with zipfile.ZipFile(good) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    manifest["items"][0]["hash"] = "0" * 64
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
    altered = c.file("sửa.bbpkg", buffer.getvalue())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("lạ.exe", "x")
    extra = c.file("lạ.bbpkg", buffer.getvalue())
    return [
        refused(lambda: packages.preview_import(c.library, altered)),
        refused(lambda: packages.preview_import(c.library, extra)),
    ]


@case
def package_refused_values(c: Ctx) -> list[Shown]:
    """A hand-made package whose event ends 'tomorrow': the event and its meeting are named."""
    from briefbook.exchange.content import content_hash

    good = c.tmp / "ngày lạ gốc.bbpkg"
    packages.export_package(c.library, [c.filled["event"].id], good)
    with zipfile.ZipFile(good) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    for item in manifest["items"]:
        if item["kind"] == "event":
            item["fields"]["end_date"] = "tomorrow"
            item["hash"] = content_hash(item)
            item["versions"] = [["1" * 32, item["hash"]]]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
    path = c.file("ngày lạ.bbpkg", buffer.getvalue())
    fresh = Library.create(c.tmp / "nhận.briefbook")
    skipped = packages.preview_import(fresh, path).skipped
    fresh.close()
    c.data.update({str(good), good.name, "tomorrow", c.filled["event"].title, c.filled["meeting"].title})
    return [Shown(m) for m in skipped]


@case
def package_with_unknown_levels(c: Ctx) -> list[Shown]:
    other = Library.create(c.tmp / "khác.briefbook")
    other.set_classification_levels(["Public", "Internal", "Confidential", "Top Secret"], confirm=True)
    event = other.add(Event(title="Hội nghị Bộ trưởng ASEAN tại Viêng Chăn", classification="Top Secret"))
    path = c.tmp / "viêng chăn.bbpkg"
    packages.export_package(other, [event.id], path)
    other.close()
    c.data.update({str(path), path.name, "Top Secret"})
    return [refused(lambda: packages.preview_import(c.library, path))]


@case
def package_held_updates(c: Ctx) -> list[Shown]:
    lib, filled = c.library, c.filled
    point = lib.add(
        TalkingPoint(topic_id=filled["topic"].id, text="Chung.\n\n[NFR] Riêng.", classification="Secret")
    )
    plain = lib.add(TalkingPoint(topic_id=filled["topic"].id, text="Chung.\n\n[NFR] Kín."))
    book = lib.add(Book(event_id=filled["event"].id, title="Sổ tay Bangkok", ceiling="Internal"))
    out = c.tmp / "gửi đi.bbpkg"
    packages.export_package(lib, [filled["event"].id], out)
    other = Library.create(c.tmp / "đồng nghiệp.briefbook")
    packages.import_package(other, out)
    other.update(TalkingPoint, point.id, classification="Public")
    other.update(TalkingPoint, plain.id, text="Chung.\n\nKín.")
    other.update(Book, book.id, ceiling="Secret")
    back = c.tmp / "gửi lại.bbpkg"
    packages.export_package(other, [filled["event"].id], back)
    other.close()
    c.data.update({str(back), back.name, "Chung.", "Sổ tay Bangkok"})
    plan = packages.preview_import(lib, back)
    held = [Shown(change.held) for change in plan.changes if change.held]
    # A package that says "nothing above Internal" and holds a Secret item (edited by hand).
    edited = c.tmp / "sửa tay.bbpkg"
    with zipfile.ZipFile(out) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    manifest = json.loads(members["manifest.json"])
    manifest["ceiling"] = "Internal"
    members["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
    with zipfile.ZipFile(edited, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    fresh = Library.create(c.tmp / "mới.briefbook")
    notes = packages.preview_import(fresh, edited).notes
    fresh.close()
    c.data.update({str(edited), edited.name})
    return held + [Shown(m) for m in notes]


@case
def package_withheld_fields(c: Ctx) -> list[Shown]:
    """A package for sharing, and one below Confidential: what they leave out whole, said on
    both sides (exchange.packages.withheld_lines, exchange.merge_release.withheld_notes)."""
    from briefbook.library import Organisation

    lib, filled = c.library, c.filled
    org = lib.add(Organisation(name="UNODC", description="Văn phòng LHQ"))
    lib.update(Person, filled["thai"].id, notes="Gặp riêng.", sensitivities="Kín.", organisation_id=org.id)
    shown: list[Shown] = []
    for name, ceiling in (("chia sẻ.bbpkg", "Public"), ("nội bộ.bbpkg", "Internal")):
        path = c.tmp / name
        report = packages.export_package(
            lib, [filled["event"].id], path, ceiling=ceiling, for_sharing=ceiling == "Public"
        )
        fresh = Library.create(c.tmp / f"nhận {ceiling}.briefbook")
        shown += [Shown(m) for m in report.left_out] + [
            Shown(m) for m in packages.preview_import(fresh, path).notes
        ]
        fresh.close()
        c.data.update({str(path), path.name})
    return shown


@case
def package_ranking_levels_otherwise(c: Ctx) -> list[Shown]:
    other = Library.create(c.tmp / "thứ tự khác.briefbook")
    other.set_classification_levels(["Public", "Confidential", "Internal", "Secret"], confirm=True)
    topic = other.add(Topic(title="Hợp tác Mê Kông", classification="Internal"))
    path = c.tmp / "mê kông.bbpkg"
    packages.export_package(other, [topic.id], path)
    other.close()
    c.data.update({str(path), path.name, "Hợp tác Mê Kông"})
    return [refused(lambda: packages.preview_import(c.library, path))]


@case
def package_export_above_the_ceiling(c: Ctx) -> list[Shown]:
    lib = c.library
    secret = lib.add(Topic(title="Đàm phán kín", classification="Secret"))
    point = lib.add(TalkingPoint(topic_id=secret.id, text="Chỉ nói riêng.", classification="Internal"))
    lib.add(TalkingPoint(topic_id=c.filled["topic"].id, text="Giữ kín.", classification="Confidential"))
    lib.add(TalkingPoint(topic_id=c.filled["topic"].id, text="[NFR] Không chia sẻ."))
    lib.link_topic(c.filled["meeting"].id, secret.id)
    c.data.update({"Đàm phán kín", "Chỉ nói riêng.", "Giữ kín.", "[NFR] Không chia sẻ.", "Không chia sẻ."})
    target = c.tmp / "chia sẻ.bbpkg"
    c.data.update({str(target), target.name})
    event_id = c.filled["event"].id
    report = packages.export_package(lib, [event_id], target, ceiling="Internal", for_sharing=True)
    hidden_event = lib.add(Event(title="Đàm phán kín", classification="Secret"))
    empty_book = lib.add(Book(event_id=hidden_event.id, title="Sổ tay kín", ceiling="Secret"))
    del point
    return [Shown(m) for m in report.left_out] + [
        refused(lambda: packages.export_package(lib, [secret.id], target, ceiling="Internal")),
        refused(lambda: packages.export_package(lib, [empty_book.id], target, ceiling="Public")),
    ]


@case
def package_missing_topic_and_clashing_ids(c: Ctx) -> list[Shown]:
    lib = c.library
    other = Library.create(c.tmp / "đồng nghiệp.briefbook")
    topic = other.add(Topic(title="Di cư an toàn"))
    other.add(TalkingPoint(topic_id=topic.id, text="Bảo hộ công dân."))
    only_point = c.tmp / "điểm.bbpkg"
    point = other.list(TalkingPoint)[0]
    packages.export_package(other, [point.id], only_point)
    # their topic carries the id of one of our meetings
    clash = other.add(Topic(title="Trùng mã", id=c.filled["meeting"].id))
    clashing = c.tmp / "trùng.bbpkg"
    packages.export_package(other, [clash.id], clashing)
    other.close()
    c.data.update({str(only_point), only_point.name, str(clashing), clashing.name})
    c.data.update({"Di cư an toàn", "Bảo hộ công dân.", "Trùng mã"})
    plan = packages.preview_import(lib, only_point)
    return [Shown(m) for m in plan.skipped] + [refused(lambda: packages.preview_import(lib, clashing))]


@case
def conflict_settled_wrongly(c: Ctx) -> list[Shown]:
    from tests.ui.test_exchange_dialogs import _conflicting

    lib = c.library
    package = _conflicting(lib, c.filled, c.tmp)
    c.data.update({str(package), package.name})
    packages.import_package(lib, package)
    point_id = c.filled["point"].id
    out = [
        refused(lambda: resolve.resolve(lib, point_id, "cả hai")),
        refused(lambda: resolve.resolve(lib, c.filled["topic"].id, resolve.KEEP_MINE)),
    ]
    c.data.add(c.filled["topic"].id)
    lib.delete(TalkingPoint, point_id)
    out.append(refused(lambda: resolve.resolve(lib, point_id, resolve.EDIT, {"text": "Bản mới"})))
    return out


# -- export -------------------------------------------------------------------------------------


def _book(c: Ctx, **fields: Any) -> Book:
    book = new_book(c.library, c.filled["event"].id, **fields)
    c.data.add(book.title)
    return book


@case
def export_above_the_book_ceiling(c: Ctx) -> list[Shown]:
    book = _book(c, ceiling="Internal")
    c.data.add(book.id)
    options = ExportOptions(formats=("pdf",), ceiling="Secret")
    target = c.tmp / "sổ.pdf"
    c.data.update({str(target), target.name})
    return [refused(lambda: export_book(c.library, book.id, target, options), "export")]


@case
def export_targets_refused(c: Ctx) -> list[Shown]:
    book = _book(c, ceiling="Internal")
    folder = c.tmp / "thư mục.pdf"
    folder.mkdir()
    c.data.update({str(folder), folder.name, str(c.tmp / "không có"), str(c.tmp / "không có/")})
    c.data.add(str(c.tmp / "không có" / "sổ.pdf"))
    lib = c.library
    return [
        refused(lambda: export_book(lib, book.id, folder, ExportOptions(formats=("pdf",))), "export"),
        refused(lambda: export_book(lib, book.id, str(c.tmp / "không có") + "/"), "export"),
        refused(lambda: export_book(lib, book.id, c.tmp / "không có" / "sổ.pdf"), "export"),
        refused(lambda: export_book(lib, book.id, ""), "export"),
    ]


@case
def export_protection_refused(c: Ctx) -> list[Shown]:
    book = _book(c, ceiling="Internal")
    target = c.tmp / "mật.pdf"
    c.data.update({str(target), target.name})
    lib = c.library
    return [
        refused(lambda: export_book(lib, book.id, target, ExportOptions(password="  ")), "export"),
        refused(
            lambda: export_book(lib, book.id, target, ExportOptions(formats=("docx",), password="x")),
            "export",
        ),
        refused(lambda: export_book(lib, book.id, target, ExportOptions(allow_printing=False)), "export"),
        refused(
            lambda: export_book(lib, book.id, target, ExportOptions(formats=("pdf",), cards="A4")), "export"
        ),
    ]


# -- the preflight --------------------------------------------------------------------------------


@case
def preflight_of_a_new_event(c: Ctx) -> list[Shown]:
    lib = c.library
    event = lib.add(Event(title="Hội nghị Bộ trưởng Ngoại giao ASEAN (AMM-59)", city="Viêng Chăn"))
    lib.add(Meeting(event_id=event.id, title="Gặp song phương với Lào", kind="bilateral"))
    laos = lib.add(Person(name="ທອງສະລິດ ມັງໜໍ່เມກ", sensitivities="Tránh nhắc chuyện cũ."))
    meeting = lib.add(Meeting(event_id=event.id, title="Họp kín", kind="bilateral", classification="Secret"))
    lib.set_delegate(event.id, laos.id, "Khách mời")
    topic = c.filled["topic"]
    lib.add(TalkingPoint(topic_id=topic.id, text="Mật: không công bố.", classification="Confidential"))
    shared = "Chia sẻ nội bộ.\n\n[NFR] Không phổ biến."
    lib.add(TalkingPoint(topic_id=topic.id, text=shared, status="cleared"))
    open_meeting = lib.add(Meeting(event_id=event.id, title="Phiên toàn thể", kind="plenary"))
    lib.link_topic(open_meeting.id, topic.id)
    book = new_book(lib, event.id, ceiling="Internal", title="Tài liệu AMM-59 ⸻ \U0001f600")
    c.data.update({event.title, "Gặp song phương với Lào", laos.name, meeting.title, book.title})
    c.data.update({"Phiên toàn thể", topic.title, "Mật: không công bố.", "Không phổ biến."})
    warnings = preflight(lib, book, releasable=True, drafts="omit")
    warnings += preflight(lib, book, drafts="include")
    bare = lib.add(Book(event_id=event.id, title="Không có mức mật", ceiling=""))
    c.data.add(bare.title)
    warnings += preflight(lib, bare)
    named = new_book(lib, meeting.id if False else event.id, ceiling="Public")
    lib.update(Event, event.id, classification="Confidential")
    c.data.add(named.title)
    warnings += preflight(lib, named)
    return [Shown(w.message, "preflight", w) for w in warnings]


@case
def preflight_a_name_with_a_bidi_control(c: Ctx) -> list[Shown]:
    lib, filled = c.library, c.filled
    lib.update(Person, filled["person"].id, name="Lê Anh Tuấn\u202e terceS")
    book = new_book(lib, filled["event"].id, ceiling="Secret", title="Sổ tay")
    c.data.update({"Lê Anh Tuấn<U+202E> terceS", book.title})
    warnings = [w for w in preflight(lib, book) if w.code == "hidden_in_name"]
    assert warnings, "no name named"
    return [Shown(w.message, "preflight", w) for w in warnings]


@case
def preflight_a_field_with_a_bidi_control_and_an_empty_topic(c: Ctx) -> list[Shown]:
    lib, filled = c.library, c.filled
    lib.update(Person, filled["person"].id, position="Thứ trưởng\u202e Ngoại giao")
    empty = lib.add(Topic(title="Bảo hộ công dân"))
    lib.link_topic(filled["meeting"].id, empty.id)
    book = new_book(lib, filled["event"].id, ceiling="Secret", title="Sổ tay")
    c.data.update({filled["person"].name, empty.title, book.title, "U+202E"})
    codes = ("hidden_in_field", "topic_without_content")
    warnings = [w for w in preflight(lib, book) if w.code in codes]
    assert {w.code for w in warnings} == set(codes), warnings
    return [Shown(w.message, "preflight", w) for w in warnings]


@case
def preflight_book_and_section_titles_with_a_bidi_control(c: Ctx) -> list[Shown]:
    lib, filled = c.library, c.filled
    book = new_book(lib, filled["event"].id, ceiling="Secret", title="Sổ tay \u202eterceS")
    parts = book_sections(book)
    next(s for s in parts if s.kind == "biographies").title = "Tiểu sử \u202elive"
    save_sections(lib, book.id, parts)
    c.data.update({"Sổ tay <U+202E>terceS", "Tiểu sử <U+202E>live", "U+202E"})
    codes = ("hidden_in_field", "hidden_in_section")
    warnings = [w for w in preflight(lib, book.id) if w.code in codes]
    assert {w.code for w in warnings} == set(codes), warnings
    return [Shown(w.message, "preflight", w) for w in warnings]


@case
def preflight_points_left_out_with_their_topic(c: Ctx) -> list[Shown]:
    lib, filled = c.library, c.filled
    secret = lib.add(Topic(title="Hồi hương công dân", classification="Secret"))
    lib.add(TalkingPoint(topic_id=secret.id, text="ສະບາຍດີ: đề nghị quá cảnh.", status="cleared"))
    lib.link_topic(filled["meeting"].id, secret.id)
    book = new_book(lib, filled["event"].id, ceiling="Public", title="Sổ tay công khai")
    c.data.update({secret.title, "ສະບາຍດີ: đề nghị quá cảnh.", book.title})
    warnings = [w for w in preflight(lib, book) if w.code == "left_out_with_topic"]
    assert warnings, "no point named"
    return [Shown(w.message, "preflight", w) for w in warnings]


@case
def preflight_items_left_out_with_their_meeting(c: Ctx) -> list[Shown]:
    lib, filled = c.library, c.filled
    meeting = lib.add(
        Meeting(event_id=filled["event"].id, title="Gặp Campuchia", classification="Confidential")
    )
    khmer = lib.add(Person(name="ប្រាក់ សុខុន"))
    lib.set_participant(meeting.id, khmer.id, "counterpart")
    book = new_book(lib, filled["event"].id, ceiling="Public", title="Sổ tay công khai")
    c.data.update({meeting.title, khmer.name, book.title})
    warnings = [w for w in preflight(lib, book) if w.code == "left_out_with_meeting"]
    assert warnings, "nothing named"
    return [Shown(w.message, "preflight", w) for w in warnings]


@case
def preflight_meeting_outside_its_event(c: Ctx) -> list[Shown]:
    lib = c.library
    event = lib.add(Event(title="Hội nghị Viêng Chăn", start_date="2026-12-15", end_date="2026-12-17"))
    meeting = lib.add(Meeting(event_id=event.id, title="Gặp ສອນໄຊ", starts_at="2026-04-03T09:00"))
    book = new_book(lib, event.id, title="Sổ tay")
    c.data.update({meeting.title, "2026-04-03", "2026-12-15", "2026-12-17"})
    warnings = [w for w in preflight(lib, book) if w.code == "meeting_outside_event"]
    assert warnings, "nothing named"
    return [Shown(w.message, "preflight", w) for w in warnings]


@case
def preflight_of_a_lower_copy(c: Ctx) -> list[Shown]:
    from briefbook.library.books import Section, save_sections, sections

    lib = c.library
    book = new_book(lib, c.filled["event"].id, ceiling="Secret", title="Sổ tay mật")
    note = Section(kind="text", title="Ghi chú của Vụ", text="Xe đón lúc 7:30.")
    book = save_sections(lib, book.id, [*sections(book), note])
    c.data.update({"Ghi chú của Vụ", "Sổ tay mật", "[NFR]"})
    return [Shown(w.message, "preflight", w) for w in preflight(lib, book, ceiling="Public")]


@case
def preflight_of_chosen_items(c: Ctx) -> list[Shown]:
    from briefbook.library.books import sections
    from briefbook.render import font_chain, font_files

    c.monkeypatch.setattr(font_files, "_system_cjk", [None])
    c.monkeypatch.setattr(font_chain, "_CHAINS", {})
    lib = c.library
    event = lib.add(Event(title="Đối thoại Mê Công – Lan Thương"))
    ours = lib.add(Topic(title="[NFR] Hợp tác nguồn nước"))
    meeting = lib.add(Meeting(event_id=event.id, title="Gặp Bộ trưởng Vương Nghị", kind="bilateral"))
    lib.link_topic(meeting.id, ours.id)
    lib.add(TalkingPoint(topic_id=ours.id, text="Chia sẻ số liệu dòng chảy.", status="cleared"))
    wang = lib.add(
        Person(name="王毅", position="Bộ trưởng Ngoại giao Trung Quốc", biography="Sinh năm 1953 ⰀⰁ")
    )
    lib.set_participant(meeting.id, wang.id, "counterpart")
    gone = lib.add(Topic(title="Đã xoá"))
    lib.delete(Topic, gone.id)
    book = new_book(lib, event.id, ceiling="Secret")
    chosen = sections(book)
    for section in chosen:
        if section.kind == "topics":
            section.items = [ours.id, c.filled["topic"].id, gone.id, "never-in-this-library"]
    lib.update(Book, book.id, sections=json.dumps([s.to_dict() for s in chosen], ensure_ascii=False))
    c.data.update({event.title, ours.title, meeting.title, wang.name, wang.position, book.title, gone.title})
    c.data.add("never-in-this-library")
    c.data.update({"Hợp tác nguồn nước", "Sinh năm 1953 ⰀⰁ", "'Ⰰ'", "'Ⰱ'", "'王'", "'毅'"})
    c.data.update({"Chia sẻ số liệu dòng chảy.", c.filled["event"].title, c.filled["topic"].title})
    c.data.add("fonts-droid-fallback")  # the Debian package to install
    warnings = preflight(lib, book.id) + preflight(lib, book.id, releasable=True)
    codes = {w.code for w in warnings}
    wanted = {"other_event", "missing_item", "deleted_item", "glyph_missing", "font_missing"}
    wanted.add("item_not_for_release")
    assert wanted <= codes, codes
    return [Shown(w.message, "preflight", w) for w in warnings]


@case
def export_gate_and_formats(c: Ctx) -> list[Shown]:
    from briefbook import export as export_module
    from briefbook.assemble import assemble
    from tests.release.test_gate import leak_unlabelled

    book = _book(c, ceiling="Internal")
    target = c.tmp / "sổ tay.pdf"
    c.data.update({str(target), target.name})
    out = [
        refused(lambda: export_book(c.library, book.id, target, ExportOptions(formats=("odt",))), "export")
    ]

    def leaking(*args, **kwargs):
        document = assemble(*args, **kwargs)
        leak_unlabelled(document)  # an assembler that forgot where a paragraph came from
        return document

    c.monkeypatch.setattr(export_module, "assemble", leaking)
    out.append(refused(lambda: export_book(c.library, book.id, target), "export"))
    return out


# -- the Library: edits refused ------------------------------------------------------------------


@case
def edits_refused(c: Ctx) -> list[Shown]:
    lib, f = c.library, c.filled
    event, meeting, topic, point = f["event"], f["meeting"], f["topic"], f["point"]
    c.data.update({"31/02/2026", "17/12", "tiệc", "Tuyệt mật", "", "chủ tịch"})
    return [
        refused(lambda: lib.update(Event, event.id, start_date="31/02/2026")),
        refused(lambda: lib.update(Meeting, meeting.id, starts_at="17/12 9 giờ")),
        refused(lambda: lib.update(Event, event.id, start_date="2026-07-20", end_date="2026-07-18")),
        refused(
            lambda: lib.update(Meeting, meeting.id, starts_at="2026-07-20 10:00", ends_at="2026-07-20 09:00")
        ),
        refused(lambda: lib.update(Topic, topic.id, title="  ")),
        refused(lambda: lib.add(TalkingPoint(topic_id="", text="Điểm mồ côi"))),
        refused(lambda: lib.update(Meeting, meeting.id, kind="tiệc")),
        refused(lambda: lib.update(TalkingPoint, point.id, classification="Tuyệt mật")),
        refused(lambda: lib.update(TalkingPoint, point.id, classification="")),
        refused(lambda: lib.set_participant(meeting.id, f["thai"].id, "chủ tịch")),
        refused(lambda: lib.add(Topic(title="Trùng", id=meeting.id))),
        refused(lambda: lib.duplicate(event.id, years=1000)),
    ]


@case
def references_to_nothing(c: Ctx) -> list[Shown]:
    """An id typed by hand: a number, a title in another case (suggested), a deleted topic."""
    lib, f = c.library, c.filled
    event, meeting = f["event"], f["meeting"]
    c.data.update({"1", event.title, event.id, "chủ đề đã xoá", "Gặp"})
    return [
        refused(lambda: lib.add(Meeting(event_id="1", title="Gặp", kind="bilateral"))),
        refused(lambda: lib.update(Meeting, meeting.id, event_id=event.title.upper())),
        refused(lambda: lib.add(TalkingPoint(topic_id="chủ đề đã xoá", text="Điểm"))),
    ]


@case
def levels_typed_with_invisible_characters(c: Ctx) -> list[Shown]:
    """(Set on the command line, ``briefbook levels``: the Library's words, ready for a window.)"""
    lib = c.library
    c.data.update({"Top<U+202E>terceS", "Nội<U+200B>bộ", "U+202E", "U+200B"})
    return [
        refused(lambda: lib.set_level_label("Secret", "en", "Top\u202eterceS")),
        refused(lambda: lib.rename_level("Internal", "Nội\u200bbộ")),
    ]


@case
def photos_refused(c: Ctx) -> list[Shown]:
    from briefbook.library.photos import read_photo_file

    folder = c.tmp / "ảnh"
    folder.mkdir()
    missing = c.tmp / "mất.jpg"
    missing.symlink_to(c.tmp / "không có.jpg")
    c.data.update({str(folder), str(missing)})
    return [refused(lambda: read_photo_file(folder)), refused(lambda: read_photo_file(missing))]


@case
def book_sections_damaged(c: Ctx) -> list[Shown]:
    from briefbook.library.books import sections

    book = _book(c, ceiling="Internal")
    c.library.db.execute("UPDATE books SET sections = ? WHERE id = ?", ["[{không phải json", book.id])
    damaged = c.library.get(Book, book.id)
    c.library.db.execute("UPDATE books SET sections = ? WHERE id = ?", ['[{"kind": "thơ"}]', book.id])
    odd = c.library.get(Book, book.id)
    c.data.add("thơ")
    return [refused(lambda: sections(damaged)), refused(lambda: sections(odd))]


@case
def more_broken_files(c: Ctx) -> list[Shown]:
    lib = c.library
    long_field = c.file("dài.csv", "Họ và tên,Ghi chú\nLê Anh Tuấn," + "x" * 200_000 + "\n")
    unclosed = c.file("dở.vcf", "BEGIN:VCARD\nVERSION:3.0\nFN:Lê Anh Tuấn\n")
    c.data.add("Lê Anh Tuấn")
    out = [
        refused(lambda: imports.propose(lib, long_field, "people")),
        refused(lambda: imports.propose(lib, unclosed, "people")),
    ]
    good = c.tmp / "gốc.bbpkg"
    packages.export_package(lib, [c.filled["event"].id], good)
    with zipfile.ZipFile(good) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    newer = dict(manifest, format_version=99)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("manifest.json", json.dumps(newer))
    out.append(refused(lambda: packages.preview_import(lib, c.file("bản mới.bbpkg", buffer.getvalue()))))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive, pytest.warns(UserWarning):
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("manifest.json", json.dumps(manifest))
    out.append(refused(lambda: packages.preview_import(lib, c.file("đôi.bbpkg", buffer.getvalue()))))
    data = bytearray(good.read_bytes())
    start = data.index(b"manifest.json") + len("manifest.json")  # the entry's first bytes, then CRC fails
    data[start + 5 : start + 40] = bytes(35)
    out.append(refused(lambda: packages.preview_import(lib, c.file("hỏng dữ liệu.bbpkg", bytes(data)))))
    return out


@case
def package_for_sharing_leaves_out_a_marked_item(c: Ctx) -> list[Shown]:
    lib = c.library
    marked = lib.add(Topic(title="[NFR] Đàm phán biên giới"))
    lib.link_topic(c.filled["meeting"].id, marked.id)
    c.data.update({marked.title, "Đàm phán biên giới"})
    target = c.tmp / "chia sẻ.bbpkg"
    c.data.update({str(target), target.name})
    report = packages.export_package(lib, [c.filled["event"].id], target, for_sharing=True)
    return [Shown(m) for m in report.left_out]


@case
def export_without_ceiling_and_cancelled(c: Ctx) -> list[Shown]:
    import threading

    lib = c.library
    bare = lib.add(Book(event_id=c.filled["event"].id, title="Sổ tay chưa có mức mật", ceiling=""))
    c.data.add(bare.title)
    target = c.tmp / "sổ.pdf"
    c.data.update({str(target), target.name})
    cancel = threading.Event()
    cancel.set()
    book = _book(c, ceiling="Internal")
    return [
        refused(lambda: export_book(lib, bare.id, target), "export"),
        refused(lambda: export_book(lib, book.id, target, cancel=cancel), "export"),
    ]


@case
def library_files_and_gone_items(c: Ctx) -> list[Shown]:
    lib = c.library
    topic = lib.add(Topic(title="Sẽ bị xoá"))
    lib.delete(Topic, topic.id)
    c.data.update({str(lib.path), topic.id})
    return [
        refused(lambda: Library.create(lib.path)),
        refused(lambda: lib.get(Topic, topic.id)),
        refused(lambda: lib.restore_revision(10**9)),
        refused(lambda: lib.update(Topic, c.filled["topic"].id, title="Hà Nội " * 100)),
    ]


@case
def photos_that_are_not_right(c: Ctx) -> list[Shown]:
    from PIL import Image

    from briefbook.library import photos

    def picture(fmt: str) -> bytes:
        buffer = io.BytesIO()
        Image.new("RGB", (10, 10), "red").save(buffer, fmt)
        return buffer.getvalue()

    person = c.filled["person"].id
    lib = c.library
    out = [
        refused(lambda: lib.set_photo(person, b"")),
        refused(lambda: lib.set_photo(person, b"day khong phai anh")),
        refused(lambda: lib.set_photo(person, picture("PPM"))),
    ]
    # photos sets Pillow's own limit from MAX_INPUT_PIXELS: put it back after the case too,
    # or every later picture probe in this process is refused (a 10-pixel limit)
    c.monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", Image.MAX_IMAGE_PIXELS)
    c.monkeypatch.setattr(photos, "MAX_INPUT_PIXELS", 10)
    out.append(refused(lambda: lib.set_photo(person, picture("PNG"))))
    c.monkeypatch.setattr(photos, "MAX_INPUT_BYTES", 10)
    out.append(refused(lambda: lib.set_photo(person, picture("PNG"))))
    return out


@case
def export_to_read_only_places(c: Ctx) -> list[Shown]:
    from briefbook import export_paths

    book = _book(c, ceiling="Internal")
    folder = c.tmp / "chỉ đọc"
    folder.mkdir()
    locked = c.tmp / "đang mở.pdf"
    locked.write_bytes(b"old")
    c.data.update({str(folder), str(folder / "sổ.pdf"), str(locked)})
    # as root every place is writable: refuse as a read-only folder and a file open in Word would
    c.monkeypatch.setattr(export_paths.os, "access", lambda path, mode: Path(path) not in (folder, locked))
    options = ExportOptions(formats=("pdf",))
    return [
        refused(lambda: export_book(c.library, book.id, folder / "sổ.pdf", options), "export"),
        refused(lambda: export_book(c.library, book.id, locked, options), "export"),
    ]


# the store's and the renderers' cases register themselves here
from tests.ui import render_message_cases, store_message_cases  # noqa: E402, F401
