"""Printing a benchmark's results: a plain table whose first row is the header, and PASS/FAIL."""


def print_table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(row[n]) for row in rows) for n in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths)))
        if n == 0:
            print("  " + "  ".join("-" * width for width in widths))


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"
