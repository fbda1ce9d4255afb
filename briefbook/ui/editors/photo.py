"""A person's photo: choose a file, drop one, or paste one; shown as a thumbnail."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from briefbook.errors import BriefBookError
from briefbook.library.photos import read_photo_file
from briefbook.ui.context import UiContext
from briefbook.ui.messages import user_message
from briefbook.ui.undo import SetPhoto, run

THUMBNAIL = (150, 190)


def choose_photo_file(parent: QWidget) -> str | None:
    """Ask for a picture file (patched in tests)."""
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("Dialogs", "Choose a photo"),
        str(Path.home()),
        QCoreApplication.translate(
            "Dialogs", "Pictures (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.tif *.tiff);;All files (*)"
        ),
    )
    return path or None


def image_bytes(mime: QMimeData) -> bytes | None:
    """The picture in a drop or the clipboard: a local file, or image data (as PNG)."""
    for url in mime.urls() if mime.hasUrls() else []:
        if url.isLocalFile():
            return read_photo_file(url.toLocalFile())
    if mime.hasImage():
        image = mime.imageData()
        if isinstance(image, QPixmap):
            image = image.toImage()
        if isinstance(image, QImage) and not image.isNull():
            data = QByteArray()
            buffer = QBuffer(data)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(buffer, "PNG")
            return bytes(data.data())
    return None


class PhotoPanel(QWidget):
    def __init__(self, context: UiContext, parent=None):
        super().__init__(parent)
        self.setObjectName("photoPanel")
        self.context = context
        self.person_id = ""
        self.read_only = False
        self._has_photo = False
        self.setAcceptDrops(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.picture = QLabel(self)
        self.picture.setObjectName("photoLabel")
        self.picture.setFixedSize(*THUMBNAIL)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setWordWrap(True)
        self.picture.setStyleSheet("border: 1px dashed #9e9e9e; color: #757575;")
        layout.addWidget(self.picture)
        column = QVBoxLayout()
        self.choose_button = QPushButton(self)
        self.choose_button.setObjectName("choosePhoto")
        self.paste_button = QPushButton(self)
        self.paste_button.setObjectName("pastePhoto")
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("removePhoto")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error_photo")
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        for widget in (self.choose_button, self.paste_button, self.remove_button):
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.error_label)
        column.addStretch(1)
        layout.addLayout(column, 1)
        self.choose_button.clicked.connect(self.choose)
        self.paste_button.clicked.connect(self.paste)
        self.remove_button.clicked.connect(self.remove)
        self.retranslate()

    def retranslate(self) -> None:
        self.choose_button.setText(self.tr("Choose photo…"))
        self.paste_button.setText(self.tr("Paste photo"))
        self.remove_button.setText(self.tr("Remove photo"))
        self.picture.setToolTip(self.tr("Drop a picture here"))
        if self.person_id and self.context.model.is_open:
            self.load(self.person_id)

    def load(self, person_id: str) -> None:
        self.person_id = person_id
        data = self.context.library.photo(person_id)
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            scaled = pixmap.scaled(
                *THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            self.picture.setPixmap(scaled)
        else:
            self.picture.setPixmap(QPixmap())
            self.picture.setText(self.tr("No photo.\nDrop a picture here."))
        self._has_photo = bool(data)
        self.remove_button.setEnabled(self._has_photo and not self.read_only)

    def set_read_only(self, read_only: bool) -> None:
        """Show the photo but take no changes (the library cannot be changed)."""
        self.read_only = read_only
        self.setAcceptDrops(not read_only)
        self.choose_button.setEnabled(not read_only)
        self.paste_button.setEnabled(not read_only)
        self.remove_button.setEnabled(self._has_photo and not read_only)

    def set_error(self, message: str | None) -> None:
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))

    def set_photo(self, data: bytes | None) -> None:
        """Store ``data`` (None: remove) as an undoable change; problems shown below the buttons."""
        try:
            run(self.context.stack, SetPhoto(self.context.model, self.person_id, data))
        except BriefBookError as error:
            self.set_error(user_message(error))
        else:
            self.set_error(None)

    def choose(self) -> None:
        path = choose_photo_file(self)
        if path:
            try:
                data = read_photo_file(path)  # with a cap: never reads a huge file whole
            except BriefBookError as error:
                self.set_error(user_message(error))
                return
            self.set_photo(data)

    def paste(self) -> None:
        try:
            data = image_bytes(QGuiApplication.clipboard().mimeData())
        except BriefBookError as error:
            self.set_error(user_message(error))
            return
        if data is None:
            self.set_error(self.tr("There is no picture on the clipboard."))
        else:
            self.set_photo(data)

    def remove(self) -> None:
        self.set_photo(None)

    def dragEnterEvent(self, event) -> None:
        mime = event.mimeData()
        if mime.hasImage() or any(u.isLocalFile() for u in mime.urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        try:
            data = image_bytes(event.mimeData())
        except BriefBookError as error:
            self.set_error(user_message(error))
            return
        if data is not None:
            event.acceptProposedAction()
            self.set_photo(data)
