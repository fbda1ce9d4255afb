"""The window's delete question names the photo that goes with a person, as the command line does."""

from __future__ import annotations

import io

from PIL import Image

from briefbook.library import Event, Library, Meeting, Person
from briefbook.ui import delete_confirm


def test_the_question_names_the_photo(library: Library, dialogs) -> None:
    data = io.BytesIO()
    Image.new("RGB", (8, 8), (20, 90, 200)).save(data, "PNG")
    person = library.add(Person(name="ສົມພອນ ວົງສາ"))
    library.set_photo(person.id, data.getvalue())
    event = library.add(Event(title="Hội nghị Viêng Chăn"))
    meeting = library.add(Meeting(event_id=event.id, title="Song phương"))
    library.set_participant(meeting.id, person.id, "counterpart")
    dialogs.delete_answer = False
    assert delete_confirm.may_delete(None, library, "person", [person.id]) is False
    assert "1 photo" in dialogs.delete_questions[-1]
    alone = library.add(Person(name="Lê Anh Tuấn"))
    library.set_photo(alone.id, data.getvalue())
    asked = len(dialogs.delete_questions)
    assert delete_confirm.may_delete(None, library, "person", [alone.id]) is True  # a photo asks nothing
    assert len(dialogs.delete_questions) == asked
