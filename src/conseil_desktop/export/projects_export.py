"""The project portfolio as a spreadsheet or as a PDF.

* xlsx: "Projets" (one row per project), "Financements" (one row per funder
  line) and "Totaux" (by status, by theme, by funder), amounts as numbers in
  euros;
* PDF: a summary page, then one page per project (its fiche: every field,
  the funding table, the status history, the meetings that discussed it).

A ``progress`` hook (``conseil_desktop.progress``) hears the rows of each sheet
and the sheets compressed, or the PDF's pages laid out (each fiche is made
when its page comes, and dropped once drawn) then finished with their footer;
a cancel it raises stops the writing there and leaves no file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from conseil_desktop.export.files import atomic_output, output_format
from conseil_desktop.progress import OnProgress, Stage, report
from conseil_desktop.services.formatting import fmt_date, fmt_money

if TYPE_CHECKING:
    from openpyxl import Workbook
    from reportlab.platypus import Flowable

    from conseil_desktop.export.pdf.layout import Styles
    from conseil_desktop.services.project_details import (
        Portfolio,
        ProjectDetail,
        TotalRow,
    )

FORMATS = ("xlsx", "pdf")


def export_projects(
    book: Portfolio, path: Path, *, council_name: str, today: date | None = None,
    progress: OnProgress | None = None,
) -> None:
    """Write ``path`` (.xlsx or .pdf, from its extension), atomically."""
    kind = output_format(path, FORMATS, "les projets")
    with atomic_output(path) as temporary:
        if kind == "xlsx":
            write_projects_xlsx(book, temporary, progress)
        else:
            write_projects_pdf(book, temporary, council_name=council_name,
                               today=today or date.today(), progress=progress)


def portfolio_title(book: Portfolio) -> str:
    return f"Projets {book.year}" if book.year else "Portefeuille des projets"


# --- spreadsheet -----------------------------------------------------------------


def write_projects_xlsx(book: Portfolio, path: Path, progress: OnProgress | None = None) -> None:
    from conseil_desktop.export.xlsx import saving
    from conseil_desktop.export.xlsx.sheets import new_workbook

    with saving.writing(new_workbook()) as workbook:
        _add_sheets(workbook, book, progress)
        saving.save_workbook(workbook, path, progress)


def _add_sheets(workbook: Workbook, book: Portfolio, progress: OnProgress | None) -> None:
    from conseil_desktop.export.xlsx.sheets import Column, Kind, add_sheet

    def sheet(index: int) -> Callable[[int], None] | None:
        """Tells ``progress`` which of the three sheets is being written, every 1,000 rows
        (the 20,000 funding lines of a large portfolio take about half a second)."""
        if progress is None:
            return None
        return lambda _rows: progress(Stage.SHEETS, index, 3)

    add_sheet(workbook, "Projets", [
        Column("Titre", 40), Column("Porteur", 30), Column("Thème", 26),
        Column("Ligne de financement", 28), Column("Année", 8, Kind.NUMBER),
        Column("Statut", 15), Column("Demandé", 14, Kind.MONEY),
        Column("Accordé", 14, Kind.MONEY), Column("Prochaine échéance", 14, Kind.DATE),
        Column("Nature de l'échéance", 24),
    ], [
        (p.data.title, p.holder_name, p.theme_label, p.funding_line_label, p.data.year,
         p.status_label, p.requested_cents, p.granted_cents if p.fundings else None,
         p.next_deadline.due_on if p.next_deadline else None,
         p.next_deadline.label if p.next_deadline else None)
        for p in book.projects
    ], sheet(0))
    add_sheet(workbook, "Financements", [
        Column("Projet", 40), Column("Année", 8, Kind.NUMBER), Column("Statut du projet", 15),
        Column("Financeur", 34), Column("Demandé", 14, Kind.MONEY),
        Column("Accordé", 14, Kind.MONEY), Column("Date de décision", 14, Kind.DATE),
    ], [
        (p.data.title, p.data.year, p.status_label, f.funder_name, f.requested_cents,
         f.granted_cents, f.decision_on)
        for p in book.projects for f in p.fundings
    ], sheet(1))
    add_sheet(workbook, "Totaux", [
        Column("Regroupement", 16), Column("Libellé", 40),
        Column("Nombre de projets", 12, Kind.NUMBER), Column("Demandé", 16, Kind.MONEY),
        Column("Accordé", 16, Kind.MONEY),
    ], [
        (group, t.label, t.count, t.requested_cents, t.granted_cents)
        for group, totals in (("Ensemble", [book.total]), ("Statut", book.by_status),
                              ("Thème", book.by_theme), ("Financeur", book.by_funder))
        for t in totals
    ], sheet(2))


# --- PDF ----------------------------------------------------------------------------


def write_projects_pdf(book: Portfolio, path: Path, *, council_name: str, today: date,
                       progress: OnProgress | None = None) -> None:
    from reportlab.platypus import PageBreak

    from conseil_desktop.export.pdf.layout import build_pdf, make_styles, one_page

    styles = make_styles()
    total = len(book.projects) + 1
    report(progress, Stage.PAGES, 0, total)
    story: list[Flowable] = one_page(_summary(book, styles, council_name, today))
    for number, project in enumerate(book.projects, start=1):
        story += [_lazy_page(partial(_fiche, project, styles), number, total, progress),
                  PageBreak()]
    title = portfolio_title(book)
    build_pdf(path, story, title=title,
              footer=f"{council_name} — {title} — édité le {fmt_date(today)}",
              progress=progress)


def _lazy_page(make: Callable[[], list[Flowable]], number: int, total: int,
               progress: OnProgress | None) -> Flowable:
    """``one_page(make())``, made when its page is laid out (telling ``progress``) and
    dropped once drawn: 5,000 fiches made beforehand held 350,000 paragraphs at once."""
    from reportlab.platypus import Flowable

    from conseil_desktop.export.pdf.layout import one_page

    class LazyPage(Flowable):  # type: ignore[misc]  # reportlab has no type hints
        def __init__(self) -> None:
            super().__init__()
            self._page: Flowable | None = None

        def _made(self) -> Flowable:
            if self._page is None:
                report(progress, Stage.PAGES, number, total)
                self._page = one_page(make())[0]
            return self._page

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return self._made().wrapOn(  # type: ignore[no-any-return]
                self.canv, available_width, available_height)

        def split(self, available_width: float, available_height: float) -> list[Flowable]:
            return self._made().splitOn(  # type: ignore[no-any-return]
                self.canv, available_width, available_height)

        def draw(self) -> None:
            self._made().drawOn(self.canv, 0, 0)
            self._page = None

    return LazyPage()


def _summary(book: Portfolio, styles: Styles, council_name: str, today: date) -> list[Flowable]:
    from reportlab.platypus import Spacer

    from conseil_desktop.export.pdf.layout import text

    count = book.total.count
    story: list[Flowable] = [
        text(portfolio_title(book), styles.title),
        text(f"{council_name} — situation au {fmt_date(today)}", styles.subtitle),
        text(f"{count} projet{'s' if count > 1 else ''} : {fmt_money(book.total.requested_cents)}"
             f" demandés, {fmt_money(book.total.granted_cents)} accordés.", styles.body),
        Spacer(1, 4),
    ]
    for heading, rows, label in (("Par statut", book.by_status, "Statut"),
                                 ("Par thème", book.by_theme, "Thème"),
                                 ("Par financeur", book.by_funder, "Financeur")):
        story += [text(heading, styles.heading), _totals_table(styles, label, rows)]
    return story


def _totals_table(styles: Styles, label: str, rows: list[TotalRow]) -> Flowable:
    from conseil_desktop.export.pdf.layout import data_table, text

    if not rows:
        return text("Aucun.", styles.note)
    body = [[t.label, t.count, fmt_money(t.requested_cents), fmt_money(t.granted_cents)]
            for t in rows]
    return data_table(styles, [label, "Projets", "Demandé", "Accordé"], body,
                      [50, 12, 19, 19], right=frozenset({1, 2, 3}))


def _fiche(p: ProjectDetail, styles: Styles) -> list[Flowable]:
    from conseil_desktop.export.pdf.layout import data_table, field_table, text

    d = p.data
    holder = f"{p.holder_name} ({p.holder_identifier})" if p.holder_identifier else p.holder_name
    due = fmt_date(p.report_due_on) + (" (calculé)" if p.report_due_computed else "")
    story: list[Flowable] = [
        text(d.title, styles.title),
        text(" — ".join(x for x in (p.status_label, str(d.year or ""), p.funding_line_label)
                        if x), styles.subtitle),
        field_table(styles, [
            ("Porteur", holder), ("Quartier", d.neighbourhood), ("Thème", p.theme_label),
            ("Thèmes transversaux", ", ".join(p.cross_theme_labels)),
            ("Ligne de financement", p.funding_line_label), ("Année", str(d.year or "")),
            ("Dépôt du dossier", fmt_date(d.submission_deadline)),
            ("Début", fmt_date(d.start_on)), ("Fin", fmt_date(d.end_on)),
            ("Compte rendu financier", due),
            ("Membres impliqués", ", ".join(m.label for m in p.members)),
            ("Prochaine échéance", f"{p.next_deadline.label} : {fmt_date(p.next_deadline.due_on)}"
             if p.next_deadline else ""),
        ]),
    ]
    if d.description:
        story += [text("Description", styles.heading), text(d.description, styles.body)]
    story += [text("Financements", styles.heading)]
    if p.fundings:
        rows: list[list[object]] = [
            [f.funder_name, fmt_money(f.requested_cents), fmt_money(f.granted_cents),
             fmt_date(f.decision_on)] for f in p.fundings]
        rows.append(["Total", fmt_money(p.requested_cents), fmt_money(p.granted_cents), ""])
        story.append(data_table(styles, ["Financeur", "Demandé", "Accordé", "Décision"], rows,
                                [46, 19, 19, 16], right=frozenset({1, 2}), total=True))
    else:
        story.append(text("Aucun financement demandé.", styles.note))
    story += [text("Historique des statuts", styles.heading),
              data_table(styles, ["Date", "Statut", "Note"],
                         [[fmt_date(e.effective_on), e.label, e.note] for e in p.history],
                         [15, 20, 65])]
    if p.links:
        story += [text("Réunions et décisions", styles.heading),
                  data_table(styles, ["Date", "Réunion", "Décision"],
                             [[fmt_date(k.meeting_date), k.meeting_title, k.decision_text]
                              for k in p.links], [15, 30, 55])]
    if d.outcome_notes:
        story += [text("Bilan", styles.heading), text(d.outcome_notes, styles.body)]
    return story
