"""BriefBook's desktop window (PySide6). The only package that imports Qt.

Widgets talk to :class:`briefbook.library.Library` through
:class:`briefbook.ui.notifier.LibraryModel` and change it only through the
undo commands in :mod:`briefbook.ui.undo`.
"""

import sys

# The window shares Python's GIL with its worker threads (search, preview analysis):
# each time the GUI thread leaves Python (an SQLite query, a Qt call), it may wait a
# whole slice for the GIL to come back. 1 ms slices instead of Python's 5 ms keep the
# event loop's waits short while a search runs; the workers lose nothing that shows.
sys.setswitchinterval(0.001)

import PySide6  # noqa: E402, F401  (its import hook is installed here; every module of this package uses it)

from briefbook.ui import pyside_imports  # noqa: E402

pyside_imports.install()  # the same answers to PySide's import hook, for less (see the module)

from briefbook.ui.long_lived import collect_less_until_shown  # noqa: E402  (after the hook: no source read)

# Fewer young garbage collections until the first table is shown, from here on (PySide's
# QtCore, QtGui and QtWidgets load after this package): the classes, enums and widgets a
# start makes live as long as the window (see long_lived).
collect_less_until_shown()
