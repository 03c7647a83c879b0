"""The wire models and signatures, on their own: what each side refuses before any database."""

import uuid
from datetime import datetime, timezone

import pytest
from pydantic import ValidationError

from app.sync import signing
from app.sync.canonical import canonical_json, content_sha256
from app.sync.protocol import MAX_BATCH_CHANGES, Batch, CaseUpload, Change

SECRET = bytes(range(32))
NOW = datetime(2026, 11, 28, 18, 30, tzinfo=timezone.utc)


def a_change(base_version: int, **overrides) -> Change:
    values = dict(
        uid=str(uuid.uuid4()), base_version=base_version, at=NOW, username="liming", action="edit",
        changes={"request": ["退款", "退款并赔偿"]},
    )
    return Change(**(values | overrides))


def an_upload(changes: list[Change], snapshot=None, **overrides) -> CaseUpload:
    snapshot = {"request": "退款并赔偿"} if snapshot is None else snapshot
    values = dict(
        case_uid=str(uuid.uuid4()), number="T2026-00001", synced_version=changes[0].base_version,
        changes=changes, snapshot=snapshot, version=changes[-1].base_version + 1,
        content_sha256=content_sha256(snapshot),
    )
    return CaseUpload(**(values | overrides))


def test_canonical_json_is_the_same_whatever_the_key_order():
    assert canonical_json({"b": 1, "a": "投诉"}) == canonical_json({"a": "投诉", "b": 1})
    assert canonical_json({"a": "投诉"}) == '{"a":"投诉"}'.encode()


def test_a_signature_covers_every_part_of_the_request():
    parts = dict(method="POST", target="/v1/batches", station="s-1", timestamp=1_790_000_000, nonce="ab" * 16, body=b"{}")
    reference = signing.signature(SECRET, **parts)
    assert signing.signature(SECRET, **parts) == reference
    for name, other in [
        ("method", "PUT"), ("target", "/v1/batches?x=1"), ("station", "s-2"),
        ("timestamp", 1_790_000_001), ("nonce", "cd" * 16), ("body", b"{ }"),
    ]:
        assert signing.signature(SECRET, **(parts | {name: other})) != reference, name
    assert signing.signature(bytes(32), **parts) != reference


def test_each_signing_uses_a_new_nonce():
    first = signing.sign(SECRET, "GET", "/v1/feed?after=0", "s-1", 1_790_000_000, b"")
    second = signing.sign(SECRET, "GET", "/v1/feed?after=0", "s-1", 1_790_000_000, b"")
    assert first.nonce != second.nonce and first.signature != second.signature
    assert signing.signature_matches(first.signature, first.signature)
    assert not signing.signature_matches(first.signature, second.signature)


def test_an_upload_whose_hash_does_not_match_its_snapshot_is_refused():
    with pytest.raises(ValidationError, match="content_sha256"):
        an_upload([a_change(1)], content_sha256="0" * 64)


def test_unknown_fields_and_naive_times_are_refused():
    with pytest.raises(ValidationError, match="Extra inputs"):
        Change(**a_change(1).model_dump(), extra_field=1)
    with pytest.raises(ValidationError, match="timezone"):
        a_change(1, at=datetime(2026, 11, 28, 18, 30))
    with pytest.raises(ValidationError):
        a_change(1, uid="not-a-uid")


def test_a_batch_is_limited_and_holds_each_case_once():
    upload = an_upload([a_change(1)])
    with pytest.raises(ValidationError, match="twice"):
        Batch(uid=str(uuid.uuid4()), cases=[upload, upload])
    big = an_upload([a_change(v) for v in range(1, MAX_BATCH_CHANGES + 2)])
    with pytest.raises(ValidationError, match="at most"):
        Batch(uid=str(uuid.uuid4()), cases=[big])
