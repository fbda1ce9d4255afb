"""A package sent at a lower ceiling and sent back unchanged is no conflict.

An event sent to a colleague at Internal carries its meetings without their links to a
Confidential topic or person (each such meeting travels as a "released" version of its own).
The colleague edits one talking point and sends the event back: the meetings they never
touched came back as conflicts ("mine: Bilateral with Laos / theirs: Bilateral with Laos"),
and taking theirs would have cut the Confidential links here. Their version is the one we
sent, so ours is newer: nothing to do. A meeting they did change stays a conflict
(``test_a_cut_item_sent_back_is_a_conflict_not_a_loss``).
"""

from __future__ import annotations

from pathlib import Path

from briefbook.exchange.packages import export_package, import_package
from briefbook.library import Library, Meeting, TalkingPoint, Topic


def _sent_to_colleague(library: Library, filled: dict, tmp_path: Path) -> tuple[Topic, Library]:
    """The event sent at Internal, its meeting linked to a Confidential topic; the colleague's copy."""
    secret = library.add(Topic(title="Hồi hương công dân", classification="Confidential"))
    library.link_topic(filled["meeting"].id, secret.id)
    export_package(library, [filled["event"].id], tmp_path / "sent.bbpkg", ceiling="Internal")
    other = Library.create(tmp_path / "colleague.briefbook")
    import_package(other, tmp_path / "sent.bbpkg")
    return secret, other


def _sent_and_back(library: Library, filled: dict, tmp_path: Path, *, edit_meeting: bool) -> tuple:
    secret, other = _sent_to_colleague(library, filled, tmp_path)
    other.update(TalkingPoint, filled["point"].id, text="Việt Nam kiên quyết chống lừa đảo, đã sửa.")
    if edit_meeting:
        other.update(Meeting, filled["meeting"].id, venue="Phòng họp B")
    export_package(other, [filled["event"].id], tmp_path / "back.bbpkg", ceiling="Confidential")
    plan, _ = import_package(library, tmp_path / "back.bbpkg")
    return plan, secret


def test_an_untouched_cut_meeting_sent_back_is_unchanged(library: Library, filled: dict, tmp_path) -> None:
    plan, secret = _sent_and_back(library, filled, tmp_path, edit_meeting=False)
    assert filled["meeting"].id not in {c.item_id for c in plan.of("conflict")}
    assert not library.conflicts()
    assert secret.id in {t.id for t in library.meeting_topics(filled["meeting"].id)}
    assert library.get(TalkingPoint, filled["point"].id).text.endswith("đã sửa.")  # their edit taken


def test_a_changed_cut_meeting_sent_back_is_still_a_conflict(
    library: Library, filled: dict, tmp_path
) -> None:
    plan, secret = _sent_and_back(library, filled, tmp_path, edit_meeting=True)
    assert filled["meeting"].id in {c.item_id for c in plan.of("conflict")}
    assert secret.id in {t.id for t in library.meeting_topics(filled["meeting"].id)}


def test_a_cut_meeting_changed_by_its_sender_updates_the_copy_sent_before(
    library: Library, filled: dict, tmp_path
) -> None:
    """The other way: the colleague holds the cut meeting as we sent it, and we change the meeting
    and send the event again. Their copy was ours as sent, so ours is taken, not held as a conflict."""
    _, other = _sent_to_colleague(library, filled, tmp_path)
    library.update(Meeting, filled["meeting"].id, venue="Phòng họp B")
    export_package(library, [filled["event"].id], tmp_path / "again.bbpkg", ceiling="Internal")
    plan, _ = import_package(other, tmp_path / "again.bbpkg")
    assert filled["meeting"].id in {c.item_id for c in plan.of("update")}
    assert other.get(Meeting, filled["meeting"].id).venue == "Phòng họp B"
    assert not other.conflicts()
