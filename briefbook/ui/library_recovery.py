"""Opening a library file from the window when the file is in trouble, and restoring backups.

What happens when a library cannot be opened (at start-up, File → Open, Recent):

* **Damaged, cut short, or not a library** (:class:`DamagedLibraryError`): the
  user reads what is wrong in plain words. If a good backup exists, they are
  offered "Open the newest good backup". Until they say yes, nothing touches the
  file: the checks only read it.
* **Written by a newer BriefBook** (:class:`NewerVersionError`): the user is told
  to update BriefBook; the file is not touched and nothing else is offered
  (an older backup would silently lose the newer work).
* Anything else: the message, as for every other error.

Why "open the newest good backup" *restores it into place* (rather than opening a
copy of the backup somewhere else): a desk officer expects to be back in *their*
library, at the path they know, the one in Recent, the one the next start opens
and the one colleagues' exchange packages are merged into. A copy would leave
them editing a file inside the backups folder, which rotation prunes and which
nobody thinks of as "the library", so the next day's work could be lost. So
:func:`briefbook.store.restore.restore_backup` is used: it moves the damaged file,
unchanged, into the backups folder (``<name>.damaged.<time>.briefbook``, for IT
or a later rescue), puts the backup in its place and verifies it. The question
says all this before the user agrees, and the answer says where the damaged file
went.

Restoring a backup into an open window (File → Backups → Restore…) closes the
window's connections to the file first (the search thread, the preview thread,
the window's own), restores off the GUI thread, and reopens the library: every
view is reloaded and the undo stack is cleared (its steps belong to the
replaced content).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from briefbook.errors import BriefBookError, HostileLibraryError, NewerVersionError
from briefbook.ui import error_hook
from briefbook.ui.background import run_busy
from briefbook.ui.backup_labels import time_text
from briefbook.ui.backup_messages import backup_message
from briefbook.ui.messages import user_message

if TYPE_CHECKING:  # the library code loads after the window is shown
    from briefbook.library import Library

log = logging.getLogger("briefbook")
_CLI_HINT = " A good backup from "  # where the core's damaged message starts telling the CLI user


# -- the dialogs (module functions: tests patch them) --------------------------------------------


def ask_open_backup(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask whether to put the newest good backup in place of a damaged library; True for yes."""
    yes = QCoreApplication.translate("LibraryRecovery", "Open the newest good backup")
    return _ask_yes_or_cancel(parent, title, text, yes)


def ask_open_cleaned_copy(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask whether to make and open a cleaned copy of a refused library; True for yes."""
    yes = QCoreApplication.translate("LibraryRecovery", "Open a cleaned copy")
    return _ask_yes_or_cancel(parent, title, text, yes)


def _ask_yes_or_cancel(parent: QWidget | None, title: str, text: str, yes_label: str) -> bool:
    """A warning with one action and Cancel, Cancel the default (Enter or Escape changes nothing)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(yes_label, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(
        QCoreApplication.translate("LibraryRecovery", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def tell(parent: QWidget | None, title: str, text: str) -> None:
    """A message that is good news or plain information (not an error)."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.addButton(QCoreApplication.translate("LibraryRecovery", "OK"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


# -- opening -----------------------------------------------------------------------------------------


def open_library_file(parent: QWidget | None, path: Path, *, read_only: bool = False) -> Library | None:
    """Open the library at ``path`` for the window; ``None`` (the user was told why) if it cannot be."""
    from briefbook.library import Library
    from briefbook.library.upgrade import upgrade_due
    from briefbook.store.database import DamagedLibraryError

    try:
        if not read_only and upgrade_due(path):  # seconds of work: on a thread, with progress
            from briefbook.ui.upgrade_progress import open_with_progress

            return open_with_progress(
                parent, lambda progress: Library.open(path, read_only=read_only, progress=progress)
            )
        return Library.open(path, read_only=read_only)
    except NewerVersionError as error:
        log.info("NewerVersionError: %s", error)
        error_hook.show_message(
            parent,
            QCoreApplication.translate("LibraryRecovery", "Please update BriefBook"),
            user_message(error),
        )
    except DamagedLibraryError as error:
        log.info("DamagedLibraryError: %s", error)
        return _offer_backup(parent, path, error)
    except HostileLibraryError as error:
        log.info("HostileLibraryError: %s", error)
        return _offer_cleaned_copy(parent, path, error)
    except BriefBookError as error:
        error_hook.report(error, parent)
    return None


def _offer_cleaned_copy(parent: QWidget | None, path: Path, error: HostileLibraryError) -> Library | None:
    """A library refused for its shape: say what differs, offer a cleaned copy (the original stays)."""
    from briefbook.library import Library
    from briefbook.store.cleaned_copy import cleaned_copy_path, make_cleaned_copy

    title = QCoreApplication.translate("LibraryRecovery", "This library is not in BriefBook's shape")
    target = cleaned_copy_path(path)
    listed = "\n".join(f"• {user_message(p)}" for p in error.problems[:8])
    question = (
        QCoreApplication.translate(
            "LibraryRecovery",
            "BriefBook will not open %1: it holds instructions or tables of its own, which could act "
            "on your data when it is used. It has not been opened and has not been changed.",
        ).replace("%1", str(path))
        + "\n\n"
        + listed
        + "\n\n"
        + QCoreApplication.translate(
            "LibraryRecovery",
            "BriefBook can make a cleaned copy, %1, with only BriefBook's own tables and their data, "
            "and open it. The original file stays exactly as it is.",
        ).replace("%1", str(target))
    )
    if not ask_open_cleaned_copy(parent, title, question):
        return None
    try:
        made = run_busy(
            lambda: make_cleaned_copy(path, target),
            parent,
            QCoreApplication.translate("LibraryRecovery", "Making a cleaned copy…"),
        )
        library = Library.open(made.path)
    except BriefBookError as failure:
        error_hook.show_message(parent, title, user_message(failure))
        return None
    text = QCoreApplication.translate(
        "LibraryRecovery", "You are now working in the cleaned copy %1."
    ).replace("%1", str(made.path))
    if made.notes:
        text += "\n\n" + "\n".join(f"• {user_message(n)}" for n in made.notes[:12])
    tell(parent, QCoreApplication.translate("LibraryRecovery", "Cleaned copy opened"), text)
    return library


def damaged_message(error: BaseException) -> str:
    """What is wrong with the file, in plain words (without the command-line advice)."""
    return user_message(str(error).split(_CLI_HINT, 1)[0])


def _offer_backup(parent: QWidget | None, path: Path, error) -> Library | None:
    from briefbook.library import Library
    from briefbook.store.restore import restore_backup

    title = QCoreApplication.translate("LibraryRecovery", "The library cannot be opened")
    backup: Path | None = error.backup
    if backup is None:
        error_hook.show_message(
            parent,
            title,
            damaged_message(error)
            + "\n\n"
            + QCoreApplication.translate(
                "LibraryRecovery",
                "There is no good backup of it beside it. If you have a copy elsewhere, open that copy.",
            ),
        )
        return None
    when = backup_time_of(path, backup)
    question = (
        damaged_message(error)
        + "\n\n"
        + QCoreApplication.translate(
            "LibraryRecovery",
            "A good backup from %1 is available. BriefBook can put it in place of the damaged file "
            "and open it. The damaged file is not deleted: it is kept, unchanged, in the backups "
            "folder. Changes made after %1 are not in the backup.",
        ).replace("%1", when)
    )
    if not ask_open_backup(parent, title, question):
        return None  # the file was only read
    try:
        previous = run_busy(
            lambda: restore_backup(path, backup),
            parent,
            QCoreApplication.translate("LibraryRecovery", "Restoring the backup…"),
        )
        library = Library.open(path)
    except BriefBookError as failure:
        error_hook.show_message(parent, title, backup_message(failure))
        return None
    text = (
        QCoreApplication.translate("LibraryRecovery", "The backup from %1 is now the library %2.")
        .replace("%1", when)
        .replace("%2", str(path))
    )
    if previous is not None:
        text += "\n\n" + QCoreApplication.translate(
            "LibraryRecovery", "The damaged file was kept, unchanged, as %1."
        ).replace("%1", str(previous))
    tell(parent, QCoreApplication.translate("LibraryRecovery", "Backup opened"), text)
    return library


def backup_time_of(library_path: Path, backup: Path) -> str:
    """When ``backup`` was made, as the Backups window shows it."""
    from briefbook.store.backup import describe_backup, list_backups

    for info in list_backups(library_path):
        if info.path == backup:
            return time_text(info.created)
    return describe_backup(backup)


# -- restoring into an open window -----------------------------------------------------------------------


def restore_into_window(window, backup: Path) -> Path | None:
    """Make ``backup`` the window's library; returns where the file it replaced was backed up.

    The window's connections are closed first and the library is reopened
    afterwards, even when the restore fails (the error is raised after that).
    """
    from briefbook.store.restore import restore_backup

    path = Path(window.model.library.path)
    window.close_library()
    try:
        return run_busy(
            lambda: restore_backup(path, backup),
            window,
            QCoreApplication.translate("LibraryRecovery", "Restoring the backup…"),
        )
    finally:
        window.open_library(path)
