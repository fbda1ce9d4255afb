"""The editor pane: shows the selected item's form and saves every edit as it is made.

Each edit becomes an :class:`~briefbook.ui.undo.UpdateFields` command. What the
library refuses is shown at the field (ValidationError.field says which one);
required fields are checked here first, so that message is in plain words. The
commands, the message tables and the form's widgets load with the first item shown
or edited: the pane starts empty, and the first screen does not need them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from briefbook.errors import NotFound, StaleEdit
from briefbook.library import Record
from briefbook.library.records import record_type
from briefbook.ui import error_hook
from briefbook.ui.accessibility import set_name
from briefbook.ui.columns import REFERENCES, wrapped_tooltip
from briefbook.ui.context import UiContext
from briefbook.ui.dates import local_time
from briefbook.ui.editors.background_save import BIG, Write, queue_of
from briefbook.ui.editors.field_saving import refusal, save_field
from briefbook.ui.editors.refused_edit import keep_refused, when_stale
from briefbook.ui.html_text import escape
from briefbook.ui.labels import display_name, field_label, kind_label
from briefbook.ui.notifier import DELETED, LINKS, PHOTO, UPDATED

if TYPE_CHECKING:  # the form's widgets load when the first item is shown
    from briefbook.ui.editors.form import RecordForm


def choose_revision(parent: QWidget, context: UiContext, kind: str, item_id: str, field: str):
    """Show the history of a text field; the revision to restore, or None (patched in tests)."""
    from PySide6.QtWidgets import QDialog  # (named here: PySide builds a class the first time it is named)

    from briefbook.ui.revisions import RevisionsDialog  # (with the rich-text widgets: when asked)

    dialog = RevisionsDialog(context.library.revisions(kind, item_id, field), kind, field, parent)
    try:
        return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


class RecordEditor(QWidget):
    show_talking_points = Signal(str)
    open_requested = Signal(str, str)  # kind, id: a linked item to show in its own list

    def __init__(self, context: UiContext, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"editor_{kind}")
        self.context, self.kind = context, kind
        self.record_class = record_type(kind)
        self.record: Record | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        self.title = QLabel(self)  # one line of fixed height: the kind and when it last changed
        self.title.setObjectName("editorTitle")
        self.title.setWordWrap(False)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setStyleSheet("font-size: 12pt; padding: 4px 0;")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.title)
        self.pages = QStackedWidget(self)
        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("editorPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #757575;")
        self.pages.addWidget(self.placeholder)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.form: RecordForm | None = None
        self.pages.addWidget(self.scroll)
        layout.addWidget(self.pages, 1)
        context.model.changed.connect(self._on_changed)
        context.model.library_opened.connect(self._apply_read_only)
        self.writes = queue_of(context.model)  # long texts, stored off the GUI thread (the window's queue)
        self._leaving = False  # flushed to show another item: a long text need not be waited for
        self.retranslate()

    def _ensure_form(self) -> RecordForm:
        if self.form is None:
            from briefbook.ui.editors.form import RecordForm

            self.form = RecordForm(self.context, self.kind, self.scroll)
            self.form.set_read_only(self.context.model.read_only)
            for widget in self.form.fields.values():
                widget.committed.connect(self.commit)
                if hasattr(widget, "history_requested"):
                    widget.history_requested.connect(self.show_history)
            self.form.show_talking_points.connect(self.show_talking_points)
            self.form.open_requested.connect(self.open_requested)
            self.scroll.setWidget(self.form)
        return self.form

    def retranslate(self) -> None:
        set_name(
            self.scroll,
            self.tr("Editor: %1").replace("%1", kind_label(self.kind)),
            self.tr("Every change is saved as you make it; Tab moves from field to field, Ctrl+Z undoes."),
        )
        self.placeholder.setText(
            self.tr("Select an item in the list to see and edit it here, or create a new one with Ctrl+N.")
        )
        if self.form is not None:
            self.form.retranslate()
        self._show_title()

    def _show_title(self) -> None:
        """The kind in bold and when the item last changed; never its name (the first field shows it)."""
        self.title.setFixedHeight(self.title.fontMetrics().height() + 12)
        if self.record is None:
            self.title.setText(f"<b>{escape(kind_label(self.kind, plural=True))}</b>")
            self.title.setToolTip("")
            return
        changed = local_time(self.record.updated_at) if self.record.updated_at else ""
        when = self.tr("changed %1").replace("%1", changed) if changed else ""
        self.title.setText(
            f"<b>{escape(kind_label(self.kind))}</b>"
            + (f' <span style="color:#607d8b; font-size:10pt;">· {escape(when)}</span>' if when else "")
        )
        self.title.setToolTip(wrapped_tooltip(display_name(self.record)))

    # -- which item ------------------------------------------------------------------

    @property
    def item_id(self) -> str | None:
        return self.record.id if self.record else None

    def show_item(self, item_id: str | None) -> None:
        """Show ``item_id`` (None: nothing); pending edits of the previous item are saved first
        (a long text's write goes on off the GUI thread while the next item shows)."""
        self.flush(wait=False)
        if item_id and self.record and item_id == self.record.id:
            return
        if item_id and self.writes.busy(item_id):
            self.writes.wait()  # (back to an item still being stored: shown as stored)
        record = None
        if item_id:
            try:
                record = self.context.library.get(self.kind, item_id)
            except NotFound:
                record = None
        self.record = record
        if record is None:
            if self.form is not None:
                self.form.forget()
            self.pages.setCurrentWidget(self.placeholder)
        else:
            form = self._ensure_form()
            form.load(record, force=True)
            self.pages.setCurrentWidget(self.scroll)
            self.scroll.verticalScrollBar().setValue(0)
        self._show_title()

    def reload(self) -> None:
        """Show the open item as it is stored now (another window changed it); gone: show nothing."""
        if self.record is None or not self.context.model.is_open:
            return
        try:
            record = self.context.library.get(self.kind, self.record.id)
        except NotFound:
            self.record = None  # its edits cannot be saved any more
            self.show_item(None)
            return
        self._show_stored(record)

    def _show_stored(self, record) -> None:
        """Show the open item's ``record`` as stored now (another window's or program's edit, a
        merged package, another view's). An edit not saved yet whose field's stored text
        changed meanwhile (a long text's save waits for its Markdown after the focus left) was
        replaced by it, unsaid, and the save that followed found nothing: it is saved now,
        against the text it was typed over, and refused as at the focus's return (kept in
        History, theirs shown, both said at the field)."""
        if self.form is not None:
            for name, widget in self.form.fields.items():
                if widget.overtaken_by(getattr(record, name, None)):
                    widget.flush()  # (refused: refused_edit.when_stale shows theirs and says so)
            if self.record is None or self.record.id != record.id:
                return  # (the item went while its edit was refused)
        self.record = record
        if self.form is not None:
            self.form.load(record)
        self._show_title()

    def _apply_read_only(self) -> None:
        if self.form is not None:
            self.form.set_read_only(self.context.model.read_only)

    def field(self, name: str):
        return self._ensure_form().fields[name]

    def focus_first_field(self, select: bool = False) -> None:
        """The focus to the first field; ``select``: its text selected too (a new item's
        placeholder, "New event", which what the user types then replaces, as in Word)."""
        if self.form is not None and (widget := self.form.first_field()) is not None:
            widget.setFocus()
            if select and hasattr(widget.input, "selectAll"):
                widget.input.selectAll()

    def flush(self, wait: bool = True) -> None:
        """Store every pending edit now (a long text being stored off the GUI thread included).

        ``wait`` False (switching items): a long text's edit is handed to the thread that
        stores it (``background_save``) and the window goes on; it is on the undo stack, and
        the window hears of it, once stored. Everything else that flushes (undo, closing,
        another edit of the item) waits for it first."""
        if self.form is not None and self.record is not None and self.context.model.is_open:
            self._leaving = not wait
            try:
                self.form.flush()
            finally:
                self._leaving = False
        if wait:
            self.writes.wait()

    # -- saving ----------------------------------------------------------------------

    def commit(self, field: str, value: Any) -> None:
        record, form = self.record, self.form
        if record is None or form is None or not self.context.model.is_open:
            return
        # (a long text saved after a pause in typing or as focus leaves: stored off the GUI thread;
        # saved by flush(), before switching items, closing or undo: stored now)
        big = (
            isinstance(value, str)
            and len(value) > BIG
            and (getattr(form.fields[field], "in_background", False) or self._leaving)
            and self.context.library.path is not None
        )
        if big and any(
            w is not None and w.new.get(field) == value for w in (self.writes.current, self.writes.waiting)
        ):
            return  # (on its way already: a focus lost after the pause in typing asks again)
        if self.writes.busy(record.id) and not (big and self._writing(field)):
            self.writes.wait()  # (any other edit of the item starts from what that one stored)
            record = self.record
            if record is None:
                return
        widget = form.fields[field]
        old = getattr(record, field)
        if value == old or (not value and not old):
            widget.set_error(None)
            return
        if field in self.record_class.REQUIRED and not str(value or "").strip():
            widget.set_error(self.tr("%1 cannot be empty.").replace("%1", field_label(self.kind, field)))
            return
        new = {field: value}
        if field == "speaker_id" and value and not getattr(record, "speaker_name", ""):
            new["speaker_name"] = self.context.library.get("person", value).name
        old_values = {name: getattr(record, name) for name in new}
        if big and len(new) == 1:
            write = Write(self.context.library.path, self.kind, record.id, old_values, new, record.updated_at)
            write.on_done = self._stored
            if hasattr(widget, "sending"):
                widget.sending(value)
            self.writes.submit(write)
            return
        from briefbook.ui.undo import UpdateFields, run  # (the commands load with the first edit)

        command = UpdateFields(self.context.model, self.kind, record.id, old_values, new, record.updated_at)
        save_field(
            lambda: run(self.context.stack, command),
            widget,
            form.fields,
            field,
            old,
            self._fault(),
            when_stale(self, field, value),
        )

    def _writing(self, field: str) -> bool:
        """The writes under way and waiting are edits of ``field`` alone (a newer edit of it
        replaces the waiting one; after an undo of it, it starts from what the undo stored)."""
        return all(not w.step and set(w.new) == {field} for w in self.writes.writes())

    def _stored(self, write: Write) -> None:
        """A write made off the GUI thread is back: on the undo stack and shown, or said where it was made."""
        from briefbook.ui.messages import user_message
        from briefbook.ui.undo import UpdateFields, push

        (field,) = write.new
        showing = self.record is not None and self.record.id == write.item_id and self.form is not None
        widget = self.form.fields.get(field) if showing and self.form is not None else None
        if write.error is None and write.old != write.new:
            command = UpdateFields(
                self.context.model, self.kind, write.item_id, write.old, write.new, write.expected
            )
            command.expected = None
            command._left = dict(write.new)
            push(self.context.stack, command)
            self.context.model.notify(self.kind, write.item_id, UPDATED)
        elif write.error is None:
            pass
        elif widget is not None:
            refusal(
                write.error,
                widget,
                self.form.fields,
                field,
                write.old[field],
                self._fault(),
                when_stale(self, field, write.new[field]),
            )
        else:  # refused once the user had left the item: said in a message, the text kept
            error = write.error
            if isinstance(error, StaleEdit) and self.form is not None:
                kept = keep_refused(self, write.item_id, field, write.new[field])
                error = StaleEdit(f"{user_message(error)} {kept}".strip(), error.current)
            error_hook.report(error)
        sender = self.form.fields.get(field) if self.form is not None else None
        if sender is not None and hasattr(sender, "sent"):
            sender.sent(write.new[field])

    def _fault(self) -> str:
        return self.tr("This change could not be saved because of a problem in BriefBook (details in %1).")

    def show_history(self, field: str) -> None:
        if self.record is None:
            return
        self.flush()
        revision = choose_revision(self, self.context, self.kind, self.record.id, field)
        if revision is not None:
            from briefbook.ui.undo import RestoreRevision, run

            command = RestoreRevision(self.context.model, self.kind, self.record.id, field, revision.id)
            run(self.context.stack, command)

    # -- changes from elsewhere (undo, other views) -------------------------------------

    def _on_changed(self, kind: str, item_id: str, what: str) -> None:
        if self.record is None or self.form is None:
            return
        if kind == self.kind and item_id == self.record.id:
            if what == DELETED:
                self.record = None
                self.show_item(None)
                return
            if what == PHOTO:
                if self.form.photo:
                    self.form.photo.load(item_id)
                return
            if what == LINKS:
                self.form.load_links()
                return
            try:
                record = self.context.library.get(self.kind, item_id)
            except NotFound:
                self.show_item(None)
                return
            self._show_stored(record)
        elif what == LINKS or kind in REFERENCES.values() or kind == "person":
            if kind in ("meeting", "event", "statement") and item_id != self.record.id and what == LINKS:
                return
            self.form.load(self.record)  # a linked item's name may have changed
