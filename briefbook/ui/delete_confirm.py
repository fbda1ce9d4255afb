"""Deleting an item that others depend on asks first, and says what goes with it.

An event takes its meetings and books with it, a person their participant links,
a meeting its links; the question lists them (from
:meth:`briefbook.library.Library.what_goes_with`). An item nothing depends on
is deleted at once: Undo (and ``briefbook undelete``) bring any delete back.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from briefbook.ui.labels import display_name
from briefbook.ui.messages import user_message


def confirm_delete(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask whether to delete (patched in tests); True for yes. Cancel is the default."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(
        QCoreApplication.translate("DeleteConfirm", "Delete them all"), QMessageBox.ButtonRole.DestructiveRole
    )
    no = box.addButton(
        QCoreApplication.translate("DeleteConfirm", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def may_delete(parent: QWidget | None, library, kind: str, ids: list[str]) -> bool:
    """True if the items may go: nothing depends on them, or the user said yes to the list."""
    lines = []
    for item_id in ids:
        going = library.what_goes_with(kind, item_id)
        if going:
            lines.append(
                f"• {display_name(library.get(kind, item_id))}: {', '.join(user_message(g) for g in going)}"
            )
    if not lines:
        return True
    title = QCoreApplication.translate("DeleteConfirm", "Delete with what belongs to it?")
    text = (
        QCoreApplication.translate("DeleteConfirm", "Deleting this also deletes or changes:")
        + "\n\n"
        + "\n".join(lines[:12])
        + ("\n…" if len(lines) > 12 else "")
        + "\n\n"
        + QCoreApplication.translate(
            "DeleteConfirm", "Edit → Undo brings it all back, and so does 'briefbook undelete' later."
        )
    )
    return confirm_delete(parent, title, text)
