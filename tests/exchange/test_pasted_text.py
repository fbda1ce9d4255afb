"""Pasted text (the window's paste box, the CLI's ``import -``): one entry point, one size limit."""

from __future__ import annotations

import pytest

from briefbook.errors import ValidationError
from briefbook.exchange.article_text import MAX_ARTICLE
from briefbook.exchange.imports import propose_text
from briefbook.exchange.limits import TooLarge
from briefbook.library import Library


def test_pasted_text_within_the_limit_is_read_as_an_article(library: Library) -> None:
    text = "Hà Nội, 17/12/2025 — Ông Lê Văn Minh nhấn mạnh: “Hợp tác là then chốt.”"
    proposal = propose_text(library, text)
    assert [i.record.text for i in proposal.items if i.kind == "statement"] == ["Hợp tác là then chốt."]


def test_pasted_text_over_the_limit_or_empty_is_refused(library: Library) -> None:
    with pytest.raises(TooLarge, match="larger than 10 MB"):
        propose_text(library, "ạ" * (MAX_ARTICLE // 2 + 1))  # under the limit in characters, over it in bytes
    with pytest.raises(ValidationError, match="empty"):
        propose_text(library, " \n\t ")
