"""The document preview (QtPdf) and printing at true scale, on PDFs made here with reportlab."""

import io

import pypdf
import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPageSize
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QLineEdit
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from app.views import printing
from app.views.document_preview import DocumentPreview
from app.views.icons import icon

INCH = 72  # points
TEST_DPI = 150  # the tests print at a low resolution, so each page is a small image


def make_pdf(pages: int = 3, size=A4) -> bytes:
    """``pages`` pages with a frame exactly one inch inside every edge."""
    out = io.BytesIO()
    drawing = canvas.Canvas(out, pagesize=size, invariant=1)
    width, height = size
    for page in range(pages):
        drawing.setLineWidth(2)
        drawing.rect(INCH, INCH, width - 2 * INCH, height - 2 * INCH)
        drawing.drawString(2 * INCH, height - 2 * INCH, f"page {page + 1}")
        drawing.showPage()
    drawing.save()
    return out.getvalue()


@pytest.fixture
def open_preview(qtbot):
    def open_preview(pdf: bytes, **options) -> DocumentPreview:
        preview = DocumentPreview(pdf, "投诉受理决定书", **options)
        qtbot.addWidget(preview)
        with qtbot.waitActive(preview):  # shortcuts reach only the active window
            preview.show()
        return preview

    return open_preview


def pdf_printer(path, dpi: int = TEST_DPI) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(dpi)
    return printer


def first_dark_column(image: QImage, row: int) -> int:
    """The x of the first pixel in ``row`` that is clearly ink (transparent or white is paper)."""
    for x in range(image.width()):
        colour = image.pixelColor(x, row)
        if colour.alpha() > 128 and colour.lightness() < 128:
            return x
    raise AssertionError("no ink in that row")


# --- the arithmetic ---------------------------------------------------------------------------


def test_an_a4_page_at_600_dpi_is_4961_by_7016_pixels():
    assert printing.page_pixels(595.2756, 841.8898, 600) == (4961, 7016)
    assert printing.page_pixels(595.2756, 841.8898, 300) == (2480, 3508)
    assert printing.page_pixels(612, 792, 100) == (850, 1100)  # US Letter


def test_bands_cover_every_row_once():
    assert printing.bands(2500, 1024) == [(0, 1024), (1024, 1024), (2048, 452)]
    assert printing.bands(1024, 1024) == [(0, 1024)]
    for height in (1, 1023, 1025, 7016, 14032):
        covered = [row for top, rows in printing.bands(height) for row in range(top, top + rows)]
        assert covered == list(range(height))


# --- QtPdf under the offscreen platform -------------------------------------------------------


def test_qtpdf_renders_a_page_to_an_image(qapp):
    document = printing.open_pdf(make_pdf(1))
    assert document.pageCount() == 1
    image = document.render(0, QSize(*printing.page_pixels(*A4, 72)))
    assert isinstance(image, QImage) and not image.isNull()
    assert image.size() == QSize(595, 842)
    assert first_dark_column(image, 421) in (71, 72)  # the frame, one inch from the left


# --- the preview ------------------------------------------------------------------------------


def test_the_preview_pages_through_with_the_keys_and_the_page_box(qtbot, open_preview):
    preview = open_preview(make_pdf(3))
    assert preview.windowTitle() == "投诉受理决定书"
    assert preview.current_page == 0
    assert preview.page_box.text() == "第 1 / 3 页"
    assert not preview.previous_button.isEnabled()

    qtbot.keyClick(preview.view, Qt.Key.Key_PageDown)
    assert preview.navigator.currentPage() == 1
    assert preview.page_box.text() == "第 2 / 3 页"
    qtbot.keyClick(preview.view, Qt.Key.Key_PageDown)
    qtbot.keyClick(preview.view, Qt.Key.Key_PageDown)  # there is no fourth page
    assert preview.navigator.currentPage() == 2
    assert not preview.next_button.isEnabled()
    qtbot.keyClick(preview.view, Qt.Key.Key_PageUp)
    assert preview.navigator.currentPage() == 1

    preview.page_box.setValue(3)
    assert preview.navigator.currentPage() == 2
    preview.previous_button.click()
    assert preview.navigator.currentPage() == 1


def test_the_preview_zooms_with_the_keys_and_fits_the_width_or_the_page(qtbot, open_preview):
    preview = open_preview(make_pdf(1))
    assert preview.view.zoomMode() is QPdfView.ZoomMode.FitToWidth
    assert preview.zoom_in_button.toolTip() == "放大（Ctrl++）"
    start = preview.view.zoomFactor()

    qtbot.keyClick(preview.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert preview.view.zoomMode() is QPdfView.ZoomMode.Custom
    assert preview.view.zoomFactor() == pytest.approx(start * 1.25)
    qtbot.keyClick(preview.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(preview.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert preview.view.zoomFactor() == pytest.approx(start / 1.25)

    preview.fit_page_button.click()
    assert preview.view.zoomMode() is QPdfView.ZoomMode.FitInView
    qtbot.keyClick(preview.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert preview.view.zoomMode() is QPdfView.ZoomMode.FitToWidth

    for _ in range(20):
        preview.zoom_in_button.click()
    assert preview.view.zoomFactor() == pytest.approx(4.0)  # no further than 400%


def test_a_draft_shows_its_banner_and_issues_only_when_the_caller_allows(qtbot, open_preview):
    archive = open_preview(make_pdf(1))
    assert not archive.banner.isVisible() and not archive.is_draft

    read_only = open_preview(make_pdf(1), draft=True)
    assert read_only.banner.isVisible()
    assert read_only.banner_label.text() == "样稿，尚未出具"
    assert not read_only.issue_button.isVisible()

    draft = open_preview(make_pdf(1), draft=True, can_issue=True)
    assert draft.issue_button.isVisible() and draft.issue_button.text() == "出具"
    with qtbot.waitSignal(draft.issue_requested, timeout=1000):
        draft.issue_button.click()
    issued = make_pdf(2)
    draft.show_pdf(issued, "投诉受理决定书 西市监投〔2026〕第1号")
    assert not draft.banner.isVisible()
    assert draft.pdf == issued
    assert draft.page_box.text() == "第 1 / 2 页"
    assert draft.windowTitle() == "投诉受理决定书 西市监投〔2026〕第1号"


def test_save_as_pdf_writes_the_same_bytes(qtbot, open_preview, tmp_path, monkeypatch):
    pdf = make_pdf(2)
    preview = open_preview(pdf, file_name="受理决定书.pdf")
    asked = []

    def choose(parent, caption, directory, file_filter):
        asked.append((caption, directory))
        return str(tmp_path / "存档副本"), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    preview.save_button.click()
    assert asked == [("另存为 PDF", "受理决定书.pdf")]
    assert (tmp_path / "存档副本.pdf").read_bytes() == pdf  # the suffix is added


def test_cancelling_save_as_writes_nothing(qtbot, open_preview, tmp_path, monkeypatch):
    preview = open_preview(make_pdf(1))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: ("", "")))
    assert preview.save() is None
    assert list(tmp_path.iterdir()) == []


# --- printing ---------------------------------------------------------------------------------


def test_printing_paints_every_page_on_a4_at_true_scale(qapp, tmp_path):
    out = tmp_path / "printed.pdf"
    document = printing.open_pdf(make_pdf(3))
    printer = pdf_printer(out)
    printing.prepare_printer(printer, document)
    assert printing.print_document(document, printer) == 3

    printed = pypdf.PdfReader(out)
    assert len(printed.pages) == 3
    for page in printed.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    # The frame one inch inside the edge is one inch inside the printed page too: nothing was
    # scaled to the printable area, nothing shifted by the printer's margins.
    width, height = printing.page_pixels(*A4, TEST_DPI)
    image = printing.open_pdf(out.read_bytes()).render(0, QSize(width, height))
    assert abs(first_dark_column(image, height // 2) - TEST_DPI) <= 2


def test_printing_honours_the_page_range(qapp, tmp_path):
    out = tmp_path / "printed.pdf"
    document = printing.open_pdf(make_pdf(3))
    printer = pdf_printer(out)
    printer.setFromTo(2, 3)
    assert printing.print_document(document, printer) == 2
    assert len(pypdf.PdfReader(out).pages) == 2


def test_the_print_button_opens_the_print_dialog_and_prints_what_is_shown(qtbot, open_preview, tmp_path):
    preview = open_preview(make_pdf(2))
    assert preview.print_button.icon().cacheKey() == icon("print").cacheKey()
    dialog = preview.print_document()
    assert isinstance(dialog, QPrintDialog)
    assert dialog.isVisible()
    assert dialog.printer().fullPage()
    assert dialog.printer().pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    # No printer here: the dialog offers printing to a file, as a user would choose it.
    out = tmp_path / "printed.pdf"
    dialog.findChild(QLineEdit, "filename").setText(str(out))
    dialog.printer().setResolution(TEST_DPI)
    dialog.accept()
    assert len(pypdf.PdfReader(out).pages) == 2
