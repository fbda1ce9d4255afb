"""The fixed words a book prints, in the book's language (Vietnamese or English)."""

from __future__ import annotations

import datetime as dt
import functools

from briefbook.document.model import Paragraph, Run

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "purpose": "Purpose",
        "objectives": "Objectives",
        "scene_setter": "Scene-setter",
        "who_we_meet": "Who we meet",
        "our_delegation": "Our delegation",
        "points_to_make": "Points to make",
        "if_raised": "If raised",
        "press_lines": "Press lines",
        "qa": "Questions and answers",
        "question": "Q:",
        "answer": "A:",
        "statements": "Relevant prior statements",
        "background": "Background",
        "time": "Time",
        "session": "Session",
        "kind": "Kind",
        "venue": "Venue",
        "name": "Name",
        "position": "Position",
        "role": "Role",
        "organisation": "Organisation",
        "country": "Country",
        "participants": "Other participants",
        "draft": "DRAFT",
        "drafted_by": "Drafted by",
        "cleared_by": "Cleared by",
        "copy": "Copy no.",
        "issued": "Issued",
        "form_of_address": "Form of address",
        "pronunciation": "Pronunciation",
        "languages": "Languages",
        "interests": "Interests",
        "sensitivities": "Sensitivities",
        "source": "Source",
        "no_items": "Nothing to include.",
        "plenary": "Plenary",
        "bilateral": "Bilateral",
        "side_event": "Side event",
        "call": "Call",
        "press": "Press",
        "session_kind": "Session",
        "counterpart": "Counterpart",
        "delegation": "Delegation",
        "speaker": "Speaker",
        "chair": "Chair",
        "steer": "Steer",
        "with": "With:",
        "when_where": "When and where:",
        "why": "Why:",
        "our_objectives": "Our objectives",
        "their_positions": "Their likely positions and asks, and our response",
        "our_response": "Our response, if raised",
        "press_line": "Press line",
        "previous_contacts": "Previous contacts",
        "whos_who": "Who's who",
        "their_side": "Their side",
        "address_as": "address as",
        "brief_number": "Brief {n}/{total}",
        "topic_brief": "Topic brief: {title}",
        "in_brief": "Printed in the brief “{title}”",
        "points_in_brief": "Points on this topic: the brief “{title}”",
        "statement_ref": "Statement: {who}",
        "date": "Date",
        "book": "Briefing book",
        "not_for_release": "Not for release",
        "shareable": "Shareable copy: passages not for release are left out",
    },
    "vi": {
        "purpose": "Mục đích",
        "objectives": "Mục tiêu",
        "scene_setter": "Bối cảnh",
        "who_we_meet": "Thành phần phía bạn",
        "our_delegation": "Thành phần đoàn ta",
        "points_to_make": "Nội dung cần nêu",
        "if_raised": "Nếu được hỏi / nếu bạn nêu",
        "press_lines": "Trả lời báo chí",
        "qa": "Hỏi và đáp",
        "question": "Hỏi:",
        "answer": "Đáp:",
        "statements": "Phát biểu trước đây có liên quan",
        "background": "Thông tin tham khảo",
        "time": "Thời gian",
        "session": "Phiên / cuộc gặp",
        "kind": "Loại",
        "venue": "Địa điểm",
        "name": "Họ tên",
        "position": "Chức vụ",
        "role": "Vai trò",
        "organisation": "Cơ quan",
        "country": "Quốc gia",
        "participants": "Đại biểu khác",
        "draft": "DỰ THẢO",
        "drafted_by": "Người soạn",
        "cleared_by": "Người duyệt",
        "copy": "Bản số",
        "issued": "Ngày phát hành",
        "form_of_address": "Cách xưng hô",
        "pronunciation": "Cách phát âm",
        "languages": "Ngôn ngữ",
        "interests": "Quan tâm",
        "sensitivities": "Lưu ý nhạy cảm",
        "source": "Nguồn",
        "no_items": "Không có nội dung.",
        "plenary": "Phiên toàn thể",
        "bilateral": "Song phương",
        "side_event": "Sự kiện bên lề",
        "call": "Điện đàm",
        "press": "Báo chí",
        "session_kind": "Phiên chuyên đề",
        "counterpart": "Phía bạn",
        "delegation": "Đoàn ta",
        "speaker": "Diễn giả",
        "chair": "Chủ trì",
        "steer": "Khái quát cuộc gặp",
        "with": "Gặp:",
        "when_where": "Thời gian, địa điểm:",
        "why": "Mục đích:",
        "our_objectives": "Mục tiêu của ta",
        "their_positions": "Quan điểm, đề nghị dự kiến của phía bạn và trả lời của ta",
        "our_response": "Trả lời của ta nếu bạn nêu",
        "press_line": "Trả lời báo chí",
        "previous_contacts": "Các lần tiếp xúc trước",
        "whos_who": "Thành phần",
        "their_side": "Phía bạn",
        "address_as": "xưng hô",
        "brief_number": "Đề cương số {n}/{total}",
        "topic_brief": "Đề cương chủ đề: {title}",
        "in_brief": "Đã nêu tại đề cương “{title}”",
        "points_in_brief": "Nội dung cần nêu về chủ đề này: đề cương “{title}”",
        "statement_ref": "Phát biểu: {who}",
        "date": "Ngày",
        "book": "Tài liệu chuẩn bị",
        "not_for_release": "Không công bố",
        "shareable": "Bản được phép chia sẻ: đã lược bỏ các nội dung không công bố",
    },
}

_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def words(language: str) -> dict[str, str]:
    return WORDS.get(language, WORDS["en"])


def parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except (TypeError, ValueError):
        return None


@functools.lru_cache(maxsize=4096)
def format_date(text: str, language: str) -> str:
    """'2025-12-17' → '17/12/2025' (vi) or '17 December 2025' (en); other text as written.

    Memoised (a pure function; no locale is read): a book prints the same few dates
    tens of thousands of times, in every brief's previous contacts."""
    day = parse_date(text)
    if day is None:
        return text
    if language == "vi":
        return day.strftime("%d/%m/%Y")
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def format_time(text: str, language: str) -> str:
    """'2025-12-17T09:00' → '09:00, 17/12/2025'; a bare date → the date.

    '2025-12-17 09:00' too: libraries written before dates were stored as ISO hold it,
    and its time was dropped from the programme without a word.
    """
    if len(text) > 10 and text[10] in "T " and parse_date(text):
        date_part, time_part = text[:10], text[11:].strip()
        return f"{time_part[:5]}, {format_date(date_part, language)}"
    return format_date(text, language)


def format_range(start: str, end: str, language: str) -> str:
    if not end or end == start:
        return format_date(start, language)
    a, b = parse_date(start), parse_date(end)
    if a and b and a.year == b.year and a.month == b.month:
        if language == "vi":
            return f"{a.day:02d}–{b.strftime('%d/%m/%Y')}"
        return f"{a.day}–{format_date(end, language)}"
    return f"{format_date(start, language)} – {format_date(end, language)}"


def label(text: str) -> Paragraph:
    """One of these words as the bold label over what follows (points to make, our delegation)."""
    return Paragraph([Run(text, bold=True)], "label")
