"""The font cache in the data folder stays bounded: exports from the command line remove what
no export used for MAX_AGE_DAYS (an earlier version's entries among them) and, beyond
MAX_BYTES, the least recently used; what an export uses is kept and marked as used."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.library import Library
from briefbook.library.books import new_book
from briefbook.render import docx_fonts, font_cache
from tests.conftest import fill

_register()
DAY = 86_400


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEFBOOK_DATA_DIR", str(tmp_path / "data"))
    folder = tmp_path / "data" / font_cache.FOLDER
    folder.mkdir(parents=True)
    docx_fonts._fixed_part.cache_clear()  # this process's copies: the export must ask the cache
    yield folder
    docx_fonts._fixed_part.cache_clear()


@pytest.fixture
def export(tmp_path: Path):
    path = tmp_path / "l.briefbook"
    with Library.create(path) as library:
        book = new_book(library, fill(library)["event"].id, ceiling="Secret")

    def run(name: str) -> None:
        docx_fonts._fixed_part.cache_clear()  # each export a new process, as from the shell
        result = CliRunner().invoke(
            cli, ["--library", str(path), "export", book.id, "-o", str(tmp_path / name)]
        )
        assert result.exit_code == 0, result.output

    return run


def _entry(folder: Path, n: int, size: int, age_days: float, kind: str = "ttf") -> Path:
    file = folder / f"{n:040x}.{kind}"
    file.write_bytes(b"x" * size)
    when = time.time() - age_days * DAY
    os.utime(file, (when, when))
    return file


def test_an_export_removes_what_no_export_used_for_long(cache: Path, export) -> None:
    stale = _entry(cache, 1, 1000, font_cache.MAX_AGE_DAYS + 1)  # e.g. an earlier version's
    recent = _entry(cache, 2, 1000, 3, kind="part")
    left = cache / ".part-abc"  # a stopped process's half-written file
    left.write_bytes(b"half")
    os.utime(left, (time.time() - 2 * DAY,) * 2)
    own = cache / "notes.txt"  # not ours: never touched
    own.write_text("x")
    export("book.docx")
    assert not stale.exists() and not left.exists()
    assert recent.exists() and own.exists()
    made = [p for p in cache.iterdir() if p not in (recent, own)]
    assert made, "the export kept nothing"


def test_beyond_its_size_the_least_recently_used_go_first(
    cache: Path, export, monkeypatch: pytest.MonkeyPatch
) -> None:
    export("first.docx")
    kept = sorted(cache.iterdir())
    used = sum(p.stat().st_size for p in kept)
    for p in kept:  # used 10 days ago: the next export marks them used again
        os.utime(p, (time.time() - 10 * DAY,) * 2)
    older = [_entry(cache, 100 + n, 50_000, 20 + n) for n in range(6)]  # oldest: the last
    newer = _entry(cache, 200, 50_000, 1)
    monkeypatch.setattr(font_cache, "MAX_BYTES", used + 3 * 50_000)
    for p in kept[:1]:
        p.unlink()  # one entry to make again: adding it prunes
    started = time.time()
    export("second.docx")
    left = sorted(cache.iterdir())
    assert sum(p.stat().st_size for p in left) <= font_cache.MAX_BYTES
    assert set(kept) <= set(left)  # what the export used stays
    assert newer in left
    assert [p in left for p in older] == [True, True, False, False, False, False]
    assert all(p.stat().st_mtime >= int(started) for p in kept)  # marked as used by this export
