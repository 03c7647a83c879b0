"""A document on screen before it is printed or saved: QtPdf's view with paging and zoom.

The dialog shows PDF bytes it is given and knows nothing of cases or the store. A draft (样稿)
carries a banner saying it is not issued yet; when the caller allows it, the banner offers
"出具", which only emits ``issue_requested``: the caller issues the document and hands the
archived PDF back through ``show_pdf``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument, QPdfPageNavigator
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.views import printing
from app.views.icons import icon

log = logging.getLogger(__name__)

ZOOM_STEP = 1.25
MIN_ZOOM = 0.25
MAX_ZOOM = 4.0
FIT_WIDTH_KEYS = QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_0)

Keys = QKeySequence | QKeySequence.StandardKey | Qt.Key


class DocumentPreview(QDialog):
    """One PDF, a page at a time: 上一页/下一页 (PgUp/PgDn), a page box "第 N / M 页", zoom
    (Ctrl++, Ctrl+-, Ctrl+0 fits the width), 打印… and 另存为 PDF….

    Signals:
        issue_requested(): the user pressed "出具" on the draft banner.
    """

    issue_requested = Signal()

    def __init__(
        self,
        pdf: bytes,
        title: str,
        *,
        draft: bool = False,
        can_issue: bool = False,
        file_name: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._pdf = b""
        self._file_name = ""
        self.document: QPdfDocument | None = None

        self.view = QPdfView()
        # One page at a time, so the page box and PgUp/PgDn always agree with what is shown.
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.banner = QFrame()
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        # Text colour too, so a dark theme's light text stays readable on the pale banner.
        self.banner.setStyleSheet("QFrame { background: #fff4ce; color: #4d3900; }")
        self.banner_label = QLabel(self.tr("样稿，尚未出具"))
        font = self.banner_label.font()
        font.setBold(True)
        self.banner_label.setFont(font)
        self.issue_button = QPushButton(self.tr("出具"))
        self.issue_button.setToolTip(self.tr("出具即存档，不能再修改；内容有误时另行出具更正文书"))
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(self.issue_button)

        self.previous_button = self._tool_button(self.tr("上一页"), self.previous_page, Qt.Key.Key_PageUp)
        self.page_box = QSpinBox()
        self.page_box.setPrefix(self.tr("第 "))
        self.page_box.setKeyboardTracking(False)
        self.page_box.setAccessibleName(self.tr("页码"))
        self.next_button = self._tool_button(self.tr("下一页"), self.next_page, Qt.Key.Key_PageDown)
        self.zoom_out_button = self._tool_button(self.tr("缩小"), self.zoom_out, QKeySequence.StandardKey.ZoomOut)
        self.zoom_in_button = self._tool_button(self.tr("放大"), self.zoom_in, QKeySequence.StandardKey.ZoomIn)
        self.fit_width_button = self._tool_button(self.tr("适合宽度"), self.fit_width, FIT_WIDTH_KEYS)
        self.fit_page_button = self._tool_button(self.tr("适合页面"), self.fit_page)
        self.save_button = QPushButton(self.tr("另存为 PDF…"))
        self.print_button = QPushButton(icon("print"), self.tr("打印…"))

        tools = QHBoxLayout()
        for widget in (self.previous_button, self.page_box, self.next_button):
            tools.addWidget(widget)
        tools.addSpacing(12)
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_width_button, self.fit_page_button):
            tools.addWidget(widget)
        tools.addStretch()
        tools.addWidget(self.save_button)
        tools.addWidget(self.print_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)

        # Ctrl+= too: on most keyboards "+" needs Shift.
        self._shortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Equal), self.zoom_in)

        self.page_box.valueChanged.connect(lambda number: self.go_to_page(number - 1))
        self.navigator.currentPageChanged.connect(self._show_page_number)
        self.issue_button.clicked.connect(self.issue_requested)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_document)

        self.resize(820, 960)
        # Not the page box: a focused spin box would take PgUp/PgDn as steps of ten pages.
        self.view.setFocus()
        self.show_pdf(pdf, title, draft=draft, can_issue=can_issue, file_name=file_name)

    # --- what is shown ----------------------------------------------------------------------

    def show_pdf(
        self, pdf: bytes, title: str, *, draft: bool = False, can_issue: bool = False, file_name: str | None = None
    ) -> None:
        """Show ``pdf`` from its first page; a draft gets the banner, with "出具" if ``can_issue``.

        ``file_name`` is what "另存为 PDF…" suggests; None keeps the one given before.
        """
        previous = self.document
        self._pdf = pdf
        if file_name is not None:
            self._file_name = file_name
        self.document = printing.open_pdf(pdf, self)
        self.view.setDocument(self.document)
        if previous is not None:
            previous.deleteLater()
        self.setWindowTitle(title)
        self.banner.setVisible(draft)
        self.issue_button.setVisible(draft and can_issue)
        self.issue_button.setEnabled(True)
        pages = self.document.pageCount()
        if pages == 0:
            log.warning("A PDF with no readable page was given to the preview (%s)", self.document.error())
        self.page_box.setRange(1, max(1, pages))
        self.page_box.setSuffix(self.tr(" / {pages} 页").format(pages=pages))
        self.go_to_page(0)
        self._show_page_number(0)

    @property
    def pdf(self) -> bytes:
        return self._pdf

    @property
    def is_draft(self) -> bool:
        return not self.banner.isHidden()

    @property
    def navigator(self) -> QPdfPageNavigator:
        return self.view.pageNavigator()

    @property
    def current_page(self) -> int:
        """The page shown, from 0."""
        return self.navigator.currentPage()

    def set_issuing(self, issuing: bool) -> None:
        """While the caller issues the document, "出具" cannot be pressed twice."""
        self.issue_button.setEnabled(not issuing)

    # --- paging and zoom --------------------------------------------------------------------

    def go_to_page(self, page: int) -> None:
        if self.document is None or not 0 <= page < self.document.pageCount():
            return
        if page != self.current_page:
            self.navigator.jump(page, QPointF(), self.navigator.currentZoom())

    def next_page(self) -> None:
        self.go_to_page(self.current_page + 1)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page - 1)

    def zoom_in(self) -> None:
        self._zoom(self.view.zoomFactor() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom(self.view.zoomFactor() / ZOOM_STEP)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(MAX_ZOOM, max(MIN_ZOOM, factor)))

    def _show_page_number(self, page: int) -> None:
        pages = self.document.pageCount() if self.document is not None else 0
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page + 1 < pages)

    # --- printing and saving ----------------------------------------------------------------

    def print_document(self) -> QPrintDialog:
        """Open the print dialog for the PDF shown (for an issued document: the archived bytes)."""
        return printing.print_pdf(self._pdf, self)

    def save(self) -> Path | None:
        return printing.save_pdf(self._pdf, self, self._file_name)

    # --- building ---------------------------------------------------------------------------

    def _tool_button(self, text: str, slot, keys: Keys | None = None) -> QToolButton:
        """A tool button; with ``keys``, also a shortcut for the whole dialog, named in the tooltip."""
        button = QToolButton()
        button.setText(text)
        button.clicked.connect(slot)
        if keys is not None:
            sequence = QKeySequence(keys)
            self._shortcut(sequence, slot)
            button.setToolTip(
                self.tr("{action}（{keys}）").format(
                    action=text, keys=sequence.toString(QKeySequence.SequenceFormat.NativeText)
                )
            )
        return button

    def _shortcut(self, keys: QKeySequence, slot) -> QShortcut:
        shortcut = QShortcut(keys, self)
        shortcut.activated.connect(slot)
        return shortcut
