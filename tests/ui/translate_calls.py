"""What ``pyside6-lupdate`` reads in a module: its literal translate() calls and its ``self.tr`` calls.

A mixin's strings must keep its class's translation context: a ``self.tr`` in a mixin works
at run time but files the string under the mixin's name at the next ``pyside6-lupdate``,
without its Vietnamese.
"""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from briefbook.ui import i18n


def translate_calls(path: Path) -> tuple[list[str], list[str], int]:
    """The contexts of its translate() calls, their texts, and how many ``self.tr(...)`` it has."""
    contexts, texts, self_tr = [], [], 0
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        if node.func.attr == "tr" and isinstance(node.func.value, ast.Name) and node.func.value.id == "self":
            self_tr += 1
        elif node.func.attr == "translate":
            context, text = node.args[0], node.args[1]
            assert isinstance(context, ast.Constant) and isinstance(text, ast.Constant), (
                "lupdate reads literals"
            )
            contexts.append(context.value)
            texts.append(text.value)
    return contexts, texts, self_tr


def untranslated(paths: list[Path], context: str) -> list[str]:
    """The strings of these modules' translate() calls that a Vietnamese window shows in English."""
    translator = QTranslator()
    assert translator.load("briefbook_vi", str(i18n.TRANSLATIONS_DIR))
    QCoreApplication.installTranslator(translator)
    try:
        return [
            text
            for path in paths
            for text in translate_calls(path)[1]
            if QCoreApplication.translate(context, text) == text
        ]
    finally:
        QCoreApplication.removeTranslator(translator)
