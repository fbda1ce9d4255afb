"""Search and the full-text index: ranked hits with marked extracts, and the index kept in step.

A mixin of :class:`~briefbook.library.api.Library`. The store
(:mod:`briefbook.store.search`) holds the FTS5 tables; here is what an item's entry
holds (:func:`index_body`), when it is written (every add, update, delete and undo,
and a person's statements when the person is renamed), and the one rebuild an index
made by an earlier version gets on open (:data:`INDEX_VERSION`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from briefbook.library.index_sources import sources_of
from briefbook.library.records import RECORD_TYPES, Record, SearchHit, Statement, TalkingPoint
from briefbook.library.snapshots import Deleted
from briefbook.markdown_plain import may_act, readable
from briefbook.store import search as fts
from briefbook.store.index_fingerprint import store_fingerprints
from briefbook.store.sort_keys import store_keys

if TYPE_CHECKING:
    from briefbook.store.connection import Database

MAX_SEARCH_LIMIT = 1000  # hits one search returns at most

# How the search index is made: raise it when titles or folding change, and every
# library rebuilds its index once on open. 2: a statement's title names its linked speaker.
# 3: Arabic folds without hamza and harakat (briefbook.text.fold). 4: every entry has its
# fingerprint (briefbook.store.index_fingerprint), which ``check`` compares. 7: a talking
# point's and a statement's title is its first line read as text (briefbook.markdown_plain).
# 8: the Markdown fields are indexed as read (index_body), not as written.
INDEX_VERSION = "8"
INDEX_VERSION_KEY = "search_index_version"


class SearchIndexMixin:
    db: Database

    def _refresh_old_index(self, progress: Callable[[str, int, int], None] | None = None) -> None:
        """Rebuild, once, a search index made by an earlier version of how it is made.

        The index holds each item's title and folded text as this version makes them
        (:data:`INDEX_VERSION`); an index made otherwise would miss or misname items
        until 'briefbook check --rebuild-index'. Checked in the writing transaction, so
        two windows opening the same old file rebuild it once. A read-only library
        keeps its index as it is. The file is backed up first, as before a schema step
        (``briefbook backups`` lists the copy), unless this open made one already.
        """
        found = self.setting(INDEX_VERSION_KEY)
        if found == INDEX_VERSION or self.read_only:
            return
        if found:  # ("": a new library's first open)
            self._backup_before_indexing(found, progress)
        if progress is not None:
            progress("index", 0, 1)
        with self.transaction():
            version = self.setting(INDEX_VERSION_KEY)
            if version == INDEX_VERSION:
                return
            # Made before fingerprints ("3"), before invisible characters and Persian letters
            # were folded ("4"), or with a person's romanised name twice ("5"): compared entry
            # by entry, the differing ones indexed again (cheaper than a rebuild), and every
            # entry given its fingerprint.
            if version == "7":  # only the texts of Markdown fields with markup can differ
                self._index_markdown_read_as_text()
                self.db["settings"].upsert({"key": INDEX_VERSION_KEY, "value": INDEX_VERSION}, pk="key")
                return
            if version == "6":  # only the names and texts of Markdown fields with markup can differ
                self._index_names_read_as_text()
                self._index_markdown_read_as_text()
                self._retitle_deleted_names()  # the list of what can be brought back names them too
                self.db["settings"].upsert({"key": INDEX_VERSION_KEY, "value": INDEX_VERSION}, pk="key")
                return
            if version in ("3", "4", "5"):
                from briefbook.library.health import fingerprint_old_index

                if fingerprint_old_index(self):
                    self.db["settings"].upsert({"key": INDEX_VERSION_KEY, "value": INDEX_VERSION}, pk="key")
                    return
            self.rebuild_index()

    def _backup_before_indexing(self, version: str, progress: Callable[[str, int, int], None] | None) -> None:
        """A verified backup before an index made by an earlier version is written again, as
        before a schema step (none if this open made one already, before its schema steps):
        a change cut short, or one the user does not want, can always be undone from it."""
        path = getattr(self, "path", None)
        if path is None or self.db.upgrade_backup is not None:
            return
        from briefbook.store.migrate import backup_before_migration

        if progress is not None:
            progress("backup", 0, 1)
        self.db.upgrade_backup = backup_before_migration(self.db, path, f"search index {version}")

    def _index_markdown_read_as_text(self) -> int:
        """Index again the items whose Markdown fields' text differs when read (index 8: their
        entries held the Markdown, so a link's address was found): those with a character
        Markdown could act on in a searched Markdown field, and of them only the ones whose
        entry differs."""
        n = 0
        for cls in RECORD_TYPES.values():
            fields = [f for f in cls.SEARCH_FIELDS if f in cls.MARKDOWN]
            if not fields:
                continue
            bodies = dict(self.db.execute("SELECT item_id, body FROM search_docs WHERE kind = ?", [cls.KIND]))
            ids = [
                row[0]
                for row in self.db.execute(f"SELECT id, {', '.join(fields)} FROM {cls.TABLE}")
                if any(text and may_act(text, whole=True) for text in row[1:])
            ]
            for record in self.get_many(cls, ids):
                if bodies.get(record.id) != index_body(record):
                    self._index(record)
                    n += 1
        return n

    def _index_names_read_as_text(self) -> int:
        """Index again the talking points and statements whose title changed when names came to
        be read as text ("**Thái Lan**" is named "Thái Lan"): those whose first lines hold a
        character Markdown could act on, and of them only the ones whose title differs."""
        n = 0
        for cls, columns in ((TalkingPoint, "question, text"), (Statement, "'', text")):
            titles = dict(
                self.db.execute("SELECT item_id, title FROM search_docs WHERE kind = ?", [cls.KIND])
            )
            ids = [
                item_id
                for item_id, question, text in self.db.execute(f"SELECT id, {columns} FROM {cls.TABLE}")
                if may_act(question.strip() or text.strip())
            ]
            for record in self.get_many(cls, ids):
                if titles.get(record.id) != record.display_name:
                    self._index(record)
                    n += 1
        return n

    def search(
        self,
        query: str,
        *,
        limit: int = 50,
        kinds: tuple[str, ...] | None = None,
        snippets: bool | int = True,
    ) -> list[SearchHit]:
        """Ranked hits over every text in the library; never raises on odd input.

        ``snippets=False`` leaves each hit's snippet empty, for a caller that shows the
        items themselves (a table's filter): marking 500 texts is most of a search's time.
        A number marks only that many of the best hits (a list shows a screenful at
        once); :meth:`snippets` marks the others when they are wanted.
        """
        limit = max(1, min(int(limit), MAX_SEARCH_LIMIT))  # the query is bounded in store.search
        marked = limit if snippets is True else 0 if snippets is False else max(0, int(snippets))
        hits = []
        marker = fts.Highlighter(query)
        for i, m in enumerate(fts.search(self.db, query, limit=limit, kinds=kinds)):
            shown = _snippet(marker, m.title, m.body) if i < marked else ""
            hits.append(SearchHit(m.kind, m.item_id, m.title, shown, m.rank))
        return hits

    def snippets(self, query: str, item_ids: list[str]) -> dict[str, str]:
        """The marked extract of each item (by id) for ``query``, as :meth:`search` makes it."""
        marker = fts.Highlighter(query)
        return {
            item_id: _snippet(marker, title, body)
            for item_id, title, body, _kind in fts.documents(self.db, item_ids)
        }

    def rebuild_index(self) -> int:
        """Rebuild the search index from the items themselves; returns how many were indexed."""
        n = 0
        with self.transaction():
            fts.clear_index(self.db)
            for cls in RECORD_TYPES.values():
                for record in self.list(cls):
                    self._index(record, fingerprint=False)
                    n += 1
                store_fingerprints(self.db.conn, sources_of(cls))
            self.db["settings"].upsert({"key": INDEX_VERSION_KEY, "value": INDEX_VERSION}, pk="key")
        return n

    def _index(self, record: Record, *, fingerprint: bool = True) -> None:
        """Index one item; its entry's fingerprint is written with it (``rebuild_index`` writes them all
        at the end, in one pass per kind: ``fingerprint=False``)."""
        rowid = fts.index_item(self.db, record.KIND, record.id, record.display_name, index_body(record))
        if fingerprint:
            store_fingerprints(self.db.conn, sources_of(type(record)), rowid)
        store_keys(self.db, record.TABLE, record.id)  # every write indexes the item: its sort keys too

    def _index_statements_of(self, person_id: str) -> None:
        for statement in self.list(Statement, where={"speaker_id": person_id}):
            self._index(statement)

    def _index_nulled(self, snapshot: Deleted) -> None:
        """Index again the statements whose speaker a delete cleared (or its undo put back)."""
        for table, rowid, _column, _value in snapshot.nulled:
            if table == Statement.TABLE:
                row = self.db.execute("SELECT id FROM statements WHERE rowid = ?", [rowid]).fetchone()
                if row:
                    self._index(self.get(Statement, row[0]))


def index_body(record: Record) -> str:
    """The searchable text of an item, as the index keeps it (``check`` compares it).

    A Markdown field is indexed as its reader sees it (:func:`~briefbook.markdown_plain.readable`:
    a link by its text, ``**ủng hộ**`` as "ủng hộ", ``R\\&D`` as "R&D"): indexed as written, a
    search for a link's address found every text with that link, and the extract under a hit
    was of the Markdown. It is derived from the item's fields on every write, so it is never a
    copy of its own: what ``check`` compares with, and what an edit, an undo, an import or a
    merge writes, is the same text."""
    # (A person's romanised name is one of their search fields: it was once put first as
    # well, and a hit's extract read "[Sok] [Chenda] [Sok] [Chenda]".)
    markdown = record.MARKDOWN
    if isinstance(record, TalkingPoint):
        return f"{readable(record.question)}\n{readable(record.text)}"
    return "\n".join(
        readable(value) if name in markdown else value
        for name in record.SEARCH_FIELDS
        if (value := str(getattr(record, name) or ""))
    )


def _snippet(marker: fts.Highlighter, title: str, body: str) -> str:
    """The extract a hit shows: around the match in its text, else in its title. The text is
    what the index holds: Markdown fields already read (:func:`index_body`; the user never sees
    "**Thái Lan**" in the point, so neither in its hit), so it is not read again here."""
    shown = marker.snippet(body)
    if fts.MARK_START not in shown:  # the match is in the title: show it there
        shown = marker.snippet(title + " — " + body)
    return shown
