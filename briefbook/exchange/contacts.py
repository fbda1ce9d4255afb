"""People and organisations from a contact list: CSV (a header row) or vCard 3/4 (``vobject``).

CSV columns are mapped by their header, in English or Vietnamese ("Họ và
tên", "Chức vụ", "Cơ quan"...); the mapping is shown, and a column that maps
to no field is not dropped: its values go into the person's notes. A person
with the same folded name and organisation as one in the library is either
"existing" (nothing new to add: importing twice creates nothing) or offered
for merging (its empty fields filled, none overwritten).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from briefbook.errors import BriefBookError
from briefbook.exchange.limits import read_file
from briefbook.exchange.proposals import EXISTING, MERGE, Proposal
from briefbook.library import Library, Organisation, Person
from briefbook.library.records import MAX_LINE
from briefbook.text import clean, clean_line, fold

MAX_CONTACTS_FILE = 20 << 20
MAX_ROWS = 50_000

# field -> header names (folded) that mean it
COLUMNS = {
    "name": ["name", "full name", "display name", "ho va ten", "ho ten", "ten", "ten day du"],
    "name_romanised": ["romanised", "romanized", "name (latin)", "latin name", "ten latinh", "ten phien am"],
    "honorific": ["honorific", "salutation", "prefix", "danh xung"],
    "position": ["position", "job title", "title", "role", "chuc vu", "chuc danh"],
    "organisation": [
        "organisation",
        "organization",
        "company",
        "org",
        "agency",
        "co quan",
        "to chuc",
        "don vi",
    ],
    "country": ["country", "quoc gia", "nuoc"],
    "languages": ["languages", "language", "ngon ngu"],
    "email": ["email", "e-mail", "mail", "thu dien tu"],
    "phone": ["phone", "telephone", "mobile", "tel", "dien thoai", "so dien thoai"],
    "notes": ["notes", "note", "ghi chu"],
    "classification": ["classification", "do mat", "muc do mat"],
}
_LABELS = {"email": "Email", "phone": "Phone"}


def propose_people(library: Library, path: str | Path) -> Proposal:
    path = Path(path)
    data = read_file(path, MAX_CONTACTS_FILE, f"The contact list {path.name}")
    text = _decode(data, path.name)
    proposal = Proposal(path.name, "people")
    if path.suffix.lower() in (".vcf", ".vcard") or text.lstrip().upper().startswith("BEGIN:VCARD"):
        rows = _vcards(text, path.name)
    elif path.suffix.lower() in (".csv", ".txt", ".tsv"):
        rows = _csv_rows(text, path.name, proposal)
    else:
        raise BriefBookError(f"Contacts are imported from a CSV file or vCards (.vcf), not {path.name}.")
    _propose(library, rows, proposal)
    return proposal


def new_lines(old: str, new: str) -> list[str]:
    """Lines of ``new`` that ``old`` does not have (what a merge adds to the notes)."""
    have = {fold(line.strip()) for line in old.splitlines()}
    return [line for line in new.splitlines() if line.strip() and fold(line.strip()) not in have]


def _decode(data: bytes, name: str) -> str:
    for encoding in (
        ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig", "cp1252")
    ):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise BriefBookError(f"{name} is not text BriefBook can read (save it as UTF-8).")


def column_mapping(header: list[str]) -> dict[int, str]:
    """Column index -> field, by folded header name; unknown columns are left out of the mapping."""
    mapping: dict[int, str] = {}
    for i, title in enumerate(header):
        key = fold(clean_line(title)).strip(" :*")
        for field_name, names in COLUMNS.items():
            if key in names and field_name not in mapping.values():
                mapping[i] = field_name
                break
    return mapping


def _csv_rows(text: str, name: str, proposal: Proposal) -> list[dict[str, str]]:
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise BriefBookError(f"{name} is empty or not a CSV file.") from None
    mapping = column_mapping(header)
    if "name" not in mapping.values():
        raise BriefBookError(
            f"{name} has no column of names (a header such as 'Name' or 'Họ và tên'); "
            f"its columns are: {', '.join(clean_line(h) for h in header[:12])}."
        )
    shown = [f"{clean_line(header[i])} → {f.replace('_', ' ')}" for i, f in sorted(mapping.items())]
    extra = [clean_line(h) for i, h in enumerate(header) if i not in mapping and clean_line(h)]
    proposal.messages.append("Columns: " + "; ".join(shown))
    if extra:
        proposal.messages.append("Kept in the notes (no matching field): " + ", ".join(extra))
    proposal.context["mapping"] = {clean_line(header[i]): f for i, f in mapping.items()}
    rows = []
    try:
        for n, row in enumerate(reader):
            if n >= MAX_ROWS:
                raise BriefBookError(f"{name} has more than {MAX_ROWS:,} rows; split it.")
            values: dict[str, str] = {}
            notes = []
            for i, cell in enumerate(row):
                cell = clean(cell).strip()
                if not cell:
                    continue
                if i in mapping:
                    values[mapping[i]] = cell
                elif i < len(header) and clean_line(header[i]):
                    notes.append(f"{clean_line(header[i])}: {cell}")
                else:
                    notes.append(cell)
            if notes:
                values["extra_notes"] = "\n".join(notes)
            if any(values.values()):
                rows.append(values)
    except csv.Error as exc:
        raise BriefBookError(f"{name} is not a well-formed CSV file ({exc}).") from None
    return rows


def _vcards(text: str, name: str) -> list[dict[str, str]]:
    import vobject

    rows = []
    try:
        for n, card in enumerate(vobject.readComponents(text, ignoreUnreadable=True)):
            if n >= MAX_ROWS:
                raise BriefBookError(f"{name} has more than {MAX_ROWS:,} cards; split it.")
            if card.name != "VCARD":
                continue
            values: dict[str, str] = {}

            def first(key: str, card=card):
                items = card.contents.get(key.lower())
                return items[0].value if items else None

            fn = first("fn")
            n_value = first("n")
            if fn:
                values["name"] = str(fn)
            elif n_value is not None:
                values["name"] = " ".join(
                    str(p) for p in (n_value.prefix, n_value.given, n_value.additional, n_value.family) if p
                )
            if n_value is not None and getattr(n_value, "prefix", ""):
                values["honorific"] = str(n_value.prefix)
            org = first("org")
            if org:
                values["organisation"] = " ".join(org) if isinstance(org, list) else str(org)
            if first("title") or first("role"):
                values["position"] = str(first("title") or first("role"))
            adr = first("adr")
            if adr is not None and getattr(adr, "country", ""):
                values["country"] = str(adr.country)
            lang = first("lang")
            if lang:
                values["languages"] = str(lang)
            notes = []
            for key, label in (("email", "Email"), ("tel", "Phone")):
                for item in card.contents.get(key, []):
                    notes.append(f"{label}: {item.value}")
            if first("note"):
                notes.append(str(first("note")))
            if notes:
                values["extra_notes"] = "\n".join(notes)
            values = {k: clean(v).strip() for k, v in values.items() if v and str(v).strip()}
            if values.get("name"):
                rows.append(values)
    except BriefBookError:
        raise
    except Exception as exc:  # vobject raises ParseError and others on a broken card
        raise BriefBookError(f"{name} is not a readable vCard file ({type(exc).__name__}).") from None
    if not rows:
        raise BriefBookError(f"{name} holds no contact cards with a name.")
    return rows


def _propose(library: Library, rows: list[dict[str, str]], proposal: Proposal) -> None:
    organisations = {}
    for org in library.list(Organisation):
        organisations[fold(org.name)] = org
        if org.acronym:
            organisations.setdefault(fold(org.acronym), org)
    people: dict[tuple[str, str], Person] = {}
    org_names = {o.id: o.name for o in organisations.values()}
    for person in library.list(Person):
        org = fold(org_names.get(person.organisation_id or "", ""))
        for n in (person.name, person.name_romanised):
            if n:
                people[(fold(n), org)] = person
    seen: set[tuple[str, str]] = set()
    new_orgs: dict[str, Organisation] = {}
    levels = library.classification_levels()
    for row in rows:
        name = clean_line(row.get("name", ""))[:MAX_LINE]
        if not name:
            proposal.messages.append("A row without a name was left out: " + "; ".join(row.values())[:120])
            continue
        org_name = clean_line(row.get("organisation", ""))[:MAX_LINE]
        org_id = None
        org_key = ""
        if org_name:
            org = organisations.get(fold(org_name)) or new_orgs.get(fold(org_name))
            if org is None:
                item = proposal.add(Organisation(name=org_name), note="new organisation")
                org = new_orgs[fold(org_name)] = item.record  # type: ignore[assignment]
            org_id, org_key = org.id, fold(org.name)
        notes = "\n".join(
            x
            for x in (
                row.get("notes", ""),
                *(f"{_LABELS[k]}: {row[k]}" for k in ("email", "phone") if row.get(k)),
            )
            if x
        )
        if row.get("extra_notes"):
            notes = (notes + "\n" + row["extra_notes"]).strip()
        level = row.get("classification", "")
        try:
            level = library.parse_level(level) if level else levels[0]
        except BriefBookError:
            # Fail closed: a level this library does not know ("Top Secret") may be above any it
            # has; the highest, said so, is for the user to lower (the lowest put the profile in
            # every copy).
            proposal.messages.append(f"{name}: '{level}' is not a level here; imported as {levels[-1]}.")
            level = levels[-1]
        person = Person(
            name=name,
            name_romanised=clean_line(row.get("name_romanised", ""))[:MAX_LINE],
            honorific=clean_line(row.get("honorific", ""))[:MAX_LINE],
            position=clean_line(row.get("position", ""))[:MAX_LINE],
            organisation_id=org_id,
            country=clean_line(row.get("country", ""))[:MAX_LINE],
            languages=clean_line(row.get("languages", ""))[:MAX_LINE],
            notes=notes,
            classification=level,
        )
        key = (fold(name), org_key)
        if key in seen:
            proposal.messages.append(
                f"{name} ({org_name or 'no organisation'}) is listed twice; imported once."
            )
            continue
        seen.add(key)
        item = proposal.add(person)
        match = people.get(key)
        if match is not None:
            item.match_id = match.id
            missing = [
                f
                for f in ("name_romanised", "honorific", "position", "country", "languages")
                if getattr(person, f) and not getattr(match, f)
            ]
            if new_lines(match.notes, person.notes):
                missing.append("notes")
            differs = [
                f
                for f in ("position", "country")
                if getattr(person, f)
                and getattr(match, f)
                and fold(getattr(person, f)) != fold(getattr(match, f))
            ]
            if missing:
                item.action = MERGE
                item.note = "probably already here: merge fills " + ", ".join(
                    m.replace("_", " ") for m in missing
                )
                if differs:
                    item.note += "; differs in " + ", ".join(differs) + " (kept as it is here)"
            else:
                item.action, item.note = EXISTING, "already in the library"
