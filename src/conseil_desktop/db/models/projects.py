"""Projects supported or followed by the council (domain.md section 7)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from conseil_desktop.db.base import Base, StrEnumType, Tracked
from conseil_desktop.db.models.enums import ProjectStatus


class Project(Tracked, Base):
    __tablename__ = "project"

    title: Mapped[str] = mapped_column(String(250))
    description: Mapped[str] = mapped_column(Text, default="")
    # The holder is a member or contact (person) or an organisation.
    holder_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    holder_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    neighbourhood: Mapped[str] = mapped_column(String(200), default="")
    theme_code: Mapped[str | None] = mapped_column(String(40))
    funding_line_code: Mapped[str | None] = mapped_column(String(40))
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    status: Mapped[ProjectStatus] = mapped_column(
        StrEnumType(ProjectStatus), default=ProjectStatus.IDEA, index=True
    )
    submission_deadline: Mapped[date | None] = mapped_column(Date)
    start_on: Mapped[date | None] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    financial_report_due_on: Mapped[date | None] = mapped_column(Date)
    outcome_notes: Mapped[str] = mapped_column(Text, default="")

    fundings: Mapped[list[ProjectFunding]] = relationship(
        back_populates="project", cascade="all, delete-orphan"
    )
    status_events: Mapped[list[ProjectStatusEvent]] = relationship(
        back_populates="project",
        cascade="all, delete-orphan",
        order_by="ProjectStatusEvent.effective_on",
    )


class ProjectCrossTheme(Tracked, Base):
    __tablename__ = "project_cross_theme"
    __table_args__ = (UniqueConstraint("project_id", "theme_code", name="once"),)

    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    theme_code: Mapped[str] = mapped_column(String(40))


class ProjectFunding(Tracked, Base):
    """One funder's line: amounts in integer cents."""

    __tablename__ = "project_funding"

    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True
    )
    funder_organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    requested_cents: Mapped[int] = mapped_column(Integer, default=0)
    granted_cents: Mapped[int | None] = mapped_column(Integer)
    decision_on: Mapped[date | None] = mapped_column(Date)

    project: Mapped[Project] = relationship(back_populates="fundings")


class ProjectStatusEvent(Tracked, Base):
    __tablename__ = "project_status_event"

    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[ProjectStatus] = mapped_column(StrEnumType(ProjectStatus))
    effective_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(300), default="")

    project: Mapped[Project] = relationship(back_populates="status_events")


class ProjectMember(Tracked, Base):
    """Members (or contacts) involved in a project."""

    __tablename__ = "project_member"
    __table_args__ = (UniqueConstraint("project_id", "person_id", name="once"),)

    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)


class ProjectLink(Tracked, Base):
    """A meeting, and optionally one of its decisions, that discussed a project."""

    __tablename__ = "project_link"
    __table_args__ = (UniqueConstraint("project_id", "meeting_id", "decision_id", name="once"),)

    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id", ondelete="CASCADE"))
