"""Printing a document's PDF at true scale, and saving it as a file (Qt glue only).

An official notice must come out of the printer exactly as laid out: GB/T 9704 fixes its margins
and text block in millimetres. So each page is rendered at the printer's own resolution to an
image of the page's exact physical size and painted unscaled at the paper's corner, in full-page
mode: the printer's unprintable margins then cannot shift the content, since the margins are in
the PDF itself. Copies are left to the driver.

The arithmetic (``page_pixels``, ``bands``) is plain Python, so it can be checked without Qt.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from app.domain.errors import DeskError
from app.views.error_dialog import show_error

log = logging.getLogger(__name__)

POINTS_PER_INCH = 72

# A page is rendered in horizontal bands of at most this many pixel rows: A4 at 1200 dpi is
# 9921 x 14032 pixels, over half a gigabyte as one image; a band of 1024 rows is about 40 MB.
BAND_ROWS = 1024


def page_pixels(width_pt: float, height_pt: float, dpi: int) -> tuple[int, int]:
    """The pixel size of a page of ``width_pt`` x ``height_pt`` points printed at ``dpi``.

    A4 (595.28 x 841.89 pt) at 600 dpi is 4961 x 7016 pixels.
    """
    return round(width_pt * dpi / POINTS_PER_INCH), round(height_pt * dpi / POINTS_PER_INCH)


def bands(height: int, rows: int = BAND_ROWS) -> list[tuple[int, int]]:
    """``(top, height)`` of the bands that cover ``height`` pixel rows, each at most ``rows`` high."""
    return [(top, min(rows, height - top)) for top in range(0, height, rows)]


def open_pdf(pdf: bytes, parent=None) -> QPdfDocument:
    """A QPdfDocument reading ``pdf`` from memory (the bytes never touch the disk).

    The buffer is the document's child: QPdfDocument reads from the device while it is open.
    """
    document = QPdfDocument(parent)
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document


def prepare_printer(printer: QPrinter, document: QPdfDocument) -> None:
    """Full-page mode and the paper of the document's first page (A4 for every official form)."""
    printer.setFullPage(True)
    if document.pageCount() == 0:
        return
    size = document.pagePointSize(0)
    landscape = size.width() > size.height()
    portrait = size.transposed() if landscape else size
    # Fuzzy matching names the standard paper (A4), so the driver picks the right tray.
    printer.setPageSize(QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch))
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )


def chosen_pages(printer: QPrinter, page_count: int) -> list[int]:
    """The 0-based pages the user asked for in the print dialog; all of them when no range."""
    ranges = printer.pageRanges()
    if ranges.isEmpty():
        return list(range(page_count))
    return [page for page in range(page_count) if ranges.contains(page + 1)]


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint the chosen pages of ``document`` on ``printer`` at 100% scale; returns pages printed.

    The printer is set to full-page mode here, whatever the caller did.
    """
    printer.setFullPage(True)
    pages = chosen_pages(printer, document.pageCount())
    if not pages:
        return 0
    dpi = printer.resolution()
    painter = QPainter()
    if not painter.begin(printer):
        log.warning("The printer %r could not start a job", printer.printerName())
        return 0
    try:
        for index, page in enumerate(pages):
            if index:
                printer.newPage()
            _paint_page(painter, document, page, dpi)
    finally:
        painter.end()
    log.info("Printed %d page(s) at %d dpi on %r", len(pages), dpi, printer.printerName())
    return len(pages)


def _paint_page(painter: QPainter, document: QPdfDocument, page: int, dpi: int) -> None:
    size = document.pagePointSize(page)
    width, height = page_pixels(size.width(), size.height(), dpi)
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(QSize(width, height))
    for top, rows in bands(height):
        options.setScaledClipRect(QRect(0, top, width, rows))
        image = document.render(page, QSize(width, rows), options)
        # The painter's unit on a printer is one device pixel: drawn unscaled at the paper's origin.
        painter.drawImage(0, top, image)


def print_pdf(pdf: bytes, parent: QWidget | None = None) -> QPrintDialog:
    """Ask where and what to print (QPrintDialog, opened without blocking), then print ``pdf``.

    Returns the dialog; printing happens when it is accepted.
    """
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    document = open_pdf(pdf)
    prepare_printer(printer, document)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("printing", "打印"))
    dialog.setMinMax(1, max(1, document.pageCount()))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    document.setParent(dialog)  # goes when the dialog closes
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # The connection holds the printer (no QObject, so no parent) for as long as the dialog lives.
    dialog.accepted.connect(lambda: _print_with_busy_cursor(document, printer, parent))
    # QPrintDialog.open() wants a receiver and a slot; QDialog's plain open() is what is meant.
    QDialog.open(dialog)
    return dialog


def _print_with_busy_cursor(document: QPdfDocument, printer: QPrinter, parent: QWidget | None) -> None:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        printed = print_document(document, printer)
    finally:
        QApplication.restoreOverrideCursor()
    if printed == 0:
        message = QCoreApplication.translate("printing", "未能打印：打印机没有接受打印任务，请检查打印机后重试。")
        show_error(DeskError(message), parent)


def save_pdf(pdf: bytes, parent: QWidget | None = None, suggested_name: str = "") -> Path | None:
    """Ask for a file name and write ``pdf`` there unchanged; returns the path, or None."""
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("printing", "另存为 PDF"),
        suggested_name,
        QCoreApplication.translate("printing", "PDF 文件 (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    try:
        path.write_bytes(pdf)
    except OSError as error:
        log.warning("Could not save a PDF to %s: %s", path, error)
        message = QCoreApplication.translate("printing", "文件未能保存：{path}（{reason}）").format(
            path=path, reason=error.strerror or error
        )
        show_error(DeskError(message), parent)
        return None
    log.info("Saved a PDF to %s", path)
    return path
