"""Hostile and broken input: one table of cases, each with what must happen.

Every case either **works** or fails with **a plain message** (a ``BriefBookError``
whose text is matched here); nothing else may escape. After every case the
library is checked: everything that was in it is still there, unchanged, and
``Library.check()`` (integrity, links, search index) finds no problem.

The text cases store the string in every text field of every kind of item and
read it back: what comes back is the string after the documented cleaning
(``briefbook.text.clean``: NFC, control characters dropped, ``\\x0b``/``\\x0c`` as
line/paragraph breaks; one-line fields also fold whitespace) and nothing else.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import sqlite3
import struct
import sys
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from briefbook.errors import BriefBookError, LibraryFileError, NewerVersionError, ValidationError
from briefbook.export import ExportOptions, export_book
from briefbook.library import (
    Book,
    Event,
    Library,
    Meeting,
    Organisation,
    Person,
    Record,
    Statement,
    TalkingPoint,
    Topic,
)
from briefbook.library.books import new_book, save_sections, sections
from briefbook.library.records import MAX_LINE, MAX_TEXT, RECORD_TYPES
from briefbook.library.rules import DATE_FIELDS, DATETIME_FIELDS
from briefbook.text import clean, clean_line

WORKS = "works"
MARKUP = 'R&D <b>not bold</b> </para> <img src="/etc/passwd"> ]]> <![CDATA[x]]> &amp; &#0; <br/>'
RL_MARKUP = (
    '<font name="Courier" size="40">big</font> <para>p</para> <seq id="x"/> <onDraw name="f"/> '
    '<a href="javascript:x">l</a>'
)
XML_ATTACK = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'


@dataclass
class Env:
    lib: Library
    path: Path
    tmp: Path
    filled: dict
    book_id: str


@dataclass(frozen=True)
class Case:
    id: str
    run: Callable[[Env], object]
    expect: str = WORKS  # or a regular expression the plain message must match
    error: type[Exception] = BriefBookError
    changes: tuple[str, ...] = ()  # items of ``filled`` (or "book", or "*") the case changes on purpose
    known_bug: str = ""  # a strict xfail: the case fails today for this reason (not the store's)


@pytest.fixture
def env(library: Library, library_path: Path, filled: dict, tmp_path: Path) -> Env:
    book = new_book(library, filled["event"].id, language="en")
    library.set_photo(filled["person"].id, _jpeg(60, 80))
    return Env(library, library_path, tmp_path, filled, book.id)


# -- text in every field ------------------------------------------------------------------


def _text_fields(cls: type[Record]) -> list[str]:
    skip = {
        "id",
        "created_at",
        "updated_at",
        "classification",
        "ceiling",
        "sections",
        "template",
        "last_export_at",
    }
    return [
        f.name
        for f in fields(cls)
        if f.type == "str"
        and f.name not in skip
        and f.name not in cls.CHOICES
        and not f.name.endswith("_id")
        and f.name not in DATE_FIELDS | DATETIME_FIELDS  # real dates only: see tests/library/test_rules.py
    ]


def _values(cls: type[Record], text: str) -> dict[str, str]:
    """``text`` in every text field (one-line fields: as much as they hold); required ones get a
    word in front so that they are never empty."""
    values = {}
    for name in _text_fields(cls):
        value = text if name in cls.MARKDOWN else text[: MAX_LINE - 4]
        values[name] = f"Tên {value}" if name in cls.REQUIRED else value
    return values


def _everywhere(env: Env, text: str) -> list[Record]:
    """One item of every kind, linked into the book's event, with ``text`` in every text field."""
    lib, f = env.lib, env.filled
    org = lib.add(Organisation(**_values(Organisation, text)))
    person = lib.add(Person(organisation_id=org.id, **_values(Person, text)))
    event = lib.get(Event, f["event"].id)
    meeting = lib.add(Meeting(event_id=event.id, **_values(Meeting, text)))
    topic = lib.add(Topic(**_values(Topic, text)))
    point = lib.add(TalkingPoint(topic_id=topic.id, status="cleared", **_values(TalkingPoint, text)))
    statement = lib.add(Statement(speaker_id=person.id, **_values(Statement, text)))
    book = lib.add(Book(event_id=event.id, **_values(Book, text)))
    lib.set_participant(meeting.id, person.id, "counterpart")
    lib.link_topic(meeting.id, topic.id)
    lib.link_topic(statement.id, topic.id)
    return [org, person, meeting, topic, point, statement, book]


def _round_trips(env: Env, text: str) -> list[Record]:
    items = _everywhere(env, text)
    for item in items:
        cls = type(item)
        stored = env.lib.get(cls, item.id)
        for name, sent in _values(cls, text).items():
            want = clean(sent) if name in cls.MARKDOWN else clean_line(sent)
            assert getattr(stored, name) == want, f"{cls.KIND}.{name}"
    env.lib.search(text)  # searching for the text itself never raises
    return items


def stored(text: str, *, find: str | None = None, check: Callable[[Topic], None] | None = None):
    def run(env: Env) -> None:
        items = _round_trips(env, text)
        topic = next(i for i in items if isinstance(i, Topic))
        if find is not None:
            assert topic.id in {h.id for h in env.lib.search(find, limit=500)}, f"'{find}' does not find it"
        if check is not None:
            check(env.lib.get(Topic, topic.id))

    return run


def _no_controls(topic: Topic) -> None:
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\ud800-\udfff]", topic.background)


def _nfc(topic: Topic) -> None:
    assert unicodedata.is_normalized("NFC", topic.background) and "lừa đảo" in topic.background


def too_long(field_kind: str):
    def run(env: Env) -> None:
        topic = env.filled["topic"]
        if field_kind == "title":
            env.lib.update(Topic, topic.id, title="T" * (MAX_LINE + 1))
        else:
            env.lib.update(Topic, topic.id, background="x" * (MAX_TEXT + 1))

    return run


def longest(env: Env) -> None:
    title = "Tiêu đề " + "dài " * 80
    title = title[:MAX_LINE]
    body = ("Đoạn văn rất dài về hợp tác chống lừa đảo trực tuyến. " * 20_000)[:MAX_TEXT]
    topic = env.lib.add(Topic(title=title, background=body))
    got = env.lib.get(Topic, topic.id)
    assert got.title == clean_line(title) and len(got.background) == MAX_TEXT
    assert topic.id in {h.id for h in env.lib.search("hop tac chong")}


def thousand_points(env: Env) -> None:
    topic = env.filled["topic"]
    with env.lib.transaction():
        for i in range(1000):
            env.lib.add(TalkingPoint(topic_id=topic.id, text=f"Điểm số {i}: *quan trọng*", status="cleared"))
    points = env.lib.list(TalkingPoint, where={"topic_id": topic.id}, order_by="position")
    assert len(points) == 1001 and [p.position for p in points] == list(range(1, 1002))
    env.lib.reorder_talking_points(topic.id, [points[-1].id])
    assert (
        env.lib.list(TalkingPoint, where={"topic_id": topic.id}, order_by="position")[0].id == points[-1].id
    )
    assert env.lib.search("diem so 999")


def blank_title(env: Env) -> None:
    env.lib.add(Topic(title="\x00 \t\x1b\x07\r\n"))


TEXT_CASES = [
    Case("nul", stored("Nul\x00byte ở giữa", find="nulbyte", check=_no_controls)),
    Case(
        "vertical-tab",
        stored("dòng một\x0bdòng hai", check=lambda t: _assert("dòng một\ndòng hai" in t.background)),
    ),
    Case("form-feed", stored("trang một\x0ctrang hai", check=lambda t: _assert("\n\n" in t.background))),
    Case("escape", stored("\x1b[31mđỏ\x1b[0m", check=_no_controls)),
    Case("noncharacter", stored("a\ufffeb\uffffc", find="abc", check=_no_controls)),
    Case("lone-surrogates", stored("trước\ud800giữa\udfffsau", find="truocgiuasau", check=_no_controls)),
    Case("crlf-and-tabs", stored("một\r\nhai\rba\tbốn", check=lambda t: _assert("\r" not in t.background))),
    Case("markup", stored(MARKUP, find="passwd")),
    Case("reportlab-markup", stored(RL_MARKUP, find="courier")),
    Case("xml-entity-attack", stored(XML_ATTACK, find="passwd")),
    Case("sql-injection", stored("'); DROP TABLE topics; --", find="drop table")),
    Case(
        "markdown-tricks",
        stored("[link](javascript:alert(1)) ![img](/etc/passwd) <script>x</script>", find="alert"),
    ),
    Case(
        "nfd-vietnamese",
        stored(unicodedata.normalize("NFD", "Chống lừa đảo trực tuyến"), find="lua dao", check=_nfc),
    ),
    Case("thai", stored("สีหศักดิ์ พวงเกตุแก้ว รัฐมนตรีว่าการกระทรวงการต่างประเทศ", find="พวงเกตุ")),
    Case("arabic-rtl", stored("مؤتمر مكافحة الاحتيال عبر الإنترنت", find="الاحتيال")),
    Case("hebrew-with-override", stored("\u202eשלום\u202c עולם", find="עולם")),
    Case("emoji", stored("Việt Nam 🇻🇳 👍🏽 👨‍👩‍👧 ❤️", find="viet nam")),
    Case("zero-width", stored("zero\u200bwidth\u200c\u200djoin\ufeffBOM", find="zero")),
    Case("zalgo", stored("Z" + "\u0301\u0302\u0303" * 90 + "algo", find="zalgo")),
    Case("one-long-word", stored("a" * 100_000, find="a" * 20)),
    Case("line-field-at-300", stored("x" * (MAX_LINE - 4), find="x" * 10)),
    Case("text-of-1-MB", longest),
    Case("title-of-301-characters", too_long("title"), "too long .*at most 300", changes=("topic",)),
    Case("text-over-1-MB", too_long("text"), "too long .*at most 1,000,000", changes=("topic",)),
    Case("title-of-only-invisible-characters", blank_title, "needs a title"),
    Case("1000-talking-points-in-one-topic", thousand_points, changes=("point",)),
]


def _assert(condition: bool) -> None:
    assert condition


# -- photos -------------------------------------------------------------------------------


def _jpeg(width: int, height: int, mode: str = "RGB", **save) -> bytes:
    out = io.BytesIO()
    Image.new(mode, (width, height), "red" if mode == "RGB" else None).save(out, format="JPEG", **save)
    return out.getvalue()


def _png_header_only(width: int, height: int) -> bytes:
    """A valid PNG that claims a huge size (the pixels are never there)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def _gif_animated() -> bytes:
    frames = [Image.new("P", (30, 20), i) for i in (1, 2, 3)]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return out.getvalue()


def _exif_rotated() -> bytes:
    image = Image.new("RGB", (40, 20), "blue")
    exif = image.getexif()
    exif[0x0112] = 6  # orientation: rotate 90° to display
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def _transparent_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (20, 20), (0, 0, 0, 0)).save(out, format="PNG")
    return out.getvalue()


def photo(data: Callable[[], bytes], check: Callable[[Image.Image], None] | None = None):
    def run(env: Env) -> None:
        person = env.filled["person"].id
        previous = env.lib.photo(person)
        try:
            env.lib.set_photo(person, data())
        except BriefBookError:
            assert env.lib.photo(person) == previous, "a refused photo must not remove the one there"
            raise
        stored_image = Image.open(io.BytesIO(env.lib.photo(person) or b""))
        assert stored_image.mode in ("RGB", "RGBA") and max(stored_image.size) <= 1600
        if check:
            check(stored_image)

    return run


PHOTO_CASES = [
    Case(
        "photo-corrupt",
        photo(lambda: _jpeg(200, 200)[:400]),
        "not a picture BriefBook can read",
        ValidationError,
    ),
    Case(
        "photo-garbage-after-header",
        photo(lambda: b"\xff\xd8\xff\xe0" + os.urandom(5000)),
        "not a picture",
        ValidationError,
    ),
    Case("photo-40000x40000", photo(lambda: _png_header_only(40_000, 40_000)), "too large", ValidationError),
    Case("photo-10000x10000", photo(lambda: _png_header_only(10_000, 10_000)), "too large", ValidationError),
    Case(
        "photo-not-an-image",
        photo(lambda: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
        "not a picture",
        ValidationError,
    ),
    Case(
        "photo-svg",
        photo(lambda: b'<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>'),
        "not a picture",
        ValidationError,
    ),
    Case("photo-empty", photo(lambda: b""), "empty", ValidationError),
    Case(
        "photo-over-40-MB",
        photo(lambda: b"\xff\xd8" + b"\x00" * (41 * 1024 * 1024)),
        "larger than 40 MB",
        ValidationError,
    ),
    Case("photo-animated-gif", photo(_gif_animated, lambda im: _assert(im.size == (30, 20)))),
    Case(
        "photo-cmyk",
        photo(lambda: _jpeg(50, 30, "CMYK"), lambda im: _assert(im.mode == "RGB" and im.size == (50, 30))),
    ),
    Case("photo-exif-rotated", photo(_exif_rotated, lambda im: _assert(im.size == (20, 40)))),
    Case("photo-transparent-png", photo(_transparent_png, lambda im: _assert(im.mode == "RGBA"))),
    Case(
        "photo-huge-but-allowed",
        photo(lambda: _jpeg(4000, 3000), lambda im: _assert(im.size == (1600, 1200))),
    ),
]


# -- library files ----------------------------------------------------------------------------


def library_file(make: Callable[[Env, Path], None], *, writes: bool = False):
    """Open a library file made by ``make``; the bytes must be the same afterwards, whatever happens."""

    def run(env: Env) -> None:
        path = env.tmp / "other.briefbook"
        make(env, path)
        before = path.read_bytes() if path.is_file() else None
        try:
            with Library.open(path) as lib:
                lib.search("a")
                assert lib.check() == []
                if writes:
                    lib.add(Topic(title="Thêm"))
        finally:
            if before is not None and not writes:
                assert path.read_bytes() == before, "the file was modified"

    return run


def _copy_of_env(env: Env, path: Path) -> None:
    env.lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(env.path, path)


def _newer(env: Env, path: Path) -> None:
    _copy_of_env(env, path)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('briefbook', '9999_x', 'x')"
    )
    conn.commit()
    conn.close()


def _other_sqlite(env: Env, path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE mail (x)")
    conn.commit()
    conn.close()


def _garbage_wal(env: Env, path: Path) -> None:
    _copy_of_env(env, path)
    Path(f"{path}-wal").write_bytes(os.urandom(8192))


def read_only(env: Env) -> None:
    _copy_of_env(env, env.tmp / "ro.briefbook")
    path = env.tmp / "ro.briefbook"
    before = path.read_bytes()
    with Library.open(path, read_only=True) as lib:
        assert lib.read_only and lib.count(Topic) == 1 and lib.search("cong uoc")
        try:
            lib.add(Topic(title="Không lưu được"))
        finally:
            assert lib.count(Topic) == 1
            assert path.read_bytes() == before


def read_only_by_chmod(env: Env) -> None:
    if os.geteuid() == 0 if hasattr(os, "geteuid") else False:
        pytest.skip("root writes to read-only files: see the read-only (mode=ro) case")
    path = env.tmp / "chmod.briefbook"
    _copy_of_env(env, path)
    path.chmod(0o444)
    with Library.open(path) as lib:
        assert lib.read_only
        lib.add(Topic(title="Không lưu được"))


def full_disk(env: Env) -> None:
    """SQLite's "database or disk is full", simulated with max_page_count: nothing half-written."""
    lib = env.lib
    pages = lib.db.execute("PRAGMA page_count").fetchone()[0]
    lib.db.execute(f"PRAGMA max_page_count = {pages + 2}")
    try:
        with lib.transaction():
            lib.add(Topic(title="Trước khi đầy"))
            lib.add(Topic(title="Quá lớn", background="chữ " * 200_000))
    finally:
        lib.db.execute("PRAGMA max_page_count = 1073741823")
        titles = {t.title for t in lib.list(Topic)}
        assert "Trước khi đầy" not in titles and "Quá lớn" not in titles  # the whole action, or nothing
        assert lib.check() == []
        lib.add(Topic(title="Sau khi dọn chỗ"))  # and work goes on once there is room


FILE_CASES = [
    Case("file-empty", library_file(lambda e, p: p.write_bytes(b"")), "is empty", LibraryFileError),
    Case(
        "file-truncated",
        library_file(lambda e, p: (_copy_of_env(e, p), p.write_bytes(p.read_bytes()[:9000]))),
        "damaged",
        LibraryFileError,
    ),
    Case(
        "file-60-bytes",
        library_file(lambda e, p: (_copy_of_env(e, p), p.write_bytes(p.read_bytes()[:60]))),
        "cut short",
        LibraryFileError,
    ),
    Case(
        "file-random-bytes",
        library_file(lambda e, p: p.write_bytes(os.urandom(50_000))),
        "not a BriefBook library",
        LibraryFileError,
    ),
    Case(
        "file-text",
        library_file(lambda e, p: p.write_text("Đây là một tệp văn bản.")),
        "not a BriefBook library",
        LibraryFileError,
    ),
    Case(
        "file-other-sqlite",
        library_file(_other_sqlite),
        "SQLite database, but not a BriefBook library",
        LibraryFileError,
    ),
    Case("file-newer-version", library_file(_newer), "newer version of BriefBook", NewerVersionError),
    Case("file-is-a-folder", library_file(lambda e, p: p.mkdir()), "is a folder", LibraryFileError),
    Case("file-missing", library_file(lambda e, p: None), "There is no BriefBook library", LibraryFileError),
    Case("file-garbage-wal-beside-it", library_file(_garbage_wal, writes=True)),
    Case("file-read-only", read_only, "read-only; changes cannot be saved"),
    Case("file-read-only-chmod", read_only_by_chmod, "read-only; changes cannot be saved"),
    Case("file-on-a-full-disk", full_disk, "The disk is full; your change was not saved"),
]


# -- search ---------------------------------------------------------------------------------


def search(query: str, *, finds: str | None = None):
    def run(env: Env) -> None:
        hits = env.lib.search(query)
        assert isinstance(hits, list)
        if finds is not None:
            assert finds in {h.title for h in hits}, f"{query!r} should find {finds!r}"

    return run


SEARCH_STRINGS = [
    ('"', None),
    ('"Công ước', "Công ước Hà Nội"),
    ('"Công ước Hà Nội"', "Công ước Hà Nội"),
    ("*", None),
    ("cong*", "Công ước Hà Nội"),
    ("*uoc", None),
    ("AND", None),
    ("OR NOT", None),
    ("cong OR nothing", None),
    ("NEAR(cong uoc, 2)", None),
    ("title:cong", None),
    ("{title body}: cong", None),
    ("^cong", "Công ước Hà Nội"),
    ("(cong", "Công ước Hà Nội"),
    ("cong -uoc", "Công ước Hà Nội"),
    ("+cong", "Công ước Hà Nội"),
    ("'; DROP TABLE search_docs; --", None),
    ("%", None),
    ("_", None),
    ("\\", None),
    ("", None),
    ("   \t\n", None),
    ("\x00", None),
    ("\ud800", None),
    ("cong " * 2000, None),
    ("ก", None),
    ("ก%_", None),
    ("สีหศักดิ์", "สีหศักดิ์ พวงเกตุแก้ว (Sihasak Phuangketkeow)"),
    ("🇻🇳", None),
    ("الاحتيال", None),
    ("lua dao", None),
]

SEARCH_CASES = [
    Case(f"search-{i:02d}-{re.sub(r'[^a-z]+', '', q.lower())[:12] or 'symbols'}", search(q, finds=f))
    for i, (q, f) in enumerate(SEARCH_STRINGS)
]


# -- exports --------------------------------------------------------------------------------


def _read_back(paths: list[Path]) -> dict[str, str]:
    texts = {}
    for path in paths:
        if path.suffix == ".pdf":
            texts["pdf"] = unicodedata.normalize(
                "NFC", "\n".join(p.extract_text() for p in PdfReader(path).pages)
            )
        else:
            with zipfile.ZipFile(path) as z:
                xml = z.read("word/document.xml").decode("utf-8")
            runs = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)
            texts["docx"] = (
                "".join(runs)
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", '"')
                .replace("&amp;", "&")
            )
    return texts


def export(
    prepare: Callable[[Env], str | None] | None = None,
    *,
    expect_in: tuple[str, ...] = (),
    absent: tuple[str, ...] = (),
    target: str = "out/book",
    **options,
):
    def run(env: Env) -> None:
        book_id = (prepare(env) if prepare else None) or env.book_id
        (env.tmp / "out").mkdir(exist_ok=True)
        paths = export_book(env.lib, book_id, env.tmp / target, ExportOptions(**options))
        texts = _read_back(paths)
        for fmt, text in texts.items():
            flat = " ".join(text.split())
            for wanted in expect_in:
                assert wanted in flat, f"{wanted!r} missing from the {fmt}"
            for unwanted in absent:
                assert unwanted not in flat, f"{unwanted!r} leaked into the {fmt}"

    return run


def _markup_everywhere(env: Env) -> None:
    _everywhere(env, MARKUP)
    _everywhere(env, RL_MARKUP)


def _hostile_everywhere(env: Env) -> None:
    for text in (
        "Nul\x00 \x1b[0m \ufffe \ud800 \x0b \x0c",
        unicodedata.normalize("NFD", "lừa đảo"),
        "مرحبا שלום 🇻🇳 👨‍👩‍👧 zero\u200bwidth",
    ):
        _everywhere(env, text)


def _thai_title(env: Env) -> None:
    _everywhere(env, "สวัสดี")


def _folder_in_the_way(env: Env) -> None:
    (env.tmp / "out" / "book.pdf").mkdir(parents=True)


def _big_texts(env: Env) -> None:
    topic = env.filled["topic"]
    env.lib.update(Topic, topic.id, title="T" * 300, background=("Một đoạn rất dài. " * 6000))
    env.lib.add(TalkingPoint(topic_id=topic.id, status="cleared", text="Điểm " + "rất dài " * 20_000))


def _thousand_points_in_a_meeting(env: Env) -> None:
    with env.lib.transaction():
        for i in range(1000):
            env.lib.add(TalkingPoint(topic_id=env.filled["topic"].id, text=f"Điểm {i}", status="cleared"))


def _empty_book(env: Env) -> str:
    book = env.lib.get(Book, env.book_id)
    save_sections(env.lib, book.id, [])
    return book.id


def _all_above_ceiling(env: Env) -> str:
    for cls in RECORD_TYPES.values():
        if "classification" in cls.field_names():
            for item in env.lib.list(cls):
                env.lib.update(cls, item.id, classification="Secret")
    book = env.lib.get(Book, env.book_id)
    env.lib.update(Book, book.id, ceiling="Internal")
    assert sections(book)
    return book.id


def _photos_of_every_kind(env: Env) -> None:
    for data in (_exif_rotated(), _jpeg(50, 30, "CMYK"), _gif_animated(), _transparent_png()):
        person = env.lib.add(Person(name="Người có ảnh"))
        env.lib.set_participant(env.filled["meeting"].id, person.id, "counterpart")
        env.lib.set_photo(person.id, data)


def _locked_target(env: Env) -> None:
    if os.geteuid() == 0 if hasattr(os, "geteuid") else False:
        pytest.skip("root writes into read-only folders")
    folder = env.tmp / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    export_book(env.lib, env.book_id, folder / "book", ExportOptions())


EXPORT_CASES = [
    Case(
        "export-markup-in-every-field",
        export(_markup_everywhere, expect_in=("R&D <b>not bold</b> </para>", '<img src="/etc/passwd">')),
    ),
    Case("export-control-nfd-rtl-emoji-zero-width", export(_hostile_everywhere, expect_in=("lừa đảo",))),
    Case(
        "export-thai-in-a-meeting-title",
        export(_thai_title, expect_in=("Tên สวัสดี",)),
    ),
    Case(
        "export-300-character-title-and-long-texts", export(_big_texts, formats=("docx",)), changes=("topic",)
    ),
    Case(
        "export-1000-talking-points-in-one-meeting",
        export(_thousand_points_in_a_meeting, expect_in=("Điểm 999",)),
    ),
    Case("export-an-empty-book", export(_empty_book)),
    Case(
        "export-every-item-above-the-ceiling",
        export(_all_above_ceiling, absent=("Công ước", "Phiên khai mạc", "Lê Anh Tuấn")),
        changes=("*",),
    ),
    Case("export-photos-of-every-kind", export(_photos_of_every_kind)),
    Case(
        "export-target-is-a-folder",
        export(_folder_in_the_way, target="out/book.pdf", formats=("pdf",)),
        "is a folder",
    ),
    Case("export-target-folder-missing", export(target="nowhere/book"), "does not exist"),
    Case("export-unknown-template", export(template="no-such-template"), "template"),
    Case("export-target-in-a-read-only-folder", _locked_target, "read-only"),
]

CASES = TEXT_CASES + PHOTO_CASES + FILE_CASES + SEARCH_CASES + EXPORT_CASES


def _snapshot(lib: Library) -> dict[str, dict]:
    return {item.id: asdict(item) for cls in RECORD_TYPES.values() for item in lib.list(cls)}


def test_the_corpus_is_big_enough() -> None:
    assert len(CASES) >= 40
    assert len({c.id for c in CASES}) == len(CASES)


def _params() -> list:
    marks = {c.id: [pytest.mark.xfail(reason=c.known_bug, strict=True)] if c.known_bug else [] for c in CASES}
    return [pytest.param(c, id=c.id, marks=marks[c.id]) for c in CASES]


@pytest.mark.parametrize("case", _params())
def test_hostile_input(case: Case, env: Env) -> None:
    before = _snapshot(env.lib)
    photo_before = env.lib.photo(env.filled["person"].id)
    if case.expect == WORKS:
        case.run(env)
    else:
        with pytest.raises(case.error, match=case.expect) as caught:
            case.run(env)
        assert "Traceback" not in str(caught.value) and "sqlite3." not in str(caught.value)
    after = _snapshot(env.lib)
    on_purpose = {env.filled[k].id for k in case.changes if k in env.filled} | {env.book_id}
    for item_id, was in before.items():  # nothing lost: every item is still there...
        assert item_id in after, f"{was} was lost"
        if item_id in on_purpose or "*" in case.changes:
            continue
        now, then = dict(after[item_id]), dict(was)  # ...and unchanged
        for d in (now, then):
            for stamp in ("updated_at", "last_export_at", "version"):
                d.pop(stamp, None)
        assert now == then, f"{item_id} changed"
    if not (case.id.startswith("photo-") and case.expect == WORKS):
        assert env.lib.photo(env.filled["person"].id) == photo_before
    assert env.lib.check() == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_root_detection_is_honest() -> None:
    """The chmod cases skip as root (root writes anyway); say so rather than pass silently."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        probe = Path(os.environ["BRIEFBOOK_DATA_DIR"]) / "probe"
        probe.parent.mkdir(parents=True, exist_ok=True)
        probe.write_text("x")
        probe.chmod(0o444)
        probe.write_text("root wrote it")  # no PermissionError: hence the mode=ro case
        assert probe.read_text() == "root wrote it"
