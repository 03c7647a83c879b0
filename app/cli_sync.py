"""``mediation-desk enroll`` and ``mediation-desk sync``: the station's side of the bureau hub,
headless, for a scheduled evening sync. ``sync`` exits 0 only when the sync verified complete;
while another sync of the station runs (the desk's panel, say) it ends at once, an error (2)."""

from app.domain.errors import DeskError
from app.models.store import Store
from app.sync import enrolment
from app.sync.client import HubClient
from app.sync.engine import SyncProgress, SyncReport, run_sync

# Exit status of a sync that ran but could not be verified (distinct from 2, an error).
NOT_VERIFIED = 3


def enroll(store: Store, bureau: str, code: str) -> int:
    answer = enrolment.enrol(store, bureau, code)
    print(f"已登记到市局中心：{bureau}（站点名称：{answer.station_name}）。站点密钥已存入系统密钥环。")
    return 0


def connect(store: Store) -> HubClient:
    """A client for the hub this station enrolled with; a clear message if it never did."""
    try:
        return enrolment.connect(store)
    except enrolment.NotEnrolled:
        raise DeskError("本站尚未登记到市局中心：请先运行 mediation-desk enroll --bureau 地址 --code 登记码。") from None


def _megabytes(count: int) -> str:
    return f"{count / 1_000_000:.1f} MB"


def _progress_line(step: SyncProgress) -> str:
    counted = f" {step.done}/{step.total}" if step.total else ""
    return f"[{step.phase}]{counted} · 已发送 {_megabytes(step.bytes_sent)} · 已接收 {_megabytes(step.bytes_received)}"


def sync(store: Store) -> int:
    with connect(store) as client:
        steps = run_sync(store, client)
        while True:
            try:
                print(_progress_line(next(steps)), flush=True)
            except StopIteration as finished:
                report: SyncReport = finished.value
                break
    print(summary(report))
    return 0 if report.verified else NOT_VERIFIED


def summary(report: SyncReport) -> str:
    applied = report.applied
    lines = [
        "同步完成，双方核验一致。" if report.verified else "同步未完成：双方核验不一致，请稍后重试或联系市局。",
        f"上传：新记录 {report.sent} 条，中心已有 {report.duplicates} 条，冲突 {report.conflicts} 条，"
        f"被拒收 {report.rejected} 条；附件 {report.attachments} 个。",
        f"接收：分送工单 {applied.work_orders} 件，督办/撤回 {applied.notices} 条，案件更新 {applied.updates} 件，"
        f"冲突 {applied.conflicts} 处。",
    ]
    if report.backup:
        lines.append(f"同步前备份：{report.backup}")
    lines.extend(f"注意：{problem}" for problem in report.problems + applied.problems)
    return "\n".join(lines)
