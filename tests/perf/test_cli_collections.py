"""A command's process does not make the garbage collector walk its start-up again and again:
``python -m briefbook export`` (and ``main()``) run it rarely (cli.main.START_GC_THRESHOLD)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from briefbook.library import Event, Library, Meeting, Person, TalkingPoint, Topic
from briefbook.library.books import new_book

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import gc, json, runpy, sys
if sys.argv[1] == "--python-default":  # what the command did before: Python's threshold kept
    sys.argv.pop(1)
    gc.set_threshold = lambda *args: None
count = [0]
gc.callbacks.append(lambda phase, info: count.__setitem__(0, count[0] + (phase == "start")))
sys.argv = ["briefbook", *sys.argv[1:]]
try:
    runpy.run_module("briefbook", run_name="__main__")
except SystemExit:
    pass
print(json.dumps({"collections": count[0], "threshold": gc.get_threshold()}), file=sys.stderr)
"""


def test_an_export_from_the_command_line_runs_no_collection_while_it_starts(
    library_path: Path, tmp_path: Path
) -> None:
    with Library.create(library_path) as lib:
        event = lib.add(Event(title="Hội nghị Viêng Chăn", city="Vientiane"))
        lao = lib.add(Person(name="ທອງລຸນ ສີສຸລິດ", position="Chủ tịch nước"))
        topic = lib.add(Topic(title="Mekong", background="Nền tảng.\n\n- một\n  - hai"))
        for n in range(5):
            meeting = lib.add(Meeting(event_id=event.id, title=f"Gặp {n}", kind="bilateral"))
            lib.link_topic(meeting.id, topic.id)
            lib.set_participant(meeting.id, lao.id, "counterpart")
            lib.add(TalkingPoint(topic_id=topic.id, text=f"Điểm {n}: hợp tác **Mekong**.", status="cleared"))
        book = new_book(lib, event.id, title="Sổ tay", ceiling="Internal").id
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def collections(*first: str) -> dict:
        out = tmp_path / "book.docx"
        args = [*first, "--library", str(library_path), "export", book, "-o", str(out), "--format", "docx"]
        result = subprocess.run(
            [sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True, check=True
        )
        assert out.stat().st_size > 0
        out.unlink()
        return json.loads(result.stderr.strip().splitlines()[-1])

    collections()  # (once first: a clean checkout compiles every module at its first import)
    ours, before = collections(), collections("--python-default")
    # Python's default (700) made 20-25 collections here, each walking every object made so far;
    # how many exactly depends on the Python and what it has cached, so the two are compared.
    assert ours["threshold"][0] >= 10_000 and before["threshold"][0] == 700
    assert ours["collections"] * 2 <= before["collections"], (ours, before)  # (here: 1-7 against 25-32)
