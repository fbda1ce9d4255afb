"""What a merge must not let out, in words and in text: the fields a package withheld (said in
the preview, and ours kept), and a passage marked not for release here that a colleague's copy
would print unmarked (held as a conflict by :mod:`briefbook.exchange.merge`).
"""

from __future__ import annotations

import re
from collections import Counter

from briefbook.exchange.package_file import Package
from briefbook.exchange.release import internal_only, without_restricted
from briefbook.library.records import RECORD_TYPES


def withheld_notes(package: Package) -> list[str]:
    """What the preview says of the fields the package does not carry (and that ours stay)."""
    kinds = {item.content["kind"] for item in package.items}
    out = []
    for kind, names in package.withheld.items():
        if kind not in kinds:
            continue
        for name in names:
            if (kind, name) == ("person", "notes"):
                out.append(
                    "This package carries no internal notes of people (it was made for sharing): "
                    "the notes kept here stay as they are."
                )
            elif (kind, name) == ("person", "sensitivities"):
                out.append(
                    f"This package carries no sensitivities of people (its ceiling is {package.ceiling}): "
                    "those kept here stay as they are."
                )
            elif (kind, name) == ("organisation", "description"):
                out.append(
                    "This package carries no descriptions of organisations (it was made for sharing): "
                    "those kept here stay as they are."
                )
            else:
                label = RECORD_TYPES[kind].LABEL.lower()
                out.append(
                    f"This package leaves out the field {name} of every {label}: yours stay as they are."
                )
    return out


def unmarks(kind: str, mine: dict, theirs: dict) -> bool:
    """Whether their fields would let into a copy for sharing what ours keep out: an item
    internal only here (a one-line field starting with a marker) that is not there, or the
    words of a passage marked here found in the text their copy for sharing would print (the
    marker taken off, the passage perhaps edited a little). A marked passage edited with its
    marker kept, or deleted, lets nothing out and is taken as any edit."""
    cls = RECORD_TYPES[kind]
    names = cls.data_fields()
    try:
        here = cls(**{k: v for k, v in mine.items() if k in names})
        there = cls(**{k: v for k, v in theirs.items() if k in names})
    except TypeError:
        return False
    if internal_only(here) and not internal_only(there):
        return True
    for name in cls.MARKDOWN:
        ours = str(mine.get(name) or "")
        shared = without_restricted(ours)
        if shared is ours:  # nothing marked here
            continue
        open_here = _words(shared)
        open_there = _words(without_restricted(str(theirs.get(name) or "")))
        for line in _marked_lines(ours):
            hidden = _words(_MARKER.sub("", line, count=1)) - open_here
            if hidden and 2 * len(hidden & open_there) >= len(hidden):
                return True
    return False


# The marker at a marked line's start (with what comes before it: a list mark, a quote's ">").
_MARKER = re.compile(r"^[^\[\ufe47\uff3b]*[\[\ufe47\uff3b][^\]\ufe48\uff3d]*[\]\ufe48\uff3d]")


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def _marked_lines(text: str) -> set[str]:
    """The lines of a Markdown text that a copy for sharing leaves out (stripped)."""
    kept = Counter(without_restricted(text).split("\n"))
    out = set()
    for line in text.split("\n"):
        if kept[line]:
            kept[line] -= 1
        elif line.strip():
            out.add(line.strip())
    return out
