"""The council's settings and configurable lists, kept in the database."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from conseil_desktop.db.models import CouncilSettings, QuorumRule, VocabularyKind, VocabularyTerm
from conseil_desktop.errors import InvalidInputError


@dataclass
class SettingsData:
    council_name: str
    qpv_names: str
    contract_start_year: int | None
    contract_end_year: int | None
    legal_form: str
    host_structure: str
    prefectoral_decree_ref: str
    prefectoral_decree_date: date | None
    rules_version: str
    postal_address: str
    min_resident_share_pct: int
    parity_tolerance_pct: int
    recommended_min_members: int
    recommended_max_members: int
    mandate_months: int
    notice_days: int
    max_proxies_per_holder: int
    quorum_rule: QuorumRule
    quorum_numerator: int
    quorum_denominator: int
    quorum_fixed_count: int
    absence_run_threshold: int
    gdpr_notice: str
    anonymise_after_months: int
    backups_kept: int


FIELD_NAMES = [f.name for f in fields(SettingsData)]


@dataclass(frozen=True)
class Term:
    code: str
    label: str


def _row(session: Session) -> CouncilSettings:
    row = session.scalars(select(CouncilSettings).order_by(CouncilSettings.id)).first()
    if row is None:  # only if someone deleted it by hand: recreate with defaults
        row = CouncilSettings()
        session.add(row)
        session.flush()
    return row


def get_settings(session: Session) -> SettingsData:
    row = _row(session)
    return SettingsData(**{name: getattr(row, name) for name in FIELD_NAMES})


def validate(data: SettingsData) -> None:
    problems: list[str] = []
    if not data.council_name.strip():
        problems.append("le nom du conseil est obligatoire")
    for name, label in (
        ("min_resident_share_pct", "la part minimale d'habitants"),
        ("parity_tolerance_pct", "la tolérance de parité"),
    ):
        if not 0 <= getattr(data, name) <= 100:
            problems.append(f"{label} doit être comprise entre 0 et 100 %")
    if data.recommended_min_members > data.recommended_max_members:
        problems.append("le nombre minimal de membres dépasse le nombre maximal")
    if data.quorum_denominator <= 0 or data.quorum_numerator < 0:
        problems.append("la fraction du quorum doit avoir un dénominateur positif")
    elif data.quorum_numerator > data.quorum_denominator:
        problems.append("la fraction du quorum ne peut pas dépasser 1")
    if data.max_proxies_per_holder < 0:
        problems.append("le nombre de pouvoirs par personne ne peut pas être négatif")
    if data.backups_kept < 1:
        problems.append("il faut garder au moins une sauvegarde")
    if (
        data.contract_start_year
        and data.contract_end_year
        and data.contract_end_year < data.contract_start_year
    ):
        problems.append("la fin du contrat de ville précède son début")
    for name in ("notice_days", "mandate_months", "absence_run_threshold",
                 "anonymise_after_months", "quorum_fixed_count", "recommended_min_members"):
        if getattr(data, name) < 0:
            problems.append("les durées et les seuils ne peuvent pas être négatifs")
            break
    if problems:
        raise InvalidInputError("Paramètres invalides : " + " ; ".join(problems) + ".")


def update_settings(session: Session, data: SettingsData) -> None:
    validate(data)
    row = _row(session)
    for name in FIELD_NAMES:
        value = getattr(data, name)
        if isinstance(value, str):
            value = value.strip() if name != "gdpr_notice" else value.strip("\n ")
        setattr(row, name, value)


def get_logo(session: Session) -> bytes | None:
    return _row(session).logo_png


def set_logo(session: Session, png: bytes | None) -> None:
    _row(session).logo_png = png


def terms(session: Session, kind: VocabularyKind, *, active_only: bool = True) -> list[Term]:
    query = select(VocabularyTerm.code, VocabularyTerm.label).where(VocabularyTerm.kind == kind)
    if active_only:
        query = query.where(VocabularyTerm.active.is_(True))
    rows = session.execute(query.order_by(VocabularyTerm.position, VocabularyTerm.label))
    return [Term(code, label) for code, label in rows]


def term_labels(session: Session, kind: VocabularyKind) -> dict[str, str]:
    return {t.code: t.label for t in terms(session, kind, active_only=False)}
