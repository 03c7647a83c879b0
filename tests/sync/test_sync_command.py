"""mediation-desk enroll and mediation-desk sync, as a scheduled evening job runs them."""

from app.cli import main
from tests.services.factories import register_complaint
from tests.sync.conftest import station_code


def desk(capsys, *argv) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_enroll_then_sync_exits_0_only_when_verified(store, head, hub, capsys):
    data_dir = str(store.paths.data_dir)
    status, _, err = desk(capsys, "sync", "--data-dir", data_dir)
    assert status == 2 and "尚未登记到市局中心" in err

    code = station_code(hub, "西湖景区消费维权服务站")
    status, out, _ = desk(capsys, "enroll", "--data-dir", data_dir, "--bureau", hub.url, "--code", code)
    assert status == 0 and "已登记到市局中心" in out
    status, _, err = desk(capsys, "enroll", "--data-dir", data_dir, "--bureau", hub.url, "--code", "ABCD-EFGH-JKLM-NPQR")
    assert status == 2 and "登记码无效" in err

    register_complaint(store, head)
    status, out, _ = desk(capsys, "sync", "--data-dir", data_dir)
    assert status == 0, out
    assert "[上传办理记录] 1/1" in out and "核验一致" in out and "新记录 1 条" in out


def test_a_bureau_address_without_a_scheme_is_refused(store, capsys):
    status, _, err = desk(capsys, "enroll", "--data-dir", str(store.paths.data_dir), "--bureau", "hub.example.cn",
                          "--code", "ABCD-EFGH-JKLM-NPQR")
    assert status == 2 and "https://" in err
