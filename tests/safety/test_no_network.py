"""BriefBook works with no network at all: a whole session with every socket refused."""

from __future__ import annotations

import json
import socket
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from briefbook.cli.main import _register, cli
from briefbook.export import ExportOptions, export_book
from briefbook.library import Book, Library, Topic
from briefbook.store.backup import backup_library, list_backups
from briefbook.store.restore import restore_backup

_register()


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> list:
    """Every way to open a connection raises, and is recorded."""
    attempts: list = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access is disabled in this test")

    for name in (
        "socket",
        "create_connection",
        "getaddrinfo",
        "gethostbyname",
        "socketpair",
        "create_server",
    ):
        monkeypatch.setattr(socket, name, refuse)
    return attempts


def test_a_full_session_without_network(offline: list, tmp_path: Path) -> None:
    path = tmp_path / "Bangkok.briefbook"
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, ["--library", str(path), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    run("demo")  # open: the demo library, built from the seed articles
    with Library.open(path) as lib:  # edit
        topic = lib.add(Topic(title="Hồi hương công dân", background="Qua Thái Lan, từ Myanmar."))
        lib.update(Topic, topic.id, background="Qua cửa khẩu Mae Sot, từ Myanmar.")
        assert topic.id in {h.id for h in lib.search("hoi huong")}  # search
        book = lib.list(Book)[0]
        saved = backup_library(lib, reason="manual")  # backup
        (tmp_path / "out").mkdir()
        written = export_book(lib, book.id, tmp_path / "out" / "book", ExportOptions())  # export
    assert sorted(p.suffix for p in written) == [".docx", ".pdf"]
    assert len(PdfReader(written[0] if written[0].suffix == ".pdf" else written[1]).pages) > 3
    with zipfile.ZipFile(next(p for p in written if p.suffix == ".docx")) as z:
        assert "word/document.xml" in z.namelist()

    hits = json.loads(run("--json", "search", "lua dao"))  # the same from the command line
    assert hits
    assert "Backed up to" in run("backup")
    assert len(json.loads(run("backups", "--json"))) == len(list_backups(path)) >= 2
    run("export", book.id, "-o", str(tmp_path / "out" / "cli"), "--format", "both")
    assert (tmp_path / "out" / "cli.pdf").exists() and (tmp_path / "out" / "cli.docx").exists()
    restore_backup(path, saved)  # restore
    with Library.open(path) as lib:
        assert lib.check() == [] and lib.get(Topic, topic.id).background.startswith("Qua cửa khẩu")
    assert offline == [], f"something tried the network: {offline}"
