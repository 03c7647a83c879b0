"""Request signatures: which station sent a request, that nobody changed it, and that it is new.

Each request carries the station's UID, a timestamp in hub time, a random nonce and an
HMAC-SHA256 over the method, path, those three and the SHA-256 of the body as sent. The hub
refuses an old timestamp and a nonce it has seen, so a captured request cannot be replayed.

The path is signed exactly as it goes on the wire (percent-encoded, ASCII): the hub checks the raw
bytes it received, never a decoded form, since decoding can make two different paths look alike.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass

# How far a request's timestamp may be from the hub's clock. The station signs with its clock
# corrected by the offset it measured at the start of the sync, so this only covers the trip.
MAX_SKEW_SECONDS = 300

STATION_HEADER = "X-Station"
TIMESTAMP_HEADER = "X-Timestamp"
NONCE_HEADER = "X-Nonce"
SIGNATURE_HEADER = "X-Signature"


@dataclass(frozen=True)
class SignedHeaders:
    station: str
    timestamp: int
    nonce: str
    signature: str

    def as_dict(self) -> dict[str, str]:
        return {
            STATION_HEADER: self.station,
            TIMESTAMP_HEADER: str(self.timestamp),
            NONCE_HEADER: self.nonce,
            SIGNATURE_HEADER: self.signature,
        }


def signature(secret: bytes, method: str, target: str, station: str, timestamp: int, nonce: str, body: bytes) -> str:
    """The hex HMAC of one request; ``target`` is the path with its query string."""
    message = "\n".join(
        [method.upper(), target, station, str(timestamp), nonce, hashlib.sha256(body).hexdigest()]
    ).encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def wire_target(raw_path: bytes, query_string: bytes) -> str:
    """The target the hub checks a signature over: the path and query as the bytes arrived."""
    target = raw_path.decode("latin-1")
    return f"{target}?{query_string.decode('latin-1')}" if query_string else target


def sign(secret: bytes, method: str, target: str, station: str, timestamp: int, body: bytes) -> SignedHeaders:
    nonce = secrets.token_hex(16)
    return SignedHeaders(station, timestamp, nonce, signature(secret, method, target, station, timestamp, nonce, body))


def signature_matches(expected: str, given: str) -> bool:
    """Constant-time comparison, so the hub does not leak how much of a signature was right."""
    return hmac.compare_digest(expected.encode(), given.encode())
