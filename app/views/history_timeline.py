"""The history of a case as a timeline: who, when (Beijing time), what, and each field old → new.

The domain's words come from ``CaseWords`` (``app.views.case_words``). Codes and account ids the
history holds (category, problem kind, mediator) are shown by name, from the ``ReferenceNames``
the case detail carries.
"""

from datetime import datetime

from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from app.domain import clock
from app.domain.grounds import refusal_grounds, termination_grounds
from app.domain.privacy import mask_id, mask_phone
from app.domain.rules import Rule
from app.domain.vocabulary import PauseKind
from app.services.details import HistoryView, ReferenceNames
from app.views.case_words import CaseWords, category_text

# Facts a step records beside the case's own fields: shown as one row each, not as old → new.
_FACTS = ("session", "pause", "follow_up", "proposal", "reason")


class HistoryTimeline(QWidget):
    """Every recorded change of one case, newest first.

    Each entry is a row (when in Beijing time, who by name, what); its changed fields are rows
    under it reading ``字段：旧值 → 新值``. Phone and ID numbers are masked unless
    ``set_full_numbers(True)``.
    """

    WHEN, WHO, WHAT = range(3)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._entries: list[HistoryView] = []
        self._rule = Rule.ORDER_121
        self._names = ReferenceNames()
        self._full_numbers = False
        self._action = ""  # the entry being shown: tells a refusal ground from a termination ground

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("时间"), self.tr("操作人"), self.tr("事项")])
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAccessibleName(self.tr("办理记录"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)

    def set_history(self, entries: list[HistoryView], rule: Rule, names: ReferenceNames | None = None) -> None:
        """Show ``entries``; ``names`` turns the codes and account ids they hold into names."""
        self._entries = list(entries)
        self._rule = rule
        self._names = names or ReferenceNames()
        self._fill()

    def set_full_numbers(self, full: bool) -> None:
        self._full_numbers = full
        self._fill()

    def entry_count(self) -> int:
        return self.tree.topLevelItemCount()

    def entry_texts(self, row: int) -> list[str]:
        """The entry's own columns followed by its change rows, as shown (newest entry is row 0)."""
        item = self.tree.topLevelItem(row)
        own = [item.text(column) for column in range(self.tree.columnCount())]
        return own + [item.child(i).text(0) for i in range(item.childCount())]

    def _fill(self) -> None:
        self.tree.clear()
        for entry in reversed(self._entries):
            self._action = entry.action
            item = QTreeWidgetItem([clock.format_local(entry.at), entry.who, CaseWords.action(entry.action)])
            for line in self._change_lines(entry.changes):
                QTreeWidgetItem(item, [line])
            self.tree.addTopLevelItem(item)
            # Spanning takes effect only once the item is in the tree.
            for i in range(item.childCount()):
                item.child(i).setFirstColumnSpanned(True)
        self.tree.expandAll()
        # The change rows span the first column, so size it for the time, not for them.
        metrics = self.tree.fontMetrics()
        self.tree.setColumnWidth(self.WHEN, metrics.horizontalAdvance("0000-00-00 00:00") + self.tree.indentation() + 16)
        self.tree.resizeColumnToContents(self.WHO)

    def _change_lines(self, changes: dict) -> list[str]:
        lines = []
        for name, value in changes.items():
            if name == "party" and isinstance(value, dict):
                party_changes = value.get("changes", {})
                for field_name, (old, new) in party_changes.items():
                    if field_name == "business_id":
                        continue  # follows from the name and credit code, which have their own lines
                    label = self.tr("当事人·{field}").format(field=CaseWords.field(field_name))
                    lines.append(self._change_line(label, field_name, old, new))
            elif name not in _FACTS and isinstance(value, list) and len(value) == 2:
                lines.append(self._change_line(CaseWords.field(name), name, value[0], value[1]))
            else:
                lines.append(self.tr("{field}：{value}").format(field=CaseWords.field(name), value=self._fact(value)))
        return lines

    def _change_line(self, label: str, name: str, old: object, new: object) -> str:
        return self.tr("{field}：{old} → {new}").format(
            field=label, old=self._value(name, old), new=self._value(name, new)
        )

    def _fact(self, value: object) -> str:
        if not isinstance(value, dict):
            return self._value("", value)
        parts = [
            self.tr("{field} {value}").format(field=CaseWords.field(key), value=self._value(key, item))
            for key, item in value.items()
            if key != "id"
        ]
        return self.tr("；").join(parts) if parts else self.tr("（已记录）")

    def _value(self, name: str, value: object) -> str:
        if value is None or value == "":
            return self.tr("（空）")
        if isinstance(value, bool):
            return self.tr("是") if value else self.tr("否")
        if name == "state":
            return CaseWords.state(value)
        if name == "kind":
            # A case's kind (投诉) or a clock pause's (鉴定检测): the two never share a code.
            return CaseWords.pause_kind(value) if value in {k.value for k in PauseKind} else CaseWords.kind(value)
        if name == "mode":
            return CaseWords.session_mode(value)
        if name == "satisfaction":
            return CaseWords.satisfaction(value)
        if name == "id_type":
            return CaseWords.id_type(value)
        if name == "category_code":
            return category_text(self._names.category(value))
        if name == "problem_code":
            return self._names.problem_kind(value)
        if name == "mediator_id" and isinstance(value, int):
            return self._names.user(value)
        if name in ("refusal_ground", "termination_ground", "ground") and isinstance(value, int):
            return self._ground(name, value)
        if name in ("amount_involved", "amount_recovered"):
            return self.tr("{amount} 元").format(amount=value)
        if name == "agreement_terms" and isinstance(value, str):
            return self.tr("；").join(f"{i}. {term}" for i, term in enumerate(value.split("\n"), start=1))
        if name == "starts_at" and isinstance(value, str):
            return clock.format_local(datetime.fromisoformat(value))
        if name == "phone" and not self._full_numbers:
            return mask_phone(str(value))
        if name == "id_number" and not self._full_numbers:
            return mask_id(str(value))
        if isinstance(value, dict):
            return self._fact(value)
        if isinstance(value, list):
            return self.tr("、").join(self._value(name, item) for item in value)
        return str(value)

    def _ground(self, name: str, number: int) -> str:
        """``第十六条（三）``: the item of the rule's list the ground was chosen from."""
        if name == "refusal_ground" or (name == "ground" and self._action.endswith("refuse")):
            grounds = refusal_grounds(self._rule)
        elif name == "termination_ground" or (name == "ground" and self._action.endswith("terminate")):
            grounds = termination_grounds(self._rule)
        else:
            grounds = None
        if grounds is not None and 1 <= number <= len(grounds.grounds):
            return grounds.article + grounds.grounds[number - 1].item
        return self.tr("第 {number} 项").format(number=number)
