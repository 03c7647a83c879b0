"""/v1/batches parses its body itself and sends the answer it kept: what a station sees over HTTP
must stay what FastAPI's own parsing and answers gave (422 by field, the same answer again for a
resend, byte for byte), and the schema must still describe the body."""

import json

import httpx
from sqlalchemy import func, select

from bureau.db import session_factory
from bureau.models import Batch, Change, SeenNonce
from tests.sync.conftest import enrolled, hub  # noqa: F401  (fixtures)
from tests.sync.test_hub_http import new_case_batch, signed_post


def _count(hub, model) -> int:  # noqa: F811
    with session_factory(hub.engine)() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_a_resent_batch_gets_its_first_answer_byte_for_byte(hub, enrolled):  # noqa: F811
    body = new_case_batch().model_dump_json().encode()
    first = signed_post(enrolled, "/v1/batches", body)
    again = signed_post(enrolled, "/v1/batches", body)
    assert first.status_code == again.status_code == 200, first.text
    assert first.headers["content-type"] == "application/json"
    assert again.content == first.content
    assert json.loads(first.content)["changes"][0]["status"] == "accepted"
    assert _count(hub, Change) == 1 and _count(hub, Batch) == 1


def test_a_bad_field_is_a_422_naming_it_and_keeps_nothing_but_the_nonce(hub, enrolled):  # noqa: F811
    batch = json.loads(new_case_batch().model_dump_json())
    batch["cases"][0]["changes"][0]["uid"] = "not-a-uid"
    refused = signed_post(enrolled, "/v1/batches", json.dumps(batch).encode())
    assert refused.status_code == 422
    assert "请求内容不合格" in refused.json()["detail"] and "cases.0.changes.0.uid" in refused.json()["detail"]
    assert signed_post(enrolled, "/v1/batches", b"{not json").status_code == 422
    assert signed_post(enrolled, "/v1/batches", b"").status_code == 422
    assert _count(hub, Change) == 0 and _count(hub, Batch) == 0
    assert _count(hub, SeenNonce) == 3  # enrolment is unsigned; each signed request's nonce is kept


def test_a_replayed_request_is_refused_after_the_signature_check(hub, enrolled):  # noqa: F811
    body = new_case_batch().model_dump_json().encode()
    first = signed_post(enrolled, "/v1/batches", body)
    replay = httpx.post(first.request.url, content=body, headers=dict(first.request.headers))
    assert replay.status_code == 401 and "重放" in replay.json()["detail"]
    assert _count(hub, SeenNonce) == 1 and _count(hub, Change) == 1


def test_the_schema_describes_the_batch_body(hub):  # noqa: F811
    schema = httpx.get(f"{hub.url}/openapi.json").json()
    body = schema["paths"]["/v1/batches"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/Batch"}
    components = schema["components"]["schemas"]
    assert {"Batch", "CaseUpload", "Change", "BatchAnswer"} <= components.keys()
    assert components["Batch"]["properties"]["cases"]["items"] == {"$ref": "#/components/schemas/CaseUpload"}
