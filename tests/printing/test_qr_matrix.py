"""The QR code's faster mask choice makes the very symbol reportlab's own encoder makes."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.graphics.barcode import qrencoder

from app.printing.qr_matrix import codewords, penalty, qr_modules, row_value


def reportlab_modules(payload: str) -> list[list[bool]]:
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    return [[bool(module) for module in row] for row in code.modules]


class _Code:
    def __init__(self, modules):
        self.modules = modules


@settings(max_examples=60, deadline=None)
@given(number=st.integers(1, 99999), digest=st.text("0123456789abcdef", max_size=140))
def test_the_symbol_is_reportlabs_module_for_module(number, digest):
    payload = f"agreement|西市监投调〔2026〕第{number}号|{digest}"
    assert qr_modules(payload) == reportlab_modules(payload)


@settings(max_examples=80, deadline=None)
@given(payload=st.text(min_size=1, max_size=700))
def test_the_codewords_are_reportlabs_for_any_size_of_code(payload):
    """Up to version 20 or so, where a symbol has several blocks of two sizes to interleave."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.version = code.calculate_version()
    assert codewords(code) == qrencoder.QRCode.createData(code.version, code.errorCorrectLevel, code.dataList)


def test_the_penalty_is_reportlabs_on_any_matrix():
    rng = random.Random(20261128)
    for _ in range(150):
        size = rng.choice([21, 25, 45, 57])
        share = rng.random()
        modules = [[rng.random() < share for _ in range(size)] for _ in range(size)]
        expected = qrencoder.QRUtil.getLostPoint(_Code(modules))
        assert penalty([row_value(row) for row in modules], size) == expected


def test_every_mask_is_chosen_somewhere():
    """The choice is not stuck on one pattern: payloads that differ get the masks reportlab picks."""
    chosen = set()
    for number in range(1, 120):
        payload = f"agreement|西市监投调〔2026〕第{number}号|{'ab' * 32}"
        modules = qr_modules(payload)
        assert modules == reportlab_modules(payload)
        chosen.add(tuple(modules[8][:9]))  # the format information, which names the mask
    assert len(chosen) > 3
