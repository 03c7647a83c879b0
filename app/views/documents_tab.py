"""The case detail's 文书 tab: the documents issued for the case, and issuing one.

An issued document is archived as the exact PDF given out; "查看" shows that archive, so printing
it again is a true reprint. "出具文书…" lists the forms: one that does not apply now is disabled,
its reason as the tooltip. How a form is issued is ``document_issuing``'s job.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.domain import clock
from app.services.step_documents import form_for_step
from app.views.document_issuing import DocumentIssuer, DocumentServices
from app.views.icons import icon

if TYPE_CHECKING:
    from app.services.documents import FormChoice, IssuedView

DocumentIdRole = Qt.ItemDataRole.UserRole + 1


class DocumentsTab(QWidget):
    """The documents of one case: ``show_case(case_id)`` reads them, ``reload()`` reads them again.

    ``offer_bar`` is meant for the case detail's top: after a step that calls for a document it
    offers "出具并打印…" (``offer_after``). Every dialog the tab opens is emitted with
    ``dialog_opened``.

    Signals:
        dialog_opened(QDialog): a preview, question or warning was opened (without blocking).
        issued(): a document was issued; the case's history has grown.
    """

    dialog_opened = Signal(QDialog)
    issued = Signal()

    TITLE, NUMBER, WHEN, WHO, CORRECTION = range(5)

    def __init__(self, services: DocumentServices, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._case_id: int | None = None
        self.issuer = DocumentIssuer(services, self)
        self._documents: list[IssuedView] = []
        self._forms: list[FormChoice] = []
        self._offered: FormChoice | None = None

        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("文书"), self.tr("文号"), self.tr("出具时间"), self.tr("出具人"), self.tr("更正")]
        )
        self.table = QTreeView()
        self.table.setModel(self.model)
        self.table.setRootIsDecorated(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.empty_label = QLabel(self.tr("本案尚未出具文书。"))

        self.view_button = QPushButton(self.tr("查看"))
        self.view_button.setEnabled(False)
        self.forms_menu = QMenu(self)
        self.forms_menu.setToolTipsVisible(True)
        self.issue_button = QPushButton(self.tr("出具文书…"))
        self.issue_button.setMenu(self.forms_menu)

        self.offer_bar = QFrame()
        self.offer_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.offer_label = QLabel()
        self.offer_button = QPushButton(icon("print"), self.tr("出具并打印…"))
        self.dismiss_offer_button = QPushButton(self.tr("暂不出具"))
        offer_layout = QHBoxLayout(self.offer_bar)
        offer_layout.addWidget(self.offer_label, 1)
        offer_layout.addWidget(self.offer_button)
        offer_layout.addWidget(self.dismiss_offer_button)
        self.offer_bar.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.view_button)
        buttons.addWidget(self.issue_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)

        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.view_button.setEnabled(current.isValid())
        )
        self.table.activated.connect(lambda index: self.view_document(self._document_at(index)))
        self.view_button.clicked.connect(lambda: self.view_document(self.selected_document()))
        self.offer_button.clicked.connect(self._take_offer)
        self.dismiss_offer_button.clicked.connect(self.offer_bar.hide)
        self.issuer.dialog_opened.connect(self.dialog_opened)
        self.issuer.issued.connect(self._after_issue)

    # --- the list ---------------------------------------------------------------------------

    def show_case(self, case_id: int) -> None:
        """Show the documents of ``case_id``; an offer made for another case goes."""
        if case_id != self._case_id:
            self._case_id = case_id
            self.issuer.case_id = case_id
            self.offer_bar.hide()
        self.reload()

    def reload(self) -> None:
        """Read the case's documents and the forms as they stand now."""
        self._documents = self._services.issued(self._case_id)
        self._forms = self._services.forms(self._case_id)
        self._fill_table()
        self._fill_menu()

    def _fill_table(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        numbers = {document.id: document.number or document.title for document in self._documents}
        for document in self._documents:
            title = QStandardItem(document.title)
            title.setData(document.id, DocumentIdRole)
            row = [
                title,
                QStandardItem(document.number or self.tr("（无文号）")),
                QStandardItem(clock.format_local(document.issued_at)),
                QStandardItem(document.issued_by_name),
                QStandardItem(),
            ]
            self.model.appendRow(row)
            links = []
            if document.corrects_id is not None:
                links.append(self._link(self.tr("更正了 {number}"), document.corrects_id, numbers))
            if document.corrected_by_id is not None:
                links.append(self._link(self.tr("已被更正（见 {number}）"), document.corrected_by_id, numbers))
            if links:
                label = QLabel(" ".join(links))
                label.setTextFormat(Qt.TextFormat.RichText)
                label.linkActivated.connect(lambda href: self.select(int(href)))
                self.table.setIndexWidget(self.model.index(self.model.rowCount() - 1, self.CORRECTION), label)
        for column in range(self.model.columnCount()):
            self.table.resizeColumnToContents(column)
        self.empty_label.setVisible(not self._documents)
        self.view_button.setEnabled(self.table.currentIndex().isValid())

    @staticmethod
    def _link(text: str, document_id: int, numbers: dict[int, str]) -> str:
        number = html.escape(numbers.get(document_id, str(document_id)))
        return text.format(number=f'<a href="{document_id}">{number}</a>')

    def _fill_menu(self) -> None:
        self.forms_menu.clear()
        for choice in self._forms:
            text = choice.title
            if choice.issued is not None:
                text = self.tr("{title}（已出具 {number}）").format(
                    title=choice.title, number=choice.issued.number or clock.format_local(choice.issued.issued_at)
                )
            action = self.forms_menu.addAction(text)
            action.setData(choice.name)
            action.setEnabled(choice.applies)
            if not choice.applies:
                action.setToolTip(choice.reason)
            action.triggered.connect(lambda _checked=False, name=choice.name: self.choose_form(name))
        self.issue_button.setEnabled(bool(self._forms))

    def row_texts(self, row: int) -> list[str]:
        """What row ``row`` shows, column by column (the links as plain text)."""
        texts = [self.model.item(row, column).text() for column in range(self.CORRECTION)]
        label = self.table.indexWidget(self.model.index(row, self.CORRECTION))
        links = QTextDocumentFragment.fromHtml(label.text()).toPlainText() if isinstance(label, QLabel) else ""
        return [*texts, links]

    def select(self, document_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.item(row).data(DocumentIdRole) == document_id:
                self.table.setCurrentIndex(self.model.index(row, 0))
                return

    def selected_document(self) -> IssuedView | None:
        return self._document_at(self.table.currentIndex())

    def _document_at(self, index: QModelIndex) -> IssuedView | None:
        if not index.isValid():
            return None
        document_id = self.model.item(index.row()).data(DocumentIdRole)
        return next((d for d in self._documents if d.id == document_id), None)

    # --- viewing and issuing ----------------------------------------------------------------

    def view_document(self, document: IssuedView | None) -> None:
        """Show the archived PDF of ``document``; printing it from there is a reprint."""
        if document is not None:
            self.issuer.show_issued(document)

    def choose_form(self, name: str, *, print_after_issue: bool = False) -> None:
        """What choosing form ``name`` in "出具文书…" does."""
        choice = next((c for c in self._forms if c.name == name), None)
        if choice is not None:
            self.issuer.choose(choice, print_after_issue=print_after_issue)

    def _after_issue(self, form: str) -> None:
        if self._offered is not None and self._offered.name == form:
            self.offer_bar.hide()
        self.reload()
        self.issued.emit()

    # --- the offer after a step -------------------------------------------------------------

    def offer_after(self, step: str) -> None:
        """After ``step`` succeeded, offer the document it calls for, if that applies and is not issued."""
        form = form_for_step(step)
        if form is None:
            return
        choice = next((c for c in self._forms if c.name == form), None)
        if choice is None or not choice.applies or choice.issued is not None:
            return
        self._offered = choice
        self.offer_label.setText(self.tr("可出具：{title}").format(title=choice.title))
        self.offer_bar.show()

    def _take_offer(self) -> None:
        if self._offered is not None:
            self.choose_form(self._offered.name, print_after_issue=True)

