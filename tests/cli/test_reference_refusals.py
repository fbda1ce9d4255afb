"""A field that points at another item is refused with the field, what was typed, and the item likely meant.

``add meeting --set event_id=1`` (the number a desk officer guesses) used to be told only
"That refers to an item that is not in the library (it may have been deleted)." -- neither
which field nor what to type instead. The refusal now names both, and when the text typed
is an item's title in another case, or its id in capitals, the one item it names.
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from briefbook.cli.main import cli


class Library:
    def __init__(self, path) -> None:
        self.runner = CliRunner()
        self.path = str(path)
        self.run("init")
        self.event = self.run(
            "add", "event", "--set", "title=Hội nghị Phnôm Pênh", "--set", "start_date=2026-12-20"
        )

    def run(self, *args: str) -> str:
        done = self.runner.invoke(cli, ["--library", self.path, *args])
        assert done.exit_code == 0, done.output
        return done.output.strip()

    def refused(self, *args: str) -> str:
        done = self.runner.invoke(cli, ["--library", self.path, *args])
        assert done.exit_code == 1, done.output
        assert "Traceback" not in done.output
        return " ".join(done.output.split())

    def meetings(self) -> list[dict]:
        return json.loads(self.run("--json", "list", "meeting"))


def test_a_guessed_number_names_the_field_and_how_to_find_ids(library_path) -> None:
    lib = Library(library_path)
    said = lib.refused("add", "meeting", "--set", "event_id=1", "--set", "title=Gặp Campuchia")
    assert "no event has the id '1' (the meeting's event_id)" in said
    assert "`briefbook list event` shows each event with its id" in said
    assert "Did you mean" not in said
    assert lib.meetings() == []


def test_the_title_in_another_case_suggests_that_event(library_path) -> None:
    lib = Library(library_path)
    said = lib.refused("add", "meeting", "--set", "event_id=HỘI NGHỊ PHNÔM\u200b PÊNH", "--set", "title=Gặp")
    assert "no event has the id 'HỘI NGHỊ PHNÔM\u200b PÊNH'" in said  # quoted as typed
    assert f"Did you mean the event «Hội nghị Phnôm Pênh», id '{lib.event}'?" in said


def test_an_id_in_capitals_suggests_the_id(library_path) -> None:
    lib = Library(library_path)
    said = lib.refused("add", "meeting", "--set", f"event_id={lib.event.upper()}", "--set", "title=Gặp")
    assert f"id '{lib.event}'?" in said


def test_an_edit_to_a_missing_topic_is_refused_and_the_point_stays(library_path) -> None:
    lib = Library(library_path)
    topic = lib.run("add", "topic", "--set", "title=Lừa đảo trực tuyến")
    point = lib.run(
        "add", "talking_point", "--set", f"topic_id={topic}", "--set", "text=Việt Nam ủng hộ hợp tác."
    )
    said = lib.refused("edit", point, "--set", "topic_id=chủ đề cũ")
    assert "no topic has the id 'chủ đề cũ' (the talking point's topic_id)" in said
    assert json.loads(lib.run("--json", "show", point))["item"]["topic_id"] == topic
