"""All models, imported here so that ``Base.metadata`` knows every table."""

from conseil_desktop.db.base import Base
from conseil_desktop.db.models.enums import (
    AttendanceStatus,
    College,
    ConsentKind,
    ContactChannel,
    Designation,
    MemberStatus,
    OfficerRole,
    ProjectStatus,
    QuorumRule,
    Seat,
    Sex,
    VocabularyKind,
    VoteMode,
)
from conseil_desktop.db.models.meetings import (
    AgendaItem,
    Attendance,
    Decision,
    Guest,
    Meeting,
    MeetingOfficer,
)
from conseil_desktop.db.models.people import (
    Consent,
    ContactAffiliation,
    MemberRole,
    Membership,
    MembershipStatusEvent,
    Organisation,
    Person,
)
from conseil_desktop.db.models.projects import (
    Project,
    ProjectCrossTheme,
    ProjectFunding,
    ProjectLink,
    ProjectMember,
    ProjectStatusEvent,
)
from conseil_desktop.db.models.settings import CouncilSettings
from conseil_desktop.db.models.vocabulary import VocabularyTerm

__all__ = [
    "AgendaItem", "Attendance", "AttendanceStatus", "Base", "College", "Consent", "ConsentKind",
    "ContactAffiliation", "ContactChannel", "CouncilSettings", "Decision", "Designation", "Guest",
    "Meeting", "MeetingOfficer", "MemberRole", "MemberStatus", "Membership",
    "MembershipStatusEvent", "OfficerRole", "Organisation", "Person", "Project",
    "ProjectCrossTheme", "ProjectFunding", "ProjectLink", "ProjectMember", "ProjectStatus",
    "ProjectStatusEvent", "QuorumRule", "Seat", "Sex", "VocabularyKind", "VocabularyTerm",
    "VoteMode",
]
