"""A regular expression compiled at its first use, not when its module is imported.

Python compiles every ``re.compile`` at import, in Python code, and a class of characters
beyond Latin-1 (control characters and surrogates, a script's range) costs 2-4 M
instructions to compile: a command-line DOCX export compiled more than a dozen it never
used (a file name's unsafe characters when the name is given, the backups' names, the dates
a user types, the right-to-left letters of a book without them). :class:`LazyPattern` is for
such module-level patterns on a rare path: the first use of any attribute compiles it, and
from then on its methods are the compiled pattern's own, read from the instance.
"""

from __future__ import annotations

import re

__all__ = ["LazyPattern"]

_METHODS = ("search", "match", "fullmatch", "sub", "subn", "split", "finditer", "findall", "scanner")


class LazyPattern:
    """``re.compile(pattern, flags)``, made when first used; ``.pattern`` is known before."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str):
        # Only called for what the instance does not hold yet: the first use compiles the
        # pattern and keeps its methods on the instance, so later uses cost what re's do.
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        self.flags, self.groups, self.groupindex = compiled.flags, compiled.groups, compiled.groupindex
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self._flags})"
