"""Every problem of a member form at once, in French, by field.

The member form shows all its problems together rather than one at a time:
:func:`member_problems` runs the same cleaners as :mod:`.members` (e-mail,
phone, postcode, names...) on every field and adds the checks between fields
(dates in order, none in the future where that makes no sense). An e-mail,
phone or postcode left as it is stored is not checked again (``stored``): a
number saved before today's rules, or by an older version, must not stop the
volunteer from correcting an address.
:func:`read_day` reads a date typed as dd/mm/yyyy with a message that says
what was typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from conseil_desktop.db.models import ConsentKind
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services import labels
from conseil_desktop.services.members import MEMBER_FIELDS, MemberData, clean_values

FIELD_LABELS: dict[str, str] = {
    "last_name": "Nom",
    "first_name": "Prénom",
    "sex": "Sexe",
    "birth_date": "Date de naissance",
    "email": "Courriel",
    "phone": "Téléphone",
    "address_line1": "Adresse",
    "address_line2": "Complément d'adresse",
    "postcode": "Code postal",
    "city": "Ville",
    "preferred_channel": "Convocations par",
    "college": "Collège",
    "seat": "Siège",
    "designation": "Mode de désignation",
    "designation_source": "Source de la désignation",
    "organisation_id": "Structure représentée",
    "joined_on": "Date d'entrée",
    "mandate_end_on": "Fin du mandat",
    "parental_authorisation_on": "Autorisation parentale",
}
DAY_FORMAT = "%d/%m/%Y"
KEPT_AS_STORED = ("email", "phone", "postcode")  # checked when typed, not when left as is
_FUTURE = "cette date est dans le futur."
_BEFORE_BIRTH = "elle précède la date de naissance."


def read_day(text: str, field_label: str) -> date | None:
    """``"25/11/2026"`` -> that date; blank -> None; anything else is an error."""
    typed = text.strip()
    if not typed:
        return None
    try:
        day = datetime.strptime(typed, DAY_FORMAT).date()
    except ValueError:
        raise InvalidInputError(
            f"{field_label} : « {typed} » n'est pas une date (jj/mm/aaaa, exemple : 25/11/2026)."
        ) from None
    if day.year < 1900:
        raise InvalidInputError(f"{field_label} : l'année {day.year} n'est pas plausible.")
    return day


def member_problems(data: MemberData, *, today: date | None = None,
                    stored: MemberData | None = None) -> dict[str, str]:
    """Field name -> French message, for every field that cannot be saved.
    ``stored``: the member as saved, whose unchanged e-mail, phone and postcode pass."""
    problems: dict[str, str] = {}
    for name in MEMBER_FIELDS:
        if name in unchanged_fields(data, stored):
            continue
        try:
            clean_values({name: getattr(data, name)})
        except InvalidInputError as exc:
            problems[name] = exc.message
    today = today or date.today()
    for name, message in _date_problems(data, today).items():
        problems.setdefault(name, message)
    return problems


def unchanged_fields(data: MemberData, stored: MemberData | None) -> set[str]:
    """The fields of :data:`KEPT_AS_STORED` whose value is the one stored."""
    if stored is None:
        return set()
    return {name for name in KEPT_AS_STORED if getattr(data, name) == getattr(stored, name)}


def check_member(data: MemberData, *, today: date | None = None,
                 stored: MemberData | None = None) -> None:
    """Raise one InvalidInputError listing every problem of the form."""
    problems = member_problems(data, today=today, stored=stored)
    if problems:
        raise InvalidInputError(problems_text(problems))


def problems_text(problems: Mapping[str, str]) -> str:
    lines = [f"– {labelled(name, message)}" for name, message in problems.items()]
    return "La fiche n'est pas enregistrée :\n" + "\n".join(lines)


def labelled(name: str, message: str) -> str:
    """``Courriel : message``; a consent's problem is reported as ``consent_<kind>``."""
    label = FIELD_LABELS.get(name)
    if label is None and name.startswith("consent_"):
        label = labels.CONSENT[ConsentKind(name.removeprefix("consent_"))]
    if label is None or message.startswith(label):
        return message
    return f"{label} : {message}"


def _date_problems(data: MemberData, today: date) -> dict[str, str]:
    problems: dict[str, str] = {}
    if data.birth_date is not None and data.birth_date > today:
        problems["birth_date"] = _FUTURE
    if data.joined_on is not None and data.joined_on > today:
        problems["joined_on"] = _FUTURE
    if (data.joined_on is not None and data.mandate_end_on is not None
            and data.mandate_end_on < data.joined_on):
        problems["mandate_end_on"] = "elle précède la date d'entrée."
    if (data.birth_date is not None and data.joined_on is not None
            and data.joined_on < data.birth_date):
        problems["joined_on"] = _BEFORE_BIRTH
    authorised = data.parental_authorisation_on
    if authorised is not None and authorised > today:
        problems["parental_authorisation_on"] = _FUTURE
    elif authorised is not None and data.birth_date is not None and authorised < data.birth_date:
        problems["parental_authorisation_on"] = _BEFORE_BIRTH
    return problems


PARENTAL_AUTHORISATION_AGE = 16  # under-16s in an association (domain.md section 2)


def age_on(birth_date: date | None, on: date) -> int | None:
    if birth_date is None:
        return None
    birthday_passed = (on.month, on.day) >= (birth_date.month, birth_date.day)
    return on.year - birth_date.year - (0 if birthday_passed else 1)


def is_minor(birth_date: date | None, on: date) -> bool:
    """Under 18 on ``on`` (unknown birth date: not known to be a minor)."""
    age = age_on(birth_date, on)
    return age is not None and age < 18


def needs_parental_authorisation(birth_date: date | None, authorised_on: date | None,
                                 on: date) -> bool:
    """Under 16 with no parental authorisation recorded: worth a reminder, never a block."""
    age = age_on(birth_date, on)
    return age is not None and age < PARENTAL_AUTHORISATION_AGE and authorised_on is None
