"""Writing inline code as Markdown: the one way BriefBook writes a code span.

Word import (a run in a monospace font) and the editor (code with a look, which Qt's writer
drops) both write code spans; written apart, the two rules for backticks inside the code
could drift, and a span read back as other code changes the text without a word.
"""

from __future__ import annotations

import re


def code_span(code: str) -> str:
    """``code`` as a code span that CommonMark reads back as ``code``: a run of backticks longer
    than any inside it, and a space inside each end where the code begins or ends with a
    backtick, or begins and ends with a space (CommonMark takes one off each end again)."""
    ticks = "`" * (max((len(run) for run in re.findall("`+", code)), default=0) + 1)
    spaced = code[:1] == code[-1:] == " " and code.strip()
    pad = " " if code[:1] == "`" or code[-1:] == "`" or spaced else ""
    return f"{ticks}{pad}{code}{pad}{ticks}"
