"""People, organisations, membership and contacts (domain.md sections 2, 8).

A person is stored once, whether member, contact or both: a membership row
makes them a member, affiliation rows make them a contact. Nothing here can
hold what domain.md section 2 forbids (no nationality, origin, religion,
political or union affiliation, health), and persons carry no free-text field.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from conseil_desktop.db.base import Base, StrEnumType, Tracked
from conseil_desktop.db.models.enums import (
    College,
    ConsentKind,
    ContactChannel,
    Designation,
    MemberStatus,
    Seat,
    Sex,
)


class Organisation(Tracked, Base):
    __tablename__ = "organisation"

    name: Mapped[str] = mapped_column(String(200), index=True)
    kind_code: Mapped[str] = mapped_column(String(40), default="autre")
    siret: Mapped[str | None] = mapped_column(String(14))
    rna: Mapped[str | None] = mapped_column(String(10))
    address_line1: Mapped[str] = mapped_column(String(200), default="")
    address_line2: Mapped[str] = mapped_column(String(200), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(254))
    website: Mapped[str | None] = mapped_column(String(300))
    in_neighbourhood: Mapped[bool] = mapped_column(Boolean, default=False)
    is_funder: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    archived_at: Mapped[datetime | None] = mapped_column(DateTime)


class Person(Tracked, Base):
    __tablename__ = "person"

    last_name: Mapped[str] = mapped_column(String(120))
    first_name: Mapped[str] = mapped_column(String(120), default="")
    sex: Mapped[Sex | None] = mapped_column(StrEnumType(Sex, 1))
    birth_date: Mapped[date | None] = mapped_column(Date)
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    phone: Mapped[str | None] = mapped_column(String(20), index=True)  # E.164
    address_line1: Mapped[str] = mapped_column(String(200), default="")
    address_line2: Mapped[str] = mapped_column(String(200), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    preferred_channel: Mapped[ContactChannel] = mapped_column(
        StrEnumType(ContactChannel), default=ContactChannel.POST
    )
    # Accent- and case-folded "name first name email phone", for search and duplicates.
    search_key: Mapped[str] = mapped_column(String(600), default="")
    archived_at: Mapped[datetime | None] = mapped_column(DateTime)
    anonymised_at: Mapped[datetime | None] = mapped_column(DateTime)

    membership: Mapped[Membership | None] = relationship(
        back_populates="person", uselist=False, foreign_keys="Membership.person_id"
    )
    consents: Mapped[list[Consent]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )
    affiliations: Mapped[list[ContactAffiliation]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )

    __table_args__ = (Index("ix_person_names", "last_name", "first_name"),)


class Membership(Tracked, Base):
    __tablename__ = "membership"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), unique=True
    )
    college: Mapped[College] = mapped_column(StrEnumType(College), index=True)
    designation: Mapped[Designation] = mapped_column(
        StrEnumType(Designation), default=Designation.VOLUNTEER
    )
    # e.g. which list a drawn member came from: bailleur, fournisseur d'énergie, liste électorale.
    designation_source: Mapped[str] = mapped_column(String(120), default="")
    seat: Mapped[Seat] = mapped_column(StrEnumType(Seat), default=Seat.TITULAIRE)
    # For the local-actors college: the organisation the person represents.
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), index=True
    )
    joined_on: Mapped[date | None] = mapped_column(Date)
    mandate_end_on: Mapped[date | None] = mapped_column(Date)
    # Current status, kept equal to the latest status event.
    status: Mapped[MemberStatus] = mapped_column(
        StrEnumType(MemberStatus), default=MemberStatus.ACTIVE, index=True
    )
    status_since: Mapped[date | None] = mapped_column(Date)
    parental_authorisation_on: Mapped[date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship(back_populates="membership", foreign_keys=[person_id])
    organisation: Mapped[Organisation | None] = relationship()
    status_events: Mapped[list[MembershipStatusEvent]] = relationship(
        back_populates="membership",
        cascade="all, delete-orphan",
        order_by="MembershipStatusEvent.effective_on",
    )
    roles: Mapped[list[MemberRole]] = relationship(
        back_populates="membership", cascade="all, delete-orphan"
    )


class MembershipStatusEvent(Tracked, Base):
    __tablename__ = "membership_status_event"

    membership_id: Mapped[int] = mapped_column(
        ForeignKey("membership.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[MemberStatus] = mapped_column(StrEnumType(MemberStatus))
    effective_on: Mapped[date] = mapped_column(Date)
    # Substitution: a suppléant promoted to titulaire records the seat change here.
    seat: Mapped[Seat | None] = mapped_column(StrEnumType(Seat))

    membership: Mapped[Membership] = relationship(back_populates="status_events")


class MemberRole(Tracked, Base):
    __tablename__ = "member_role"

    membership_id: Mapped[int] = mapped_column(
        ForeignKey("membership.id", ondelete="CASCADE"), index=True
    )
    role_code: Mapped[str] = mapped_column(String(40))
    started_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)

    membership: Mapped[Membership] = relationship(back_populates="roles")


class Consent(Tracked, Base):
    __tablename__ = "consent"
    __table_args__ = (UniqueConstraint("person_id", "kind", name="person_kind"),)

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    kind: Mapped[ConsentKind] = mapped_column(StrEnumType(ConsentKind))
    granted: Mapped[bool] = mapped_column(Boolean)
    recorded_on: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(120), default="")  # e.g. "formulaire papier"

    person: Mapped[Person] = relationship(back_populates="consents")


class ContactAffiliation(Tracked, Base):
    """A person's role in an organisation, which makes them a contact."""

    __tablename__ = "contact_affiliation"

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), index=True
    )
    role_title: Mapped[str] = mapped_column(String(150), default="")
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(254))
    notes: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship(back_populates="affiliations")
    organisation: Mapped[Organisation | None] = relationship()
