"""An edit the library refused because another window or program changed the item first.

The editor shows theirs in the field and says so there, and keeps what the user typed:
a text with earlier versions gets it as one (History… shows it, Restore brings it back);
a short field's message quotes it. Nothing typed is lost without being said. The
composer's book form and text sections quote what was typed with :func:`typed_words`.
Its strings are in their own translation context, "RefusedEdit" (written out at each call:
pyside6-lupdate reads only a literal context).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from briefbook.errors import NotFound, StaleEdit

if TYPE_CHECKING:
    from briefbook.ui.editors.editor import RecordEditor

log = logging.getLogger(__name__)

QUOTED = 200  # characters of a refused edit quoted in its message


def typed_words(text: str) -> str:
    """'What you typed: «…».', quoting at most QUOTED characters (the message must stay readable)."""
    shown = text if len(text) <= QUOTED else text[:QUOTED] + "…"
    return QCoreApplication.translate("RefusedEdit", "What you typed: «%1».").replace("%1", shown)


def keep_refused(editor: RecordEditor, item_id: str | None, field: str, value: Any) -> str:
    """Keep the refused ``value`` where the user can find it again, and say where, in words.

    A field with History gets it as a version of its own; if that cannot be written (a
    busy or read-only library), or the field has no History, the message quotes it."""
    text = "" if value is None else str(value)
    if item_id is None or not text.strip():
        return ""
    widget = editor.form.fields.get(field) if editor.form is not None else None
    if widget is not None and hasattr(widget, "history_requested"):
        try:
            editor.context.library.add_revision(editor.kind, item_id, field, text, "")
        except Exception:  # (a busy or read-only library) then the message quotes it
            log.warning("could not keep a refused edit of %s %s", item_id, field, exc_info=True)
        else:
            return QCoreApplication.translate(
                "RefusedEdit",
                "Your text is kept: History… shows it, and “Restore this version” brings it back.",
            )
    return typed_words(text)


def when_stale(editor: RecordEditor, field: str, value: Any) -> Callable[[StaleEdit], None]:
    """What the editor does when its edit of ``field`` to ``value`` is refused as stale: theirs
    is shown in the field, the form reloaded, and the field says why and where ``value`` is kept.

    The item is the one shown when the edit was made (read now: the callback runs later)."""
    item_id = editor.record.id if editor.record is not None else None

    def stale(error: StaleEdit) -> None:
        from briefbook.ui.messages import user_message

        kept = keep_refused(editor, item_id, field, value)
        if editor.form is not None and field in editor.form.fields and editor.record is not None:
            try:  # theirs in place of the refused edit (kept where ``kept`` says)
                current = getattr(editor.context.library.get(editor.kind, editor.record.id), field)
            except NotFound:
                current = None
            editor.form.fields[field].set_value(current, force=True)
        editor.reload()
        if editor.form is not None and field in editor.form.fields:
            editor.form.fields[field].set_error(f"{user_message(error)} {kept}".strip())

    return stale
