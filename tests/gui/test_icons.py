"""The desk's own SVG icons: every file draws, the deadline marks use them, and they stay sharp
on a high-DPI screen."""

import logging

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel

from app.domain.deadlines import DeadlineState
from app.services import queries
from app.views import icons
from app.views.case_table_model import CaseTableModel
from app.views.error_dialog import ErrorDialog

SVG_FILES = sorted(icons.icons_dir().glob("*.svg"))
# The actions' icons, ready for the views' buttons and toolbars.
ACTION_ICONS = ["new-case", "search", "refresh", "print", "attach", "sync", "lock", "settings"]


def painted_pixels(image: QImage) -> int:
    return sum(1 for x in range(image.width()) for y in range(image.height()) if image.pixelColor(x, y).alpha() > 0)


def test_the_icons_are_shipped_with_the_resources():
    names = {path.stem for path in SVG_FILES}
    assert {*icons.DEADLINE_ICONS.values(), "error", *ACTION_ICONS} <= names
    assert (icons.icons_dir() / "README.md").is_file()


@pytest.mark.parametrize("path", SVG_FILES, ids=lambda path: path.stem)
def test_every_icon_is_valid_svg_and_draws_something(qapp, path):
    assert QSvgRenderer(str(path)).isValid()
    image = icons.icon(path.stem).pixmap(QSize(24, 24), 1.0).toImage()
    assert image.size() == QSize(24, 24)
    assert painted_pixels(image) > 24 * 24 // 8


@pytest.mark.parametrize("state", list(DeadlineState))
def test_a_2x_screen_gets_the_icon_drawn_at_twice_the_pixels_not_blown_up(qapp, state):
    icon = icons.deadline_icon(state)
    doubled = icon.pixmap(QSize(16, 16), 2.0)
    assert doubled.devicePixelRatio() == 2.0
    assert doubled.size() == QSize(32, 32)
    # Drawn from the vector at 32 px: identical to asking for 32 px outright, which a 16 px
    # bitmap scaled up could not be.
    assert doubled.toImage() == icon.pixmap(QSize(32, 32), 1.0).toImage().convertToFormat(doubled.toImage().format())


def test_a_missing_icon_is_an_empty_icon_and_a_logged_warning(qapp, caplog):
    with caplog.at_level(logging.WARNING, logger="app.views.icons"):
        missing = icons.icon("no-such-icon")
    assert missing.isNull()
    assert "no-such-icon" in caplog.text


def test_the_case_list_marks_deadlines_with_our_icons(qapp, store, register_complaint):
    register_complaint("张三", "13800138000", "西湖游船公司")
    model = CaseTableModel(
        fetch=lambda criteria, after, limit: queries.list_cases(store, criteria, after=after, limit=limit),
        count=lambda criteria, limit: queries.count_cases(store, criteria, limit=limit),
    )
    shown = model.index(0, CaseTableModel.NEXT_DEADLINE).data(Qt.ItemDataRole.DecorationRole)
    assert shown.cacheKey() == icons.icon("deadline-ok").cacheKey()


def test_the_case_view_shows_the_deadline_icon_beside_its_words(store, head, case_id, open_view):
    view = open_view(head, case_id)
    (mark,) = [label for label in view.findChildren(QLabel) if label.accessibleName() == "未到期"]
    shown = mark.pixmap()
    expected = icons.deadline_icon(DeadlineState.ON_TIME).pixmap(shown.deviceIndependentSize().toSize(), 1.0)
    assert shown.toImage() == expected.toImage()


def test_the_error_dialog_shows_our_error_icon(qtbot):
    dialog = ErrorDialog("Traceback …")
    qtbot.addWidget(dialog)
    (icon,) = [label for label in dialog.findChildren(QLabel) if not label.pixmap().isNull()]
    image = icon.pixmap().toImage()
    scale = dialog.devicePixelRatioF()
    assert image.size() == QSize(48, 48) * scale
    assert image.pixelColor(int(24 * scale), int(24 * scale)) == QColor("#ffffff")  # the cross at the centre
    assert image.pixelColor(int(24 * scale), int(8 * scale)) == QColor("#c62828")  # the red disc around it
