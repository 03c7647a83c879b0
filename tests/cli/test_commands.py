"""The headless commands, run as a user would: arguments in, text and exit status out."""

import io
import json

import pytest

from app.cli import main
from app.domain.calendar import WorkCalendar, dump_calendar_file, provisional_schedule
from app.domain.deadlines import active_calendar


# Each run adds a file handler for its data folder (tests/conftest.py drops them).
pytestmark = pytest.mark.usefixtures("detached_log_files")


@pytest.fixture
def demo_dir(tmp_path, capsys):
    folder = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(folder), "--cases", "40"]) == 0
    capsys.readouterr()
    return folder


def _cases(folder, capsys, *extra):
    assert main(["cases", "--data-dir", str(folder), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_help_lists_every_subcommand(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    for name in ("init", "demo", "cases", "backup", "restore", "recover", "calendar", "check"):
        assert name in out


def test_demo_station_has_cases_in_many_states(demo_dir, capsys):
    cases = _cases(demo_dir, capsys)
    assert len(cases) == 40
    assert {"complaint", "report", "inquiry"} <= {c["kind"] for c in cases}
    assert len({c["state"] for c in cases}) >= 6
    assert len({c["channel"] for c in cases}) == 5
    states = {c["next_deadline"]["state"] for c in cases if c["next_deadline"]}
    assert "overdue" in states and "on_time" in states


def test_demo_can_be_rerun_and_keeps_the_station(demo_dir, capsys):
    assert main(["demo", "--data-dir", str(demo_dir)]) == 0
    assert "已存在" in capsys.readouterr().out
    assert len(_cases(demo_dir, capsys)) == 40


def test_search_option_filters_the_list(demo_dir, capsys):
    everything = _cases(demo_dir, capsys)
    some = _cases(demo_dir, capsys, "--search", "玉手镯")
    assert 0 < len(some) < len(everything)


def test_backup_and_restore_with_confirmation(demo_dir, tmp_path, capsys, monkeypatch):
    target = tmp_path / "copy.db"
    assert main(["backup", "--data-dir", str(demo_dir), "--to", str(target)]) == 0
    assert target.exists()
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    assert main(["restore", str(target), "--data-dir", str(demo_dir)]) == 0
    assert "未做任何改动" in capsys.readouterr().out
    assert main(["restore", str(target), "--data-dir", str(demo_dir), "--yes"]) == 0
    assert "原数据库另存为" in capsys.readouterr().out
    assert main(["check", "--data-dir", str(demo_dir)]) == 0
    assert "完整性检查通过" in capsys.readouterr().out


def test_init_makes_a_real_station_and_shows_the_recovery_code_once(tmp_path, capsys, monkeypatch, memory_keyring):
    folder = tmp_path / "real"
    monkeypatch.setattr("sys.stdin", io.StringIO("station-pass-1\n"))
    code = main([
        "init", "--data-dir", str(folder), "--name", "灵隐景区消费维权服务站", "--kind", "scenic_station",
        "--office", "杭州市西湖区市场监督管理局", "--prefix", "西市监投", "--head-user", "head", "--head-name", "王建国",
    ])
    assert code == 0
    out = capsys.readouterr().out
    recovery = out.strip().splitlines()[-1].strip()
    assert len(recovery.split("-")) == 11
    assert len(memory_keyring.secrets) == 1
    assert not (folder / "DEMO-STATION-KEY-NOT-SECRET.txt").exists()

    # On a new PC: empty keyring, the store copied over, the code typed in.
    memory_keyring.secrets.clear()
    assert main(["cases", "--data-dir", str(folder)]) == 2
    assert "recover" in capsys.readouterr().err
    moved = tmp_path / "new-pc"
    monkeypatch.setattr("sys.stdin", io.StringIO(recovery + "\n"))
    assert main(["recover", "--data-dir", str(moved), "--from", str(folder / "station.db")]) == 0
    assert main(["cases", "--data-dir", str(moved), "--json"]) == 0


def test_init_with_a_weak_password_leaves_nothing_behind(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "real"
    monkeypatch.setattr("sys.stdin", io.StringIO("123\n"))
    code = main([
        "init", "--data-dir", str(folder), "--name", "站", "--kind", "scenic_station",
        "--office", "局", "--prefix", "前缀", "--head-user", "head", "--head-name", "王建国",
    ])
    assert code == 2
    assert "密码" in capsys.readouterr().err
    assert not (folder / "station.db").exists()


def test_calendar_import_makes_a_year_official(demo_dir, tmp_path, capsys):
    assert main(["calendar", "show", "2027", "--data-dir", str(demo_dir)]) == 0
    assert "暂定" in capsys.readouterr().out
    schedule = provisional_schedule(2027)
    official = type(schedule)(
        year=2027,
        holidays=dict(schedule.holidays),
        workdays={},
        source="国务院办公厅关于2027年部分节假日安排的通知",
        official=True,
    )
    calendar_file = tmp_path / "2027.json"
    calendar_file.write_text(dump_calendar_file(official), encoding="utf-8")
    assert main(["calendar", "import", str(calendar_file), "--data-dir", str(demo_dir)]) == 0
    assert "已导入 2027" in capsys.readouterr().out
    assert main(["calendar", "show", "2027", "--data-dir", str(demo_dir)]) == 0
    assert "官方安排" in capsys.readouterr().out
    assert active_calendar().is_official(2027)
    assert not WorkCalendar.shipped().is_official(2027)


def test_a_bad_calendar_file_is_refused_with_a_reason(demo_dir, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "mediation-desk-calendar/1", "year": 2027}', encoding="utf-8")
    assert main(["calendar", "import", str(bad), "--data-dir", str(demo_dir)]) == 2
    assert "错误" in capsys.readouterr().err


def test_a_missing_station_is_a_plain_error(tmp_path, capsys):
    assert main(["cases", "--data-dir", str(tmp_path / "nothing")]) == 2
    err = capsys.readouterr().err
    assert "没有站点数据库" in err and "Traceback" not in err


def test_default_demo_covers_every_state_kind_and_channel(tmp_path, capsys):
    from app.domain.vocabulary import CaseKind, CaseState, Channel

    folder = tmp_path / "full-demo"
    assert main(["demo", "--data-dir", str(folder)]) == 0
    capsys.readouterr()
    cases = _cases(folder, capsys)
    assert len(cases) == 200
    assert {c["state"] for c in cases} == {s.value for s in CaseState}
    assert {c["kind"] for c in cases} == {k.value for k in CaseKind}
    assert {c["channel"] for c in cases} == {c.value for c in Channel}
    due = {c["next_deadline"]["state"] for c in cases if c["next_deadline"]}
    assert {"overdue", "due_soon", "on_time"} <= due


def test_demo_reset_removes_only_the_demo_files(demo_dir, capsys):
    notes = demo_dir / "my-notes.txt"
    notes.write_text("keep me")
    assert main(["demo", "--data-dir", str(demo_dir), "--cases", "10", "--reset"]) == 0
    capsys.readouterr()
    assert notes.read_text() == "keep me"
    assert len(_cases(demo_dir, capsys)) == 10


def test_demo_reset_refuses_a_real_station(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "real"
    monkeypatch.setattr("sys.stdin", io.StringIO("station-pass-1\n"))
    main(["init", "--data-dir", str(folder), "--name", "站", "--kind", "scenic_station", "--office", "局",
          "--prefix", "前缀", "--head-user", "head", "--head-name", "王建国"])
    capsys.readouterr()
    assert main(["demo", "--data-dir", str(folder), "--reset"]) == 2
    assert "真实站点" in capsys.readouterr().err
    assert (folder / "station.db").exists()


def test_a_mistyped_data_dir_is_not_created(tmp_path, capsys):
    typo = tmp_path / "typo"
    assert main(["cases", "--data-dir", str(typo)]) == 2
    assert not typo.exists()


def test_end_of_input_at_a_prompt_cancels_cleanly(demo_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["restore", str(tmp_path / "x.db"), "--data-dir", str(demo_dir)]) == 130
    assert "已取消" in capsys.readouterr().err


def test_a_data_dir_that_is_a_file_is_a_plain_error(tmp_path, capsys):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    assert main(["demo", "--data-dir", str(not_a_folder)]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_text_listing_marks_provisional_deadlines(demo_dir, capsys):
    assert main(["cases", "--data-dir", str(demo_dir)]) == 0
    out = capsys.readouterr().out
    assert "（暂定）" in out or "2027" not in out
