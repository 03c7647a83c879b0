"""The station key that encrypts the store, and the recovery code shown once to the station head.

The key is 32 random bytes, used as SQLCipher's raw key (no key derivation, so opening costs
about a millisecond). The recovery code is the same key written for people: base32 in groups
of five, with a two-byte checksum so that a mistyped code is caught before it is tried.
"""

import base64
import hashlib
import secrets

from app.domain.errors import ValidationError

KEY_BYTES = 32
_CHECK_BYTES = 2


def new_station_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def recovery_code(key: bytes) -> str:
    """``ABCDE-FGHIJ-…``: 11 groups of 5 letters and digits."""
    payload = key + hashlib.sha256(key).digest()[:_CHECK_BYTES]
    text = base64.b32encode(payload).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 5] for i in range(0, len(text), 5))


def key_from_recovery_code(code: str) -> bytes:
    """Read a recovery code as typed: case, spaces and hyphens don't matter."""
    text = "".join(ch for ch in code.upper() if ch.isalnum())
    # Base32 never uses 0, 1 or 8; people misread O as 0 and I as 1.
    text = text.replace("0", "O").replace("1", "I")
    try:
        payload = base64.b32decode(text + "=" * (-len(text) % 8))
    except ValueError:
        payload = b""
    key, check = payload[:KEY_BYTES], payload[KEY_BYTES:]
    if len(key) != KEY_BYTES or check != hashlib.sha256(key).digest()[:_CHECK_BYTES]:
        raise ValidationError("recovery_code", "恢复密钥", "与发放的恢复密钥不符，请逐组核对后重新输入")
    return key
