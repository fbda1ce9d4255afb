"""The parts of a core message that are the library's own words: levels, kinds, field names.

A pattern in :mod:`briefbook.ui.messages` cuts a core sentence into groups; most
groups are names the user wrote (a title, a file name) and stay as they are, but
some are the core's English identifiers: a level ("Internal"), a list of levels
("Public, Internal, Confidential, Secret"), a kind ("talking point"), a field list
("position, country"). These turn them into the window's words, so that a
Vietnamese sentence does not carry English words in its middle.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from briefbook.library.records import RECORD_TYPES
from briefbook.library.rules import FIELD_WORDS
from briefbook.ui.labels import _CHOICES, _FIELDS, choice_label, field_label, kind_label, level_label

_KIND_OF_LABEL = {cls.LABEL.lower(): kind for kind, cls in RECORD_TYPES.items()}


def level_part(group: str) -> str:
    """A level, or a comma-separated list of levels, by the window's labels (others unchanged)."""
    parts = group.split(", ")
    if all(level_label(p) != p for p in parts):
        return ", ".join(level_label(p) for p in parts)
    return group


def kind_part(group: str, *, lower: bool = False) -> str:
    """A record's English label ("Talking point", "talking point") as the window names the kind."""
    kind = _KIND_OF_LABEL.get(group.lower())
    if kind is None:
        return group
    label = kind_label(kind)
    return label[:1].lower() + label[1:] if lower else label


def fields_part(group: str) -> str:
    """A comma-separated list of field names ("position, country", "start date") in the window's words."""
    names = [_field_name(p) for p in group.split(", ")]
    if all(n in _FIELDS for n in names):
        return ", ".join(field_label("", n).lower() for n in names)
    return group


_MAPPED_COLUMN = re.compile(r"(?P<head>.*?) → (?P<field>[a-z][a-z ]*)$")
# What a contact list's columns may map to besides a person's own fields (exchange.contacts.COLUMNS)
_CONTACT_FIELDS = {
    "email": QT_TRANSLATE_NOOP("Fields", "Email"),
    "phone": QT_TRANSLATE_NOOP("Fields", "Phone"),
}


def columns_part(group: str) -> str:
    """The contact import's column mapping ("Họ và tên → name; Chức vụ → position"), fields translated."""

    def label(field: str) -> str:
        if field in _CONTACT_FIELDS:
            return QCoreApplication.translate("Fields", _CONTACT_FIELDS[field])
        return field_label("person", field if field in _FIELDS else f"{field}_id")

    def one(part: str) -> str:
        found = _MAPPED_COLUMN.fullmatch(part)
        if found is None:
            return part
        return f"{found['head']} → {label(found['field'].replace(' ', '_'))}"

    return "; ".join(one(p) for p in group.split("; "))


def field_part(group: str) -> str:
    """One field name ("end date") as the window's label, capitalised ("Ngày kết thúc")."""
    name = _field_name(group)
    return field_label("", name) if name in _FIELDS else group


_NAME_OF_WORDS = {words: name for name, words in FIELD_WORDS.items()}


def _field_name(words: str) -> str:
    """The field a core message names in words ("end date", "start time")."""
    return _NAME_OF_WORDS.get(words) or words.replace(" ", "_")


def needed_part(group: str) -> str:
    """What an item needs: a kind it belongs to ("topic") or a field ("title"), in the window's words."""
    if group.lower() in _KIND_OF_LABEL:
        return kind_part(group, lower=True)
    return fields_part(group)


def choices_part(group: str) -> str:
    """A comma-separated list of stored choices ("plenary, bilateral") by their labels."""
    parts = group.split(", ")
    if all(p in _CHOICES for p in parts):
        return ", ".join(choice_label(p) for p in parts)
    return group


def dates_part(group: str) -> str:
    """ISO dates (and times) as the window writes them (dd/mm/yyyy in Vietnamese)."""
    from briefbook.ui.dates import localise_dates

    return localise_dates(group)
