"""A case (投诉, 举报 or 咨询), its parties and the businesses complained about."""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, new_uid
from app.models.types import Money, UtcDateTime


class Business(Base):
    """A business on file, so repeated complaints against it can be seen together."""

    __tablename__ = "businesses"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    credit_code: Mapped[str | None] = mapped_column(String(18), unique=True)  # 统一社会信用代码
    address: Mapped[str | None] = mapped_column(String(200))
    legal_representative: Mapped[str | None] = mapped_column(String(50))
    contact: Mapped[str | None] = mapped_column(String(30))


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (Index("ix_cases_state_received", "state", "received_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)  # made here; the ID the hub knows
    number: Mapped[str] = mapped_column(String(20), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(20))
    rule: Mapped[str] = mapped_column(String(20))
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    entered_at: Mapped[datetime] = mapped_column(UtcDateTime)
    platform_ref: Mapped[str | None] = mapped_column(String(40))  # 12315/12345 work-order number
    mediator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    linked_case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))  # the other half of a split

    request: Mapped[str] = mapped_column(Text, default="")  # 投诉请求 / 举报事项 / 咨询事项
    facts: Mapped[str] = mapped_column(Text, default="")  # 事实和理由
    amount_involved: Mapped[Decimal | None] = mapped_column(Money)
    category_code: Mapped[str | None] = mapped_column(ForeignKey("categories.code"))
    problem_code: Mapped[str | None] = mapped_column(ForeignKey("problem_kinds.code"))
    consent_publish: Mapped[bool | None]  # 是否同意公示
    consent_entrusted_mediation: Mapped[bool | None]  # 是否同意委托调解
    is_group: Mapped[bool] = mapped_column(default=False)

    # 受理 / 不予受理 (Art. 15–16)
    decided_on: Mapped[date | None]
    refusal_ground: Mapped[int | None]
    refusal_reason: Mapped[str | None] = mapped_column(Text)
    # 调解 (Art. 18–25)
    mediation_started_on: Mapped[date | None]
    outcome_on: Mapped[date | None]  # agreement, termination or withdrawal
    agreement_terms: Mapped[str | None] = mapped_column(Text)  # one clause per line
    agreement_document: Mapped[bool | None]  # 是否制作调解书 (Art. 24)
    amount_recovered: Mapped[Decimal | None] = mapped_column(Money)  # 挽回经济损失
    termination_ground: Mapped[int | None]
    termination_reason: Mapped[str | None] = mapped_column(Text)
    termination_notified_on: Mapped[date | None]
    withdrawal_reason: Mapped[str | None] = mapped_column(Text)
    # 举报 (Art. 35)
    check_extended: Mapped[bool] = mapped_column(default=False)
    report_decision_reason: Mapped[str | None] = mapped_column(Text)
    # 咨询
    answer: Mapped[str | None] = mapped_column(Text)

    closed_on: Mapped[date | None]
    void_reason: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(default=1)
    # Number, parties, businesses and texts in one column: the full-text index reads it.
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)

    parties: Mapped[list["Party"]] = relationship(
        back_populates="case", order_by="Party.id", cascade="all", foreign_keys="Party.case_id"
    )


class Party(Base):
    """A person or business in a case: complainant, respondent, reporter, inquirer or agent."""

    __tablename__ = "parties"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)  # the ID the hub knows
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(30), index=True)
    address: Mapped[str | None] = mapped_column(String(200))
    id_type: Mapped[str | None] = mapped_column(String(30))
    id_number: Mapped[str | None] = mapped_column(String(30))
    # Respondent
    business_id: Mapped[int | None] = mapped_column(ForeignKey("businesses.id"), index=True)
    credit_code: Mapped[str | None] = mapped_column(String(18))
    legal_representative: Mapped[str | None] = mapped_column(String(50))
    contact: Mapped[str | None] = mapped_column(String(30))
    # Group complaint: up to two representatives (Art. 12)
    is_representative: Mapped[bool] = mapped_column(default=False)
    # Agent (委托代理人, Art. 11): whom they act for and the power of attorney
    represents_id: Mapped[int | None] = mapped_column(ForeignKey("parties.id"))
    poa_matters: Mapped[str | None] = mapped_column(Text)  # 委托事项
    poa_powers: Mapped[str | None] = mapped_column(Text)  # 权限
    poa_valid_from: Mapped[date | None]
    poa_valid_to: Mapped[date | None]

    case: Mapped[Case] = relationship(back_populates="parties", foreign_keys=[case_id])
