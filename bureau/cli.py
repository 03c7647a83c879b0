"""mediation-bureau: run the hub and administer it from the command line."""

import argparse
import json
import logging
import os
import sys
import uuid
from datetime import date, datetime, timezone
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy.exc import SQLAlchemyError

from app.sync import protocol
from bureau import admin, enrolment
from bureau.db import HubDatabaseError, make_hub_engine, session_factory, upgrade
from bureau.errors import Refused

log = logging.getLogger(__name__)

# The embedded default, for a trial on one machine; production passes a PostgreSQL URL.
DEFAULT_DB = "sqlite:///bureau-hub.db"
# Each worker keeps up to 15 PostgreSQL connections (SQLAlchemy's pool, 5 + 10 overflow): six stay
# within PostgreSQL's default of 100, with room for the administrator's commands.
MAX_WORKERS = 6


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=os.environ.get("MEDIATION_BUREAU_DB", DEFAULT_DB),
                        help="数据库地址，如 postgresql://user@host/db 或 sqlite:///hub.db（也可用环境变量 MEDIATION_BUREAU_DB）")
    parser = argparse.ArgumentParser(prog="mediation-bureau", description="消费维权调解台 · 市局中心端")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", parents=[common], help="启动中心端服务")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8315)
    serve.add_argument("--files", type=Path, default=Path("bureau-files"), help="附件存放目录")
    serve.add_argument("--tls-cert", type=Path, help="TLS 证书（PEM）；也可由反向代理提供 TLS")
    serve.add_argument("--tls-key", type=Path, help="TLS 私钥（PEM）")
    serve.add_argument("--workers", type=_worker_count, default=1,
                       help="工作进程数（默认 1；一般取 CPU 核数；多于 1 须用 PostgreSQL）")

    station = commands.add_parser("station", help="登记站点")
    station_commands = station.add_subparsers(dest="station_command", required=True)
    add = station_commands.add_parser("add", parents=[common], help="登记新站点并给出一次性登记码")
    add.add_argument("name")
    code = station_commands.add_parser("code", parents=[common], help="为已登记站点另发登记码（如换电脑）")
    code.add_argument("name")

    listing = commands.add_parser("stations", parents=[common], help="列出站点及最近一次核验通过的同步")
    listing.add_argument("--json", action="store_true")
    cases = commands.add_parser("cases", parents=[common], help="列出中心为某站保存的案件")
    cases.add_argument("--station", required=True)
    cases.add_argument("--json", action="store_true")

    dispatch = commands.add_parser("dispatch", parents=[common], help="向站点分送工单（JSON 文件）")
    dispatch.add_argument("--station", required=True)
    dispatch.add_argument("--file", type=Path, required=True)
    supervise = commands.add_parser("supervise", parents=[common], help="对案件下发督办通知")
    supervise.add_argument("--case", required=True, help="案件编号（UID）")
    supervise.add_argument("--text", required=True)
    supervise.add_argument("--respond-by", required=True, type=date.fromisoformat, help="回复期限，如 2026-12-05")
    revoke = commands.add_parser("revoke", parents=[common], help="撤回分送（改派他站）")
    revoke.add_argument("--case", required=True)
    revoke.add_argument("--reason", required=True)
    reference = commands.add_parser("reference", parents=[common], help="下发参考数据")
    reference.add_argument("--kind", required=True, choices=["calendar", "categories", "odr_enterprises"])
    reference.add_argument("--file", type=Path, required=True)
    reference.add_argument("--station", help="只发给这个站点；不给则发给全部已登记站点")
    resync = commands.add_parser("resync", parents=[common], help="要求站点整站重新同步")
    resync.add_argument("--station", required=True)
    return parser


def _worker_count(text: str) -> int:
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= MAX_WORKERS:
        raise argparse.ArgumentTypeError(f"应为 1 到 {MAX_WORKERS} 之间的整数，而不是“{text}”")
    return int(text)


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    engine = None
    try:
        engine = make_hub_engine(args.db)
        if args.command == "serve":
            _check_serve_options(engine, args)  # before migrating: a refused start changes nothing
        upgrade(engine)
        if args.command == "serve":
            return _serve(engine, args)
        with session_factory(engine).begin() as session:
            return _administer(session, args, datetime.now(timezone.utc))
    except (Refused, HubDatabaseError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}：{e['msg']}" for e in exc.errors()[:5])
        print(f"错误：内容不合格：{problems}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"错误：无法读写 {exc.filename}：{exc.strerror}", file=sys.stderr)
        return 2
    except SQLAlchemyError as exc:
        # The transaction was rolled back. No statement text: its parameters may hold a secret.
        print(f"错误：数据库操作未成功，未作任何更改，请稍后重试（{exc.__class__.__name__}）。", file=sys.stderr)
        return 2
    finally:
        if engine is not None:
            engine.dispose()


def _check_serve_options(engine, args) -> None:
    if bool(args.tls_cert) != bool(args.tls_key):
        raise Refused(400, "--tls-cert 与 --tls-key 须同时给出。")
    if args.workers > 1 and engine.dialect.name == "sqlite":
        # SQLite lets one process write at a time: more workers would only queue on its lock,
        # and past the busy timeout answer "database is locked".
        raise Refused(400, "--workers 大于 1 须用 PostgreSQL：SQLite 同一时间只允许一个进程写入，"
                           "多个工作进程只会互相等待，甚至报“数据库被锁”。请去掉 --workers，或改用 PostgreSQL。")


def _serve(engine, args) -> int:
    import uvicorn

    from bureau import app_factory

    # Migrated by main(), once, before any worker starts; each worker makes its own engine.
    engine.dispose()
    os.environ.update(app_factory.settings_environment(args.db, args.files))
    uvicorn.run(app_factory.IMPORT_STRING, factory=True, workers=args.workers, host=args.host, port=args.port,
                ssl_certfile=args.tls_cert, ssl_keyfile=args.tls_key, log_level="info")
    return 0


def _read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise Refused(400, f"{path} 不是有效的 UTF-8 JSON 文件：{exc}") from None


def _administer(session, args, now: datetime) -> int:
    if args.command == "station":
        make = enrolment.add_station if args.station_command == "add" else enrolment.reissue_code
        code = make(session, args.name, now)
        print(f"站点：{args.name.strip()}\n登记码：{code}\n（7 天内有效，只显示这一次；站点运行 mediation-desk enroll 时输入）")
        if args.station_command == "code":
            print("该站此前发出而未用的登记码已作废。")
    elif args.command == "stations":
        rows = admin.stations(session)
        _print(rows, args.json, lambda r: f"{r['name']}\t案件 {r['cases']}\t最近核验 {r['last_verified_sync'] or '从未'}")
    elif args.command == "cases":
        rows = admin.station_cases(session, args.station)
        _print(rows, args.json, lambda r: f"{r['number']}\t{r['case_uid']}\tv{r['version']}\t{r['content_sha256'][:12]}")
    elif args.command == "dispatch":
        content = _read_json(args.file)
        content.setdefault("case_uid", str(uuid.uuid4()))
        order = protocol.WorkOrder.model_validate(content)
        seq = admin.dispatch(session, args.station, order, now)
        print(f"已分送工单 {order.platform_ref}（案件编号 {order.case_uid}，下发序号 {seq}）")
    elif args.command == "supervise":
        notice = protocol.Supervision(case_uid=args.case, text=args.text, respond_by=args.respond_by)
        print(f"已下发督办（序号 {admin.supervise(session, notice, now)}）")
    elif args.command == "revoke":
        seq = admin.revoke(session, protocol.Revocation(case_uid=args.case, reason=args.reason), now)
        print(f"已撤回分送（序号 {seq}）")
    elif args.command == "reference":
        data = protocol.ReferenceData(kind=args.kind, content=_read_json(args.file))
        print(f"已向 {admin.publish_reference(session, data, now, args.station)} 个站点下发参考数据")
    elif args.command == "resync":
        print(f"已要求整站重新同步（序号 {admin.order_resync(session, args.station, now)}）")
    return 0


def _print(rows: list[dict], as_json: bool, line) -> None:
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print(line(row))
