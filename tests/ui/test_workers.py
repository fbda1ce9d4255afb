"""The composer's preview thread never emits on an owner that is being destroyed.

A signal emitted from a Python thread on a deleted QObject crashes the whole process
(seen as a segfault when a test closed a composer while its preview was being built).
"""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject

from briefbook.ui.workers import BookAnalyzer


def test_an_answer_after_the_composer_is_gone_is_dropped(qtbot, library, monkeypatch):
    started, release, finished = threading.Event(), threading.Event(), threading.Event()

    def slow_analyse(_library, job):
        started.set()
        release.wait(60)
        return (job.ticket, None, None, "answer nobody should receive")

    monkeypatch.setattr(BookAnalyzer, "_analyse", staticmethod(slow_analyse))
    real_work = BookAnalyzer._work

    def work_then_say(self):
        try:
            real_work(self)
        finally:
            finished.set()

    monkeypatch.setattr(BookAnalyzer, "_work", work_then_say)
    owner = QObject()
    analyzer = BookAnalyzer(owner)
    failures: list[str] = []
    analyzer.failed.connect(lambda _ticket, message: failures.append(message))
    analyzer.request(library, "no-such-book")
    assert started.wait(60)
    shiboken6.delete(owner)  # the composer goes while its preview is being built
    assert not shiboken6.isValid(analyzer)
    release.set()
    assert finished.wait(60)  # the thread ended by itself, without emitting on the dead object
    assert failures == []


def test_answers_still_arrive_while_the_owner_lives(qtbot, library):
    owner = QObject()
    analyzer = BookAnalyzer(owner)
    with qtbot.waitSignal(analyzer.failed, timeout=60_000) as signal:
        analyzer.request(library, "no-such-book")
    assert signal.args[1].strip()  # a message for the user, not silence
    analyzer.shutdown()
