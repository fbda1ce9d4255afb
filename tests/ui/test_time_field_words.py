"""A meeting's time refused is named in words: "The start time '25:99' is not a real date …".

The core named a field by its name with spaces, which for the times read "The starts at
'25:99' is not a real date" on the command line (review4). The window reads the words back
to the field, so its message names the field by its label, in Vietnamese too.
"""

from __future__ import annotations

import pytest

from briefbook.errors import ValidationError
from briefbook.library import Library, Meeting
from briefbook.ui import i18n
from briefbook.ui.labels import field_label
from briefbook.ui.messages import user_message


def _refusal(action) -> str:
    with pytest.raises(ValidationError) as refused:
        action()
    return str(refused.value)


def test_a_refused_time_is_named_in_words_on_the_command_line_and_in_the_window(
    library: Library, filled: dict, qapp
) -> None:
    meeting = filled["meeting"].id
    bad = _refusal(lambda: library.update(Meeting, meeting, starts_at="25:99"))
    assert bad.startswith("The start time '25:99' is not a real date;")
    library.update(Meeting, meeting, starts_at="2026-07-20 10:00")
    before = _refusal(lambda: library.update(Meeting, meeting, ends_at="2026-07-20 09:00"))
    assert before == "The end time (2026-07-20 09:00) is before the start time (2026-07-20 10:00)."
    i18n.apply_language("vi")
    try:
        shown_bad, shown_before = user_message(bad), user_message(before)
        start, end = field_label("", "starts_at"), field_label("", "ends_at")
    finally:
        i18n.apply_language("en")
    assert start.lower() in shown_bad and "start time" not in shown_bad
    assert end in shown_before and start.lower() in shown_before and "time" not in shown_before
