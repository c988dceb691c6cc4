"""The council's own settings (domain.md sections 1-4, 9): one row."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from conseil_desktop.db.base import Base, StrEnumType, Tracked
from conseil_desktop.db.models.enums import QuorumRule

DEFAULT_GDPR_NOTICE = (
    "Les informations recueillies sont destinées au conseil citoyen pour la "
    "gestion de ses membres et de ses réunions. Elles sont conservées pendant "
    "la durée du mandat puis au plus 12 mois. Vous pouvez y accéder, les "
    "faire rectifier ou effacer en vous adressant au secrétariat du conseil."
)


class CouncilSettings(Tracked, Base):
    __tablename__ = "council_settings"

    # Identity (section 1)
    council_name: Mapped[str] = mapped_column(String(200), default="Conseil citoyen")
    qpv_names: Mapped[str] = mapped_column(String(400), default="")
    contract_start_year: Mapped[int | None] = mapped_column(Integer)
    contract_end_year: Mapped[int | None] = mapped_column(Integer)
    legal_form: Mapped[str] = mapped_column(String(100), default="")
    host_structure: Mapped[str] = mapped_column(String(200), default="")
    prefectoral_decree_ref: Mapped[str] = mapped_column(String(100), default="")
    prefectoral_decree_date: Mapped[date | None] = mapped_column(Date)
    rules_version: Mapped[str] = mapped_column(String(100), default="")
    postal_address: Mapped[str] = mapped_column(String(400), default="")
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary)

    # Composition rules (section 2), warnings only
    min_resident_share_pct: Mapped[int] = mapped_column(Integer, default=50)
    parity_tolerance_pct: Mapped[int] = mapped_column(Integer, default=10)
    recommended_min_members: Mapped[int] = mapped_column(Integer, default=15)
    recommended_max_members: Mapped[int] = mapped_column(Integer, default=50)
    mandate_months: Mapped[int] = mapped_column(Integer, default=24)

    # Meetings, attendance, quorum (sections 3-4)
    notice_days: Mapped[int] = mapped_column(Integer, default=21)
    max_proxies_per_holder: Mapped[int] = mapped_column(Integer, default=1)
    quorum_rule: Mapped[QuorumRule] = mapped_column(
        StrEnumType(QuorumRule), default=QuorumRule.FRACTION_OF_TITULAIRES
    )
    quorum_numerator: Mapped[int] = mapped_column(Integer, default=1)
    quorum_denominator: Mapped[int] = mapped_column(Integer, default=2)
    quorum_fixed_count: Mapped[int] = mapped_column(Integer, default=0)
    absence_run_threshold: Mapped[int] = mapped_column(Integer, default=3)

    # Personal data and safety (section 9)
    gdpr_notice: Mapped[str] = mapped_column(Text, default=DEFAULT_GDPR_NOTICE)
    anonymise_after_months: Mapped[int] = mapped_column(Integer, default=12)
    backups_kept: Mapped[int] = mapped_column(Integer, default=10)
