"""Classification levels as data: one parser for a level named anywhere, renames that
reach every item and book at once, and changes that could lower a protection only
when the user confirms them.

A level has a stable ``key`` (renames keep it), a ``name`` (what items and books
store, and the library's own word for it) and a label per language (what a book in
that language prints: "Mật" in a Vietnamese book, "Confidential" in an English
one). :func:`parse_level` is the only way a level typed by someone (a CLI option,
a book field, the GUI, a received file) becomes one of the library's: it matches
names, labels and keys regardless of case, Unicode form, invisible characters and
spacing, and refuses anything else with a message listing the levels. Nothing
that does not parse ever means "no ceiling".
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import field

from briefbook.errors import Conflict, ValidationError
from briefbook.invisible import every_invisible_shown, invisible_characters
from briefbook.library.records import RECORD_TYPES
from briefbook.shared_methods import dataclass
from briefbook.text import clean_line


@dataclass(frozen=True)
class Level:
    """One classification level of the scheme: its key, name, rank (0 lowest) and labels per language."""

    key: str
    name: str
    rank: int
    labels: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def label(self, language: str) -> str:
        """The level in a book's language ("vi", "en-GB"...); the library's name if none is set."""
        base = (language or "").split("-")[0].lower()
        return self.labels.get(base) or self.name


def fold_level(text: str) -> str:
    """A level name as it compares: NFKC, casefolded, no invisible characters, single spaces."""
    text = unicodedata.normalize("NFKC", str(text or ""))
    text = "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Cc"))
    return unicodedata.normalize("NFC", " ".join(text.split()).casefold())


def parse_level(levels: list[Level], text: str | None, *, what: str = "classification level") -> Level:
    """The level ``text`` names (its name, a label or its key, in any case and spacing).

    Raises :class:`ValidationError` for an empty, unknown or ambiguous name; the
    message lists the library's levels.
    """
    wanted = fold_level(text or "")
    names = ", ".join(level.name for level in levels)
    if not wanted:
        raise ValidationError(f"Give a {what}: one of {names}.", "classification")
    # Names first, then labels, then keys: a name is what the library calls the level.
    unique: list[Level] = []
    for tier in (
        [lv for lv in levels if fold_level(lv.name) == wanted],
        [lv for lv in levels if any(fold_level(label) == wanted for label in lv.labels.values())],
        [lv for lv in levels if lv.key == wanted],
    ):
        unique = list(dict.fromkeys(tier))
        if unique:
            break
    if len(unique) == 1:
        return unique[0]
    if not unique:
        raise ValidationError(
            f"'{clean_line(text)}' is not a classification level in this library; "
            f"the levels are, lowest first: {names}.",
            "classification",
        )
    raise ValidationError(
        f"'{clean_line(text)}' could mean more than one level ({', '.join(lv.name for lv in unique)}); "
        "use the level's name.",
        "classification",
    )


def rank_of(levels: list[Level], name: str | None) -> int:
    """The rank of the level ``name`` names, read as :func:`parse_level` reads it; a name the
    library does not know counts as the highest level (the export's rule: what cannot be read
    is never printed below its level). The composer marks what is above a book's ceiling by it."""
    try:
        return parse_level(levels, name).rank
    except ValidationError:
        return len(levels) - 1


def _tables_with_classification() -> list[str]:
    return [cls.TABLE for cls in RECORD_TYPES.values() if "classification" in cls.field_names()]


def _unambiguous(levels: list[Level]) -> list[Level]:
    """The levels with every label that is also another level's name or label (in that
    language) dropped: such a level is printed by its own name. The levels commands refuse
    such a label; a library file edited elsewhere may hold one ("Công khai" on Secret), and
    a Secret copy's banner must never read as another level."""
    names = {fold_level(lv.name): lv.name for lv in levels}
    out = []
    for lv in levels:
        kept = {}
        for language, label in lv.labels.items():
            folded = fold_level(label)
            other_name = names.get(folded) not in (None, lv.name)
            other_label = any(
                o is not lv and fold_level(o.labels.get(language, "")) == folded for o in levels
            )
            if folded and not other_name and not other_label:
                kept[language] = label
        out.append(lv if kept == lv.labels else Level(lv.key, lv.name, lv.rank, kept))
    return out


class LevelsMixin:
    """The Library's operations on its classification scheme (mixed into Library)."""

    db: object

    # -- reading --------------------------------------------------------------------

    def levels(self) -> list[Level]:
        """The library's levels, lowest first."""
        rows = self.db.execute(  # type: ignore[attr-defined]
            "SELECT key, name, rank, labels FROM classification_levels ORDER BY rank"
        ).fetchall()
        out = []
        for n, (key, name, _rank, labels) in enumerate(rows):
            try:
                words = json.loads(labels or "{}")
            except ValueError:
                words = {}
            words = {str(k): str(v) for k, v in words.items()} if isinstance(words, dict) else {}
            out.append(Level(key or name, name, n, words))
        return _unambiguous(out)

    def classification_levels(self) -> list[str]:
        """The library's level names, lowest first."""
        return [level.name for level in self.levels()]

    def parse_level(self, text: str | None, *, what: str = "classification level") -> str:
        """The library's name for the level ``text`` names (see :func:`parse_level`)."""
        return parse_level(self.levels(), text, what=what).name

    def level_rank(self, level: str) -> int:
        return parse_level(self.levels(), level).rank

    def level_label(self, level: str, language: str) -> str:
        """The words a book in ``language`` prints for ``level``."""
        return parse_level(self.levels(), level).label(language)

    def level_usage(self) -> dict[str, int]:
        """How many items and book ceilings use each level name."""
        counts: dict[str, int] = {}
        for table in [*_tables_with_classification(), "books"]:
            column = "ceiling" if table == "books" else "classification"
            for name, n in self.db.execute(  # type: ignore[attr-defined]
                f"SELECT {column}, count(*) FROM {table} GROUP BY {column}"
            ).fetchall():
                if name:
                    counts[name] = counts.get(name, 0) + n
        return counts

    # -- changing -------------------------------------------------------------------

    def rename_level(self, old: str, new: str) -> Level:
        """Rename a level everywhere at once: the scheme, every item's classification and
        every book's ceiling, in one transaction. A label that was the old name becomes the
        new one; other labels (the Vietnamese words) stay as they are."""
        with self.transaction():  # type: ignore[attr-defined]
            levels = self.levels()
            level = parse_level(levels, old)
            name = clean_line(new)
            if not name:
                raise ValidationError("A level needs a name.", "name")
            _refuse_invisible(name, "level name")
            _refuse_clash(levels, level.key, name)
            db = self.db
            # A label that was the old name follows it (English, by default); others stay.
            labels = {
                k: (name if fold_level(v) == fold_level(level.name) else v) for k, v in level.labels.items()
            }
            db.execute(  # type: ignore[attr-defined]
                "UPDATE classification_levels SET name = ?, labels = ? WHERE key = ?",
                [name, json.dumps(labels, ensure_ascii=False), level.key],
            )
            for table in _tables_with_classification():
                db.execute(  # type: ignore[attr-defined]
                    f"UPDATE {table} SET classification = ? WHERE classification = ?", [name, level.name]
                )
            db.execute("UPDATE books SET ceiling = ? WHERE ceiling = ?", [name, level.name])  # type: ignore[attr-defined]
        return parse_level(self.levels(), name)

    def set_level_label(self, level: str, language: str, label: str) -> None:
        """The words a book in ``language`` prints for ``level`` (empty: the level's name)."""
        language = clean_line(language).lower()
        if not language or len(language) > 12:
            raise ValidationError("Give a language code such as vi or en.", "language")
        with self.transaction():  # type: ignore[attr-defined]
            levels = self.levels()
            found = parse_level(levels, level)
            if clean_line(label):
                _refuse_invisible(clean_line(label), "label")
                _refuse_clash(levels, found.key, label)
            labels = dict(found.labels)
            if clean_line(label):
                labels[language] = clean_line(label)
            else:
                labels.pop(language, None)
            self.db.execute(  # type: ignore[attr-defined]
                "UPDATE classification_levels SET labels = ? WHERE key = ?",
                [json.dumps(labels, ensure_ascii=False), found.key],
            )

    def plan_levels(self, names: list[str]) -> list[str]:
        """What setting the scheme to ``names`` (lowest first) would change for items and books
        already classified: the sentences a user must confirm (empty: nothing in use changes).

        A name matching a current level (in any case or spacing) keeps that level.
        """
        current = self.levels()
        new = self._new_scheme(names, current)
        usage = self.level_usage()
        changes: list[str] = []
        kept = {lv.key for lv, _ in new if lv is not None}
        for lv in current:
            if lv.key not in kept and usage.get(lv.name):
                target = _level_after_removal(current, lv, kept)
                changes.append(
                    f"The level '{lv.name}' is removed; the {usage[lv.name]} item(s) and book ceiling(s) "
                    f"using it become '{target.name}'."
                    if target
                    else f"The level '{lv.name}' is removed although {usage[lv.name]} item(s) or "
                    "book(s) use it, and there is no higher level to move them to."
                )
        old_order = [lv.key for lv in current if lv.key in kept and usage.get(lv.name)]
        new_order = [lv.key for lv, _ in new if lv is not None and usage.get(lv.name)]
        if old_order != new_order:
            by_key = {lv.key: lv.name for lv in current}
            changes.append(
                "The order of levels in use changes (lowest first) from "
                f"{', '.join(by_key[k] for k in old_order)} to {', '.join(by_key[k] for k in new_order)}: "
                "items and books keep their level, so what a ceiling lets out changes."
            )
        return changes

    def set_classification_levels(self, names: list[str], *, confirm: bool = False) -> list[str]:
        """Make the scheme ``names``, lowest first, in one transaction; returns what changed.

        A name matching a current level keeps that level (and its key and labels);
        other names are new levels. Removing or reordering a level that items or
        books use is refused (:class:`Conflict`, saying what would change) unless
        ``confirm``; then items and ceilings of a removed level move to the next
        level above it that stays (never lower). To rename, use :meth:`rename_level`.
        """
        with self.transaction():  # type: ignore[attr-defined]
            current = self.levels()
            new = self._new_scheme(names, current)
            changes = self.plan_levels(names)
            if changes and not confirm:
                raise Conflict(
                    " ".join(changes) + " Confirm to go ahead (on the command line: --yes); "
                    "to rename a level, use 'briefbook levels rename OLD NEW'."
                )
            if any("no higher level" in c for c in changes):
                raise Conflict(" ".join(changes) + " Rename the level instead, or move those items first.")
            kept = {lv.key for lv, _ in new if lv is not None}
            db = self.db
            for lv in current:
                if lv.key not in kept:
                    target = _level_after_removal(current, lv, kept)
                    if target is not None:
                        for table in _tables_with_classification():
                            db.execute(  # type: ignore[attr-defined]
                                f"UPDATE {table} SET classification = ? WHERE classification = ?",
                                [target.name, lv.name],
                            )
                        # A ceiling moves down, never up: an export lets out no more than before.
                        lower = _level_below_removal(current, lv, kept)
                        db.execute(  # type: ignore[attr-defined]
                            "UPDATE books SET ceiling = ? WHERE ceiling = ?",
                            [lower.name if lower else target.name, lv.name],
                        )
            import uuid  # here: a new level's key is its only use, and the first screen need not load it

            db.execute("DELETE FROM classification_levels")  # type: ignore[attr-defined]
            for rank, (lv, name) in enumerate(new):
                key = lv.key if lv is not None else f"level-{uuid.uuid4().hex[:12]}"
                labels = json.dumps(lv.labels if lv is not None else {}, ensure_ascii=False)
                db.execute(  # type: ignore[attr-defined]
                    "INSERT INTO classification_levels (rank, name, key, labels) VALUES (?, ?, ?, ?)",
                    [rank, lv.name if lv is not None else name, key, labels],
                )
        return changes

    def _new_scheme(self, names: list[str], current: list[Level]) -> list[tuple[Level | None, str]]:
        cleaned = [clean_line(n) for n in names if clean_line(n)]
        if not cleaned:
            raise ValidationError("A classification scheme needs at least one level.", "levels")
        folded = [fold_level(n) for n in cleaned]
        if len(set(folded)) != len(folded):
            raise ValidationError(
                "Classification levels must be distinct (case and spacing aside).", "levels"
            )
        out: list[tuple[Level | None, str]] = []
        for name in cleaned:
            match = next((lv for lv in current if fold_level(lv.name) == fold_level(name)), None)
            if match is None:  # (a name matching a level keeps that level's name as it is)
                _refuse_invisible(name, "level name")
                kept = [lv for lv in current if fold_level(lv.name) in folded]
                _refuse_clash(kept, "", name)
            out.append((match, name))
        return out


def _refuse_invisible(text: str, what: str) -> None:
    """Refuse a level's name or label (``what``) holding an invisible character: it is printed
    on every page's banner, where U+202E reverses the words after it and a zero-width space
    makes two levels look alike (``check`` names one a file brought in from elsewhere holds)."""
    hidden = invisible_characters(text)
    if hidden:
        raise ValidationError(
            f"The {what} '{every_invisible_shown(text)}' contains an invisible character "
            f"({', '.join(hidden)}), which can make a banner read otherwise than it was typed. "
            "Type it again without it.",
            "labels" if what == "label" else "name",
        )


def _refuse_clash(levels: list[Level], key: str, text: str) -> None:
    """Refuse a name or label another level already answers to: typed, it would be ambiguous."""
    wanted = fold_level(text)
    for lv in levels:
        if lv.key == key:
            continue
        if fold_level(lv.name) == wanted:
            raise Conflict(f"There is already a level named '{lv.name}'.")
        if any(fold_level(label) == wanted for label in lv.labels.values()):
            raise Conflict(
                f"'{clean_line(text)}' is already what the level '{lv.name}' is called in a book's "
                "language; choose another, so that a level typed is never ambiguous."
            )


def _level_after_removal(current: list[Level], removed: Level, kept: set[str]) -> Level | None:
    """The nearest level above ``removed`` that stays: where its items go (never lower)."""
    return next((lv for lv in current[removed.rank + 1 :] if lv.key in kept), None)


def _level_below_removal(current: list[Level], removed: Level, kept: set[str]) -> Level | None:
    """The nearest level below ``removed`` that stays: where a ceiling at it goes."""
    return next((lv for lv in reversed(current[: removed.rank]) if lv.key in kept), None)
