"""reportlab's PDF name escaping, remembered.

Writing the file formats every dictionary of it, and each key goes through
``pdfdoc.PDFName``, which escapes it character by character: about 27,000 calls
for a 100-meeting book (its contents links, outline entries, destinations and
pages), the same few dozen names again and again. The escaping depends on the
name alone, so each name is escaped once per process; the bytes written are the
same.
"""

from __future__ import annotations

import functools
import threading

from reportlab.pdfbase import pdfdoc

_LOCK = threading.Lock()
_rl_name = pdfdoc.PDFName


@functools.lru_cache(maxsize=4096)
def _escaped(data: str) -> str:
    return _rl_name(data)


_LO, _HI = "\x21", "\x7e"  # reportlab's default range of characters left as they are


def pdf_name(data, lo=_LO, hi=_HI):
    """``pdfdoc.PDFName``, from memory for a text with the default range."""
    if type(data) is str and lo == _LO and hi == _HI:
        return _escaped(data)
    return _rl_name(data, lo, hi)


def install() -> None:
    """Put the remembered escaping into reportlab's PDF writer (once per process)."""
    with _LOCK:
        if pdfdoc.PDFName is _rl_name:
            pdfdoc.PDFName = pdf_name
