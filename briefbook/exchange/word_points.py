"""Talking points from a Word document: headings become topics, paragraphs and bullets points.

A heading maps onto an existing topic with the same folded title (``lua dao``
is ``Lừa đảo``), else proposes a new topic. Each paragraph under it, and each
top-level bullet, is a talking point; nested bullets, and bullets that follow
a paragraph ending in a colon, stay inside that point as a Markdown list. A
paragraph starting with a kind word sets the point's kind ("If raised:",
"Nếu được hỏi:" → reactive; "Press line:" → press line; "Q:" → a question,
whose answer is the text after it or the next paragraph). A point identical
to one already under its topic is "existing": importing twice adds nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefbook.errors import BriefBookError
from briefbook.exchange.docx_left_out import left_out_notes
from briefbook.exchange.docx_reader import DocParagraph, hidden_note, open_docx, paragraphs
from briefbook.exchange.proposals import EXISTING, Proposal, Proposed
from briefbook.library import Library, TalkingPoint, Topic
from briefbook.text import clean, clean_line, fold

# (pattern on the folded start of a paragraph, kind)
KIND_WORDS = [
    (r"(if raised|neu duoc hoi|neu duoc neu|neu bi hoi|neu ho neu|reactive)\s*[:：]", "reactive"),
    (r"(press line|thong tin bao chi|tra loi bao chi|cau tra loi bao chi)\s*[:：]", "press_line"),
    (r"(q|question|hoi|cau hoi)\s*[:：.]", "qa"),
    (r"(key message|thong diep chinh)\s*[:：]", "key_message"),
    (r"(proactive|chu dong neu)\s*[:：]", "proactive"),
]
_ANSWER = re.compile(r"^\s*(\*\*)?(a|answer|đáp|trả lời|tl)(\*\*)?\s*[:：.]\s*(\*\*)?", re.I)
_VIETNAMESE = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)


def language_of(text: str) -> str:
    return "vi" if _VIETNAMESE.search(text) else "en"


def kind_of(markdown: str) -> tuple[str | None, str]:
    """The kind a paragraph's first words give it, and the text without them."""
    bare = re.sub(r"^[\s*_\\]+", "", markdown)
    folded = fold(bare)
    for pattern, kind in KIND_WORDS:
        match = re.match(pattern, folded)
        if match:
            rest = bare[match.end() :]
            return kind, re.sub(r"^[\s*_]*", "", rest).strip()
    return None, markdown


def propose_talking_points(library: Library, path: str | Path, *, topic_id: str | None = None) -> Proposal:
    """Read a .docx of talking points into a proposal (nothing written)."""
    path = Path(path)
    if path.suffix.lower() != ".docx":
        raise BriefBookError(f"Talking points are imported from a Word document (.docx), not {path.name}.")
    proposal = Proposal(path.name, "talking-points")
    existing_topics = {fold(clean_line(t.title)): t for t in library.list(Topic)}
    topic: Topic | None = library.get(Topic, topic_id) if topic_id else None
    topic_item: Proposed | None = None
    points: list[Proposed] = []
    current: Proposed | None = None
    pending_question: Proposed | None = None
    list_base: dict[str, int] = {}  # point id -> the list level its own list starts at
    open_items: dict[str, list[tuple[int, int]]] = {}  # point id -> (level, text column) of open items
    document = open_docx(path)
    paras = paragraphs(document)
    if note := hidden_note(path.name, paras):  # left out of the points, and said
        proposal.messages.append(note)
    proposal.messages += left_out_notes(path.name, document)  # pictures, notes: said too
    for para in paras:
        if not para.plain.strip():  # hidden text alone: said above
            continue
        if para.heading:
            current = pending_question = None
            title = clean_line(para.plain)
            match = existing_topics.get(fold(title))
            if match is not None:
                topic = match
                topic_item = None
            else:
                topic = Topic(title=title)
                topic_item = proposal.add(topic, note="new topic")
                topic = topic_item.record  # type: ignore[assignment]
                existing_topics[fold(title)] = topic  # type: ignore[assignment]
            continue
        if topic is None:  # text before any heading, with no --topic: one topic named after the file
            title = clean_line(path.stem.replace("_", " ")) or "Imported talking points"
            topic = existing_topics.get(fold(title))
            if topic is None:
                topic_item = proposal.add(Topic(title=title), note="new topic (named after the file)")
                topic = topic_item.record  # type: ignore[assignment]
                existing_topics[fold(title)] = topic  # type: ignore[assignment]
        text = para.markdown
        if pending_question is not None and para.list_level is None:
            answer = _ANSWER.sub("", text, count=1).strip()
            _set_text(pending_question, answer)
            pending_question = None
            current = points[-1]
            continue
        if current is not None and _continues(current, para, list_base):
            list_base.setdefault(current.record.id, 0 if para.list_level == 0 else para.list_level or 1)
            line = _item_line(open_items.setdefault(current.record.id, []), para, text)
            _set_text(current, current.record.text.rstrip() + "\n" + line, keep_list=True)
            continue
        kind, rest = kind_of(text)
        point = TalkingPoint(
            topic_id=topic.id, kind=kind or "key_message", text=rest, language=language_of(para.plain)
        )
        item = proposal.add(point)
        points.append(item)
        current = item
        if kind == "qa":
            question, _, answer = rest.partition("\n")
            inline = re.split(r"\s+(?:\*\*)?(?:A|Đáp|Trả lời)(?:\*\*)?\s*[:：]\s*", question, maxsplit=1)
            item.record.question = inline[0].strip()
            item.record.text = inline[1].strip() if len(inline) > 1 else ""
            if not item.record.text:
                pending_question = item
    for item in points:
        if not item.record.text.strip():
            item.accepted = False
            item.note = "a question with no answer: dropped (edit it to keep it)"
            item.record.text = "(no answer)"
        _mark_existing(library, item)
    if not points:
        proposal.messages.append(f"{path.name} has no paragraphs to import as talking points.")
    return proposal


def _item_line(open_items: list[tuple[int, int]], para: DocParagraph, text: str) -> str:
    """The Markdown line of a list item inside a point, indented to its parent item's text.

    CommonMark nests an item only when it starts at its parent's text column: two spaces
    under ``- ``, three under ``1. ``. Two spaces a level put every item nested under a
    numbered one back at its parent's level (and one three levels down at the second).
    ``open_items`` holds the items still open above this one: (Word level, text column).
    """
    level = para.list_level or 0
    while open_items and open_items[-1][0] >= level:
        open_items.pop()
    indent = open_items[-1][1] if open_items else 0
    marker = "1." if para.ordered else "-"
    open_items.append((level, indent + len(marker) + 1))
    return f"{' ' * indent}{marker} {text}"


def _continues(current: Proposed, para: DocParagraph, list_base: dict[str, int]) -> bool:
    """A nested bullet, or a bullet after a paragraph ending in a colon, belongs to the point before."""
    if para.list_level is None:
        return False
    if para.list_level > 0 or list_base.get(current.record.id) == 0:
        return True
    return current.record.text.rstrip().endswith(":")


def _set_text(item: Proposed, text: str, keep_list: bool = False) -> None:
    item.record.text = clean(text) if keep_list else clean(text).strip()


def _mark_existing(library: Library, item: Proposed) -> None:
    record = item.record
    assert isinstance(record, TalkingPoint)
    if not library.exists(Topic, record.topic_id):
        return
    for point in library.list(TalkingPoint, where={"topic_id": record.topic_id}):
        if fold(point.text.strip()) == fold(record.text.strip()) and point.question == record.question:
            item.action, item.match_id, item.note = EXISTING, point.id, "already in the library"
            return
