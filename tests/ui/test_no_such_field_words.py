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
    fields = ", ".join(cls.data_fields())
    assert (
        said
        == f"{'An event' if cls is Event else 'A topic'} has no field 'location'. Its fields are: {fields}."
    )
    i18n.apply_language("vi")
    try:
        shown = user_message(said)
    finally:
        i18n.apply_language("en")
    # the fields by the window's own words, not the core's identifiers
    assert shown.startswith("Loại mục này không có trường 'location'. Các trường của nó: tiêu đề, ")
    assert shown.endswith(", độ mật.") and "title" not in shown and "classification" not in shown


def test_a_near_miss_is_named_in_vietnamese_too(library: Library, qapp) -> None:
    with pytest.raises(ValidationError) as refused:
        library.list(Topic, where={"titel": "Mekong"})
    i18n.apply_language("vi")
    try:
        shown = user_message(str(refused.value))
    finally:
        i18n.apply_language("en")
    assert shown == (
        "Loại mục này không có trường 'titel'. Có phải ý bạn là 'tiêu đề'? "
        "Các trường của nó: tiêu đề, thông tin nền, độ mật."
    )
