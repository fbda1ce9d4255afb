"""Objects alive once the window shows its first table are taken out of Python's full collections.

Python's cyclic garbage collector now and then makes a full pass over every tracked
object (a "generation 2" collection), holding the GIL throughout, on whichever thread
allocated last: the window's thread, or the search thread reading a page of rows.
With the window up and a big table loaded that is 90,000 objects or more, and a full
pass took 100-200 ms on a loaded machine (``bench/table_actions.py`` with a
``gc.callbacks`` probe): the longest waits of the window while a table scrolls or
reloads. What is alive when the first table is shown (modules, classes, widgets, the
library's objects) lives as long as the window; ``gc.freeze()`` moves it to the
permanent generation, which full passes skip. Objects made later are collected as
before; frozen objects are still freed by reference counting, only a cycle among them
that dies later (or was garbage already) stays until the process ends: a one-time,
bounded cost.
"""

from __future__ import annotations

import gc

_done = False


def freeze_once() -> None:
    """``gc.freeze()`` the first time a table is shown in this process; later calls do nothing."""
    global _done
    if _done:
        return
    _done = True
    gc.freeze()  # O(1); no collection first: a full one here would delay the first table's paint
