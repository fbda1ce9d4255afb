"""A person's history of contacts with us: every meeting they took part in, oldest first.

Read-only (the links are edited on the meetings); the same list the meeting briefs
print as "previous contacts" and ``briefbook show PERSON`` prints as ``meetings``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from briefbook.ui.context import UiContext
from briefbook.ui.labels import choice_label

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PersonMeetingsPanel(QWidget):
    open_requested = Signal(str, str)  # kind, id: a double-clicked meeting, shown in its own list

    def __init__(self, context: UiContext, parent=None):
        super().__init__(parent)
        self.setObjectName("meetingsPanel")
        self.context = context
        self.owner_id = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.title)
        self.list = QListWidget(self)
        self.list.setObjectName("personMeetings")
        self.list.setMinimumHeight(60)
        layout.addWidget(self.list)
        self.list.itemActivated.connect(self._open)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Meetings with us"))
        self.list.setAccessibleName(self.tr("Meetings with us"))
        if self.owner_id:
            self.load(self.owner_id)

    def load(self, owner_id: str) -> None:
        self.owner_id = owner_id
        self.list.clear()
        for meeting, role in self.context.library.meetings_of(owner_id):
            day = meeting.starts_at[:10]
            if len(day) == 10:  # dd/mm/yyyy, as the tables show dates
                day = f"{day[8:10]}/{day[5:7]}/{day[:4]}"
            role_text = choice_label(role) if role else ""
            text = " — ".join(x for x in (day, meeting.title) if x) + (f" ({role_text})" if role_text else "")
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, meeting.id)
            self.list.addItem(item)
        if not self.list.count():
            self.list.addItem(QListWidgetItem(self.tr("No meetings yet.")))

    def _open(self, item: QListWidgetItem) -> None:
        meeting_id = item.data(ID_ROLE)
        if meeting_id:
            self.open_requested.emit("meeting", meeting_id)

    def set_read_only(self, read_only: bool) -> None:
        """Nothing to edit here: the list is the same either way."""
