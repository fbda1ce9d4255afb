"""The composer's "Changes" tab: what was added, edited (word by word) and removed since the last export.

It compares the book as the composer last assembled it (off the GUI thread)
with the last copy of the same kind (the book's ceiling, for sharing or not), as that copy's
changes page will (:func:`briefbook.exchange.copy_changes.book_changes`);
the comparison runs when the tab is shown or a new assembly arrives while it
is shown, so a big book costs nothing while the user works elsewhere.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from briefbook.exchange.changes import Changes, shortened
from briefbook.exchange.copy_changes import book_changes
from briefbook.ui.dates import format_date
from briefbook.ui.labels import kind_label, level_label


class ChangesPanel(QWidget):
    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("changesPanel")
        self.context = context
        self.heading = QLabel(self)
        self.heading.setObjectName("changesHeading")
        self.heading.setWordWrap(True)
        self.view = QTextBrowser(self)
        self.view.setObjectName("changesView")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        self._pending: tuple[str, object, bool] | None = None
        self.changes: Changes | None = None

    def set_document(self, book_id: str, document, for_sharing: bool = False) -> None:
        """A new assembly of the book (for sharing or not); compared now if the tab is visible,
        else when it is shown."""
        self._pending = (book_id, document, for_sharing)
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        if self._pending is None or not self.context.model.is_open:
            return
        book_id, document, for_sharing = self._pending
        self._pending = None
        library = self.context.library
        if not library.exists("book", book_id):
            return
        self.changes = book_changes(library, book_id, document, for_sharing=for_sharing)
        self.show_changes(self.changes)

    def show_changes(self, changes: Changes) -> None:
        if changes.since_version is None:
            first = (
                self.tr(
                    "There is no earlier copy of this book at %1 made for sharing: everything in it is new."
                )
                if changes.for_sharing
                else self.tr("There is no earlier copy of this book at %1: everything in it is new.")
            )
            self.heading.setText(first.replace("%1", level_label(changes.ceiling)))
            self.view.setHtml("")
            return
        since = format_date(changes.since[:16])  # dd/mm/yyyy HH:MM in Vietnamese, as everywhere
        self.heading.setText(
            self.tr("Changes since version %1 (exported %2 UTC):")
            .replace("%1", str(changes.since_version))
            .replace("%2", since)
        )
        if changes.empty:
            nothing = self.tr("Nothing has changed.")
            self.view.setHtml(f"<p>{html.escape(nothing)}</p>")
            return
        # Each tr() outside the f-strings: lupdate does not read calls inside them.
        added, edited, removed = self.tr("Added"), self.tr("Edited"), self.tr("Removed")
        parts = []
        if changes.added:
            parts.append(f"<h3>{html.escape(added)}</h3><ul>")
            parts += [f"<li>{_what(e.kind, e.name)}</li>" for _, e in changes.added]
            parts.append("</ul>")
        if changes.edited:
            parts.append(f"<h3>{html.escape(edited)}</h3><ul>")
            for edit in changes.edited:
                diff = " ".join(
                    f"<s style='color:#b3261e'>{html.escape(t)}</s>"
                    if op == "-"
                    else f"<b style='color:#1e6b2f'>{html.escape(t)}</b>"
                    if op == "+"
                    else html.escape(t)
                    for op, t in shortened(edit.diff)
                )
                parts.append(f"<li>{_what(edit.kind, '')}<br>{diff}</li>")
            parts.append("</ul>")
        if changes.removed:
            parts.append(f"<h3>{html.escape(removed)}</h3><ul>")
            parts += [f"<li>{_what(o['kind'], o.get('name', ''))}</li>" for _, o in changes.removed]
            parts.append("</ul>")
        self.view.setHtml("".join(parts))

    def retranslate(self) -> None:
        from briefbook.ui.accessibility import set_name

        set_name(
            self.view,
            self.tr("Changes since the last export"),
            self.tr("What was added, edited (removed words struck out, new words bold) and removed."),
        )
        if self.changes is not None:
            self.show_changes(self.changes)


def _what(kind: str, name: str) -> str:
    label = html.escape(kind_label(kind))  # "Luận điểm", not the record's English "Talking point"
    return f"<i>{label}</i>: {html.escape(name)}" if name else f"<i>{label}</i>"
