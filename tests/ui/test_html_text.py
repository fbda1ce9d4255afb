"""briefbook.ui.html_text escapes as the standard library's html does (the window's labels,
tooltips and snippets), and reads character references as it does."""

from __future__ import annotations

import html

import pytest

from briefbook.ui.html_text import escape, unescape

TEXTS = [
    "",
    "Bộ trưởng <Lê Anh Tuấn> & \"đoàn\" 'Việt Nam'",
    "ประเทศไทย & ສປປ ລາວ < ព្រះរាជាណាចក្រកម្ពុជា > العربية",
    "&amp; already escaped &lt;b&gt; &#x27;",
    "a<b>c</b>&&&>>'\"",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("quote", [True, False])
def test_escape_is_the_standard_librarys(text: str, quote: bool) -> None:
    assert escape(text, quote) == html.escape(text, quote)
    assert escape(text, quote=quote) == html.escape(text, quote=quote)
    assert unescape(escape(text, quote)) == text


def test_unescape_reads_named_and_numbered_references() -> None:
    assert unescape("Hà Nội &amp; Viêng Chăn &#233; &eacute; &nosuch;") == html.unescape(
        "Hà Nội &amp; Viêng Chăn &#233; &eacute; &nosuch;"
    )
