"""The editor's Markdown writer on a 60 KB Vietnamese text, to count under callgrind.

    QT_QPA_PLATFORM=offscreen valgrind --tool=callgrind python bench/writer_instructions.py MODE

MODE ``plain``: paragraphs of Vietnamese sentences with Thai and Lao names; ``code``: the
same with a code span holding spaces in each paragraph (which the writer keeps from Qt's
wrapping: ``markdown_stand_ins.wrapped_code``); ``none``: the text is read and not written,
the floor to subtract. The writer's cost is a mode's instruction count less ``none``'s
(instruction counts repeat on a loaded machine; times do not). Prints the Markdown's length.
"""

from __future__ import annotations

import sys


def main(mode: str) -> None:
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841 (kept alive while writing)
    from briefbook.ui.editors import markdown_writer
    from briefbook.ui.editors.markdown_text import FEATURES, read_markdown

    sentence = (
        "Đoàn Việt Nam dự hội nghị tại Băng Cốc cùng ประเทศไทย và ສົມພອນ ວົງສາ, "
        "thảo luận về lừa đảo trực tuyến. "
    )
    code = " Mã `HĐ-07 số 12` được ghi." if mode == "code" else " Mã HĐ-07 số 12 được ghi."
    paragraph = (sentence * 3 + code) * 4
    text = "\n\n".join([paragraph] * (60_000 // len(paragraph)))
    document = QTextDocument()
    read_markdown(document, text, FEATURES)
    if mode != "none":
        print(len(markdown_writer.to_markdown(document, FEATURES)))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "plain")
