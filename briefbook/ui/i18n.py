"""Loading the UI language: our translations plus Qt's own strings (buttons, menus).

``resources/translations/`` holds ``briefbook_<lang>.qm`` (built from the
``.ts`` sources by ``resources/translations/build.sh``) and ``qt_<lang>.qm``
for the few Qt strings a user sees (standard buttons, the text edit's context
menu, the file dialog). Installing a translator sends every widget a
``LanguageChange`` event; our widgets retranslate themselves on it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"

# Each language named in its own words, so that nobody is lost in the other one.
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}
_LOCALES = {"vi": QLocale("vi_VN"), "en": QLocale("en_GB")}

_installed: list[QTranslator] = []
_current = "en"


def current_language() -> str:
    return _current


def apply_language(code: str) -> bool:
    """Switch the running application to ``code``; True if our translation was found."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("apply_language needs a QApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    found = False
    for name, folder in (
        (f"briefbook_{code}", TRANSLATIONS_DIR),
        (f"qt_{code}", TRANSLATIONS_DIR),
        (f"qtbase_{code}", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))),
    ):
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            _installed.append(translator)
            found = found or name.startswith("briefbook")
    QLocale.setDefault(_LOCALES.get(code, QLocale(code)))
    _current = code
    return found or code == "en"
