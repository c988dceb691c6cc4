"""The *fiche de données personnelles*: everything held on one person, as an A4
PDF, for an access request (domain.md section 9). One section per kind of data,
« Aucune donnée. » where there is none, and the council's GDPR notice at the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from conseil_desktop.export.files import atomic_output, output_format
from conseil_desktop.services.formatting import fmt_date, fmt_phone

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from conseil_desktop.export.pdf.layout import Styles
    from conseil_desktop.services.personal_data import MembershipInfo, PersonalData

TITLE = "Fiche de données personnelles"
NONE = "Aucune donnée."


def write_personal_data_sheet(
    data: PersonalData, council_name: str, gdpr_notice: str, path: Path,
    *, today: date | None = None,
) -> None:
    """Write the sheet to ``path`` (.pdf), through a temporary file."""
    output_format(path, ("pdf",), "la fiche de données personnelles")
    from conseil_desktop.export.pdf.layout import build_pdf, make_styles

    styles = make_styles()
    day = today or date.today()
    story = _story(data, styles, council_name, gdpr_notice, day)
    with atomic_output(path) as temporary:
        build_pdf(temporary, story, title=f"{TITLE} — {data.full_name}",
                  footer=f"{council_name} — {TITLE} — éditée le {fmt_date(day)}")


def _story(data: PersonalData, styles: Styles, council_name: str, notice: str,
           today: date) -> list[Flowable]:
    from conseil_desktop.export.pdf.layout import text

    story: list[Flowable] = [
        text(TITLE, styles.title),
        text(f"{data.full_name} — {council_name} — situation au {fmt_date(today)}",
             styles.subtitle),
        text("Cette fiche rassemble toutes les données que le conseil citoyen conserve sur "
             "vous, à la date indiquée.", styles.body),
    ]
    story += _identity(data, styles)
    story += _membership(data.membership, data, styles)
    story += _section(styles, "Consentements", ["Consentement", "Réponse", "Date", "Source"],
                      [(c.kind, "Accordé" if c.granted else "Refusé", fmt_date(c.recorded_on),
                        c.source) for c in data.consents], [40, 14, 14, 32])
    story += _section(styles, "Fonctions dans des organisations (contacts)",
                      ["Organisation", "Fonction", "Téléphone", "Courriel", "Notes"],
                      [(a.organisation, a.role_title, fmt_phone(a.phone), a.email, a.notes)
                       for a in data.affiliations], [24, 20, 15, 21, 20])
    story += _section(styles, "Participation aux réunions",
                      ["Date", "Réunion", "Présence", "Pouvoir", "Rôle"],
                      [(fmt_date(m.meeting_date), m.title, m.status, "\n".join(m.proxies),
                        "\n".join(m.functions)) for m in data.meetings], [12, 32, 12, 22, 22])
    story += _section(styles, "Projets", ["Projet", "Année", "Statut", "Participation"],
                      [(p.title, p.year or "", p.status, p.involvement)
                       for p in data.projects], [46, 10, 18, 26])
    story += _section(styles, "Décisions dont vous êtes responsable",
                      ["Réunion", "Décision", "Échéance", "Réalisée le"],
                      [(f"{fmt_date(d.meeting_date)}\n{d.meeting_title}", d.text,
                        fmt_date(d.deadline), fmt_date(d.done_on)) for d in data.decisions],
                      [24, 48, 14, 14])
    story += _section(styles, "Présence comme invité", ["Date", "Réunion", "Nom inscrit",
                                                        "Structure", "Qualité"],
                      [(fmt_date(g.meeting_date), g.meeting_title, g.name, g.organisation,
                        g.quality) for g in data.guest_appearances], [12, 30, 20, 20, 18])
    story += [_heading("Vos droits", styles), text(notice.strip(), styles.body)]
    return story


def _identity(data: PersonalData, styles: Styles) -> list[Flowable]:
    address = "\n".join(x for x in (data.address_line1, data.address_line2,
                                    f"{data.postcode} {data.city}".strip()) if x)
    pairs = [
        ("Nom", data.last_name), ("Prénom", data.first_name), ("Sexe", data.sex),
        ("Date de naissance", fmt_date(data.birth_date)),
        ("Enregistré(e) le", fmt_date(data.recorded_on)),
    ]
    if data.anonymised_on:
        pairs.append(("Anonymisé(e) le", fmt_date(data.anonymised_on)))
    contact = [
        ("Courriel", data.email), ("Téléphone", fmt_phone(data.phone)),
        ("Adresse", address), ("Convocations par", data.preferred_channel),
    ]
    return [_heading("Identité", styles), _pairs(styles, pairs),
            _heading("Coordonnées", styles), _pairs(styles, contact)]


def _membership(m: MembershipInfo | None, data: PersonalData, styles: Styles) -> list[Flowable]:
    from conseil_desktop.export.pdf.layout import text

    if m is None:
        return [_heading("Adhésion au conseil", styles),
                text("Vous n'êtes pas membre du conseil.", styles.note)]
    pairs = [
        ("Collège", m.college), ("Siège", m.seat), ("Désignation", m.designation),
        ("Liste d'origine", m.designation_source), ("Structure représentée", m.organisation),
        ("Entrée le", fmt_date(m.joined_on)), ("Fin du mandat", fmt_date(m.mandate_end_on)),
        ("Statut", m.status), ("Depuis le", fmt_date(m.status_since)),
        ("Autorisation parentale", fmt_date(m.parental_authorisation_on)),
    ]
    story = [_heading("Adhésion au conseil", styles), _pairs(styles, pairs)]
    story += _section(styles, "Historique du statut", ["Date", "Statut", "Siège"],
                      [(fmt_date(e.effective_on), e.status, e.seat) for e in m.history],
                      [20, 40, 40])
    story += _section(styles, "Fonctions au sein du conseil", ["Fonction", "Depuis le",
                                                               "Jusqu'au"],
                      [(r.role, fmt_date(r.started_on), fmt_date(r.ended_on))
                       for r in data.roles], [50, 25, 25])
    return story


def _pairs(styles: Styles, pairs: Sequence[tuple[str, str]]) -> Flowable:
    """Label / value lines, one per row: long e-mails and addresses stay whole."""
    from reportlab.platypus import Table, TableStyle

    from conseil_desktop.export.pdf.layout import CONTENT_WIDTH, ruled_rows, text

    rows = [[text(label, styles.label), text(value or "—", styles.cell)]
            for label, value in pairs]
    table = Table(rows, colWidths=[CONTENT_WIDTH * 0.3, CONTENT_WIDTH * 0.7])
    table.setStyle(TableStyle(ruled_rows()))
    return table


def _section(styles: Styles, heading: str, header: Sequence[str],
             rows: Sequence[Sequence[object]], widths: Sequence[float]) -> list[Flowable]:
    from conseil_desktop.export.pdf.layout import data_table, text

    title = _heading(heading, styles)
    if not rows:
        return [title, text(NONE, styles.note)]
    return [title, data_table(styles, header, rows, widths)]


def _heading(heading: str, styles: Styles) -> Flowable:
    """A section heading that never ends a page alone."""
    from reportlab.lib.styles import ParagraphStyle

    from conseil_desktop.export.pdf.layout import text

    return text(heading, ParagraphStyle("section", parent=styles.heading, keepWithNext=1))
