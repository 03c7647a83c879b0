"""The three-way merge on its own."""

from hypothesis import given
from hypothesis import strategies as st

from bureau.merge import flatten, merge, unflatten

BASE = {"request": "退款", "state": "accepted", "parties": {"p1": {"name": "张三", "phone": "13800138000"}}}


def test_changes_on_different_fields_both_survive():
    station = BASE | {"request": "退款并赔偿"}
    hub = BASE | {"state": "mediating"}
    merged, clashes = merge(BASE, station, hub)
    assert clashes == []
    assert merged == BASE | {"request": "退款并赔偿", "state": "mediating"}


def test_the_same_field_changed_to_different_values_is_a_clash_keeping_the_hub_value():
    station = {**BASE, "parties": {"p1": {"name": "张三", "phone": "13900139000"}}}
    hub = {**BASE, "parties": {"p1": {"name": "张三", "phone": "13700137000"}}}
    merged, clashes = merge(BASE, station, hub)
    assert [(c.path, c.station_value, c.hub_value) for c in clashes] == [("parties/p1/phone", "13900139000", "13700137000")]
    assert merged["parties"]["p1"]["phone"] == "13700137000"


def test_the_same_change_on_both_sides_is_no_clash():
    station = hub = BASE | {"request": "退款并赔偿"}
    assert merge(BASE, station, hub) == (station, [])


def test_a_record_added_and_one_removed_by_the_station():
    station = {**BASE, "attachments": {"abc": {"name": "小票.jpg"}}}
    merged, clashes = merge(BASE, station, BASE)
    assert clashes == [] and merged["attachments"] == {"abc": {"name": "小票.jpg"}}
    merged, clashes = merge(station, BASE, station)
    assert clashes == [] and "attachments" not in merged


values = st.one_of(st.none(), st.integers(), st.text(max_size=5), st.lists(st.integers(), max_size=3))
contents = st.recursive(
    st.dictionaries(st.text("abc", min_size=1, max_size=2), values, min_size=1, max_size=4),
    lambda inner: st.dictionaries(st.text("abc", min_size=1, max_size=2), inner, min_size=1, max_size=3),
    max_leaves=12,
)


@given(contents)
def test_flatten_and_unflatten_round_trip(content):
    assert unflatten(flatten(content)) == content


@given(contents, contents)
def test_merging_with_an_unchanged_hub_gives_the_station_version(base, station):
    assert merge(base, station, base) == (station, [])


PARTY = {"name": "张三", "phone": "13800138000", "role": "complainant"}


def test_a_part_the_station_removed_but_the_hub_changed_stays_whole_as_the_hubs():
    base = {"case": {"request": "退款"}, "parties": {"u1": PARTY}}
    station = {"case": {"request": "退款并赔偿"}}
    hub = {"case": {"request": "退款"}, "parties": {"u1": PARTY | {"phone": "13900139000"}}}
    merged, clashes = merge(base, station, hub)
    assert [(c.path, c.station_value, c.hub_value) for c in clashes] == [("parties/u1/phone", None, "13900139000")]
    assert merged == {"case": {"request": "退款并赔偿"}, "parties": hub["parties"]}


def test_a_field_the_hub_added_to_a_part_the_station_removed_keeps_the_part_whole():
    base = {"case": {"request": "退款"}, "parties": {"u1": {"name": "张三"}, "u2": {"name": "李四"}}}
    station = {"case": {"request": "退款"}, "parties": {"u2": {"name": "李四"}}}
    hub = {"case": {"request": "退款"}, "parties": {"u1": {"name": "张三", "phone": "1"}, "u2": {"name": "李四"}}}
    merged, clashes = merge(base, station, hub)
    assert [(c.path, c.station_value, c.hub_value) for c in clashes] == [("parties/u1/phone", None, "1")]
    assert merged == hub


def test_a_part_the_hub_removed_but_the_station_changed_stays_removed():
    base = {"case": {"request": "退款"}, "parties": {"u1": PARTY, "u2": {"name": "李四"}}}
    station = {"case": {"request": "退款"}, "parties": {"u1": PARTY | {"address": "西湖区"}, "u2": {"name": "李四"}}}
    hub = {"case": {"request": "退款"}, "parties": {"u2": {"name": "李四"}}}
    merged, clashes = merge(base, station, hub)
    assert [(c.path, c.station_value, c.hub_value) for c in clashes] == [("parties/u1/address", "西湖区", None)]
    assert merged == hub
