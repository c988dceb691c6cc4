"""Meetings, agendas, attendance, guests and decisions (domain.md sections 3-5)."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from conseil_desktop.db.base import Base, StrEnumType, Tracked
from conseil_desktop.db.models.enums import AttendanceStatus, OfficerRole, VoteMode


class Meeting(Tracked, Base):
    __tablename__ = "meeting"

    type_code: Mapped[str] = mapped_column(String(40), index=True)
    title: Mapped[str] = mapped_column(String(200))
    date: Mapped[date] = mapped_column(Date, index=True)
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    place: Mapped[str] = mapped_column(String(200), default="")
    convened_on: Mapped[date | None] = mapped_column(Date)
    convocation_method: Mapped[str] = mapped_column(String(120), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    # The meeting this one was duplicated from (a series).
    previous_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL")
    )

    officers: Mapped[list[MeetingOfficer]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", passive_deletes=True
    )
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="AgendaItem.position",
        passive_deletes=True,
    )
    attendances: Mapped[list[Attendance]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        passive_deletes=True,
        foreign_keys="Attendance.meeting_id",
    )
    guests: Mapped[list[Guest]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", passive_deletes=True
    )


class MeetingOfficer(Tracked, Base):
    """Facilitator(s) and secretary(ies) of a meeting."""

    __tablename__ = "meeting_officer"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id", "role", name="once"),)

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    role: Mapped[OfficerRole] = mapped_column(StrEnumType(OfficerRole))

    meeting: Mapped[Meeting] = relationship(back_populates="officers")


class AgendaItem(Tracked, Base):
    __tablename__ = "agenda_item"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    presenter_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL")
    )
    presenter_name: Mapped[str] = mapped_column(String(200), default="")
    documents: Mapped[str] = mapped_column(Text, default="")  # one reference per line
    summary: Mapped[str] = mapped_column(Text, default="")  # debate summary

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")
    decisions: Mapped[list[Decision]] = relationship(
        back_populates="agenda_item", order_by="Decision.position", passive_deletes=True
    )


class Attendance(Tracked, Base):
    """An invitation, and what happened to it."""

    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id", name="invitee"),
        Index("ix_attendance_person_meeting", "person_id", "meeting_id"),
    )

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    status: Mapped[AttendanceStatus] = mapped_column(
        StrEnumType(AttendanceStatus), default=AttendanceStatus.INVITED
    )
    proxy_holder_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="RESTRICT"), index=True
    )
    # Set when the holder's proxy count exceeded the council's maximum and the user confirmed.
    proxy_exception: Mapped[bool] = mapped_column(Boolean, default=False)
    arrival_time: Mapped[time | None] = mapped_column(Time)
    departure_time: Mapped[time | None] = mapped_column(Time)

    meeting: Mapped[Meeting] = relationship(back_populates="attendances", foreign_keys=[meeting_id])


class Guest(Tracked, Base):
    """Someone present who is not an invited member: an official, a walk-in..."""

    __tablename__ = "guest"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    organisation_name: Mapped[str] = mapped_column(String(200), default="")
    quality: Mapped[str] = mapped_column(String(200), default="")
    # Set when the guest is a known contact, or later became a member.
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    arrival_time: Mapped[time | None] = mapped_column(Time)
    departure_time: Mapped[time | None] = mapped_column(Time)

    meeting: Mapped[Meeting] = relationship(back_populates="guests")


class Decision(Tracked, Base):
    __tablename__ = "decision"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    vote_mode: Mapped[VoteMode] = mapped_column(StrEnumType(VoteMode), default=VoteMode.VOTE)
    votes_for: Mapped[int | None] = mapped_column(Integer)
    votes_against: Mapped[int | None] = mapped_column(Integer)
    votes_abstain: Mapped[int | None] = mapped_column(Integer)
    votes_blank: Mapped[int | None] = mapped_column(Integer)  # blanc / nul
    owner_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    owner_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL")
    )
    deadline: Mapped[date | None] = mapped_column(Date, index=True)
    done_on: Mapped[date | None] = mapped_column(Date)

    agenda_item: Mapped[AgendaItem | None] = relationship(back_populates="decisions")
