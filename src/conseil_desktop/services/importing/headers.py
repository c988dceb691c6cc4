"""Column headers: which member field a column holds, read from its title.

Titles are compared after folding (accents, case, punctuation, small words
such as *de* or *d'*): ``"N° de Téléphone"``, ``"TEL."`` and ``"tél"`` all
mean the phone. An exact title wins over a title that merely starts with a
known one (``"Adresse mail"`` is the e-mail, ``"Adresse (rue)"`` the
address). Columns whose title names data that domain.md section 2 forbids
(nationality, origin, religion, health...) are marked forbidden: they are
never read, whatever mapping is asked for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services.text import fold

HEADER_SCAN_ROWS = 20


class Field(StrEnum):
    """What a column can hold. Values are :class:`MemberData` names where one exists."""

    LAST_NAME = "last_name"
    FIRST_NAME = "first_name"
    NAME_LAST_FIRST = "name_last_first"  # "DUPONT Jean" in one column
    NAME_FIRST_LAST = "name_first_last"  # "Jean DUPONT"
    SEX = "sex"
    BIRTH_DATE = "birth_date"
    EMAIL = "email"
    PHONE = "phone"
    ADDRESS_LINE1 = "address_line1"
    ADDRESS_LINE2 = "address_line2"
    POSTCODE = "postcode"
    CITY = "city"
    COLLEGE = "college"
    SEAT = "seat"
    DESIGNATION = "designation"
    ORGANISATION = "organisation"
    JOINED_ON = "joined_on"


FIELD_LABELS: dict[Field, str] = {
    Field.LAST_NAME: "nom",
    Field.FIRST_NAME: "prénom",
    Field.NAME_LAST_FIRST: "nom et prénom",
    Field.NAME_FIRST_LAST: "prénom et nom",
    Field.SEX: "sexe",
    Field.BIRTH_DATE: "date de naissance",
    Field.EMAIL: "courriel",
    Field.PHONE: "téléphone",
    Field.ADDRESS_LINE1: "adresse",
    Field.ADDRESS_LINE2: "complément d'adresse",
    Field.POSTCODE: "code postal",
    Field.CITY: "ville",
    Field.COLLEGE: "collège",
    Field.SEAT: "statut (titulaire ou suppléant)",
    Field.DESIGNATION: "mode de désignation",
    Field.ORGANISATION: "structure",
    Field.JOINED_ON: "date d'adhésion",
}

NAME_FIELDS = frozenset({Field.LAST_NAME, Field.NAME_LAST_FIRST, Field.NAME_FIRST_LAST})

_SYNONYMS: dict[Field, tuple[str, ...]] = {
    Field.LAST_NAME: (
        "nom", "nom de famille", "nom usuel", "nom d'usage", "patronyme", "noms",
        "nom du membre", "nom de l'adhérent", "nom adhérent", "last name", "surname",
    ),
    Field.FIRST_NAME: ("prénom", "prénoms", "prénom usuel", "first name"),
    Field.NAME_LAST_FIRST: (
        "nom prénom", "nom et prénom", "nom prénoms", "nom et prénoms", "nom complet",
        "identité", "nom - prénom", "nom, prénom", "membre", "adhérent",
    ),
    Field.NAME_FIRST_LAST: ("prénom nom", "prénom et nom", "prénom - nom"),
    Field.SEX: (
        "sexe", "genre", "civilité", "titre", "H/F", "F/H", "M/F", "F/M", "M./Mme", "Mme/M.",
    ),
    Field.BIRTH_DATE: (
        "date de naissance", "naissance", "né le", "né(e) le", "née le", "date naissance",
        "DDN", "birth date",
    ),
    Field.EMAIL: (
        "courriel", "e-mail", "mail", "adresse électronique", "adresse mail",
        "adresse e-mail", "adresse courriel", "mél", "email perso",
    ),
    Field.PHONE: (
        "téléphone", "tél", "tel", "portable", "mobile", "n° de téléphone",
        "numéro de téléphone", "num tel", "n° tél", "téléphone portable", "tél portable",
        "GSM", "fixe", "téléphone fixe", "tél fixe", "tél domicile", "phone",
    ),
    Field.ADDRESS_LINE1: (
        "adresse", "adresse 1", "adresse postale", "rue", "voie", "n° et rue",
        "numéro et rue", "n° de rue", "numéro de rue", "n° voie", "domicile",
        "adresse ligne 1", "ligne d'adresse 1", "libellé de voie", "adresse (rue)",
    ),
    Field.ADDRESS_LINE2: (
        "adresse 2", "complément", "complément d'adresse", "adresse (suite)", "suite adresse",
        "adresse ligne 2", "ligne d'adresse 2", "bâtiment", "bât", "résidence",
        "appartement", "appt", "apt", "escalier", "étage", "lieu-dit",
    ),
    Field.POSTCODE: ("code postal", "CP", "C.P.", "code post", "postcode", "zip"),
    Field.CITY: ("ville", "commune", "localité", "city"),
    Field.COLLEGE: ("collège", "collège d'appartenance", "type de membre", "type membre"),
    Field.SEAT: (
        "titulaire", "suppléant", "titulaire/suppléant", "titulaire ou suppléant", "T/S",
        "siège", "qualité", "statut", "statut au conseil", "mandat",
    ),
    Field.DESIGNATION: (
        "mode de désignation", "désignation", "mode d'entrée", "tirage au sort",
        "origine de la candidature", "mode de recrutement",
    ),
    Field.ORGANISATION: (
        "structure", "association", "organisation", "organisme", "structure représentée",
        "association représentée", "nom de la structure", "nom de l'association",
        "acteur local", "organisme représenté",
    ),
    Field.JOINED_ON: (
        "date d'adhésion", "adhésion", "date d'entrée", "entrée", "date entrée",
        "date d'inscription", "inscription", "membre depuis", "date adhésion",
        "date d'arrivée", "depuis",
    ),
}

# Special categories (GDPR article 9) and what reveals them: never read.
_FORBIDDEN: tuple[str, ...] = (
    "nationalité", "nationalités", "religion", "confession", "culte", "santé", "handicap",
    "maladie", "médical", "médicale", "pathologie", "allergie", "allergies", "origine",
    "origines", "ethnie", "ethnique", "race", "politique", "syndicat", "syndical",
    "syndicale", "orientation sexuelle", "casier judiciaire", "pays de naissance",
    "lieu de naissance", "régime alimentaire", "croyance", "opinion",
)

_FILLERS = frozenset({"de", "d", "du", "la", "le", "l", "les", "des", "et", "ou", "en", "a"})
_ALIASES = {"no": "n", "num": "n", "numero": "n", "nro": "n"}  # "Nº", "Numéro" -> "N°"
_SEPARATORS = re.compile(r"[.@+]")


def header_tokens(text: object) -> tuple[str, ...]:
    """``"N° de Téléphone"`` -> ``("n", "telephone")``."""
    words = _SEPARATORS.sub(" ", fold(str(text or ""))).split()
    return tuple(_ALIASES.get(word, word) for word in words if word not in _FILLERS)


def _build_exact() -> dict[str, Field]:
    exact: dict[str, Field] = {}
    for field, synonyms in _SYNONYMS.items():
        for synonym in synonyms:
            exact["".join(header_tokens(synonym))] = field
    return exact


_EXACT = _build_exact()
_PREFIXES = sorted(
    ((header_tokens(s), field) for field, synonyms in _SYNONYMS.items() for s in synonyms),
    key=lambda item: -len(item[0]),
)
_FORBIDDEN_TOKENS = [frozenset(header_tokens(term)) for term in _FORBIDDEN]


class ColumnStatus(StrEnum):
    MAPPED = "lue"
    UNKNOWN = "non_reconnue"
    FORBIDDEN = "interdite"
    UNCHOSEN = "ecartee"  # an explicit mapping left it out


# Why a column is not read.
IGNORED_BECAUSE = {
    ColumnStatus.MAPPED: "",
    ColumnStatus.UNKNOWN: "titre non reconnu",
    ColumnStatus.FORBIDDEN: (
        "donnée interdite : nationalité, origine, religion, santé, opinions… "
        "ne sont jamais enregistrées"
    ),
    ColumnStatus.UNCHOSEN: "écartée à votre demande",
}


@dataclass(frozen=True)
class Column:
    """One column of the file and what the import does with it."""

    index: int
    header: str
    field: Field | None
    status: ColumnStatus

    @property
    def letter(self) -> str:
        return column_letter(self.index)

    @property
    def ignored_because(self) -> str:
        """Why the column is not read ("" when it is)."""
        return IGNORED_BECAUSE[self.status]

    @property
    def note(self) -> str:
        if self.field is not None:
            return f"lue comme « {FIELD_LABELS[self.field]} »"
        return f"ignorée ({self.ignored_because})"

    def describe(self) -> str:
        title = f"« {self.header} »" if self.header else "(sans titre)"
        return f"colonne {self.letter} {title} : {self.note}"


def column_letter(index: int) -> str:
    """0 -> ``A``, 27 -> ``AB``, as a spreadsheet names its columns."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def is_forbidden(header: object) -> bool:
    """True when the title names forbidden data and no field title explains the words."""
    return recognise(header) is None and _names_forbidden(header_tokens(header))


def _names_forbidden(tokens: Sequence[str]) -> bool:
    present = set(tokens)
    return any(term <= present for term in _FORBIDDEN_TOKENS)


def recognise(header: object) -> Field | None:
    """The field a title names, or None (forbidden titles name none)."""
    tokens = header_tokens(header)
    if not tokens:
        return None
    exact = _EXACT.get("".join(tokens))
    if exact is not None:
        return exact
    for prefix, field in _PREFIXES:
        if tokens[: len(prefix)] == prefix:
            # "Nom (nationalité)" is refused; "Origine de la candidature (facultatif)" is not.
            return None if _names_forbidden(tokens[len(prefix):]) else field
    return None


def guess_columns(headers: Sequence[object]) -> list[Column]:
    """Each column's field as recognised from its title.

    A bare "N°" is a row number, except just before the street: then it is
    the street number, and the address joins both.
    """
    texts = [_header_text(header) for header in headers]
    fields = [recognise(text) for text in texts]
    columns = []
    for index, (text, field) in enumerate(zip(texts, fields, strict=True)):
        street_number = header_tokens(text) == ("n",) and index + 1 < len(fields) and (
            fields[index + 1] is Field.ADDRESS_LINE1
        )
        if street_number:
            field = Field.ADDRESS_LINE1
        if field is not None:
            columns.append(Column(index, text, field, ColumnStatus.MAPPED))
        else:
            status = ColumnStatus.FORBIDDEN if is_forbidden(text) else ColumnStatus.UNKNOWN
            columns.append(Column(index, text, None, status))
    return columns


def chosen_columns(headers: Sequence[object], mapping: Mapping[int, Field | None]) -> list[Column]:
    """The columns as an explicit mapping (column index -> field) asks, forbidden ones refused."""
    outside = sorted(i for i in mapping if not 0 <= i < len(headers))
    if outside:
        raise InvalidInputError(
            f"La correspondance désigne une colonne absente du fichier "
            f"({', '.join(column_letter(i) if i >= 0 else str(i) for i in outside)})."
        )
    columns = []
    for index, header in enumerate(headers):
        text = _header_text(header)
        field = mapping.get(index)
        if is_forbidden(text):
            columns.append(Column(index, text, None, ColumnStatus.FORBIDDEN))
        elif field is None:  # left out by the user, or never recognised
            status = ColumnStatus.UNCHOSEN if recognise(text) else ColumnStatus.UNKNOWN
            columns.append(Column(index, text, None, status))
        else:
            columns.append(Column(index, text, Field(field), ColumnStatus.MAPPED))
    return columns


def find_header_row(rows: Sequence[Sequence[object]]) -> int | None:
    """Index of the header among the first rows: the one naming the most fields.

    A header names at least two fields, or one name field (a bare list of names).
    """
    best, best_score = None, 0
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        fields = {recognise(_header_text(cell)) for cell in row} - {None}
        score = len(fields)
        usable = score >= 2 or bool(fields & NAME_FIELDS)
        if usable and score > best_score:
            best, best_score = index, score
    return best


def _header_text(cell: object) -> str:
    if cell is None:
        return ""
    return " ".join(str(cell).split())
