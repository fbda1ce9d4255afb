"""The release gate and the record of what an export included read texts, plain runs and the
model's nodes inline: each must find exactly what a plain walk over every field of every
value finds. A real book (a new event, Lao and Thai names, a Confidential meeting, lists,
pasted text) is made to leak at every origin it holds, one at a time, in five ways; the
gate names the same problems at the same paths as the plain walk, and the record the same
items in the same order."""

from __future__ import annotations

from dataclasses import fields, is_dataclass

import pytest

from briefbook import release
from briefbook.assemble import assemble
from briefbook.document.model import Document, Origin
from briefbook.exchange import changes
from briefbook.library import Library, Meeting, TalkingPoint
from briefbook.library.books import new_book
from tests.vientiane import add_vientiane

LEVELS = ["Public", "Internal", "Confidential", "Secret"]


def _plain_gate(document: Document, ceiling: str, sharing: bool) -> list[tuple[str, str]]:
    """Every text of every field, with the origin it has: (path, reason) of each that may not leave."""
    found: list[tuple[str, str]] = []
    limit = LEVELS.index(ceiling)

    def check(origin, where: str) -> None:
        if origin is None:
            found.append((where, "no origin"))
        elif origin.level not in LEVELS:
            found.append((where, "unknown level"))
        elif LEVELS.index(origin.level) > limit:
            found.append((where, "above the ceiling"))
        elif sharing and origin.not_for_release:
            found.append((where, "not for release"))

    def value(v, origin, where: str, name: str) -> None:
        if isinstance(v, str):
            if name not in release.NOT_TEXT and v.strip():
                check(origin, where)
        elif isinstance(v, bytes | bytearray):
            if v:
                check(origin, where)
        elif isinstance(v, list | tuple):
            for n, item in enumerate(v):
                value(item, origin, f"{where}[{n}]", name)
        elif isinstance(v, dict):
            for k, item in v.items():
                value(item, origin, f"{where}[{k!r}]", name)
        elif is_dataclass(v) and not isinstance(v, type):
            own = getattr(v, "origin", None) or origin
            per_field = getattr(v, "origins", None)
            for f in fields(v):
                if f.name in ("origin", "origins"):
                    continue
                o = per_field.get(f.name) if isinstance(per_field, dict) else own
                value(getattr(v, f.name), o, f"{where}.{f.name}", f.name)

    value(document, None, "document", "")
    return found


def _plain_included(document: Document) -> list[tuple[str, Origin]]:
    seen: dict[str, Origin] = {}

    def visit(v, origin) -> None:
        if isinstance(v, str):
            if v.strip() and origin is not None and origin.item_id and origin.kind in changes.TEXT_KINDS:
                seen.setdefault(origin.item_id, origin)
        elif isinstance(v, list | tuple):
            for item in v:
                visit(item, origin)
        elif isinstance(v, dict):
            for item in v.values():
                visit(item, origin)
        elif is_dataclass(v) and not isinstance(v, type):
            own = getattr(v, "origin", None) or origin
            per_field = getattr(v, "origins", None)
            for f in fields(v):
                if f.name in changes._NOT_TEXT | {"origin", "origins"}:
                    continue
                o = per_field.get(f.name, own) if isinstance(per_field, dict) else own
                visit(getattr(v, f.name), o)

    visit(document.blocks, None)
    return list(seen.items())


class _Records:
    """What included() asks of a library, answered from the items it names (in the walk's order)."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, list[str]]] = []

    def get_many(self, kind, ids):
        self.asked.append((kind, list(ids)))
        return []


def _slots(value, out: list) -> list:
    """Every place of the document holding an origin: (holder, field name or key)."""
    if isinstance(value, list | tuple):
        for item in value:
            _slots(item, out)
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, Origin):
                out.append((value, key))
            else:
                _slots(item, out)
    elif is_dataclass(value) and not isinstance(value, type) and not isinstance(value, Origin):
        for f in fields(value):
            item = getattr(value, f.name)
            if isinstance(item, Origin):
                out.append((value, f.name))
            elif item is not None:
                _slots(item, out)
    return out


def _put(holder, key, origin) -> None:
    if isinstance(holder, dict):
        holder[key] = origin
    else:
        object.__setattr__(holder, key, origin)  # runs are frozen


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Document:
    library = Library.create(tmp_path_factory.mktemp("gate") / "l.briefbook")
    made = add_vientiane(library)
    with library.transaction():
        secret = library.add(
            Meeting(
                event_id=made["event"].id,
                title="Gặp riêng với ສົມສັກ",
                starts_at="2026-07-22T10:00",
                classification="Confidential",
                purpose="“Dán từ Word”\tcó tab… <và> &\n\n- Ý một\n  - Ý con **đậm**\n- [NFR] Nội bộ",
            )
        )
        library.link_topic(secret.id, made["topic"].id)
        library.set_participant(secret.id, made["lao"].id, "counterpart")
        library.add(TalkingPoint(topic_id=made["topic"].id, text="ประเทศไทย *ลาว*", status="cleared"))
        book_id = new_book(library, made["event"].id, title="Sổ tay Viêng Chăn").id
    document = assemble(library, book_id, ceiling="Confidential")
    library.close()
    return document


BAD = {
    "above the ceiling": Origin("Secret", kind="meeting", item_id="m-secret", name="M"),
    "not for release": Origin("Public", True, kind="person", item_id="p-nfr", name="P"),
    "unknown level": Origin("Tối mật", kind="topic", item_id="t-x", name="T"),
    "a level that is no text": Origin(["Public"], kind="topic", item_id="t-y", name="T"),  # type: ignore[arg-type]
    "none": None,
}


@pytest.mark.parametrize("how", list(BAD))
def test_every_origin_made_to_leak_is_found_where_the_plain_walk_finds_it(
    book: Document, how: str, monkeypatch
) -> None:
    monkeypatch.setattr(changes, "RECORD_TYPES", {k: k for k in changes.TEXT_KINDS})
    slots = _slots(book, [])
    assert len(slots) > 100
    tried = 0
    for holder, key in slots:
        before = holder[key] if isinstance(holder, dict) else getattr(holder, key)
        _put(holder, key, BAD[how])
        try:
            for ceiling, sharing in (("Confidential", True), ("Confidential", False), ("Public", False)):
                found = [
                    (p.where, p.reason) for p in release.problems(book, LEVELS, ceiling, sharing=sharing)
                ]
                assert found == _plain_gate(book, ceiling, sharing), (holder, key, ceiling, sharing)
                tried += bool(found)
            asked = _Records()
            changes.included(book, asked)
            plain: dict[str, list[str]] = {}
            for item_id, origin in _plain_included(book):
                plain.setdefault(origin.kind, []).append(item_id)
            assert asked.asked == list(plain.items()), (holder, key)
        finally:
            _put(holder, key, before)
    assert tried > len(slots)  # most leaks are found (a slot may hold only an empty text)


def test_the_book_as_assembled_passes_and_names_its_items(book: Document) -> None:
    assert release.problems(book, LEVELS, "Confidential", sharing=False) == []
    assert _plain_gate(book, "Confidential", False) == []
    kinds = {origin.kind for _id, origin in _plain_included(book)}
    assert {"event", "meeting", "topic", "talking_point", "person"} <= kinds


def test_what_a_run_holds_where_text_or_a_link_should_be_is_walked(book: Document) -> None:
    """A run of an origin that may leave holding, as its text or its link, a node of its own
    (a paragraph of a secret run): the gate walks into it, as the plain walk does."""
    from briefbook.document.model import Paragraph, Run

    fine = Origin("Public", kind="topic", item_id="t-ok", name="T")
    inner = Paragraph([Run("leaked words", origin=BAD["above the ceiling"])])
    odd = [
        Run("x", link=inner, origin=fine),  # type: ignore[arg-type]
        Run(inner, origin=fine),  # type: ignore[arg-type]
        Run("y", link=["z", inner], origin=fine),  # type: ignore[arg-type]
    ]
    document = Document(book.meta, [Paragraph(odd, origin=fine)])
    found = [(p.where, p.reason) for p in release.problems(document, LEVELS, "Confidential", sharing=False)]
    assert found == _plain_gate(document, "Confidential", False)
    assert len(found) == 3 and all(reason == "above the ceiling" for _where, reason in found)
