"""``briefbook delete PERSON`` names the photo that goes with them, as ``deleted`` and ``undelete`` do."""

from __future__ import annotations

import io
from pathlib import Path

from click.testing import CliRunner
from PIL import Image

from briefbook.cli.main import _register, cli
from briefbook.library import Event, Library, Meeting, Person

_register()


def _png() -> bytes:
    data = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(data, "PNG")
    return data.getvalue()


def run(path: Path, *args: str):
    return CliRunner().invoke(cli, ["--library", str(path), *args])


def test_a_person_with_a_photo(tmp_path: Path) -> None:
    path = tmp_path / "l.briefbook"
    with Library.create(path) as library:
        alone = library.add(Person(name="ສົມພອນ ວົງສາ"))
        library.set_photo(alone.id, _png())
        used = library.add(Person(name="สมชาย ใจดี"))
        library.set_photo(used.id, _png())
        event = library.add(Event(title="Hội nghị Viêng Chăn"))
        meeting = library.add(Meeting(event_id=event.id, title="Song phương"))
        library.set_participant(meeting.id, used.id, "counterpart")
    result = run(path, "delete", alone.id)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Deleted person: ສົມພອນ ວົງສາ, with 1 photo. To bring it back:")
    refused = run(path, "delete", used.id)
    assert refused.exit_code == 1
    assert "It also deletes or changes: 1 participant link, 1 photo." not in refused.output  # named once
    assert "they take part in the meeting “Song phương” (Hội nghị Viêng Chăn)" in refused.output
    assert "It also deletes or changes: 1 photo. Nothing was deleted" in refused.output
    forced = run(path, "delete", used.id, "--force")
    assert ", with 1 participant link, 1 photo." in forced.output
    listed = run(path, "deleted").output
    assert listed.count("1 photo") == 2
    assert "with 1 photo" in run(path, "undelete", "1").output
