"""A package item left out for a refused value is named in Vietnamese in the window, with the
Library's refusal in Vietnamese too (exchange.merge._check_values)."""

from __future__ import annotations

from briefbook.ui import i18n
from briefbook.ui.messages import user_message


def test_the_refusal_of_a_package_item_reads_in_vietnamese(qapp) -> None:
    line = (
        "Event “Hội nghị Bangkok” is not imported: The end date 'tomorrow' is not a real date; "
        "write it like 2025-12-17 or 17/12/2025."
    )
    i18n.apply_language("vi")
    try:
        shown = user_message(line)
    finally:
        i18n.apply_language("en")
    assert shown.startswith("“Hội nghị Bangkok” không được nhập: ")
    assert "not a real date" not in shown and "ngày kết thúc" in shown
