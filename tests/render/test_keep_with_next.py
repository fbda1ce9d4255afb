"""A heading kept with what follows stays on its page when what follows fits there.

A person's card is a KeepTogether inside the heading's group; reportlab's KeepTogether
answers a height of 0xffffff to force its own split, and the group once counted that as
the card's height: every meeting brief whose first lines were 'Who we meet' and a card
left its title alone on a page and started the card overleaf.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from briefbook.document.model import Document, Heading, Metadata, Paragraph, Profile, Run
from briefbook.render.pdf import render_pdf
from briefbook.render.template import load_template


def _pages(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    return text.split("\f")


def test_a_title_and_a_card_that_fit_share_the_page(tmp_path: Path) -> None:
    card = Profile(
        name="ສະເຫຼີມໄຊ ກົມມະສິດ",
        photo=None,
        lines=[
            Paragraph([Run("H.E.")], "note"),
            Paragraph([Run("Saleumxay Kommasith", italic=True)]),
            Paragraph([Run("Minister of Foreign Affairs, Lao PDR")]),
            Paragraph([Run("Role: Counterpart")], "note"),
        ],
    )
    blocks = [
        Heading(2, "Bilateral with Lao PDR", "bilateral"),
        Paragraph([Run("Bilateral · 20 July 2026")], "note"),
        Paragraph([Run("Who we meet", bold=True)], "label"),
        card,
        Paragraph([Run("Points to make", bold=True)], "label"),
        Paragraph([Run("Cooperation with the Mekong River Commission.")]),
    ]
    for name in ("formal-a4", "compact-a5"):
        path = render_pdf(
            Document(Metadata(title="t"), blocks), load_template(name), tmp_path / f"{name}.pdf"
        )
        pages = [p for p in _pages(path) if p.strip()]
        assert len(pages) == 1, (name, pages)
        assert "Bilateral with Lao PDR" in pages[0] and "Saleumxay Kommasith" in pages[0]
