"""The exchange package file: a zip holding ``manifest.json`` and the people's photos.

The manifest says what it is (``format``, ``format_version``), what was asked
for, under which ceiling, and holds every item with its id, times, fields,
links, content hash, known versions and (in a package without a ceiling)
revision history; deleted items travel as tombstones (id and versions only).

Reading treats the file as hostile: the zip's size, entry count, names and
each entry's size are bounded while reading; the manifest is checked against
the shape below field by field; every item's hash is recomputed from what the
package holds; a photo must match its hash. Anything else is refused with a
message saying the package is damaged or not a package. Nothing in it runs.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefbook import __version__
from briefbook.errors import BriefBookError
from briefbook.exchange.content import DELETED, Content, content_hash
from briefbook.exchange.limits import TooLarge, file_size_ok, megabytes, read_bounded
from briefbook.library.records import RECORD_TYPES
from briefbook.library.validation import article

FORMAT = "briefbook-package"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"

MAX_PACKAGE = 1 << 30  # the whole file
MAX_MANIFEST = 256 << 20
MAX_PHOTO = 40 << 20
MAX_ENTRIES = 50_000
MAX_ITEMS = 500_000
MAX_VERSIONS = 10_000  # per item
MAX_REVISIONS = 500  # per item

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
_VID = re.compile(r"^[0-9a-f]{32}$")
_LINK_SHAPES = {
    "meeting": {"participants": 2, "topics": 1},
    "event": {"delegation": 2},
    "statement": {"topics": 1},
}


class PackageError(BriefBookError):
    """The file is not an exchange package, or it is damaged or altered."""


@dataclass
class PackageItem:
    content: Content
    hash: str
    versions: list[list[str]]
    revisions: list[list[str]] = field(default_factory=list)


@dataclass
class Package:
    created_at: str
    ceiling: str
    for_sharing: bool
    levels: list[str]
    roots: list[str]
    items: list[PackageItem]
    deleted: list[tuple[str, str, list[list[str]]]]  # kind, id, versions
    photos: dict[str, bytes]  # person id -> bytes
    name: str = ""
    # kind -> fields the package leaves out whole (release.withheld_fields): empty in it, and
    # never taken over what the importing library holds (merge.keep_withheld)
    withheld: dict[str, list[str]] = field(default_factory=dict)


# -- writing ---------------------------------------------------------------------


def write_package(package: Package, target: str | Path) -> Path:
    """Write the package atomically (a temporary file beside the target, then renamed)."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise BriefBookError(f"{target} is a folder; choose a file name for the package.")
    if not folder.is_dir():
        raise BriefBookError(f"Cannot write {target}: the folder {folder} does not exist.")
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "created_at": package.created_at,
        "ceiling": package.ceiling,
        "for_sharing": package.for_sharing,
        "levels": package.levels,
        "roots": package.roots,
        "items": [
            {
                **item.content,
                "hash": item.hash,
                "versions": item.versions,
                "revisions": item.revisions,
            }
            for item in package.items
        ],
        "deleted": [{"kind": k, "id": i, "versions": v} for k, i, v in package.deleted],
        "withheld": package.withheld,
    }
    fd, temp = tempfile.mkstemp(prefix=f".{target.name[:40]}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, separators=(",", ":")))
            for person_id, data in package.photos.items():
                zf.writestr(f"photos/{person_id}", data, compress_type=zipfile.ZIP_STORED)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


# -- reading ---------------------------------------------------------------------


def read_package(path: str | Path) -> Package:
    """Read and check a package; raises :class:`PackageError` (or ``TooLarge``) in plain words."""
    path = Path(path)
    what = f"The package {path.name}"
    if not path.is_file():
        raise PackageError(f"There is no package file at {path}.")
    file_size_ok(path, MAX_PACKAGE, what)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise PackageError(
            f"{path.name} is not a BriefBook exchange package (it is not a package file)."
        ) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise PackageError(f"{path.name} holds too many files to be a BriefBook package.")
        names = [i.filename for i in infos]
        if len(set(names)) != len(names):
            raise PackageError(f"{path.name} is damaged: it holds two files of the same name.")
        if MANIFEST not in names:
            raise PackageError(f"{path.name} is not a BriefBook exchange package (it has no manifest).")
        photos: dict[str, bytes] = {}
        manifest_bytes = b""
        for info in infos:
            if info.filename == MANIFEST:
                manifest_bytes = _entry(archive, info, MAX_MANIFEST, path.name)
            elif info.filename.startswith("photos/") and _ID.match(info.filename[7:]):
                photos[info.filename[7:]] = _entry(archive, info, MAX_PHOTO, path.name)
            else:
                raise PackageError(f"{path.name} is damaged or altered: it holds an unexpected file.")
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise PackageError(f"{path.name} is damaged: its list of items cannot be read.") from None
    package = _checked(manifest, photos, path.name)
    package.name = path.name
    return package


def _entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, name: str) -> bytes:
    if info.file_size > limit:
        raise TooLarge(f"A part of {name} is larger than {megabytes(limit)}; BriefBook does not read it.")
    try:
        with archive.open(info) as stream:
            return read_bounded(stream, limit, f"A part of {name}")
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise PackageError(f"{name} is damaged: a part of it cannot be read ({exc}).") from None


def _checked(m: Any, photos: dict[str, bytes], name: str) -> Package:
    def bad(why: str) -> PackageError:
        return PackageError(f"{name} is damaged or altered: {why}.")

    if not isinstance(m, dict) or m.get("format") != FORMAT:
        raise PackageError(f"{name} is not a BriefBook exchange package.")
    version = m.get("format_version")
    if not isinstance(version, int) or version < 1:
        raise bad("its format version is missing")
    if version > FORMAT_VERSION:
        raise PackageError(
            f"{name} was written by a newer BriefBook (package format {version}); "
            "update BriefBook to read it."
        )
    for key, kind in (("created_at", str), ("ceiling", str), ("for_sharing", bool), ("levels", list),
                      ("roots", list), ("items", list), ("deleted", list)):  # fmt: skip
        if not isinstance(m.get(key), kind):
            raise bad(f"'{key}' is missing or of the wrong kind")
    if not all(isinstance(x, str) and len(x) < 300 for x in m["levels"]):
        raise bad("its classification levels are not names")
    if not all(isinstance(x, str) and _ID.match(x) for x in m["roots"]):
        raise bad("it names what it holds with ids that are not ids")
    if len(m["items"]) + len(m["deleted"]) > MAX_ITEMS:
        raise bad("it holds more items than BriefBook accepts")
    seen: set[str] = set()
    items = [_item(raw, photos, seen, bad) for raw in m["items"]]
    deleted = []
    for raw in m["deleted"]:
        if not isinstance(raw, dict) or set(raw) != {"kind", "id", "versions"}:
            raise bad("a deleted item is described wrongly")
        kind, item_id = raw["kind"], raw["id"]
        if (
            kind not in RECORD_TYPES
            or not isinstance(item_id, str)
            or not _ID.match(item_id)
            or item_id in seen
        ):
            raise bad("a deleted item has a wrong kind or id")
        seen.add(item_id)
        versions = _versions(raw["versions"], bad)
        if versions[-1][1] != DELETED:
            raise bad("a deleted item's last version is not its deletion")
        deleted.append((kind, item_id, versions))
    used = {item.content["photo"] and item.content["id"] for item in items} - {None}
    if set(photos) - used:
        raise bad("it holds a photo of nobody in it")
    return Package(m["created_at"][:40], m["ceiling"], m["for_sharing"], m["levels"], m["roots"],
                   items, deleted, photos, withheld=_withheld(m, bad))  # fmt: skip


def _withheld(m: dict, bad) -> dict[str, list[str]]:
    """The fields the package leaves out whole: as it says, and at least what the rules of its
    ceiling and choice leave out (a package written before it said so emptied them too)."""
    from briefbook.exchange.release import withheld_fields

    said = m.get("withheld", {})
    if not isinstance(said, dict):
        raise bad("'withheld' is of the wrong kind")
    out: dict[str, list[str]] = {}
    for kind, names in said.items():
        cls = RECORD_TYPES.get(kind)
        if (
            cls is None
            or not isinstance(names, list)
            or not all(isinstance(n, str) and n in cls.MARKDOWN for n in names)
        ):
            raise bad("it leaves out fields that are not texts")
        out[kind] = list(dict.fromkeys(names))
    for kind, names in withheld_fields(m["levels"], m["ceiling"], m["for_sharing"]).items():
        out[kind] = list(dict.fromkeys([*out.get(kind, []), *names]))
    return out


_ITEM_KEYS = {
    "kind",
    "id",
    "created_at",
    "updated_at",
    "fields",
    "links",
    "photo",
    "hash",
    "versions",
    "revisions",
}


def _item(raw: Any, photos: dict[str, bytes], seen: set[str], bad) -> PackageItem:
    if not isinstance(raw, dict) or set(raw) != _ITEM_KEYS:
        raise bad("an item is described with missing or unknown parts")
    kind, item_id = raw["kind"], raw["id"]
    if kind not in RECORD_TYPES:
        raise bad(f"an item is of an unknown kind ({str(kind)[:40]})")
    if not isinstance(item_id, str) or not _ID.match(item_id):
        raise bad("an item has an id that is not an id")
    if item_id in seen:
        raise bad("two items have the same id")
    seen.add(item_id)
    for key in ("created_at", "updated_at"):
        if not isinstance(raw[key], str) or len(raw[key]) > 40:
            raise bad(f"an item's {key.replace('_', ' ')} is not a time")
    cls = RECORD_TYPES[kind]
    label = cls.LABEL.lower()
    one = f"{article(label)} {label}"  # "an event" ("a event's links are described wrongly")
    fields_ = raw["fields"]
    if not isinstance(fields_, dict) or set(fields_) != set(cls.data_fields()):
        raise bad(f"{one} has missing or unknown fields")
    types = {f.name: f.type for f in dataclasses.fields(cls)}
    for fname, value in fields_.items():
        if fname.endswith("_id"):
            if value is not None and not (isinstance(value, str) and _ID.match(value)):
                raise bad(f"{one}'s {fname} is not an id")
        elif types[fname] == "int":
            if not isinstance(value, int) or isinstance(value, bool) or not -(2**31) < value < 2**31:
                raise bad(f"{one}'s {fname} is not a whole number")
        elif not isinstance(value, str):
            raise bad(f"{one}'s {fname} is not text")
    links = raw["links"]
    shape = _LINK_SHAPES.get(kind, {})
    if not isinstance(links, dict) or set(links) != set(shape):
        raise bad(f"{one}'s links are described wrongly")
    for lname, width in shape.items():
        value = links[lname]
        if not isinstance(value, list) or len(value) > 10_000:
            raise bad(f"{one}'s {lname} are not a list")
        for entry in value:
            ok = (
                isinstance(entry, str) and _ID.match(entry)
                if width == 1
                else isinstance(entry, list)
                and len(entry) == 2
                and isinstance(entry[0], str)
                and _ID.match(entry[0])
                and isinstance(entry[1], str)
                and len(entry[1]) <= 300
            )
            if not ok:
                raise bad(f"{one}'s {lname} are described wrongly")
    photo = raw["photo"]
    if kind != "person" and photo is not None:
        raise bad("an item that is not a person has a photo")
    if photo is not None:
        data = photos.get(item_id)
        if not isinstance(photo, str) or data is None or hashlib.sha256(data).hexdigest() != photo:
            raise bad("a photo is missing or does not match its item")
    content = {k: raw[k] for k in ("kind", "id", "created_at", "updated_at", "fields", "links", "photo")}
    versions = _versions(raw["versions"], bad)
    actual = content_hash(content)
    if raw["hash"] != actual or versions[-1][1] != actual:
        raise bad(f"the content of a {cls.LABEL.lower()} does not match its hash")
    revisions = raw["revisions"]
    if not isinstance(revisions, list) or len(revisions) > MAX_REVISIONS:
        raise bad("an item's earlier versions are described wrongly")
    for rev in revisions:
        if not (
            isinstance(rev, list)
            and len(rev) == 3
            and rev[0] in cls.data_fields()  # one-line fields keep revisions too
            and all(isinstance(x, str) for x in rev)
            and len(rev[2]) <= 40
        ):
            raise bad("an item's earlier versions are described wrongly")
    return PackageItem(content, actual, versions, revisions)


def _versions(raw: Any, bad) -> list[list[str]]:
    if not isinstance(raw, list) or not raw or len(raw) > MAX_VERSIONS:
        raise bad("an item's versions are missing")
    for entry in raw:
        if not (
            isinstance(entry, list)
            and len(entry) == 2
            and isinstance(entry[0], str)
            and _VID.match(entry[0])
            and isinstance(entry[1], str)
            and (entry[1] == DELETED or _VID.match(entry[1]))
        ):
            raise bad("an item's versions are described wrongly")
    return [list(e) for e in raw]
