"""A library left half-changed by a program that stopped, opened from a write-protected place: the
Vietnamese window says what happened and what to do, in its own dialog."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from briefbook.library import Library, Topic
from briefbook.store import hot_journal
from briefbook.ui import i18n, library_recovery
from tests.ui.store_message_cases import _half_changed
from tests.ui.test_core_messages_vi import english_left


def test_a_half_changed_library_on_a_read_only_disk_is_explained_in_vietnamese(
    qapp, tmp_path, monkeypatch, dialogs
):
    """As root nothing is read-only: os.access answers as for a write-protected USB stick."""
    path = tmp_path / "hội nghị Viêng Chăn.briefbook"
    with Library.create(path) as library:
        library.add(Topic(title="Hợp tác sông Mê Công"))
    _half_changed(path)
    before = path.read_bytes(), Path(f"{path}-journal").read_bytes()
    access = os.access
    monkeypatch.setattr(hot_journal.os, "access", lambda p, mode: Path(p) != path and access(p, mode))
    i18n.apply_language("vi")
    try:
        assert library_recovery.open_library_file(None, path) is None
        title, text = dialogs.messages[-1]
        assert title == "BriefBook"
        assert text.startswith(f"Thư viện {path} còn dở một thay đổi do một chương trình bị dừng đột ngột")
        assert text.endswith("rồi mở bản sao đó. Chưa có gì bị thay đổi."), text
        assert english_left(text, {str(path), f"{path.name}-journal"}) == []
        # the dialog error_hook.show_message shows (patched above so that nothing modal waits)
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton)
        box.addButton(QCoreApplication.translate("ErrorHook", "OK"), QMessageBox.ButtonRole.AcceptRole)
        box.show()
        box.grab().save(str(tmp_path / "half-changed.png"))
        box.close()
    finally:
        i18n.apply_language("en")
    assert (path.read_bytes(), Path(f"{path}-journal").read_bytes()) == before
