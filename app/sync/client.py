"""The station's HTTP client for the hub: signs every request, compresses batches, and retries
what may be retried. Every call is safe to repeat: uploads are idempotent by ID, the feed by cursor."""

import gzip
import logging
import time
from datetime import datetime, timezone
from typing import TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from app.domain.errors import DeskError
from app.sync import protocol, signing
from app.sync.retry import RetryPolicy, retry_after_seconds

log = logging.getLogger(__name__)

Answer = TypeVar("Answer", bound=BaseModel)

# Worth another try: the hub or the link had a moment; anything else 4xx is our request's fault.
RETRIED_STATUSES = {408, 425, 429, 500, 502, 503, 504}
# The connection broke (a cut on the link), as opposed to a timeout, where the hub may be slow.
DROPPED = (httpx.NetworkError, httpx.RemoteProtocolError)


class HubError(DeskError):
    """The hub refused, or could not be reached after every retry; the message says which and why."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


class HubClient:
    def __init__(
        self,
        base_url: str,
        *,
        station_uid: str,
        secret: bytes | None = None,
        policy: RetryPolicy | None = None,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ):
        self.station_uid = station_uid
        self.secret = secret
        self.policy = policy or RetryPolicy()
        self.clock_offset = 0.0  # hub time minus ours, measured by hub_time()
        self.bytes_sent = 0
        self.bytes_received = 0
        self._http = httpx.Client(base_url=base_url.rstrip("/"), timeout=timeout, transport=transport)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> "HubClient":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # -- the calls -------------------------------------------------------------------------

    def hub_time(self) -> float:
        """Measure the offset of our clock from the hub's (seconds; positive when we are behind)."""
        sent = time.time()
        answer = self._call("GET", "/v1/time", protocol.HubTime, signed=False)
        came_back = time.time()
        self.clock_offset = answer.now.timestamp() - (sent + came_back) / 2
        return self.clock_offset

    def enrol(self, code: str, station_name: str) -> protocol.EnrolmentAnswer:
        request = protocol.Enrolment(code=code.strip().upper(), station_uid=self.station_uid, station_name=station_name)
        return self._call("POST", "/v1/enrol", protocol.EnrolmentAnswer, body=request, signed=False)

    def send_batch(self, batch: protocol.Batch) -> protocol.BatchAnswer:
        return self.send_batch_body(batch.model_dump_json().encode())

    def send_batch_body(self, body: bytes) -> protocol.BatchAnswer:
        """A batch's JSON as the outbox kept it: a resend must be the same bytes, for the hub to
        recognise it and give back the answer it gave the first time."""
        return self._call("POST", "/v1/batches", protocol.BatchAnswer, body=body, compress=True)

    def feed(self, after: int) -> protocol.FeedPage:
        return self._call("GET", f"/v1/feed?after={after}", protocol.FeedPage)

    def verify(self, claim: protocol.Verification) -> protocol.VerificationAnswer:
        return self._call("POST", "/v1/verify", protocol.VerificationAnswer, body=claim, compress=True)

    def verify_bucket(self, check: protocol.BucketCheck) -> protocol.BucketAnswer:
        return self._call("POST", "/v1/verify/bucket", protocol.BucketAnswer, body=check, compress=True)

    def attachment_received(self, sha256: str) -> int:
        response = self._send("HEAD", f"/v1/attachments/{sha256}", b"", {})
        return int(response.headers.get("X-Received", "0"))

    def attachments_received(self, hashes: list[str]) -> dict[str, int]:
        """``attachment_received`` for many files, a request per thousand."""
        received: dict[str, int] = {}
        for start in range(0, len(hashes), protocol.MAX_ATTACHMENT_QUERY):
            query = protocol.AttachmentQuery(sha256=hashes[start:start + protocol.MAX_ATTACHMENT_QUERY])
            received |= self._call("POST", "/v1/attachments/progress", protocol.AttachmentProgress, body=query,
                                   compress=True).received
        return received

    def put_attachment_chunk(self, sha256: str, start: int, data: bytes, total: int) -> int:
        headers = {"Content-Range": f"bytes {start}-{start + len(data) - 1}/{total}"}
        response = self._send("PUT", f"/v1/attachments/{sha256}", data, headers)
        return int(response.headers.get("X-Received", "0"))

    # -- the plumbing ----------------------------------------------------------------------

    def _call(self, method: str, target: str, answer: type[Answer], *, body: BaseModel | bytes | None = None,
              compress: bool = False, signed: bool = True) -> Answer:
        content = body if isinstance(body, bytes) else b"" if body is None else body.model_dump_json().encode()
        headers = {"Content-Type": "application/json"} if body is not None else {}
        if compress:
            # mtime=0: the same batch compresses to the same bytes, so a resend is recognised.
            content = gzip.compress(content, mtime=0)
            headers["Content-Encoding"] = "gzip"
        response = self._send(method, target, content, headers, signed=signed)
        try:
            return answer.model_validate_json(response.content)
        except ValidationError as exc:
            raise HubError(f"中心的答复不合格（{method} {target}）：{exc.errors()[0]['msg']}") from None

    def _send(self, method: str, target: str, content: bytes, headers: dict, *, signed: bool = True) -> httpx.Response:
        """One request, retried while retrying can help; a fresh signature (and nonce) each time."""
        last_problem = ""
        for attempt in range(self.policy.attempts):
            self.policy.check()
            request_headers = dict(headers)
            if signed:
                if self.secret is None:
                    raise HubError("本站尚未在市局中心登记（缺少站点密钥），请先运行 mediation-desk enroll。")
                stamp = int(time.time() + self.clock_offset)
                request_headers |= signing.sign(self.secret, method, target, self.station_uid, stamp, content).as_dict()
            retry_after = None
            dropped = False
            try:
                response = self._http.request(method, target, content=content or None, headers=request_headers)
                self.bytes_sent += len(content)
                self.bytes_received += len(response.content)
            except httpx.TransportError as exc:
                last_problem = f"网络中断：{exc.__class__.__name__}"
                dropped = isinstance(exc, DROPPED)
            else:
                if response.status_code < 400:
                    return response
                detail = _detail(response)
                if response.status_code not in RETRIED_STATUSES:
                    raise HubError(f"中心拒绝了请求（{response.status_code}）：{detail}", response.status_code)
                last_problem = f"中心暂时无法处理（{response.status_code}）：{detail}"
                retry_after = retry_after_seconds(response.headers.get("Retry-After"), datetime.now(timezone.utc))
            if attempt + 1 < self.policy.attempts:
                # A connection dropped by a weak link says nothing about the hub's load: the first
                # retry goes at once, and only if that fails too do the waits begin.
                delay = 0.0 if dropped and attempt == 0 else self.policy.delay(attempt, retry_after)
                log.info("%s %s failed (%s); retrying in %.1f s", method, target, last_problem, delay)
                self.policy.wait(delay)
        raise HubError(f"多次重试后仍未成功（{method} {target}）：{last_problem}")


def _detail(response: httpx.Response) -> str:
    try:
        return str(response.json().get("detail", ""))[:300]
    except ValueError:
        return response.text[:300]
