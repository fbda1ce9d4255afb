"""F1: the offline help page (the main tasks, with screenshots) and Help → About with the version.

The pages are HTML files shipped in ``resources/help/`` (one per language) and
shown in a QTextBrowser. Nothing is fetched: links between the two pages and to
their own sections work, any other address is refused, and no browser opens.
"""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QUrl
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from briefbook.ui import i18n
from briefbook.ui.accessibility import make_accessible, set_name

HELP_DIR = Path(__file__).resolve().parents[2] / "resources" / "help"


def help_page(language: str) -> Path:
    """The help page in ``language`` (English when there is none in it)."""
    page = HELP_DIR / f"help_{language}.html"
    return page if page.is_file() else HELP_DIR / "help_en.html"


def version() -> str:
    """BriefBook's version, from the installed package's metadata (the source tree's if not installed)."""
    try:
        return importlib.metadata.version("briefbook")
    except importlib.metadata.PackageNotFoundError:
        from briefbook import __version__

        return __version__


class OfflineBrowser(QTextBrowser):
    """A QTextBrowser that reads only files of the help folder (no network, no other files)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("helpBrowser")
        self.setOpenExternalLinks(False)
        self.setSearchPaths([str(HELP_DIR)])
        self.refused: list[str] = []

    def _allowed(self, url: QUrl) -> bool:
        if url.isRelative() or url.scheme() == "file":
            local = Path(url.toLocalFile() if url.scheme() == "file" else url.path())
            path = (local if local.is_absolute() else HELP_DIR / local).resolve()
            return path.is_relative_to(HELP_DIR.resolve())
        return False

    def loadResource(self, kind: int, url: QUrl):
        if not self._allowed(url):
            self.refused.append(url.toString())
            return None
        return super().loadResource(kind, url)

    def doSetSource(self, url: QUrl, kind=QTextDocument.ResourceType.UnknownResource) -> None:
        if url.toString().startswith("#") or self._allowed(url):
            super().doSetSource(url, kind)
        else:
            self.refused.append(url.toString())  # a web address: stay on the page


class HelpWindow(QDialog):
    """The help page, in the window's language; a window of its own, beside the main one."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.resize(760, 820)
        layout = QVBoxLayout(self)
        self.browser = OfflineBrowser(self)
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), self, activated=self.show_page)
        self.language = ""
        self.retranslate()

    def show_page(self) -> None:
        """Load the page of the window's language (again, if the language changed)."""
        self.language = i18n.current_language()
        self.browser.setSource(QUrl.fromLocalFile(str(help_page(self.language))))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("BriefBook help"))
        set_name(
            self.browser,
            self.tr("Help"),
            self.tr("Read only. The arrow keys scroll; Tab goes from link to link, Enter follows one."),
        )
        if self.language != i18n.current_language():
            self.show_page()
        make_accessible(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def show_about(parent: QWidget) -> None:
    """Help → About: what BriefBook is, and its version (from the package metadata)."""
    text = QCoreApplication.translate(
        "About",
        "<b>BriefBook</b> %1<p>Prepare delegation briefing books from a local library of talking "
        "points, prior statements, profiles, events and meetings; export them to Word and PDF.</p>"
        "<p>Everything stays in one library file on this computer. Press F1 for help.</p>",
    ).replace("%1", version())
    QMessageBox.about(parent, QCoreApplication.translate("About", "About BriefBook"), text)
