"""Finding reported and quoted speech in a news paragraph, Vietnamese or English, and who spoke.

The rules are those a desk officer applies when reading: a reporting verb
("cho biết", "nhấn mạnh", "said", "stressed"...) or a quotation, with the
speaker named just before it (after the last comma, or as "Name, position,
verb"), or after a quotation in English (``"...," said Name``). A pronoun
("Ông", "She") or a bare title ("Người phát ngôn", "the minister") is the
last speaker with that title. Names are split from their titles: the name is
the run of capitalised words at the end, less country and title words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefbook.text import fold

VERBS_VI = ["cho biết", "nhấn mạnh", "khẳng định", "phát biểu", "nêu bật", "nêu rõ", "kêu gọi", "thừa nhận",
            "bày tỏ", "cho rằng", "tuyên bố", "chia sẻ", "đề nghị", "lưu ý", "nhận định", "nói", "trả lời",
            "thông báo", "khuyến cáo", "đánh giá", "cam kết", "nhắc lại", "tái khẳng định"]  # fmt: skip
VERBS_EN = ["said", "says", "stressed", "stresses", "noted", "notes", "added", "told", "emphasised",
            "emphasized", "stated", "affirmed", "reaffirmed", "underlined", "called for", "urged", "warned",
            "declared", "announced", "insisted", "explained", "highlighted", "acknowledged"]  # fmt: skip
_VERB = re.compile(
    r"(?<![\w])("
    + "|".join(re.escape(v) for v in sorted(VERBS_VI + VERBS_EN, key=len, reverse=True))
    + r")(?![\w])",
    re.I,
)
TITLES = ["người phát ngôn", "phát ngôn viên", "bộ trưởng", "thứ trưởng", "đại sứ", "chủ tịch", "thủ tướng",
          "phó thủ tướng", "tổng thống", "tổng thư ký", "trưởng đoàn", "đại diện", "cao ủy", "giám đốc",
          "spokesperson", "spokesman", "spokeswoman", "minister", "ambassador", "secretary-general",
          "president", "prime minister", "official", "chairman", "chair", "director", "representative",
          "envoy", "delegate", "commissioner", "head"]  # fmt: skip
PRONOUNS = {"ông", "bà", "ông ấy", "bà ấy", "he", "she", "they", "họ"}
HONORIFICS = {
    fold(h) for h in ("ông", "bà", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "ngài", "h.e.")
}
PLACES = ["việt nam", "viet nam", "vietnam", "thái lan", "thailand", "lào", "laos", "campuchia", "cambodia",
          "myanmar", "trung quốc", "china", "nhật bản", "japan", "hàn quốc", "korea", "hoa kỳ", "mỹ",
          "united states", "nga", "russia", "pháp", "france", "đức", "germany", "anh", "uk", "úc",
          "australia", "ấn độ", "india", "indonesia", "malaysia", "singapore", "philippines", "brunei",
          "asean", "eu", "unodc", "interpol", "liên hợp quốc", "un", "the un", "fatf", "thai", "vietnamese",
          "hà nội", "hanoi", "bangkok", "đông nam á", "thái bình dương"]  # fmt: skip
_TITLE_WORDS = {w for t in TITLES for w in fold(t).split()} | {
    "foreign", "deputy", "vice", "senior", "regional", "general", "ngoai", "giao", "affairs", "state",
    "of", "the", "for", "and", "pho", "tong", "thu", "ky", "truong", "bo", "thuong", "truc", "cuc",
    "vu", "nhan", "quyen", "cao", "uy", "hop", "quoc", "lien"}  # fmt: skip
_CONNECTORS = re.compile(
    r"^(tuy nhiên|ngoài ra|đồng thời|bên cạnh đó|trong khi đó|sau đó|do đó|vì vậy|however|meanwhile|also|"
    r"and|but|in addition|at the same time|further)[\s,]+",
    re.I,
)
_ADVERBS = re.compile(
    r"\s+(cũng|còn|đã|vẫn|tiếp tục|đồng thời|cũng đã|từng|lại|also|further|later|then)$", re.I
)
_LEAD = re.compile(
    r"^(?:(?:reporters|journalists|the press|báo chí|phóng viên)\s+)?(?:(?:that|rằng)\s+)?", re.I
)
_QUOTE = re.compile(r"[“\"«„]([^”\"»“]{12,})[”\"»]")
_AFTER_QUOTE = re.compile(
    r"^[\s,]*(?:(said|says|stressed|added|noted|told reporters)\s+([^,.]+)|([^,.]{2,80}?)\s+"
    r"(said|says|stressed|added|noted|told reporters))",
    re.I,
)


@dataclass
class Speech:
    """One statement found: who (as written), their title, and what was said."""

    speaker: str  # the name, or "" when only a title or pronoun was given
    position: str
    text: str
    pronoun: bool = False  # "Ông", "She": the last speaker
    free: str = ""  # a speaker that is not a person ("Việt Nam"), kept as free text


def find_speech(paragraph: str) -> Speech | None:
    """The statement in one paragraph, if it has one (the first reporting verb with a speaker)."""
    text = " ".join(paragraph.split())
    quoted = _quote_first(text)
    if quoted:
        return quoted
    for match in _VERB.finditer(text):
        start = _sentence_start(text, match.start())
        before = text[start : match.start()].rstrip()
        who = _speaker(before)
        if who is None:
            continue
        said = text[match.end() :].lstrip(" :,")
        said = _LEAD.sub("", said)
        said = _unquote(said)
        if len(said.split()) < 3:
            continue
        return Speech(who[0], who[1], _capital(said), pronoun=who[2], free=who[3])
    return None


def _quote_first(text: str) -> Speech | None:
    """English style: a quotation at the start of the paragraph, the speaker after it."""
    match = _QUOTE.match(text)
    if not match:
        return None
    after = _AFTER_QUOTE.match(text[match.end() :])
    if not after:
        return None
    who_text = after.group(2) or after.group(3) or ""
    who = _speaker(who_text.strip())
    if who is None:
        return None
    quotes = [m.group(1).strip(" ,") for m in _QUOTE.finditer(text)]
    quotes = [q if q.endswith((".", "!", "?", "…")) else q + "." for q in quotes]
    return Speech(who[0], who[1], _capital(" ".join(quotes)), pronoun=who[2], free=who[3])


def _sentence_start(text: str, position: int) -> int:
    cut = 0
    for m in re.finditer(r"[.!?…]\s+(?=[A-ZĐÀ-Ỹ“\"])", text[:position]):
        cut = m.end()
    return cut


def _speaker(before: str) -> tuple[str, str, bool, str] | None:
    """(name, position, pronoun?, free text) from the words before a reporting verb, or None."""
    appositive = before.rstrip().endswith(",")
    before = before.strip().rstrip(",")
    if not before:
        return None
    parts = [p.strip() for p in before.split(",")]
    candidate = parts[-1]
    position_extra = ""
    named_first = len(parts) >= 2 and _looks_like_name(parts[0])
    titled = len(parts) >= 3 and any(w in _TITLE_WORDS for w in fold(parts[1]).split())
    if named_first and (appositive or (titled and not _speaker_like(candidate))):
        candidate, position_extra = parts[0], parts[1]
    candidate = _CONNECTORS.sub("", candidate).strip()
    candidate = _ADVERBS.sub("", candidate).strip()
    if not candidate or len(candidate.split()) > 14 or fold(candidate).startswith(("theo ", "according")):
        return None
    low = fold(candidate)
    if low in {fold(p) for p in PRONOUNS}:
        return ("", "", True, "")
    if low in {fold(p) for p in PLACES}:
        return ("", "", False, candidate)
    if not _speaker_like(candidate):
        return None
    name, position = split_name(candidate)
    return (name, position_extra or position, False, "")


def _speaker_like(text: str) -> bool:
    """Ends with a capitalised word (a name, a country) or a title: "… Lê Anh Tuấn", "Người phát ngôn"."""
    words = text.split()
    if not words:
        return False
    last = words[-1].strip("()")
    if _is_title(text):
        return True
    return (last[:1].isupper() and len(words) > 1) or (len(words) == 1 and last[:1].isupper())


def _is_title(text: str) -> bool:
    low = fold(text)
    return any(low.endswith(fold(t)) for t in TITLES) or any(low.startswith("the " + fold(t)) for t in TITLES)


def _looks_like_name(text: str) -> bool:
    words = [w for w in text.split() if fold(w) not in HONORIFICS]
    return 1 <= len(words) <= 5 and all(w[:1].isupper() for w in words)


def split_name(text: str) -> tuple[str, str]:
    """("Lê Anh Tuấn", "Thứ trưởng Ngoại giao") from "Thứ trưởng Ngoại giao Lê Anh Tuấn"."""
    words = text.split()
    run: list[str] = []
    for word in reversed(words):
        if word[:1].isupper() and fold(word) not in HONORIFICS:
            run.insert(0, word)
        else:
            break
    # Leading country and title words are part of the title, not the name.
    folded_places = sorted((fold(p).split() for p in PLACES), key=len, reverse=True)
    changed = True
    while run and changed:
        changed = False
        low = [fold(w).removesuffix("'s").removesuffix("’s") for w in run]
        for place in folded_places:
            if low[: len(place)] == place:
                run = run[len(place) :]  # a place ending the run: no name at all
                changed = bool(run)
                break
        possessive = run and run[0].endswith(("'s", "’s"))
        if not changed and low and (low[0] in _TITLE_WORDS or possessive) and len(run) > 1:
            run = run[1:]
            changed = True
    name = " ".join(run)
    if name and (fold(name) in {fold(p) for p in PLACES} or all(fold(w) in _TITLE_WORDS for w in run)):
        name = ""
    position = " ".join(words[: len(words) - len(run)]) if name else text
    position = " ".join(w for w in position.split() if fold(w) not in HONORIFICS)
    return name, position.strip(" ,")


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) > 2 and text[0] in '“"«' and text[-1] in '”"»':
        return text[1:-1].strip()
    if len(text) > 3 and text[0] in '“"«' and text[-2] in '”"»' and text[-1] in ".!?":
        return text[1:-2].strip()
    return text


def _capital(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text
