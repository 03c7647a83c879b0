"""Command-line work on a station as a whole: creating one, the demo, the work calendar."""

import getpass
import sys
from argparse import Namespace
from pathlib import Path

from app import demo
from app.domain.deadlines import active_calendar
from app.domain.errors import DeskError, StoreError
from app.models.store import create_store, discard_unfinished_store, remove_demo_store
from app.paths import StationPaths
from app.services.calendar_data import import_calendar
from app.services.station import StationSetup, create_station


def _new_password() -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("站长密码：")
    if getpass.getpass("再次输入：") != first:
        raise DeskError("两次输入的密码不一致。")
    return first


def init_station(paths: StationPaths, args: Namespace) -> int:
    """A real station: its key goes to the keyring; the recovery code is shown once."""
    setup = StationSetup(args.name, args.kind, args.office, args.prefix)
    code = create_station(
        paths, setup, head_username=args.head_user, head_name=args.head_name, head_password=_new_password()
    )
    print(f"站点已建立：{paths.store}")
    print("恢复密钥（只显示这一次，请站长抄写后妥善保管；换电脑时凭它打开数据库）：")
    print(f"    {code}")
    return 0


def make_demo(paths: StationPaths, *, cases: int, reset: bool) -> int:
    """Create the demo station, or keep the one already there (so the command can be rerun)."""
    if paths.store.exists():
        if not paths.demo_key.exists():
            raise StoreError(f"{paths.data_dir} 是真实站点，不能用作演示目录。")
        if not reset:
            print(f"演示站点已存在：{paths.data_dir}（用 --reset 重建）")
            _print_accounts()
            return 0
        remove_demo_store(paths)
    store, _code = create_store(paths, demo=True)
    try:
        for done in demo.populate(store, cases):
            if done % 50 == 0 or done == cases:
                print(f"\r正在生成演示案件 {done}/{cases}", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
    except BaseException:
        discard_unfinished_store(store)
        raise
    store.close()
    print(f"演示站点已建立：{paths.data_dir}")
    _print_accounts()
    return 0


def _print_accounts() -> None:
    names = "、".join(f"{user}（{name}，{role.label}）" for user, name, role in demo.DEMO_ACCOUNTS)
    print(f"演示账户：{names}；密码均为 {demo.DEMO_PASSWORD}")


def import_calendar_file(store, file: Path) -> int:
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DeskError(f"无法读取日历文件 {file}：{exc}") from None
    imported = import_calendar(store, text)
    action = "已替换" if imported.replaced else "已导入"
    print(f"{action} {imported.year} 年工作日历（{imported.source}）。")
    return 0


def show_calendar(year: int) -> int:
    calendar = active_calendar()
    schedule = calendar.schedule_for(year)
    status = "官方安排" if schedule.official else "暂定（按放假办法推算，调休未知）"
    print(f"{year} 年工作日历：{status}；来源：{schedule.source}")
    for day, name in sorted(schedule.holidays.items()):
        print(f"  {day} 放假 {name}")
    for day, name in sorted(schedule.workdays.items()):
        print(f"  {day} 上班（调休）{name}")
    return 0


