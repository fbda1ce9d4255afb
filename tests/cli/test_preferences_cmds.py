"""``briefbook preferences`` and ``preferences set``: the window's Preferences from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from briefbook import preferences, settings_ini
from briefbook.cli.main import _register, cli

_register()


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_show_before_anything_is_chosen(monkeypatch) -> None:
    monkeypatch.setenv("LC_ALL", "vi_VN.UTF-8")
    result = run("preferences")
    assert result.exit_code == 0, result.output
    assert "vi (Vietnamese), the system's (never chosen)" in result.output
    assert "same (as the window: vi (Vietnamese))" in result.output
    assert "(nobody yet)" in result.output
    assert f"Settings file: {preferences.settings_path()}" in result.output
    assert not preferences.settings_path().exists()  # showing writes nothing


def test_set_each_and_show(tmp_path: Path) -> None:
    assert run("preferences", "set", "language", "EN").output.startswith(
        "Language of the window: en (English)."
    )
    assert run("preferences", "set", "book-language", "Vietnamese").exit_code == 0
    result = run("preferences", "set", "drafted-by", "  Vụ ASEAN,\t สมชาย   ใจดี ")
    assert result.output.startswith("New talking points drafted by: Vụ ASEAN, สมชาย ใจดี.")
    data = json.loads(run("--json", "preferences").output)
    assert data == {
        "language": "en",
        "language_chosen": True,
        "book_language": "vi",
        "book_language_in_effect": "vi",
        "drafted_by": "Vụ ASEAN, สมชาย ใจดี",
        "file": str(preferences.settings_path()),
    }
    text = preferences.settings_path().read_text("utf-8")
    assert 'drafted_by="Vụ ASEAN, สมชาย ใจดี"' in text and "[books]\nlanguage=vi" in text
    assert run("preferences", "set", "book_language", "same").exit_code == 0
    assert "books/language" not in settings_ini.read_strings(preferences.settings_path())
    assert json.loads(run("--json", "preferences").output)["book_language_in_effect"] == "en"
    assert run("preferences", "set", "drafted-by", "").output.startswith(
        "New talking points drafted by: (nobody)."
    )


def test_unknown_keys_and_values_are_refused_in_words() -> None:
    result = run("preferences", "set", "colour", "red")
    assert result.exit_code == 1
    assert (
        "There is no preference called 'colour'. The preferences are: language, book-language, drafted-by."
        in (result.output)
    )
    result = run("preferences", "set", "language", "th")
    assert result.exit_code == 1
    assert (
        "'th' is not a language BriefBook offers for language of the window. Choose vi (Vietnamese) or en"
        in (result.output)
    )
    result = run("preferences", "set", "book-language", "fr")
    assert "Choose vi (Vietnamese), en (English) or same (the window's language)." in result.output
    result = run("preferences", "set", "drafted-by", "Đ" * 301)
    assert result.exit_code == 1 and "at most 300 characters; this one has 301" in result.output
    result = run("preferences", "set", "drafted-by", "A\x1bB")
    assert result.exit_code == 1 and "control characters" in result.output
    assert not preferences.settings_path().exists()  # nothing was written


def test_a_value_the_window_does_not_know_reads_as_unset(monkeypatch) -> None:
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    path = preferences.settings_path()
    path.write_text("[ui]\nlanguage=fr\n[books]\nlanguage=xx ; a comment\n", "utf-8")
    read = preferences.read_preferences()
    assert (read.language, read.language_chosen, read.book_language) == ("en", False, "same")
