"""The first-run wizard (首次使用向导): a new station, its head's account, and the recovery key.

Shown when the data folder has no store yet. The first two pages only collect and check; the
third creates the store through ``create`` (which the desk binds to ``create_store`` and
``set_up_station``) and cannot be gone back over; the last shows the recovery key once and
lets the wizard finish only when the head says it is copied and types its last group back.
"""

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.domain.errors import DeskError, ValidationError
from app.domain.vocabulary import StationKind
from app.services.accounts import check_new_account
from app.services.station import StationSetup, check_setup
from app.views.field_errors import (
    EnterMovesFocus,
    FieldErrors,
    field_label,
    message_label,
)

log = logging.getLogger(__name__)

Create = Callable[[StationSetup, str, str, str], str]  # (setup, username, name, password) -> recovery code


class _FormPage(QWizardPage):
    """A page of fields, each with its error line; ``show_error`` puts a ValidationError under its field."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.errors = FieldErrors()
        self._fields: dict[str, QWidget] = {}
        self._enter_moves_focus = EnterMovesFocus(self)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.message_label = message_label()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message_label)

    def _row(self, text: str, field: str, widget: QWidget, *, enter_moves_on: bool = True) -> QWidget:
        """Add ``widget`` for the service's ``field``. Enter moves to the next field, except in
        the page's last field, where it goes on to the next page (QWizard's default button)."""
        self._fields[field] = widget
        if enter_moves_on:
            widget.installEventFilter(self._enter_moves_focus)
        self.form.addRow(field_label(text, widget, required=True), self.errors.wrap(widget))
        return widget

    def error_text(self) -> str:
        """The message the page shows now, under a field or below the form; "" when none."""
        for widget in self._fields.values():
            if message := self.errors.message(widget):
                return message
        return self.message_label.text() if not self.message_label.isHidden() else ""

    def field_error(self, field: str) -> str:
        widget = self._fields.get(field)
        return self.errors.message(widget) if widget is not None else ""

    def show_error(self, error: ValidationError) -> None:
        widget = self._fields.get(error.field)
        message = self.tr("{field}：{reason}").format(field=error.label, reason=error.reason)
        if widget is None:
            self.show_message(message)
            return
        self.errors.show(widget, message)
        widget.setFocus()

    def show_message(self, text: str) -> None:
        self.message_label.setText(self.tr("⚠ {message}").format(message=text))
        self.message_label.show()

    def clear_errors(self) -> None:
        self.errors.clear_all()
        self.message_label.clear()
        self.message_label.hide()


class StationPage(_FormPage):
    """(a) The station: name, kind, issuing office, document number prefix."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("本站信息"))
        self.setSubTitle(self.tr("站点名称和发文机关将印在每一份文书上，以后可在“设置”中修改。"))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("如：西湖景区消费维权服务站"))
        self.kind_combo = QComboBox()
        kind_labels = {
            StationKind.SCENIC_STATION: self.tr("景区消费维权服务站"),
            StationKind.EDUCATION_BASE: self.tr("消费教育基地"),
        }
        for kind in StationKind:
            self.kind_combo.addItem(kind_labels.get(kind, kind.label), kind.value)
        self.office_edit = QLineEdit()
        self.office_edit.setPlaceholderText(self.tr("如：杭州市西湖区市场监督管理局"))
        self.prefix_edit = QLineEdit()
        self.prefix_edit.setPlaceholderText(self.tr("如：西市监投"))
        self._row(self.tr("站点名称"), "station.name", self.name_edit)
        self._row(self.tr("站点类型"), "station.kind", self.kind_combo)
        self._row(self.tr("发文机关"), "station.office_name", self.office_edit)
        self._row(self.tr("文号前缀"), "station.doc_prefix", self.prefix_edit, enter_moves_on=False)
        self.setTabOrder(self.name_edit, self.kind_combo)
        self.setTabOrder(self.kind_combo, self.office_edit)
        self.setTabOrder(self.office_edit, self.prefix_edit)
        self.setup: StationSetup | None = None

    def initializePage(self) -> None:
        self.name_edit.setFocus()

    def raw_setup(self) -> StationSetup:
        return StationSetup(
            name=self.name_edit.text(),
            kind=StationKind(self.kind_combo.currentData()),
            office_name=self.office_edit.text(),
            doc_prefix=self.prefix_edit.text(),
        )

    def validatePage(self) -> bool:
        self.clear_errors()
        try:
            self.setup = check_setup(self.raw_setup())
        except ValidationError as error:
            self.show_error(error)
            return False
        return True


class HeadPage(_FormPage):
    """(b) The station head's account: username, name, password twice."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("站长账户"))
        self.setSubTitle(self.tr("站长可以确认不予受理、终止调解等需要站长决定的事项，并管理本站设置。"))
        self.username_edit = QLineEdit()
        self.name_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setToolTip(self.tr("至少 8 个字符，不能只用数字或只用字母"))
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self._row(self.tr("用户名"), "username", self.username_edit)
        self._row(self.tr("姓名"), "display_name", self.name_edit)
        self._row(self.tr("密码"), "password", self.password_edit)
        self._row(self.tr("再次输入密码"), "password_again", self.repeat_edit, enter_moves_on=False)
        self.account: tuple[str, str] | None = None

    def initializePage(self) -> None:
        self.username_edit.setFocus()

    def validatePage(self) -> bool:
        self.clear_errors()
        try:
            self.account = check_new_account(
                self.username_edit.text(), self.name_edit.text(), self.password_edit.text()
            )
        except ValidationError as error:
            self.show_error(error)
            return False
        if self.repeat_edit.text() != self.password_edit.text():
            self.show_error(ValidationError("password_again", self.tr("再次输入密码"), self.tr("两次输入的密码不一致")))
            return False
        return True

    def password(self) -> str:
        return self.password_edit.text()

    def forget_password(self) -> None:
        self.password_edit.clear()
        self.repeat_edit.clear()


class CreatePage(_FormPage):
    """(c) What will be created; "建立站点" creates it. Once done, there is no going back."""

    def __init__(self, create: Create, location: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._create = create
        self._location = location
        self.setTitle(self.tr("建立站点"))
        self.setSubTitle(
            self.tr("将建立加密的站点数据库，其密钥保存在本机的系统密钥环中。建立后将显示一次恢复密钥。")
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("建立站点"))
        self.summary_label = QLabel()
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        self.form.addRow(self.summary_label)
        self.recovery_code: str | None = None

    def initializePage(self) -> None:
        self.clear_errors()
        wizard = self.wizard()
        setup: StationSetup = wizard.station_page.setup
        username, name = wizard.head_page.account
        kind_label = wizard.station_page.kind_combo.currentText()
        lines = [
            self.tr("站点名称：{name}").format(name=setup.name),
            self.tr("站点类型：{kind}").format(kind=kind_label),
            self.tr("发文机关：{office}").format(office=setup.office_name),
            self.tr("文号前缀：{prefix}").format(prefix=setup.doc_prefix),
            self.tr("站长：{name}（用户名 {username}）").format(name=name, username=username),
        ]
        if self._location:
            lines.append(self.tr("数据文件夹：{folder}").format(folder=self._location))
        self.summary_label.setText("\n".join(lines))

    def validatePage(self) -> bool:
        if self.recovery_code is not None:
            return True
        self.clear_errors()
        wizard = self.wizard()
        username, name = wizard.head_page.account
        try:
            code = self._create(wizard.station_page.setup, username, name, wizard.head_page.password())
        except ValidationError as error:
            self.show_message(self.tr("{field}：{reason}").format(field=error.label, reason=error.reason))
            return False
        except DeskError as error:
            self.show_message(str(error))
            return False
        log.info("station created by the first-run wizard")
        self.recovery_code = code
        wizard.head_page.forget_password()
        wizard.created = True
        return True


def last_group(code: str) -> str:
    return code.rsplit("-", 1)[-1]


class RecoveryPage(QWizardPage):
    """(d) The recovery key, shown once; Finish only after "我已抄写" and its last group typed back."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("恢复密钥"))
        self.setSubTitle(
            self.tr("请站长现在把恢复密钥抄写在纸上，妥善保管。它只显示这一次；换电脑或重装系统时，凭它才能打开本站数据。")
        )
        self.code_label = QLabel()
        self.code_label.setTextFormat(Qt.TextFormat.PlainText)
        self.code_label.setWordWrap(True)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.6)
        font.setWeight(QFont.Weight.Bold)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1)
        self.code_label.setFont(font)
        self.code_label.setAccessibleName(self.tr("恢复密钥"))
        self.copied_box = QCheckBox(self.tr("我已抄写"))
        self.last_group_edit = QLineEdit()
        self.last_group_edit.setMaxLength(5)
        self.last_group_edit.setFont(font)
        self.mismatch_label = message_label()
        form = QFormLayout()
        form.addRow(field_label(self.tr("请输入恢复密钥的最后一组"), self.last_group_edit), self.last_group_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.code_label)
        layout.addWidget(self.copied_box)
        layout.addLayout(form)
        layout.addWidget(self.mismatch_label)
        self.copied_box.toggled.connect(self._on_changed)
        self.last_group_edit.textChanged.connect(self._on_changed)
        self._code = ""

    def initializePage(self) -> None:
        self._code = self.wizard().create_page.recovery_code or ""
        self.code_label.setText(self._code)
        self.copied_box.setFocus()

    def typed_group_matches(self) -> bool:
        typed = self.last_group_edit.text().strip().upper()
        return bool(self._code) and typed == last_group(self._code).upper()

    def isComplete(self) -> bool:
        return self.copied_box.isChecked() and self.typed_group_matches()

    def _on_changed(self) -> None:
        typed = self.last_group_edit.text().strip()
        wrong = len(typed) == len(last_group(self._code)) and not self.typed_group_matches()
        if wrong:
            self.mismatch_label.setText(self.tr("⚠ 与恢复密钥的最后一组不符，请核对抄写的内容"))
            self.mismatch_label.show()
        else:
            self.mismatch_label.hide()
        self.completeChanged.emit()

    def forget(self) -> None:
        self._code = ""
        self.code_label.clear()


class FirstRunWizard(QWizard):
    """Sets up a new station. ``created`` is True once the store exists (from page (c) on).

    Args:
        create: makes the store, the station and the head's account; returns the recovery code.
            A DeskError (no keyring, say) is shown on the page, which stays for another try.
        location: the data folder, shown on the summary page.
    """

    def __init__(self, create: Create, *, location: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.created = False
        self.setWindowTitle(self.tr("首次使用：建立本站"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.station_page = StationPage()
        self.head_page = HeadPage()
        self.create_page = CreatePage(create, location)
        self.recovery_page = RecoveryPage()
        for page in (self.station_page, self.head_page, self.create_page, self.recovery_page):
            self.addPage(page)
        self.currentIdChanged.connect(self._on_page_changed)

    def _on_page_changed(self, _page_id: int) -> None:
        # Once the station exists it cannot be cancelled any more: only finished.
        self.button(QWizard.WizardButton.CancelButton).setEnabled(not self.created)

    def accept(self) -> None:
        # The recovery key is not kept in memory longer than it is shown.
        self.recovery_page.forget()
        self.create_page.recovery_code = ""
        super().accept()

    def reject(self) -> None:
        """Cancel, Escape or the close button: leaves before the station exists; after that the
        only way out is Finish, so the recovery key is never skipped."""
        if self.created:
            return
        super().reject()
