"""Badge cells are painted as before, through Qt's own paint of the cell, without making ``QStyle``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem, QTableView

from briefbook.ui.delegates import BadgeDelegate
from briefbook.ui.table_model import VALUE_ROLE

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [("Nháp", "draft"), ("Đã duyệt", "cleared"), ("Chờ duyệt", "for_clearance"), ("ສາທາລະນະ", "x")]
TEXTS += [("سري", "x"), ("", ""), ("Một nhãn rất dài không vừa ô của nó chút nào", "draft")]


class AskingTheStyle(BadgeDelegate):
    """The paint before: the cell drawn by asking the style in Python, then the badge."""

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if not text:
            return
        colour = self._colour(str(index.data(VALUE_ROLE) or ""))
        metrics = opt.fontMetrics
        width = min(self._advance(text, opt.font, metrics) + 14, opt.rect.width() - 6)
        height = min(metrics.height() + 4, opt.rect.height() - 4)
        if width <= 0 or height <= 0:
            return
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        pixmap = self._badge(text, colour, (width, height), opt.font, ratio)
        painter.drawPixmap(QPointF(opt.rect.x() + 3, opt.rect.center().y() - height / 2 + 1), pixmap)


def _table(qtbot, delegate_class) -> QTableView:
    model = QStandardItemModel(len(TEXTS), 2)
    for row, (text, value) in enumerate(TEXTS):
        model.setItem(row, 0, QStandardItem(f"hàng {row}"))
        item = QStandardItem(text)
        item.setData(value, VALUE_ROLE)
        model.setItem(row, 1, item)
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.setAlternatingRowColors(True)
    table.setItemDelegateForColumn(1, delegate_class("status", None, table))
    table.setColumnWidth(1, 150)
    table.resize(QSize(420, 320))
    table.show()
    qtbot.waitExposed(table)
    return table


def test_a_badge_cell_paints_exactly_as_when_the_style_was_asked_in_python(qtbot) -> None:
    ours, before = _table(qtbot, BadgeDelegate), _table(qtbot, AskingTheStyle)
    assert ours.grab().toImage() == before.grab().toImage()
    for table in (ours, before):  # selected rows (the highlight under the badge), and the current cell
        table.selectRow(1)
        table.selectRow(4)
        table.setCurrentIndex(table.model().index(2, 1))
    assert ours.grab().toImage() == before.grab().toImage()
    for table in (ours, before):
        table.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    assert ours.grab().toImage() == before.grab().toImage()


PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
from briefbook.ui.delegates import BadgeDelegate
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView
import PySide6.QtWidgets as widgets
app = QApplication(sys.argv[:1])
model = QStandardItemModel(3, 1)
for row, text in enumerate(["Nháp", "Đã duyệt", "Công khai"]):
    model.setItem(row, 0, QStandardItem(text))
table = QTableView()
table.setModel(model)
table.setItemDelegateForColumn(0, BadgeDelegate("status", None, table))
table.resize(300, 200)
table.show()
table.selectRow(1)
image = table.grab()
print(json.dumps({"made": "QStyle" in vars(widgets), "painted": not image.isNull()}))
"""


def test_painting_badges_makes_no_qstyle_class() -> None:
    """Counted, never timed: PySide made ``QStyle`` and its 18 enums (about 5 ms) for the first table."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {"made": False, "painted": True}
