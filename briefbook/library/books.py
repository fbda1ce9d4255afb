"""Book definitions: which sections a briefing book has, in which order, with which items.

A book's sections are stored as JSON in its row (they are edited and copied as
a whole, never queried by SQL). The default order is the one a delegation
book uses: cover, contents, programme, delegation, objectives, one brief per
meeting, topic briefs, then the statements and biographies annexes.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, field, replace
from typing import TYPE_CHECKING

from briefbook.errors import ValidationError
from briefbook.library.records import Book, Event
from briefbook.shared_methods import dataclass
from briefbook.text import clean_line

if TYPE_CHECKING:
    from briefbook.library.api import Library

SECTION_KINDS = (
    "cover",
    "contents",
    "programme",
    "delegation",
    "objectives",
    "meetings",
    "topics",
    "statements",
    "biographies",
    "text",
)

DEFAULT_TITLES = {
    "en": {
        "cover": "Cover",
        "contents": "Contents",
        "programme": "Programme",
        "delegation": "Delegation and participants",
        "objectives": "Objectives and scene-setter",
        "meetings": "Meeting briefs",
        "topics": "Topic briefs",
        "statements": "Annex: prior statements",
        "biographies": "Annex: biographies",
        "text": "Notes",
    },
    "vi": {
        "cover": "Trang bìa",
        "contents": "Mục lục",
        "programme": "Chương trình",
        "delegation": "Thành phần đoàn và đại biểu",
        "objectives": "Mục tiêu và bối cảnh",
        "meetings": "Đề cương các cuộc gặp",
        "topics": "Đề cương theo chủ đề",
        "statements": "Phụ lục: phát biểu trước đây",
        "biographies": "Phụ lục: tiểu sử",
        "text": "Ghi chú",
    },
}


@dataclass
class MeetingChoice:
    """For one meeting brief: the talking points and statements it includes, in order.

    ``None`` means "all that apply, in their own order" (the meeting's topics'
    points and statements), so a new point shows up without editing the book.
    """

    talking_points: list[str] | None = None
    statements: list[str] | None = None


@dataclass
class Section:
    """One section of a book: its kind, title, whether it is printed and, if chosen, its items."""

    kind: str
    title: str
    include: bool = True
    items: list[str] | None = None  # ids in order; None = every item that applies
    text: str = ""  # the body of a free-text section (Markdown)
    choices: dict[str, MeetingChoice] = field(default_factory=dict)
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])

    def to_dict(self) -> dict:
        data = asdict(self)
        data["choices"] = {k: asdict(v) for k, v in self.choices.items()}
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Section:
        if data.get("kind") not in SECTION_KINDS:
            raise ValidationError(f"A book section cannot be of kind '{data.get('kind')}'.", "sections")
        choices = {k: MeetingChoice(**v) for k, v in (data.get("choices") or {}).items()}
        return cls(
            kind=data["kind"],
            title=str(data.get("title") or ""),
            include=bool(data.get("include", True)),
            items=data.get("items"),
            text=str(data.get("text") or ""),
            choices=choices,
            id=str(data.get("id") or uuid.uuid4().hex[:12]),
        )


def section_title(section: Section, language: str) -> str:
    """The title a section shows in a book of ``language``.

    A section keeps the default title of its kind in the book's language until
    the user renames it: a title that is empty or is the default in any
    language follows the book's language (switch a book to Vietnamese and
    "Contents" becomes "Mục lục"); a title of the user's own stays as written.
    """
    defaults = {titles[section.kind] for titles in DEFAULT_TITLES.values() if section.kind in titles}
    if section.kind != "text" and (not section.title.strip() or section.title in defaults):
        return DEFAULT_TITLES.get(language, DEFAULT_TITLES["en"])[section.kind]
    return section.title


def default_sections(language: str = "vi") -> list[Section]:
    titles = DEFAULT_TITLES.get(language, DEFAULT_TITLES["en"])
    return [Section(kind, titles[kind]) for kind in SECTION_KINDS if kind != "text"]


# Said where a move would take the cover from the front (the composer says it in the window's words).
COVER_STAYS_FIRST = (
    "The cover stays the first section of the book: it cannot be moved, nor can a section go before it."
)


def sections(book: Book) -> list[Section]:
    """A book's sections in order, a cover first (a book stored with its cover moved elsewhere,
    before moves were refused, printed its cover pages in the middle or at the end)."""
    try:
        raw = json.loads(book.sections or "[]")
    except json.JSONDecodeError:
        raise ValidationError(f"The sections of the book '{book.title}' are damaged.", "sections") from None
    return cover_first([Section.from_dict(d) for d in raw])


def cover_first(parts: list[Section]) -> list[Section]:
    """``parts`` with any cover section moved to the front; the others keep their order."""
    covers = [s for s in parts if s.kind == "cover"]
    if all(s.kind == "cover" for s in parts[: len(covers)]):
        return parts
    return covers + [s for s in parts if s.kind != "cover"]


def cover_moved(parts: list[Section]) -> bool:
    """True when a cover is not at the front of ``parts`` (a move the composer and the command
    line refuse, saying :data:`COVER_STAYS_FIRST`)."""
    return cover_first(parts) is not parts


def save_sections(library: Library, book_id: str, new_sections: list[Section]) -> Book:
    """Store a book's sections (one transaction). The book's version is not touched: it counts
    exports that differ from the last one (see ``Library.record_export``), not edits."""
    return library.update(Book, book_id, sections=sections_json(new_sections))


def sections_json(new_sections: list[Section]) -> str:
    """A book's sections as they are stored: each title as a one-line field is (``clean_line``:
    "  Logistics " was printed " Logistics", a title with a line break broke its heading)."""
    data = [s.to_dict() for s in new_sections]
    for one in data:
        one["title"] = clean_line(one["title"])
    return json.dumps(data, ensure_ascii=False)


def new_book(library: Library, event_id: str, **fields: object) -> Book:
    """A new book for an event, with the default sections in the book's language."""
    event = library.get(Event, event_id)
    language = str(fields.get("language") or "vi")
    fields.setdefault(
        "title", ("Tài liệu chuẩn bị: " if language == "vi" else "Briefing book: ") + event.title
    )
    fields.setdefault(
        "sections", json.dumps([s.to_dict() for s in default_sections(language)], ensure_ascii=False)
    )
    # Never without a ceiling (none would not export): by default the event's own level.
    fields["ceiling"] = fields.get("ceiling") or event.classification
    return library.add(Book(event_id=event_id, **fields))  # type: ignore[arg-type]


def copy_book(
    library: Library, book_id: str, *, event_id: str | None = None, title: str | None = None
) -> Book:
    """Start a new book from an existing one (e.g. last year's), optionally for another event.

    Item choices that belong to the old event's meetings are kept only when the
    copy stays with the same event; for another event they would point nowhere.
    """
    original = library.get(Book, book_id)
    copied = sections(original)
    if event_id and event_id != original.event_id:
        copied = [replace(s, items=None if s.kind == "meetings" else s.items, choices={}) for s in copied]
    for s in copied:
        s.id = uuid.uuid4().hex[:12]
    data = json.dumps([s.to_dict() for s in copied], ensure_ascii=False)
    fresh = replace(
        original,
        id="",
        event_id=event_id or original.event_id,
        title=title or original.title,
        sections=data,
        version=0,
        last_export_at="",
    )
    return library.add(fresh)
