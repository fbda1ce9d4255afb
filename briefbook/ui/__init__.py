"""BriefBook's desktop window (PySide6). The only package that imports Qt.

Widgets talk to :class:`briefbook.library.Library` through
:class:`briefbook.ui.notifier.LibraryModel` and change it only through the
undo commands in :mod:`briefbook.ui.undo`.
"""
