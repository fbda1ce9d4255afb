"""The "changes since version N" page an export can print (``briefbook export --changes``).

Made from :func:`briefbook.exchange.changes.compare`'s changes; each line carries the origin
of the item it names, so the release gate judges it like any other text.
"""

from __future__ import annotations

from briefbook.document.model import Document, Heading, ListBlock, ListItem, Origin, Paragraph, Run
from briefbook.exchange.changes import Changes, Edited, recorded_name, shortened
from briefbook.exchange.release import internal_only
from briefbook.library import Library, Person, Statement
from briefbook.library.records import RECORD_TYPES

_WORDS = {
    "vi": {
        "title": "Những thay đổi từ phiên bản {n}",
        "title_first": "Những thay đổi",
        "first": (
            "Chưa có bản nào trước đây của sổ tay này ở mức {level}{sharing}: đây là bản đầu tiên, "
            "không có bản cùng loại để so sánh."
        ),
        "sharing": ", bản được phép chia sẻ",
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
        "title_first": "Changes",
        "first": (
            "There is no earlier copy of this book at {level}{sharing}: this is the first, "
            "with no copy of its kind to compare it with."
        ),
        "sharing": " made for sharing",
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

    N is the last copy of this kind (``copy_changes.baseline``); with none (``since_version`` None),
    the page says in words that this is the first copy of its kind, rather than vanish.

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
    low = Origin(levels[0])
    if n is None:
        level = library.level_label(ceiling, language or "en") if ceiling in levels else ceiling
        first = words["first"].format(level=level, sharing=words["sharing"] if sharing else "")
        return [Heading(1, words["title_first"], anchor, origin=low), Paragraph([Run(first)], origin=low)]
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
                runs = _named(library, words, inc.kind, item_id, inc.name, shown)
                items.append(ListItem(runs, origin=origin))
            elif key == "edited":
                edit: Edited = entry  # type: ignore[assignment]
                if not shown(edit.level, edit.internal):
                    continue
                origin = Origin(edit.level, kind=edit.kind, item_id=edit.item_id, name=edit.name)
                # The old words only if this copy may print what the item was then (it may have
                # been lowered since): else, as with no words (an edit recorded by an older
                # BriefBook, whose text may hold what no copy may print: changes.NOT_RECORDED),
                # the edit is listed by the item's name now.
                diff = edit.diff if shown(edit.old_level or levels[-1], edit.internal) else []
                named = not diff or edit.kind not in ("talking_point", "statement")  # named by text
                label = _label(words, edit.kind, edit.name if named else "")
                runs = [Run(label + ": " if diff else label, bold=True)]
                for op, text in shortened(diff):
                    # Added words bold, removed words italic in brackets: readable in print and in Word.
                    word = f"[{text}]" if op == "-" else text
                    runs.append(Run(word + " ", bold=op == "+", italic=op == "-"))
                items.append(ListItem(runs, origin=origin))
            else:
                item_id, old = entry  # type: ignore[misc]
                then = old.get("level") or levels[-1]
                cls = RECORD_TYPES.get(old["kind"])
                now = library.get(cls, item_id) if cls is not None and library.exists(cls, item_id) else None
                level = getattr(now, "classification", then) if now is not None else then
                if not shown(level, bool(old.get("internal"))):
                    continue
                name = old.get("name", "")
                legacy = old["kind"] in ("talking_point", "statement") and not old.get("printed")
                if legacy or not shown(then, bool(old.get("internal"))):
                    # Named when it was above this copy's ceiling (it was lowered since), or by an
                    # older BriefBook from its whole text and linked speaker: named by what it is
                    # now if it still exists, else by its kind alone.
                    name = recorded_name(now) if now is not None else ""
                origin = Origin(level, kind=old["kind"], item_id=item_id, name=name)
                runs = _named(library, words, old["kind"], item_id, name, shown)
                items.append(ListItem(runs, origin=origin))
        if items:
            blocks.append(ListBlock(items))
        else:
            blocks.pop()
    if len(blocks) == 1:  # every change is one this copy may not print: nothing to read here
        blocks.append(Paragraph([Run(words["none"].format(n=n))], origin=low))
    return blocks


def _named(library: Library, words: dict, kind: str, item_id: str, name: str, shown) -> list[Run]:
    """The runs naming an item: a statement's linked speaker comes first, in a run of the
    person's own level, and only where this copy may print that person (the recorded name
    never holds it: :func:`briefbook.exchange.changes.recorded_name`)."""
    if kind == "statement" and name and library.exists(Statement, item_id):
        speaker_id = library.get(Statement, item_id).speaker_id
        if speaker_id and library.exists(Person, speaker_id):
            person = library.get(Person, speaker_id)
            if shown(person.classification, internal_only(person)):
                name_of = person.display_name
                who = Origin(person.classification, kind="person", item_id=person.id, name=name_of)
                return [Run(_label(words, kind, "") + ": "), Run(name_of, origin=who), Run(", " + name)]
    return [Run(_label(words, kind, name))]


def _label(words: dict, kind: str, name: str) -> str:
    cls = RECORD_TYPES.get(kind)
    what = words["kinds"].get(kind) or (cls.LABEL if cls else kind)
    return f"{what}: {name}" if name else what


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
