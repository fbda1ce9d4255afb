"""WordprocessingML as text: escaping, and the few tags every paragraph repeats.

The body of a book is written as XML text from small templates and handed to the
package once (see :mod:`briefbook.render.docx_blocks`): building it one lxml element at
a time was a third of a 500-meeting export. Text is escaped as lxml escapes it when it
serialises a tree (``&``, ``<``, ``>`` in text; those and ``"``, tab, newline and carriage
return in attributes), so the bytes are the ones the element tree wrote. Characters
XML 1.0 cannot hold never reach here in text (:func:`briefbook.text.clean` removes them
from every run before it is written); they are stripped here as well, so no string,
whatever its way in, can make the file unreadable.
"""

from __future__ import annotations

from lxml import etree

from briefbook.lazy_pattern import LazyPattern
from briefbook.render.docx_xml import R_NS, W_NS

# Characters XML 1.0 forbids (the controls but tab, newline and carriage return; the two
# non-characters; lone surrogates). \x0b and \x0c are among them: clean() has already made
# them breaks in every run's text. None is printable: a value str.isprintable() passes (a C
# scan) holds none, and these patterns are compiled only for a value that does not pass
# (each is 4 M instructions of Python's compiler, in every export otherwise).
_FORBIDDEN = LazyPattern("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_IN_ATTRIBUTE = (('"', "&quot;"), ("\n", "&#10;"), ("\r", "&#13;"), ("\t", "&#9;"))


def escape(value: str, more: tuple[tuple[str, str], ...] = ()) -> str:
    """``&``, ``<`` and ``>`` (and ``more``) as entities, as ``xml.sax.saxutils.escape`` does;
    that module imports urllib.request, http.client, email and ssl: 11 ms of every export's
    start-up, for three replacements."""
    value = value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    for char, entity in more:
        value = value.replace(char, entity)
    return value


# What text() has to change: a character to escape or one to strip (most texts hold neither).
_TO_CHANGE = LazyPattern("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def text(value: str) -> str:
    """``value`` as element text."""
    if value.isprintable():
        if "&" not in value and "<" not in value and ">" not in value:
            return value
        return escape(value)
    if _TO_CHANGE.search(value) is None:
        return value
    return escape(_FORBIDDEN.sub("", value))


def attr(value: str) -> str:
    """``value`` inside a double-quoted attribute."""
    return escape(value if value.isprintable() else _FORBIDDEN.sub("", value), _IN_ATTRIBUTE)


def element(tag: str, attributes: str, inner: str) -> str:
    """``<tag attributes>inner</tag>``, or ``<tag attributes/>`` when empty (as lxml writes it).
    ``attributes`` is the escaped text after the tag name, with its leading space."""
    if inner:
        return f"<{tag}{attributes}>{inner}</{tag}>"
    return f"<{tag}{attributes}/>"


_WRAP_OPEN = f'<w:wrap xmlns:w="{W_NS}" xmlns:r="{R_NS}">'


def append_xml(parent: etree._Element, xml: str) -> None:
    """Parse ``xml`` (elements in the ``w:``/``r:`` prefixes) and append them to ``parent``
    (a header, a footer: parts that stay element trees)."""
    for child in list(etree.fromstring(f"{_WRAP_OPEN}{xml}</w:wrap>")):
        parent.append(child)
