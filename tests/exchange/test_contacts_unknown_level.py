"""A contact list's classification this library does not know is taken as the highest level.

Found by a user's walk (review2): a colleague's list marking a counterpart "Top Secret"
(a level this library does not have) was imported as Public, the lowest, with a line in the
preview; the next Public copy of a book printed the profile. Fail closed: the highest level,
said so, for the user to lower.
"""

from __future__ import annotations

from pathlib import Path

from briefbook.exchange.contacts import propose_people
from briefbook.library import Library


def test_an_unknown_level_is_the_highest(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "danh bạ.csv"
    path.write_text(
        "name,position,classification\nสมชาย ใจดี,Ambassador,Top Secret\nNguyễn Văn A,Vụ trưởng,\n"
        "Lê Thị B,Chuyên viên,Mật\n",
        encoding="utf-8",
    )
    proposal = propose_people(library, path)
    levels = {p.record.name: p.record.classification for p in proposal.items}
    assert levels == {"สมชาย ใจดี": "Secret", "Nguyễn Văn A": "Public", "Lê Thị B": "Confidential"}
    assert "สมชาย ใจดี: 'Top Secret' is not a level here; imported as Secret." in proposal.messages
