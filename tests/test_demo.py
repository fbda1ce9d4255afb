"""The demo library: it loads in one go, holds the facts of the two articles, and marks what is invented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefbook.demo import DEMO_FILE, create_demo_library, load_demo, read_demo
from briefbook.errors import Conflict, ValidationError
from briefbook.library import (
    Book,
    Event,
    Library,
    Meeting,
    Organisation,
    Person,
    Statement,
    TalkingPoint,
    Topic,
)
from briefbook.library.books import default_sections, sections
from briefbook.library.records import RECORD_TYPES, TALKING_POINT_KINDS

EXAMPLE_MARKS = ("ví dụ", "example")
BOOK_TITLE = "Tài liệu chuẩn bị cho Đoàn: Hội nghị quốc tế Đối tác toàn cầu chống lừa đảo trực tuyến"


@pytest.fixture
def demo(tmp_path):
    library = Library.create(tmp_path / "demo.briefbook")
    counts = load_demo(library)
    yield library, counts
    library.close()


@pytest.fixture
def lib(demo):
    return demo[0]


def person(lib: Library, name: str) -> Person:
    (found,) = [p for p in lib.list(Person) if name in (p.name, p.name_romanised)]
    return found


def event(lib: Library) -> Event:
    (found,) = lib.list(Event)
    return found


# -- counts and health ----------------------------------------------------------


def test_counts_are_those_in_the_library(demo):
    lib, counts = demo
    assert counts == {kind: lib.count(cls) for kind, cls in RECORD_TYPES.items()}
    assert counts["event"] == 1
    assert counts["book"] == 1
    assert counts["meeting"] >= 6
    assert counts["person"] >= 6
    assert counts["organisation"] >= 12
    assert counts["topic"] >= 6
    assert counts["statement"] >= 6
    assert counts["talking_point"] >= 15


def test_library_is_healthy(lib):
    assert lib.check() == []


def test_every_text_is_kept_as_written(lib):
    """Vietnamese is stored composed (NFC) with its marks, Thai in its own script."""
    assert event(lib).title == "Hội nghị quốc tế Đối tác toàn cầu chống lừa đảo trực tuyến"
    assert person(lib, "Sihasak Phuangketkeow").name == "สีหศักดิ์ พวงเกตุแก้ว"


# -- search -----------------------------------------------------------------------


def test_search_without_marks_finds_le_anh_tuan(lib):
    hits = lib.search("tuan", kinds=("person",))
    assert any("Lê Anh Tuấn" in h.title for h in hits)


def test_search_finds_thai_name_and_romanised_name(lib):
    sihasak = person(lib, "Sihasak Phuangketkeow")
    assert sihasak.id in {h.id for h in lib.search("พวงเกตุ")}
    assert sihasak.id in {h.id for h in lib.search("sihasak")}


def test_search_finds_vietnamese_without_diacritics(lib):
    kinds = {h.kind for h in lib.search("lua dao truc tuyen")}
    assert {"event", "topic", "statement", "talking_point"} <= kinds


# -- event, meetings, delegation ------------------------------------------------------


def test_event_is_bangkok_17_18_december_2025(lib):
    bangkok = event(lib)
    assert (bangkok.start_date, bangkok.end_date) == ("2025-12-17", "2025-12-18")
    assert bangkok.city == "Bangkok"
    assert bangkok.country == "Thái Lan"
    assert "Bộ Ngoại giao Thái Lan" in bangkok.hosts and "UNODC" in bangkok.hosts
    assert "Vienna" in bangkok.scene_setter and "3/2026" in bangkok.scene_setter
    assert bangkok.objectives


def test_delegation_is_led_by_le_anh_tuan(lib):
    delegation = lib.delegation(event(lib).id)
    head = delegation[0]
    assert head.person.name == "Lê Anh Tuấn" and head.role == "Trưởng đoàn"
    assert head.person.position == "Thứ trưởng Bộ Ngoại giao"
    for member in delegation[1:]:
        assert "(ví dụ)" in member.person.name and "(ví dụ)" in member.role


def test_opening_session_has_le_anh_tuan_as_fifth_speaker(lib):
    (opening,) = lib.list(Meeting, where={"kind": "plenary"})
    assert opening.starts_at.startswith("2025-12-17")
    assert "thứ 5" in opening.purpose
    people = {p.person.name: p.role for p in lib.participants(opening.id)}
    assert people["Lê Anh Tuấn"] == "delegation"
    assert people["สีหศักดิ์ พวงเกตุแก้ว"] == "speaker"
    assert people["Delphine Schantz"] == "speaker"


def test_sessions_are_the_four_themes_of_the_article(lib):
    titles = " ".join(m.title for m in lib.list(Meeting, where={"kind": "session"}))
    for theme in ("Truy tố", "Bảo vệ", "Thực thi pháp luật", "trí tuệ nhân tạo"):
        assert theme in titles
    assert len(lib.list(Meeting, where={"kind": "session"})) == 4


def test_bilateral_is_an_example_with_a_thai_counterpart(lib):
    (bilateral,) = lib.list(Meeting, where={"kind": "bilateral"})
    assert "(ví dụ)" in bilateral.title
    counterparts = [p.person for p in lib.participants(bilateral.id) if p.role == "counterpart"]
    assert [p.name_romanised for p in counterparts] == ["Sihasak Phuangketkeow"]


def test_every_meeting_has_topics_and_participants_on_the_event(lib):
    bangkok = event(lib)
    for meeting in lib.list(Meeting):
        assert meeting.event_id == bangkok.id
        assert bangkok.start_date <= meeting.starts_at[:10] <= bangkok.end_date
        assert lib.meeting_topics(meeting.id), meeting.title
        assert lib.participants(meeting.id), meeting.title


# -- people and organisations ------------------------------------------------------------


def test_people_have_the_positions_the_articles_give(lib):
    assert "Bộ trưởng Ngoại giao Thái Lan" in person(lib, "Sihasak Phuangketkeow").position
    schantz = person(lib, "Delphine Schantz")
    assert "UNODC" in schantz.position and "Đông Nam Á và Thái Bình Dương" in schantz.position
    assert "UNOCD" in schantz.notes  # the article's misspelling is recorded, not repeated
    assert "Tổng Thư ký Liên hợp quốc" in person(lib, "António Guterres").position
    assert "Cao ủy Nhân quyền" in person(lib, "Volker Türk").position
    assert person(lib, "Phạm Thu Hằng").position == "Người phát ngôn Bộ Ngoại giao"
    unodc = lib.get(Organisation, schantz.organisation_id)
    assert unodc.acronym == "UNODC"


def test_organisations_named_in_the_articles(lib):
    acronyms = {o.acronym for o in lib.list(Organisation)}
    assert {"UNODC", "INTERPOL", "FATF", "ASEAN", "UN", "OHCHR", "GASA"} <= acronyms
    names = {o.name for o in lib.list(Organisation)}
    assert {
        "Bộ Ngoại giao Thái Lan",
        "Bộ Ngoại giao Việt Nam",
        "Chính phủ Vương quốc Anh",
        "Đại sứ quán Việt Nam tại Thái Lan",
        "Đại sứ quán Việt Nam tại Myanmar",
    } <= names


def test_no_photos(lib):
    assert all(lib.photo(p.id) is None for p in lib.list(Person))


# -- topics, statements, talking points ----------------------------------------------------


def test_topics_have_vietnamese_backgrounds_and_talking_points(lib):
    titles = " ".join(t.title for t in lib.list(Topic))
    for words in ("Công ước Hà Nội", "ASEAN", "bằng chứng điện tử", "Myanmar", "Vienna", "an ninh mạng"):
        assert words in titles
    for topic in lib.list(Topic):
        assert len(topic.background) > 100, topic.title
        assert lib.count(TalkingPoint, where={"topic_id": topic.id}) >= 1, topic.title
    (citizens,) = [t for t in lib.list(Topic) if "Myanmar" in t.title]
    assert "khoảng 70 công dân" in citizens.background and "22/10" in citizens.background


def test_statements_have_speaker_date_occasion_source_and_topics(lib):
    for statement in lib.list(Statement):
        assert statement.speaker_id and statement.speaker_name, statement.text[:60]
        assert statement.date in ("2025-11-06", "2025-12-17")
        assert statement.occasion and statement.source and statement.text
        assert lib.statement_topics(statement.id), statement.text[:60]
        if statement.date == "2025-12-17":
            assert statement.source == "TTXVN, 17/12/2025"
        else:
            assert statement.source == "Họp báo thường kỳ Bộ Ngoại giao, 6/11/2025"


def test_statements_carry_the_articles_words(lib):
    def said_by(name: str) -> str:
        return " ".join(s.text for s in lib.list(Statement) if s.speaker_name == name)

    sihasak = said_by("Sihasak Phuangketkeow")
    assert "cá nhỏ" in sihasak and "cá lớn" in sihasak and "Công ước Hà Nội" in sihasak
    tuan = said_by("Lê Anh Tuấn")
    for words in ("3 trụ cột", "Tuyên bố Vientiane", "bằng chứng điện tử", "ghi nhận Tuyên bố chung"):
        assert words in tuan
    assert "giải pháp chung" in said_by("Delphine Schantz")
    hang = said_by("Phạm Thu Hằng")
    for words in (
        "không bình luận",
        "hành lang pháp lý",
        "Lễ mở ký",
        "khoảng 70 công dân",
        "thủ tục lãnh sự",
    ):
        assert words in hang


def test_talking_points_are_varied(lib):
    points = lib.list(TalkingPoint)
    assert len(points) >= 15
    kinds = {p.kind for p in points}
    assert len(kinds) >= 4 and kinds <= set(TALKING_POINT_KINDS)
    assert len({p.topic_id for p in points}) >= 5
    statuses = [p.status for p in points]
    assert {"draft", "for_clearance", "cleared"} <= set(statuses)
    assert statuses.count("cleared") > len(points) / 2
    languages = [p.language for p in points]
    assert "en" in languages and languages.count("vi") > len(points) / 2
    levels = [p.classification for p in points]
    assert levels.count("Secret") >= 1 and levels.count("Confidential") >= 1
    assert levels.count("Public") + levels.count("Internal") > len(points) / 2
    for point in points:
        assert point.drafted_by
        if point.kind == "qa":
            assert point.question
        if point.status == "cleared":
            assert point.cleared_by and point.cleared_on
        else:
            assert not point.cleared_by and not point.cleared_on


# -- the book -------------------------------------------------------------------------------


def test_demo_book_has_every_default_section(lib):
    (book,) = lib.list(Book)
    assert book.event_id == event(lib).id
    assert book.title == BOOK_TITLE
    assert book.recipient == "Kính gửi: Thứ trưởng Lê Anh Tuấn, Trưởng đoàn"
    assert book.ceiling == "Confidential" and book.drafts == "mark"
    assert book.language == "vi" and book.copy_number == "01"
    assert book.author == "Vụ Các tổ chức quốc tế (ví dụ)"
    assert "(ví dụ)" in book.drafted_by and "(ví dụ)" in book.cleared_by
    assert [s.kind for s in sections(book)] == [s.kind for s in default_sections("vi")]
    assert all(s.include and s.items is None for s in sections(book))


def test_ceiling_leaves_something_out(lib):
    (book,) = lib.list(Book)
    ceiling = lib.level_rank(book.ceiling)
    assert any(lib.level_rank(p.classification) > ceiling for p in lib.list(TalkingPoint))


# -- the source file ---------------------------------------------------------------------------


def test_source_file_names_its_articles():
    data = read_demo()
    assert "TTXVN" in data["_note"] and "17 December" in data["_note"]
    assert "press briefing of 6 November" in data["_note"]
    DEMO_FILE.read_bytes().decode("utf-8")  # UTF-8, Vietnamese written as is
    assert "Lê Anh Tuấn" in DEMO_FILE.read_text(encoding="utf-8")


def _entries(data: dict):
    for name, entries in data.items():
        if not name.startswith("_"):
            yield from ((name, e) for e in entries)


def _texts(value) -> str:
    if isinstance(value, dict):
        return " ".join(_texts(v) for v in value.values())
    if isinstance(value, list):
        return " ".join(_texts(v) for v in value)
    return value if isinstance(value, str) else ""


def test_invented_content_says_so_in_the_record():
    for name, entry in _entries(read_demo()):
        if entry.get("example") or entry.get("example_fields"):
            visible = _texts({k: v for k, v in entry.items() if k not in ("key", "example_fields")})
            assert any(mark in visible for mark in EXAMPLE_MARKS), (name, entry.get("key"))


def test_example_fields_name_real_fields():
    for name, entry in _entries(read_demo()):
        for field in entry.get("example_fields", []):
            assert field in entry, (name, entry.get("key"), field)


# -- loading and creating ------------------------------------------------------------------------


def test_create_demo_library_writes_a_new_file(tmp_path):
    path = create_demo_library(tmp_path / "demo.briefbook")
    with Library.open(path) as lib:
        assert lib.count(Event) == 1 and lib.count(Book) == 1
        assert lib.check() == []


def test_create_demo_library_never_overwrites(tmp_path):
    path = tmp_path / "mine.briefbook"
    path.write_bytes(b"my own work")
    with pytest.raises(Conflict):
        create_demo_library(path)
    assert path.read_bytes() == b"my own work"


def test_a_mistake_in_the_data_leaves_the_library_untouched(tmp_path):
    data = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    data["talking_points"][-1]["topic"] = "no-such-topic"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with Library.create(tmp_path / "lib.briefbook") as lib:
        with pytest.raises(ValidationError, match="no-such-topic"):
            load_demo(lib, source=broken)
        assert all(lib.count(cls) == 0 for cls in RECORD_TYPES.values())
        assert lib.check() == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["people"][0].update(nickname="x"), "unknown field 'nickname'"),
        (lambda d: d["meetings"][0].update(event="le-anh-tuan"), "names a person"),
        (lambda d: d["topics"].append(dict(d["topics"][0])), "two items with the key"),
        (lambda d: d.update(photos=[]), "unknown list 'photos'"),
    ],
)
def test_mistakes_in_the_data_are_explained(tmp_path, change, message):
    data = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    change(data)
    source = tmp_path / "data.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with Library.create(tmp_path / "lib.briefbook") as lib, pytest.raises(ValidationError, match=message):
        load_demo(lib, source=source)


def test_failed_creation_leaves_no_file(tmp_path, monkeypatch):
    def fail(library, **kwargs):
        raise ValidationError("broken demo data")

    monkeypatch.setattr("briefbook.demo.loader.load_demo", fail)
    path = tmp_path / "demo.briefbook"
    with pytest.raises(ValidationError):
        create_demo_library(path)
    assert not path.exists()
    assert not Path(f"{path}-wal").exists()
