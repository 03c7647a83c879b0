"""Correcting a case: who may change who handles it, a reporter kept from staff not handling the
report (Art. 37), and the case version an edit produced."""

import json

import pytest

from app.domain.errors import IllegalTransition, ValidationError
from app.domain.vocabulary import PartyRole, UserRole
from app.models.case import Case
from app.services import accounts, details, editing
from app.services.actor import Actor
from app.services.case_rows import REPORTER_WITHHELD
from app.services.changes import record
from app.services.drafts import PartyDraft
from tests.services.factories import register_complaint

REPORTER = PartyDraft(name="周小梅", phone="13900001111", address="杭州市上城区解放路2号")


@pytest.fixture
def other(store):
    """A mediator not handling the report."""
    return accounts.add_user(store, "chenjing", "陈静", "mediator", "another-pass-1")


def _detail(store, actor, case_id):
    return details.case_detail(store, case_id, role=actor.role, viewer_id=actor.user_id)


def _reporter(store, head, case_id):
    return next(p for p in _detail(store, head, case_id).parties if p.role is PartyRole.REPORTER)


def test_only_the_head_may_change_who_handles_a_case(store, head, mediator, other):
    case_id = register_complaint(store, head, kind="report", mediator_id=mediator.user_id, complainants=[REPORTER])
    before = _detail(store, head, case_id)

    # A mediator reassigning the report to themselves would see who reported it.
    with pytest.raises(ValidationError) as refused:
        editing.edit_case(store, other, case_id, {"facts": "补充的事实", "mediator_id": other.user_id})
    assert (refused.value.field, refused.value.label) == ("mediator_id", "承办调解员")
    assert "只有站长" in str(refused.value)
    after = _detail(store, head, case_id)
    assert (after.mediator_id, after.facts, after.version) == (mediator.user_id, before.facts, before.version)
    assert _detail(store, other, case_id).parties[0].name == REPORTER_WITHHELD

    # Sending the mediator the case already has changes nothing, so it is no reassignment.
    assert editing.edit_case(store, other, case_id, {"mediator_id": mediator.user_id}).changes == {}
    saved = editing.edit_case(store, head, case_id, {"mediator_id": other.user_id})
    assert saved.changes == {"mediator_id": [mediator.user_id, other.user_id]}
    assert _detail(store, other, case_id).parties[0].name == "周小梅"


def test_a_withheld_reporter_cannot_be_edited_nor_an_edit_of_them_undone(store, head, mediator, other):
    case_id = register_complaint(store, head, kind="report", mediator_id=mediator.user_id, complainants=[REPORTER])
    reporter = _reporter(store, head, case_id)
    changed = PartyDraft(name="周小梅", phone="13900002222", address="杭州市上城区解放路2号")

    with pytest.raises(IllegalTransition, match="举报人信息依法保密"):
        editing.edit_party(store, other, case_id, reporter.id, changed)
    assert _reporter(store, head, case_id).phone == "13900001111"

    saved = editing.edit_party(store, mediator, case_id, reporter.id, changed)
    with pytest.raises(IllegalTransition, match="举报人信息依法保密"):
        editing.undo_edit(store, other, case_id, saved.changes, version=saved.version, party_id=reporter.id)
    assert _reporter(store, head, case_id).phone == "13900002222"
    # The respondent is no secret: anyone who may edit the case may correct it.
    respondent = next(p for p in _detail(store, other, case_id).parties if p.role is PartyRole.RESPONDENT)
    renamed = editing.edit_party(store, other, case_id, respondent.id, PartyDraft(name="湖滨珠宝行", address="湖滨路5号"))
    assert renamed.changes["name"] == ["湖滨玉器行", "湖滨珠宝行"]


def test_an_edit_returns_the_version_it_produced_and_its_undo_is_based_on_it(store, head):
    case_id = register_complaint(store, head)
    registered = _detail(store, head, case_id).version
    saved = editing.edit_case(store, head, case_id, {"facts": "玉镯内有明显气泡"}, based_on=registered)
    assert saved.changes == {"facts": ["购买的玉镯经检测为染色石英岩", "玉镯内有明显气泡"]}
    assert saved.version == _detail(store, head, case_id).version == registered + 1

    party = _detail(store, head, case_id).parties[0]
    corrected = PartyDraft(name="张三", phone="13900139000", address="杭州")
    phone = editing.edit_party(store, head, case_id, party.id, corrected, based_on=saved.version)
    assert phone.version == _detail(store, head, case_id).version == registered + 2
    undone = editing.undo_edit(store, head, case_id, phone.changes, version=phone.version, party_id=party.id)
    assert undone.changes["phone"] == ["13900139000", "13800138000"]
    assert undone.version == _detail(store, head, case_id).version == registered + 3

    nothing = editing.edit_case(store, head, case_id, {"facts": "玉镯内有明显气泡"})
    assert (nothing.changes, nothing.version) == ({}, registered + 3)


def test_the_history_shows_a_reporter_only_to_whom_may_see_them(store, head, mediator, other):
    case_id = register_complaint(store, head, kind="report", mediator_id=mediator.user_id, complainants=[REPORTER])
    reporter = _reporter(store, head, case_id)
    editing.edit_party(
        store, mediator, case_id, reporter.id, PartyDraft(name="周晓梅", phone="13900002222", address="杭州市拱墅区")
    )
    editing.edit_case(store, mediator, case_id, {"facts": "补充的事实"})

    for viewer in (head, mediator):
        text = json.dumps([entry.changes for entry in _detail(store, viewer, case_id).history], ensure_ascii=False)
        assert "周小梅" in text and "周晓梅" in text and "13900002222" in text

    history = _detail(store, other, case_id).history
    assert [entry.action for entry in history] == ["register", "edit_party", "edit"]
    text = json.dumps([entry.changes for entry in history], ensure_ascii=False)
    for secret in ("周小梅", "周晓梅", "13900001111", "13900002222", "解放路", "拱墅区"):
        assert secret not in text
    registered, edited, facts = history
    # The registration keeps everything else, the respondent included.
    assert [party["role"] for party in registered.changes["parties"][1]] == ["respondent"]
    assert registered.changes["kind"] == [None, "report"]
    # That the reporter's details were changed, when and by whom, is still there.
    assert edited.changes == {"party": REPORTER_WITHHELD} and edited.who == "李明"
    assert facts.changes == {"facts": ["购买的玉镯经检测为染色石英岩", "补充的事实"]}


def test_a_reporters_details_from_the_hub_are_withheld_too(store, head, mediator, other):
    case_id = register_complaint(store, head, kind="report", mediator_id=mediator.user_id, complainants=[REPORTER])
    with store.session() as session:
        case = session.get(Case, case_id)
        reporter_uid = next(p.uid for p in case.parties if p.role == PartyRole.REPORTER.value)
        respondent_uid = next(p.uid for p in case.parties if p.role == PartyRole.RESPONDENT.value)
        # As the bureau hub's update is recorded (app.sync.hub_versions): one path per field.
        record(session, case, Actor(None, "bureau", "市局中心", UserRole.HEAD), "hub_update", {
            f"parties/{reporter_uid}/phone": ["13900001111", "13900003333"],
            f"parties/{respondent_uid}/address": ["湖滨路5号", "湖滨路7号"],
        })

    (_, update) = _detail(store, other, case_id).history
    assert update.changes == {
        f"parties/{reporter_uid}/phone": REPORTER_WITHHELD,
        f"parties/{respondent_uid}/address": ["湖滨路5号", "湖滨路7号"],
    }
    (_, update) = _detail(store, mediator, case_id).history
    assert update.changes[f"parties/{reporter_uid}/phone"] == ["13900001111", "13900003333"]
