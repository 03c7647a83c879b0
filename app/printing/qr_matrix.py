"""The QR code's modules: reportlab's encoder, with a faster choice of mask and a faster
Reed-Solomon step.

reportlab's ``QRCode.make`` lays the whole symbol out eight times, once per mask pattern, and
scores each with the standard's penalty rules in pure Python: about 20 ms of the 50 ms budget
for issuing a 调解书 (docs/benchmarks.md, "Documents"); its Reed-Solomon step, through
polynomial objects, took a few more. Here the function patterns and the data bits are laid out
once, a row as an integer; each mask only flips the data modules' bits, and the penalties are
counted on those integers and their strings. The result is the very symbol reportlab makes,
module for module: the same codewords, and the same mask chosen by the same score, ties to the
lower pattern (reportlab's quirks included: its finder-like rule reads rows only, and skips a
pattern ending at the last module). Tests compare the two on many payloads.
"""

import re
from functools import lru_cache
from itertools import cycle, zip_longest

from reportlab.graphics.barcode import qrencoder

_RUN = re.compile(r"0{5,}|1{5,}")
_FINDER_LIKE = "10111010000"


def qr_modules(payload: str) -> list[list[bool]]:
    """The code's modules, row by row from the top, True for dark (error correction level M)."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.version = code.calculate_version()
    code.dataCache = codewords(code)
    code.makeImpl(False, best_mask(code))
    return [[bool(module) for module in row] for row in code.modules]


def codewords(code: qrencoder.QRCode) -> list[int]:
    """``QRCode.createData``: the data padded to the symbol's capacity, then each block's error
    correction codewords, the blocks interleaved. The Reed-Solomon remainders are taken with the
    log tables directly rather than through reportlab's polynomial objects, which took a third
    of the time of the whole code."""
    blocks = qrencoder.QRRSBlock.getRSBlocks(code.version, code.errorCorrectLevel)
    capacity = 8 * sum(block.dataCount for block in blocks)
    buffer = qrencoder.QRBitBuffer()
    for data in code.dataList:
        data.write(buffer, code.version)
    if buffer.getLengthInBits() > capacity:
        raise ValueError(f"QR payload too long: {buffer.getLengthInBits()} bits, room for {capacity}")
    if buffer.getLengthInBits() + 4 <= capacity:
        buffer.put(0, 4)  # the terminator
    while buffer.getLengthInBits() % 8:
        buffer.putBit(False)
    pads = cycle((0xEC, 0x11))
    while buffer.getLengthInBits() < capacity:
        buffer.put(next(pads), 8)
    data_blocks, ec_blocks, offset = [], [], 0
    for block in blocks:
        data_blocks.append(buffer.buffer[offset : offset + block.dataCount])
        offset += block.dataCount
        ec_blocks.append(_remainder(data_blocks[-1], block.totalCount - block.dataCount))
    return [
        word for group in (data_blocks, ec_blocks) for column in zip_longest(*group) for word in column
        if word is not None
    ]


def _remainder(data: list[int], count: int) -> list[int]:
    """The ``count`` error correction codewords of ``data``: data(x)·x^count mod the generator."""
    exp, log = qrencoder.EXP_TABLE, qrencoder.LOG_TABLE
    generator = _generator_logs(count)
    remainder = [0] * count
    for word in data:
        factor = word ^ remainder[0]
        remainder = remainder[1:] + [0]
        if factor:
            shift = log[factor]
            remainder = [
                value if coefficient is None else value ^ exp[(shift + coefficient) % 255]
                for value, coefficient in zip(remainder, generator)
            ]
    return remainder


@lru_cache(maxsize=32)
def _generator_logs(count: int) -> tuple[int | None, ...]:
    """The logs of the generator (x + a^0)(x + a^1)…(x + a^(count-1)) after its leading 1;
    None for a zero coefficient."""
    exp, log = qrencoder.EXP_TABLE, qrencoder.LOG_TABLE
    polynomial = [1]
    for power in range(count):
        product = polynomial + [0]
        for index, coefficient in enumerate(polynomial):
            if coefficient:
                product[index + 1] ^= exp[(log[coefficient] + power) % 255]
        polynomial = product
    return tuple(log[c] if c else None for c in polynomial[1:])


def best_mask(code: qrencoder.QRCode) -> int:
    """The mask pattern ``code.make()`` would choose: the lowest penalty, the first on a tie.

    Rows are integers, the leftmost module the highest bit: a mask flips ``mask & data`` of a row.
    """
    code.makeImpl(True, 0)  # in test mode the format and version areas are blank for every mask
    size = code.moduleCount
    data, raw = [0] * size, [0] * size  # where the data modules are; their unmasked bits
    for (column, row), dark in zip_longest(code.dataPosIterator(), code.dataBitIterator(code.dataCache),
                                           fillvalue=False):
        bit = 1 << (size - 1 - column)
        data[row] |= bit
        if dark:
            raw[row] |= bit
    base = [(row_value(row) & ~used) | bits for row, used, bits in zip(code.modules, data, raw)]
    scores = [
        penalty([value ^ (mask & used) for value, mask, used in zip(base, _mask_rows(pattern, size), data)], size)
        for pattern in range(8)
    ]
    return scores.index(min(scores))


def row_value(row: list[bool]) -> int:
    return int("".join("1" if dark else "0" for dark in row), 2)


@lru_cache(maxsize=64)
def _mask_rows(pattern: int, size: int) -> tuple[int, ...]:
    mask = qrencoder.QRUtil.getMask(pattern)
    return tuple(row_value([mask(row, column) for column in range(size)]) for row in range(size))


def penalty(values: list[int], size: int) -> int:
    """``QRUtil.getLostPoint`` of the rows ``values``: runs of five or more, 2x2 blocks,
    finder-like patterns, the balance of dark and light."""
    rows = [format(value, f"0{size}b") for value in values]
    columns = ["".join(column) for column in zip(*rows)]
    score = 0
    for line in rows + columns:
        score += sum(len(run) - 2 for run in _RUN.findall(line))
    # Rows only: reportlab compares each column (a tuple) with the pattern (a list), never equal.
    score += 40 * sum(row[: size - 1].count(_FINDER_LIKE) for row in rows)
    within = (1 << (size - 1)) - 1
    for upper, lower in zip(values, values[1:]):
        same = ~(upper ^ lower)
        blocks = same & (same >> 1) & ~(upper ^ (upper >> 1)) & within
        score += 3 * blocks.bit_count()
    dark = sum(value.bit_count() for value in values)
    return score + 10 * (abs(100 * dark // (size * size) - 50) // 5)
