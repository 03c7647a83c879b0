"""Showing where the searched text is in a list's cells: the matched substrings get a highlight
background; everything else (icon, selection, focus, elision) is painted as Qt paints it.

The model says what to look for, per cell, through ``SearchTextRole`` (nothing for a cell the
search does not cover). Matching is done on the text shown, never on the value behind it, so a
masked phone number (``138****8000``) is never highlighted through its mask: a match that takes
in a masked character would tell which digits are hidden, and is left plain.
"""

import re
from os.path import commonprefix

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

SearchTextRole = Qt.ItemDataRole.UserRole + 2
MASK = "*"  # what app.domain.privacy shows in place of a hidden digit
HIGHLIGHT_BACKGROUND = QColor(255, 214, 102)
HIGHLIGHT_TEXT = QColor(0, 0, 0)  # dark on the light highlight, on a selected row too

# (start, length) of a highlighted run, in characters of the cell's text.
Range = tuple[int, int]


def match_ranges(text: str, query: str) -> list[Range]:
    """Where ``query`` occurs in ``text``, ignoring case as the search does, without overlaps;
    occurrences that take in a masked character are left out."""
    query = query.strip()
    if not query or not text:
        return []
    return [
        (found.start(), len(found.group()))
        for found in re.finditer(re.escape(query), text, re.IGNORECASE)
        if MASK not in found.group()
    ]


def shown_ranges(ranges: list[Range], text: str, shown: str) -> list[Range]:
    """``ranges`` cut to what is left of ``text`` once elided to ``shown`` (``西湖游…``).

    The list elides at the right, so what is shown is a prefix of the text and an ellipsis;
    a run is cut where the prefix ends.
    """
    kept = len(commonprefix([text, shown]))
    return [(start, min(length, kept - start)) for start, length in ranges if start < kept]


class MatchDelegate(QStyledItemDelegate):
    """Paints the matched text of a cell over a highlight background; other cells as usual."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        query = index.data(SearchTextRole)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        ranges = match_ranges(text, query) if query and isinstance(text, str) else []
        if not ranges:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        # Qt paints the background, selection, icon and focus frame; the text is drawn below.
        item.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, item, widget) + 1
        text_rect.adjust(margin, 0, -margin, 0)
        shown = item.fontMetrics.elidedText(text, item.textElideMode, text_rect.width())

        layout = QTextLayout(shown, item.font)
        layout.setFormats([self._highlight(start, length) for start, length in shown_ranges(ranges, text, shown)])
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(text_rect.width())
        layout.endLayout()
        size = QSize(int(line.naturalTextWidth()) + 1, int(line.height()))
        where = QStyle.alignedRect(item.direction, item.displayAlignment, size, text_rect)

        painter.save()
        painter.setClipRect(text_rect)
        painter.setPen(item.palette.color(self._colour_group(item), self._text_role(item)))
        layout.draw(painter, QPointF(where.topLeft()))
        painter.restore()

    @staticmethod
    def _highlight(start: int, length: int) -> QTextLayout.FormatRange:
        highlight = QTextCharFormat()
        highlight.setBackground(HIGHLIGHT_BACKGROUND)
        highlight.setForeground(HIGHLIGHT_TEXT)
        run = QTextLayout.FormatRange()
        run.start, run.length, run.format = start, length, highlight
        return run

    @staticmethod
    def _colour_group(item: QStyleOptionViewItem) -> QPalette.ColorGroup:
        # As Qt's own item painting chooses it.
        if not item.state & QStyle.StateFlag.State_Enabled:
            return QPalette.ColorGroup.Disabled
        if not item.state & QStyle.StateFlag.State_Active:
            return QPalette.ColorGroup.Inactive
        return QPalette.ColorGroup.Normal

    @staticmethod
    def _text_role(item: QStyleOptionViewItem) -> QPalette.ColorRole:
        if item.state & QStyle.StateFlag.State_Selected:
            return QPalette.ColorRole.HighlightedText
        return QPalette.ColorRole.Text
