"""The attachments of one case as a list model for an icon view: each one's name and size under
a thumbnail (images) or an icon by kind (the rest).

Thumbnails are made from the decrypted bytes and kept in memory per SHA-256 for the session, so
the same photo on another case, or the case opened again, is not decrypted and decoded twice.
"""

import logging
from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QBuffer, QByteArray, QIODevice, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from app.domain import clock
from app.domain.errors import DeskError
from app.services.attachments import AttachmentView

log = logging.getLogger(__name__)

THUMBNAIL_PX = 96


def size_text(size: int) -> str:
    """``512 B``, ``38 KB``, ``4.2 MB``: units read the same in every language."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def thumbnail_image(read: Callable[[int], bytes], attachment: AttachmentView, ratio: float = 1.0) -> QImage | None:
    """The attachment's picture scaled to fit ``THUMBNAIL_PX`` logical pixels on a screen of this
    device pixel ratio, or None if it cannot be shown.

    It is decoded at ``THUMBNAIL_PX * ratio`` device pixels and carries the ratio, so a 2x screen
    shows 192 pixels of the photo in the 96-pixel cell rather than 96 stretched (docs/hidpi.md).
    Safe off the UI thread (a QImage, no QPixmap). The reader decodes at the small size, so a
    large phone photo never sits in memory at full resolution.
    """
    try:
        data = read(attachment.id)
    except DeskError as error:
        log.warning("no thumbnail for attachment %s: %s", attachment.id, error)
        return None
    side = round(THUMBNAIL_PX * ratio)
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # phone photos say in their EXIF data which way is up
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        log.warning("attachment %s could not be decoded as an image: %s", attachment.id, reader.errorString())
        return None
    if max(image.width(), image.height()) != side:
        # Formats that cannot decode at a given size are scaled after.
        image = image.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    image.setDevicePixelRatio(ratio)
    return image


class ThumbnailCache:
    """Thumbnails by the SHA-256 of their file; None for an image that could not be shown.

    Each is kept for one device pixel ratio, the one it was last made for: a view on a screen of
    another ratio makes it again (``has`` says whether it must).
    Pixmaps are made here, on the UI thread, from the images the background work returns.
    """

    LIMIT = 500  # about 36 KB each at 96 px, so under 20 MB (144 KB and 72 MB at 2x); the oldest go first

    def __init__(self):
        self._pixmaps: dict[str, QPixmap | None] = {}

    def has(self, sha256: str, ratio: float) -> bool:
        """Whether the file's thumbnail is here for this ratio (or it is known not to decode)."""
        if sha256 not in self._pixmaps:
            return False
        pixmap = self._pixmaps[sha256]
        return pixmap is None or pixmap.devicePixelRatio() == ratio

    def get(self, sha256: str) -> QPixmap | None:
        return self._pixmaps.get(sha256)

    def put(self, sha256: str, image: QImage | None) -> None:
        self._pixmaps.pop(sha256, None)  # made again for another ratio: it becomes the newest
        if len(self._pixmaps) >= self.LIMIT:
            del self._pixmaps[next(iter(self._pixmaps))]
        self._pixmaps[sha256] = None if image is None else QPixmap.fromImage(image)

    def clear(self) -> None:
        self._pixmaps.clear()


_thumbnails = ThumbnailCache()


def thumbnail_cache() -> ThumbnailCache:
    """The one cache the desk's attachment views share."""
    return _thumbnails


class AttachmentListModel(QAbstractListModel):
    """One row per attachment: name and size as text, a thumbnail or an icon as decoration."""

    def __init__(self, cache: ThumbnailCache, parent=None):
        super().__init__(parent)
        self._cache = cache
        self._attachments: list[AttachmentView] = []

    def set_attachments(self, attachments: list[AttachmentView]) -> None:
        self.beginResetModel()
        self._attachments = list(attachments)
        self.endResetModel()

    def attachment(self, row: int) -> AttachmentView:
        return self._attachments[row]

    def attachments(self) -> list[AttachmentView]:
        return list(self._attachments)

    def thumbnails_changed(self) -> None:
        """Show the thumbnails the cache has gained."""
        if self._attachments:
            last = self.index(len(self._attachments) - 1)
            self.dataChanged.emit(self.index(0), last, [Qt.ItemDataRole.DecorationRole])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._attachments)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._attachments):
            return None
        attachment = self._attachments[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{attachment.file_name}\n{size_text(attachment.size)}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._cache.get(attachment.sha256) or self._kind_icon(attachment)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{name}\n{size}，{who} 于 {when} 添加").format(
                name=attachment.file_name,
                size=size_text(attachment.size),
                who=attachment.added_by,
                when=clock.format_local(attachment.added_at),
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return attachment.file_name
        return None

    @staticmethod
    def _kind_icon(attachment: AttachmentView) -> QIcon:
        kind = QStyle.StandardPixmap.SP_FileIcon
        if attachment.media_type.startswith("audio/"):
            kind = QStyle.StandardPixmap.SP_MediaVolume
        return QApplication.style().standardIcon(kind)
