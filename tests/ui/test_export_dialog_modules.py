"""The export dialog is made of modules with one job each (STYLE.md 15), and keeps its translations.

``export_dialog.py`` offers the choices and reads them; ``export_run.py`` runs the export
and shows how it ended; ``export_files.py`` is the save dialog, the Documents folder and
opening the files. The run's strings stay in the ``ExportDialog`` context the ``.ts`` holds
them under (a ``self.tr`` in a mixin would file them under the mixin's name at the next
``pyside6-lupdate``, without their Vietnamese).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbook.ui import export_files, export_run
from briefbook.ui.export_dialog import ExportDialog
from tests.ui.translate_calls import translate_calls, untranslated

UI_DIR = Path(export_run.__file__).parent
MAX_LINES = 400

HOMES = {
    "briefbook.ui.export_dialog": ["retranslate", "options", "targets", "browse", "_update_state"],
    "briefbook.ui.export_run": ["start_export", "cancel_export", "_progress", "_finished", "show_folder"],
}


@pytest.mark.parametrize(("module", "name"), [(m, n) for m, names in HOMES.items() for n in names])
def test_each_part_of_the_dialog_lives_in_the_module_named_for_it(module: str, name: str) -> None:
    assert getattr(ExportDialog, name).__module__ == module


def test_the_files_and_the_system_are_asked_in_one_module() -> None:
    for name in ("documents_folder", "ask_export_path", "open_path"):
        assert getattr(export_files, name).__module__ == export_files.__name__


@pytest.mark.parametrize("name", ["export_dialog.py", "export_run.py", "export_files.py"])
def test_each_stays_under_a_few_hundred_lines(name: str) -> None:
    assert len((UI_DIR / name).read_text(encoding="utf-8").splitlines()) <= MAX_LINES


@pytest.mark.parametrize("name", ["export_run.py", "export_files.py"])
def test_their_strings_keep_the_dialogs_context(name: str) -> None:
    contexts, texts, self_tr = translate_calls(UI_DIR / name)
    assert self_tr == 0
    assert texts and set(contexts) == {"ExportDialog"}


def test_their_strings_are_vietnamese_in_a_vietnamese_window(qapp) -> None:
    assert (
        untranslated([UI_DIR / name for name in ("export_run.py", "export_files.py")], "ExportDialog") == []
    )
