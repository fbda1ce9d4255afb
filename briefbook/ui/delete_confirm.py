"""Deleting an item that others depend on asks first, and says what goes with it.

An event takes its meetings and books with it, a person their place in meetings and
delegations, a meeting its links; the question names them, and the books that would
no longer show the item, by title. An item nothing depends on
is deleted at once: Undo (and ``briefbook undelete``) bring any delete back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from briefbook.ui.labels import display_name

if TYPE_CHECKING:  # what a delete takes with it is read (with the library's code) when asked
    from briefbook.library.uses import Uses


def confirm_delete(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask whether to delete (patched in tests); True for yes. Cancel is the default."""
    from PySide6.QtWidgets import QMessageBox  # its class and enums: when a delete asks

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
    """True if the items may go: nothing uses them, or the user said yes to what it means.

    The question names, by title, the meetings and delegations the item is in and the
    books that show it (:func:`briefbook.library.uses.delete_summary`), then the rest
    that goes with it ("1 statement's speaker").
    """
    from briefbook.library.uses import delete_summary
    from briefbook.ui.messages import user_message  # the message tables: when a delete asks

    lines = []
    for item_id in ids:
        uses, going = delete_summary(library, kind, item_id)
        if not uses and not going:
            continue
        going = going + library.parts_that_go(kind, item_id)  # "1 photo": named, not asked for itself
        lines.append(f"• {display_name(library.get(kind, item_id))}:")
        lines += [f"    – {line}" for line in use_lines(uses)]
        if going:
            lines.append(f"    – {', '.join(user_message(g) for g in going)}")
    if not lines:
        return True
    title = QCoreApplication.translate("DeleteConfirm", "Delete with what belongs to it?")
    text = (
        QCoreApplication.translate("DeleteConfirm", "Deleting this also deletes or changes:")
        + "\n\n"
        + "\n".join(lines[:24])
        + ("\n…" if len(lines) > 24 else "")
        + "\n\n"
        + QCoreApplication.translate(
            "DeleteConfirm", "Edit → Undo brings it all back, and so does 'briefbook undelete' later."
        )
    )
    return confirm_delete(parent, title, text)


def _filled(template: str, *args: str) -> str:
    for i, arg in enumerate(args, start=1):
        template = template.replace(f"%{i}", arg)
    return template


def use_lines(uses: Uses) -> list[str]:
    """Each use in the window's language: the meetings, delegations and books, by title."""
    out = []
    for meeting, event in uses.meetings:
        if uses.kind == "topic":
            text = QCoreApplication.translate("DeleteConfirm", "it is raised in the meeting “%1” (%2)")
        else:
            text = QCoreApplication.translate(
                "DeleteConfirm", "they take part in the meeting “%1” (%2): they leave it"
            )
        out.append(_filled(text, meeting, event))
    for event in uses.delegations:
        out.append(
            _filled(
                QCoreApplication.translate(
                    "DeleteConfirm", "they are in the delegation to “%1”: they leave it"
                ),
                event,
            )
        )
    for book in uses.books:
        if uses.kind == "event":
            text = QCoreApplication.translate("DeleteConfirm", "its book “%1” is deleted with it")
        elif uses.kind == "person":
            text = QCoreApplication.translate(
                "DeleteConfirm", "the book “%1” shows them (biography, participants): it will no longer"
            )
        else:
            text = QCoreApplication.translate("DeleteConfirm", "the book “%1” includes it: it will no longer")
        out.append(_filled(text, book))
    if uses.statements:
        if uses.statements == 1:  # (lupdate collects no %n plural from translate() in Python)
            text = QCoreApplication.translate(
                "DeleteConfirm", "they made 1 prior statement: kept, no longer linked"
            )
        else:
            text = QCoreApplication.translate(
                "DeleteConfirm", "they made %1 prior statements: kept, no longer linked"
            )
        out.append(_filled(text, str(uses.statements)))
    return out
