"""``briefbook preferences`` (show) and ``preferences set KEY VALUE``: the window's Preferences.

The same file and keys as the window's Preferences dialog (``settings.ini`` in the data
folder, written as QSettings writes it), without Qt: see ``briefbook/preferences.py``.
"""

from __future__ import annotations

import click

from briefbook.cli.main import Context, cli, pass_context
from briefbook.cli.output import emit_json, emit_table
from briefbook.preferences import KEYS, LANGUAGE_NAMES, SAME_AS_WINDOW, read_preferences, set_preference


def _language(code: str) -> str:
    return f"{code} ({LANGUAGE_NAMES[code]})"


@cli.group(invoke_without_command=True)
@pass_context
@click.pass_context
def preferences(click_ctx: click.Context, ctx: Context) -> None:
    """Show the window's Preferences: its language, new books' language, who drafts new points.

    Change one with 'briefbook preferences set KEY VALUE'; the window reads them at its next start.
    """
    if click_ctx.invoked_subcommand is not None:
        return
    prefs = read_preferences()
    if ctx.as_json:
        emit_json(
            {
                "language": prefs.language,
                "language_chosen": prefs.language_chosen,
                "book_language": prefs.book_language,
                "book_language_in_effect": prefs.book_language_in_effect,
                "drafted_by": prefs.drafted_by,
                "file": str(prefs.path),
            }
        )
        return
    window = _language(prefs.language)
    if not prefs.language_chosen:
        window += ", the system's (never chosen)"
    book = (
        f"{SAME_AS_WINDOW} (as the window: {_language(prefs.language)})"
        if prefs.book_language == SAME_AS_WINDOW
        else _language(prefs.book_language)
    )
    emit_table(
        [
            ["language", window, KEYS["language"][1]],
            ["book-language", book, KEYS["book-language"][1]],
            ["drafted-by", prefs.drafted_by or "(nobody yet)", KEYS["drafted-by"][1]],
        ],
        ["key", "value", "in the Preferences dialog"],
    )
    click.echo(f"Settings file: {prefs.path}")


@preferences.command("set")
@click.argument("key")
@click.argument("value")
@pass_context
def set_(ctx: Context, key: str, value: str) -> None:
    """Set one preference, as the Preferences dialog does.

    \b
    language       vi or en: the window's language
    book-language  vi, en, or same (as the window): the language of new books
    drafted-by     any name ("" for nobody): who new talking points say drafted them
    """
    stored = set_preference(key, value)
    name = key.strip().lower().replace("_", "-")
    if ctx.as_json:
        emit_json({"key": name, "value": stored})
        return
    shown = stored if name == "drafted-by" or stored == SAME_AS_WINDOW else _language(stored)
    click.echo(f"{KEYS[name][1]}: {shown or '(nobody)'}. A window already open uses it from its next start.")
