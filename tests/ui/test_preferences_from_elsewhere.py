"""A running window takes Preferences changed by 'briefbook preferences set ...' at once: the
window's language, new books' language and "drafted by" (it took them at its next start)."""

from __future__ import annotations

from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.ui import i18n

_register()


def _set(key: str, value: str) -> None:
    result = CliRunner().invoke(cli, ["preferences", "set", key, value])
    assert result.exit_code == 0, result.output


def test_a_running_window_takes_preferences_set_on_the_command_line(window, qtbot) -> None:
    i18n.apply_language("en")
    try:
        assert window.settings.drafted_by == ""
        _set("drafted-by", "Vụ ASEAN / ສົມພອນ")
        _set("book-language", "en")
        _set("language", "vi")
        # (Qt posts the LanguageChange events: the labels follow when the loop runs them.)
        qtbot.waitUntil(lambda: window.search_label.text() == "Tìm &kiếm: ", timeout=5000)
        assert i18n.current_language() == "vi"
        assert window.settings.drafted_by == "Vụ ASEAN / ສົມພອນ"
        assert window.settings.book_language == "en"
        _set("language", "en")
        qtbot.waitUntil(lambda: window.search_label.text() == "&Search: ", timeout=5000)
        assert i18n.current_language() == "en"
    finally:
        i18n.apply_language("en")


def test_a_change_beside_the_file_reads_nothing_again(window, tmp_path) -> None:
    """A library's journal coming and going in the data folder is not a change of the settings."""
    window.settings.sync()
    window.settings_watch.check()
    (window.settings.path.parent / "other.briefbook-journal").write_text("x")
    assert window.settings_watch.check() is False
