"""BriefBook: prepare delegation briefing books from a local library."""

from briefbook import _imports, code_cache

__version__ = "0.1.0"

_imports.install()  # sqlite-utils without numpy: see briefbook/_imports.py
code_cache.install()  # the code dataclasses and named tuples write, compiled once: see the module
