"""Attachments going up when the hub fails around the last chunk, on SQLite and PostgreSQL hubs:
the upload resumes where it can, and a file the hub will not take holds back only its own case."""

import os
from pathlib import Path

import pytest

from app.cli_sync import enroll
from app.services.attachments import add_attachment
from bureau import attachments
from tests.services.factories import register_complaint
from tests.sync.conftest import run, station_code

PHOTO = bytes(range(256)) * 1200  # 307,200 bytes: two chunks


@pytest.fixture
def station(store, hub):
    enroll(store, hub.url, station_code(hub, "西湖景区消费维权服务站"))
    return store


def test_a_hub_that_dies_after_keeping_the_last_chunk_takes_it_again_and_the_sync_completes(
    station, head, hub, tmp_path, monkeypatch
):
    case_id = register_complaint(station, head)
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(PHOTO)
    view = add_attachment(station, head, case_id, photo)
    real_replace, deaths = os.replace, []

    def replace_then_die(source, target):
        real_replace(source, target)
        if Path(target).is_relative_to(hub.files) and not deaths:  # os is shared: the station's own moves go on
            deaths.append(target)
            raise OSError("the hub died before its commit")  # the station gets a 500 and sends again

    monkeypatch.setattr(attachments.os, "replace", replace_then_die)
    report = run(station)
    assert deaths, "the fault was never injected"
    assert report.verified, report.problems
    assert report.attachments == 1
    assert (hub.files / view.sha256[:2] / view.sha256).read_bytes() == PHOTO


def test_a_file_the_hub_keeps_finding_damaged_holds_back_only_its_own_case(station, head, hub, tmp_path, monkeypatch):
    photo_case = register_complaint(station, head)
    register_complaint(station, head, request="换货")
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(PHOTO)
    view = add_attachment(station, head, photo_case, photo)
    monkeypatch.setattr(attachments, "_file_sha256", lambda path: "0" * 64)  # a disk that garbles what it keeps
    report = run(station)
    assert not report.verified
    assert report.sent == 1 and report.rejected == 2  # the other case went up; this one's two changes wait
    assert any(view.sha256[:12] in problem and "核对仍不符" in problem for problem in report.problems)
    assert not (hub.files / view.sha256[:2] / view.sha256).exists()
