"""The hostile-library corpus: a library file someone sends you cannot act against you.

Each case makes a library file (from a healthy one) that carries code or another
shape: triggers, views, wrong column types, missing columns, a WAL file from
another library, a hot journal, read-only media. For every case:

* no SQL of the file's runs: its canary table stays empty and the data its
  triggers would change is unchanged;
* the file's bytes (and its side files') are unchanged, unless SQLite's own
  recovery was verified safe first (a benign hot journal);
* opening either works or fails with a clear message (no ``sqlite3`` text);
* where it is refused, the cleaned copy opens, passes ``check()``, carries the
  items, has no trigger or view, and editing it leaves the canary empty.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefbook.errors import BriefBookError, HostileLibraryError, LibraryFileError
from briefbook.library import Library, Person, TalkingPoint, Topic
from briefbook.store.cleaned_copy import make_cleaned_copy

WORKS = "works"
CANARY = "canary"


@dataclass(frozen=True)
class Case:
    id: str
    make: Callable[[Path], None]  # changes the healthy library at this path
    expect: str = WORKS  # or a regular expression of the refusal
    cleanable: bool = True  # a refused file: the cleaned copy must work
    check_finds: str | None = None  # the file opens, and check() names this problem ("" none)
    topics_in_copy: int = 1  # the cleaned copy holds this many topics (1: the file's own and its point)


def _sql(*statements: str, canary: bool = True) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        conn = sqlite3.connect(path)
        if canary:
            conn.execute(f"CREATE TABLE {CANARY} (what TEXT)")
        for statement in statements:
            conn.execute(statement)
        conn.commit()
        conn.close()

    return make


def _rebuild_table(table: str, create: str) -> Callable[[Path], None]:
    """Replace one of our tables by another shape, keeping its rows where the columns allow."""

    def make(path: Path) -> None:
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA foreign_keys = OFF")
        indexes = [
            r[0]
            for r in conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                [table],
            )
        ]
        conn.execute(f"ALTER TABLE {table} RENAME TO old_{table}")
        conn.execute(create)
        new_cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        old_cols = [r[1] for r in conn.execute(f"PRAGMA table_info(old_{table})")]
        both = ", ".join(c for c in new_cols if c in old_cols)
        conn.execute(f"INSERT INTO {table} ({both}) SELECT {both} FROM old_{table}")
        conn.execute(f"DROP TABLE old_{table}")
        for index in indexes:  # ours, where the new shape has their columns: one problem per case
            with contextlib.suppress(sqlite3.OperationalError):
                conn.execute(index)
        conn.execute(f"CREATE TABLE {CANARY} (what TEXT)")
        conn.commit()
        conn.close()

    return make


def _respelled(table: str, words: str, spelled: str) -> Callable[[Path], None]:
    """Our table's SQL with ``words`` written as ``spelled`` (through ``writable_schema``; the
    rows on disk are unchanged). A non-breaking or other Unicode space is no space to SQLite
    (it is a letter of a name): ``NOT\u00a0NULL`` makes ``TEXT NOT\u00a0NULL`` a type name, and
    the column takes NULL, yet it reads like ours once Unicode spaces are made one space."""

    def make(path: Path) -> None:
        conn = sqlite3.connect(path)
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
        assert words in sql
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = ? WHERE name = ?", [sql.replace(words, spelled, 1), table]
        )
        conn.commit()
        conn.close()
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()

    return make


_TOPICS_COLS = "id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, title_sort_key BLOB"


def _hot_journal(*, hostile: bool) -> Callable[[Path], None]:
    """Leave the file as a killed process would: a change half-written, its journal beside it.

    The journal holds the pages as they were before the change. ``hostile``: before the
    change, the schema had a trigger, so undoing the change would bring the trigger back.
    """

    def make(path: Path) -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA journal_mode = DELETE")
        if hostile:
            conn.execute(f"CREATE TABLE {CANARY} (what TEXT)")
            conn.execute(
                f"CREATE TRIGGER spy AFTER UPDATE ON topics BEGIN INSERT INTO {CANARY} VALUES ('ran'); END"
            )
        conn.execute("PRAGMA cache_size = 1")  # the change spills to the file before COMMIT
        conn.execute("BEGIN")
        if hostile:
            conn.execute("DROP TRIGGER spy")
            conn.execute(f"DROP TABLE {CANARY}")
        conn.execute("UPDATE topics SET title = 'Half-written' ")
        conn.execute("INSERT INTO settings VALUES ('filler', ?)", ["x" * 200_000])
        saved = path.with_suffix(".saved")
        shutil.copyfile(path, saved)
        shutil.copyfile(f"{path}-journal", f"{saved}-journal")
        conn.execute("ROLLBACK")
        conn.close()
        shutil.move(saved, path)
        shutil.move(f"{saved}-journal", f"{path}-journal")

    return make


def _wal_of_another_library(*, trigger: bool) -> Callable[[Path], None]:
    """Beside the file, the live -wal of another library (someone copied the wrong pair).

    SQLite cannot tell whose WAL it is: a WAL of a library of the same shape is applied
    (it is data, as the file is). With ``trigger`` the other library's WAL carries one.
    """

    def make(path: Path) -> None:
        other = path.with_name("other.briefbook")
        with Library.create(other) as lib:
            lib.add(Topic(title="Someone else's topic"))
            lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            reader = sqlite3.connect(other)  # an open read keeps the WAL from being checkpointed
            reader.execute("BEGIN")
            reader.execute("SELECT count(*) FROM topics").fetchone()
            lib.db.execute("PRAGMA wal_autocheckpoint = 0")
            if trigger:
                raw = sqlite3.connect(other)
                raw.execute(f"CREATE TABLE {CANARY} (what TEXT)")
                raw.execute(
                    f"CREATE TRIGGER spy AFTER UPDATE ON topics BEGIN INSERT INTO {CANARY} VALUES (1); END"
                )
                raw.commit()
                raw.close()
            for i in range(30):
                lib.add(Topic(title=f"Other {i}", background="y" * 3000))
            shutil.copyfile(f"{other}-wal", f"{path}-wal")
            reader.close()

    return make


CASES = [
    Case(
        "trigger-after-update-copies-text",
        _sql(f"CREATE TRIGGER spy AFTER UPDATE ON topics BEGIN INSERT INTO {CANARY} SELECT new.title; END"),
        "holds a trigger 'spy'",
    ),
    Case(
        "trigger-downgrades-classification",
        _sql(
            "CREATE TRIGGER downgrade AFTER INSERT ON talking_points BEGIN "
            "UPDATE talking_points SET classification = 'Public' WHERE id = new.id; END"
        ),
        "holds a trigger 'downgrade'",
    ),
    Case(
        "trigger-before-delete-removes-links",
        _sql("CREATE TRIGGER unlink BEFORE DELETE ON people BEGIN DELETE FROM meeting_topics; END"),
        "holds a trigger 'unlink'",
    ),
    Case(
        "trigger-instead-of-on-a-view",
        _sql(
            "CREATE VIEW v AS SELECT * FROM topics",
            f"CREATE TRIGGER io INSTEAD OF INSERT ON v BEGIN INSERT INTO {CANARY} VALUES ('ran'); END",
        ),
        "holds a trigger 'io'",
    ),
    Case(
        "view-recursive-never-ends",
        _sql(
            "CREATE VIEW forever AS WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) "
            "SELECT i FROM r"
        ),
        "holds a view 'forever'",
    ),
    Case(
        "view-in-place-of-our-table",
        _sql(
            "ALTER TABLE topics RENAME TO real_topics",
            "CREATE VIEW topics AS SELECT * FROM real_topics WHERE classification = 'Public'",
        ),
        "holds a view 'topics'.*table 'topics' is missing",
        topics_in_copy=0,  # a view is the file's code, never read: its rows are not carried over
    ),
    Case(
        "wrong-column-type",
        _rebuild_table(
            "topics",
            f"CREATE TABLE topics ({_TOPICS_COLS}, title BLOB, background INTEGER, classification TEXT)",
        ),
        "table 'topics' is not in the shape",
    ),
    Case(
        "missing-column",
        _rebuild_table("topics", f"CREATE TABLE topics ({_TOPICS_COLS}, title TEXT NOT NULL)"),
        "table 'topics' is not in the shape",
    ),
    Case(
        "extra-check-constraint",
        _rebuild_table(
            "topics",
            f"CREATE TABLE topics ({_TOPICS_COLS}, title TEXT NOT NULL, background TEXT NOT NULL DEFAULT '',"
            " classification TEXT NOT NULL DEFAULT 'Public' CHECK (classification <> 'Secret'))",
        ),
        "table 'topics' is not in the shape",
    ),
    Case(
        "not-null-dropped-by-a-no-break-space",
        _respelled("talking_points", "classification TEXT NOT NULL", "classification TEXT NOT\u00a0NULL"),
        "table 'talking_points' is not in the shape",
    ),
    Case(
        "not-null-dropped-by-an-em-space",
        _respelled("topics", "title TEXT NOT NULL", "title TEXT\u2003NOT NULL"),
        "table 'topics' is not in the shape",
    ),
    Case(
        "default-changed-to-a-lower-level",
        _rebuild_table(
            "people",
            "CREATE TABLE people (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, "
            "name TEXT NOT NULL, classification TEXT NOT NULL DEFAULT 'Public', "
            "name_sort_key BLOB, position_sort_key BLOB, position TEXT NOT NULL DEFAULT '', "
            "sensitivities TEXT NOT NULL DEFAULT '[NFR] none')",
        ),
        "table 'people' is not in the shape",
    ),
    Case(
        "generated-column",
        _rebuild_table(
            "topics",
            f"CREATE TABLE topics ({_TOPICS_COLS}, title TEXT NOT NULL, background TEXT NOT NULL DEFAULT '',"
            " classification TEXT NOT NULL DEFAULT 'Public', shadow TEXT AS (upper(title)))",
        ),
        "table 'topics' is not in the shape",
    ),
    Case(
        "extra-expression-index",
        _sql("CREATE INDEX sneaky ON topics (substr(title, 1, 3))"),
        "index 'sneaky' that BriefBook does not make",
    ),
    Case(
        "index-of-ours-changed",
        _sql("DROP INDEX talking_points_topic", "CREATE INDEX talking_points_topic ON talking_points (text)"),
        "index on 'talking_points' 'talking_points_topic' is not in the shape",
    ),
    Case("extra-table", _sql(), "table 'canary' that BriefBook does not make"),
    Case(
        "search-index-replaced-by-fts4",
        _sql("DROP TABLE search_trigrams", "CREATE VIRTUAL TABLE search_trigrams USING fts4(text)"),
        "search_trigrams",
    ),
    Case(
        "migrations-table-in-another-shape",
        _sql(
            "ALTER TABLE _sqlite_migrations RENAME TO m_old",
            "CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT, name TEXT, "
            "applied_at TEXT, hook TEXT DEFAULT (random()))",
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "SELECT migration_set, name, applied_at FROM m_old",
            "DROP TABLE m_old",
        ),
        "record of its versions",
        cleanable=False,
    ),
    Case(
        "migration-history-out-of-order",
        _sql(
            "UPDATE _sqlite_migrations SET name = 'no_such_step' WHERE name = '0001_initial'",
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('briefbook', '0001_initial', 'x')",
        ),
        "newer version",  # an unknown step: it claims a version this BriefBook does not know
        cleanable=False,
    ),
    Case(
        "search-index-text-changed-same-count",
        _sql("UPDATE search_docs SET body = 'nothing to see' WHERE kind = 'topic'", canary=False),
        check_finds="search index holds another text",
    ),
    Case(
        "word-index-text-changed",
        _sql(
            "UPDATE search_words SET body = 'decoy' WHERE rowid = (SELECT rowid FROM search_docs "
            "WHERE kind = 'topic')",
            canary=False,
        ),
        check_finds="word index holds another text",
    ),
    Case(
        "search-index-row-missing",  # the item is there; search would never find it
        _sql(
            "DELETE FROM search_words WHERE rowid = (SELECT rowid FROM search_docs WHERE kind = 'person')",
            "DELETE FROM search_docs WHERE kind = 'person'",
            canary=False,
        ),
        check_finds="search index does not hold the person",
    ),
    Case(
        "search-index-row-of-no-item",  # search would find what the library does not hold
        _sql(
            "INSERT INTO search_docs (kind, item_id, title, body) VALUES ('topic', 'ghost', 'Ma', 'ma')",
            canary=False,
        ),
        check_finds="holds an item that is not in the library (ghost)",
    ),
    Case(
        "thai-index-row-of-no-item",
        _sql("INSERT INTO search_trigrams (rowid, text) VALUES (424242, 'ปลอม')", canary=False),
        check_finds="entries of no item",
    ),
    Case(
        "search-ranking-setting-changed",
        _sql("INSERT INTO search_words (search_words, rank) VALUES ('rank', 'bm25(0.0, 1.0)')", canary=False),
        check_finds="ranking setting",
    ),
    Case(
        "wal-of-another-library-with-a-trigger",
        _wal_of_another_library(trigger=True),
        "holds a trigger 'spy'",
        topics_in_copy=31,  # the copy is of what SQLite reads: the file with that WAL
    ),
    Case("wal-of-another-library", _wal_of_another_library(trigger=False), "do not belong together"),
    Case("hot-journal-benign", _hot_journal(hostile=False)),
    Case("hot-journal-brings-back-a-trigger", _hot_journal(hostile=True), "holds a trigger 'spy'"),
]


def _digest(path: Path) -> dict[str, str]:
    out = {}
    for suffix in ("", "-wal", "-journal"):
        side = Path(f"{path}{suffix}")
        if side.is_file():
            out[suffix] = hashlib.sha256(side.read_bytes()).hexdigest()
    return out


def _canary_rows(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [CANARY]).fetchone():
            return conn.execute(f"SELECT count(*) FROM {CANARY}").fetchone()[0]
        return 0
    finally:
        conn.close()


@pytest.fixture
def healthy(tmp_path: Path) -> Path:
    path = tmp_path / "received.briefbook"
    with Library.create(path) as lib:
        topic = lib.add(Topic(title="Công ước Hà Nội", background="Hợp tác", classification="Internal"))
        lib.add(TalkingPoint(topic_id=topic.id, text="Điểm", classification="Secret"))
        lib.add(Person(name="Lê Anh Tuấn"))
        lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


def _use(lib: Library) -> None:
    """What a desk officer does with a library: read, search, edit, add, delete."""
    topic = lib.list(Topic)[0]
    lib.search("cong uoc")
    lib.update(Topic, topic.id, title="Công ước (sửa)")
    point = lib.add(TalkingPoint(topic_id=topic.id, text="Mới", classification="Secret"))
    assert lib.get(TalkingPoint, point.id).classification == "Secret"
    lib.delete(TalkingPoint, point.id)
    lib.delete(Person, lib.list(Person)[0].id)


def test_corpus_size() -> None:
    assert len(CASES) >= 20 and len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_library(case: Case, healthy: Path, tmp_path: Path) -> None:
    case.make(healthy)
    before = _digest(healthy)
    if case.expect == WORKS:
        with Library.open(healthy, backup=False) as lib:
            problems = lib.check()
            if case.check_finds is not None:
                assert any(case.check_finds in p for p in problems) if case.check_finds else not problems
                return
            assert problems == []
            assert lib.list(Topic)[0].title == "Công ước Hà Nội"  # the unfinished change was undone
            _use(lib)
        return
    with pytest.raises(LibraryFileError, match=case.expect) as refused:
        Library.open(healthy, backup=False)
    message = str(refused.value)
    assert "sqlite3" not in message and "Traceback" not in message
    assert re.search("(has not been|Nothing has been|Neither file has been) changed", message)
    assert _digest(healthy) == before, "the refused file was changed"
    assert _canary_rows(healthy) == 0
    if not isinstance(refused.value, HostileLibraryError):
        return
    if not case.cleanable:
        with pytest.raises(BriefBookError):
            make_cleaned_copy(healthy, tmp_path / "clean.briefbook")
        assert _digest(healthy) == before
        return
    made = make_cleaned_copy(healthy, tmp_path / "clean.briefbook")
    assert _digest(healthy) == before, "making the cleaned copy changed the original"
    with Library.open(made.path, backup=False) as lib:
        assert lib.check() == []
        kinds = {r[0] for r in lib.db.execute("SELECT type FROM sqlite_master")}
        assert not kinds & {"trigger", "view"}
        assert lib.count(Topic) == case.topics_in_copy
        if case.topics_in_copy == 1:
            assert lib.count(TalkingPoint) == 1
            _use(lib)
    assert _canary_rows(healthy) == 0 and _canary_rows(made.path) == 0


def test_the_file_code_cannot_run_even_past_the_schema_check(
    healthy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Defence in depth: with the schema check switched off, the connection still refuses triggers."""
    _sql(f"CREATE TRIGGER spy AFTER UPDATE ON topics BEGIN INSERT INTO {CANARY} VALUES ('ran'); END")(healthy)
    monkeypatch.setattr("briefbook.store.database.file_problems", lambda conn: (["0001_initial"], []))
    with Library.open(healthy, backup=False) as lib:
        topic = lib.list(Topic)[0]
        with pytest.raises(BriefBookError, match="instructions of its own"):
            lib.update(Topic, topic.id, title="Changed")
        assert lib.get(Topic, topic.id).title == "Công ước Hà Nội"
        assert lib.db.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    assert _canary_rows(healthy) == 0


def test_check_is_bounded_in_time(healthy: Path) -> None:
    with Library.open(healthy, backup=False) as lib:
        lib.add(Topic(title="Thêm", background="chữ " * 50_000))
        problems = lib.check(time_limit=0.0)
    assert problems and "did not finish" in problems[0]


def test_cli_check_names_the_schema_problems_and_cleaned_copy_flag(healthy: Path) -> None:
    from click.testing import CliRunner

    from briefbook.cli.main import _register, cli

    _register()
    forever = "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT i FROM r"
    _sql(f"CREATE VIEW forever AS {forever}")(healthy)
    before = _digest(healthy)
    result = CliRunner().invoke(cli, ["--library", str(healthy), "check"])
    assert result.exit_code == 1 and "view 'forever'" in result.output and "--cleaned-copy" in result.output
    result = CliRunner().invoke(cli, ["--library", str(healthy), "--cleaned-copy", "list", "topic"])
    assert result.exit_code == 0, result.output
    assert "Công ước Hà Nội" in result.output and "cleaned copy" in result.output
    assert _digest(healthy) == before


# -- read-only media: a real read-only mount (a private mount namespace, needs root on Linux) ----------


def _can_mount_read_only() -> bool:
    if not sys.platform.startswith("linux") or not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    return probe.returncode == 0


def _on_read_only_media(folder: Path, script: str) -> subprocess.CompletedProcess:
    code = textwrap.dedent(script)
    shell = (
        f"mount --bind '{folder}' '{folder}' && mount -o remount,bind,ro '{folder}' && "
        f'{sys.executable} -c "$BRIEFBOOK_SCRIPT"'
    )
    env = {**__import__("os").environ, "BRIEFBOOK_SCRIPT": code}
    return subprocess.run(["unshare", "-m", "sh", "-c", shell], capture_output=True, text=True, env=env)


READ_ONLY_SCRIPT = """
import sys
from briefbook.errors import BriefBookError
from briefbook.library import Library, Topic
try:
    lib = Library.open(sys.argv[0] if False else {path!r})
except BriefBookError as exc:
    print("REFUSED:", exc)
    raise SystemExit(0)
print("READ_ONLY", lib.read_only, lib.count(Topic), len(lib.search("cong uoc")))
try:
    lib.add(Topic(title="x"))
except BriefBookError as exc:
    print("EDIT:", exc)
"""


@pytest.mark.skipif(not _can_mount_read_only(), reason="needs a private read-only mount (root on Linux)")
@pytest.mark.parametrize("side", ["", "-wal", "-journal"])
def test_read_only_media(healthy: Path, side: str) -> None:
    if side:
        Path(f"{healthy}{side}").write_bytes(b"\x00" * 4096)  # changes waiting in a side file
    before = _digest(healthy)
    result = _on_read_only_media(healthy.parent, READ_ONLY_SCRIPT.format(path=str(healthy)))
    assert result.returncode == 0, result.stderr
    if side:
        assert "REFUSED:" in result.stdout and "read-only disk" in result.stdout and side in result.stdout
    else:
        assert "READ_ONLY True 1 1" in result.stdout, result.stdout + result.stderr
        assert "EDIT: The library file is read-only; changes cannot be saved." in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert _digest(healthy) == before
