"""Where a line may break in text written without spaces (Thai, Lao, Khmer, Myanmar).

ICU's dictionary-based line breaker (through the ``icu4py`` wheel) knows the words
of these languages, so a line breaks between words and never inside a word or a
grapheme cluster. The module is imported by the renderers only when such text is
present, and ICU is loaded on the first call, so a Vietnamese-only book pays nothing.
"""

from __future__ import annotations

import functools
import itertools
import re

# Scripts written without spaces between words.
NO_SPACE_SCRIPTS = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\uaa60-\uaa7f\ua9e0-\ua9ff]"
)


def needs_segmenting(text: str) -> bool:
    return NO_SPACE_SCRIPTS.search(text) is not None


@functools.lru_cache(maxsize=65536)
def break_points(text: str) -> tuple[int, ...]:
    """Offsets inside ``text`` (never 0 nor len) where a line may break.

    Only breaks next to a no-space script are returned: elsewhere the renderer's
    own rule (break at spaces) stays as it was.
    """
    if not needs_segmenting(text):
        return ()
    from icu4py.breakers import LineBreaker

    points = []
    for start, _end in LineBreaker(text, "th").segments():
        if 0 < start < len(text) and (
            NO_SPACE_SCRIPTS.match(text[start]) or NO_SPACE_SCRIPTS.match(text[start - 1])
        ):
            points.append(start)
    return tuple(points)


def words(text: str) -> list[str]:
    """``text`` cut at its break points (for tests and the bench)."""
    cuts = [0, *break_points(text), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(cuts) if b > a]
