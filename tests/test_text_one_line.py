"""One rule for quoting a name or a passage on one line: the CLI's tables, the composer's lists
and its undo steps (each had a copy)."""

from __future__ import annotations

from briefbook.text import one_line


def test_white_space_becomes_one_space_and_a_long_text_ends_in_an_ellipsis() -> None:
    assert one_line("  Hội nghị\n quốc tế\t Bangkok ", 60) == "Hội nghị quốc tế Bangkok"
    cut = one_line("ທອງສະຫວັນ ພົມວິຫານ " * 10, 20)
    assert len(cut) == 20 and cut.endswith("…") and cut.startswith("ທອງສະຫວັນ")
    assert one_line("x" * 20, 20) == "x" * 20


def test_the_callers_ask_the_one_rule() -> None:
    from briefbook.cli import output
    from briefbook.ui.composer import section_edits, texts

    assert output.one_line is texts.one_line is section_edits.one_line is one_line
