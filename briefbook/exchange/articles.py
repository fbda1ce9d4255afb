"""Prior statements from a news article: what was said, by whom, when, according to whom.

Each paragraph with reported or quoted speech (:mod:`briefbook.exchange.speech`)
becomes a proposed statement. Photo captions and bylines are skipped. The
speaker is matched to a person of the library by folded name, or proposed as
a new person with the position the article gives; a pronoun or a bare title is
the last speaker named with it. The date is the article's dateline (the year
is asked for when the article gives none); the source is asked once per
article, with the article's own attribution offered. A statement already in
the library (same folded text) is "existing": importing twice adds nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from briefbook.exchange.article_text import ArticleParagraph, read_article, text_paragraphs
from briefbook.exchange.proposals import EXISTING, Proposal, Proposed
from briefbook.exchange.speech import find_speech
from briefbook.exchange.word_points import language_of
from briefbook.library import Event, Library, Person, Statement, Topic
from briefbook.text import clean_line, fold

_CAPTION = re.compile(
    r"(\((ảnh|anh|photo|nguồn ảnh|video|hình)\s*:?[^)]*\)\s*\.?\s*$)"
    r"|((^|[.!?]\s+)(ảnh|photo|hình|nguồn ảnh)\s*:\s*[^.]{0,80}\.?\s*$)",
    re.I,
)
_AGENCIES = [
    "TTXVN",
    "VNA",
    "VOV",
    "VTV",
    "Reuters",
    "AFP",
    "AP",
    "Xinhua",
    "Bernama",
    "Kyodo",
    "Yonhap",
    "Bangkok Post",
    "Nhân Dân",
    "Thanh Niên",
    "Tuổi Trẻ",
    "VnExpress",
    "Báo Quốc tế",
]
_BYLINE = re.compile(r"^\s*(by|theo|bài và ảnh|bài|tác giả|phóng viên|pv|nguồn|source)\b[^.]{0,80}$", re.I)
_MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july",
           "august", "september", "october", "november", "december"], start=1)}  # fmt: skip


def is_caption(paragraph: ArticleParagraph) -> bool:
    return paragraph.caption or bool(_CAPTION.search(paragraph.text))


def is_byline(text: str) -> bool:
    words = text.split()
    if len(words) > 12:
        return False
    if _BYLINE.match(text):
        return True
    return bool(re.search(r"\S+\s*/\s*(" + "|".join(map(re.escape, _AGENCIES)) + r")\b\.?\s*$", text))


def dateline(paragraphs: list[ArticleParagraph]) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) from the start of the article."""
    head = " ".join(p.text for p in paragraphs[:4] if not p.heading)[:800]
    m = re.search(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?", head, re.I)
    if m:
        return _date(m.group(3), m.group(2), m.group(1))
    m = re.search(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])", head)
    if m:
        return _date(m.group(3), m.group(2), m.group(1))
    months = "|".join(list(_MONTHS) + sorted({m[:3] for m in _MONTHS} | {"sept"}))
    m = re.search(rf"\b({months})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?", head, re.I)
    if m:
        return _date(m.group(3), str(_month(m.group(1))), m.group(2))
    m = re.search(rf"\b(\d{{1,2}})\s+({months})\b\.?(?:\s+(\d{{4}}))?", head, re.I)
    if m:
        return _date(m.group(3), str(_month(m.group(2))), m.group(1))
    return None


def _month(word: str) -> int:
    return next(n for m, n in _MONTHS.items() if m.startswith(word.lower()[:3]))


def _date(year: str | None, month: str, day: str) -> tuple[int | None, int, int] | None:
    mo, d = int(month), int(day)
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return (int(year) if year else None, mo, d)


def attribution(paragraphs: list[ArticleParagraph]) -> str:
    """The news agency or outlet the article credits, if it names one."""
    text = " ".join(p.text for p in paragraphs)
    m = re.search(r"\((?:nguồn|source)\s*:\s*([^)]{2,60})\)", text, re.I)
    if m:
        return clean_line(m.group(1))
    for agency in _AGENCIES:
        if re.search(rf"(?<!\w){re.escape(agency)}(?!\w)", text):
            return agency
    return ""


def propose_statements(
    library: Library,
    path: str | Path | None = None,
    *,
    text: str | None = None,
    topic_id: str | None = None,
    event_id: str | None = None,
) -> Proposal:
    """Read an article (a file, or pasted ``text``) into proposed statements and people."""
    name = Path(path).name if path is not None else "pasted text"
    paras = read_article(path) if path is not None else text_paragraphs(text or "")
    proposal = Proposal(name, "statements")
    if path is not None and Path(path).suffix.lower() == ".docx":
        from briefbook.exchange.docx_left_out import left_out_notes
        from briefbook.exchange.docx_reader import hidden_note, open_docx, paragraphs

        document = open_docx(path)
        if note := hidden_note(name, paragraphs(document)):  # left out of the article, and said
            proposal.messages.append(note)
        proposal.messages += left_out_notes(name, document)
    people = library.list(Person)
    by_name = {}
    for person in people:
        for n in (person.name, person.name_romanised):
            if n:
                by_name[fold(clean_line(n))] = person
    topic = library.get(Topic, topic_id) if topic_id else None
    event = library.get(Event, event_id) if event_id else None
    when = dateline(paras)
    source = attribution(paras)
    proposal.questions["source"] = source
    if when is None:
        proposal.questions["date"] = event.start_date if event else ""
        proposal.messages.append(f"{name} gives no date; give one (YYYY-MM-DD).")
    elif when[0] is None:
        proposal.questions["year"] = (event.start_date or "")[:4] if event else ""
        proposal.messages.append(f"{name} gives the day ({when[2]}/{when[1]}) but not the year.")
    date = f"{when[0]:04d}-{when[1]:02d}-{when[2]:02d}" if when and when[0] else ""
    last: Proposed | None = None  # the last speaker (a person item, proposed or matched)
    titles: dict[str, tuple[str, str | None]] = {}  # folded title -> (name, person id)
    new_people: dict[str, Proposed] = {}
    skipped = 0
    for para in paras:
        if para.heading or is_caption(para) or is_byline(para.text):
            skipped += 1
            continue
        speech = find_speech(para.text)
        if speech is None:
            continue
        speaker_name, speaker_id = speech.speaker, None
        if speech.free:
            speaker_name = speech.free
        elif speech.pronoun or not speech.speaker:
            known = titles.get(fold(speech.position)) if speech.position else None
            if known is None and speech.position:
                wanted = fold(speech.position).removeprefix("the ")
                known = next((v for k, v in titles.items() if wanted in k or k.endswith(wanted)), None)
            if known is None and speech.pronoun and last is not None:
                known = (last.record.speaker_name, last.record.speaker_id)  # type: ignore[attr-defined]
            if known is None:
                speaker_name = speech.position or "(unknown speaker)"
            else:
                speaker_name, speaker_id = known
        else:
            person = by_name.get(fold(speech.speaker)) or _by_surname(people, speech.speaker)
            if person is not None:
                speaker_id, speaker_name = person.id, person.name
            else:
                key = fold(speech.speaker)
                if key not in new_people:
                    new_people[key] = proposal.add(
                        Person(name=speech.speaker, position=speech.position), note="new person"
                    )
                speaker_id, speaker_name = new_people[key].record.id, speech.speaker
            if speech.position:
                titles[fold(speech.position)] = (speaker_name, speaker_id)
        statement = Statement(
            speaker_id=speaker_id,
            speaker_name=speaker_name,
            date=date,
            source=source,
            text=speech.text,
            language=language_of(speech.text),
            occasion=event.title if event else "",
        )
        item = proposal.add(statement, links=[topic.id] if topic else [])
        last = item
        _mark_existing(library, item)
    if skipped:
        proposal.messages.append(f"{skipped} captions, bylines and headings were not taken as statements.")
    if not any(i.kind == "statement" for i in proposal.items):
        proposal.messages.append(f"No reported or quoted speech was found in {name}.")
    proposal.context["date_parts"] = when
    return proposal


def answer(proposal: Proposal, *, year: int | None = None, date: str = "", source: str | None = None) -> None:
    """Fill in what the article did not say: the year (or the whole date) and the source."""
    when = proposal.context.get("date_parts")
    value = date
    if not value and year and when:
        value = f"{year:04d}-{when[1]:02d}-{when[2]:02d}"
    for item in proposal.items:
        if isinstance(item.record, Statement):
            changes = {}
            if value:
                changes["date"] = value
            if source is not None:
                changes["source"] = clean_line(source)
            item.record = replace(item.record, **changes)
    if value:
        proposal.questions.pop("year", None)
        proposal.questions.pop("date", None)


def _by_surname(people: list[Person], name: str) -> Person | None:
    """A person whose name ends with the two or more words given ("Sihasak" alone is too little)."""
    words = fold(name).split()
    if len(words) < 2:
        return None
    for person in people:
        for n in (person.name, person.name_romanised):
            if n and fold(n).split()[-len(words) :] == words:
                return person
    return None


def _mark_existing(library: Library, item: Proposed) -> None:
    text = fold(" ".join(item.record.text.split()))  # type: ignore[attr-defined]
    for statement in library.list(Statement):
        if fold(" ".join(statement.text.split())) == text:
            item.action, item.match_id, item.note = EXISTING, statement.id, "already in the library"
            return
