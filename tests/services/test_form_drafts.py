"""Form drafts survive closing the store, belong to their user, and go when discarded."""

from app.models.store import open_store
from app.services.drafts_store import discard_draft, drafts_of, load_draft, save_draft


def test_a_draft_survives_reopening_and_is_replaced_then_discarded(store, station_paths, head, mediator):
    save_draft(store, mediator, "intake:1", "intake", {"request": "退货", "phone": "1380013"})
    save_draft(store, mediator, "intake:1", "intake", {"request": "退货退款", "phone": "13800138000"})
    save_draft(store, head, "intake:2", "intake", {"request": "𠀀 生僻字"})
    store.close()
    reopened = open_store(station_paths)
    try:
        (mine,) = drafts_of(reopened, mediator)
        assert mine.content == {"request": "退货退款", "phone": "13800138000"}
        assert load_draft(reopened, "intake:2").content["request"] == "𠀀 生僻字"
        discard_draft(reopened, "intake:1")
        assert load_draft(reopened, "intake:1") is None
        assert drafts_of(reopened, mediator) == []
    finally:
        reopened.close()
