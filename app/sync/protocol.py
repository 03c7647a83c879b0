"""The messages a station and the hub exchange, validated the same way on both sides.

See docs/sync-protocol.md. Every model refuses unknown fields, so a typo or a newer peer is an
error the sender sees, not data the receiver silently drops.
"""

import hashlib
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from app.sync.canonical import content_sha256

PROTOCOL_VERSION = 1
# A batch aims at about 100 changes or 1 MB; the hub refuses far larger ones outright.
BATCH_TARGET_CHANGES = 100
BATCH_TARGET_BYTES = 1_000_000
MAX_BATCH_CHANGES = 1_000
MAX_BODY_BYTES = 8_000_000  # after decompression
FEED_PAGE_SIZE = 200
# Attachments go up in chunks, each confirmed, so a dropped link resumes where it stopped.
ATTACHMENT_CHUNK_BYTES = 256 * 1024
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
# Where each file stands is asked once for all of a sync's files (up to this many a request),
# not file by file: on a 150 ms link, 40 photos would otherwise wait 6 s on round trips alone.
MAX_ATTACHMENT_QUERY = 1_000

Uid = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=100)]


class Message(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Enrolment(Message):
    code: Annotated[str, StringConstraints(pattern=r"^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$")]
    station_uid: Uid
    station_name: ShortText


class EnrolmentAnswer(Message):
    station_uid: Uid
    station_name: str
    secret: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class HubTime(Message):
    now: AwareDatetime
    protocol: int = PROTOCOL_VERSION


class Change(Message):
    """One history row of the station: an append-only fact about a case."""

    uid: Uid
    base_version: int = Field(ge=0)
    at: AwareDatetime  # the station's own clock, as recorded
    username: ShortText
    action: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    changes: dict[str, Any]


class CaseUpload(Message):
    """A case's unsent changes, in order, with the case as it stands after the last of them."""

    case_uid: Uid
    number: ShortText
    synced_version: int = Field(ge=0)  # the last version the hub confirmed; 0 for a new case
    changes: list[Change] = Field(min_length=1)
    snapshot: dict[str, Any]
    version: int = Field(ge=1)
    content_sha256: Sha256

    @model_validator(mode="after")
    def _consistent(self) -> "CaseUpload":
        # Versions need not be contiguous: the station's history has gaps where it took the hub's
        # version (the hub's own change is never sent back), and the hub may number a merge above
        # the station's base versions. The hub merges by snapshot; it needs only the order, and a
        # version beyond the confirmed one (its new version must not collide with a kept one).
        versions = [change.base_version for change in self.changes]
        if any(later <= earlier for earlier, later in zip(versions, versions[1:])):
            raise ValueError("changes must be in the order they were made (base versions increasing)")
        if self.version <= versions[-1] or self.version <= self.synced_version:
            raise ValueError("version must be above the last change's base version and the synced version")
        if content_sha256(self.snapshot) != self.content_sha256:
            raise ValueError("content_sha256 does not match the snapshot")
        return self


class Batch(Message):
    uid: Uid
    cases: list[CaseUpload] = Field(min_length=1)

    @model_validator(mode="after")
    def _not_too_big(self) -> "Batch":
        if sum(len(case.changes) for case in self.cases) > MAX_BATCH_CHANGES:
            raise ValueError(f"a batch holds at most {MAX_BATCH_CHANGES} changes")
        if len({case.case_uid for case in self.cases}) != len(self.cases):
            raise ValueError("a case appears twice in the batch")
        return self


ChangeStatus = Literal["accepted", "duplicate", "conflict", "rejected"]


class FieldConflict(Message):
    field: str
    station_value: Any
    hub_value: Any


class ChangeAnswer(Message):
    uid: Uid
    status: ChangeStatus
    reason: str = ""


class CaseAnswer(Message):
    case_uid: Uid
    status: ChangeStatus
    version: int  # the hub's version of the case after this batch
    content_sha256: Sha256 | None = None
    conflicts: list[FieldConflict] = []
    reason: str = ""


class BatchAnswer(Message):
    batch_uid: Uid
    cases: list[CaseAnswer]
    changes: list[ChangeAnswer]


class WorkOrderParty(Message):
    name: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    phone: Annotated[str, StringConstraints(max_length=30)] = ""
    address: Annotated[str, StringConstraints(max_length=200)] = ""
    credit_code: Annotated[str, StringConstraints(max_length=18)] = ""  # 统一社会信用代码 of a business


class WorkOrder(Message):
    """A case the bureau dispatches to a station (分送), from 12315, 12345 or its own intake."""

    case_uid: Uid
    platform_ref: Annotated[str, StringConstraints(min_length=1, max_length=40)]  # the platform's work-order number
    channel: Literal["12315", "12345"]
    kind: Literal["complaint", "report"]
    received_at: AwareDatetime  # when the platform received it: deadlines count from here
    complainant: WorkOrderParty
    respondent: WorkOrderParty
    request: Annotated[str, StringConstraints(min_length=1, max_length=2000)]
    facts: Annotated[str, StringConstraints(max_length=10000)] = ""
    note: Annotated[str, StringConstraints(max_length=500)] = ""  # the bureau's instruction


class Supervision(Message):
    """A supervision notice (督办) on one of the station's cases."""

    case_uid: Uid
    text: Annotated[str, StringConstraints(min_length=1, max_length=1000)]
    respond_by: date


class Revocation(Message):
    """A work order taken back from the station, because it was reassigned elsewhere."""

    case_uid: Uid
    reason: Annotated[str, StringConstraints(min_length=1, max_length=500)]


class ReferenceData(Message):
    """Data the bureau keeps for every station: the work calendar, category codes, ODR enterprises."""

    kind: Literal["calendar", "categories", "odr_enterprises"]
    content: Any  # the file as the desk imports it (see docs/calendar-format.md for the calendar)


FeedKind = Literal["work_order", "supervision", "revocation", "case_update", "reference", "resync"]


class FeedItem(Message):
    seq: int = Field(ge=1)
    kind: FeedKind
    issued_at: datetime
    payload: dict[str, Any]


class FeedPage(Message):
    items: list[FeedItem]
    more: bool


class HeldCase(Message):
    case_uid: Uid
    version: int = Field(ge=1)
    content_sha256: Sha256


Bucket = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{2}$")]


def bucket_of(case_uid: str) -> str:
    """Cases are compared in 256 buckets by the first two hex digits of their UID, so a station
    with many cases sends one digest per bucket, and case lists only for buckets that differ."""
    return case_uid[:2]


def bucket_digests(held: list[HeldCase]) -> dict[str, str]:
    """Per bucket, the SHA-256 over its cases' ``uid version content_sha256`` lines, sorted."""
    lines: dict[str, list[str]] = {}
    for case in held:
        lines.setdefault(bucket_of(case.case_uid), []).append(f"{case.case_uid} {case.version} {case.content_sha256}")
    return {
        bucket: hashlib.sha256("\n".join(sorted(bucket_lines)).encode()).hexdigest()
        for bucket, bucket_lines in lines.items()
    }


class Verification(Message):
    """What the station holds, in digests; equal digests mean equal cases."""

    case_count: int = Field(ge=0)
    buckets: dict[Bucket, Sha256]  # only buckets that hold a case
    change_count: int = Field(ge=0)
    attachment_count: int = Field(ge=0)


class VerificationAnswer(Message):
    matches: bool
    differing_buckets: list[Bucket] = []
    hub_case_count: int
    hub_change_count: int
    hub_attachment_count: int


class BucketCheck(Message):
    """The station's cases of one bucket, sent when the bucket's digests differ."""

    bucket: Bucket
    cases: list[HeldCase]

    @model_validator(mode="after")
    def _in_bucket(self) -> "BucketCheck":
        if any(bucket_of(case.case_uid) != self.bucket for case in self.cases):
            raise ValueError("a case does not belong to this bucket")
        return self


class BucketAnswer(Message):
    differing: list[Uid] = []  # held on both sides, but not the same version or content
    missing_at_hub: list[Uid] = []
    unknown_at_station: list[Uid] = []


class AttachmentQuery(Message):
    """The files a station is about to send, by SHA-256."""

    sha256: list[Sha256] = Field(min_length=1, max_length=MAX_ATTACHMENT_QUERY)


class AttachmentProgress(Message):
    received: dict[Sha256, int]  # bytes of each file the hub has confirmed; 0 for one it never saw
