"""The command line: ``mediation-desk`` opens the desk; subcommands do headless work.

Every command takes ``--data-dir DIR`` (default: the platform's user data folder). Errors meant
for the user print as one plain sentence and exit with status 2; anything unexpected is logged
with its traceback and exits with status 1.
"""

import argparse
import getpass
import json
import logging
import os
import sys
from pathlib import Path

from app import __version__
from app.cli_print import add_print_command, check_print_arguments, form_list, print_document
from app.domain import clock
from app.domain.errors import DeskError
from app.logs import set_up_logging
from app.models.store import Store, open_store
from app.paths import StationPaths, default_data_dir
from app.services.calendar_data import install_calendar

log = logging.getLogger(__name__)


def _data_dir_option() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", type=Path, default=argparse.SUPPRESS, help="站点数据目录（默认：本机用户数据目录）"
    )
    common.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="详细日志")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _data_dir_option()
    parser = argparse.ArgumentParser(
        prog="mediation-desk",
        description="消费维权调解台（站点端）。不带子命令时打开调解台窗口。",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="子命令")

    init = sub.add_parser("init", parents=[common], help="新建站点（密钥存入系统密钥环，显示一次恢复密钥）")
    init.add_argument("--name", required=True, help="站点名称")
    init.add_argument("--kind", required=True, choices=["scenic_station", "education_base"], help="站点类型")
    init.add_argument("--office", required=True, help="发文机关名称")
    init.add_argument("--prefix", required=True, help="文号前缀，如 西市监投")
    init.add_argument("--head-user", required=True, help="站长用户名")
    init.add_argument("--head-name", required=True, help="站长姓名")

    demo = sub.add_parser("demo", parents=[common], help="建立演示站点（不含真实数据）")
    demo.add_argument("--cases", type=int, default=200, help="演示案件数（默认 200）")
    demo.add_argument("--reset", action="store_true", help="删除已有的演示站点后重建")

    cases = sub.add_parser("cases", parents=[common], help="列出案件（编号、类别、渠道、状态、最近期限）")
    cases.add_argument("--json", action="store_true", help="以 JSON 输出")
    cases.add_argument("--search", default="", help="全文检索")

    backup = sub.add_parser("backup", parents=[common], help="立即备份站点数据库")
    backup.add_argument("--to", type=Path, help="备份文件或文件夹（默认：站点设置中的备份文件夹）")

    restore = sub.add_parser("restore", parents=[common], help="从备份恢复（当前数据库先另存）")
    restore.add_argument("file", type=Path, help="备份文件")
    restore.add_argument("--yes", action="store_true", help="不再询问确认")

    recover = sub.add_parser("recover", parents=[common], help="在新电脑上用恢复密钥打开站点数据库")
    recover.add_argument("--from", dest="from_file", type=Path, help="要恢复的数据库或备份文件")

    calendar = sub.add_parser("calendar", parents=[common], help="工作日历：导入官方年度安排、查看")
    calendar_sub = calendar.add_subparsers(dest="calendar_command", metavar="操作", required=True)
    calendar_import = calendar_sub.add_parser("import", parents=[common], help="导入某年放假安排文件（格式见 docs/calendar-format.md）")
    calendar_import.add_argument("file", type=Path)
    calendar_show = calendar_sub.add_parser("show", parents=[common], help="显示某年的节假日与调休安排")
    calendar_show.add_argument("year", type=int)

    sub.add_parser("check", parents=[common], help="检查数据库完整性与数据结构版本")

    enroll = sub.add_parser("enroll", parents=[common], help="用市局给的登记码把本站登记到市局中心")
    enroll.add_argument("--bureau", required=True, help="市局中心地址，如 https://hub.example.gov.cn")
    enroll.add_argument("--code", required=True, help="一次性登记码，如 ABCD-EFGH-JKLM-NPQR")

    sub.add_parser(
        "sync", parents=[common], help="与市局中心同步（上传、接收、核验）；核验一致才以 0 退出",
        description="同步前自动备份。退出码：0 核验一致；3 同步完成但双方不一致；2 出错（网络、拒收等），"
        "或本站另一个同步正在进行（调解台的同步面板或另一个 mediation-desk sync），本次未做任何操作。",
    )

    add_print_command(sub, common)
    return parser


def _paths(args: argparse.Namespace) -> StationPaths:
    return StationPaths(getattr(args, "data_dir", None) or default_data_dir())


def _open(args: argparse.Namespace, *, daily_check: bool = True) -> Store:
    """The store, with the day's check and backup when due (see ``open_store``)."""
    store = open_store(_paths(args), daily_check=daily_check)
    install_calendar(store)
    return store


# Commands that make a data folder; the others must not create one for a mistyped path.
CREATES_DATA_DIR = {"init", "demo", "recover"}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    paths = _paths(args)
    command = args.command or "desk"
    log_file = None
    try:
        if command in CREATES_DATA_DIR or paths.data_dir.is_dir():
            log_file = set_up_logging(paths.logs, verbose=getattr(args, "verbose", False))
        return COMMANDS[command](args)
    except DeskError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except (KeyboardInterrupt, EOFError):
        print("\n已取消。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. ``| head``) stopped early; nothing is wrong with the station.
        sys.stdout = open(os.devnull, "w")
        return 0
    except OSError as exc:
        print(f"错误：无法读写 {exc.filename or paths.data_dir}：{exc.strerror}", file=sys.stderr)
        return 2
    except Exception:
        log.exception("unexpected error in %s", command)
        where = f"详情已记入日志：{log_file}" if log_file else "（数据目录不存在，未写日志）"
        print(f"发生意外错误，{where}", file=sys.stderr)
        return 1


def _desk(args) -> int:
    from app.desk import (  # Qt only for the window: headless commands work without it
        run_desk,
        run_first_run,
    )

    if not _paths(args).store.exists() and not run_first_run(_paths(args)):
        return 0  # the wizard was closed before a station was made
    return run_desk(_paths(args))  # it runs the day's check itself, in the background


def _init(args) -> int:
    from app.cli_station import init_station

    return init_station(_paths(args), args)


def _demo(args) -> int:
    from app.cli_station import make_demo

    return make_demo(_paths(args), cases=args.cases, reset=args.reset)


def _cases(args) -> int:
    from app.services.queries import CaseFilter, list_cases

    store = _open(args)
    try:
        rows = []
        criteria = CaseFilter(text=args.search)
        while page := list_cases(store, criteria, after=rows[-1] if rows else None, limit=1000):
            rows += page
    finally:
        store.close()
    today = clock.today()
    if args.json:
        print(json.dumps([_case_json(row, today) for row in rows], ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        deadline = row.next_deadline
        provisional = "（暂定）" if deadline and deadline.provisional else ""
        due = f"{deadline.due}{provisional} {deadline.label} {deadline.state(today).value}" if deadline else "-"
        print(f"{row.number}\t{row.kind.label}\t{row.channel.label}\t{row.state.label}\t{due}")
    print(f"共 {len(rows)} 件", file=sys.stderr)
    return 0


def _case_json(row, today) -> dict:
    deadline = row.next_deadline
    return {
        "number": row.number,
        "kind": row.kind.value,
        "channel": row.channel.value,
        "state": row.state.value,
        "received_at": row.received_at.astimezone(clock.CHINA).isoformat(),
        "next_deadline": deadline
        and {
            "kind": deadline.kind,
            "label": deadline.label,
            "due": deadline.due.isoformat(),
            "state": deadline.state(today).value,
            "provisional": deadline.provisional,
        },
    }


def _backup(args) -> int:
    from app.models.backup import run_to_end

    store = _open(args)
    try:
        if args.to:
            made = store.backup_to(args.to)
        else:
            into = run_to_end(store.backup_steps())
            made = into.path
            if into.folder_problem:
                folder = store.backup_policy().folder
                print(f"注意：备份文件夹 {folder} 无法使用：{into.folder_problem}。已改存到数据目录。", file=sys.stderr)
    finally:
        store.close()
    print(f"已备份到 {made}")
    return 0


def _restore(args) -> int:
    from app.models.store import restore_store

    if not args.yes:
        answer = input(f"将用 {args.file} 替换当前站点数据库（当前数据库会先另存）。继续吗？[y/N] ")
        if answer.strip().lower() not in ("y", "yes", "是"):
            print("已取消，未做任何改动。")
            return 0
    kept = restore_store(_paths(args), args.file)
    print(f"已从 {args.file} 恢复。" + (f"原数据库另存为 {kept}" if kept else ""))
    return 0


def _recover(args) -> int:
    from app.models.store import recover_store

    code = getpass.getpass("请输入恢复密钥：") if sys.stdin.isatty() else sys.stdin.readline()
    recover_store(_paths(args), code, from_file=args.from_file).close()
    print("已恢复：本站数据库密钥已存入本机系统密钥环。")
    return 0


def _calendar(args) -> int:
    from app.cli_station import import_calendar_file, show_calendar

    if args.calendar_command == "import":
        store = _open(args)
        try:
            return import_calendar_file(store, args.file)
        finally:
            store.close()
    store = _open(args)
    store.close()
    return show_calendar(args.year)


def _check(args) -> int:
    from app.models.migrate import current_revision
    from app.models.store import check_integrity

    store = _open(args, daily_check=False)  # the check is what was asked for, not the day's backup
    try:
        check_integrity(store)
        print(f"完整性检查通过；数据结构版本 {current_revision(store.engine)}。")
    finally:
        store.close()
    return 0


def _print(args) -> int:
    form = check_print_arguments(args)
    if form is None:
        print(form_list())
        return 0
    store = _open(args)
    try:
        return print_document(store, args, form)
    finally:
        store.close()


def _enroll(args) -> int:
    from app.cli_sync import enroll

    store = _open(args)
    try:
        return enroll(store, args.bureau, args.code)
    finally:
        store.close()


def _sync(args) -> int:
    from app.cli_sync import sync

    store = _open(args)
    try:
        return sync(store)
    finally:
        store.close()


COMMANDS = {
    "desk": _desk,
    "init": _init,
    "demo": _demo,
    "cases": _cases,
    "backup": _backup,
    "restore": _restore,
    "recover": _recover,
    "calendar": _calendar,
    "check": _check,
    "print": _print,
    "enroll": _enroll,
    "sync": _sync,
}
