"""mediation-bureau's commands, on SQLite and PostgreSQL; the server started as a real process."""

import json
import os
import re
import socket
import subprocess
import sys
import uuid

from datetime import datetime, timezone

import httpx
import pytest

from app.sync.protocol import Enrolment
from bureau.cli import main
from bureau.db import make_hub_engine, session_factory
from bureau.enrolment import enrol
from bureau.errors import Refused

ORDER = {
    "platform_ref": "1233010000202611280001",
    "channel": "12315",
    "kind": "complaint",
    "received_at": "2026-11-28T09:30:00+08:00",
    "complainant": {"name": "张三", "phone": "13800138000"},
    "respondent": {"name": "西湖龙井茶庄", "address": "杭州市西湖区梅家坞8号"},
    "request": "退还货款 380 元",
}


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def enrolled_station(db: str, capsys, name: str) -> None:
    code, out, _ = run(capsys, "station", "add", name, "--db", db)
    assert code == 0
    enrolment_code = re.search(r"登记码：(\S+)", out).group(1)
    engine = make_hub_engine(db)
    with session_factory(engine).begin() as session:
        enrol(session, Enrolment(code=enrolment_code, station_uid=str(uuid.uuid4()), station_name=name),
              datetime.now(timezone.utc))
    engine.dispose()


def test_stations_are_added_listed_and_given_work(hub_db_url, capsys, tmp_path):
    enrolled_station(hub_db_url, capsys, "西湖服务站")
    order_file = tmp_path / "order.json"
    order_file.write_text(json.dumps(ORDER, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "dispatch", "--station", "西湖服务站", "--file", str(order_file), "--db", hub_db_url)
    assert code == 0 and "下发序号 1" in out
    case_uid = re.search(r"案件编号 (\S+)，", out).group(1)
    assert run(capsys, "supervise", "--case", case_uid, "--text", "请于期限内办结", "--respond-by", "2026-12-05",
               "--db", hub_db_url)[0] == 0
    assert run(capsys, "revoke", "--case", case_uid, "--reason", "改派灵隐服务站", "--db", hub_db_url)[0] == 0
    code, _, err = run(capsys, "revoke", "--case", case_uid, "--reason", "再撤一次", "--db", hub_db_url)
    assert code == 2 and "已经撤回" in err
    code, out, _ = run(capsys, "stations", "--json", "--db", hub_db_url)
    (station,) = json.loads(out)
    assert station["name"] == "西湖服务站" and station["last_verified_sync"] is None and station["cases"] == 0
    code, out, _ = run(capsys, "cases", "--station", "西湖服务站", "--json", "--db", hub_db_url)
    assert code == 0 and json.loads(out) == []


def test_bad_input_names_what_is_wrong_and_changes_nothing(hub_db_url, capsys, tmp_path):
    enrolled_station(hub_db_url, capsys, "西湖服务站")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    code, _, err = run(capsys, "dispatch", "--station", "西湖服务站", "--file", str(broken), "--db", hub_db_url)
    assert code == 2 and "不是有效的 UTF-8 JSON" in err
    incomplete = tmp_path / "incomplete.json"
    incomplete.write_text(json.dumps(ORDER | {"channel": "fax"}), encoding="utf-8")
    code, _, err = run(capsys, "dispatch", "--station", "西湖服务站", "--file", str(incomplete), "--db", hub_db_url)
    assert code == 2 and "channel" in err
    code, _, err = run(capsys, "dispatch", "--station", "没有这个站", "--file", str(incomplete), "--db", hub_db_url)
    assert code == 2
    code, _, err = run(capsys, "station", "add", "西湖服务站", "--db", hub_db_url)
    assert code == 2 and "已有名为" in err
    code, _, err = run(capsys, "supervise", "--case", str(uuid.uuid4()), "--text", "督办", "--respond-by", "2026-12-05",
                       "--db", hub_db_url)
    assert code == 2 and "没有编号为" in err
    code, out, _ = run(capsys, "stations", "--json", "--db", hub_db_url)
    assert json.loads(out)[0]["cases"] == 0


def test_a_new_code_for_a_station_retires_the_one_given_before(hub_db_url, capsys):
    _, out, _ = run(capsys, "station", "add", "西湖服务站", "--db", hub_db_url)
    lost = re.search(r"登记码：(\S+)", out).group(1)
    code, out, _ = run(capsys, "station", "code", "西湖服务站", "--db", hub_db_url)
    assert code == 0 and "已作废" in out
    replacement = re.search(r"登记码：(\S+)", out).group(1)
    engine = make_hub_engine(hub_db_url)
    try:
        with pytest.raises(Refused, match="登记码无效"):
            with session_factory(engine).begin() as session:
                enrol(session, Enrolment(code=lost, station_uid=str(uuid.uuid4()), station_name="西湖服务站"),
                      datetime.now(timezone.utc))
        with session_factory(engine).begin() as session:
            enrol(session, Enrolment(code=replacement, station_uid=str(uuid.uuid4()), station_name="西湖服务站"),
                  datetime.now(timezone.utc))
    finally:
        engine.dispose()


def test_a_database_that_cannot_be_used_is_a_message_not_a_traceback(capsys, tmp_path):
    code, _, err = run(capsys, "stations", "--db", f"sqlite:///{tmp_path / 'no such folder' / 'hub.db'}")
    assert code == 2 and "数据库操作未成功" in err and "Traceback" not in err


def test_serve_starts_the_hub_as_the_readme_says(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    db = f"sqlite:///{tmp_path / 'hub.db'}"
    server = subprocess.Popen(
        [sys.executable, "-m", "bureau", "serve", "--db", db, "--port", str(port), "--files", str(tmp_path / "files")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=os.environ | {"PYTHONUNBUFFERED": "1"},
    )
    try:
        for line in server.stdout:
            if b"Uvicorn running" in line or b"Application startup complete" in line:
                break
        else:
            pytest.fail("the hub did not start")
        time_answer = httpx.get(f"http://127.0.0.1:{port}/v1/time")
        assert time_answer.status_code == 200 and "now" in time_answer.json()
        schema = httpx.get(f"http://127.0.0.1:{port}/openapi.json").json()
        assert "/v1/batches" in schema["paths"] and "Batch" in schema["components"]["schemas"]
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()
