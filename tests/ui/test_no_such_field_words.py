"""A field an item does not have is refused with its article, and the window still reads it.

Six places wrote "A {kind} has no field …" each ("A event has no field 'location'.");
they now share ``validation.no_such_field``, and the window's table of core messages reads
"An event …" as it read "A topic …"."""

from __future__ import annotations

import pytest

from briefbook.errors import ValidationError
from briefbook.library import Event, Library, Topic
from briefbook.ui import i18n
from briefbook.ui.messages import user_message


@pytest.mark.parametrize("cls", [Event, Topic])
def test_an_unknown_field_reads_in_vietnamese_whatever_its_article(library: Library, qapp, cls) -> None:
    with pytest.raises(ValidationError) as refused:
        library.list(cls, where={"location": "Bangkok"})
    said = str(refused.value)
    assert said == f"{'An event' if cls is Event else 'A topic'} has no field 'location'."
    i18n.apply_language("vi")
    try:
        shown = user_message(said)
    finally:
        i18n.apply_language("en")
    assert shown == "Loại mục này không có trường 'location'."
