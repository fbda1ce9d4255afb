"""What a list's commands do: new, delete, open, duplicate, copy a link, move a talking point.

A mixin of :class:`~briefbook.ui.collection_view.CollectionView` (it uses its
``context``, ``kind``, ``editor``, ``filters``, ``select`` and ``selected_ids``), kept
apart so that the view module holds its layout, loading and selection. Every
change is one command on the undo stack; the commands (and the library code they
call) load with the first one asked for, not with the first screen.
"""

from __future__ import annotations

from briefbook.ui.delete_confirm import may_delete
from briefbook.ui.item_menu import copy_link, duplicate_item
from briefbook.ui.labels import display_name
from briefbook.ui.new_items import new_record


class CollectionCommands:
    def new_item(self) -> None:
        from briefbook.ui.undo import run
        from briefbook.ui.undo_items import AddItem

        self.activate()
        self.editor.flush()
        command = run(
            self.context.stack,
            AddItem(
                self.context.model,
                new_record(self.context, self.kind, self.filters.where(), self.editor.record),
            ),
        )
        self.select(command.item_id)
        self.editor.focus_first_field(select=True)

    def delete_selected(self) -> None:
        from briefbook.ui.undo import run
        from briefbook.ui.undo_items import DeleteItem

        ids = self.selected_ids()
        if not ids:
            return
        self.editor.flush()
        if not may_delete(self, self.context.library, self.kind, ids):
            return
        stack = self.context.stack
        if len(ids) > 1:
            stack.beginMacro(self.delete_many_text(len(ids)))
        try:
            for item_id in ids:
                run(stack, DeleteItem(self.context.model, self.kind, item_id))
        finally:
            if len(ids) > 1:
                stack.endMacro()

    def open_current(self) -> None:
        """Open the chosen item: its editor takes the focus (Enter in the list)."""
        ids = self.selected_ids()
        if len(ids) == 1:
            self.editor.show_item(ids[0])
            self.editor.focus_first_field()

    def duplicate_selected(self, years: int = 0) -> str | None:
        """Copy the chosen item (an event with its meetings and books; ``years``: dates moved on)."""
        ids = self.selected_ids()
        if len(ids) != 1 or self.context.model.read_only:
            return None
        self.editor.flush()
        copy_id = duplicate_item(self.context, self.kind, ids[0], years)
        self.select(copy_id)
        return copy_id

    def copy_link(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            copy_link(ids[0], display_name(self.context.library.get(self.kind, ids[0])))

    def move_selected(self, step: int) -> None:
        """Alt+Up / Alt+Down: move the chosen talking point one place within its topic (undoable)."""
        ids = self.selected_ids()
        if self.kind != "talking_point" or len(ids) != 1 or self.context.model.read_only:
            return
        self.editor.flush()
        point = self.context.library.get(self.kind, ids[0])
        topic_id = point.topic_id  # type: ignore[attr-defined]
        order = [
            p.id
            for p in self.context.library.list(self.kind, where={"topic_id": topic_id}, order_by="position")
        ]
        at = order.index(point.id)
        to = at + step
        if not 0 <= to < len(order):
            return
        new = order[:]
        new[at], new[to] = new[to], new[at]
        self._reorder(topic_id, order, new)
        self.select(point.id, open_editor=False)

    def _reorder(self, topic_id: str, old: list, new: list) -> None:
        from briefbook.ui.undo import run
        from briefbook.ui.undo_links import ReorderTalkingPoints

        run(self.context.stack, ReorderTalkingPoints(self.context.model, topic_id, old, new))
