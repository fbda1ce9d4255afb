"""What assembly knows while it builds one book: the ceiling, drafts, warnings, anchors.

Every item passes :meth:`Assembly.admit` before any of its text reaches the
document, so that the ceiling and the drafts rule are applied in one place
and every item left out is reported to the preflight.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefbook.assemble import markdown
from briefbook.assemble.words import words
from briefbook.document.model import Block, ListItem, Run
from briefbook.library import Book, Library, Person, Record, TalkingPoint

# A person's sensitivities are at least this sensitive, whatever the profile's own level.
SENSITIVITIES_LEVEL_RANK = 2


@dataclass(frozen=True)
class PreflightWarning:
    """Something the user should see before exporting; ``item_id`` says what it is about."""

    code: str
    message: str
    kind: str = ""
    item_id: str = ""


@dataclass
class Assembly:
    library: Library
    book: Book
    ceiling: str
    drafts: str
    language: str
    releasable: bool = False
    levels: list[str] = field(default_factory=list)
    warnings: list[PreflightWarning] = field(default_factory=list)
    highest_rank: int = 0
    draft_included: bool = False
    people: dict[str, Person] = field(default_factory=dict)  # everyone the book mentions, in order
    _anchors: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.levels = self.library.classification_levels()
        self.ceiling_rank = (
            self.levels.index(self.ceiling) if self.ceiling in self.levels else len(self.levels) - 1
        )
        self.words = words(self.language)

    def admit(self, item: Record) -> bool:
        """True if the item may appear; otherwise record why it was left out."""
        level = getattr(item, "classification", self.levels[0])
        rank = self.levels.index(level) if level in self.levels else len(self.levels) - 1
        if rank > self.ceiling_rank:
            self.warn(
                "above_ceiling",
                f"{item.LABEL} “{_short(item.display_name)}” is {level}, above the ceiling "
                f"({self.ceiling}); it is left out.",
                item,
            )
            return False
        if isinstance(item, TalkingPoint) and item.status != "cleared":
            if self.drafts == "omit":
                self.warn(
                    "draft_omitted",
                    f"Talking point “{_short(item.display_name)}” is not cleared; left out.",
                    item,
                )
                return False
            self.draft_included = True
            self.warn(
                "draft_included", f"Talking point “{_short(item.display_name)}” is not cleared yet.", item
            )
        self.highest_rank = max(self.highest_rank, rank)
        return True

    def admit_level(self, rank: int) -> bool:
        """For a field with its own minimum level (a person's sensitivities)."""
        if rank > self.ceiling_rank:
            return False
        self.highest_rank = max(self.highest_rank, rank)
        return True

    def blocks(self, text: str, style: str = "body") -> list[Block]:
        """A Markdown field as blocks; passages not for release are dropped from shared exports."""
        found = markdown.blocks(text, style, releasable=self.releasable)
        if self.releasable and len(found) < len(markdown.blocks(text, style)):
            self.warn("not_for_release", "Passages marked not for release are left out of this export.")
        return found

    def runs(self, text: str) -> list[Run]:
        return markdown.runs(text, releasable=self.releasable)

    def items(self, text: str) -> list[ListItem]:
        """A field as list items, sub-lists kept (a talking point in a list of points)."""
        return markdown.items(text, releasable=self.releasable)

    def mention(self, person: Person) -> None:
        """Note a person the book names, for the biographies annex."""
        self.people.setdefault(person.id, person)

    def warn(self, code: str, message: str, item: Record | None = None) -> None:
        self.warnings.append(
            PreflightWarning(code, message, item.KIND if item else "", item.id if item else "")
        )

    def anchor(self, text: str) -> str:
        """A document-unique anchor derived from ``text`` (for bookmarks and links)."""
        base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "section"
        candidate, n = base, 1
        while candidate in self._anchors:
            n += 1
            candidate = f"{base}-{n}"
        self._anchors.add(candidate)
        return candidate

    @property
    def banner(self) -> str:
        return self.levels[self.highest_rank].upper() if self.levels else ""


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
