"""The hub's HTTP API (FastAPI). See docs/sync-protocol.md; the OpenAPI schema is at /openapi.json.

Every request body is read with a size limit, checked against its signature before anything is
parsed, and decompressed with a limit, so an oversized or unauthenticated request is refused
before it costs the hub anything.
"""

import hashlib
import logging
import zlib
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from fastapi import FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from sqlalchemy import Engine

from app.sync import protocol, signing
from bureau import auth, enrolment, feed, uploads, verification
from bureau.attachments import AttachmentStore
from bureau.db import session_factory
from bureau.errors import Refused

log = logging.getLogger(__name__)

# A compressed body may not be larger than the largest uncompressed one.
MAX_WIRE_BYTES = protocol.MAX_BODY_BYTES
UNSIGNED_PATHS = {"/v1/time", "/v1/enrol"}
MAX_FEED_SEQ = 2**63 - 1  # the feed's BIGINT: a larger cursor is not a number the database can compare


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


async def _read_limited(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise Refused(413, f"请求过大（上限 {limit} 字节）。")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Refused(413, f"请求过大（上限 {limit} 字节）。")
        chunks.append(chunk)
    return b"".join(chunks)


def _gunzip(raw: bytes, limit: int) -> bytes:
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        body = inflater.decompress(raw, limit + 1)
    except zlib.error:
        raise Refused(400, "请求体不是有效的 gzip 数据。") from None
    if len(body) > limit or inflater.unconsumed_tail:
        raise Refused(413, f"解压后的请求过大（上限 {limit} 字节）。")
    if not inflater.eof:
        raise Refused(400, "gzip 数据不完整（请求在途中被截断）。")
    return body


class SignedRoute(APIRoute):
    """Reads the body once, with limits; checks the signature over the bytes as sent; then lets
    FastAPI parse and validate the (decompressed) body as usual."""

    def get_route_handler(self) -> Callable:
        handler = super().get_route_handler()

        async def checked(request: Request):
            app = request.app
            now = app.state.clock()
            try:
                raw = await _read_limited(request, MAX_WIRE_BYTES)
                if self.path not in UNSIGNED_PATHS:
                    # The raw bytes, as the station signed them: request.url.path is decoded and
                    # loses \t\r\n, so a signature for one path would pass for another.
                    target = signing.wire_target(request.scope.get("raw_path") or request.scope["path"].encode(),
                                                 request.scope.get("query_string", b""))
                    # In a worker thread, like the handlers: the check waits on the database (it
                    # commits the nonce), and on the event loop that wait would hold up every
                    # other station's request.
                    request.state.station_id = await run_in_threadpool(
                        auth.verify, app.state.sessions, request.headers, request.method, target, raw, now
                    )
                if request.headers.get("content-encoding", "").lower() == "gzip":
                    raw = _gunzip(raw, protocol.MAX_BODY_BYTES)
                request._body = raw  # what FastAPI parses from here on
                request.state.now = now
                request.state.body_sha256 = hashlib.sha256(raw).hexdigest()
            except Refused as refused:
                return _refused(refused)
            return await handler(request)

        return checked


def _refused(refused: Refused) -> JSONResponse:
    return JSONResponse({"detail": refused.message}, status_code=refused.status)


def create_app(engine: Engine, files: Path, *, clock: Callable[[], datetime] = _utc_now) -> FastAPI:
    app = FastAPI(title="消费维权调解台 · 市局中心端", version=str(protocol.PROTOCOL_VERSION))
    app.router.route_class = SignedRoute
    app.state.sessions = session_factory(engine)
    app.state.clock = clock
    app.state.attachments = AttachmentStore(files, app.state.sessions)

    @app.exception_handler(Refused)
    async def refused(_request, exc: Refused):
        return _refused(exc)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or '请求体'}：{e['msg']}" for e in exc.errors()[:5])
        return JSONResponse({"detail": f"请求内容不合格：{problems}"}, status_code=422)

    @app.get("/v1/time", response_model=protocol.HubTime)
    def hub_time(request: Request):
        return protocol.HubTime(now=request.state.now)

    @app.post("/v1/enrol", response_model=protocol.EnrolmentAnswer)
    def enrol(request: Request, body: protocol.Enrolment):
        with app.state.sessions.begin() as session:
            return enrolment.enrol(session, body, request.state.now)

    # The hub's busiest request. Its body is parsed straight from the bytes into the model (not
    # JSON → dict → model), and the answer goes out as the JSON receive_batch wrote and kept, not
    # validated and serialised again; the schema says what the body and the answer are.
    @app.post("/v1/batches", response_model=protocol.BatchAnswer, openapi_extra=_json_body(protocol.Batch))
    def batches(request: Request):
        batch = _parsed(protocol.Batch, request._body)
        with app.state.sessions.begin() as session:
            answer = uploads.receive_batch(
                session, request.state.station_id, batch, request.state.body_sha256, request.state.now
            )
        return Response(answer, media_type="application/json")

    @app.get("/v1/feed", response_model=protocol.FeedPage)
    def feed_page(request: Request, after: int = Query(0, ge=0, le=MAX_FEED_SEQ)):
        with app.state.sessions() as session:
            return feed.page(session, request.state.station_id, after)

    @app.post("/v1/verify", response_model=protocol.VerificationAnswer)
    def verify(request: Request, body: protocol.Verification):
        with app.state.sessions.begin() as session:
            return verification.compare(session, request.state.station_id, body, request.state.now)

    @app.post("/v1/verify/bucket", response_model=protocol.BucketAnswer)
    def verify_bucket(request: Request, body: protocol.BucketCheck):
        with app.state.sessions() as session:
            return verification.compare_bucket(session, request.state.station_id, body)

    @app.post("/v1/attachments/progress", response_model=protocol.AttachmentProgress)
    def attachments_progress(request: Request, body: protocol.AttachmentQuery):
        received = app.state.attachments.received_of(request.state.station_id, body.sha256)
        return protocol.AttachmentProgress(received=received)

    @app.head("/v1/attachments/{sha256}")
    def attachment_progress(request: Request, sha256: str):
        received = app.state.attachments.received(request.state.station_id, sha256)
        return JSONResponse(None, headers={"X-Received": str(received)})

    @app.put("/v1/attachments/{sha256}")
    def attachment_chunk(request: Request, sha256: str):
        received = app.state.attachments.put_chunk(
            request.state.station_id, sha256, request.headers.get("content-range", ""), request._body,
            request.state.now,
        )
        return JSONResponse({"received": received}, headers={"X-Received": str(received)})

    _with_body_schemas(app, protocol.Batch)
    return app


def _parsed(model: type[BaseModel], body: bytes):
    """``body`` as ``model``; refused as FastAPI refuses a body it parses itself (422, by field)."""
    try:
        return model.model_validate_json(body)
    except ValidationError as invalid:
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in invalid.errors()]) from None


def _json_body(model: type[BaseModel]) -> dict:
    """The request body's place in the OpenAPI schema, for a route that parses its body itself."""
    schema = {"$ref": f"#/components/schemas/{model.__name__}"}
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


def _with_body_schemas(app: FastAPI, *models: type[BaseModel]) -> None:
    """Adds the models named by ``_json_body`` to the schema's components, which FastAPI fills
    only from the parameters it parses."""
    plain = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            schema = plain()
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            for model in models:
                own = model.model_json_schema(ref_template="#/components/schemas/{model}")
                components.update(own.pop("$defs", {}))
                components[model.__name__] = own
        return app.openapi_schema

    app.openapi = openapi
