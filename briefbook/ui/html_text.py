"""Escaping text for Qt's rich text, without importing the ``html`` package at start.

``import html`` runs ``from html.entities import html5``: a table of 2,231 named
character references, built at import (about 8 M instructions, 2 ms), that only
``html.unescape`` reads. The window's first screen escapes a few labels and reads no
character reference, so :func:`escape` is ``html.escape`` itself, made here, and
:func:`unescape` loads the package when a text first holds a reference.
"""

from __future__ import annotations

__all__ = ["escape", "unescape"]


def escape(text: str, quote: bool = True) -> str:
    """``html.escape(text, quote)``: ``&``, ``<`` and ``>`` (and with ``quote``, ``"`` and ``'``)
    as character references, so Qt shows a name such as ``<Bộ trưởng>`` as typed."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("'", "&#x27;")
    return text


def unescape(text: str) -> str:
    """``html.unescape(text)`` (the ``html`` package loads with the first call)."""
    import html

    return html.unescape(text)
