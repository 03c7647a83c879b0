"""Enrolling the station with the bureau hub, and connecting to it afterwards: the one logic the
command line (``mediation-desk enroll``) and the desk's settings both use.

The hub's address is kept in the store's settings; the station secret the hub hands out only in
the OS keyring (``app.keystore``).
"""

import logging
from dataclasses import dataclass

from app.domain.errors import DeskError
from app.keystore import load_hub_secret, save_hub_secret
from app.models.station import Setting
from app.models.store import Store
from app.services.station import station_info
from app.sync.client import HubClient
from app.sync.retry import RetryPolicy

log = logging.getLogger(__name__)

HUB_URL_KEY = "sync.hub_url"


class NotEnrolled(DeskError):
    """The station has no hub address or no station secret yet."""


@dataclass(frozen=True)
class Enrolled:
    """What the hub answered: the address now kept, and the station's name as the hub knows it."""

    hub_url: str
    station_name: str


def check_hub_url(bureau: str) -> str:
    """The hub's address as it will be kept; raises DeskError naming the field when it is not one."""
    bureau = bureau.strip()
    if not bureau.startswith(("http://", "https://")):
        raise DeskError(f"市局中心地址应以 https:// 开头（试用时可用 http://）：{bureau}")
    return bureau.rstrip("/")


def hub_url(store: Store) -> str | None:
    with store.reading() as session:
        row = session.get(Setting, HUB_URL_KEY)
        return row.value if row else None


def is_enrolled(store: Store) -> bool:
    return hub_url(store) is not None and load_hub_secret(store.station_uid) is not None


def enrol(store: Store, bureau: str, code: str, *, policy: RetryPolicy | None = None) -> Enrolled:
    """Present the one-time code to the hub; keep the secret it answers with, then its address.

    The secret goes to the keyring before the address is written, so a station never has an
    address without the secret that goes with it. Enrolling again with the same code is safe:
    the hub answers the same secret to the same station.
    """
    url = check_hub_url(bureau)
    code = code.strip()
    if not code:
        raise DeskError("登记码：不能为空，请输入市局给本站的一次性登记码。")
    name = station_info(store).name
    with HubClient(url, station_uid=store.station_uid, policy=policy) as client:
        answer = client.enrol(code, name)
    save_hub_secret(store.station_uid, bytes.fromhex(answer.secret))
    with store.session() as session:
        session.merge(Setting(key=HUB_URL_KEY, value=url))
    log.info("station %s enrolled with the hub at %s", store.station_uid, url)
    return Enrolled(hub_url=url, station_name=answer.station_name)


def connect(store: Store, *, policy: RetryPolicy | None = None) -> HubClient:
    """A client for the hub this station enrolled with; NotEnrolled if it never did."""
    url = hub_url(store)
    secret = load_hub_secret(store.station_uid)
    if url is None or secret is None:
        raise NotEnrolled("本站尚未登记到市局中心。")
    return HubClient(url, station_uid=store.station_uid, secret=secret, policy=policy)
