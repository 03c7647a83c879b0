"""Station settings: typed, validated field by field, kept in the store, changed only by the head."""

import logging
from dataclasses import replace

import pytest
from sqlalchemy import select

from app.domain.errors import IllegalTransition, ValidationError
from app.models.station import Setting
from app.models.store import open_store
from app.services.settings import (
    StationSettings,
    load_settings,
    save_settings,
    update_station,
)
from app.services.station import station_info


def test_a_new_station_reads_the_defaults(store):
    assert load_settings(store) == StationSettings(
        idle_lock_minutes=10, backup_folder="", backup_keep=14, language="zh_CN"
    )


def test_settings_round_trip_through_a_reopened_store(store, station_paths, head, tmp_path):
    folder = tmp_path / "备份"
    wanted = StationSettings(idle_lock_minutes=3, backup_folder=f"  {folder}  ", backup_keep=30, language="en")
    stored = save_settings(store, head, wanted)
    assert stored == replace(wanted, backup_folder=str(folder))
    store.close()
    reopened = open_store(station_paths)
    try:
        assert load_settings(reopened) == stored
    finally:
        reopened.close()


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"idle_lock_minutes": 0}, "settings.idle_lock_minutes", "1 到 240"),
        ({"idle_lock_minutes": 241}, "settings.idle_lock_minutes", "1 到 240"),
        ({"idle_lock_minutes": "10"}, "settings.idle_lock_minutes", "整数"),
        ({"idle_lock_minutes": True}, "settings.idle_lock_minutes", "整数"),
        ({"backup_keep": 0}, "settings.backup_keep", "1 到 365"),
        ({"backup_keep": 366}, "settings.backup_keep", "1 到 365"),
        ({"backup_folder": "relative/backups"}, "settings.backup_folder", "完整路径"),
        ({"backup_folder": "/tmp/\x07bell"}, "settings.backup_folder", "U+0007"),
        ({"language": "fr"}, "settings.language", "不支持"),
    ],
)
def test_each_bad_value_is_refused_naming_its_field(store, head, change, field, words):
    with pytest.raises(ValidationError) as caught:
        save_settings(store, head, replace(StationSettings(), **change))
    assert caught.value.field == field
    assert words in caught.value.reason
    assert load_settings(store) == StationSettings()


def test_a_file_is_not_a_backup_folder(store, head, tmp_path):
    file = tmp_path / "a-file.txt"
    file.write_text("x", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        save_settings(store, head, StationSettings(backup_folder=str(file)))
    assert caught.value.field == "settings.backup_folder"


def test_bounds_are_accepted(store, head):
    for minutes, keep in ((1, 1), (240, 365)):
        save_settings(store, head, StationSettings(idle_lock_minutes=minutes, backup_keep=keep))
        assert load_settings(store).idle_lock_minutes == minutes
        assert load_settings(store).backup_keep == keep


def test_a_mediator_cannot_change_the_settings(store, head, mediator):
    with pytest.raises(IllegalTransition, match="只有站长"):
        save_settings(store, mediator, StationSettings(idle_lock_minutes=5))
    assert load_settings(store) == StationSettings()


def test_an_unreadable_row_reads_as_its_default_and_is_logged(store, head, caplog):
    save_settings(store, head, StationSettings(idle_lock_minutes=7, backup_keep=20))
    with store.session() as session:
        session.get(Setting, "desk.idle_lock_minutes").value = "seven"
        session.get(Setting, "desk.backup_keep").value = "9999"
    with caplog.at_level(logging.WARNING, logger="app.services.settings"):
        settings = load_settings(store)
    assert settings == StationSettings()
    assert "desk.idle_lock_minutes" in caplog.text
    assert "desk.backup_keep" in caplog.text


def test_saving_leaves_other_settings_rows_alone(store, head):
    save_settings(store, head, StationSettings(idle_lock_minutes=5))
    with store.reading() as session:
        keys = set(session.scalars(select(Setting.key)))
    assert "station_uid" in keys
    assert {"desk.idle_lock_minutes", "desk.backup_folder", "desk.backup_keep", "desk.language"} <= keys


def test_the_head_updates_the_station_data_and_it_is_logged(store, head, caplog):
    with caplog.at_level(logging.INFO, logger="app.services.settings"):
        info = update_station(store, head, " 灵隐景区消费维权服务站 ", "杭州市西湖区市场监督管理局", "灵市监投")
    assert (info.name, info.office_name, info.doc_prefix) == (
        "灵隐景区消费维权服务站",
        "杭州市西湖区市场监督管理局",
        "灵市监投",
    )
    assert station_info(store) == info
    assert info.kind.value == "scenic_station"
    assert "head" in caplog.text
    assert "'西湖景区消费维权服务站' -> '灵隐景区消费维权服务站'" in caplog.text
    assert "西市监投' -> '灵市监投'" in caplog.text
    assert "office_name" not in caplog.text  # unchanged fields are not listed


@pytest.mark.parametrize(
    ("values", "field"),
    [
        (("", "某局", "某投"), "station.name"),
        (("站", "  ", "某投"), "station.office_name"),
        (("站", "某局", "投" * 21), "station.doc_prefix"),
    ],
)
def test_station_data_is_checked_by_the_first_run_rules(store, head, values, field):
    before = station_info(store)
    with pytest.raises(ValidationError) as caught:
        update_station(store, head, *values)
    assert caught.value.field == field
    assert station_info(store) == before


def test_a_mediator_cannot_change_the_station_data(store, mediator):
    before = station_info(store)
    with pytest.raises(IllegalTransition):
        update_station(store, mediator, "别的站", "别的局", "别投")
    assert station_info(store) == before
