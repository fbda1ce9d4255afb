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
