"""The window's order (QCollator, vi) is the core's order (briefbook.collation), list by list."""

from __future__ import annotations

import random
from functools import cmp_to_key

from briefbook.collation import sort_key
from briefbook.library import Library, Person
from briefbook.ui.table_model import vietnamese_collator
from tests.test_collation import IN_ORDER
from tests.ui.conftest import settle

NAMES = [
    *IN_ORDER,
    "Nguyễn Minh Vũ",
    "Nguyễn Mạnh Hùng",
    "Đỗ Hùng Việt",
    "Bùi Thanh Sơn",
    "Phạm Thu Hằng",
    "Phan Văn Khải",
    "Trần",
    "Trịnh",
    "Tô Lâm",
    "Huỳnh",
    "Hoàng",
    "Lý",
    "Lưu",
    "Lương",
    "Võ",
    "Vương",
    "Âu",
    "Ấu",
    "Ầu",
    "ầu",
    "Ủy ban",
    "Uỷ ban",
    "ASEAN",
    "Asean",
    "UNODC",
    "Lê-Anh",
    "Lê Văn",
    "O'Neil",
    "Oneil",
    "Chủ đề 2",
    "Chủ đề 10",
    "Zoë",
    "éclair",
    "Ecuador",
    "สีหศักดิ์ พวงเกตุแก้ว",
    "ສົມສະຫວາດ",
    "عبد الله",
]


def _qt_sorted(names: list[str]) -> list[str]:
    return sorted(names, key=cmp_to_key(vietnamese_collator().compare))


def test_qt_and_the_core_agree_on_vietnamese_names(qapp) -> None:
    shuffled = NAMES[:]
    random.Random(9).shuffle(shuffled)
    assert _qt_sorted(shuffled) == sorted(shuffled, key=sort_key)
    assert _qt_sorted(IN_ORDER[::-1]) == IN_ORDER


def test_qt_and_the_core_agree_on_random_vietnamese_words(qapp) -> None:
    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ -'.019"
    letters += "áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
    rng = random.Random(5)
    compare = vietnamese_collator().compare
    for _ in range(3000):
        a, b = ("".join(rng.choice(letters) for _ in range(rng.randint(1, 7))) for _ in range(2))
        qt = compare(a, b)
        core = (sort_key(a) > sort_key(b)) - (sort_key(a) < sort_key(b))
        assert (qt > 0) - (qt < 0) == core, (a, b)


def test_the_people_list_shows_vietnamese_order(window, library: Library, qtbot) -> None:
    for name in NAMES:
        library.add(Person(name=name))
    view = window.show_view("person")
    view.refresh()
    settle(qtbot)
    shown = [view.model.record_at(r).name for r in range(view.model.rowCount())]
    assert shown == _qt_sorted(shown)
    assert set(NAMES) <= set(shown)
    view.filters.text.setText("nguyen")  # a text filter: hits sorted in the window, the same order
    qtbot.waitUntil(lambda: not view.model.searching and view.model.text == "nguyen", timeout=5000)
    hits = [view.model.record_at(r).name for r in range(view.model.rowCount())]
    assert len(hits) >= 3 and hits == _qt_sorted(hits)
