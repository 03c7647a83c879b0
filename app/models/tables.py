"""Every table, imported in one place so the metadata is complete for migrations and tests."""

from app.models.archive import Attachment, IssuedDocument
from app.models.base import Base
from app.models.case import Business, Case, Party
from app.models.history import HistoryEntry
from app.models.station import (
    CalendarYear,
    FormDraft,
    Category,
    NumberSequence,
    ProblemKind,
    Setting,
    Station,
    User,
)
from app.models.sync_state import BureauNotice, SyncConflict, SyncedCase, SyncReceipt
from app.models.workflow import ClockPause, FollowUp, MediationSession, Proposal

__all__ = [
    "Attachment",
    "Base",
    "BureauNotice",
    "Business",
    "CalendarYear",
    "Case",
    "Category",
    "FormDraft",
    "ClockPause",
    "FollowUp",
    "HistoryEntry",
    "IssuedDocument",
    "MediationSession",
    "NumberSequence",
    "Party",
    "ProblemKind",
    "Proposal",
    "Setting",
    "Station",
    "SyncConflict",
    "SyncReceipt",
    "SyncedCase",
    "User",
]
