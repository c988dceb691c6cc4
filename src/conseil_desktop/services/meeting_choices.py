"""What the meeting screens offer to pick from: members found by a few letters
of their name (facilitators, secretaries, presenters) and the names of people
already chosen."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from conseil_desktop.db.models import Membership, MemberStatus, Person
from conseil_desktop.services import labels
from conseil_desktop.services.project_choices import PICK_LIMIT, Pick
from conseil_desktop.services.text import fold


def person_label(last_name: str, first_name: str) -> str:
    return f"{last_name} {first_name}".strip()


def find_members(session: Session, text: str, limit: int = PICK_LIMIT) -> list[Pick]:
    """Members (active first) with a word of their name starting with each word typed:
    "mart j" finds Martin Jeanne."""
    tokens = fold(text).split()
    if not tokens:
        return []
    key = " " + Person.search_key
    # People written without a search key (older imports) are still found by their name.
    plain_name = " " + func.lower(Person.last_name + " " + Person.first_name)
    matches = [or_(key.contains(" " + token, autoescape=True),
                   and_(Person.search_key == "", plain_name.contains(" " + token,
                                                                     autoescape=True)))
               for token in tokens]
    query = (
        select(Person.id, Person.last_name, Person.first_name, Membership.status,
               Membership.college)
        .join(Membership, Membership.person_id == Person.id)
        .where(Person.anonymised_at.is_(None), Person.archived_at.is_(None),
               *matches)
        .order_by((Membership.status == MemberStatus.ACTIVE).desc(),
                  Person.search_key.startswith(tokens[0], autoescape=True).desc(),
                  Person.search_key, Person.id)
        .limit(limit)
    )
    picks = []
    for person_id, last, first, status, college in session.execute(query):
        detail = [labels.COLLEGE.get(college, "")]
        if status is not MemberStatus.ACTIVE:
            detail.append(labels.MEMBER_STATUS.get(status, ""))
        picks.append(Pick(person_id, person_label(last, first or ""),
                          " · ".join(d for d in detail if d)))
    return picks


def people_labels(session: Session, person_ids: Iterable[int]) -> dict[int, str]:
    """"Last First" of each person id (ids of people since deleted are left out)."""
    wanted = sorted(set(person_ids))
    if not wanted:
        return {}
    query = select(Person.id, Person.last_name, Person.first_name).where(Person.id.in_(wanted))
    return {pid: person_label(last, first or "") for pid, last, first in session.execute(query)}
