"""A contact's page, as the HTML shown beside the list.

For a person: their roles, their projects (holder or member), the meetings
they attended as a guest and the decisions they own. For an organisation: its
details, its people, the projects it holds or funds and the decisions it owns.
People and organisations are links (``personne:12``, ``organisation:3``).
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from PySide6.QtCore import QCoreApplication

from conseil_desktop.services.contact_queries import (
    AffiliationRow,
    ContactDetail,
    ContactKind,
    DecisionRef,
    OrganisationDetail,
    ProjectRef,
)
from conseil_desktop.services.formatting import fmt_date
from conseil_desktop.ui.i18n import fill

translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")
DETAIL_COLOUR = "#5f6368"


def link(kind: ContactKind, record_id: int, text: str) -> str:
    return f'<a href="{kind.value}:{record_id}">{escape(text)}</a>'


def parse_link(href: str) -> tuple[ContactKind, int] | None:
    kind, _, number = href.partition(":")
    if kind not in {k.value for k in ContactKind} or not number.isdigit():
        return None
    return ContactKind(kind), int(number)


def person_page(detail: ContactDetail) -> str:
    data = detail.data
    name = f"{data.last_name} {data.first_name}".strip()
    parts = [f"<h2>{escape(name)}</h2>"]
    if detail.is_member:
        parts.append(_note(translate("ContactPage", "Also a member of the council.")))
    parts.append(_lines([data.phone, data.email]))
    roles = [(_organisation_link(a), _joined(a.role_title, a.phone, a.email))
             for a in detail.affiliations]
    parts.append(_section(translate("ContactPage", "Roles"),
                          translate("ContactPage", "No role."), roles))
    parts.append(_projects(detail.projects))
    meetings = [(escape(m.title), _joined(fmt_date(m.date), m.quality))
                for m in detail.guest_meetings]
    parts.append(_section(translate("ContactPage", "Meetings attended as a guest"),
                          translate("ContactPage", "None."), meetings))
    parts.append(_decisions(detail.decisions))
    return "".join(parts)


def organisation_page(detail: OrganisationDetail) -> str:
    data = detail.data
    tags = [detail.kind_label]
    if data.in_neighbourhood:
        tags.append(translate("ContactPage", "in the neighbourhood"))
    if data.is_funder:
        tags.append(translate("ContactPage", "funder"))
    parts = [f"<h2>{escape(data.name)}</h2>", _lines([_joined(*tags)])]
    if detail.archived_at is not None:
        parts.append(_note(fill(translate(
            "ContactPage",
            "Archived on %1: hidden from the lists, kept for the history of its projects."),
            fmt_date(detail.archived_at.date()))))
    place = f"{data.postcode} {data.city}".strip()
    parts.append(_lines([data.address_line1, data.address_line2, place]))
    parts.append(_lines([data.phone, data.email, data.website]))
    parts.append(_lines([_labelled("SIRET", data.siret), _labelled("RNA", data.rna)]))
    if data.notes.strip():
        parts.append(f"<p>{escape(data.notes).replace(chr(10), '<br>')}</p>")
    people = [(link(ContactKind.PERSON, a.person_id, a.person_name),
               _joined(a.role_title, a.phone, a.email)) for a in detail.people]
    parts.append(_section(translate("ContactPage", "People"),
                          translate("ContactPage", "Nobody yet."), people))
    parts.append(_projects(detail.projects))
    parts.append(_decisions(detail.decisions))
    return "".join(parts)


def _organisation_link(role: AffiliationRow) -> str:
    if role.organisation_id is None:
        return escape(translate("ContactPage", "No organisation"))
    return link(ContactKind.ORGANISATION, role.organisation_id, role.organisation_name)


def _projects(projects: list[ProjectRef]) -> str:
    entries = [(escape(p.title), _joined(p.role, str(p.year or ""), p.status_label))
               for p in projects]
    return _section(translate("ContactPage", "Projects"),
                    translate("ContactPage", "No project."), entries)


def _decisions(decisions: list[DecisionRef]) -> str:
    entries = []
    for d in decisions:
        if d.done_on is not None:
            state = fill(translate("ContactPage", "done on %1"), fmt_date(d.done_on))
        elif d.deadline is not None:
            state = fill(translate("ContactPage", "due %1"), fmt_date(d.deadline))
        else:
            state = ""
        meeting = fill(translate("ContactPage", "meeting of %1"), fmt_date(d.meeting_date))
        entries.append((escape(d.text), _joined(meeting, state)))
    return _section(translate("ContactPage", "Decisions in its charge"),
                    translate("ContactPage", "None."), entries)


def _joined(*values: str) -> str:
    return " · ".join(v for v in values if v)


def _labelled(label: str, value: str) -> str:
    return f"{label} {value}" if value else ""


def _note(text: str) -> str:
    return f"<p><i>{escape(text)}</i></p>"


def _lines(values: Iterable[str]) -> str:
    shown = [escape(v) for v in values if v]
    return f"<p>{'<br>'.join(shown)}</p>" if shown else ""


def _section(title: str, empty: str, entries: list[tuple[str, str]]) -> str:
    """A heading, then one short paragraph per entry: its name (HTML), then its details."""
    heading = f"<h3>{escape(title)}</h3>"
    if not entries:
        return heading + _note(empty)
    return heading + "".join(
        f'<p style="margin-top:0; margin-bottom:6px">{main}'
        + (f'<br><span style="color:{DETAIL_COLOUR}">{escape(detail)}</span>' if detail else "")
        + "</p>"
        for main, detail in entries
    )
