"""What a sign-in sheet (feuille d'émargement) shows, shared by its PDF and xlsx.

Plain data only (no reportlab, no openpyxl): the options, the columns, the
header lines and the rows, numbered like the check-in screen. Never a phone
number or an e-mail address: every signatory reads the sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from conseil_desktop.db.models.enums import AttendanceStatus, College
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services import labels
from conseil_desktop.services.formatting import fmt_date_words, fmt_time
from conseil_desktop.services.meeting_snapshot import InviteeRow, MeetingSnapshot
from conseil_desktop.services.text import fold

TITLE = "Feuille d'émargement"

# Column key -> (header, relative width)
COLUMNS: dict[str, tuple[str, float]] = {
    "number": ("N°", 7),
    "last_name": ("Nom", 22),
    "first_name": ("Prénom", 18),
    "college": ("Collège / Structure", 21),
    "proxy": ("Pouvoir donné à", 20),
    "arrival": ("Arrivée", 9),
    "signature": ("Signature", 34),
}
DEFAULT_COLUMNS = ("number", "last_name", "first_name", "college", "proxy", "signature")

ATTENDANCE_MARK = {
    AttendanceStatus.PRESENT: "✔ Présent(e)",
    AttendanceStatus.REPRESENTED: "✔ Représenté(e)",
    AttendanceStatus.EXCUSED: "Excusé(e)",
    AttendanceStatus.ABSENT: "Absent(e)",
    AttendanceStatus.INVITED: "",
}


@dataclass(frozen=True)
class SigninOptions:
    blank_rows: int = 10
    landscape: bool = False
    group_by_college: bool = False
    columns: tuple[str, ...] = DEFAULT_COLUMNS
    arrival_column: bool = False
    with_attendance: bool = False  # the archive copy: statuses and proxies filled in

    def keys(self) -> tuple[str, ...]:
        """The columns to print, checked, with "arrival" before the signature if asked."""
        unknown = [key for key in self.columns if key not in COLUMNS]
        if unknown or not self.columns:
            raise InvalidInputError(
                ("Colonnes inconnues pour la feuille d'émargement : " + ", ".join(unknown)
                 if unknown else "Choisissez au moins une colonne pour la feuille d'émargement")
                + ". Colonnes possibles : " + ", ".join(COLUMNS) + ".")
        if self.blank_rows < 0 or self.blank_rows > 500:
            raise InvalidInputError("Le nombre de lignes vierges doit être entre 0 et 500.")
        keys = list(dict.fromkeys(self.columns))
        if self.arrival_column and "arrival" not in keys:
            at = keys.index("signature") if "signature" in keys else len(keys)
            keys.insert(at, "arrival")
        return tuple(keys)


@dataclass(frozen=True)
class SheetRow:
    """One printed line: a group heading (``group`` set, no cells) or a numbered row."""

    number: int | None
    cells: tuple[str, ...]
    group: str = ""
    present: bool = False  # present or represented: ticked on the archive copy


def time_span(s: MeetingSnapshot) -> str:
    """``18 h 30 – 20 h 30``."""
    start, end = fmt_time(s.start_time), fmt_time(s.end_time)
    if start and end:
        return f"{start} – {end}"
    return start or (f"jusqu'à {end}" if end else "")


def names_its_body(s: MeetingSnapshot) -> bool:
    """Whether the title already begins with the body (« Assemblée plénière de mars »)."""
    return bool(s.title and s.type_label) and fold(s.title).startswith(fold(s.type_label))


def heading_lines(s: MeetingSnapshot) -> tuple[str, str, str]:
    """Body and title (the title alone when it names the body); date and times; place."""
    body = s.title if names_its_body(s) else " — ".join(x for x in (s.type_label, s.title) if x)
    when = " · ".join(x for x in (fmt_date_words(s.date), time_span(s)) if x)
    return body, when, s.place


def running_header(s: MeetingSnapshot, what: str = TITLE) -> str:
    return f"{s.council_name} — {what} — {s.type_label} du {fmt_date_words(s.date)}"


def agenda_lines(s: MeetingSnapshot, limit: int = 12) -> list[str]:
    """The short agenda: numbered titles, at most ``limit`` lines."""
    lines = [f"{n}. {item.title}" for n, item in enumerate(s.agenda, start=1)]
    if len(lines) > limit:
        lines = [*lines[: limit - 1], f"… et {len(lines) - limit + 1} autres points"]
    return lines


def _cell(key: str, row: InviteeRow, with_attendance: bool) -> str:
    if key == "number":
        return str(row.number)
    if key == "last_name":
        return row.last_name
    if key == "first_name":
        return row.first_name
    if key == "college":
        return row.structure or row.college_label
    if not with_attendance:
        return ""
    if key == "proxy":
        return row.proxy_holder_name if row.status is AttendanceStatus.REPRESENTED else ""
    if key == "arrival":
        return fmt_time(row.arrival_time)
    if key == "signature":
        return ATTENDANCE_MARK[row.status]
    return ""


_GROUP_ORDER = ((College.RESIDENTS, labels.COLLEGE_LONG[College.RESIDENTS]),
                (College.LOCAL_ACTORS, labels.COLLEGE_LONG[College.LOCAL_ACTORS]),
                (None, "Autres personnes invitées"))


def sheet_rows(s: MeetingSnapshot, options: SigninOptions) -> list[SheetRow]:
    """The invitees (grouped by college if asked, same numbers), then the blank rows."""
    keys = options.keys()
    attendance = options.with_attendance

    def numbered(row: InviteeRow) -> SheetRow:
        return SheetRow(row.number, tuple(_cell(k, row, attendance) for k in keys),
                        present=attendance and row.status in (AttendanceStatus.PRESENT,
                                                              AttendanceStatus.REPRESENTED))

    rows: list[SheetRow] = []
    if options.group_by_college:
        for college, title in _GROUP_ORDER:
            members = [r for r in s.invitees if r.college is college]
            if members:
                rows.append(SheetRow(None, (), group=f"{title} ({len(members)})"))
                rows += [numbered(r) for r in members]
        if options.blank_rows:
            rows.append(SheetRow(None, (), group="Personnes non inscrites"))
    else:
        rows = [numbered(r) for r in s.invitees]
    first_blank = max((r.number for r in s.invitees), default=0) + 1
    for number in range(first_blank, first_blank + options.blank_rows):
        rows.append(SheetRow(number, tuple(str(number) if k == "number" else "" for k in keys)))
    return rows


def headers(keys: Sequence[str]) -> list[str]:
    return [COLUMNS[k][0] for k in keys]


def counts_line(s: MeetingSnapshot) -> str:
    c = s.counts
    idle = (f" (dont {c.holder_absent} non compté{'s' if c.holder_absent > 1 else ''} : "
            "porteur absent)") if c.holder_absent else ""
    return (f"Invités : {c.invited} — présents : {c.present} — représentés : {c.represented}"
            f"{idle} — excusés : {c.excused} — absents : {c.absent}"
            + (f" — non renseignés : {c.not_recorded}" if c.not_recorded else "")
            + (f" — personnes extérieures : {c.guests}" if c.guests else "")
            + f". {s.quorum.label()}.")


def officer_lines(s: MeetingSnapshot) -> tuple[str, str]:
    return ", ".join(s.facilitators), ", ".join(s.secretaries)
