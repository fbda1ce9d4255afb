"""Code pasted from a web page or Word keeps the bold, italic or link around it.

Qt's HTML reader gives a ``<code>`` or a monospace font only its family, and Qt's writer
wrote each such fragment as code alone: pasted bold code was saved ``ສົມພອນ`` in backticks
without its bold, code in a link lost the link, where the same text read from Markdown
keeps both (code_looks). The paste now goes through the same code-look writing.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData

from tests.ui.test_markdown_literals import _reopened

PAGE = (
    '<p>Gặp <b><code>ສົມພອນ</code></b> tại <a href="https://a.example/vientiane"><code>Viêng Chăn</code></a>'
    " và <i><span style=\"font-family:'Courier New'\">ประเทศไทย</span></i> hôm nay</p>"
)
KEPT = "Gặp **`ສົມພອນ`** tại [`Viêng Chăn`](https://a.example/vientiane) và *`ประเทศไทย`* hôm nay"


def test_pasted_code_keeps_its_bold_link_and_italic(qtbot) -> None:
    edit = _reopened(qtbot, "")
    page = QMimeData()
    page.setHtml(PAGE)
    edit.insertFromMimeData(page)
    saved = edit.markdown()
    assert saved == KEPT
    again = _reopened(qtbot, saved)  # (and opened and saved again, unchanged)
    again.document().setModified(True)
    assert again.markdown() == KEPT
