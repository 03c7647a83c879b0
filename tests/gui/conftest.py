"""Cases for the desk's windows, registered through the real intake service."""

from datetime import timedelta

import pytest

from app.domain import clock
from app.domain.vocabulary import Channel
from app.services.drafts import CaseDraft, PartyDraft
from app.services.intake import register_case
from app.views.case_detail import CaseDetailView, CaseServices
from tests.services.factories import register_complaint as register_full_complaint


@pytest.fixture
def register_complaint(store, head):
    """Register one complaint; returns its case number."""

    def register(
        complainant: str, phone: str, respondent: str, *, days_ago: int = 0, mediator_id: int | None = None
    ) -> str:
        draft = CaseDraft(
            kind="complaint",
            channel=Channel.ON_SITE,
            received_at=clock.now() - timedelta(days=days_ago),
            complainants=[PartyDraft(name=complainant, phone=phone)],
            respondent=PartyDraft(name=respondent),
            request="退还费用并赔礼道歉",
            mediator_id=mediator_id,
        )
        return register_case(store, head, draft)[0].number

    return register


@pytest.fixture
def case_id(store, head):
    """One complaint with every Art. 10 fact, registered through the real intake."""
    return register_full_complaint(store, head)


@pytest.fixture
def open_view(qtbot, store):
    """Make a detail view of ``case_id`` for ``actor``; qtbot closes it (and its dialogs) after."""

    def open_view(actor, case_id) -> CaseDetailView:
        view = CaseDetailView(CaseServices.for_store(store, actor), case_id)
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        return view

    return open_view
