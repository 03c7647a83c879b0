"""Requests the hub must refuse with a clear 4xx, over real HTTP on SQLite and PostgreSQL: nothing
a station (or anyone) sends may end in a traceback, and a refused request changes nothing."""

import gzip
import time
import uuid
from datetime import datetime, timezone

import httpx
import pytest
from sqlalchemy import select

from app.sync import protocol, signing
from app.sync.canonical import content_sha256
from app.sync.client import HubClient, HubError
from bureau.db import session_factory
from bureau.models import Case
from tests.sync.conftest import quick_policy, station_code

NAME = "a" * 64


def signed(client: HubClient, method: str, target: str, body: bytes = b"", signed_target: str | None = None, **headers):
    """A request signed over ``signed_target`` (the target itself unless given), sent to ``target``."""
    stamp = int(time.time() + client.clock_offset)
    signature = signing.sign(client.secret, method, signed_target or target, client.station_uid, stamp, body)
    return httpx.request(method, client._http.base_url.join(target), content=body or None,
                         headers=headers | signature.as_dict())


def case_upload(number: str = "T2026-00001", snapshot: dict | None = None) -> protocol.CaseUpload:
    snapshot = {"case": {"request": "退款"}} if snapshot is None else snapshot
    change = protocol.Change(uid=str(uuid.uuid4()), base_version=1, at=datetime.now(timezone.utc),
                             username="liming", action="register", changes={})
    return protocol.CaseUpload(case_uid=str(uuid.uuid4()), number=number, synced_version=0, changes=[change],
                               snapshot=snapshot, version=2, content_sha256=content_sha256(snapshot))


def hub_case_uids(hub) -> list[str]:
    with session_factory(hub.engine)() as session:
        return list(session.scalars(select(Case.uid)))


def test_a_used_code_stops_repeating_the_secret_once_the_station_has_signed_with_it(hub):
    code = station_code(hub, "灵隐服务站")
    with HubClient(hub.url, station_uid=str(uuid.uuid4()), policy=quick_policy()) as station:
        answer = station.enrol(code, "灵隐服务站")
        station.secret = bytes.fromhex(answer.secret)
        station.feed(0)  # the secret arrived and works
        with pytest.raises(HubError, match="已被使用") as refused:
            station.enrol(code, "灵隐服务站")  # whoever has the slip and the (public) station UID
    assert refused.value.status == 409


def test_a_timestamp_of_other_digits_than_ascii_is_a_401(hub, enrolled):
    # Headers are read as Latin-1; "²".isdigit() is True, but int("²") fails.
    response = httpx.get(f"{hub.url}/v1/feed", headers={
        signing.STATION_HEADER: enrolled.station_uid, signing.TIMESTAMP_HEADER: b"\xb2",
        signing.NONCE_HEADER: "0" * 32, signing.SIGNATURE_HEADER: "00",
    })
    assert response.status_code == 401 and "签名信息不全" in response.json()["detail"]


def test_the_signature_covers_the_path_as_sent(hub, enrolled):
    # A decoded path loses "\n": a signature for the clean name must not pass for the name with %0A.
    response = signed(enrolled, "PUT", f"/v1/attachments/{NAME}%0A", b"x", signed_target=f"/v1/attachments/{NAME}",
                      **{"Content-Range": "bytes 0-0/1"})
    assert response.status_code == 401, response.text
    assert not (hub.files / "partial").exists()


def test_an_attachment_name_with_a_trailing_newline_is_a_400(hub, enrolled):
    response = signed(enrolled, "PUT", f"/v1/attachments/{NAME}%0A", b"x", **{"Content-Range": "bytes 0-0/1"})
    assert response.status_code == 400 and "SHA-256" in response.json()["detail"]
    head = signed(enrolled, "HEAD", f"/v1/attachments/{NAME}%0A")
    assert head.status_code == 400
    assert not (hub.files / "partial").exists()


def test_a_feed_cursor_beyond_64_bits_is_a_422(hub, enrolled):
    response = signed(enrolled, "GET", "/v1/feed?after=99999999999999999999")
    assert response.status_code == 422 and "after" in response.json()["detail"]


@pytest.mark.parametrize("bad, reason", [
    (case_upload(number="号" * 41), "超过 40 个字"),
    (case_upload(snapshot={"case": {"request": "退款"}, "attachments": [NAME]}), "attachments"),
    (case_upload(snapshot={"case": {"request": "退款"}, "attachments": {"u1": {"sha256": "小票"}}}), "sha256"),
    (case_upload(snapshot={"case": {"request/退款": "退款"}}), "含有“/”"),
])
def test_a_case_the_hub_cannot_hold_is_refused_with_its_reason_and_the_batch_goes_on(hub, enrolled, bad, reason):
    good = case_upload()
    batch = protocol.Batch(uid=str(uuid.uuid4()), cases=[bad, good])
    body = gzip.compress(batch.model_dump_json().encode(), mtime=0)
    response = signed(enrolled, "POST", "/v1/batches", body,
                      **{"Content-Encoding": "gzip", "Content-Type": "application/json"})
    assert response.status_code == 200, response.text
    answer = protocol.BatchAnswer.model_validate_json(response.content)
    assert [c.status for c in answer.cases] == ["rejected", "accepted"]
    assert reason in answer.cases[0].reason
    assert hub_case_uids(hub) == [good.case_uid]
