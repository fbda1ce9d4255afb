"""A command-line choice typed as people type it: in any case, with stray spaces.

Kinds of item, levels and a book's fields were already taken so ('Event', ' confidential ');
``--format PDF``, ``--drafts OMIT``, ``--language VI`` and ``list ' event '`` were refused with
click's list of choices, the one place the command line cared about case.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click


class Choice(click.Choice):
    """One of ``choices``, matched in any case once stray spaces are taken off; the value is
    the choice as written here."""

    def __init__(self, choices: Sequence[str]) -> None:
        super().__init__(choices, case_sensitive=False)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str):
            value = value.strip()
        return super().convert(value, param, ctx)
