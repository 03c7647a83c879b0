"""The sync across a link the kernel shapes (netem), where the kernel has it.

The other weak-link tests shape the link in the project's own proxy (``fault_proxy.py``), since
netem is missing on our CI machines. Where it exists, this test runs the hub process in a network
namespace of its own, reachable from the station only across a veth pair whose two ends both
delay, jitter, drop and rate-limit what they send: real TCP over a lossy link, retransmissions and
all. It needs root, ``ip`` and ``tc`` (iproute2), and a kernel with netem; otherwise it is skipped,
saying which of these is missing.

The hub uses SQLite: inside its namespace it cannot reach the PostgreSQL on the host's 127.0.0.1.
"""

import os
import re
import shutil
import signal
import subprocess
from datetime import datetime, timezone

import pytest

from app.cli_sync import enroll
from app.services.attachments import add_attachment
from app.services.editing import edit_case
from bureau.db import make_hub_engine, session_factory
from bureau.enrolment import add_station
from tests.services.factories import register_complaint
from tests.sync.test_sync_faults import HubProcess, assert_exactly_once_and_equal, sync_until_verified

# Each direction: 75 ms ± 10 ms (150 ms round trip), 1 % of packets lost, 2 Mbit/s, as the
# issue's weak mobile link. Both ends shape what they send, so both directions suffer.
NETEM = ["delay", "75ms", "10ms", "loss", "1%", "rate", "2mbit"]
# Addresses of the veth pair only: the namespace and both ends are made (and removed) here.
STATION_ADDRESS, HUB_ADDRESS = "10.231.77.1", "10.231.77.2"
HUB_PORT = 8315
CASES = 40


def _ip(*args: str, namespace: str | None = None) -> subprocess.CompletedProcess:
    """``ip``/``tc`` with ``args``, inside ``namespace`` if given; never raises for a failure."""
    command = (["ip", "netns", "exec", namespace] if namespace else []) + list(args)
    return subprocess.run(command, capture_output=True, text=True, timeout=30)


class VethLink:
    """A network namespace for the hub, joined to this one by a veth pair shaped with netem."""

    def __init__(self, tag: str):
        # Interface names are at most 15 characters.
        self.namespace = f"mdsync-{tag}"
        self.station_end, self.hub_end = f"mds{tag}"[:15], f"mdh{tag}"[:15]

    def _must(self, *args: str, namespace: str | None = None, doing: str) -> None:
        result = _ip(*args, namespace=namespace)
        if result.returncode != 0:
            raise LinkError(f"cannot {doing}: {(result.stderr or result.stdout).strip()}")

    def up(self, shaping: list[str]) -> None:
        ns = self.namespace
        self._must("ip", "netns", "add", ns, doing="create a network namespace")
        self._must("ip", "link", "add", self.station_end, "type", "veth", "peer", "name", self.hub_end,
                   "netns", ns, doing="create a veth pair")
        self._must("ip", "addr", "add", f"{STATION_ADDRESS}/30", "dev", self.station_end, doing="address the veth")
        self._must("ip", "link", "set", self.station_end, "up", doing="bring the veth up")
        self._must("ip", "addr", "add", f"{HUB_ADDRESS}/30", "dev", self.hub_end, namespace=ns,
                   doing="address the veth in the namespace")
        self._must("ip", "link", "set", self.hub_end, "up", namespace=ns, doing="bring the veth up in the namespace")
        self._must("ip", "link", "set", "lo", "up", namespace=ns, doing="bring the namespace's lo up")
        self._must("tc", "qdisc", "add", "dev", self.station_end, "root", "netem", *shaping,
                   doing="add a netem qdisc")
        self._must("tc", "qdisc", "add", "dev", self.hub_end, "root", "netem", *shaping, namespace=ns,
                   doing="add a netem qdisc in the namespace")

    def bytes_sent_by_station(self) -> int:
        """What the station's end sent through its netem qdisc."""
        shown = _ip("tc", "-s", "qdisc", "show", "dev", self.station_end).stdout
        match = re.search(r"qdisc netem .*?Sent (\d+) bytes", shown, re.DOTALL)
        return int(match.group(1)) if match else 0

    def down(self) -> None:
        """Remove everything ``up`` made, whatever state it got to; processes left in the
        namespace (only ours can be there) are killed first, or it would not go."""
        listed = _ip("ip", "netns", "pids", self.namespace)
        for pid in listed.stdout.split() if listed.returncode == 0 else []:
            try:
                os.kill(int(pid), signal.SIGKILL)
            except ProcessLookupError:
                pass
        _ip("ip", "link", "del", self.station_end)  # takes its peer with it
        _ip("ip", "netns", "del", self.namespace)


class LinkError(RuntimeError):
    pass


def netem_missing() -> str | None:
    """Why the kernel-shaped link cannot be made here, or None if it can: tried on a throwaway
    namespace and veth pair, with the shaping the test uses."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "needs root to make a network namespace and shape it with netem"
    missing = [tool for tool in ("ip", "tc") if shutil.which(tool) is None]
    if missing:
        return f"{' and '.join(missing)} not found: install iproute2"
    probe = VethLink(f"p{os.getpid()}")
    try:
        probe.up(NETEM)
    except (LinkError, OSError, subprocess.SubprocessError) as exc:
        return f"kernel netem not usable here ({exc}); the proxy's link shaping stands in for it"
    finally:
        probe.down()
    return None


@pytest.fixture
def netem_link():
    reason = netem_missing()
    if reason is not None:
        pytest.skip(reason)
    link = VethLink(str(os.getpid()))
    try:
        link.up(NETEM)
        yield link
    finally:
        link.down()


@pytest.fixture
def netem_hub(netem_link, tmp_path):
    """The hub process inside the namespace, listening on the veth only; its SQLite engine here."""
    db_url = f"sqlite:///{tmp_path / 'hub.db'}"
    hub = HubProcess(db_url, tmp_path / "hub-files", HUB_PORT)
    hub.args = ["ip", "netns", "exec", netem_link.namespace, *hub.args, "--host", HUB_ADDRESS]
    hub.start()
    engine = make_hub_engine(db_url)
    try:
        yield engine
    finally:
        engine.dispose()
        hub.kill()


@pytest.mark.slow
def test_a_days_sync_across_a_netem_link_verifies_with_each_change_once(
    netem_link, netem_hub, store, head, tmp_path, capsys
):
    with session_factory(netem_hub).begin() as session:
        code = add_station(session, "西湖景区消费维权服务站", datetime.now(timezone.utc))
    enroll(store, f"http://{HUB_ADDRESS}:{HUB_PORT}", code)  # across the link, like all that follows
    capsys.readouterr()
    photos = 0
    for n in range(CASES):
        case_id = register_complaint(store, head, request=f"退货退款（第 {n + 1} 件）")
        if n % 2:
            edit_case(store, head, case_id, {"facts": f"补充：有购物小票（第 {n + 1} 件）"})
        if n in (3, 17):
            photo = tmp_path / f"现场照片{n}.jpg"
            photo.write_bytes(os.urandom(300_000))  # incompressible, as a photo is
            add_attachment(store, head, case_id, photo)
            photos += photo.stat().st_size

    reports = sync_until_verified(store, attempts=6)

    assert reports[-1].verified
    assert_exactly_once_and_equal(store, netem_hub)
    assert netem_link.bytes_sent_by_station() > photos  # it all went across the shaped link
