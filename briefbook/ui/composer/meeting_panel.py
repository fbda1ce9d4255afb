"""What one meeting brief includes: its talking points and prior statements, chosen and ordered.

Each list is either "all that apply" (``None`` in the book's
:class:`~briefbook.library.books.MeetingChoice`: every point or statement of
the meeting's topics, so that a new one shows up by itself) or an explicit
list: the ticked entries, in the order shown, dragged into place.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from briefbook.errors import NotFound
from briefbook.library import Library, Meeting, Statement, TalkingPoint
from briefbook.library.books import MeetingChoice
from briefbook.ui.composer.texts import point_label, statement_label

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def candidate_points(library: Library, meeting_id: str) -> list[TalkingPoint]:
    """The talking points a brief shows by default: those of the meeting's topics, in their order."""
    return [
        p
        for t in library.meeting_topics(meeting_id)
        for p in library.list(TalkingPoint, where={"topic_id": t.id})
    ]


def candidate_statements(library: Library, meeting_id: str) -> list[Statement]:
    """The statements a brief shows by default: those on the meeting's topics, newest first."""
    seen: dict[str, Statement] = {}
    for t in library.meeting_topics(meeting_id):
        for s in library.statements_on(t.id):
            seen.setdefault(s.id, s)
    return sorted(seen.values(), key=lambda s: s.date, reverse=True)


def tr(text: str) -> str:
    return QCoreApplication.translate("MeetingPanel", text)


class ChoiceList(QWidget):
    """One list of a meeting brief; ``changed`` after the user ticks, unticks or drags."""

    changed = Signal()
    open_requested = Signal(str, str)  # kind, item id

    def __init__(self, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"choices_{kind}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold;")
        self.all_box = QCheckBox(self)
        self.all_box.setObjectName(f"all_{kind}")
        self.list = QListWidget(self)
        self.list.setObjectName(f"list_{kind}")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.heading.setBuddy(self.list)
        layout.addWidget(self.heading)
        layout.addWidget(self.all_box)
        layout.addWidget(self.list, 1)
        self._emit = QTimer(self)
        self._emit.setSingleShot(True)
        self._emit.setInterval(0)
        self._emit.timeout.connect(self.changed)
        self._loading = False
        self.all_box.toggled.connect(self._all_toggled)
        self.list.itemChanged.connect(self._item_changed)
        self.list.model().rowsMoved.connect(self._item_changed)
        self.list.itemDoubleClicked.connect(self._double_clicked)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(
            lambda point: self.context_menu(self.list.itemAt(point)).exec(
                self.list.viewport().mapToGlobal(point)
            )
        )

    def load(self, candidates: list[tuple[str, str, str]], chosen: list[str] | None, labels: dict[str, str]):
        """``candidates``: (id, label, tooltip) of what applies; ``chosen``: None or ids in order;
        ``labels``: names of chosen ids that are not candidates (moved elsewhere or deleted)."""
        self._loading = True
        self.all_box.setChecked(chosen is None)
        self.list.clear()
        explicit = chosen is not None
        shown: list[tuple[str, str, str, bool]] = []
        if chosen is None:
            shown = [(i, label, tip, True) for i, label, tip in candidates]
        else:
            by_id = {i: (label, tip) for i, label, tip in candidates}
            for item_id in chosen:
                label, tip = by_id.get(item_id, (labels.get(item_id, item_id), ""))
                shown.append((item_id, label, tip, True))
            shown += [(i, label, tip, False) for i, label, tip in candidates if i not in set(chosen)]
        for item_id, label, tip, ticked in shown:
            item = QListWidgetItem(label)
            item.setData(ID_ROLE, item_id)
            item.setToolTip(tip)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if explicit:
                flags |= Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            if not explicit:
                item.setForeground(Qt.GlobalColor.darkGray)
            self.list.addItem(item)
        self.list.setDragEnabled(explicit)
        self.list.setAcceptDrops(explicit)
        self._loading = False

    def choice(self) -> list[str] | None:
        if self.all_box.isChecked():
            return None
        return [
            self.list.item(row).data(ID_ROLE)
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def ids(self) -> list[str]:
        """Every entry shown, in order (ticked or not)."""
        return [self.list.item(row).data(ID_ROLE) for row in range(self.list.count())]

    def _all_toggled(self, _checked: bool) -> None:
        if not self._loading:
            self._emit.start()

    def _item_changed(self, *_args) -> None:
        if not self._loading and not self.all_box.isChecked():
            self._emit.start()

    def context_menu(self, item: QListWidgetItem | None) -> QMenu:
        """Right-click on an entry: open it, switch "all that apply" on or off, include or leave
        it out and move it (what a double-click, the box, the tick and a drag do)."""
        menu = QMenu(self.list)
        if item is None:
            return menu
        self.list.setCurrentItem(item)
        menu.addAction(tr("&Open to edit"), lambda: self._double_clicked(item))
        explicit = not self.all_box.isChecked()
        every = menu.addAction(self.all_box.text())
        every.setCheckable(True)
        every.setChecked(not explicit)
        every.triggered.connect(lambda: self.all_box.setChecked(explicit))
        if not explicit:
            return menu
        menu.addSeparator()
        ticked = item.checkState() == Qt.CheckState.Checked
        tick = menu.addAction(tr("&Include in this brief"))
        tick.setCheckable(True)
        tick.setChecked(ticked)
        tick.triggered.connect(
            lambda: item.setCheckState(Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)
        )
        row = self.list.row(item)
        for text, to in ((tr("Move &up"), row - 1), (tr("Move do&wn"), row + 1)):
            action = menu.addAction(text, lambda to=to: self._move(row, to))
            action.setEnabled(0 <= to < self.list.count())
        return menu

    def _move(self, row: int, to: int) -> None:
        item = self.list.takeItem(row)
        self.list.insertItem(to, item)
        self.list.setCurrentItem(item)
        self._item_changed()

    def _double_clicked(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(self.kind, item.data(ID_ROLE))

    def retranslate(self, heading: str, all_text: str, tip: str) -> None:
        self.heading.setText(heading)
        self.all_box.setText(all_text)
        self.all_box.setToolTip(tip)
        self.list.setToolTip(
            QCoreApplication.translate(
                "MeetingPanel",
                "Untick what this brief should leave out; drag entries into the order you want. "
                "Double-click an entry to edit it.",
            )
        )


class MeetingPanel(QWidget):
    """``edited(meeting_id, choice)``: the user changed what the brief includes (choice may be None)."""

    edited = Signal(str, object)
    open_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("meetingPanel")
        self.meeting: Meeting | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self)
        self.title.setObjectName("meetingPanelTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 11pt; font-weight: bold;")
        self.topics = QLabel(self)
        self.topics.setWordWrap(True)
        self.topics.setStyleSheet("color: #5f6368;")
        self.points = ChoiceList("talking_point", self)
        self.statements = ChoiceList("statement", self)
        layout.addWidget(self.title)
        layout.addWidget(self.topics)
        layout.addWidget(self.points, 3)
        layout.addWidget(self.statements, 2)
        for widget in (self.points, self.statements):
            widget.changed.connect(self._changed)
            widget.open_requested.connect(self.open_requested)
        self.retranslate()

    def retranslate(self) -> None:
        self.points.retranslate(
            self.tr("Talking points"),
            self.tr("All that apply (new points are included by themselves)"),
            self.tr("Untick to choose the points of this brief one by one and put them in order."),
        )
        self.statements.retranslate(
            self.tr("Prior statements"),
            self.tr("All that apply (newest first)"),
            self.tr("Untick to choose the statements of this brief one by one and put them in order."),
        )

    def load(self, library: Library, meeting: Meeting, choice: MeetingChoice | None) -> None:
        self.meeting = meeting
        self.title.setText(self.tr("Brief for “%1”").replace("%1", meeting.title))
        topics = library.meeting_topics(meeting.id)
        self.topics.setText(
            self.tr("Topics to raise: %1").replace("%1", "; ".join(t.title for t in topics))
            if topics
            else self.tr("This meeting has no topics yet: link topics to it to give it talking points.")
        )
        choice = choice or MeetingChoice()
        points = candidate_points(library, meeting.id)
        statements = candidate_statements(library, meeting.id)
        self.points.load(
            [(p.id, point_label(p), p.text) for p in points],
            choice.talking_points,
            self._names(library, TalkingPoint, choice.talking_points, {p.id for p in points}),
        )
        self.statements.load(
            [(s.id, statement_label(s), s.text) for s in statements],
            choice.statements,
            self._names(library, Statement, choice.statements, {s.id for s in statements}),
        )

    def _names(self, library: Library, cls, chosen: list[str] | None, known: set[str]) -> dict[str, str]:
        names: dict[str, str] = {}
        for item_id in chosen or []:
            if item_id in known:
                continue
            try:
                record = library.get(cls, item_id)
            except NotFound:
                names[item_id] = self.tr("(an item that was deleted)")
                continue
            label = point_label(record) if cls is TalkingPoint else statement_label(record)
            names[item_id] = self.tr("%1 (no longer on this meeting's topics)").replace("%1", label)
        return names

    def choice(self) -> MeetingChoice:
        return MeetingChoice(self.points.choice(), self.statements.choice())

    def _changed(self) -> None:
        if self.meeting is not None:
            self.edited.emit(self.meeting.id, self.choice())
