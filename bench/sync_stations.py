"""The synthetic stations of ``sync_hub.py``, and the rows the hub keeps for what they send.

Each station's cases look like a station's: a complaint registered with its two parties, then
accepted, its facts completed, a session held (1 to 4 changes a case, the first ones of these),
with the snapshot they lead to, as ``CaseUpload`` objects batched by the outbox's own
``batches``. Everything comes from one seeded ``random.Random`` per station.
"""

import hashlib
import random
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from app.sync import protocol
from app.sync.canonical import canonical_json, content_sha256
from app.sync.outbox import PendingCase, batches

# fmt: off
PLACES = ["湖滨", "龙井", "灵隐", "河坊", "断桥", "宋城", "西溪", "曲院", "南山", "北山", "吴山", "梅家坞", "九溪"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰"
SHOPS = ["玉器行", "茶叶店", "特产店", "民宿", "素斋馆", "游船公司", "演艺票务", "珠宝店"]
FACTS = [
    "购买的玉镯经检测为染色石英岩，商家拒绝退货。", "茶叶外包装标注明前龙井，实为普通炒青。",
    "游船未按约定时间开航，也未说明原因。", "民宿房间与网上图片严重不符，卫生条件差。",
    "商家称可以七天无理由退货，回店后却拒绝办理。", "演出临时取消，票务只同意退一半票款。",
]
# fmt: on


@dataclass
class SyntheticStation:
    name: str
    uid: str
    cases: list[PendingCase]
    batches: list[protocol.Batch] = field(default_factory=list)
    secret: bytes = b""

    @property
    def changes(self) -> int:
        return sum(len(case.upload.changes) for case in self.cases)


def _uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _change(rng: random.Random, base_version: int, at: datetime, action: str, changes: dict) -> protocol.Change:
    return protocol.Change(uid=_uid(rng), base_version=base_version, at=at, username="head",
                           action=action, changes=changes)


def synthetic_case(rng: random.Random, number: str, steps: int) -> protocol.CaseUpload:
    """A complaint registered with its two parties, then accepted, its facts completed, a session
    held: the first ``steps`` of these, with the snapshot they lead to."""
    received = datetime(2026, 11, 28, 8, tzinfo=timezone.utc) + timedelta(minutes=rng.randrange(600))
    place = rng.choice(PLACES)
    complainant, respondent = _uid(rng), _uid(rng)
    parties = {
        complainant: {"role": "complainant", "name": rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
                      "phone": f"139{rng.randrange(10**8):08d}", "address": f"杭州市西湖区{place}路{rng.randrange(1, 300)}号",
                      "is_representative": False},
        respondent: {"role": "respondent", "name": place + rng.choice(SHOPS),
                     "address": f"杭州市西湖区{place}街{rng.randrange(1, 300)}号", "is_representative": False},
    }
    case = {"number": number, "kind": "complaint", "channel": "on_site", "state": "registered", "rule": "order121",
            "received_at": received.isoformat(), "entered_at": (received + timedelta(minutes=20)).isoformat(),
            "request": "退货退款", "facts": rng.choice(FACTS) * rng.randint(1, 4),
            "amount_involved": f"{rng.randrange(50, 20000)}.00", "is_group": False, "check_extended": False}
    snapshot: dict = {"case": case, "parties": parties}
    at = received + timedelta(minutes=30)
    changes = [_change(rng, 1, at, "register", {
        **{key: [None, value] for key, value in case.items()},
        "parties": [None, [{"uid": uid, **party} for uid, party in parties.items()]],
    })]
    if steps >= 2:
        changes.append(_change(rng, 2, at + timedelta(hours=1), "accept",
                               {"decided_on": [None, "2026-11-28"], "state": ["registered", "accepted"]}))
        case.update(state="accepted", decided_on="2026-11-28")
    if steps >= 3:
        facts = case["facts"] + "有购物小票和聊天记录为证。"
        changes.append(_change(rng, 3, at + timedelta(hours=2), "edit", {"facts": [case["facts"], facts]}))
        case["facts"] = facts
    if steps >= 4:
        session = {"held_on": "2026-11-28", "place": f"{place}消费维权服务站", "mode": "on_site", "outcome": "agreed"}
        session_uid = _uid(rng)
        changes.append(_change(rng, 4, at + timedelta(hours=3), "session", {"session": [None, session]}))
        snapshot["sessions"] = {session_uid: session}
    return protocol.CaseUpload(case_uid=_uid(rng), number=number, synced_version=0, changes=changes,
                               snapshot=snapshot, version=len(changes) + 1, content_sha256=content_sha256(snapshot))


def synthetic_station(n: int, changes: int, seed: int) -> SyntheticStation:
    """A station with ``changes`` unsent changes over cases of 1 to 4 changes each, in batches."""
    rng = random.Random(seed * 1000 + n)
    cases, made = [], 0
    while made < changes:
        steps = min(rng.choice((1, 2, 2, 3, 4)), changes - made)
        upload = synthetic_case(rng, f"S{n:02d}-T2026-{len(cases) + 1:05d}", steps)
        cases.append(PendingCase(len(cases) + 1, upload, len(upload.model_dump_json())))
        made += steps
    station = SyntheticStation(f"第{n + 1}号消费维权服务站", _uid(rng), cases)
    station.batches = [batch for batch, _group in batches(cases)]
    return station


def hub_rows(stations: list[SyntheticStation], now: datetime) -> dict[str, list[dict]]:
    """The rows the hub keeps for these batches, with ids given here (stations 1..N, cases 1..M)."""
    rows: dict[str, list[dict]] = {"stations": [], "cases": [], "case_versions": [], "changes": [], "batches": []}
    case_id = 0
    for station_id, station in enumerate(stations, start=1):
        rows["stations"].append(dict(id=station_id, name=station.name, uid=station.uid, secret="0" * 64,
                                     created_at=now, feed_seq=0, resync_requested=False))
        for batch in station.batches:
            for upload in batch.cases:
                case_id += 1
                content = canonical_json(upload.snapshot).decode()
                rows["cases"].append(dict(id=case_id, uid=upload.case_uid, station_id=station_id, number=upload.number,
                                          version=upload.version, content=content,
                                          content_sha256=upload.content_sha256, updated_at=now))
                rows["case_versions"].append(dict(case_id=case_id, version=upload.version, content=content,
                                                  content_sha256=upload.content_sha256, at=now))
                for change in upload.changes:
                    body = canonical_json(change.model_dump(mode="json"))
                    rows["changes"].append(dict(
                        uid=change.uid, case_id=case_id, station_id=station_id, batch_uid=batch.uid,
                        base_version=change.base_version, station_at=change.at, received_at=now,
                        username=change.username, action=change.action, body=body.decode(),
                        body_sha256=hashlib.sha256(body).hexdigest(),
                    ))
            answer = protocol.BatchAnswer(
                batch_uid=batch.uid,
                cases=[protocol.CaseAnswer(case_uid=u.case_uid, status="accepted", version=u.version,
                                           content_sha256=u.content_sha256) for u in batch.cases],
                changes=[protocol.ChangeAnswer(uid=c.uid, status="accepted") for u in batch.cases for c in u.changes],
            )
            # The hub keeps the hash of the request's body as sent; any hash does for a bulk insert.
            rows["batches"].append(dict(uid=batch.uid, station_id=station_id, body_sha256="0" * 64,
                                        answer=answer.model_dump_json(), received_at=now))
    return rows
