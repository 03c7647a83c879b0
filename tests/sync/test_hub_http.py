"""The hub's API over real HTTP: enrolment, signatures, limits, attachments, verification.
Each refused request is checked to have changed nothing."""

import gzip
import hashlib
import time
import uuid

import httpx
import pytest
from sqlalchemy import func, select

from app.sync import protocol, signing
from app.sync.canonical import content_sha256
from app.sync.client import HubClient, HubError
from bureau.db import session_factory
from bureau.models import Case, Change
from tests.sync.conftest import quick_policy, station_code

NOW = "2026-11-28T19:00:00+08:00"


def new_case_batch(request: str = "退款") -> protocol.Batch:
    snapshot = {"request": request}
    upload = protocol.CaseUpload(
        case_uid=str(uuid.uuid4()), number="T2026-00001", synced_version=0,
        changes=[protocol.Change(uid=str(uuid.uuid4()), base_version=1, at=NOW, username="liming",
                                 action="register", changes={"request": [None, request]})],
        snapshot=snapshot, version=2, content_sha256=content_sha256(snapshot),
    )
    return protocol.Batch(uid=str(uuid.uuid4()), cases=[upload])


def counts(hub) -> tuple[int, int]:
    with session_factory(hub.engine)() as session:
        return (session.scalar(select(func.count()).select_from(Case)),
                session.scalar(select(func.count()).select_from(Change)))


def signed_post(client: HubClient, target: str, content: bytes, secret: bytes | None = None, **headers):
    stamp = int(time.time() + client.clock_offset)
    signed = signing.sign(secret or client.secret, "POST", target, client.station_uid, stamp, content)
    return httpx.post(client._http.base_url.join(target), content=content,
                      headers={"Content-Type": "application/json"} | signed.as_dict() | headers)


def test_enrolment_gives_a_secret_and_a_lost_answer_can_be_asked_again(hub):
    code = station_code(hub, "灵隐服务站")
    with HubClient(hub.url, station_uid=str(uuid.uuid4()), policy=quick_policy()) as station:
        first = station.enrol(code, "灵隐服务站")
        assert station.enrol(code.lower(), "灵隐服务站") == first  # the retry after a lost answer
    with HubClient(hub.url, station_uid=str(uuid.uuid4()), policy=quick_policy()) as other:
        with pytest.raises(HubError, match="已被使用") as refused:
            other.enrol(code, "灵隐服务站")
        assert refused.value.status == 409
        with pytest.raises(HubError, match="登记码无效"):
            other.enrol("ABCD-EFGH-JKLM-NPQR", "灵隐服务站")


def test_an_expired_code_is_refused(hub):
    code = station_code(hub, "灵隐服务站")
    hub.clock_shift[0] = 8 * 24 * 3600
    with HubClient(hub.url, station_uid=str(uuid.uuid4()), policy=quick_policy()) as station:
        with pytest.raises(HubError, match="已过期") as refused:
            station.enrol(code, "灵隐服务站")
    assert refused.value.status == 410


def test_a_signed_batch_is_accepted_and_its_replay_refused(hub, enrolled):
    batch = new_case_batch()
    content = batch.model_dump_json().encode()
    stamp = int(time.time())
    headers = {"Content-Type": "application/json"} | signing.sign(
        enrolled.secret, "POST", "/v1/batches", enrolled.station_uid, stamp, content).as_dict()
    first = httpx.post(f"{hub.url}/v1/batches", content=content, headers=headers)
    assert first.status_code == 200 and first.json()["changes"][0]["status"] == "accepted"
    replay = httpx.post(f"{hub.url}/v1/batches", content=content, headers=headers)
    assert replay.status_code == 401 and "重放" in replay.json()["detail"]
    assert counts(hub) == (1, 1)


@pytest.mark.parametrize("how", ["tampered body", "wrong secret", "no signature", "old timestamp"])
def test_a_badly_signed_request_is_refused_and_changes_nothing(hub, enrolled, how):
    content = new_case_batch().model_dump_json().encode()
    if how == "tampered body":
        stamp = int(time.time())
        headers = signing.sign(enrolled.secret, "POST", "/v1/batches", enrolled.station_uid, stamp, content).as_dict()
        response = httpx.post(f"{hub.url}/v1/batches", content=content.replace("退款".encode(), "撤回".encode()),
                              headers={"Content-Type": "application/json"} | headers)
    elif how == "wrong secret":
        response = signed_post(enrolled, "/v1/batches", content, secret=bytes(32))
    elif how == "no signature":
        response = httpx.post(f"{hub.url}/v1/batches", content=content, headers={"Content-Type": "application/json"})
    else:
        enrolled.clock_offset = -3600
        response = signed_post(enrolled, "/v1/batches", content)
    assert response.status_code == 401, response.text
    assert response.json()["detail"]
    assert counts(hub) == (0, 0)


def test_oversized_and_malformed_bodies_get_a_clear_4xx(hub, enrolled):
    big = b"{" + b" " * (protocol.MAX_BODY_BYTES + 10) + b"}"
    assert signed_post(enrolled, "/v1/batches", big).status_code == 413
    bomb = gzip.compress(b" " * (protocol.MAX_BODY_BYTES + 10))
    response = signed_post(enrolled, "/v1/batches", bomb, **{"Content-Encoding": "gzip"})
    assert response.status_code == 413 and "解压" in response.json()["detail"]
    truncated = gzip.compress(new_case_batch().model_dump_json().encode())[:-20]
    assert signed_post(enrolled, "/v1/batches", truncated, **{"Content-Encoding": "gzip"}).status_code == 400
    malformed = signed_post(enrolled, "/v1/batches", b'{"uid": "x", "cases": []}')
    assert malformed.status_code == 422 and "请求内容不合格" in malformed.json()["detail"]
    assert counts(hub) == (0, 0)


def test_the_client_sends_compressed_batches_and_resends_safely(hub, enrolled):
    batch = new_case_batch()
    first = enrolled.send_batch(batch)
    assert enrolled.send_batch(batch) == first  # the same batch: the same answer, nothing twice
    assert counts(hub) == (1, 1)


def test_the_clock_offset_is_measured_and_used_for_signing(hub, enrolled):
    hub.clock_shift[0] = 900  # the station's clock is 15 minutes behind the hub's
    assert 890 < enrolled.hub_time() < 910
    assert enrolled.send_batch(new_case_batch()).changes[0].status == "accepted"


def test_an_attachment_upload_resumes_after_a_cut_and_is_checked_against_its_hash(hub, enrolled):
    data = bytes(range(256)) * 2000  # 512,000 bytes: two chunks
    sha = hashlib.sha256(data).hexdigest()
    chunk = protocol.ATTACHMENT_CHUNK_BYTES
    assert enrolled.put_attachment_chunk(sha, 0, data[:chunk], len(data)) == chunk
    # The link dropped; the station asks where to go on from, for one file or for many at once.
    assert enrolled.attachment_received(sha) == chunk
    unknown = hashlib.sha256(b"never sent").hexdigest()
    assert enrolled.attachments_received([sha, unknown]) == {sha: chunk, unknown: 0}
    with pytest.raises(HubError, match="续传"):
        enrolled.put_attachment_chunk(sha, 0, data[:chunk], len(data))
    assert enrolled.put_attachment_chunk(sha, chunk, data[chunk:], len(data)) == len(data)
    assert (hub.files / sha[:2] / sha).read_bytes() == data
    assert enrolled.attachments_received([sha]) == {sha: len(data)}

    wrong = hashlib.sha256(b"other").hexdigest()
    with pytest.raises(HubError, match="不符") as refused:
        enrolled.put_attachment_chunk(wrong, 0, data[:1000], 1000)
    assert refused.value.status == 422
    assert enrolled.attachment_received(wrong) == 0 and not (hub.files / wrong[:2] / wrong).exists()


def test_verification_matches_only_when_both_sides_hold_the_same(hub, enrolled):
    batch = new_case_batch()
    enrolled.send_batch(batch)
    upload = batch.cases[0]
    held = [protocol.HeldCase(case_uid=upload.case_uid, version=upload.version, content_sha256=upload.content_sha256)]
    claim = protocol.Verification(case_count=1, buckets=protocol.bucket_digests(held), change_count=1, attachment_count=0)
    assert enrolled.verify(claim).matches
    stale = [held[0].model_copy(update={"version": 1})]
    answer = enrolled.verify(claim.model_copy(update={"buckets": protocol.bucket_digests(stale)}))
    assert not answer.matches and answer.differing_buckets == [protocol.bucket_of(upload.case_uid)]
    detail = enrolled.verify_bucket(protocol.BucketCheck(bucket=answer.differing_buckets[0], cases=stale))
    assert detail.differing == [upload.case_uid]
