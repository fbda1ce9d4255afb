"""Which step of the GUI thread kept the window waiting: a recorder for ``search_typing.py --record``.

A heartbeat (in the bench) only says that the event loop waited, and for how long. This
says on what: every event the GUI thread delivers is timed (a ``QApplication`` whose
``notify`` is ours), and so are the Python steps of the table and the search view that a
key press leads to (the answer shown, the hits sorted, packed, the model reset, the cell
texts, numbers and names made at the paint, the snippets), and the search thread's reads.
For each wait over ``--record-over`` ms the bench prints the key that led to it, the
events that ran in it (their type, the widget they went to, how long), the Python steps
inside them (total time and calls), and the reads the search thread ran meanwhile (its
Python holds the GIL that each of the GUI thread's calls into Python must take).

Recording costs time (every event goes through Python): the figures of a run with
``--record`` say where the time goes, not how long a key takes. Time the keys without it.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from functools import wraps

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

_GUI = threading.main_thread()


class Steps:
    """The timed events and steps of a run (one list each, appended from any thread)."""

    def __init__(self) -> None:
        self.events: list[tuple[float, float, int, str, str]] = []  # start, end, depth, event, receiver
        self.spans: list[tuple[float, float, str, bool]] = []  # start, end, step, on the GUI thread
        self.keys: list[tuple[float, str, str]] = []  # sent at, surface, text typed so far
        self.depth = 0

    def key(self, surface: str, typed: str) -> None:
        self.keys.append((time.perf_counter(), surface, typed))

    def timed(self, name: str, fn):
        """``fn`` timed as the step ``name`` (a function, or a method taken from its class)."""

        @wraps(fn)
        def step(*args, **kwargs):
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                ended = time.perf_counter()
                self.spans.append((started, ended, name, threading.current_thread() is _GUI))

        return step

    def patch(self, owner, attribute: str, name: str | None = None) -> None:
        setattr(owner, attribute, self.timed(name or attribute, getattr(owner, attribute)))

    def report(self, gaps: list[tuple[float, float]], over_ms: float) -> None:
        """Print, for each wait longer than ``over_ms``, what the GUI thread and the search thread did."""
        long = [(a, b) for a, b in gaps if (b - a) * 1000 > over_ms]
        print(f"\n{len(long)} waits over {over_ms:.0f} ms, what ran in each (ms):")
        for start, end in long:
            key = max((k for k in self.keys if k[0] <= start), default=None, key=lambda k: k[0])
            said = f"{key[1]} {key[2]!r} +{(start - key[0]) * 1000:.0f} ms" if key else "before any key"
            print(f"- wait {(end - start) * 1000:.0f} ms, after the key {said}")
            for e_start, e_end, depth, what, receiver in self.events:
                if e_end < start or e_start > end or (e_end - e_start) < 0.002:
                    continue
                print(f"    {'  ' * depth}{what} → {receiver}: {(e_end - e_start) * 1000:.1f}")
            steps: dict[tuple[str, bool], list[float]] = defaultdict(list)
            for s_start, s_end, name, gui in self.spans:
                if s_end >= start and s_start <= end:
                    steps[(name, gui)].append(min(s_end, end) - max(s_start, start))
            for (name, gui), times in sorted(steps.items(), key=lambda kv: -sum(kv[1])):
                if sum(times) >= 0.001:
                    where = "GUI" if gui else "search thread"
                    print(f"    step {name} ({where}): {sum(times) * 1000:.1f} in {len(times)} call(s)")


class RecordingApplication(QApplication):
    """Times every event delivered on the GUI thread (``steps.events``), nested ones by depth."""

    steps: Steps

    def notify(self, receiver, event) -> bool:
        steps = self.steps
        started = time.perf_counter()
        steps.depth += 1
        try:
            return super().notify(receiver, event)
        finally:
            steps.depth -= 1
            ended = time.perf_counter()
            if ended - started >= 0.002:
                try:
                    name = receiver.objectName() or type(receiver).__name__
                    parent = receiver.parent() if hasattr(receiver, "parent") else None
                    if parent is not None and parent.objectName():
                        name = f"{parent.objectName()}/{name}"
                    kind = QEvent.Type(event.type()).name
                except (RuntimeError, ValueError):  # deleted meanwhile, or an event type of ours
                    name, kind = "?", str(int(event.type()))
                steps.events.append((started, ended, steps.depth, kind, name))


def instrument(steps: Steps) -> None:
    """Time the Python steps a typed key leads to (patched on the classes, before the window is made)."""
    from briefbook.ui import delegates, search_service, search_view, table_cells, table_model, table_reads

    model = table_model.RecordTableModel
    for attribute, name in (
        ("set_filter", "filter asked"),
        ("_on_found", "answer shown"),
        ("_reset", "model reset"),
        ("_show_first", "first rows shown"),
        ("multiData", "cell roles (multiData)"),
        ("data", "cell roles (data)"),
    ):
        steps.patch(model, attribute, name)
    if hasattr(model, "_hit_rows"):
        steps.patch(model, "_hit_rows", "hits filtered and sorted")
    steps.patch(table_reads.Packer, "pack", "rows packed")
    steps.patch(table_reads.Packer, "record", "record from row")
    for attribute, name in (
        ("row_texts", "cell text"),
        ("number", "point number"),
        ("_name", "linked name"),
        ("tooltip", "tooltip"),
    ):
        steps.patch(table_cells.CellTexts, attribute, name)
    steps.patch(delegates.BadgeDelegate, "paint", "badge paint")
    for attribute in dir(delegates):
        value = getattr(delegates, attribute)
        if isinstance(value, type) and attribute.startswith("Snippet"):
            for method in ("paint", "sizeHint"):
                if method in value.__dict__:
                    steps.patch(value, method, f"snippet {method}")
    steps.patch(search_service.Searcher, "_answer", "search thread read")
    steps.patch(search_view.SearchView, "_found", "search view answer shown")
    steps.patch(search_view.SearchResultsModel, "set_hits", "search view model reset")


def recording_application(argv: list[str]) -> tuple[QApplication, Steps]:
    steps = Steps()
    RecordingApplication.steps = steps
    return RecordingApplication(argv), steps
