"""Chinese line breaking (禁则) for the documents: where a paragraph may be broken into lines.

The rules (GB/T 15834-2011 and common Chinese typesetting practice):

- a line never starts with closing punctuation (，。、；：？！）》」』〕】 … and their half-width
  forms), so a reader never meets a line beginning with "，";
- a line never ends with opening punctuation (（《「『〔【“ and the currency signs ￥ $), which
  belong to what follows them;
- a Latin word or a run of digits (a phone number, an amount such as 1,280.00, a date such as
  2026-04-15, a case number) is never split, nor are the two-cell marks …… and ——;
- a space stays at the end of the line before the break, never at the start of the next.

When a closing mark does not fit at the end of a line, the character before it is pulled down
to the next line together with the mark (推出), instead of letting the mark hang past the line
end (悬挂). The official text block of GB/T 9704 is the area the seal, the binding and the copy
all rely on; a hanging mark would print in the binding margin, so every line stays inside the
block and its width can be checked. The line left one character short is then justified by the
caller, which spreads the gap over the line's characters.

Widths come from a ``measure`` function that returns the printed width of a piece of text in
the faces actually used for it (the caller splits the text into runs by face). It must be
additive over concatenation, which holds for reportlab's TrueType faces (no kerning).
"""

import re
from collections import deque
from collections.abc import Callable

CLOSING = frozenset(
    "，。、；：？！）》」』〕】〉〗〙〛”’…‥·～%,.;:?!)]}"
)
OPENING = frozenset("（《「『〔【〈〖〘〚“‘([{￥¥$")

# A Latin word or digit run with the joiners that occur inside one: 1,280.00  0571-88888888
# 2026-04-15  user@example  A4. A joiner is only part of the run when a letter or digit follows.
# The * of a masked number (138****8000) counts as a digit: a masked number is not split either.
_WORD = re.compile(r"[A-Za-z0-9*]+(?:[.,:/\-@_+#&'][A-Za-z0-9*]+)*")
# The ellipsis and the dash take two cells and must not be split between lines.
_DOUBLE_MARK = re.compile(r"…+|—+|‥+")

Measure = Callable[[str], float]


def atoms(text: str) -> list[str]:
    """The smallest pieces of ``text`` a line may break between (before the punctuation rules)."""
    found = []
    position = 0
    while position < len(text):
        match = _WORD.match(text, position) or _DOUBLE_MARK.match(text, position)
        end = match.end() if match else position + 1
        found.append(text[position:end])
        position = end
    return found


def may_break_between(before: str, after: str) -> bool:
    """Whether a line may end after ``before`` and the next one start with ``after``."""
    return not (after[0] in CLOSING or before[-1] in OPENING or after[0] == " ")


def units(text: str) -> list[str]:
    """``text`` cut only where a line may break: each unit must stay on one line if it fits."""
    found: list[str] = []
    for atom in atoms(text):
        if found and not may_break_between(found[-1], atom):
            found[-1] += atom
        else:
            found.append(atom)
    return found


def break_lines(text: str, width: float, measure: Measure, *, first_width: float | None = None) -> list[str]:
    """``text`` (one paragraph, no newlines) as lines no wider than ``width`` (``first_width`` for the first).

    Joined again, the lines give back ``text`` exactly. A unit wider than a whole line (a very
    long number, or a run of marks) is cut where the rules allow if possible, else by character.
    """
    if not text:
        return [""]
    lines: list[str] = []
    line = ""
    used = 0.0
    pending = deque(units(text))
    while pending:
        limit = first_width if first_width is not None and not lines else width
        unit = pending.popleft()
        unit_width = measure(unit)
        if used + unit_width <= limit:
            line += unit
            used += unit_width
        elif line:
            lines.append(line)
            line, used = "", 0.0
            pending.appendleft(unit)
        else:
            head, tail = _cut(unit, limit, measure)
            lines.append(head)
            if tail:
                pending.appendleft(tail)
    if line:
        lines.append(line)
    return lines


def _cut(unit: str, width: float, measure: Measure) -> tuple[str, str]:
    """The longest head of a too-wide ``unit`` that fits, preferring a cut the rules allow.

    At least one character goes on the line, even if it alone is wider than ``width`` (only a
    line narrower than one character could need that).
    """
    fitting = 1
    while fitting < len(unit) - 1 and measure(unit[: fitting + 1]) <= width:
        fitting += 1
    if fitting >= len(unit):
        return unit, ""
    for cut in range(fitting, 0, -1):
        if may_break_between(unit[:cut], unit[cut:]):
            return unit[:cut], unit[cut:]
    return unit[:fitting], unit[fitting:]
