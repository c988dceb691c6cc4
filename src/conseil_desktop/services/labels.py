"""French labels of the closed lists (domain.md section 10)."""

from __future__ import annotations

from conseil_desktop.db.models.enums import (
    AttendanceStatus,
    College,
    ConsentKind,
    ContactChannel,
    Designation,
    MemberStatus,
    ProjectStatus,
    QuorumRule,
    Seat,
    Sex,
    VoteMode,
)

COLLEGE = {College.RESIDENTS: "Habitants", College.LOCAL_ACTORS: "Acteurs locaux"}
COLLEGE_LONG = {
    College.RESIDENTS: "Collège des habitants",
    College.LOCAL_ACTORS: "Collège des acteurs locaux",
}
SEAT = {Seat.TITULAIRE: "Titulaire", Seat.SUPPLEANT: "Suppléant"}
MEMBER_STATUS = {
    MemberStatus.ACTIVE: "Actif",
    MemberStatus.RESIGNED: "Démissionnaire",
    MemberStatus.MOVED_OUT: "A déménagé",
    MemberStatus.EXCLUDED: "Exclu",
}
DESIGNATION = {
    Designation.DRAWN_BY_LOT: "Tiré au sort",
    Designation.VOLUNTEER: "Volontaire",
    Designation.DESIGNATED_BY_STRUCTURE: "Désigné par une structure",
    Designation.OTHER: "Autre",
}
SEX = {Sex.FEMALE: "Femme", Sex.MALE: "Homme"}
CONSENT = {
    ConsentKind.SHARE_CONTACT: "Partage des coordonnées avec les membres",
    ConsentKind.IMAGE: "Droit à l'image (photos)",
    ConsentKind.NEWSLETTER: "Lettre d'information",
}
CHANNEL = {
    ContactChannel.POST: "Courrier",
    ContactChannel.EMAIL: "Courriel",
    ContactChannel.HAND: "Remise en main propre",
}
ATTENDANCE = {
    AttendanceStatus.INVITED: "Invité",
    AttendanceStatus.PRESENT: "Présent",
    AttendanceStatus.EXCUSED: "Excusé",
    AttendanceStatus.ABSENT: "Absent",
    AttendanceStatus.REPRESENTED: "Représenté",
}
VOTE_MODE = {VoteMode.VOTE: "Vote", VoteMode.CONSENSUS: "Consensus", VoteMode.UNANIMITY: "Unanimité"}
PROJECT_STATUS = {
    ProjectStatus.IDEA: "Idée",
    ProjectStatus.SUBMITTED: "Déposé",
    ProjectStatus.UNDER_REVIEW: "En instruction",
    ProjectStatus.GRANTED: "Accordé",
    ProjectStatus.REFUSED: "Refusé",
    ProjectStatus.IN_PROGRESS: "En cours",
    ProjectStatus.COMPLETED: "Réalisé",
    ProjectStatus.REPORT_SUBMITTED: "Bilan rendu",
    ProjectStatus.ABANDONED: "Abandonné",
}
QUORUM_RULE = {
    QuorumRule.NONE: "Pas de quorum",
    QuorumRule.FRACTION_OF_TITULAIRES: "Fraction des titulaires actifs",
    QuorumRule.FIXED_COUNT: "Nombre fixe de membres",
}
