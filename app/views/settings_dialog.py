"""The settings dialog (设置): the station's data, the idle lock, backups, the interface language,
the documents' body font (正文字体), and the bureau hub (市局中心, ``hub_enrolment``) the station
syncs with.

The station head edits and saves; a mediator sees the same values read-only, with a note that
only the head may change them. Everything is checked before anything is written, and an error
is shown under the field it is about, with the dialog left open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DeskError, ValidationError
from app.i18n import LANGUAGES
from app.services import settings as settings_service
from app.services.settings import BACKUP_KEEP, IDLE_LOCK_MINUTES, StationSettings
from app.services.station import StationInfo, station_info
from app.sync import enrolment
from app.sync.enrolment import Enrolled
from app.sync.retry import RetryPolicy
from app.views.field_errors import (
    EnterMovesFocus,
    FieldErrors,
    field_label,
    message_label,
    select_data,
)
from app.views.hub_enrolment import HubEnrolmentBox
from app.views.step_dialogs_base import EnterClicksButton

if TYPE_CHECKING:
    from app.models.store import Store
    from app.services.actor import Actor


@dataclass(frozen=True)
class SettingsServices:
    """What the settings dialog may do, as plain callables; ``for_store`` binds the real services.

    Attributes:
        station: the station's data now.
        settings: the station's settings now.
        check: raises ValidationError for the first wrong field of (name, office, prefix, settings).
        update_station: saves (name, office, prefix); returns the station's data as stored.
        save_settings: saves the settings; returns them as stored.
        can_edit: whether the signed-in user may change anything (the station head).
        default_backup_folder: where backups go when no folder is set, shown as a hint.
        hub_url: the bureau hub's address the station enrolled with; None if it has not.
        enrolled: whether the station has both the hub's address and its station secret.
        enrol: enrols with the hub at (address, one-time code); None: no 登记… button.
    """

    station: Callable[[], StationInfo]
    settings: Callable[[], StationSettings]
    check: Callable[[str, str, str, StationSettings], None]
    update_station: Callable[[str, str, str], StationInfo]
    save_settings: Callable[[StationSettings], StationSettings]
    can_edit: bool
    default_backup_folder: str = ""
    hub_url: Callable[[], str | None] = lambda: None
    enrolled: Callable[[], bool] = lambda: False
    enrol: Callable[[str, str], Enrolled] | None = None

    @classmethod
    def for_store(cls, store: Store, actor: Actor) -> SettingsServices:
        def check(name: str, office_name: str, doc_prefix: str, settings: StationSettings) -> None:
            settings_service.check_station_data(name, office_name, doc_prefix)
            settings_service.check_settings(settings)

        return cls(
            station=lambda: station_info(store),
            settings=lambda: settings_service.load_settings(store),
            check=check,
            update_station=lambda name, office, prefix: settings_service.update_station(
                store, actor, name, office, prefix
            ),
            save_settings=lambda settings: settings_service.save_settings(store, actor, settings),
            can_edit=actor.is_head,
            default_backup_folder=str(store.paths.backups),
            hub_url=lambda: enrolment.hub_url(store),
            enrolled=lambda: enrolment.is_enrolled(store),
            # A few quick tries: the head waits at the dialog; a scheduled sync is not waiting.
            enrol=(lambda bureau, code: enrolment.enrol(store, bureau, code, policy=RetryPolicy(attempts=3)))
            if actor.is_head
            else None,
        )


class SettingsDialog(QDialog):
    """Edits the station's data and settings; ``saved(StationInfo, StationSettings)`` after a save.

    The language takes effect at the next start; the desk should apply a new idle time at once
    (``IdleLock.set_timeout_ms``) when ``saved`` arrives.
    """

    saved = Signal(object, object)

    def __init__(self, services: SettingsServices, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._station = services.station()
        self._settings = services.settings()
        self.errors = FieldErrors()
        self._fields: dict[str, QWidget] = {}
        self._enter_moves_focus = EnterMovesFocus(self)
        self.folder_dialog: QFileDialog | None = None
        self.font_dialog: QFileDialog | None = None
        self._body_font = ""
        self.setWindowTitle(self.tr("设置"))

        layout = QVBoxLayout(self)
        self.read_only_note = message_label(information=True)
        self.read_only_note.setText(self.tr("ⓘ 只有站长可以修改站点设置；这里只供查看。"))
        layout.addWidget(self.read_only_note)
        layout.addWidget(self._build_station())
        layout.addWidget(self._build_desk())
        layout.addWidget(self._build_documents())
        layout.addWidget(self._build_backup())
        self.hub_box = HubEnrolmentBox(services.hub_url, services.enrolled, services.enrol)
        layout.addWidget(self.hub_box)
        self.error_label = message_label()
        layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox()
        self.save_button = self.button_box.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.button_box.addButton(
            self.tr("取消") if services.can_edit else self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self._enter_clicks = EnterClicksButton(self)
        buttons = (self.save_button, self.cancel_button, self.folder_button, self.font_button, self.bundled_font_button)
        for button in buttons:
            button.installEventFilter(self._enter_clicks)
        self.button_box.accepted.connect(self._on_save)
        self.button_box.rejected.connect(self.reject)
        layout.addWidget(self.button_box)

        self._fill()
        if services.can_edit:
            self.read_only_note.hide()
        else:
            self._make_read_only()
        self.name_edit.setFocus()

    # --- building ---------------------------------------------------------------------------

    def _row(self, form: QFormLayout, text: str, field: str, widget: QWidget, *extras: QWidget) -> None:
        """``widget`` answers for the service's ``field``; ``extras`` sit beside it (a button, a note)."""
        self._fields[field] = widget
        if isinstance(widget, (QLineEdit, QAbstractSpinBox, QComboBox)):
            widget.installEventFilter(self._enter_moves_focus)
        editor = self.errors.wrap(widget)
        if extras:
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.addWidget(editor, 1)
            for extra in extras:
                row_layout.addWidget(extra, 0, Qt.AlignmentFlag.AlignTop)
            editor = row
        form.addRow(field_label(text, widget), editor)

    def _build_station(self) -> QGroupBox:
        box = QGroupBox(self.tr("本站信息"))
        form = QFormLayout(box)
        self.name_edit = QLineEdit()
        self.office_edit = QLineEdit()
        self.prefix_edit = QLineEdit()
        self.kind_label = QLabel()
        self._row(form, self.tr("站点名称"), "station.name", self.name_edit)
        form.addRow(self.tr("站点类型"), self.kind_label)
        self._row(form, self.tr("发文机关"), "station.office_name", self.office_edit)
        self._row(form, self.tr("文号前缀"), "station.doc_prefix", self.prefix_edit)
        return box

    def _build_desk(self) -> QGroupBox:
        box = QGroupBox(self.tr("调解台"))
        form = QFormLayout(box)
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(*IDLE_LOCK_MINUTES)
        self.idle_spin.setSuffix(self.tr(" 分钟"))
        self.idle_spin.setToolTip(self.tr("无人操作这么久后，调解台自动锁定；解锁后一切如旧。"))
        self.language_combo = QComboBox()
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)  # each language by its own name
        self.language_note = QLabel(self.tr("重启后生效"))
        self._row(form, self.tr("自动锁定"), "settings.idle_lock_minutes", self.idle_spin)
        self._row(form, self.tr("界面语言"), "settings.language", self.language_combo, self.language_note)
        return box

    def _build_documents(self) -> QGroupBox:
        box = QGroupBox(self.tr("文书"))
        form = QFormLayout(box)
        # Shows the choice; it changes only through the buttons, so no half-typed path is saved.
        self.font_edit = QLineEdit()
        self.font_edit.setReadOnly(True)
        self.font_edit.setToolTip(self.tr("文书正文所用的字体；标题仍用内置的小标宋体。"))
        self.font_button = QPushButton(self.tr("选择…"))
        self.font_button.clicked.connect(self._choose_font)
        self.bundled_font_button = QPushButton(self.tr("用内置仿宋"))
        self.bundled_font_button.clicked.connect(self._use_bundled_font)
        self._row(
            form, self.tr("正文字体"), "settings.body_font", self.font_edit, self.font_button, self.bundled_font_button
        )
        return box

    def _build_backup(self) -> QGroupBox:
        box = QGroupBox(self.tr("备份"))
        form = QFormLayout(box)
        self.folder_edit = QLineEdit()
        self.folder_edit.setPlaceholderText(
            self.tr("默认：{folder}").format(folder=self._services.default_backup_folder)
            if self._services.default_backup_folder
            else self.tr("默认位置")
        )
        self.folder_button = QPushButton(self.tr("选择…"))
        self.folder_button.clicked.connect(self._choose_folder)
        self.keep_spin = QSpinBox()
        self.keep_spin.setRange(*BACKUP_KEEP)
        self.keep_spin.setSuffix(self.tr(" 份"))
        self.keep_spin.setToolTip(self.tr("每天的自动备份保留最近这么多份，更早的删除。"))
        self._row(form, self.tr("备份文件夹"), "settings.backup_folder", self.folder_edit, self.folder_button)
        self._row(form, self.tr("保留份数"), "settings.backup_keep", self.keep_spin)
        return box

    def _fill(self) -> None:
        station, settings = self._station, self._settings
        self.name_edit.setText(station.name)
        self.office_edit.setText(station.office_name)
        self.prefix_edit.setText(station.doc_prefix)
        kinds = {"scenic_station": self.tr("景区消费维权服务站"), "education_base": self.tr("消费教育基地")}
        self.kind_label.setText(kinds.get(station.kind.value, station.kind.label))
        self.idle_spin.setValue(settings.idle_lock_minutes)
        select_data(self.language_combo, settings.language)
        self.folder_edit.setText(settings.backup_folder)
        self.keep_spin.setValue(settings.backup_keep)
        self._show_body_font(settings.body_font)
        if settings.body_font and not Path(settings.body_font).is_file():
            # Documents cannot print until the head chooses again: say so where it is chosen.
            self.errors.show(self.font_edit, self.tr("正文字体：找不到这个字体文件，请重新选择，或改回内置仿宋"))

    def _make_read_only(self) -> None:
        for edit in (self.name_edit, self.office_edit, self.prefix_edit, self.folder_edit):
            edit.setReadOnly(True)
        for spin in (self.idle_spin, self.keep_spin):
            spin.setReadOnly(True)
            spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.language_combo.setEnabled(False)
        self.folder_button.setEnabled(False)
        self.font_button.setEnabled(False)
        self.bundled_font_button.setEnabled(False)
        self.save_button.hide()
        self.read_only_note.show()

    # --- the folder picker -------------------------------------------------------------------

    def _choose_folder(self) -> None:
        dialog = QFileDialog(self, self.tr("选择备份文件夹"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        start = self.folder_edit.text().strip() or self._services.default_backup_folder
        if start and Path(start).is_dir():
            dialog.setDirectory(start)
        dialog.fileSelected.connect(self._on_folder_chosen)
        dialog.finished.connect(dialog.deleteLater)
        self.folder_dialog = dialog
        dialog.open()

    def _on_folder_chosen(self, folder: str) -> None:
        if folder:
            self.folder_edit.setText(str(Path(folder)))
            self.errors.clear(self.folder_edit)
        self.folder_edit.setFocus()

    # --- the body font -------------------------------------------------------------------------

    def _show_body_font(self, path: str) -> None:
        self._body_font = path
        self.font_edit.setText(path or self.tr("内置仿宋 (FandolFang)"))
        self.bundled_font_button.setEnabled(bool(path) and self._services.can_edit)

    def _choose_font(self) -> None:
        dialog = QFileDialog(self, self.tr("选择正文字体"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("字体文件 (*.ttf *.ttc *.otf)"), self.tr("所有文件 (*)")])
        if (start := self._font_folder()) is not None:
            dialog.setDirectory(str(start))
        dialog.fileSelected.connect(self._on_font_chosen)
        dialog.finished.connect(dialog.deleteLater)
        self.font_dialog = dialog
        dialog.open()

    def _font_folder(self) -> Path | None:
        """Where the picker opens: the chosen font's folder, else the system's (C:\\Windows\\Fonts)."""
        folders = [Path(self._body_font).parent] if self._body_font else []
        folders += map(Path, QStandardPaths.standardLocations(QStandardPaths.StandardLocation.FontsLocation))
        return next((folder for folder in folders if folder.is_dir()), None)

    def _on_font_chosen(self, path: str) -> None:
        if path:
            self._show_body_font(str(Path(path)))
            self.errors.clear(self.font_edit)
        self.font_button.setFocus()

    def _use_bundled_font(self) -> None:
        self._show_body_font("")
        self.errors.clear(self.font_edit)
        # This button is now disabled; the focus goes to its neighbour rather than lost.
        self.font_button.setFocus()

    # --- saving -----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # No default button: Enter in a field never saves by accident (it moves to the next field).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

    def entered_settings(self) -> StationSettings:
        return StationSettings(
            idle_lock_minutes=self.idle_spin.value(),
            backup_folder=self.folder_edit.text(),
            backup_keep=self.keep_spin.value(),
            language=self.language_combo.currentData(),
            body_font=self._body_font,
        )

    def entered_station(self) -> tuple[str, str, str]:
        return self.name_edit.text(), self.office_edit.text(), self.prefix_edit.text()

    def error_text(self) -> str:
        """The message the dialog shows now, under a field or below the form; "" when none."""
        for widget in self._fields.values():
            if message := self.errors.message(widget):
                return message
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def field_error(self, field: str) -> str:
        widget = self._fields.get(field)
        return self.errors.message(widget) if widget is not None else ""

    def _on_save(self) -> None:
        self._clear_errors()
        if not self._services.can_edit:
            return
        name, office, prefix = self.entered_station()
        settings = self.entered_settings()
        station = (self._station.name, self._station.office_name, self._station.doc_prefix)
        try:
            # Everything is checked first, so a wrong value never leaves half the changes saved.
            self._services.check(name, office, prefix, settings)
            info = self._station
            if (name.strip(), office.strip(), prefix.strip()) != station:
                info = self._services.update_station(name, office, prefix)
            self._station = info
            if settings != self._settings:
                settings = self._services.save_settings(settings)
            self._settings = settings
        except ValidationError as error:
            self._show_error(error)
            return
        except DeskError as error:
            self._show_message(str(error))
            return
        self.saved.emit(self._station, self._settings)
        self.accept()

    def _show_error(self, error: ValidationError) -> None:
        message = self.tr("{field}：{reason}").format(field=error.label, reason=error.reason)
        widget = self._fields.get(error.field)
        if widget is None:
            self._show_message(message)
            return
        self.errors.show(widget, message)
        widget.setFocus()

    def _show_message(self, text: str) -> None:
        self.error_label.setText(self.tr("⚠ {message}").format(message=text))
        self.error_label.show()

    def _clear_errors(self) -> None:
        self.errors.clear_all()
        self.error_label.clear()
        self.error_label.hide()
