from __future__ import annotations

import unicodedata

import pytest

from briefbook.errors import Conflict, NotFound, ValidationError
from briefbook.library import Event, Library, Meeting, Organisation, Person, Statement, TalkingPoint, Topic


def test_add_get_update_roundtrip(library: Library) -> None:
    org = library.add(
        Organisation(name="Cơ quan phòng chống Ma túy và Tội phạm của Liên hợp quốc", acronym="UNODC")
    )
    assert len(org.id) == 36 and org.created_at and org.updated_at == org.created_at
    assert library.get(Organisation, org.id) == org
    updated = library.update("organisation", org.id, country="Áo")
    assert updated.country == "Áo" and updated.updated_at >= org.updated_at
    assert library.get("organisation", org.id).country == "Áo"


def test_text_is_stored_nfc_and_cleaned(library: Library) -> None:
    nfd = unicodedata.normalize("NFD", "Thứ trưởng Lê Anh Tuấn")
    person = library.add(Person(name=nfd + "\x00\x1b", biography="dòng 1\x0bdòng 2\x0cđoạn 2"))
    assert person.name == "Thứ trưởng Lê Anh Tuấn"
    assert unicodedata.is_normalized("NFC", person.name)
    assert person.biography == "dòng 1\ndòng 2\n\nđoạn 2"


def test_markup_and_quotes_are_kept_literally(library: Library) -> None:
    text = 'R&D <b>not bold</b> </para> <img src="/etc/passwd"> “smart” ]]>'
    topic = library.add(Topic(title="x", background=text))
    assert library.get(Topic, topic.id).background == text


def test_validation_names_the_field(library: Library) -> None:
    with pytest.raises(ValidationError, match="needs a title") as info:
        library.add(Topic(title="  "))
    assert info.value.field == "title"
    with pytest.raises(ValidationError, match="too long") as info:
        library.add(Topic(title="x" * 301))
    assert info.value.field == "title"
    with pytest.raises(ValidationError, match="status"):
        library.add(TalkingPoint(topic_id="t", text="x", status="approved"))
    with pytest.raises(ValidationError, match="classification level"):
        library.add(Topic(title="x", classification="Top Secret"))


def test_a_link_to_a_missing_item_is_a_clear_conflict(library: Library) -> None:
    with pytest.raises(Conflict, match="not in the library"):
        library.add(Meeting(event_id="no-such-event", title="x"))


def test_not_found(library: Library) -> None:
    with pytest.raises(NotFound, match="no person"):
        library.get(Person, "missing")
    with pytest.raises(NotFound):
        library.find("missing")


def test_list_filter_sort_and_count(library: Library) -> None:
    topic = library.add(Topic(title="t"))
    for i, status in enumerate(["draft", "cleared", "cleared"]):
        library.add(TalkingPoint(topic_id=topic.id, text=f"point {i}", status=status))
    cleared = library.list(TalkingPoint, where={"status": "cleared"})
    assert [p.text for p in cleared] == ["point 1", "point 2"]
    assert library.count("talking_point", where={"topic_id": topic.id}) == 3
    newest_first = library.list(TalkingPoint, order_by="text", descending=True)
    assert newest_first[0].text == "point 2"
    with pytest.raises(ValidationError):
        library.list(TalkingPoint, order_by="nonsense; DROP TABLE people")


def test_reorder_talking_points(library: Library) -> None:
    topic = library.add(Topic(title="t"))
    a, _b, c = (library.add(TalkingPoint(topic_id=topic.id, text=t)) for t in "abc")
    library.reorder_talking_points(topic.id, [c.id, a.id])
    assert [p.text for p in library.list(TalkingPoint, where={"topic_id": topic.id})] == ["c", "a", "b"]
    other = library.add(Topic(title="u"))
    stray = library.add(TalkingPoint(topic_id=other.id, text="z"))
    with pytest.raises(ValidationError):
        library.reorder_talking_points(topic.id, [stray.id])


def test_links(library: Library, filled: dict) -> None:
    meeting, thai = filled["meeting"], filled["thai"]
    assert [(p.person.name_romanised, p.role) for p in library.participants(meeting.id)] == [
        ("Sihasak Phuangketkeow", "counterpart")
    ]
    library.set_participant(meeting.id, thai.id, "chair")
    assert library.participants(meeting.id)[0].role == "chair"
    library.remove_participant(meeting.id, thai.id)
    assert library.participants(meeting.id) == []
    assert [t.title for t in library.meeting_topics(meeting.id)] == ["Công ước Hà Nội"]
    assert [t.title for t in library.statement_topics(filled["statement"].id)] == ["Công ước Hà Nội"]
    assert library.delegation(filled["event"].id)[0].role == "Trưởng đoàn"
    library.unlink_topic(meeting.id, filled["topic"].id)
    assert library.meeting_topics(meeting.id) == []
    with pytest.raises(ValidationError):
        library.set_participant(meeting.id, thai.id, "king")


def test_delete_and_undelete_bring_everything_back(library: Library, filled: dict) -> None:
    event = filled["event"]
    snapshot = library.delete(Event, event.id)
    assert library.count(Meeting) == 0
    assert library.search("khai mac") == []
    library.undelete(snapshot)
    assert library.get(Event, event.id) == event
    assert len(library.participants(filled["meeting"].id)) == 1
    assert library.delegation(event.id)[0].person.name == "Lê Anh Tuấn"
    assert [h.id for h in library.search("khai mac")] == [filled["meeting"].id]


def test_deleting_a_person_clears_and_restores_the_statement_speaker(library: Library, filled: dict) -> None:
    person, statement = filled["person"], filled["statement"]
    snapshot = library.delete(Person, person.id)
    assert library.get(Statement, statement.id).speaker_id is None
    library.undelete(snapshot)
    assert library.get(Statement, statement.id).speaker_id == person.id


def test_a_topic_with_points_cannot_be_deleted(library: Library, filled: dict) -> None:
    with pytest.raises(Conflict, match="talking points"):
        library.delete(Topic, filled["topic"].id)


def test_revisions_keep_earlier_text_and_restore_it(library: Library, filled: dict) -> None:
    point = filled["point"]
    for i in range(3):
        library.update(TalkingPoint, point.id, text=f"version {i}")
    revs = library.revisions(TalkingPoint, point.id, "text")
    assert [r.value for r in revs] == ["version 1", "version 0", point.text]
    library.restore_revision(revs[-1].id)
    assert library.get(TalkingPoint, point.id).text == point.text
    assert library.revisions(TalkingPoint, point.id, "text")[0].value == "version 2"


def test_at_least_twenty_revisions_are_kept(library: Library, filled: dict) -> None:
    point = filled["point"]
    for i in range(60):
        library.update(TalkingPoint, point.id, text=f"v{i}")
    assert 20 <= len(library.revisions(TalkingPoint, point.id, "text")) <= 50


def test_a_failed_operation_changes_nothing(library: Library, filled: dict) -> None:
    before = library.count(TalkingPoint)
    with pytest.raises(ValidationError), library.transaction():
        library.add(TalkingPoint(topic_id=filled["topic"].id, text="kept?"))
        library.add(TalkingPoint(topic_id=filled["topic"].id, text=""))
    assert library.count(TalkingPoint) == before


def test_classification_levels_are_the_librarys_own(library: Library, filled: dict) -> None:
    assert library.classification_levels() == ["Public", "Internal", "Confidential", "Secret"]
    library.set_classification_levels(
        ["Public", "Internal", "Hạn chế", "Tuyệt mật", "Confidential", "Secret"]
    )
    library.add(Topic(title="x", classification="Tuyệt mật"))
    assert library.level_rank("tuyệt mật") == 3
    with pytest.raises(Conflict, match="'Public' is removed"):
        library.set_classification_levels(["Internal"])


def test_settings(library: Library) -> None:
    assert library.setting("language", "vi") == "vi"
    library.set_setting("language", "en")
    assert library.setting("language") == "en"


def test_check_finds_a_stale_index_and_rebuilds_it(library: Library, filled: dict) -> None:
    assert library.check() == []
    library.db.execute("DELETE FROM search_docs")
    assert any("search index" in p for p in library.check())
    assert library.check(rebuild_index=True) == []
    assert library.check() == []
    assert library.search("tuan")


def test_a_title_of_only_invisible_characters_is_empty(library: Library) -> None:
    with pytest.raises(ValidationError, match="needs a title"):
        library.add(Topic(title="\u200b\ufeff \u200d"))
    assert library.add(Topic(title="\u200bCông ước\u200b")).title == "Công ước"


@pytest.mark.parametrize("text", ["   ", "\n\n", " \u200b\n\t"])
def test_a_text_of_only_spaces_is_refused_in_words(library: Library, text: str) -> None:
    topic = library.add(Topic(title="Mekong"))
    with pytest.raises(ValidationError, match="needs a text"):
        library.add(TalkingPoint(topic_id=topic.id, text=text))
    with pytest.raises(ValidationError, match="needs a text"):
        library.add(Statement(text=text))


def test_a_point_with_a_blank_question_is_named_by_its_text() -> None:
    assert (
        TalkingPoint(question="  ", text="Cooperation with the MRC").display_name
        == "Cooperation with the MRC"
    )
    assert TalkingPoint(text=" \n ").display_name == "(empty)"


def test_choices_are_matched_in_any_case_and_spacing(library: Library) -> None:
    """As levels are: 'Bilateral', 'side event' and 'Speaker' are what the user means."""
    event = library.add(Event(title="ASEAN Foreign Ministers' Meeting", city="Vientiane"))
    meeting = library.add(Meeting(event_id=event.id, title="Bilateral with Lao PDR", kind="Bilateral"))
    assert meeting.kind == "bilateral"
    assert library.update(Meeting, meeting.id, kind=" Side  event").kind == "side_event"
    topic = library.add(Topic(title="Mekong"))
    point = library.add(TalkingPoint(topic_id=topic.id, text="x", kind="Key-Message", status="Cleared"))
    assert (point.kind, point.status) == ("key_message", "cleared")
    person = library.add(Person(name="ສະເຫຼີມໄຊ ກົມມະສິດ"))
    library.set_participant(meeting.id, person.id, "Speaker")
    assert [p.role for p in library.participants(meeting.id)] == ["speaker"]
    with pytest.raises(ValidationError, match="is not one of"):
        library.update(Meeting, meeting.id, kind="pres")
    with pytest.raises(ValidationError, match="role must be one of"):
        library.set_participant(meeting.id, person.id, "guest")


def test_a_missing_field_is_named_with_its_article(library: Library) -> None:
    with pytest.raises(ValidationError) as meeting:
        library.add(Meeting(title="Gặp Bộ trưởng ສະເຫຼີມໄຊ"))
    assert str(meeting.value) == "A meeting needs an event."
    with pytest.raises(ValidationError) as organisation:
        library.add(Organisation(name=" "))
    assert str(organisation.value) == "An organisation needs a name."
