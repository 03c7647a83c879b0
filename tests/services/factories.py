"""Cases for tests, made through the real intake service."""

from datetime import timedelta

from app.domain import clock
from app.domain.vocabulary import Channel
from app.services.drafts import CaseDraft, PartyDraft
from app.services.intake import register_case


def complaint_draft(**overrides) -> CaseDraft:
    values = dict(
        kind="complaint",
        channel=Channel.ON_SITE,
        received_at=clock.now() - timedelta(hours=1),
        complainants=[PartyDraft(name="张三", phone="13800138000", address="杭州市西湖区北山街1号")],
        respondent=PartyDraft(name="湖滨玉器行", address="杭州市西湖区湖滨路5号"),
        request="退货退款",
        facts="购买的玉镯经检测为染色石英岩",
        amount_involved="1200.50",
    )
    values.update(overrides)
    return CaseDraft(**values)


def register_complaint(store, actor, **overrides) -> int:
    (registered,) = register_case(store, actor, complaint_draft(**overrides))
    return registered.case_id
