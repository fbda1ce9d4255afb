"""Saving one field of a form: stored, or refused and said at the field, never in a dialog.

The one rule for the item editor's fields and the book form's: a rule of the library is
said at the field it names, any other refusal at the field edited, and a fault of ours is
logged and said there with where its details are (a dialog would come back at every move
of the focus). Each form says the words of a fault in its own translation context.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from briefbook.errors import BriefBookError, StaleEdit, ValidationError
from briefbook.ui import error_hook

if TYPE_CHECKING:  # the field widgets load with the first form (the editor pane starts empty)
    from briefbook.ui.editors.fields import FieldWidget


def save_field(
    save: Callable[[], object],
    widget: FieldWidget,
    fields: Mapping[str, FieldWidget],
    field: str,
    stored: Any,
    fault: str,
    on_stale: Callable[[StaleEdit], None] | None = None,
) -> None:
    """Run ``save`` (the undoable command); ``fault`` holds %1 for where a fault's details are.

    ``on_stale``: what to do when another window or process changed the item first (the
    editor shows theirs); without it, that refusal is said at the field like any other.
    """
    try:
        save()
    except Exception as error:
        refusal(error, widget, fields, field, stored, fault, on_stale)
    else:
        widget.set_error(None)


def refusal(
    error: BaseException,
    widget: FieldWidget,
    fields: Mapping[str, FieldWidget],
    field: str,
    stored: Any,
    fault: str,
    on_stale: Callable[[StaleEdit], None] | None = None,
) -> None:
    """Say ``error``, raised by a save here or on a thread (``background_save``), as
    :func:`save_field` says it."""
    from briefbook.ui.editors.fields import refuse  # loaded already: a field was saved
    from briefbook.ui.messages import user_message  # the message tables: at the first refusal

    if isinstance(error, ValidationError):
        refuse(widget, fields.get(error.field or field, widget), stored, user_message(error))
    elif isinstance(error, BriefBookError):
        if on_stale is not None and isinstance(error, StaleEdit):
            on_stale(error)
        else:
            refuse(widget, widget, stored, user_message(error))
    elif isinstance(error, Exception):  # a fault of ours: logged, said at the field, never a dialog loop
        path = error_hook.log_unexpected(error)
        refuse(widget, widget, stored, fault.replace("%1", str(path)))
    else:
        raise error
