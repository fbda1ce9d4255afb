"""What is wrong in an altered package is said in plain English: "an event has missing or
unknown fields" ("a event …" was printed, for events and organisations)."""

from __future__ import annotations

import json
import zipfile

import pytest

from briefbook.exchange.package_file import PackageError, read_package
from briefbook.exchange.packages import export_package
from briefbook.library import Library


def test_an_altered_event_is_named_with_its_article(library: Library, filled: dict, tmp_path) -> None:
    sent = tmp_path / "sent.bbpkg"
    export_package(library, [filled["event"].id], sent)
    with zipfile.ZipFile(sent) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    event = next(i for i in manifest["items"] if i["kind"] == "event")
    event["fields"]["owner"] = "someone"
    altered = tmp_path / "altered.bbpkg"
    with zipfile.ZipFile(altered, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
    with pytest.raises(PackageError, match="altered: an event has missing or unknown fields"):
        read_package(altered)
