"""Python's garbage collector while the window starts, and once its first table is shown.

Until the first table is shown, the collector's young collections run less often
(:func:`collect_less_until_shown`): the start makes tens of thousands of objects
that live as long as the window (modules, classes, enum members, widgets' wrappers),
and each young collection walked the newest of them again: about 60 collections before
the first table. Raised, the window's own start to its first table (after PySide's
import; the 50,000-point library, callgrind) takes 584 M instructions where it took
595 M; a start by ``briefbook-gui`` saves more, as PySide's Qt modules load after this
package. Cycles are still collected, at most
:data:`START_THRESHOLD` allocations later.

Python's cyclic garbage collector now and then makes a full pass over every tracked
object (a "generation 2" collection), holding the GIL throughout, on whichever thread
allocated last: the window's thread, or the search thread reading a page of rows.
With the window up and a big table loaded that is 90,000 objects or more, and a full
pass took 100-200 ms on a loaded machine (``bench/table_actions.py`` with a
``gc.callbacks`` probe): the longest waits of the window while a table scrolls or
reloads. What is alive when the first table is shown (modules, classes, widgets, the
library's objects) lives as long as the window; ``gc.freeze()`` moves it to the
permanent generation, which full passes skip, and the collector's thresholds are put
back as they were. Objects made later are collected as before; frozen objects are
still freed by reference counting, only a cycle among them that dies later (or was
garbage already) stays until the process ends: a one-time, bounded cost.
"""

from __future__ import annotations

import gc

# Allocations (less frees) between two young collections until the first table is shown;
# Python's default is 700 (the command line starts with the same: briefbook.cli.main).
START_THRESHOLD = 50_000

_done = False
_before: tuple[int, int, int] | None = None  # the thresholds to put back once the table is shown


def collect_less_until_shown() -> None:
    """Raise the young collections' threshold to :data:`START_THRESHOLD` until :func:`freeze_once`."""
    global _before
    if _done or _before is not None:
        return
    _before = gc.get_threshold()
    if _before[0] < START_THRESHOLD:
        gc.set_threshold(START_THRESHOLD, *_before[1:])


def freeze_once() -> None:
    """``gc.freeze()`` the first time a table is shown in this process, and put the thresholds
    back as they were before :func:`collect_less_until_shown`; later calls do nothing."""
    global _done, _before
    if _done:
        return
    _done = True
    gc.freeze()  # O(1); no collection first: a full one here would delay the first table's paint
    if _before is not None:
        gc.set_threshold(*_before)
        _before = None
