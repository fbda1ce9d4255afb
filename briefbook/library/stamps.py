"""The time every write stamps on an item (``created_at``, ``updated_at``, revisions, exports).

One function, in a module of its own, so that every part of the Library (and the
exchange's ``put``) stamps the same UTC format without importing the front object.
"""

from __future__ import annotations

import datetime as dt


def now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
