"""Badge cells' sizes: kept per text, font, cell size, features and direction, always Qt's own size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTableView

from briefbook.ui.delegates import BadgeDelegate

TEXTS = ["Nháp", "Đã duyệt", "Nháp", "Chờ duyệt", "ສາທາລະນະ", "Nháp", "سري", "Đã duyệt", ""]


def _option(table: QTableView, width: int = 120, height: int = 30) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.initFrom(table)
    option.font = table.font()
    option.fontMetrics = table.fontMetrics()
    option.rect.setSize(QSize(width, height))
    return option


def _qt_size(delegate: BadgeDelegate, option: QStyleOptionViewItem, index) -> QSize:
    size = QStyledItemDelegate.sizeHint(delegate, option, index)
    return QSize(size.width() + 20, max(size.height(), option.fontMetrics.height() + 8))


def test_a_badges_size_is_qts_size_of_its_cell_asked_once_per_text(qtbot, monkeypatch: pytest.MonkeyPatch):
    model = QStandardItemModel(len(TEXTS), 1)
    for row, text in enumerate(TEXTS):
        model.setItem(row, 0, QStandardItem(text))
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    delegate = BadgeDelegate("status", None, table)
    table.setItemDelegateForColumn(0, delegate)
    expected = [_qt_size(delegate, _option(table), model.index(r, 0)) for r in range(len(TEXTS))]

    asked = []
    real = QStyledItemDelegate.sizeHint

    def counting(self, option, index):
        asked.append(index.data())
        return real(self, option, index)

    monkeypatch.setattr(QStyledItemDelegate, "sizeHint", counting)
    sizes = [delegate.sizeHint(_option(table), model.index(r, 0)) for r in range(len(TEXTS))]
    assert sizes == expected
    assert sorted(asked) == sorted(set(TEXTS))  # Qt was asked once per text
    sizes[0].setWidth(1)  # a size handed out is the caller's own
    assert delegate.sizeHint(_option(table), model.index(0, 0)) == expected[0]

    # another text (a new language), font, cell size or direction: asked again, Qt's size again
    model.item(0, 0).setText("Draft")
    assert delegate.sizeHint(_option(table), model.index(0, 0)) == _qt_size(
        delegate, _option(table), model.index(0, 0)
    )
    big = _option(table)
    big.font = QFont(table.font().family(), 30)
    big.fontMetrics = QFontMetrics(big.font)
    assert delegate.sizeHint(big, model.index(1, 0)) == _qt_size(delegate, big, model.index(1, 0))
    narrow = _option(table, width=20)
    narrow.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
    assert delegate.sizeHint(narrow, model.index(3, 0)) == _qt_size(delegate, narrow, model.index(3, 0))
    rtl = _option(table)
    rtl.direction = Qt.LayoutDirection.RightToLeft
    assert delegate.sizeHint(rtl, model.index(6, 0)) == _qt_size(delegate, rtl, model.index(6, 0))
    assert delegate.sizeHint(big, model.index(1, 0)).height() > expected[1].height()
