"""F1 opens the offline help in the window's language, with its pictures; About shows the version."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument

from briefbook.ui import help_window, i18n
from briefbook.ui.help_window import HELP_DIR, version


def _images(window) -> list[str]:
    html = (HELP_DIR / f"help_{window.language}.html").read_text(encoding="utf-8")
    return re.findall(r'<img src="([^"]+)"', html)


def test_f1_opens_the_help_page_in_the_window_language_with_its_pictures(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    helper = window._help
    assert helper.isVisible()
    assert helper.browser.source().toLocalFile().endswith("help_en.html")
    assert "Compose a book" in helper.browser.toPlainText()
    pictures = _images(helper)
    assert len(pictures) >= 4
    for picture in pictures:
        image = helper.browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(picture))
        assert image is not None and not image.isNull(), picture
    i18n.apply_language("vi")
    qtbot.waitUntil(lambda: helper.browser.source().toLocalFile().endswith("help_vi.html"), timeout=3000)
    assert "Biên soạn tài liệu" in helper.browser.toPlainText()
    assert helper.browser.accessibleName() == "Trợ giúp"


def test_the_help_never_leaves_the_help_folder(qtbot, window) -> None:
    helper = window.show_help()
    before = helper.browser.source()
    helper.browser.setSource(QUrl("https://example.org/"))
    helper.browser.setSource(QUrl.fromLocalFile("/etc/passwd"))
    assert helper.browser.source() == before
    assert (
        helper.browser.loadResource(QTextDocument.ResourceType.ImageResource, QUrl("http://x/y.png")) is None
    )
    assert "https://example.org/" in helper.browser.refused
    helper.browser.setSource(QUrl("help_vi.html"))  # the link to the other language works
    assert helper.browser.source().toString().endswith("help_vi.html")


def test_both_pages_show_the_same_tasks_and_pictures() -> None:
    pages = {lang: (HELP_DIR / f"help_{lang}.html").read_text(encoding="utf-8") for lang in ("en", "vi")}
    anchors = {lang: re.findall(r'<a name="([^"]+)"', html) for lang, html in pages.items()}
    assert anchors["en"] == anchors["vi"] and len(anchors["en"]) >= 8
    for lang, html in pages.items():
        for target in re.findall(r'href="#([^"]+)"', html):
            assert target in anchors[lang], (lang, target)
        for picture in re.findall(r'<img src="([^"]+)"', html):
            assert (HELP_DIR / picture).is_file(), picture
        assert "http" not in html


def test_about_shows_the_version(window, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(help_window.QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window.actions["about"].trigger()
    assert version() and version() in shown[0]
    assert re.fullmatch(r"\d+\.\d+(\.\d+)?.*", version())
