"""``mediation-desk print``: issue a case's document headless, or reprint it from the archive;
whoever issues, corrects or reads a report's documents signs in with their password."""

import hashlib
import io
from datetime import timedelta

import pytest

from app.cli import main
from app.domain import clock
from app.models.case import Case
from app.services import accounts
from app.services.documents import issued_documents
from tests.conftest import HEAD_PASSWORD, MEDIATOR_PASSWORD
from tests.services.document_factories import accepted, decided_report, set_office_contact
from tests.services.factories import register_complaint

YEAR = clock.today().year


# Each run adds a file handler for its data folder (tests/conftest.py drops them).
pytestmark = pytest.mark.usefixtures("detached_log_files")


class _Terminal(io.StringIO):
    """Standard input at a terminal: the password is asked with ``getpass``, not read from it."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def terminal(monkeypatch):
    """The passwords typed at the terminal, in order (the head's by default); the prompts shown
    are kept in ``prompts``."""

    class Typed:
        passwords: list[str] = []
        prompts: list[str] = []

    def getpass(prompt: str = "") -> str:
        Typed.prompts.append(prompt)
        return Typed.passwords.pop(0) if Typed.passwords else HEAD_PASSWORD

    monkeypatch.setattr("getpass.getpass", getpass)
    monkeypatch.setattr("sys.stdin", _Terminal())
    return Typed


def _number(store, case_id):
    with store.reading() as session:
        return session.get(Case, case_id).number


def _print(station_paths, *args):
    return main(["print", "--data-dir", str(station_paths.data_dir), *args])


def test_form_list_names_every_form_with_its_chinese_title(capsys):
    assert main(["print", "--form", "list"]) == 0
    out = capsys.readouterr().out
    for name, title in (("acceptance", "投诉受理决定书"), ("report-result", "举报处理结果告知书"), ("follow-up", "回访记录")):
        assert f"{name}" in out and title in out
    assert "report_by" in out  # the inputs form 3 takes
    with pytest.raises(SystemExit) as done:
        main(["print", "--help"])
    assert done.value.code == 0
    assert "投诉不予受理决定书" in capsys.readouterr().out


def test_issue_then_reprint_gives_the_same_bytes(store, head, station_paths, tmp_path, capsys):
    set_office_contact(store, head)
    case_id = accepted(store, head)
    number = _number(store, case_id)
    first, second = tmp_path / "受理.pdf", tmp_path / "again.pdf"

    assert _print(station_paths, "--case", number, "--form", "acceptance", "--out", str(first), "--user", "head") == 0
    out = capsys.readouterr().out
    assert f"已出具投诉受理决定书 西市监投受〔{YEAR}〕第1号" in out and str(first) in out
    (issued,) = issued_documents(store, head, case_id)
    assert hashlib.sha256(first.read_bytes()).hexdigest() == issued.sha256

    assert _print(station_paths, "--case", number, "--form", "acceptance", "--out", str(second)) == 0
    assert "已重印" in capsys.readouterr().out
    assert second.read_bytes() == first.read_bytes()
    assert len(issued_documents(store, head, case_id)) == 1
    assert not list(tmp_path.glob("*.part"))


def test_issuing_needs_a_user_and_reprinting_does_not(store, head, station_paths, tmp_path, capsys):
    case_id = accepted(store, head)
    out = tmp_path / "登记表.pdf"
    assert _print(station_paths, "--case", _number(store, case_id), "--form", "complaint-register", "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert "--user" in err and "Traceback" not in err
    assert not out.exists() and issued_documents(store, head, case_id) == []

    assert _print(
        station_paths, "--case", _number(store, case_id), "--form", "complaint-register", "--out", str(out),
        "--user", "nobody",
    ) == 2
    assert "nobody" in capsys.readouterr().err


def test_correct_issues_a_new_document_for_the_old_one(store, head, station_paths, tmp_path, capsys):
    case_id = accepted(store, head)
    number = _number(store, case_id)
    args = ["--case", number, "--form", "complaint-register", "--user", "head"]
    assert _print(station_paths, *args, "--correct", "--out", str(tmp_path / "a.pdf")) == 2
    assert "尚未出具" in capsys.readouterr().err
    assert _print(station_paths, *args, "--out", str(tmp_path / "a.pdf")) == 0
    assert _print(station_paths, *args, "--correct", "--out", str(tmp_path / "b.pdf")) == 0
    assert f"已出具更正投诉登记表 西市监投登〔{YEAR}〕第2号" in capsys.readouterr().out
    original, corrected = issued_documents(store, head, case_id)
    assert corrected.corrects_id == original.id
    assert (tmp_path / "a.pdf").read_bytes() != (tmp_path / "b.pdf").read_bytes()


def test_inputs_come_as_fields_and_bad_ones_are_named(store, head, station_paths, tmp_path, capsys):
    case_id = register_complaint(store, head)
    base = ["--case", _number(store, case_id), "--form", "forward", "--out", str(tmp_path / "f.pdf"), "--user", "head"]
    assert _print(station_paths, *base, "--field", "to_office=杭州市上城区市场监督管理局") == 2
    assert "报告处理结果期限：不能为空" in capsys.readouterr().err
    assert _print(station_paths, *base, "--field", "to_office") == 2
    assert "名称=值" in capsys.readouterr().err
    report_by = (clock.today() + timedelta(days=10)).isoformat()
    assert _print(station_paths, *base, "--field", "to_office=杭州市上城区市场监督管理局", "--field", f"report_by={report_by}") == 0
    assert f"西市监投分〔{YEAR}〕第1号" in capsys.readouterr().out


def test_plain_errors_for_a_wrong_case_form_or_folder(store, head, station_paths, tmp_path, capsys):
    case_id = accepted(store, head)
    number = _number(store, case_id)
    out = str(tmp_path / "x.pdf")
    assert _print(station_paths, "--case", "T1999-00001", "--form", "acceptance", "--out", out, "--user", "head") == 2
    assert "T1999-00001" in capsys.readouterr().err
    assert _print(station_paths, "--case", number, "--form", "notice", "--out", out, "--user", "head") == 2
    assert "notice" in capsys.readouterr().err
    assert _print(station_paths, "--case", number, "--form", "refusal", "--out", out, "--user", "head") == 2
    assert "没有不予受理决定" in capsys.readouterr().err
    assert _print(station_paths, "--case", number, "--form", "acceptance", "--out", str(tmp_path / "no" / "x.pdf")) == 2
    assert "不存在" in capsys.readouterr().err
    assert _print(station_paths, "--form", "acceptance") == 2
    assert "--case" in capsys.readouterr().err


def test_a_reports_documents_need_the_head_or_its_mediator(
    store, head, mediator, station_paths, tmp_path, capsys, terminal
):
    other = accounts.add_user(store, "chenjing", "陈静", "mediator", "another-pass-1")
    case_id = decided_report(store, head, mediator_id=mediator.user_id)
    report = ["--case", _number(store, case_id), "--form", "report-register"]
    out = tmp_path / "举报登记表.pdf"
    assert _print(station_paths, *report, "--out", str(out), "--user", "head") == 0
    capsys.readouterr()

    assert _print(station_paths, *report, "--out", str(tmp_path / "b.pdf")) == 2
    assert "保密" in capsys.readouterr().err
    terminal.passwords.append("another-pass-1")
    assert _print(station_paths, *report, "--out", str(tmp_path / "b.pdf"), "--user", other.username) == 2
    assert "保密" in capsys.readouterr().err
    assert not (tmp_path / "b.pdf").exists()

    terminal.passwords.append(MEDIATOR_PASSWORD)
    assert _print(station_paths, *report, "--out", str(tmp_path / "c.pdf"), "--user", mediator.username) == 0
    assert "已重印" in capsys.readouterr().out
    assert (tmp_path / "c.pdf").read_bytes() == out.read_bytes()


def test_the_user_must_type_their_password(store, head, station_paths, tmp_path, capsys, terminal):
    case_id = accepted(store, head)
    register = ["--case", _number(store, case_id), "--form", "complaint-register"]
    out = tmp_path / "登记表.pdf"
    terminal.passwords.append("not-the-password")
    assert _print(station_paths, *register, "--out", str(out), "--user", "head") == 2
    err = capsys.readouterr().err
    assert "密码不对" in err and "head" in err and "Traceback" not in err
    assert terminal.prompts == ["用户 head 的密码："]
    assert not out.exists() and issued_documents(store, head, case_id) == []

    # A reprint asked for as a user asks the password too: --user always means signing in.
    assert _print(station_paths, *register, "--out", str(out), "--user", "head") == 0
    terminal.passwords.append("not-the-password")
    assert _print(station_paths, *register, "--out", str(tmp_path / "b.pdf"), "--user", "head") == 2
    assert not (tmp_path / "b.pdf").exists()


def test_a_script_gives_the_password_on_standard_input(store, head, station_paths, tmp_path, capsys, monkeypatch):
    case_id = accepted(store, head)
    out = tmp_path / "登记表.pdf"
    monkeypatch.setattr("sys.stdin", io.StringIO(HEAD_PASSWORD + "\n"))
    args = ["--case", _number(store, case_id), "--form", "complaint-register", "--out", str(out), "--user", "head"]
    assert _print(station_paths, *args) == 0
    assert "已出具投诉登记表" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong-pass-2026\n"))
    assert _print(station_paths, *args, "--correct") == 2
    assert len(issued_documents(store, head, case_id)) == 1
