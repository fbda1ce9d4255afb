"""Links the editor opens and saves as they were written: a strike around bold or italic around
a link keeps its order, and so does a look inside a link's brackets; two links to one address
side by side stay two, and a bracket in a link's text stays in the link. Qt's reader and writer
lost each (saved with no edit): the strike moved inside the bold (``~~**[B](u)**~~`` saved
``**~~[B](u)~~**``, and so without a link), the bold out of the link (``[**B**](u)`` saved
``**[B](u)**``), ``[Hà](u)[Nội](u)`` was saved ``[HàNội](u)``, one link; ``[a \\] b](u)``
``[a ] b](u)``, which the book reads as no link at all, and ``[a \\[ b](u)`` ``[a [ b](u)``, a
link of " b"."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from tests.ui.test_code_with_a_look import FILLER, long_text_kept
from tests.ui.test_link_looks import _links
from tests.ui.test_markdown_literals import _reopened

URL = "https://mofa.gov.vn/tai-lieu"
LAO = "https://mofa.gov.la/ສົມພອນ"


def _kept(qtbot, text: str) -> str:
    """Opened and saved twice with no edit: each time as it was, read by the book as it was."""
    stored = _reopened(qtbot, text).markdown()
    assert stored == text
    assert _reopened(qtbot, stored).markdown() == text
    assert _links(stored) == _links(text)
    return stored


STRUCK_AROUND = [
    f"Gặp ~~**[ສົມພອນ ວົງສາ]({URL})**~~ tại Viêng Chăn",
    f"Xem ~~*[ประเทศไทย]({URL})*~~ nhé",
    f"Xem ~~***[Hà Nội]({URL})***~~ nhé",
    "Gặp ~~**Bộ trưởng ສົມພອນ**~~ sáng nay",
    "*Ghi chú ~~**ประเทศไทย**~~ cuối*",
    f"- ~~**[ສົມພອນ]({URL})**~~ một\n- hai",
]
STRUCK_INSIDE = [  # (the writer's own order: as before)
    f"Gặp **~~[ສົມພອນ ວົງສາ]({URL})~~** tại Viêng Chăn",
    "Gặp **~~Bộ trưởng~~** và *~~ประเทศไทย~~*",
    "Gặp ~~**Bộ trưởng** ສົມພອນ~~ nhé",
]


@pytest.mark.parametrize("text", STRUCK_AROUND + STRUCK_INSIDE)
def test_a_strike_around_bold_or_italic_keeps_its_order(qtbot, text: str) -> None:
    _kept(qtbot, text)


def test_an_edit_elsewhere_keeps_a_strike_around_bold(qtbot) -> None:
    text = f"Gặp ~~**[ສົມພອນ]({URL})**~~ và ~~*ประเทศไทย*~~ nhé"
    edit = _reopened(qtbot, text)
    edit.setTextCursor(QTextCursor(edit.document()))
    qtbot.keyClicks(edit, "Them ")
    assert edit.markdown() == "Them " + text


def test_a_long_text_keeps_a_strike_around_bold(qtbot) -> None:
    long_text_kept(qtbot, f"{FILLER} ~~**[Hà Nội]({URL})**~~ {FILLER}\n\n- ~~*ສົມພອນ*~~ cuối")


INSIDE_A_LINK = [
    f"Gặp [**ສົມພອນ ວົງສາ**]({URL}) tại Viêng Chăn",
    f"Xem [*ประเทศไทย*]({URL}) và [~~Hà Nội~~]({URL}) nhé",
    f"Xem ~~[**Hà Nội**]({URL})~~ và [**~~ສົມພອນ~~**]({URL}) nhé",
    f"Xem [***Hà***]({URL})[**ສົມພອນ**]({URL}) nhé",
    f"- [**ສົມພອນ**]({LAO}) một\n- hai",
    f"Gặp **[*ประเทศไทย*]({URL})** nhé",
]
OUTSIDE_A_LINK = [  # (the writer's own order: as before)
    f"Gặp **[ສົມພອນ ວົງສາ]({URL})** và *[ประเทศไทย]({URL})*",
    f"Xem [**Hà** Nội]({URL}) và [ก] **[ข]** [~ค~]",
]


@pytest.mark.parametrize("text", INSIDE_A_LINK + OUTSIDE_A_LINK)
def test_a_look_written_inside_a_links_brackets_stays_inside(qtbot, text: str) -> None:
    _kept(qtbot, text)


def test_a_long_text_keeps_a_look_inside_a_links_brackets(qtbot) -> None:
    long_text_kept(qtbot, f"{FILLER} [**Hà Nội**]({URL}) {FILLER}\n\n- [~~ສົມພອນ~~]({LAO}) cuối")


SIDE_BY_SIDE = [
    f"Xem [Hà Nội]({URL})[ສົມພອນ]({URL}) nhé",
    f"Xem [Hà]({URL})[Nội]({URL})[ประเทศไทย]({URL})",
    f"Xem **[Hà Nội]({URL})**[ສົມພອນ]({URL}) nhé",
    f"Xem ~~[Hà Nội]({URL})~~[ສົມພອນ]({URL}) nhé",
    f"Xem *[Hà Nội]({URL})*[ສົມພອນ]({URL}) và [Hà]({URL})**[Nội]({URL})**",
    f"Xem <{URL}>[ສົມພອນ]({URL}) nhé",
    f'Xem [Hà Nội]({URL} "Hồ sơ")[ສົມພອນ]({URL} "Hồ sơ") nhé',
    f"- [ສົມພອນ]({LAO})[ວົງສາ]({LAO})\n- [Hà]({URL})[Nội]({URL})",
]


@pytest.mark.parametrize("text", SIDE_BY_SIDE)
def test_two_links_to_one_address_side_by_side_stay_two(qtbot, text: str) -> None:
    stored = _kept(qtbot, text)
    assert stored.count("](") == text.count("](")


def test_text_typed_between_two_links_side_by_side_joins_the_first(qtbot) -> None:
    text = f"Xem [Hà Nội]({URL})[ສົມພອນ]({URL}) nhé"
    edit = _reopened(qtbot, text)
    cursor = QTextCursor(edit.document())
    cursor.setPosition(len("Xem Hà Nội"))
    edit.setTextCursor(cursor)
    qtbot.keyClicks(edit, " 2024")
    assert edit.markdown() == f"Xem [Hà Nội 2024]({URL})[ສົມພອນ]({URL}) nhé"


def test_a_long_text_keeps_two_links_side_by_side(qtbot) -> None:
    """(and in code, where they are its text, as they were)"""
    text = (
        f"{FILLER} [Hà Nội]({URL})[ສົມພອນ]({URL}) {FILLER}\n\n```\n[Hà]({URL})[Nội]({URL})\n```\n\n"
        f"- [ก]({LAO})[ข]({LAO})\n\nMã `[Hà]({URL})[Nội]({URL})` cuối"
    )
    long_text_kept(qtbot, text)


BRACKETS = [
    f"Xem [Điều 5 \\] ສົມພອນ]({URL}) nhé",
    f"Xem [ประเทศไทย \\]]({URL})",
    f"Xem **[Hà Nội \\] ສົມພອນ]({URL})** nhé",
    f"Xem [Hội nghị `ສົມພອນ-42` \\] cuối]({URL}) nhé",
    f"Xem [a \\[ b]({URL}) và [c \\] d \\[ e]({URL})",
]


@pytest.mark.parametrize("text", BRACKETS)
def test_a_bracket_in_a_links_text_stays_in_the_link(qtbot, text: str) -> None:
    _kept(qtbot, text)


def test_a_bracket_typed_in_a_links_text_stays_in_the_link(qtbot) -> None:
    edit = _reopened(qtbot, f"Xem [Điều 5 ສົມພອນ]({URL}) nhé")
    cursor = QTextCursor(edit.document())
    cursor.setPosition(len("Xem Điều 5"))
    edit.setTextCursor(cursor)
    qtbot.keyClicks(edit, "]")
    stored = edit.markdown()
    assert _links(stored) == [("Điều 5] ສົມພອນ", URL, False, False, False)]
    assert _reopened(qtbot, stored).markdown() == stored


def test_a_long_text_keeps_a_bracket_in_a_links_text(qtbot) -> None:
    text = f"{FILLER} [Điều 5 \\] ສົມພອນ]({URL}) {FILLER}\n\n{FILLER} [ประเทศไทย \\[2]({LAO}) cuối"
    long_text_kept(qtbot, text)
