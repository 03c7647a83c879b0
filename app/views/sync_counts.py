"""The sync panel's "待处理" part: what waits to go up (pending, rejected, in conflict,
quarantined), the last verified sync, and the list of the cases that need a person, from which the
station head may let a quarantined case go up again (重新上传…)."""

# Its words keep the panel's translation context: they were the panel's, and are translated there.

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton

from app.services.sync_status import SyncOverview
from app.views.icons import icon
from app.views.sync_words import last_verified_text

# Where a list item keeps its case: conflicts and quarantined cases apart, so activating one
# cannot be taken for the other.
_CONFLICT_ROLE = Qt.ItemDataRole.UserRole
_QUARANTINED_ROLE = Qt.ItemDataRole.UserRole + 1


class SyncCounts(QGroupBox):
    """The counts and the cases to look at: those in conflict (activating one asks for its
    conflict dialog) and those the hub refused, with its reason (activating one, or 重新上传…,
    asks to release it, for the head).

    Signals:
        conflicts_requested(int, str): the conflicts of this case (id, number) should be settled.
        release_requested(int, str, str): this quarantined case (id, number, the hub's reason)
            should go up again; only emitted while releasing is allowed.
    """

    conflicts_requested = Signal(int, str)
    release_requested = Signal(int, str, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(QCoreApplication.translate("SyncPanel", "待处理"))
        self._overview: SyncOverview | None = None
        self._may_release = False
        self._busy = False
        form = QFormLayout(self)
        self.pending_label = QLabel()
        self.rejected_label = QLabel()
        self.conflict_label = QLabel()
        self.quarantined_label = QLabel()
        self.verified_label = QLabel()
        self.conflict_button = QPushButton(QCoreApplication.translate("SyncPanel", "处理冲突…"))
        self.conflict_button.clicked.connect(self._on_conflict_button)
        conflict_row = QHBoxLayout()
        conflict_row.addWidget(self.conflict_label, stretch=1)
        conflict_row.addWidget(self.conflict_button)
        form.addRow(QCoreApplication.translate("SyncPanel", "待上传"), self.pending_label)
        form.addRow(QCoreApplication.translate("SyncPanel", "被拒收"), self.rejected_label)
        form.addRow(QCoreApplication.translate("SyncPanel", "有冲突"), conflict_row)
        self.release_button = QPushButton(QCoreApplication.translate("SyncPanel", "重新上传…"))
        self.release_button.clicked.connect(self._on_release_button)
        quarantined_row = QHBoxLayout()
        quarantined_row.addWidget(self.quarantined_label, stretch=1)
        quarantined_row.addWidget(self.release_button)
        form.addRow(QCoreApplication.translate("SyncPanel", "已隔离"), quarantined_row)
        form.addRow(QCoreApplication.translate("SyncPanel", "核验"), self.verified_label)
        self.attention_list = QListWidget()
        self.attention_list.setAccessibleName(QCoreApplication.translate("SyncPanel", "需要处理的案件"))
        self.attention_list.setMaximumHeight(self.attention_list.fontMetrics().lineSpacing() * 6)
        self.attention_list.itemActivated.connect(self._on_attention_activated)
        self.attention_list.currentItemChanged.connect(self._show_release_allowed)
        form.addRow(self.attention_list)
        self._show_release_allowed()

    def allow_release(self, may_release: bool, *, busy: bool = False) -> None:
        """Whether this user may release quarantined cases (the head), and whether a sync runs
        now (a release waits for it to end, so the case is not half in this sync)."""
        self._may_release, self._busy = may_release, busy
        self._show_release_allowed()

    def show_overview(self, overview: SyncOverview) -> None:
        self._overview = overview
        self.pending_label.setText(QCoreApplication.translate("SyncPanel", "%n 条办理记录", "", overview.pending))
        self.rejected_label.setText(QCoreApplication.translate("SyncPanel", "%n 条", "", overview.rejected))
        self.conflict_label.setText(QCoreApplication.translate("SyncPanel", "%n 件案件", "", len(overview.conflict_cases)))
        self.quarantined_label.setText(
            QCoreApplication.translate("SyncPanel", "%n 件案件", "", len(overview.quarantined_cases))
            + (QCoreApplication.translate("SyncPanel", "（其后的 {held} 条记录暂不上传）").format(held=overview.held) if overview.held else "")
        )
        self.verified_label.setText(last_verified_text(overview))
        self.conflict_button.setEnabled(bool(overview.conflict_cases))
        self.attention_list.clear()
        for case in overview.conflict_cases:
            item = QListWidgetItem(icon("conflict"), QCoreApplication.translate("SyncPanel", "{number} · 有冲突（%n 个字段）", "", case.conflicts).format(number=case.number))
            item.setData(_CONFLICT_ROLE, (case.case_id, case.number))
            self.attention_list.addItem(item)
        for case in overview.quarantined_cases:
            text = QCoreApplication.translate("SyncPanel", "{number} · 被拒收：{reason}").format(number=case.number, reason=case.reason)
            item = QListWidgetItem(icon("rejected"), text)
            item.setToolTip(QCoreApplication.translate("SyncPanel", "中心拒收了此案的记录，此案暂停上传，请联系市局核对。"))
            item.setData(_QUARANTINED_ROLE, (case.case_id, case.number, case.reason))
            self.attention_list.addItem(item)
        self.attention_list.setVisible(self.attention_list.count() > 0)
        self._show_release_allowed()

    def chosen_quarantined(self) -> tuple[int, str, str] | None:
        """The quarantined case (id, number, reason) chosen in the list, or None."""
        item = self.attention_list.currentItem()
        return item.data(_QUARANTINED_ROLE) if item is not None else None

    def _show_release_allowed(self, *_items) -> None:
        if not self._may_release:
            tip = QCoreApplication.translate("SyncPanel", "只有站长可以让被隔离的案件重新上传。")
        elif self._busy:
            tip = QCoreApplication.translate("SyncPanel", "正在同步：同步结束后才能重新上传。")
        else:
            tip = QCoreApplication.translate("SyncPanel", "在下方列表中选中一件被拒收的案件，让它在下次同步时重新上传。")
        self.release_button.setToolTip(tip)
        self.release_button.setEnabled(self._may_release and not self._busy and self.chosen_quarantined() is not None)

    def chosen_conflict(self) -> tuple[int, str] | None:
        """The case (id, number) chosen in the list, or the first with conflicts if none is."""
        item = self.attention_list.currentItem()
        chosen = item.data(_CONFLICT_ROLE) if item is not None else None
        if chosen is None:
            if not self._overview or not self._overview.conflict_cases:
                return None
            first = self._overview.conflict_cases[0]
            chosen = (first.case_id, first.number)
        return chosen

    def _on_conflict_button(self) -> None:
        chosen = self.chosen_conflict()
        if chosen is not None:
            self.conflicts_requested.emit(*chosen)

    def _on_release_button(self) -> None:
        chosen = self.chosen_quarantined()
        if chosen is not None and self.release_button.isEnabled():
            self.release_requested.emit(*chosen)

    def _on_attention_activated(self, item: QListWidgetItem) -> None:
        chosen = item.data(_CONFLICT_ROLE)
        if chosen is not None:
            self.conflicts_requested.emit(*chosen)
        elif item.data(_QUARANTINED_ROLE) is not None:
            self._on_release_button()  # Enter on a refused case: the head is asked, as by the button
