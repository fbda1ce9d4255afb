"""The window shows a talking point's or statement's name as the core reads it (its Markdown read
as text once): read a second time, "snake_case" lost its underscores and "2 * 3" its star."""

from __future__ import annotations

from briefbook.assemble import PreflightWarning
from briefbook.library import Statement, TalkingPoint
from briefbook.ui import i18n
from briefbook.ui.composer.warnings import warning_text
from briefbook.ui.labels import display_name


def test_names_keep_the_marks_that_are_text(qapp) -> None:
    point = TalkingPoint(text="**Thái Lan**: snake_case_name và 2 * 3 = 6")
    assert display_name(point) == "Thái Lan: snake_case_name và 2 * 3 = 6"
    said = Statement(text="\\[NFR] R\\&D _ưu tiên_ a_b", speaker_name="ສົມພອນ")
    assert display_name(said) == "ສົມພອນ: [NFR] R&D ưu tiên a_b"


def test_the_preflight_quotes_a_name_as_it_reads(qapp) -> None:
    i18n.apply_language("en")
    name = TalkingPoint(text="**Mã** snake_case và 2 * 3").display_name
    warning = PreflightWarning(
        "draft_included", f"Talking point “{name}” is not cleared yet.", "talking_point", "x"
    )
    assert "“Mã snake_case và 2 * 3”" in warning_text(warning)
