"""The content digest the QR code carries: canonical, and changed by any printed detail."""

import json
from dataclasses import replace

from app.printing import qr
from app.printing.qr import canonical_json, content_digest, qr_payload
from app.printing.samples import sample_documents

SAMPLES = sample_documents()


def test_the_canonical_json_has_sorted_keys_iso_dates_and_decimal_text():
    agreement = SAMPLES["agreement"]
    text = canonical_json(agreement).decode("utf-8")
    document = json.loads(text)
    assert document["form"] == "agreement" and document["template"] == "2026.1"
    assert document["content"]["amount"] == "13300.00"
    assert document["content"]["heading"]["issued_on"] == "2026-11-08"
    assert text == json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    moment = json.loads(canonical_json(SAMPLES["mediation-notice"]))["content"]["starts_at"]
    assert moment == "2026-11-12T14:30:00+08:00"


def test_equal_content_gives_an_equal_digest_and_any_change_another():
    agreement = SAMPLES["agreement"]
    assert content_digest(agreement) == content_digest(sample_documents()["agreement"])
    changed = replace(agreement, terms=(*agreement.terms[:-1], agreement.terms[-1] + "。"))
    assert content_digest(changed) != content_digest(agreement)
    renumbered = replace(agreement, heading=replace(agreement.heading, number="西市监调〔2026〕第57号"))
    assert content_digest(renumbered) != content_digest(agreement)


def test_the_template_version_is_part_of_the_digest(monkeypatch):
    before = content_digest(SAMPLES["refusal"])
    monkeypatch.setattr(qr, "TEMPLATE_VERSION", "2027.1")
    assert content_digest(SAMPLES["refusal"]) != before


def test_a_document_without_a_number_is_identified_by_its_case():
    draft = sample_documents(issued=False)["refusal"]
    form, number, digest = qr_payload(draft).split("|")
    assert (form, number, digest) == ("refusal", draft.heading.case_number, content_digest(draft))
