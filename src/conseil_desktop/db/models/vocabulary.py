"""Configurable lists: meeting types, roles, themes, funding lines..."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from conseil_desktop.db.base import Base, StrEnumType, Tracked
from conseil_desktop.db.models.enums import VocabularyKind


class VocabularyTerm(Tracked, Base):
    __tablename__ = "vocabulary_term"
    __table_args__ = (UniqueConstraint("kind", "code", name="kind_code"),)

    kind: Mapped[VocabularyKind] = mapped_column(StrEnumType(VocabularyKind), index=True)
    code: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
