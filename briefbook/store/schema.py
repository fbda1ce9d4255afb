"""The library's schema, as named migration steps.

Each step is registered once and never edited after it ships: a later change
to the schema is a new step. ``tests/fixtures/`` keeps a library file written
at every schema version, and a test opens each one.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from briefbook.shared_methods import dataclass

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass
class Step:
    """One named step (``fn`` runs it on a sqlite-utils ``Database``)."""

    name: str
    fn: Callable[[Any], None]
    transactional: bool = True


class Steps:
    """The named steps, registered as sqlite-utils' ``Migrations`` registers them (same
    decorator, names and records), without loading sqlite-utils: opening a library of this
    version asks only their names; sqlite-utils runs them (:meth:`apply`) when one is due."""

    migrations_table = "_sqlite_migrations"

    def __init__(self, name: str):
        self.name = name
        self._migrations: list[Step] = []

    def __call__(self, *, name: str | None = None, transactional: bool = True):
        def inner(fn):
            step_name = name or fn.__name__
            if any(step.name == step_name for step in self._migrations):
                raise ValueError(f"Migration '{step_name}' is already registered in set '{self.name}'")
            self._migrations.append(Step(step_name, fn, transactional))
            return fn

        return inner

    def _sqlite_utils(self):
        from sqlite_utils.migrations import Migrations

        migrations = Migrations(self.name)
        for step in self._migrations:  # as they are now (a test may add a step or wrap one)
            migrations(name=step.name, transactional=step.transactional)(step.fn)
        return migrations

    def apply(self, db: Database, *, stop_before: str | Iterable[str] | None = None) -> None:
        self._sqlite_utils().apply(db, stop_before=stop_before)

    def applied(self, db: Database) -> list:
        return self._sqlite_utils().applied(db)

    def pending(self, db: Database) -> list:
        return self._sqlite_utils().pending(db)


MIGRATIONS = Steps("briefbook")

_COMMON = "id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL"

_SCHEMA_V1 = f"""
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE classification_levels (rank INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE organisations ({_COMMON},
    name TEXT NOT NULL, acronym TEXT NOT NULL DEFAULT '', country TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'government', description TEXT NOT NULL DEFAULT '');
CREATE TABLE people ({_COMMON},
    name TEXT NOT NULL, name_romanised TEXT NOT NULL DEFAULT '', honorific TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT '',
    organisation_id TEXT REFERENCES organisations(id) ON DELETE SET NULL,
    country TEXT NOT NULL DEFAULT '', biography TEXT NOT NULL DEFAULT '',
    languages TEXT NOT NULL DEFAULT '', pronunciation TEXT NOT NULL DEFAULT '',
    form_of_address TEXT NOT NULL DEFAULT '', interests TEXT NOT NULL DEFAULT '',
    sensitivities TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '',
    classification TEXT NOT NULL DEFAULT 'Public');
CREATE TABLE photos (person_id TEXT PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    data BLOB NOT NULL, format TEXT NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL,
    original_format TEXT NOT NULL, original_width INTEGER NOT NULL, original_height INTEGER NOT NULL);
CREATE TABLE events ({_COMMON},
    title TEXT NOT NULL, start_date TEXT NOT NULL DEFAULT '', end_date TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '', country TEXT NOT NULL DEFAULT '', hosts TEXT NOT NULL DEFAULT '',
    scene_setter TEXT NOT NULL DEFAULT '', objectives TEXT NOT NULL DEFAULT '',
    classification TEXT NOT NULL DEFAULT 'Public');
CREATE TABLE event_delegation (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    role TEXT NOT NULL DEFAULT '', position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, person_id));
CREATE TABLE meetings ({_COMMON},
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    title TEXT NOT NULL, kind TEXT NOT NULL DEFAULT 'plenary',
    starts_at TEXT NOT NULL DEFAULT '', ends_at TEXT NOT NULL DEFAULT '', venue TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL DEFAULT '', objectives TEXT NOT NULL DEFAULT '',
    classification TEXT NOT NULL DEFAULT 'Public', position INTEGER NOT NULL DEFAULT 0);
CREATE INDEX meetings_event ON meetings(event_id, starts_at);
CREATE TABLE meeting_participants (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    role TEXT NOT NULL DEFAULT 'counterpart', position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (meeting_id, person_id));
CREATE TABLE topics ({_COMMON},
    title TEXT NOT NULL, background TEXT NOT NULL DEFAULT '',
    classification TEXT NOT NULL DEFAULT 'Public');
CREATE TABLE meeting_topics (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    topic_id TEXT NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (meeting_id, topic_id));
CREATE TABLE talking_points ({_COMMON},
    topic_id TEXT NOT NULL REFERENCES topics(id) ON DELETE RESTRICT,
    kind TEXT NOT NULL DEFAULT 'key_message', question TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL, language TEXT NOT NULL DEFAULT 'vi',
    status TEXT NOT NULL DEFAULT 'draft', drafted_by TEXT NOT NULL DEFAULT '',
    cleared_by TEXT NOT NULL DEFAULT '', cleared_on TEXT NOT NULL DEFAULT '',
    classification TEXT NOT NULL DEFAULT 'Public', position INTEGER NOT NULL DEFAULT 0);
CREATE INDEX talking_points_topic ON talking_points(topic_id, position);
CREATE TABLE statements ({_COMMON},
    speaker_id TEXT REFERENCES people(id) ON DELETE SET NULL, speaker_name TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '', occasion TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '',
    link TEXT NOT NULL DEFAULT '', text TEXT NOT NULL, language TEXT NOT NULL DEFAULT 'vi',
    classification TEXT NOT NULL DEFAULT 'Public');
CREATE TABLE statement_topics (
    statement_id TEXT NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    topic_id TEXT NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
    PRIMARY KEY (statement_id, topic_id));
CREATE TABLE books ({_COMMON},
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    title TEXT NOT NULL, subtitle TEXT NOT NULL DEFAULT '', template TEXT NOT NULL DEFAULT 'formal-a4',
    ceiling TEXT NOT NULL DEFAULT '', drafts TEXT NOT NULL DEFAULT 'mark',
    language TEXT NOT NULL DEFAULT 'vi', recipient TEXT NOT NULL DEFAULT '',
    copy_number TEXT NOT NULL DEFAULT '', author TEXT NOT NULL DEFAULT '',
    drafted_by TEXT NOT NULL DEFAULT '', cleared_by TEXT NOT NULL DEFAULT '',
    issue_date TEXT NOT NULL DEFAULT '', sections TEXT NOT NULL DEFAULT '[]',
    version INTEGER NOT NULL DEFAULT 1, last_export_at TEXT NOT NULL DEFAULT '');
CREATE TABLE revisions (id INTEGER PRIMARY KEY AUTOINCREMENT,
    table_name TEXT NOT NULL, item_id TEXT NOT NULL, field TEXT NOT NULL,
    value TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX revisions_item ON revisions(table_name, item_id, field, id);
CREATE TABLE search_docs (rowid INTEGER PRIMARY KEY, kind TEXT NOT NULL, item_id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL, body TEXT NOT NULL);
CREATE VIRTUAL TABLE search_words USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3');
CREATE VIRTUAL TABLE search_trigrams USING fts5(text, tokenize = 'trigram');
"""

DEFAULT_LEVELS = ("Public", "Internal", "Confidential", "Secret")


@MIGRATIONS(name="0001_initial")
def _initial(db: Database) -> None:
    for statement in _SCHEMA_V1.split(";"):
        if statement.strip():
            db.execute(statement)
    # ORDER BY rank uses this: a match in a title weighs ten times one in the text.
    db.execute("INSERT INTO search_words (search_words, rank) VALUES ('rank', 'bm25(10.0, 1.0)')")
    db["classification_levels"].insert_all({"rank": i, "name": n} for i, n in enumerate(DEFAULT_LEVELS))


# The default scheme's stable keys and its words per language (a library may rename
# its levels and change every label; the key stays).
DEFAULT_LEVEL_KEYS = {
    "public": "public",
    "internal": "internal",
    "confidential": "confidential",
    "secret": "secret",
}
DEFAULT_LEVEL_LABELS = {
    "public": {"en": "Public", "vi": "Công khai"},
    "internal": {"en": "Internal", "vi": "Lưu hành nội bộ"},
    "confidential": {"en": "Confidential", "vi": "Mật"},
    "secret": {"en": "Secret", "vi": "Tối mật"},
}


@MIGRATIONS(name="0002_level_keys_and_labels")
def _level_keys_and_labels(db: Database) -> None:
    """Each level gets a stable key (what renames keep) and its words per language (JSON)."""
    db.execute("ALTER TABLE classification_levels ADD COLUMN key TEXT")
    db.execute("ALTER TABLE classification_levels ADD COLUMN labels TEXT NOT NULL DEFAULT '{}'")
    taken: set[str] = set()
    for rank, name in db.execute("SELECT rank, name FROM classification_levels ORDER BY rank").fetchall():
        key = DEFAULT_LEVEL_KEYS.get(" ".join(name.split()).casefold(), "")
        if not key or key in taken:
            key = f"level-{uuid.uuid4().hex[:12]}"
        taken.add(key)
        labels = DEFAULT_LEVEL_LABELS.get(key, {})
        db.execute(
            "UPDATE classification_levels SET key = ?, labels = ? WHERE rank = ?",
            [key, json.dumps(labels, ensure_ascii=False), rank],
        )
    db.execute("CREATE UNIQUE INDEX classification_levels_key ON classification_levels(key)")


def known_migrations() -> list[str]:
    """The names of every step this version of BriefBook knows, in order."""
    return [m.name for m in MIGRATIONS._migrations]


_SCHEMA_EXCHANGE = """
CREATE TABLE item_versions (seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL, item_id TEXT NOT NULL, vid TEXT NOT NULL, content_hash TEXT NOT NULL,
    UNIQUE (item_id, vid));
CREATE INDEX item_versions_item ON item_versions(item_id, seq);
CREATE TABLE exchange_conflicts (id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL, item_id TEXT NOT NULL, their_vid TEXT NOT NULL, their_hash TEXT NOT NULL,
    their_item TEXT NOT NULL, their_history TEXT NOT NULL, package TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL, UNIQUE (item_id, their_vid));
"""


@MIGRATIONS(name="0003_exchange_versions")
def _exchange_versions(db: Database) -> None:
    """Exchange packages: each item's known versions (content hashes) and unresolved conflicts.

    Why hashes and not times: the laptops that exchange packages have no common
    clock, so "which side changed since they last agreed" is told by the
    versions both have seen (see :mod:`briefbook.exchange.versions`).
    """
    for statement in _SCHEMA_EXCHANGE.split(";"):
        if statement.strip():
            db.execute(statement)


@MIGRATIONS(name="0004_deleted_items")
def _deleted_items(db: Database) -> None:
    """What a delete removed (the item and everything that went with it), so it can be brought back.

    ``snapshot`` is JSON (see :mod:`briefbook.library.deleted`); the newest entries
    are kept (``KEEP_DELETED``), like revisions.
    """
    db.execute(
        "CREATE TABLE deleted_items (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, "
        "item_id TEXT NOT NULL, title TEXT NOT NULL, deleted_at TEXT NOT NULL, snapshot TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX deleted_items_item ON deleted_items(item_id, id)")


@MIGRATIONS(name="0005_export_records")
def _export_records(db: Database) -> None:
    """What each export of a book included (items, a hash and the text of each), so that the
    next one can say what changed since (see :mod:`briefbook.exchange.changes`)."""
    db.execute(
        "CREATE TABLE export_records (id INTEGER PRIMARY KEY AUTOINCREMENT, "
        "book_id TEXT NOT NULL REFERENCES books(id) ON DELETE CASCADE, version INTEGER NOT NULL, "
        "exported_at TEXT NOT NULL, ceiling TEXT NOT NULL DEFAULT '', "
        "for_sharing INTEGER NOT NULL DEFAULT 0, "
        "items TEXT NOT NULL, UNIQUE (book_id, version))"
    )


@MIGRATIONS(name="0006_meeting_their_positions")
def _meeting_their_positions(db: Database) -> None:
    # A meeting brief's "their likely positions and asks" (Markdown), answered by the
    # reactive points ("if raised").
    db.execute("ALTER TABLE meetings ADD COLUMN their_positions TEXT NOT NULL DEFAULT ''")


@MIGRATIONS(name="0007_search_index_fingerprints")
def _search_index_fingerprints(db: Database) -> None:
    """Each search index entry's fingerprint (:mod:`briefbook.store.index_fingerprint`).

    ``check`` compares fingerprints in SQL instead of folding every item again. Entries
    written before this step have none; the index version (``INDEX_VERSION``) makes every
    library rebuild its index once, which writes them.
    """
    db.execute("ALTER TABLE search_docs ADD COLUMN fingerprint BLOB")


@MIGRATIONS(name="0008_stored_sort_keys")
def _stored_sort_keys(db: Database) -> None:
    """A stored, indexed Vietnamese sort key beside each text field the tables sort by.

    Sorting 75,000 talking points by their text computed every row's key in Python
    (6.7-8.2 s); with the key in an index, the first rows come straight from it. See
    :mod:`briefbook.store.sort_keys` (which also keeps the keys up to date on write).
    """
    from briefbook.store.sort_keys import add_key_columns

    add_key_columns(db)


@MIGRATIONS(name="0009_short_sort_keys")
def _short_sort_keys(db: Database) -> None:
    """Stored sort keys cut to their first bytes (:data:`briefbook.store.sort_keys.STORED_BYTES`).

    ``0008`` first stored whole keys, 1.8 KB for a long talking point: a 260 MB library
    of 100,000 items grew to 1.08 GB. A prefix keeps the order (ties are sorted by the
    whole key, computed for them alone). ``0008`` now stores the prefix itself; this step
    cuts the keys of libraries that were migrated before that.
    """
    from briefbook.store.sort_keys import shorten_keys

    shorten_keys(db)


@MIGRATIONS(name="0010_versions_count_exports")
def _versions_count_exports(db: Database) -> None:
    """A book's version counts the exports that differed from the one before, not every edit.

    Each export record gets the fingerprint of what it was made of (``content_hash``), so
    the next export can tell whether it holds anything new (see
    :meth:`briefbook.library.sync.SyncMixin.record_export`). A book's ``version`` becomes the
    version of its last export, 0 before the first: the old count went up on every click in
    the composer (an untick and its undo were two versions), so it meant nothing to keep.
    """
    db.execute("ALTER TABLE export_records ADD COLUMN content_hash TEXT NOT NULL DEFAULT ''")
    db.execute(
        "UPDATE books SET version = (SELECT coalesce(max(r.version), 0) FROM export_records r "
        "WHERE r.book_id = books.id)"
    )


@MIGRATIONS(name="0011_link_indexes")
def _link_indexes(db: Database) -> None:
    """An index on every foreign key column that had none.

    A link table's primary key starts with its owner (``statement_id``, ``meeting_id``), so
    "the statements on a topic", "a person's meetings" and what uses a topic or a person read
    the whole table, and every delete of a topic, person, organisation or event made SQLite's
    own foreign key check read each child table that names it. On a 100,000-item library with
    64,000 topic links and 30,000 participants (``bench/link_indexes.py``, load 1.4), deleting
    a person took 17 ms without them and 0.1 ms with them; a topic's statements 4.3 and 0.4 ms.
    """
    for name, table, column in (
        ("statement_topics_topic", "statement_topics", "topic_id"),
        ("meeting_topics_topic", "meeting_topics", "topic_id"),
        ("meeting_participants_person", "meeting_participants", "person_id"),
        ("event_delegation_person", "event_delegation", "person_id"),
        ("statements_speaker", "statements", "speaker_id"),
        ("people_organisation", "people", "organisation_id"),
        ("books_event", "books", "event_id"),
    ):
        db.execute(f"CREATE INDEX {name} ON {table}({column})")


@MIGRATIONS(name="0012_sort_keys_read_as_text")
def _sort_keys_read_as_text(db: Database) -> None:
    """A talking point's and a statement's text sort by what they read as, not by their Markdown.

    ``**Thái Lan**`` sorted before every letter (by its asterisks), ``\\[NFR]`` by its backslash
    and a link by its address. Their stored keys are now made from the text read as a reader
    sees it (:func:`briefbook.markdown_plain.sort_text`); this step computes again the keys of
    the texts that hold any character Markdown could act on (the others keep theirs).
    """
    from briefbook.store.sort_keys import read_markdown_keys

    read_markdown_keys(db)


@MIGRATIONS(name="0013_export_record_language")
def _export_record_language(db: Database) -> None:
    """The language each export was made in, so that a copy's changes page compares it with the
    last copy of its kind in its language too (:meth:`briefbook.library.sync.SyncMixin.last_export`).

    A Vietnamese copy made after an English one said "changes since version N" of the English
    copy, which its reader never received. Records made before this step keep ``''``: their
    language is not known, and they count as a copy of any language, as they did.
    """
    db.execute("ALTER TABLE export_records ADD COLUMN language TEXT NOT NULL DEFAULT ''")
