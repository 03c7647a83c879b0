"""Ruled tables inside the text block: the registration forms, the 调解书's parties, the records.

A table has fixed column widths that add up to the block width. Rows are made of cells that may
span columns; a group of rows may carry a label printed down an extra first column (投诉人,
被投诉人), as the 式样 show. Cell text wraps with the same Chinese line breaking as the body.

A group is kept on one page. A row marked ``splittable`` (a large box: facts, request, terms)
continues on the next page when it does not fit, with its ruling closed at the page foot and
reopened at the top, so a long agreement never runs over the margin.
"""

from dataclasses import dataclass

from reportlab.lib.units import mm

from app.printing.layout import CENTER, Flow, LaidLine, Para, RectItem, TextItem, lay_out
from app.printing.page import BLOCK_LEFT, BLOCK_TOP, BLOCK_WIDTH, TABLE_TEXT, Style

PADDING_X = 1.5 * mm
PADDING_Y = 1 * mm
# The least distance between the characters of a group label, in ems.
LABEL_PITCH = 1.15


@dataclass(frozen=True)
class Cell:
    paras: tuple[Para, ...]
    span: int = 1
    min_lines: int = 1


def label(text: str, span: int = 1) -> Cell:
    """A field name, centred in its cell."""
    return Cell((Para(text, align=CENTER),), span)


def value(text: str, span: int = 1, min_lines: int = 1) -> Cell:
    """A filled-in value (a text with newlines prints as several paragraphs)."""
    return Cell((Para(text),), span, min_lines)


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    splittable: bool = False


@dataclass(frozen=True)
class Group:
    """Rows kept together. In a table with a group column, a group without a label spans it."""

    rows: tuple[Row, ...]
    label: str = ""  # printed down the group column, one character per line


@dataclass(frozen=True)
class Table:
    columns: tuple[float, ...]  # widths in points; with a group column, that one comes first
    groups: tuple[Group, ...]
    group_column: bool = False
    style: Style = TABLE_TEXT
    # Space above and below the text of a cell. A box of body text needs none: its line boxes
    # already leave room around the glyphs, and without it the text stays on the page's grid.
    padding_y: float = PADDING_Y

    def __post_init__(self):
        if abs(sum(self.columns) - BLOCK_WIDTH) > 0.01:
            raise ValueError(f"table columns add up to {sum(self.columns):.2f} pt, not the block width")


@dataclass(frozen=True)
class _LaidCell:
    x: float
    width: float
    lines: list[LaidLine]
    centred: bool  # vertically, in a row that is not split


def place_table(flow: Flow, table: Table) -> None:
    """Lay ``table`` out at the flow's cursor, across pages where needed."""
    for group in table.groups:
        labelled = table.group_column and bool(group.label)
        laid_rows = [_lay_out_row(flow, table, row, labelled) for row in group.rows]
        heights = [_row_height(table, cells, row) for cells, row in zip(laid_rows, group.rows)]
        if labelled:
            # The rows grow (the last one) until the label fits down the column.
            needed = len(group.label) * table.style.size * LABEL_PITCH + 2 * table.padding_y
            heights[-1] += max(0.0, needed - sum(heights))
        if not any(row.splittable for row in group.rows):
            flow.keep_together(sum(heights))
        group_top = flow.top
        for cells, row, height in zip(laid_rows, group.rows, heights):
            if row.splittable:
                _place_splittable(flow, table, cells, _line_count(cells, row))
            else:
                _place_row(flow, table, cells, height)
        if labelled:
            _place_group_label(flow, table, group.label, group_top)


def _lay_out_row(flow: Flow, table: Table, row: Row, labelled: bool) -> list[_LaidCell]:
    columns = list(table.columns[1:] if labelled else table.columns)
    x = BLOCK_LEFT + (table.columns[0] if labelled else 0.0)
    cells = []
    for cell in row.cells:
        width = sum(columns[: cell.span])
        del columns[: cell.span]
        lines = lay_out(cell.paras, width - 2 * PADDING_X, table.style, flow.fonts)
        cells.append(_LaidCell(x, width, lines, centred=not row.splittable))
        x += width
    if columns:
        raise ValueError("a table row's cells do not cover every column")
    return cells


def _line_count(cells: list[_LaidCell], row: Row) -> int:
    return max([len(cell.lines) for cell in cells] + [cell.min_lines for cell in row.cells])


def _row_height(table: Table, cells: list[_LaidCell], row: Row) -> float:
    return _line_count(cells, row) * table.style.leading + 2 * table.padding_y


def _place_row(flow: Flow, table: Table, cells: list[_LaidCell], height: float, first_line: int = 0,
               count: int | None = None) -> None:
    """The cells' lines ``first_line`` … ``first_line + count`` as one ruled band ``height`` high."""
    style = table.style
    top = flow.top
    for cell in cells:
        flow.add(RectItem(cell.x, top - height, cell.width, height))
        lines = cell.lines[first_line:] if count is None else cell.lines[first_line : first_line + count]
        offset = (height - 2 * table.padding_y - len(lines) * style.leading) / 2 if cell.centred else 0.0
        line_top = top - table.padding_y - offset
        for line in lines:
            flow.add(TextItem(cell.x + PADDING_X + line.x, style.baseline(line_top), line.text, style, line.spacing))
            line_top -= style.leading
    flow.top = top - height


def _place_splittable(flow: Flow, table: Table, cells: list[_LaidCell], total: int) -> None:
    padding = 2 * table.padding_y
    done = 0
    while done < total:
        room = int((flow.remaining - padding + 0.01) // table.style.leading)
        if room < 2 and flow.top < BLOCK_TOP:  # not even two lines here: the box starts overleaf
            flow.new_page()
            continue
        count = max(1, min(room, total - done))
        _place_row(flow, table, cells, count * table.style.leading + padding, done, count)
        done += count
        if done < total:
            flow.new_page()


def _place_group_label(flow: Flow, table: Table, text: str, group_top: float) -> None:
    style = table.style
    width = table.columns[0]
    height = group_top - flow.top
    flow.add(RectItem(BLOCK_LEFT, flow.top, width, height))
    # A label longer than its rows are tall (被投诉人 beside three rows) closes up to fit.
    pitch = min(style.leading, (height - 2 * table.padding_y) / len(text))
    line_top = group_top - (height - len(text) * pitch) / 2
    for char in text:
        char_width = flow.fonts.width(char, style.family, style.size)
        baseline = style.centred_baseline(line_top - pitch / 2)
        flow.add(TextItem(BLOCK_LEFT + (width - char_width) / 2, baseline, char, style))
        line_top -= pitch
