"""An item's id as a user types or pastes it on the command line (:mod:`briefbook.item_ids`):
``ITEM_ID`` is the type of every argument and option that names an item."""

from __future__ import annotations

import click

from briefbook.item_ids import typed_id


class ItemId(click.ParamType):
    name = "id"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> str:
        return typed_id(value) if isinstance(value, str) else value  # type: ignore[return-value]


ITEM_ID = ItemId()
