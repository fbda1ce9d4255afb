"""Undo commands of the links between items and their order: a meeting's participants and an
event's delegation (with their roles), the topics of a meeting or a statement, the order of a
topic's talking points.

Each is one library operation and its inverse, then the views told; run them with
:func:`briefbook.ui.undo.run`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from briefbook.ui.notifier import LINKS, ORDER, LibraryModel
from briefbook.ui.undo import LibraryCommand

# Person links: (set, remove, owner kind) for meeting participants and an event's delegation.
_PERSON_LINKS = {
    "participant": ("set_participant", "remove_participant", "meeting"),
    "delegate": ("set_delegate", "remove_delegate", "event"),
}


class SetPersonLink(LibraryCommand):
    """Add a participant/delegate or change their role; undo restores the earlier state."""

    def __init__(
        self, model: LibraryModel, link: str, owner_id: str, person_id: str, role: str, previous: str | None
    ):
        text = (
            QCoreApplication.translate("Undo", "Add participant")
            if previous is None
            else QCoreApplication.translate("Undo", "Change role")
        )
        super().__init__(model, text)
        self.link, self.owner_id, self.person_id = link, owner_id, person_id
        self.role, self.previous = role, previous

    def _set(self, role: str) -> None:
        setter, _remove, owner_kind = _PERSON_LINKS[self.link]
        getattr(self.library, setter)(self.owner_id, self.person_id, role)
        self.model.notify(owner_kind, self.owner_id, LINKS)

    def _remove(self) -> None:
        _set, remover, owner_kind = _PERSON_LINKS[self.link]
        getattr(self.library, remover)(self.owner_id, self.person_id)
        self.model.notify(owner_kind, self.owner_id, LINKS)

    def apply(self) -> None:
        self._set(self.role)

    def revert(self) -> None:
        if self.previous is None:
            self._remove()
        else:
            self._set(self.previous)


class RemovePersonLink(SetPersonLink):
    def __init__(self, model: LibraryModel, link: str, owner_id: str, person_id: str, role: str):
        super().__init__(model, link, owner_id, person_id, role, role)
        self.setText(QCoreApplication.translate("Undo", "Remove participant"))

    def apply(self) -> None:
        self._remove()

    def revert(self) -> None:
        self._set(self.role)


class LinkTopic(LibraryCommand):
    """Link a meeting or a statement to a topic (``linked=False``: unlink)."""

    def __init__(self, model: LibraryModel, kind: str, item_id: str, topic_id: str, linked: bool = True):
        super().__init__(
            model,
            QCoreApplication.translate("Undo", "Link topic")
            if linked
            else QCoreApplication.translate("Undo", "Unlink topic"),
        )
        self.kind, self.item_id, self.topic_id, self.linked = kind, item_id, topic_id, linked

    def _do(self, link: bool) -> None:
        if link:
            self.library.link_topic(self.item_id, self.topic_id)
        else:
            self.library.unlink_topic(self.item_id, self.topic_id)
        self.model.notify(self.kind, self.item_id, LINKS)

    def apply(self) -> None:
        self._do(self.linked)

    def revert(self) -> None:
        self._do(not self.linked)


class ReorderTalkingPoints(LibraryCommand):
    def __init__(self, model: LibraryModel, topic_id: str, old: list[str], new: list[str]):
        super().__init__(model, QCoreApplication.translate("Undo", "Reorder talking points"))
        self.topic_id, self.old, self.new = topic_id, list(old), list(new)

    def _do(self, order: list[str]) -> None:
        self.library.reorder_talking_points(self.topic_id, order)
        self.model.notify("talking_point", self.topic_id, ORDER)

    def apply(self) -> None:
        self._do(self.new)

    def revert(self) -> None:
        self._do(self.old)
