"""What the sync panel says: a sync's progress, its result, and why it failed, in the user's words.

Plain functions over the engine's progress and report, so the panel only lays them out. The core's
own messages (the hub's reasons, the cases that differ) are shown as the core wrote them.
"""

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from app.domain import clock
from app.domain.errors import DeskError
from app.services.sync_status import SyncOverview
from app.sync.client import HubError
from app.sync.engine import CLOCK_WARNING_SECONDS, SyncProgress, SyncReport
from app.sync.enrolment import NotEnrolled
from app.sync.sync_lock import SyncAlreadyRunning

# The engine's phases that count something the bar can show (changes sent, attachment bytes sent).
_COUNTED = ("上传办理记录", "上传附件")


@dataclass(frozen=True)
class ResultWords:
    """A sync's outcome: a headline, a warning about the clock ("" when none), and the details."""

    headline: str
    clock_warning: str = ""
    lines: list[str] = field(default_factory=list)


def data_size(count: int) -> str:
    """Bytes as the panel shows them: KB below a megabyte, so a small sync does not read 0.0 MB."""
    if count < 1_000_000:
        return f"{count / 1000:.1f} KB"
    return f"{count / 1_000_000:.1f} MB"


def last_verified_text(overview: SyncOverview) -> str:
    if overview.last_verified is None:
        return QCoreApplication.translate("SyncWords", "从未核验同步")
    return QCoreApplication.translate("SyncWords", "上次核验同步：{time}").format(
        time=clock.format_local(overview.last_verified)
    )


def _phase_words() -> dict[str, str]:
    """The engine's phases (app.sync.engine, attachments_up) as the panel names them."""
    return {
        "已备份": QCoreApplication.translate("SyncWords", "已备份本站数据"),
        "上传附件": QCoreApplication.translate("SyncWords", "上传附件"),
        "上传办理记录": QCoreApplication.translate("SyncWords", "上传办理记录"),
        "接收市局下发": QCoreApplication.translate("SyncWords", "接收市局下发"),
        "核验": QCoreApplication.translate("SyncWords", "与中心核验"),
    }


def phase_text(step: SyncProgress) -> str:
    """``上传办理记录：3 / 10 条``; a phase without a count is only named."""
    phase = _phase_words().get(step.phase, step.phase)
    if step.total and step.phase == "上传办理记录":
        return QCoreApplication.translate("SyncWords", "{phase}：{done} / {total} 条").format(
            phase=phase, done=step.done, total=step.total
        )
    if step.total and step.phase == "上传附件":
        return QCoreApplication.translate("SyncWords", "{phase}：{done} / {total}").format(
            phase=phase, done=data_size(step.done), total=data_size(step.total)
        )
    return phase


def percent_done(step: SyncProgress) -> int | None:
    """How far the phase has got, for the bar; None when it counts nothing the bar can show."""
    if not step.total or step.phase not in _COUNTED:
        return None
    return min(100, step.done * 100 // step.total)


def bytes_text(step: SyncProgress) -> str:
    return QCoreApplication.translate("SyncWords", "已发送 {sent} · 已接收 {received}").format(
        sent=data_size(step.bytes_sent), received=data_size(step.bytes_received)
    )


def clock_warning(offset: float) -> str:
    """The warning when the station's clock is off the hub's by more than 5 minutes ("" otherwise)."""
    if abs(offset) <= CLOCK_WARNING_SECONDS:
        return ""
    minutes = round(abs(offset) / 60)
    if offset > 0:
        text = QCoreApplication.translate("SyncWords", "⚠ 本机时钟比市局中心慢 {minutes} 分钟，请校准本机时间。")
    else:
        text = QCoreApplication.translate("SyncWords", "⚠ 本机时钟比市局中心快 {minutes} 分钟，请校准本机时间。")
    return text.format(minutes=minutes)


def report_words(report: SyncReport) -> ResultWords:
    if report.verified:
        headline = QCoreApplication.translate("SyncWords", "✔ 同步完成，本站与市局中心核验一致。")
    else:
        headline = QCoreApplication.translate(
            "SyncWords", "⚠ 同步未完成：本站与市局中心核验不一致。请稍后再同步；仍不一致时请联系市局。"
        )
    applied = report.applied
    lines = [
        QCoreApplication.translate(
            "SyncWords",
            "上传：新记录 {sent} 条，中心已有 {duplicates} 条，冲突 {conflicts} 条，被拒收 {rejected} 条；附件 {attachments} 个。",
        ).format(
            sent=report.sent, duplicates=report.duplicates, conflicts=report.conflicts,
            rejected=report.rejected, attachments=report.attachments,
        ),
        QCoreApplication.translate(
            "SyncWords", "接收：分送工单 {work_orders} 件，督办/撤回 {notices} 条，案件更新 {updates} 件，冲突 {conflicts} 处。"
        ).format(
            work_orders=applied.work_orders, notices=applied.notices, updates=applied.updates,
            conflicts=applied.conflicts,
        ),
    ]
    if report.backup is not None:
        lines.append(QCoreApplication.translate("SyncWords", "同步前备份：{path}").format(path=report.backup))
    # The core's own words for what went wrong (the differing cases among them); the clock
    # warning has its own line, in the user's language.
    problems = [p for p in report.problems + applied.problems if p != report.clock_warning]
    lines += [QCoreApplication.translate("SyncWords", "注意：{problem}").format(problem=p) for p in problems]
    return ResultWords(headline, clock_warning(report.clock_offset), lines)


def failure_words(error: Exception) -> ResultWords:
    """Why a sync did not finish. Anything but a DeskError is a bug: only an apology here (the
    error dialog shows it and the log keeps its traceback)."""
    kept = QCoreApplication.translate("SyncWords", "中心已确认的记录保留，其余的下次同步时再发送。")
    if isinstance(error, NotEnrolled):
        headline = QCoreApplication.translate("SyncWords", "⚠ 本站尚未登记到市局中心：请站长在“设置”的“市局中心”中登记。")
    elif isinstance(error, HubError) and error.status is None:
        headline = QCoreApplication.translate("SyncWords", "⚠ 无法连接市局中心，同步没有完成。请检查网络后再同步。")
    elif isinstance(error, HubError):
        headline = QCoreApplication.translate("SyncWords", "⚠ 市局中心拒绝了本站的请求，同步没有完成。")
    elif isinstance(error, SyncAlreadyRunning):
        headline = QCoreApplication.translate("SyncWords", "⚠ 另一个同步正在进行，本次同步没有开始。")
    elif isinstance(error, DeskError):
        headline = QCoreApplication.translate("SyncWords", "⚠ 同步没有完成。")
    else:
        return ResultWords(QCoreApplication.translate("SyncWords", "⚠ 同步因意外错误中止，已记入日志。"), lines=[kept])
    return ResultWords(headline, lines=[str(error), kept])


def cancelled_words() -> ResultWords:
    return ResultWords(
        QCoreApplication.translate("SyncWords", "同步已取消。中心已确认的记录保留，其余的下次同步时再发送。")
    )
