"""Autosaved form drafts: what a user typed survives a crash, a lock or a closed window."""

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.domain import clock
from app.models.station import FormDraft
from app.models.store import Store
from app.services.actor import Actor


@dataclass(frozen=True)
class SavedDraft:
    key: str
    form: str
    content: dict
    saved_at: datetime


def save_draft(store: Store, actor: Actor, key: str, form: str, content: dict) -> None:
    """Keep (or replace) the draft under ``key``; content must be JSON-serialisable."""
    text = json.dumps(content, ensure_ascii=False, sort_keys=True)
    with store.session() as session:
        draft = session.get(FormDraft, key)
        if draft is None:
            draft = FormDraft(key=key, user_id=actor.user_id, form=form)
            session.add(draft)
        draft.content = text
        draft.saved_at = clock.now()


def load_draft(store: Store, key: str) -> SavedDraft | None:
    with store.reading() as session:
        draft = session.get(FormDraft, key)
        return draft and SavedDraft(draft.key, draft.form, json.loads(draft.content), draft.saved_at)


def drafts_of(store: Store, actor: Actor) -> list[SavedDraft]:
    """The user's drafts, newest first, to offer after a restart."""
    with store.reading() as session:
        rows = session.scalars(
            select(FormDraft).where(FormDraft.user_id == actor.user_id).order_by(FormDraft.saved_at.desc())
        )
        return [SavedDraft(d.key, d.form, json.loads(d.content), d.saved_at) for d in rows]


def discard_draft(store: Store, key: str) -> None:
    """Drop a draft once its form was saved for real, or the user chose to throw it away."""
    with store.session() as session:
        draft = session.get(FormDraft, key)
        if draft is not None:
            session.delete(draft)
