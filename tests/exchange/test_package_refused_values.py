"""A package item the library would refuse is named in the preview, and the rest is imported.

A package is anyone's file: an event whose end date reads 'tomorrow', a meeting whose time is
'25:99', a title of five million characters. The preview said "1 new" and offered Import; the
import then stopped on the Library's refusal, "The end date 'tomorrow' is not a real date …",
which named neither the package nor the item, and imported nothing else. Now the item is left
out by name before anything is written, with what depends on it, as an item whose topic is
missing is.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from briefbook.exchange.content import content_hash
from briefbook.exchange.packages import export_package, import_package, preview_import
from briefbook.library import Event, Library, Meeting, Topic


def _altered(source: Path, target: Path, change) -> Path:
    """The package with ``change`` applied to its items, hashes made again (as anyone can)."""
    with zipfile.ZipFile(source) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    for item in manifest["items"]:
        if change(item):
            item["hash"] = content_hash(item)
            item["versions"] = [[f"{abs(hash(item['id'])):032x}"[:32], item["hash"]]]
    with zipfile.ZipFile(target, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
    return target


def _bad_end_date(item: dict) -> bool:
    if item["kind"] != "event":
        return False
    item["fields"]["end_date"] = "tomorrow"
    return True


def test_an_event_with_a_date_that_is_no_date_is_named_and_left_out(
    library: Library, filled: dict, tmp_path
) -> None:
    library.add(Topic(title="Chủ đề riêng"))
    sent = tmp_path / "sent.bbpkg"
    export_package(library, [filled["event"].id], sent)
    bad = _altered(sent, tmp_path / "bad.bbpkg", _bad_end_date)
    other = Library.create(tmp_path / "other.briefbook")
    plan = preview_import(other, bad)
    said = "\n".join(plan.skipped)
    assert "Hội nghị quốc tế Đối tác toàn cầu" in said and "'tomorrow' is not a real date" in said
    assert "Phiên khai mạc" in said  # its meeting goes with it
    assert not {c.item_id for c in plan.of("add")} & {filled["event"].id, filled["meeting"].id}
    plan, result = import_package(other, bad)
    assert result.added == len(plan.of("add")) > 0  # the rest is imported
    assert not other.exists(Event, filled["event"].id) and not other.exists(Meeting, filled["meeting"].id)
    assert other.get(Topic, filled["topic"].id).title == "Công ước Hà Nội"
