"""A form for one kind of item, generated from the record's fields and metadata.

One-line fields become line edits, MARKDOWN fields rich text, CHOICES and
classification levels combo boxes, dates validated line edits with a calendar,
``*_id`` fields pickers. Links (participants, delegation, topics) and photos
are panels under the fields.
"""

from __future__ import annotations

from dataclasses import fields as dataclass_fields

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from briefbook.library import Record
from briefbook.library.records import DATE_FIELDS, DATETIME_FIELDS, record_type
from briefbook.ui.accessibility import make_accessible
from briefbook.ui.columns import REFERENCES
from briefbook.ui.context import UiContext
from briefbook.ui.editors.fields import (
    ChoiceField,
    DateField,
    FieldWidget,
    IntField,
    LevelField,
    LineField,
    ReadOnlyField,
)
from briefbook.ui.editors.history import PersonMeetingsPanel
from briefbook.ui.editors.links import PersonLinksPanel, TopicLinksPanel
from briefbook.ui.editors.photo import PhotoPanel
from briefbook.ui.editors.pickers import RefField
from briefbook.ui.editors.rich_text import MarkdownField
from briefbook.ui.labels import field_label

HIDDEN = {("talking_point", "position"), ("book", "sections")}  # reordered by drag; the composer's
READ_ONLY = {("book", "last_export_at"), ("book", "version")}  # written by exports


def make_field(context: UiContext, kind: str, name: str, parent: QWidget) -> FieldWidget:
    cls = record_type(kind)
    types = {f.name: f.type for f in dataclass_fields(cls)}
    if name in REFERENCES:
        return RefField(name, REFERENCES[name], context, optional=name not in cls.REQUIRED, parent=parent)
    if name in cls.MARKDOWN:
        return MarkdownField(name, parent)
    if name in ("classification", "ceiling"):
        return LevelField(
            name, context.library.classification_levels(), allow_none=name == "ceiling", parent=parent
        )
    if name in cls.CHOICES:
        return ChoiceField(name, cls.CHOICES[name], parent)
    if name in DATE_FIELDS or name in DATETIME_FIELDS:
        return DateField(name, with_time=name in DATETIME_FIELDS, parent=parent)
    if (kind, name) in READ_ONLY:
        return ReadOnlyField(name, parent)
    if types.get(name) in ("int", int):
        return IntField(name, parent)
    return LineField(name, parent)


class RecordForm(QWidget):
    """Every field of one kind of record, plus the link panels that belong to it."""

    show_talking_points = Signal(str)  # a topic's id
    open_requested = Signal(str, str)  # kind, id: a linked item (a participant, a topic) to show

    def __init__(self, context: UiContext, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"form_{kind}")
        self.context, self.kind = context, kind
        self.record_class = record_type(kind)
        self.record: Record | None = None
        outer = QVBoxLayout(self)
        self.photo: PhotoPanel | None = None
        if kind == "person":
            self.photo = PhotoPanel(context, self)
            outer.addWidget(self.photo)
        self.layout_form = QFormLayout()
        self.layout_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.layout_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(self.layout_form)
        self.fields: dict[str, FieldWidget] = {}
        self.labels: dict[str, QLabel] = {}
        for name in self.record_class.data_fields():
            if (kind, name) in HIDDEN:
                continue
            widget = make_field(context, kind, name, self)
            label = QLabel(self)
            label.setObjectName(f"label_{name}")
            label.setBuddy(widget)
            self.layout_form.addRow(label, widget)
            self.fields[name], self.labels[name] = widget, label
        self.panels: list = []
        if kind == "meeting":
            self.panels = [
                PersonLinksPanel(context, "participant", self),
                TopicLinksPanel(context, "meeting", self),
            ]
        elif kind == "event":
            self.panels = [PersonLinksPanel(context, "delegate", self)]
        elif kind == "statement":
            self.panels = [TopicLinksPanel(context, "statement", self)]
        elif kind == "person":
            self.panels = [PersonMeetingsPanel(context, self)]
        for panel in self.panels:
            outer.addWidget(panel)
            panel.open_requested.connect(self.open_requested)
        self.points_button: QPushButton | None = None
        if kind == "topic":
            self.points_button = QPushButton(self)
            self.points_button.setObjectName("showTalkingPoints")
            self.points_button.clicked.connect(
                lambda: self.record and self.show_talking_points.emit(self.record.id)
            )
            outer.addWidget(self.points_button)
        outer.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        for name, label in self.labels.items():
            text = field_label(self.kind, name)
            required = name in self.record_class.REQUIRED
            label.setText(f"{text} *" if required else text)
            label.setToolTip(self.tr("Required") if required else "")
            self.fields[name].retranslate()
        for panel in self.panels:
            panel.retranslate()
        if self.photo:
            self.photo.retranslate()
        if self.points_button:
            self.points_button.setText(self.tr("Show the talking points of this topic"))
        if self.record is not None:
            self.load(self.record)
        make_accessible(self)  # each label names its input itself, not the field's wrapper

    def load(self, record: Record, force: bool = False) -> None:
        """Show ``record``; ``force`` (another item) drops unsaved edits instead of keeping them."""
        self.record = record
        for name, widget in self.fields.items():
            widget.set_value(getattr(record, name), force)
        self.load_links()
        if self.photo:
            self.photo.load(record.id)
            self.photo.set_error(None)

    def forget(self) -> None:
        """Nothing is shown (no item selected, or the library closed)."""
        self.record = None
        for panel in self.panels:
            panel.owner_id = ""
        if self.photo:
            self.photo.person_id = ""

    def load_links(self) -> None:
        if self.record is not None:
            for panel in self.panels:
                panel.load(self.record.id)

    def set_levels(self, levels: list[str]) -> None:
        for widget in self.fields.values():
            if isinstance(widget, LevelField):
                widget.set_levels(levels)

    def flush(self) -> None:
        for widget in self.fields.values():
            widget.flush()

    def set_read_only(self, read_only: bool) -> None:
        """Show the values but take no edits (the library cannot be changed)."""
        for widget in self.fields.values():
            widget.set_read_only(read_only)
        for panel in self.panels:
            panel.set_read_only(read_only)
        if self.photo:
            self.photo.set_read_only(read_only)

    def first_field(self) -> QWidget | None:
        for widget in self.fields.values():
            if isinstance(widget, (LineField, MarkdownField)) and not isinstance(widget, ReadOnlyField):
                return widget
        return None
