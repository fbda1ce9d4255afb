"""The "changes since version N" page an export can print (``briefbook export --changes``).

Made from :func:`briefbook.exchange.changes.compare`'s changes; each line carries the origin
of the item it names, so the release gate judges it like any other text.
"""

from __future__ import annotations

from briefbook.document.model import Document, Heading, ListBlock, ListItem, Origin, Paragraph, Run
from briefbook.exchange.changes import Changes, Edited, shortened
from briefbook.library import Library
from briefbook.library.records import RECORD_TYPES

_WORDS = {
    "vi": {
        "title": "Những thay đổi từ phiên bản {n}",
        "first": "Đây là lần xuất đầu tiên của sổ tay này.",
        "none": "Không có thay đổi nào từ phiên bản {n}.",
        "added": "Mới",
        "edited": "Đã sửa",
        "removed": "Không còn trong sổ tay",
        "kinds": {
            "talking_point": "Nội dung trao đổi",
            "statement": "Phát biểu",
            "person": "Nhân vật",
            "meeting": "Cuộc gặp",
            "topic": "Chủ đề",
            "event": "Sự kiện",
            "organisation": "Tổ chức",
            "book": "Sổ tay",
        },
    },
    "en": {
        "title": "Changes since version {n}",
        "first": "This is the first export of this book.",
        "none": "Nothing has changed since version {n}.",
        "added": "New",
        "edited": "Edited",
        "removed": "No longer in the book",
        "kinds": {},
    },
}


def changes_blocks(
    library: Library, changes: Changes, language: str, ceiling: str, *, sharing: bool, anchor: str
) -> list:
    """The "changes since version N" page: each line carries the origin of the item it names.

    A removed item is named at its level now (if it still exists) or as it was;
    an item above the ceiling, or internal only in a sharing export, is not
    named at all; the release gate then judges every line like any other text.
    """
    levels = library.classification_levels()
    limit = levels.index(ceiling) if ceiling in levels else 0

    def shown(level: str, internal: bool) -> bool:
        return level in levels and levels.index(level) <= limit and not (sharing and internal)

    words = _WORDS.get((language or "en")[:2], _WORDS["en"])
    n = changes.since_version
    if n is None:
        return []
    low = Origin(levels[0])
    blocks: list = [Heading(1, words["title"].format(n=n), anchor, origin=low)]
    if changes.empty:
        return [*blocks, Paragraph([Run(words["none"].format(n=n))], origin=low)]
    for key, entries in (("added", changes.added), ("edited", changes.edited), ("removed", changes.removed)):
        if not entries:
            continue
        blocks.append(Paragraph([Run(words[key])], style="label", origin=low))
        items: list[ListItem] = []
        for entry in entries:
            if key == "added":
                item_id, inc = entry  # type: ignore[misc]
                if not shown(inc.level, inc.internal):
                    continue
                origin = Origin(inc.level, kind=inc.kind, item_id=item_id, name=inc.name)
                items.append(ListItem([Run(_label(words, inc.kind, inc.name))], origin=origin))
            elif key == "edited":
                edit: Edited = entry  # type: ignore[assignment]
                if not shown(edit.level, edit.internal):
                    continue
                origin = Origin(edit.level, kind=edit.kind, item_id=edit.item_id, name=edit.name)
                named = edit.kind not in ("talking_point", "statement")  # their name is their text
                runs = [Run(_label(words, edit.kind, edit.name if named else "") + ": ", bold=True)]
                for op, text in shortened(edit.diff):
                    # Added words bold, removed words italic in brackets: readable in print and in Word.
                    word = f"[{text}]" if op == "-" else text
                    runs.append(Run(word + " ", bold=op == "+", italic=op == "-"))
                items.append(ListItem(runs, origin=origin))
            else:
                item_id, old = entry  # type: ignore[misc]
                level = _level_now(library, old["kind"], item_id, old.get("level") or levels[-1])
                if not shown(level, bool(old.get("internal"))):
                    continue
                origin = Origin(level, kind=old["kind"], item_id=item_id, name=old.get("name", ""))
                items.append(ListItem([Run(_label(words, old["kind"], old.get("name", "")))], origin=origin))
        if items:
            blocks.append(ListBlock(items))
        else:
            blocks.pop()
    return blocks


def _label(words: dict, kind: str, name: str) -> str:
    cls = RECORD_TYPES.get(kind)
    what = words["kinds"].get(kind) or (cls.LABEL if cls else kind)
    return f"{what}: {name}" if name else what


def _level_now(library: Library, kind: str, item_id: str, recorded: str) -> str:
    cls = RECORD_TYPES.get(kind)
    if cls is not None and library.exists(cls, item_id):
        return getattr(library.get(cls, item_id), "classification", recorded)
    return recorded


def insert_page(document: Document, page: list) -> None:
    """Put the changes page after the cover and contents, before the book's first section."""
    if not page:
        return
    from briefbook.document.model import Contents, Cover, PageBreak

    at = 0
    for n, block in enumerate(document.blocks):
        if isinstance(block, Cover | Contents | PageBreak):
            at = n + 1
        elif isinstance(block, Heading):
            break
    document.blocks[at:at] = [*page, PageBreak()]
