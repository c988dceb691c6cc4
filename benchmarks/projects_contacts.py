"""Projects and contacts on large data, each beside a floor measured in the same run.

Generates (once) a database of 5,000 projects, 20,000 funding lines, 1,000
organisations and 10,000 contact people with Core bulk inserts, then times:

* the Projets tab (``list_projects``, every row) against the same rows read
  with plain ``sqlite3``;
* the Contacts tab (``search_contacts`` with no text) and a typical search
  against the same rows read with plain ``sqlite3``;
* the portfolio spreadsheet (``portfolio`` + ``write_projects_xlsx``) against
  the same rows appended by a bare openpyxl write-only loop.

    .venv/bin/python benchmarks/projects_contacts.py [--repeat N] [--rebuild]

Goals from the issue: each tab's data <= 300 ms, a search <= 50 ms, the
portfolio xlsx <= 2 s.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from _common import OUT

from conseil_desktop import paths
from conseil_desktop.db.engine import Storage, open_storage
from conseil_desktop.db.models import (
    ContactAffiliation,
    Organisation,
    Person,
    Project,
    ProjectFunding,
    ProjectStatus,
    ProjectStatusEvent,
)
from conseil_desktop.services.contacts import contact_search_key
from conseil_desktop.services.text import fold

DB = OUT / "projects_contacts.db"
PROJECTS, FUNDINGS, ORGANISATIONS, PEOPLE = 5_000, 20_000, 1_000, 10_000
SEARCH = "martin"

LAST = ["Martin", "Bernard", "Dubois", "Lefèvre", "Œuvray", "Nguyễn", "Yılmaz", "Kowalski",
        "N'Diaye", "Diallo", "Traoré", "Benali", "Haddad", "García", "Pereira", "Chérif",
        "Guérin", "Hébert", "Moreau", "Girard", "Rousseau", "Mercier", "Le Goff", "Sow"]
FIRST = ["Élodie", "Marie", "Chloé", "Inès", "Fatima", "Thị Hương", "Aïcha", "Zeynep", "Jean",
         "Jérôme", "Karim", "Mamadou", "Łukasz", "Şükrü", "João", "Noël", "Gaël", "Léa"]
ORG_KINDS = ["mairie", "metropole", "bailleur", "association", "centre_social", "ecole",
             "entreprise", "service_public", "autre"]
ORG_WORDS = ["Amicale des locataires", "Jardins partagés", "Football club", "Centre social",
             "Épicerie solidaire", "Atelier vélo", "Régie de quartier", "École du Lac"]
TITLES = ["Fête de quartier", "Jardins partagés", "Atelier vélo solidaire", "Repair café",
          "Soutien scolaire", "Cinéma en plein air", "Chorale des habitants", "Fresque"]
THEMES = ["cohesion_sociale", "cadre_de_vie", "economie_emploi", "jeunesse"]
LINES = ["appel_projets", "fph", "budget_conseil", "autre"]


def tracked(now: datetime) -> dict[str, Any]:
    return {"uuid": str(uuid.uuid4()), "created_at": now, "updated_at": now}


def build(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    storage = open_storage(path, backup=False)
    rng, now = random.Random(7), datetime(2026, 11, 25, 12)
    try:
        with storage.engine.begin() as conn:
            orgs = [{
                "id": i + 1, "name": f"{rng.choice(ORG_WORDS)} n° {i + 1}",
                "kind_code": rng.choice(ORG_KINDS), "address_line1": f"{i} rue du Lac",
                "address_line2": "", "postcode": "31100", "city": "Toulouse",
                "phone": f"+33561{i:06d}", "email": f"contact{i}@example.org",
                "in_neighbourhood": True, "is_funder": i < 60, "notes": "", **tracked(now),
            } for i in range(ORGANISATIONS)]
            conn.execute(Organisation.__table__.insert(), orgs)
            people, roles = [], []
            for i in range(PEOPLE):
                last, first = rng.choice(LAST), rng.choice(FIRST)
                org = orgs[rng.randrange(ORGANISATIONS)]
                phone = f"+336{i:08d}"
                people.append({
                    "id": i + 1, "last_name": last, "first_name": first, "phone": phone,
                    "email": f"p{i}@example.net", "address_line1": "", "address_line2": "",
                    "postcode": "", "city": "Toulouse", "preferred_channel": "courriel",
                    "search_key": contact_search_key(last, first, f"p{i}@example.net", phone,
                                                     [org["name"]], ["Coordinatrice"]),
                    **tracked(now),
                })
                roles.append({"person_id": i + 1, "organisation_id": org["id"],
                              "role_title": "Coordinatrice", "notes": "", **tracked(now)})
            conn.execute(Person.__table__.insert(), people)
            conn.execute(ContactAffiliation.__table__.insert(), roles)
            statuses = list(ProjectStatus)
            projects, events, fundings = [], [], []
            for i in range(PROJECTS):
                start = date(2022, 1, 1) + timedelta(days=rng.randrange(1800))
                status = rng.choice(statuses)
                projects.append({
                    "id": i + 1, "title": f"{rng.choice(TITLES)} {i + 1}", "description": "",
                    "holder_organisation_id": rng.randrange(ORGANISATIONS) + 1,
                    "neighbourhood": "Bellefontaine", "theme_code": rng.choice(THEMES),
                    "funding_line_code": rng.choice(LINES), "year": start.year,
                    "status": status.value, "start_on": start,
                    "end_on": start + timedelta(days=180), "outcome_notes": "", **tracked(now),
                })
                events += [{"project_id": i + 1, "status": s.value,
                            "effective_on": start - timedelta(days=30 * (3 - n)), "note": "",
                            **tracked(now)}
                           for n, s in enumerate((ProjectStatus.IDEA, ProjectStatus.SUBMITTED,
                                                  status))]
            for n in range(FUNDINGS):
                requested = rng.randrange(50_000, 2_000_000)
                fundings.append({
                    "project_id": n % PROJECTS + 1, "funder_organisation_id": rng.randrange(60) + 1,
                    "requested_cents": requested,
                    "granted_cents": requested * rng.choice((0, 50, 100)) // 100 or None,
                    **tracked(now),
                })
            conn.execute(Project.__table__.insert(), projects)
            conn.execute(ProjectStatusEvent.__table__.insert(), events)
            conn.execute(ProjectFunding.__table__.insert(), fundings)
    finally:
        storage.close(backup=False)


def median_ms(action: Callable[[], object], repeat: int) -> float:
    action()  # warm the caches
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


FLOOR_PROJECTS = """
SELECT p.id, p.title, o.name, p.theme_code, p.funding_line_code, p.year, p.status,
       p.submission_deadline, p.start_on, p.end_on, p.financial_report_due_on,
       m.requested, m.granted
FROM project p
LEFT JOIN organisation o ON o.id = p.holder_organisation_id
LEFT JOIN (SELECT project_id, sum(requested_cents) AS requested, sum(granted_cents) AS granted
           FROM project_funding GROUP BY project_id) m ON m.project_id = p.id
ORDER BY p.year DESC, p.title, p.id
"""
FLOOR_PEOPLE = """
SELECT p.id, p.last_name, p.first_name, p.search_key, p.phone, p.email, p.city,
       a.role_title, a.phone, a.email, o.name
FROM person p JOIN contact_affiliation a ON a.person_id = p.id
LEFT JOIN organisation o ON o.id = a.organisation_id
WHERE p.anonymised_at IS NULL AND p.archived_at IS NULL AND p.search_key LIKE ?
ORDER BY p.search_key, p.id, a.id
"""
FLOOR_ORGS = "SELECT id, name, kind_code, phone, email, city FROM organisation"


def floor_query(path: Path, sql: str, *params: str) -> Callable[[], object]:
    def run() -> object:
        conn = sqlite3.connect(path)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()
    return run


def floor_xlsx(rows: list[tuple[Any, ...]], target: Path) -> Callable[[], object]:
    def run() -> None:
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Projets")
        for row in rows:
            sheet.append(row)
        workbook.save(target)
    return run


def report(label: str, ms: float, floor: float, goal: float) -> None:
    verdict = "ok" if ms <= goal else "AU-DESSUS DE L'OBJECTIF"
    print(f"{label:<42} {ms:8.1f} ms   floor {floor:7.1f} ms   ratio {ms / floor:5.2f}x   "
          f"goal <= {goal:.0f} ms: {verdict}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    paths.set_data_dir(OUT / "data")
    if args.rebuild or not DB.exists():
        started = time.perf_counter()
        build(DB)
        print(f"built {DB.name} in {time.perf_counter() - started:.1f} s")
    storage = open_storage(DB, backup=False)
    try:
        run(storage, args.repeat)
    finally:
        storage.close(backup=False)
    return 0


def run(storage: Storage, repeat: int) -> None:
    from conseil_desktop.export.projects_export import write_projects_xlsx
    from conseil_desktop.services.contact_queries import search_contacts
    from conseil_desktop.services.project_details import portfolio
    from conseil_desktop.services.project_queries import list_projects

    def in_session(action: Callable[[Any], object]) -> Callable[[], object]:
        def run_it() -> object:
            with storage.session_scope() as session:
                return action(session)
        return run_it

    with storage.session_scope() as session:
        shown = list_projects(session).rows
        found = search_contacts(session, SEARCH)
    print(f"{len(shown)} projects, {PEOPLE} people, {ORGANISATIONS} organisations; "
          f"search {SEARCH!r}: {len(found)} rows; median of {repeat}")
    path = storage.path
    report("Projets tab: list_projects (all rows)",
           median_ms(in_session(list_projects), repeat),
           median_ms(floor_query(path, FLOOR_PROJECTS), repeat), 300)
    report("Contacts tab: search_contacts('')",
           median_ms(in_session(search_contacts), repeat),
           median_ms(floor_query(path, FLOOR_PEOPLE, "%"), repeat)
           + median_ms(floor_query(path, FLOOR_ORGS), repeat), 300)
    report(f"Contacts search: {SEARCH!r}",
           median_ms(in_session(lambda s: search_contacts(s, SEARCH)), repeat),
           median_ms(floor_query(path, FLOOR_PEOPLE, f"%{fold(SEARCH)}%"), repeat)
           + median_ms(floor_query(path, FLOOR_ORGS), repeat), 50)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "portefeuille.xlsx"

        def export() -> None:
            with storage.session_scope() as session:
                book = portfolio(session)
            write_projects_xlsx(book, target)

        with storage.session_scope() as session:
            book = portfolio(session)
        rows = [(p.data.title, p.holder_name, p.theme_label, p.funding_line_label, p.data.year,
                 p.status_label, p.requested_cents / 100, p.granted_cents / 100,
                 p.next_deadline.due_on if p.next_deadline else None,
                 p.next_deadline.label if p.next_deadline else None) for p in book.projects]
        rows += [(p.data.title, p.data.year, p.status_label, f.funder_name,
                  f.requested_cents / 100, f.granted_cents, f.decision_on)  # type: ignore[misc]
                 for p in book.projects for f in p.fundings]
        small = max(3, repeat // 2)
        report("Portfolio: read (portfolio)",
               median_ms(in_session(portfolio), small),
               median_ms(floor_query(path, FLOOR_PROJECTS), small), 2000)
        report("Portfolio xlsx: read + write",
               median_ms(export, small), median_ms(floor_xlsx(rows, target), small), 2000)


if __name__ == "__main__":
    raise SystemExit(main())
