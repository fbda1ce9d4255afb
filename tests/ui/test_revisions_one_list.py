"""A version that is one long list, in History: shown as the editor would show it (every item's
number or bullet and text), built as lists of at most ``preview_pieces.GROUP`` items.

Each item added to one ``QTextList`` walks every item already in it, so History built a text
that is one list of n items in time growing with n squared (12,000 items: 11.1 s). The
assertion on the lists' sizes fails on the old code (one list of all the items)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument

from briefbook.library import TalkingPoint, Topic
from briefbook.ui import preview_pieces
from briefbook.ui.editors.rich_text import FEATURES
from briefbook.ui.revisions import RevisionsDialog
from tests.ui.test_long_text import THAI, VIETNAMESE

ITEMS = 700


def _numbered(n: int) -> str:
    return "\n".join(f"{i}. {VIETNAMESE[i % len(VIETNAMESE)]}" for i in range(3, n + 3))


def _bulleted_nested(n: int) -> str:
    lines = []
    for i in range(n):
        lines.append(f"- {THAI[i % len(THAI)]} {i}")
        if i % 10 == 3:
            lines += [f"  - {VIETNAMESE[0]} {i}a", f"  - {VIETNAMESE[1]} {i}b"]
    return "\n".join(lines)


def _loose(n: int) -> str:  # (blank lines between items: read whole, not in chunks)
    return "\n\n".join(f"{i}) {VIETNAMESE[i % len(VIETNAMESE)]}" for i in range(1, n + 1))


def _seen(document: QTextDocument) -> list[tuple[str, int, str]]:
    """Each block as a reader sees it: its list's mark for it, its depth, its text."""
    out, block = [], document.begin()
    while block.isValid():
        listed = block.textList()
        mark = listed.itemText(block) if listed is not None else ""
        depth = listed.format().indent() if listed is not None else 0
        out.append((mark, depth, block.text()))
        block = block.next()
    return out


def _largest_list(document: QTextDocument) -> int:
    sizes, block = {}, document.begin()
    while block.isValid():
        if (listed := block.textList()) is not None:
            sizes[listed.objectIndex()] = listed.count()
        block = block.next()
    return max(sizes.values())


@pytest.mark.parametrize("make", [_numbered, _bulleted_nested, _loose])
def test_a_one_list_version_reads_as_whole_in_lists_of_a_few_items(qtbot, library, make):
    text = make(ITEMS)
    assert len(text) > 20_000  # (opened in pieces)
    topic = library.add(Topic(title="ພາສາລາວ — ភាសាខ្មែរ"))
    point = library.add(TalkingPoint(topic_id=topic.id, kind="key_message", text=text, status="draft"))
    library.update(TalkingPoint, point.id, text="Bản ngắn.")
    dialog = RevisionsDialog(library.revisions(TalkingPoint, point.id, "text"), "talking_point", "text")
    qtbot.addWidget(dialog)
    dialog.show()  # (the newest version, this text, chosen: it opens in pieces)
    assert dialog.opening
    qtbot.waitUntil(lambda: not dialog.opening, timeout=60_000)
    whole = QTextDocument()
    whole.setMarkdown(text, FEATURES)
    shown = dialog.preview.document()
    assert _seen(shown) == _seen(whole)
    assert _largest_list(shown) <= preview_pieces.GROUP
