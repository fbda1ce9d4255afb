"""File → Import package…: what a colleague's package would add, update, delete and where it conflicts.

The package is read and the merge planned off the GUI thread on a connection
of its own; the preview groups the items by what would happen to them.
Import applies the plan in one transaction; conflicts keep this library's
version and open the side-by-side conflict view. File → Export package… is
:mod:`briefbook.ui.exchange.package_export`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefbook.errors import BriefBookError
from briefbook.exchange.merge import ADD, CONFLICT, DELETE, SAME, UPDATE, MergePlan, plan_import
from briefbook.exchange.merge_apply import apply_plan
from briefbook.exchange.package_file import read_package
from briefbook.invisible import visible_controls
from briefbook.library import Library
from briefbook.ui import error_hook
from briefbook.ui.background import run_busy
from briefbook.ui.labels import kind_label
from briefbook.ui.messages import user_message

PACKAGE_FILTER = QT_TRANSLATE_NOOP("Exchange", "BriefBook packages (*.bbpkg *.zip);;All files (*)")


def choose_package_file(parent: QWidget) -> Path | None:
    """Ask which package to import (patched in tests)."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("Exchange", "Import package"),
        "",
        QCoreApplication.translate("Exchange", PACKAGE_FILTER),
    )
    return Path(path) if path else None


def choose_package_target(parent: QWidget, suggested: str) -> Path | None:
    """Ask where to write a package (patched in tests)."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Exchange", "Export package"),
        suggested,
        QCoreApplication.translate("Exchange", PACKAGE_FILTER),
    )
    return Path(path) if path else None


def run_package_import(window) -> None:
    path = choose_package_file(window)
    if path is None:
        return
    try:
        plan = plan_in_background(window.model.library.path, path, window)
    except BriefBookError as exc:
        error_hook.show_message(
            window, QCoreApplication.translate("Exchange", "Import package"), user_message(exc)
        )
        return
    dialog = PackageDialog(window, plan)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted and plan.of(CONFLICT):
            from briefbook.ui.exchange.conflict_view import show_conflicts

            show_conflicts(window)
    finally:
        dialog.deleteLater()


def plan_in_background(library_path: Path, path: Path, parent: QWidget | None) -> MergePlan:
    """Read the package and plan the merge on a worker thread (reads only)."""

    def work() -> MergePlan:
        package = read_package(path)
        with Library.open(library_path, backup=False, read_only=True) as lib:
            return plan_import(lib, package)

    return run_busy(
        work, parent, QCoreApplication.translate("Exchange", "Reading the package…") if parent else ""
    )


class PackageDialog(QDialog):
    def __init__(self, window, plan: MergePlan):
        super().__init__(window)
        self.setObjectName("packageDialog")
        self.window_ = window
        self.plan = plan
        self.setWindowTitle(self.tr("Import package %1").replace("%1", plan.package.name))
        self.resize(820, 520)
        s = plan.summary()
        self.summary = QLabel(
            self.tr("%1 new, %2 updated, %3 deleted, %4 conflicts, %5 unchanged.")
            .replace("%1", str(s[ADD]))
            .replace("%2", str(s[UPDATE]))
            .replace("%3", str(s[DELETE]))
            .replace("%4", str(s[CONFLICT]))
            .replace("%5", str(s[SAME]))
        )
        self.summary.setObjectName("packageSummary")
        note = QLabel(
            self.tr(
                "Conflicts are items changed both here and in the package since you last agreed: "
                "your version stays, theirs is kept beside it until you choose."
            )
        )
        note.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("packageChanges")
        self.tree.setHeaderLabels([self.tr("Change"), self.tr("Kind"), self.tr("Item")])
        self.tree.setColumnWidth(0, 220)
        self.tree.setColumnWidth(1, 140)
        groups = (
            (ADD, self.tr("Added")),
            (UPDATE, self.tr("Updated (changed in the package only)")),
            (DELETE, self.tr("Deleted in the package")),
            (CONFLICT, self.tr("Conflicts (changed on both sides)")),
        )

        for action, label in groups:
            changes = plan.of(action)
            if not changes:
                continue
            group = QTreeWidgetItem([f"{label} ({len(changes)})"])
            group.setData(0, Qt.ItemDataRole.UserRole, action)
            for change in changes:
                title = visible_controls(change.title)  # obeyed, U+202E reversed the rest of the row
                child = QTreeWidgetItem(["", kind_label(change.kind), title])
                child.setToolTip(2, title)
                group.addChild(child)
            self.tree.addTopLevelItem(group)
            group.setExpanded(action == CONFLICT or len(changes) <= 20)
        # Besides what cannot be stored: each update held back as a conflict, and why (a lower
        # level, a higher ceiling, a marker taken off): it is not "changed on both sides".
        held = [c.held for c in plan.of(CONFLICT) if c.held]
        skipped = QLabel("\n".join(user_message(m) for m in [*plan.skipped, *held, *plan.notes]))
        skipped.setObjectName("packageNotes")
        skipped.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("packageApply")
        self.import_button.setEnabled(any(c.action != SAME for c in plan.changes))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(note)
        layout.addWidget(self.tree, 1)
        layout.addWidget(skipped)
        layout.addWidget(buttons)

    def apply(self) -> None:
        try:
            apply_plan(self.window_.model.library, self.plan)
        except BriefBookError as exc:
            error_hook.show_message(self, self.tr("Import package"), user_message(exc))
            return
        self.window_.model.notify_elsewhere()
        self.accept()
