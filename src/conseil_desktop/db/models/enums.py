"""Closed lists of the domain. Open lists (meeting types, roles, themes...)
are vocabulary rows that each council can edit."""

from __future__ import annotations

from enum import StrEnum


class College(StrEnum):
    RESIDENTS = "habitants"
    LOCAL_ACTORS = "acteurs_locaux"


class Designation(StrEnum):
    DRAWN_BY_LOT = "tirage_au_sort"
    VOLUNTEER = "volontaire"
    DESIGNATED_BY_STRUCTURE = "designe_structure"
    OTHER = "autre"


class Seat(StrEnum):
    TITULAIRE = "titulaire"
    SUPPLEANT = "suppleant"


class MemberStatus(StrEnum):
    ACTIVE = "actif"
    RESIGNED = "demissionnaire"
    MOVED_OUT = "demenage"
    EXCLUDED = "exclu"


class Sex(StrEnum):
    """Stored only for the parity statistics (domain.md section 2)."""

    FEMALE = "F"
    MALE = "M"


class ConsentKind(StrEnum):
    SHARE_CONTACT = "partage_coordonnees"
    IMAGE = "droit_image"
    NEWSLETTER = "lettre_information"


class ContactChannel(StrEnum):
    """How a person prefers to receive convocations."""

    POST = "courrier"
    EMAIL = "courriel"
    HAND = "main_propre"


class AttendanceStatus(StrEnum):
    INVITED = "invite"  # nothing recorded yet
    PRESENT = "present"
    EXCUSED = "excuse"
    ABSENT = "absent"
    REPRESENTED = "represente"


class OfficerRole(StrEnum):
    FACILITATOR = "animateur"
    SECRETARY = "secretaire"


class VoteMode(StrEnum):
    VOTE = "vote"
    CONSENSUS = "consensus"
    UNANIMITY = "unanimite"


class ProjectStatus(StrEnum):
    IDEA = "idee"
    SUBMITTED = "depose"
    UNDER_REVIEW = "en_instruction"
    GRANTED = "accorde"
    REFUSED = "refuse"
    IN_PROGRESS = "en_cours"
    COMPLETED = "realise"
    REPORT_SUBMITTED = "bilan_rendu"
    ABANDONED = "abandonne"


class QuorumRule(StrEnum):
    NONE = "aucun"
    FRACTION_OF_TITULAIRES = "fraction_titulaires"  # numerator/denominator of active titulaires
    FIXED_COUNT = "nombre_fixe"


class VocabularyKind(StrEnum):
    MEETING_TYPE = "type_reunion"
    ROLE = "role"
    THEME = "theme"
    FUNDING_LINE = "ligne_financement"
    FUNDER_KIND = "type_financeur"
    ORGANISATION_KIND = "type_organisation"
