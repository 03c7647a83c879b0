"""The one place that binds the views' service callables to an open store and a signed-in user.

Views receive plain callables; only this module (and the desk's start-up) knows the store.
"""

from app.models.store import Store
from app.services import accounts, editing, station
from app.services.actor import Actor
from app.services.drafts_store import discard_draft, load_draft, save_draft
from app.services.intake import register_case
from app.services.lookups import find_businesses, repeat_signs
from app.views.edit_dialogs import EditServices
from app.views.intake_form import IntakeServices


def intake_services(store: Store, actor: Actor) -> IntakeServices:
    def load(key: str) -> dict | None:
        saved = load_draft(store, key)
        return saved.content if saved else None

    return IntakeServices(
        register=lambda draft: register_case(store, actor, draft),
        find_businesses=lambda typed: find_businesses(store, typed),
        repeat_signs=lambda name, phone, address: repeat_signs(store, name=name, phone=phone, address=address),
        categories=lambda: station.categories(store),
        problem_kinds=lambda: station.problem_kinds(store),
        mediators=lambda: accounts.users(store),
        save_draft=lambda key, content: save_draft(store, actor, key, "intake", content),
        load_draft=load,
        discard_draft=lambda key: discard_draft(store, key),
    )


def edit_services(store: Store, actor: Actor) -> EditServices:
    return EditServices(
        edit_case=lambda case_id, fields, based_on=None: editing.edit_case(
            store, actor, case_id, fields, based_on=based_on
        ),
        edit_party=lambda case_id, party_id, details, based_on=None: editing.edit_party(
            store, actor, case_id, party_id, details, based_on=based_on
        ),
        undo_edit=lambda case_id, changes, version, party_id=None: editing.undo_edit(
            store, actor, case_id, changes, version=version, party_id=party_id
        ),
        categories=lambda: station.categories(store),
        problem_kinds=lambda: station.problem_kinds(store),
        mediators=lambda: accounts.users(store),
    )
