"""Real child processes for the safety tests, read line by line (no sleeping), killed for real."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

CHILD = Path(__file__).with_name("child.py")
ROOT = Path(__file__).parents[2]


class Child:
    """A ``child.py`` process; its stdout lines arrive through a queue so waits can time out."""

    def __init__(self, *args: object):
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), *map(str, args)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
        )
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def next_line(self, timeout: float = 120) -> str | None:
        try:
            line = self._queue.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"the child said nothing for {timeout} s; stderr: {self.stderr()}") from None
        if line is not None:
            self.lines.append(line)
        return line

    def expect(self, prefix: str, timeout: float = 120) -> str:
        """Read lines until one starts with ``prefix``; fail if the child ends first."""
        while True:
            line = self.next_line(timeout)
            if line is None:
                self.proc.wait()
                raise AssertionError(f"the child ended before '{prefix}': {self.stderr()}")
            if line.startswith(prefix):
                return line

    def send(self, text: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(text + "\n")
        self.proc.stdin.flush()

    def kill(self) -> list[str]:
        """SIGKILL, then every line it had written before it died."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)
        return self.finish()

    def finish(self, timeout: float = 60) -> list[str]:
        while self.next_line(timeout) is not None:
            pass
        self.proc.wait(timeout=timeout)
        return self.lines

    def stderr(self) -> str:
        if self.proc.poll() is None or self.proc.stderr is None:
            return "(still running)"
        return self.proc.stderr.read()


@pytest.fixture
def spawn():
    children: list[Child] = []

    def start(*args: object) -> Child:
        child = Child(*args)
        children.append(child)
        return child

    yield start
    for child in children:
        if child.proc.poll() is None:
            child.proc.kill()
            child.proc.wait()
        for stream in (child.proc.stdin, child.proc.stdout, child.proc.stderr):
            if stream is not None:
                stream.close()
