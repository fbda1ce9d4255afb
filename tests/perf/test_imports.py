"""What a process imports to do its work: a command that lists never loads numpy or the renderers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefbook.library import Library, Topic

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from briefbook.cli.main import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _modules_of(*args: str) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


def test_a_command_that_lists_loads_neither_numpy_nor_renderers_nor_qt(library_path: Path) -> None:
    """Nor sqlite-utils (25 ms): the library reads and writes through plain sqlite3
    (``store/connection.py``); only a migration loads it (store/schema.py registers the steps
    without it)."""
    with Library.create(library_path) as lib:
        lib.add(Topic(title="Công ước Hà Nội"))
    loaded = _modules_of("--library", str(library_path), "list", "topic")
    unneeded = {"numpy", "pandas", "reportlab", "docx", "PySide6", "sqlite_utils", "pluggy", "dateutil"}
    assert not unneeded & {m.split(".")[0] for m in loaded}


def test_an_edit_and_an_older_library_still_work_without_loading_sqlite_utils_first(
    library_path: Path, tmp_path: Path
) -> None:
    """A write goes through plain SQL too; a file made by an older version is still migrated
    (that step alone loads sqlite-utils, whose migrations run the steps)."""
    import shutil

    with Library.create(library_path) as lib:
        topic = lib.add(Topic(title="Công ước Hà Nội"))
    loaded = _modules_of("--library", str(library_path), "edit", topic.id, "--set", "title=Hà Nội")
    assert "sqlite_utils" not in loaded
    with Library.open(library_path) as lib:
        assert lib.get(Topic, topic.id).title == "Hà Nội"
    fixtures = sorted((ROOT / "tests" / "fixtures").glob("*.briefbook"))
    old = tmp_path / "old.briefbook"
    shutil.copy(fixtures[0], old)
    loaded = _modules_of("--library", str(old), "list", "topic")
    assert "sqlite_utils" in loaded


def test_numpy_stays_importable_for_whoever_needs_it() -> None:
    import sqlite_utils.db

    assert sqlite_utils.db.np is None  # its optional numpy column types are not loaded
    numpy = pytest.importorskip("numpy")  # BriefBook does not need it; a clean venv has none

    assert numpy.int64(3) + 1 == 4


def test_a_command_loads_only_its_own_module(library_path: Path) -> None:
    with Library.create(library_path) as lib:
        lib.add(Topic(title="Công ước Hà Nội"))
    loaded = _modules_of("--library", str(library_path), "list", "topic")
    assert "briefbook.cli.items" in loaded
    assert not {"briefbook.cli.package_cmds", "briefbook.exchange", "markdown_it"} & loaded


def test_every_command_is_known_to_the_lazy_loader() -> None:
    from briefbook.cli.main import COMMAND_MODULES, _register, cli

    _register()
    assert {name: cmd.callback.__module__.rsplit(".", 1)[1] for name, cmd in cli.commands.items()} == (
        COMMAND_MODULES
    )


def test_a_docx_export_loads_no_reportlab_fonttools_or_qt(library_path: Path, tmp_path: Path) -> None:
    from briefbook.library import Event, Meeting
    from briefbook.library.books import new_book

    with Library.create(library_path) as lib:
        event = lib.add(Event(title="Hội nghị Viêng Chăn", city="Vientiane"))
        # Thai: Word breaks its words itself, so the DOCX needs no word segmenter (the PDF does).
        lib.add(Meeting(event_id=event.id, title="Gặp song phương", kind="bilateral", venue="ทำเนียบรัฐบาล"))
        book = new_book(lib, event.id, title="Sổ tay").id
    out = tmp_path / "book.docx"
    loaded = _modules_of("--library", str(library_path), "export", book, "-o", str(out), "--format", "docx")
    assert out.stat().st_size > 0
    # python-docx (22 ms to import) neither: the package is written by render/docx_parts.py
    unneeded = {
        "reportlab",
        "PySide6",
        "cryptography",
        "fontTools",
        "PIL",
        "sqlite_utils",
        "docx",
    }  # (no photo)
    assert not unneeded & {m.split(".")[0] for m in loaded}
    assert not {"briefbook.render.segment", "briefbook.render.pdf"} & loaded
    # Nothing goes over the network, and its modules cost start-up (xml.sax.saxutils pulls them in).
    assert not {"urllib.request", "http.client", "ssl", "email"} & loaded
    # briefbook/_imports.py's hook needs no importlib.abc, which loads importlib.resources.
    assert not {"importlib.abc", "importlib.resources"} & loaded
    # Asked for only to store a Decimal, which nothing of an export holds.
    assert "decimal" not in loaded
    # The cards, portion marks, changes page, and the preflight's glyph and deletion checks.
    not_asked = {
        "briefbook.assemble.cards",
        "briefbook.assemble.portions",
        "briefbook.exchange.changes_page",
        "briefbook.assemble.glyphs",
        "briefbook.assemble.gone",
    }
    assert not not_asked & loaded


def test_a_book_of_plain_text_and_plain_lists_loads_no_markdown_parser(
    library_path: Path, tmp_path: Path
) -> None:
    """Plain paragraphs and a flat list of plain lines read as CommonMark reads them without
    the parser; a field with markup still loads it, and its bold is bold in the file."""
    import zipfile

    from briefbook.library import Event, Meeting
    from briefbook.library.books import new_book

    with Library.create(library_path) as lib:
        event = lib.add(Event(title="Hội nghị Viêng Chăn", city="Vientiane"))
        meeting = lib.add(
            Meeting(
                event_id=event.id,
                title="Gặp song phương",
                kind="bilateral",
                purpose="Trao đổi về hợp tác.\n\nສົນທິສັນຍາ ຮ່ວມມື.",
                objectives="- Thúc đẩy Công ước Hà Nội\n- Chia sẻ thông tin (2025)",
            )
        )
        book = new_book(lib, event.id, title="Sổ tay").id
    out = tmp_path / "book.docx"
    args = ("--library", str(library_path), "export", book, "-o", str(out), "--format", "docx")
    loaded = _modules_of(*args)
    body = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert "Thúc đẩy Công ước Hà Nội" in body and "Chia sẻ thông tin (2025)" in body
    assert not {m for m in loaded if m.split(".")[0] == "markdown_it"}
    with Library.open(library_path) as lib:
        lib.update(Meeting, meeting.id, objectives="- Thúc đẩy **Công ước Hà Nội**\n- Chia sẻ thông tin")
    loaded = _modules_of(*args)
    body = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert "markdown_it" in loaded
    assert '<w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">Công ước Hà Nội</w:t>' in body


def test_a_docx_export_whose_fonts_are_kept_loads_no_harfbuzz(library_path: Path, tmp_path: Path) -> None:
    """Once the font cache holds a book's parts, the export reads the fonts' character maps from
    it too, and the version HarfBuzz's keys name from its _version.py: loading uharfbuzz's 5 MB
    library cost every such export about 10 ms. A Lao and a Thai name: their script fonts too."""
    import zipfile

    from briefbook.library import Event, Meeting
    from briefbook.library.books import new_book

    with Library.create(library_path) as lib:
        event = lib.add(Event(title="Hội nghị Viêng Chăn", city="Vientiane"))
        lib.add(Meeting(event_id=event.id, title="Gặp ທອງລຸນ", kind="bilateral", venue="ทำเนียบรัฐบาล"))
        book = new_book(lib, event.id, title="Sổ tay").id
    args = ("--library", str(library_path), "export", book, "--format", "docx", "-o")
    cold = _modules_of(*args, str(tmp_path / "cold.docx"))
    assert "uharfbuzz" in cold  # the first export cuts the fonts and reads their maps
    warm = _modules_of(*args, str(tmp_path / "warm.docx"))
    assert "uharfbuzz" not in warm
    parts = [zipfile.ZipFile(tmp_path / name) for name in ("cold.docx", "warm.docx")]
    assert parts[0].namelist() == parts[1].namelist()
    assert all(parts[0].read(n) == parts[1].read(n) for n in parts[0].namelist())
    assert any(n.endswith(".odttf") for n in parts[0].namelist())


WINDOW_PROBE = """
import sys
import briefbook.ui.app
from briefbook.ui import exchange_messages, messages
lazy = (exchange_messages.patterns, messages._patterns, messages._newer_patterns)
print([f.cache_info().currsize for f in lazy], file=sys.stderr)
"""


def test_the_window_compiles_its_message_patterns_on_first_use_not_at_start(tmp_path: Path) -> None:
    """Counted, never timed: starting the window compiled about 150 patterns of core messages
    (the exchange's, the export's, the Library's) that the first screen never shows."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [sys.executable, "-c", WINDOW_PROBE], env=env, capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 0 and result.stderr.strip().splitlines()[-1] == "[0, 0, 0]", result.stderr
    from briefbook.ui.messages import user_message

    assert user_message("No cleaned copy can be made: it is damaged.")  # compiled when first asked


FIRST_SCREEN_PROBE = """
import json, sys
import briefbook.ui.app
import briefbook.ui.collection_view
import briefbook.library.pages
import briefbook.library.first_page
import briefbook.ui.first_page
from briefbook.library import TalkingPoint
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def test_the_first_screen_loads_no_sqlite_utils_and_no_log_file_handler(tmp_path: Path) -> None:
    """The window and its first table are built before the library's own code is needed:
    sqlite-utils (with click, pluggy and dateutil: about 40 ms) loads when the library opens,
    the rotating log handler (7 ms) when there is something to log."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", FIRST_SCREEN_PROBE], env=env, capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stderr.strip().splitlines()[-1]))
    assert not {"sqlite_utils", "click", "pluggy", "dateutil", "briefbook.library.api"} & loaded
    assert "logging.handlers" not in loaded
    # html's import builds html.entities' 2,231 references (8 M instructions) for unescape alone
    assert not {"html", "html.entities"} & loaded
    # the search thread's queue (with heapq: 2.7 M instructions) is made with its first read
    assert not {"queue", "heapq"} & loaded
    # the fonts the window loads first are found without the export templates' module
    assert "briefbook.render.template" not in loaded
    # what opening the library (its recovery and backup messages) and Ctrl+K need
    assert (
        not {"briefbook.ui.library_recovery", "briefbook.ui.backup_messages", "briefbook.ui.quick_jump"}
        & loaded
    )
    # what only an edit, a delete, an item shown in the editor or its history need
    later = {"briefbook.library.edits", "briefbook.library.uses", "briefbook.ui.editors.form"}
    assert not (later | {"briefbook.ui.revisions", "briefbook.ui.editors.rich_text"}) & loaded
    from briefbook.library import Library as Lazy  # still importable by name, as before

    assert Lazy.__module__ == "briefbook.library.api"


EXPORT_PROBE = """
import json, sys
from briefbook.cli.main import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
from briefbook import text
from briefbook.render import font_chain
from briefbook.store import search
lazy = (text._unspaced, search._word, search._operators, font_chain._han)
print(json.dumps([[f.cache_info().currsize for f in lazy], "logging" in sys.modules]), file=sys.stderr)
"""


def test_a_docx_export_compiles_no_search_or_chinese_pattern_and_loads_no_logging(
    library_path: Path, tmp_path: Path
) -> None:
    """Counted, never timed: these patterns (big Unicode ranges, expanded one code point at a time
    when compiled: 5 ms) and the logging package (2.4 ms) were paid by every command at import;
    an export uses none of them. They still work when asked (tests/store: search)."""
    from briefbook.library import Event, Meeting
    from briefbook.library.books import new_book

    with Library.create(library_path) as lib:
        event = lib.add(Event(title="Hội nghị Viêng Chăn", city="Vientiane"))
        lib.add(Meeting(event_id=event.id, title="Gặp song phương", kind="bilateral", venue="ທຳນຽບ"))
        book = new_book(lib, event.id, title="Sổ tay").id
    out = tmp_path / "book.docx"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = ["--library", str(library_path), "export", book, "-o", str(out), "--format", "docx"]
    result = subprocess.run(
        [sys.executable, "-c", EXPORT_PROBE, *args], env=env, capture_output=True, text=True, check=True
    )
    assert out.stat().st_size > 0
    assert json.loads(result.stderr.strip().splitlines()[-1]) == [[0, 0, 0, 0], False]
    from briefbook.render.font_chain import missing_font_note
    from briefbook.store.search import query_terms

    assert query_terms("ประชุม AND hợp") == query_terms("ประชุม hợp")  # compiled when first asked
    assert missing_font_note("中文") is None or "Chinese" in missing_font_note("中文")


FOLD_PROBE = """
import re, sys
import briefbook.ui.app, briefbook.ui.collection_view, briefbook.ui.first_page, briefbook.library.first_page
from briefbook import text
marks = text._FOLD_MARKS
print(not isinstance(marks, re.Pattern) and "sub" not in vars(marks), file=sys.stderr)
"""


def test_the_first_screen_compiles_no_pattern_of_the_marks_folding_removes(tmp_path: Path) -> None:
    """Counted, never timed: the marks search folds away (about 560 code points, each escaped
    and parsed by re's Python compiler: 3 M instructions) are compiled when a text is first
    folded, not when the window's first screen imports briefbook.text."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", FOLD_PROBE], env=env, capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 0 and result.stderr.strip().splitlines()[-1] == "True", result.stderr
    from briefbook.text import fold

    assert fold("Lừa đảo trực tuyến ĐÀ NẴNG, أحمد") == "lua dao truc tuyen da nang, احمد"
