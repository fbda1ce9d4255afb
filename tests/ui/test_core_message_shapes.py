"""Every message the core can write is one the Vietnamese-window test makes, or is named here with why not.

The shapes are read from the source (every ``raise ...Error("...")``, every message
appended for the user, every preflight warning) of the exchange, the export, the
release gate, the assembly and the Library. Each must match a message that
``core_message_cases`` makes as a user would (and ``test_core_messages_vi`` then checks
in Vietnamese), or be listed in :data:`NOT_MADE` with the reason the window never
shows it. A message added later fails here until it gets a case and its translation.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from briefbook.library import Library
from tests.conftest import fill
from tests.ui.core_message_cases import CASES, Ctx

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [
    "briefbook/exchange/*.py",
    "briefbook/export*.py",
    "briefbook/release.py",
    "briefbook/assemble/*.py",
    "briefbook/library/*.py",
    "briefbook/store/*.py",
    "briefbook/render/*.py",
]


def _error_names() -> set[str]:
    """Every class of user message the core has (BriefBookError and all its subclasses)."""
    import briefbook.exchange.limits
    import briefbook.exchange.package_file
    import briefbook.library.api
    import briefbook.release
    import briefbook.render.template
    import briefbook.store.database  # noqa: F401  (they define subclasses)
    from briefbook.errors import BriefBookError

    found, todo = set(), [BriefBookError]
    while todo:
        cls = todo.pop()
        found.add(cls.__name__)
        todo += cls.__subclasses__()
    return found


ERRORS = _error_names()

# A message's words (a part of its literal text) -> why no case makes it for the window.
NOT_MADE = {
    # the command line's own options: the window never passes them
    "--event applies to statements": "the CLI's --event with --as talking-points",
    "--topic and --event do not apply": "the CLI's --topic/--event with --as people",
    "Import as one of": "the CLI's --as; the window offers the three kinds",
    "Cannot sort ": "the CLI's --sort",
    "There is no kind of item called": "a kind typed on the command line",
    "cannot be an id: use at most": "an id given on the command line (--from-json)",
    # classification levels are edited on the command line only (briefbook levels)
    "A level needs a name.": "briefbook levels rename",
    "Give a language code": "briefbook levels label",
    "A classification scheme needs at least one level.": "briefbook levels set",
    "Classification levels must be distinct": "briefbook levels set",
    "There is already a level named": "briefbook levels rename",
    "is already what the level": "briefbook levels rename/label",
    "Confirm to go ahead (on the command line: --yes)": "briefbook levels set",
    "Rename the level instead, or move those items first.": "briefbook levels set",
    "could mean more than one level": "the Library refuses the labels that would make a level ambiguous",
    # briefbook undelete (the window's Undo brings an item back from its own snapshot)
    "cannot be brought back": "briefbook undelete",
    "Nothing deleted with the number or id": "briefbook undelete",
    # a book's sections written as JSON on the command line (the composer writes them itself)
    "The book's sections are not valid": "briefbook edit --set sections=",
    "A book's sections must be a list": "briefbook edit --set sections=",
    "of the book is not a section": "briefbook edit --set sections=",
    "its items must be a list of ids": "briefbook edit --set sections=",
    "its meeting choices are not valid": "briefbook edit --set sections=",
    "a meeting choice must list ids": "briefbook edit --set sections=",
    "of the book is not valid": "briefbook edit --set sections=",
    # whole numbers are positions and versions, which only the Library and --from-json write
    "must be a whole number": "positions and versions (--from-json)",
    "must be between 0 and": "positions and versions (--from-json)",
    "must be text, not": "a JSON object, list or true/false as a field's value (--from-json)",
    # what the window's own widgets cannot ask for
    "does not belong to this topic": "reordering: the window lists only the topic's own points",
    "cannot be linked to a topic": "the window links topics only to meetings and statements",
    "to choose in this section": "the composer ticks only the items it lists",
    "This library has no file to back up.": "a window's library always has a file (backup_messages)",
    # reached only with a file larger than the limits (hundreds of MB): the same templates
    # as the article's, contact list's and package's, which the cases make
    "A part of ": "a package entry over 40 MB-256 MB",
    "holds too many files to be a BriefBook package": "a package of more than 50,000 files",
    # SQLite failures the window cannot provoke on purpose (a full disk, a file opened by
    # another program mid-change, a library file with code of its own)
    "The library is busy in another BriefBook window": "a lock held by another process",
    "The library file is read-only": "a file made read-only while open",
    "The disk is full": "a full disk",
    "tried to run instructions of its own": "a hostile library (tests/safety)",
    "There is no item with id": "the window looks items up by the ids it lists",
    "its document part has no single body": "a Word template whose document part python-docx wrote itself",
    # the store (store_message_cases makes the rest): SQLite and system failures a test cannot
    # make on purpose here (root writes anywhere)
    "could not be copied (": "SQLite failing a backup with an error none of busy, full, read-only or damaged",
    "is read-only here, and it needs to be updated": "a read-only refusal the checks before it missed",
    "The disk holding ": "a full disk while the library is opened and migrated",
    "cannot be opened (": "SQLite failing an open with an error none of busy, read-only, damaged or full",
    "Cannot read ": "a library file that vanishes between its is-there check and its size",
    "Could not restore to ": "a disk that fails while a restore writes the new file",
    "Cannot move the damaged library ": "a disk that fails while a damaged library is set aside",
    "the backup was not kept": "damage the page copy misses (it stops first: 'is damaged.')",
    "does not pass its check": "a restored copy failing the check its backup passed (never: pragma no cover)",
    "in the middle of a change": "an in-memory library mid-change; the window's is a file",
    # the renderers (render_message_cases makes the rest)
    "Word styles file (.*) cannot be read: ": "a reference.docx gone between its check and its read",
    "Cards are printed on A5 or A6, not": "the export dialog offers A5 and A6 only (the CLI's --cards)",
    "'cryptography' package": "cryptography is one of BriefBook's own dependencies (pyproject.toml)",
    # not made: no book content found that reportlab cannot split onto a page (long tables,
    # paragraphs and pictures all split or shrink); translated all the same
    "The PDF could not be laid out": "reportlab's LayoutError on the book's pages",
    "The cards could not be laid out": "reportlab's LayoutError on a card",
    # Pillow's own limit (set to the same number) refuses first: "The picture is far too large"
    "pixels, too large to use safely": "Pillow's DecompressionBombWarning comes first",
}

# Messages built from a variable: where the text comes from.
NOT_LITERAL = {
    ("briefbook/assemble/book.py", "NO_CEILING.format(levels=', '.join((lv.name for lv in scheme)))"): (
        "preflight_of_a_new_event"
    ),
    ("briefbook/assemble/context.py", "message"): "Assembly.warn: the calls above",
    ("briefbook/assemble/glyphs.py", "note"): "font_chain.missing_font_note: preflight_of_chosen_items",
    ("briefbook/exchange/word_points.py", "note"): (
        "docx_reader.hidden_note: word_file_with_empty_question_and_nothing"
    ),
    ("briefbook/exchange/articles.py", "note"): "docx_reader.hidden_note, the same sentence as for points",
    ("briefbook/library/api.py", "_integrity_message(exc)"): "SQLite's refusal, as the window cannot provoke",
    ("briefbook/library/edits.py", "stale_message(old, changes)"): "test_exchange_language (a lost update)",
    ("briefbook/library/edits.py", "stale_message(current, new)"): (
        "refuse_if_changed, an undo over another window's change: test_delete_and_stale_ui"
    ),
    ("briefbook/library/edits.py", "blocker"): "why_not_deletable: test_language (a topic with points)",
    ("briefbook/library/validation.py", "str(exc)"): "parse_level's own message: edits_refused",
    # HostileLibraryError(path, problems): its sentence is in errors.py (exchange_messages translates it)
    ("briefbook/store/database.py", "path"): "a library with a trigger: tests/safety, test_exchange_language",
    ("briefbook/store/hot_journal.py", "path"): "a journal bringing back a trigger: tests/safety",
    ("briefbook/store/database.py", "message"): "_damaged(message): the damaged-file sentences above",
    # validation.no_such_field: "An event has no field …" (tests/ui/test_no_such_field_words.py)
    ("briefbook/library/queries.py", "no_such_field(cls, bad[0])"): "no_such_field: list --where",
    ("briefbook/library/duplicates.py", "no_such_field(type(record), name)"): "no_such_field: duplicate",
    ("briefbook/library/edits.py", "no_such_field(cls, sorted(unknown)[0])"): "no_such_field: update",
    ("briefbook/exchange/proposals.py", "no_such_field(type(item.record), sorted(unknown)[0])"): (
        "no_such_field: a proposal's Edit"
    ),
}


def _shape(node: ast.AST, top: bool = True) -> str | None:
    """The message's regex: its literal words, ``(.*)`` for what is filled in (None: no words at all)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return re.escape(node.value)
    if isinstance(node, ast.JoinedStr):
        return "".join(re.escape(v.value) if isinstance(v, ast.Constant) else "(.*)" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _shape(node.left, False), _shape(node.right, False)
        return None if left is None or right is None or {left, right} == {"(.*)"} else left + right
    return None if top else "(.*)"


def _messages_of(node: ast.AST) -> list[ast.AST]:
    """The message texts a node writes: an error's, a list of messages', a warning's, a note's."""
    if isinstance(node, ast.Assign):  # item.note = "...", or item.action, item.note = X, "..."
        pairs = [(node.targets[0], node.value)]
        if isinstance(node.targets[0], ast.Tuple) and isinstance(node.value, ast.Tuple):
            pairs = list(zip(node.targets[0].elts, node.value.elts, strict=False))
        return [v for t, v in pairs if isinstance(t, ast.Attribute) and t.attr == "note"]
    if (
        isinstance(node, ast.AugAssign)
        and isinstance(node.target, ast.Attribute)
        and node.target.attr == "note"
    ):
        return [ast.BinOp(ast.Constant("(note)"), ast.Add(), node.value)]
    if not isinstance(node, ast.Call):
        return []
    out = [k.value for k in node.keywords if k.arg == "note"]
    func = node.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    lists = ("messages", "skipped", "left_out")
    if (name in ERRORS and node.args) or (
        name == "append" and isinstance(func.value, ast.Attribute) and func.value.attr in lists and node.args
    ):
        out.append(node.args[0])
    elif name in ("warn", "PreflightWarning") and len(node.args) >= 2:
        out.append(node.args[1])
    return out


def core_messages() -> tuple[dict[str, str], set[tuple[str, str]]]:
    """(regex of each literal message -> its place "file:line", the non-literal ones as (file, code))."""
    shapes: dict[str, str] = {}
    built: set[tuple[str, str]] = set()
    for pattern in SOURCES:
        for path in sorted(ROOT.glob(pattern)):
            relative = str(path.relative_to(ROOT))
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                for message in _messages_of(node):
                    shape = _shape(message)
                    if shape is None:
                        built.add((relative, ast.unparse(message)))
                    else:
                        shapes.setdefault(
                            shape.replace(re.escape("(note)"), "(.*)"), f"{relative}:{node.lineno}"
                        )
    return shapes, built


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Every message the cases make, each case on a library of its own."""
    out: list[str] = []
    for name, make in CASES.items():
        tmp = tmp_path_factory.mktemp(name)
        with pytest.MonkeyPatch.context() as monkeypatch:
            monkeypatch.setenv("BRIEFBOOK_DATA_DIR", str(tmp / "data"))
            library = Library.create(tmp / "test.briefbook")
            try:
                out += [m.text for m in make(Ctx(library, fill(library), tmp, monkeypatch))]
            finally:
                library.close()
    return out


def _excused(shape: str) -> str | None:
    text = re.sub(r"\\(.)", r"\1", shape)
    return next((words for words in NOT_MADE if words in text), None)


def test_every_core_message_is_made_by_a_case_or_said_why_not(made, qapp) -> None:
    shapes, _ = core_messages()
    assert len(shapes) > 100  # the collector found the messages
    missing = [
        f"{place}: {shape}"
        for shape, place in shapes.items()
        if _excused(shape) is None and not any(re.fullmatch(shape, m, re.S) for m in made)
    ]
    assert not missing, "\n".join(missing)


def test_every_reason_given_is_still_a_message(made) -> None:
    shapes, _ = core_messages()
    used = {_excused(s) for s in shapes}
    assert set(NOT_MADE) - used == set()
    for words in NOT_MADE:  # an excused message that a case does make needs no excuse
        shape = next(s for s in shapes if _excused(s) == words)
        assert not any(re.fullmatch(shape, m, re.S) for m in made), words


def test_every_message_built_elsewhere_is_named() -> None:
    _, built = core_messages()
    assert built == set(NOT_LITERAL)
