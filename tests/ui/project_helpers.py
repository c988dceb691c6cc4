"""Helpers for the Projets tab's tests: the tab on the test database, and records."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from conseil_desktop.db.models import ProjectStatus
from conseil_desktop.services import projects
from conseil_desktop.services.contacts import OrganisationData, create_organisation
from conseil_desktop.services.project_details import ProjectDetail, get_project
from conseil_desktop.services.projects import FundingLine, ProjectData
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.projects.tab import ProjectsTab


@contextmanager
def shown_tab(qtbot: Any, database: Database) -> Iterator[ProjectsTab]:
    """The tab, shown (hence loaded) on the test database; exports awaited at the end."""
    tab = ProjectsTab(database.session_scope)
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    tab.show()
    qtbot.waitExposed(tab)
    try:
        yield tab
    finally:
        tab.wait_for_exports()


def detail_of(database: Database, project_id: int) -> ProjectDetail:
    with database.session_scope() as session:
        return get_project(session, project_id)


def add_organisation(database: Database, name: str, **values: Any) -> int:
    with database.session_scope() as session:
        return create_organisation(session, OrganisationData(name=name, **values)).id


def add_project(database: Database, title: str, *, status: ProjectStatus = ProjectStatus.IDEA,
                year: int | None = 2026, fundings: tuple[tuple[int, int], ...] = (),
                **values: Any) -> int:
    """A project, and its funders as (organisation id, cents requested = granted)."""
    lines = [FundingLine(org, cents, cents) for org, cents in fundings]
    with database.session_scope() as session:
        data = ProjectData(title=title, year=year, fundings=lines, **values)
        return projects.create_project(session, data, status=status).id
