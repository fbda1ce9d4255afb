"""BriefBook: prepare delegation briefing books from a local library."""

from briefbook import _imports

__version__ = "0.1.0"

_imports.install()  # sqlite-utils without numpy: see briefbook/_imports.py
