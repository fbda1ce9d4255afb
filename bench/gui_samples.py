"""Where the GUI thread was during a long wait: our Python, or the event loop (the machine).

A heartbeat only says that the event loop waited, and how long. This samples the GUI
thread's Python stack from a thread of its own every 2 ms. A wait whose samples all show
the bench idling in the event loop (or with next to none: the sampler could not run
either, the process was not on a core) was the machine's, not a step of ours; a wait
whose samples show our code says which. Sampling takes the GIL 500 times a second, so a
run with it says where the time goes, not how long the waits are: time them without it.
Used by ``composer.py --window --where``.
"""

from __future__ import annotations

import collections
import os
import sys
import threading
import time

DEPTH = 8  # frames kept per sample, innermost last


class Sampler:
    """The GUI thread's stack every ``every_s`` seconds, with the time it was taken."""

    def __init__(self, every_s: float = 0.002, keep: int = 200_000):
        self.samples: collections.deque = collections.deque(maxlen=keep)
        self._gui = threading.main_thread().ident
        self._every = every_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="gui-sampler", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self._every):
            frame = sys._current_frames().get(self._gui)
            names: list[str] = []
            while frame is not None and len(names) < DEPTH:
                code = frame.f_code
                names.append(f"{os.path.basename(code.co_filename)}:{frame.f_lineno}:{code.co_name}")
                frame = frame.f_back
            self.samples.append((time.perf_counter(), tuple(reversed(names))))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def report(self, gaps: list[tuple[float, float]], origin: float, idle: str) -> None:
        """Print, for each wait in ``gaps`` (start, end), what the samples inside it show.

        ``idle``: the name of the bench's function that runs the event loop (a sample whose
        innermost frame is it is the loop waiting, not our code)."""
        samples = list(self.samples)
        for start, end in gaps:
            inside = [(t, s) for t, s in samples if start <= t <= end]
            ours = [s for _t, s in inside if not s or idle not in s[-1]]
            where = (
                "the event loop, idle (the machine's wait)"
                if not ours
                else f"our code in {len(ours)} of {len(inside)} samples"
            )
            print(
                f"    wait {1000 * (end - start):.0f} ms at +{start - origin:.2f} s: "
                f"{len(inside)} samples ({1000 * (end - start) / 2:.0f} if the sampler had run): {where}"
            )
            for stack, count in collections.Counter(ours).most_common(3):
                print(f"      {count}x " + " < ".join(reversed(stack)))
