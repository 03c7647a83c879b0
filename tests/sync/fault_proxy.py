"""A fault-injecting HTTP proxy between a station and the hub, for the sync fault tests.

It reads each request whole, then does what the schedule says for that request: pass it on, cut
the connection before the hub sees it, cut it after the hub answered (the hub committed, the
station never hears), truncate the answer, delay it, send it to the hub twice, or answer 500/429
itself. A shaping mode stands for a weak mobile link, both ways: a bandwidth cap, a round-trip
delay, and random cuts, on the request as it goes up and on the answer as it comes down. Every
decision is recorded, so a failing randomised run can be replayed by its seed.
"""

import random
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

PASS = "pass"
CUT_BEFORE = "cut_before"  # the request never reaches the hub
CUT_AFTER = "cut_after"  # the hub handled it; the answer is lost
TRUNCATE = "truncate"  # half the answer arrives, then the connection drops
DELAY = "delay"
DUPLICATE = "duplicate"  # the hub gets the request twice (a resend on the wire)
ERROR_500 = "error_500"
BUSY_429 = "busy_429"
FAULTS = [CUT_BEFORE, CUT_AFTER, TRUNCATE, DELAY, DUPLICATE, ERROR_500, BUSY_429]
PIECE_BYTES = 4096  # the shaped link carries, and may cut, a message piece by piece


@dataclass
class LinkShape:
    """A weak link: bytes per second each way, round-trip time, and a cut every ``cut_every`` bytes
    on average (0: never), counted over both directions. It stands for one connection at a time,
    as the station's client uses it: two connections at once would each get the full rate."""

    bytes_per_second: float = 250_000  # 2 Mbit/s
    rtt_seconds: float = 0.15
    cut_every: int = 0
    rng: random.Random = field(default_factory=lambda: random.Random(1))

    def cut_within(self, size: int) -> bool:
        return bool(self.cut_every) and self.rng.random() < size / self.cut_every


@dataclass
class FaultProxy:
    upstream: tuple[str, int]
    choose: Callable[[str], str] = lambda request_line: PASS
    shape: LinkShape | None = None
    log: list[tuple[str, str]] = field(default_factory=list)  # (request line, action)
    wire_bytes: int = 0  # bytes that crossed the station's side of the proxy, both ways
    cuts: int = 0  # connections the shaped link cut

    def __post_init__(self):
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._closing = False
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._closing = True
        try:
            # Wakes the thread blocked in accept(); a bare close() would leave the port listening.
            self._listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._listener.close()

    # -- connections ---------------------------------------------------------------------

    def _accept(self) -> None:
        while not self._closing:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        with client:
            if self.shape is not None:
                time.sleep(self.shape.rtt_seconds)  # a new connection's handshake costs a round trip
            while True:
                request = _read_message(client, is_request=True)
                if request is None:
                    return
                line = request.split(b"\r\n", 1)[0].decode("latin-1")
                action = self.choose(line)
                with self._lock:
                    self.log.append((line, action))
                if not self._up(request):
                    return  # cut while the request was on its way: the hub never sees it
                if not self._handle(client, request, action, line.startswith("HEAD ")):
                    return

    def _handle(self, client: socket.socket, request: bytes, action: str, is_head: bool) -> bool:
        """Carry out ``action``; False when the station's connection was cut."""
        if action == CUT_BEFORE:
            return False
        if action in (ERROR_500, BUSY_429):
            body = b'{"detail": "proxy fault"}'
            status = b"500 Internal Server Error" if action == ERROR_500 else b"429 Too Many Requests\r\nRetry-After: 0"
            answer = (b"HTTP/1.1 " + status + b"\r\nContent-Type: application/json\r\nContent-Length: "
                      + str(len(body)).encode() + b"\r\n\r\n" + body)
            return self._send(client, answer)
        if action == DELAY:
            time.sleep(0.3)
        answer = self._forward(request, is_head)
        if action == DUPLICATE:
            self._forward(request, is_head)  # the copy reaches the hub too; the station hears the first answer
        if answer is None or action == CUT_AFTER:
            return False
        if action == TRUNCATE:
            self._send(client, answer[: max(1, len(answer) // 2)])
            return False
        return self._send(client, answer)

    def _forward(self, request: bytes, is_head: bool) -> bytes | None:
        try:
            with socket.create_connection(self.upstream, timeout=30) as hub:
                hub.sendall(request)
                return _read_message(hub, is_request=False, is_head=is_head)
        except OSError:
            return None

    def _up(self, request: bytes) -> bool:
        """The request crossing to the hub. It was read whole at once; on a shaped link it is then
        held for as long as its bytes take to cross (store and forward), and may be cut on the way."""
        if self.shape is None:
            self._count(len(request))
            return True
        if not self._carry(request):
            return False
        time.sleep(self.shape.rtt_seconds / 2)  # the way there
        return True

    def _send(self, client: socket.socket, data: bytes) -> bool:
        """The answer crossing back to the station; False when the connection was cut or lost."""
        try:
            if self.shape is None:
                client.sendall(data)
                self._count(len(data))
                return True
            time.sleep(self.shape.rtt_seconds / 2)  # the way back
            return self._carry(data, deliver=client.sendall)
        except OSError:
            return False

    def _carry(self, data: bytes, deliver: Callable[[bytes], None] | None = None) -> bool:
        """``data`` over the shaped link, piece by piece at its rate, each piece handed to ``deliver``
        as it arrives; False when the link is cut on the way. Each piece is due at a time counted
        from the first, so a late wake-up (a busy machine) does not add up over a long message."""
        shape = self.shape
        started = time.monotonic()
        for offset in range(0, len(data), PIECE_BYTES):
            piece = data[offset:offset + PIECE_BYTES]
            if shape.cut_within(len(piece)):
                with self._lock:
                    self.cuts += 1
                return False
            due = started + (offset + len(piece)) / shape.bytes_per_second
            time.sleep(max(0.0, due - time.monotonic()))
            if deliver is not None:
                deliver(piece)
            self._count(len(piece))
        return True

    def _count(self, n: int) -> None:
        with self._lock:
            self.wire_bytes += n


def _read_message(sock: socket.socket, *, is_request: bool, is_head: bool = False) -> bytes | None:
    """One HTTP/1.1 message with a Content-Length body (what the hub and httpx send here)."""
    data = b""
    while b"\r\n\r\n" not in data:
        try:
            chunk = sock.recv(65536)
        except OSError:
            return None
        if not chunk:
            return None
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    if is_head and not is_request:
        length = 0  # the answer to HEAD announces a length but carries no body
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        rest += chunk
    return head + b"\r\n\r\n" + rest[:length]


def random_faults(seed: int, rate: float) -> Callable[[str], str]:
    """A fault on about ``rate`` of the requests, chosen by a seeded generator (recorded in the log)."""
    rng = random.Random(seed)
    return lambda _line: rng.choice(FAULTS) if rng.random() < rate else PASS
