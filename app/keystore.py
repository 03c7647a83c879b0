"""The one module that talks to the OS keyring (Windows Credential Locker, Secret Service, KWallet).

Secrets never reach SQLite files, logs or exception texts. Where no real keyring exists the
desk refuses to go on: it never falls back to a plain-text secret.
"""

import logging

import keyring
import keyring.errors
from keyring.backends import chainer, fail, null

from app.domain.errors import StoreError

log = logging.getLogger(__name__)

SERVICE = "mediation-desk"

NO_KEYRING_MESSAGE = (
    "找不到可用的系统密钥环，无法安全保存本站数据库密钥。"
    "Windows 自带凭据管理器，无需安装；Linux 桌面请安装并登录后启用 gnome-keyring"
    "（sudo apt-get install gnome-keyring）或 KWallet，然后重试。"
    "本程序不会把密钥以明文保存。"
)


class KeyringUnavailable(StoreError):
    """No keyring backend that keeps secrets safely."""

    def __init__(self, detail: str = ""):
        super().__init__(NO_KEYRING_MESSAGE + (f"（{detail}）" if detail else ""))


def _is_safe(backend) -> bool:
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return any(_is_safe(b) for b in backend.backends)
    # keyrings.alt stores secrets in plain or weakly obscured files; never accept it.
    return not type(backend).__module__.startswith("keyrings.alt")


def require_keyring() -> None:
    """Raise ``KeyringUnavailable`` unless a safe backend is active."""
    backend = keyring.get_keyring()
    if not _is_safe(backend):
        raise KeyringUnavailable(type(backend).__name__)


def _entry(station_uid: str) -> str:
    return f"station-key:{station_uid}"


def _hub_entry(station_uid: str) -> str:
    return f"hub-secret:{station_uid}"


def _save(entry: str, secret: bytes) -> None:
    require_keyring()
    try:
        keyring.set_password(SERVICE, entry, secret.hex())
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(type(exc).__name__) from None


def _load(entry: str) -> bytes | None:
    require_keyring()
    try:
        stored = keyring.get_password(SERVICE, entry)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(type(exc).__name__) from None
    return bytes.fromhex(stored) if stored else None


def save_station_key(station_uid: str, key: bytes) -> None:
    _save(_entry(station_uid), key)
    log.info("station key for %s saved in the keyring", station_uid)


def load_station_key(station_uid: str) -> bytes | None:
    """The station's key, or None if this PC's keyring has none for it."""
    return _load(_entry(station_uid))


def save_hub_secret(station_uid: str, secret: bytes) -> None:
    """The secret the bureau hub gave this station at enrolment; it signs every sync request."""
    _save(_hub_entry(station_uid), secret)
    log.info("hub secret for %s saved in the keyring", station_uid)


def load_hub_secret(station_uid: str) -> bytes | None:
    return _load(_hub_entry(station_uid))


def forget_station_key(station_uid: str) -> None:
    """Remove the key of a station that was never finished (its store is deleted too)."""
    try:
        keyring.delete_password(SERVICE, _entry(station_uid))
    except keyring.errors.PasswordDeleteError:
        pass
