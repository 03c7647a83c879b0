"""The settings dialog's 市局中心 part: the bureau hub's address, whether the station is enrolled,
and "登记…", which asks for the one-time code and enrols in the background (the same logic as
``mediation-desk enroll``). Enrolling takes effect at once; it is not part of 保存."""

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QPushButton, QWidget

from app.domain.errors import DeskError
from app.sync.enrolment import Enrolled, check_hub_url
from app.tasks import run_in_background
from app.views.error_dialog import show_error
from app.views.field_errors import EnterMovesFocus, FieldErrors, field_label
from app.views.step_dialogs_base import EnterClicksButton


class HubEnrolmentBox(QGroupBox):
    """The hub's address and the 登记… button (shown only when ``enrol`` is given: the head).

    Signals:
        enrolled(Enrolled): the hub accepted the code; the secret is in the keyring.
    """

    enrolled = Signal(object)

    def __init__(
        self,
        hub_url: Callable[[], str | None],
        is_enrolled: Callable[[], bool],
        enrol: Callable[[str, str], Enrolled] | None,
        parent: QWidget | None = None,
    ):
        super().__init__(self.tr("市局中心"), parent)
        self._hub_url = hub_url
        self._is_enrolled = is_enrolled
        self._enrol = enrol
        self.code_dialog: QInputDialog | None = None
        self.errors = FieldErrors()

        self.hub_edit = QLineEdit(hub_url() or "")
        self.hub_edit.setPlaceholderText(self.tr("如 https://hub.example.gov.cn"))
        self._enter_moves_focus = EnterMovesFocus(self)
        self.hub_edit.installEventFilter(self._enter_moves_focus)
        self.enrol_button = QPushButton(self.tr("登记…"))
        self.enrol_button.setToolTip(
            self.tr("用市局给的一次性登记码把本站登记到市局中心；登记立即生效，不需要再点“保存”。")
        )
        self.enrol_button.clicked.connect(self.ask_for_code)
        self._enter_clicks = EnterClicksButton(self)
        self.enrol_button.installEventFilter(self._enter_clicks)
        if enrol is None:
            self.enrol_button.hide()
            self.hub_edit.setReadOnly(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        address = QWidget()
        row = QHBoxLayout(address)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.errors.wrap(self.hub_edit), 1)
        row.addWidget(self.enrol_button, 0, Qt.AlignmentFlag.AlignTop)
        form = QFormLayout(self)
        form.addRow(field_label(self.tr("地址"), self.hub_edit), address)
        form.addRow(self.tr("状态"), self.status_label)
        self.show_status()

    def show_status(self) -> None:
        if self._is_enrolled():
            self.status_label.setText(self.tr("已登记，可以同步。"))
        elif self._hub_url():
            self.status_label.setText(self.tr("⚠ 本机的系统密钥环中没有本站的站点密钥：请用新的登记码重新登记。"))
        else:
            self.status_label.setText(self.tr("尚未登记。"))

    def address_error(self) -> str:
        return self.errors.message(self.hub_edit)

    def ask_for_code(self) -> QInputDialog | None:
        """Check the address, then ask for the one-time code (without blocking)."""
        self.errors.clear(self.hub_edit)
        try:
            address = check_hub_url(self.hub_edit.text())
        except DeskError as error:
            self.errors.show(self.hub_edit, str(error))
            self.hub_edit.setFocus()
            return None
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("登记到市局中心"))
        dialog.setLabelText(self.tr("请输入市局给本站的一次性登记码（如 ABCD-EFGH-JKLM-NPQR）："))
        dialog.setOkButtonText(self.tr("登记"))
        dialog.setCancelButtonText(self.tr("取消"))
        dialog.textValueSelected.connect(lambda code: self._start_enrolment(address, code))
        dialog.finished.connect(dialog.deleteLater)
        self.code_dialog = dialog
        dialog.open()
        return dialog

    def _start_enrolment(self, address: str, code: str) -> None:
        enrol = self._enrol
        self.enrol_button.setEnabled(False)
        self.status_label.setText(self.tr("正在登记…"))
        # No progress dialog: the status line says what is going on, and the button waits.
        task = run_in_background(
            lambda: enrol(address, code), on_success=self._on_enrolled, on_failure=self._on_failed, parent=self
        )
        task.finished.connect(lambda: self.enrol_button.setEnabled(True))

    def _on_enrolled(self, answer: Enrolled) -> None:
        self.hub_edit.setText(answer.hub_url)
        self.status_label.setText(
            self.tr("已登记到 {url}（中心所记的站点名称：{name}）。站点密钥已存入系统密钥环。").format(
                url=answer.hub_url, name=answer.station_name
            )
        )
        self.enrolled.emit(answer)

    def _on_failed(self, error: Exception) -> None:
        if not isinstance(error, DeskError):
            self.show_status()
            show_error(error, self)
            return
        self.status_label.setText(self.tr("⚠ 登记没有成功：{message}").format(message=str(error)))
