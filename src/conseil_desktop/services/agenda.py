"""The agenda (*ordre du jour*) of a meeting: ordered items (domain.md section 3).

Positions are 1, 2, 3... with no gap after every change. An item's presenter
is a person of the database (``presenter_person_id``) or, for someone who is
not, a free name (``presenter_name``). Documents are references, one per line.
Deleting an item that carries a debate summary or decisions needs
``confirmed=True`` (its decisions go with it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from conseil_desktop.db.models import AgendaItem, Decision, Person, ProjectLink
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services.meetings import ConfirmationNeeded, require_meeting

TITLE_MAX, PRESENTER_MAX = 300, 200


@dataclass
class AgendaItemData:
    title: str
    presenter_person_id: int | None = None
    presenter_name: str = ""
    documents: list[str] = field(default_factory=list)
    summary: str = ""


@dataclass(frozen=True)
class AgendaItemRow:
    id: int
    position: int
    title: str
    presenter_person_id: int | None
    presenter_name: str  # the free name as typed
    presenter: str  # what to show: the person's "Prénom Nom", else the free name
    documents: list[str]
    summary: str
    decision_count: int


def require_item(session: Session, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise InvalidInputError("Ce point de l'ordre du jour n'existe plus.")
    return item


def _clean(session: Session, data: AgendaItemData) -> AgendaItemData:
    title = data.title.strip()
    if not title:
        raise InvalidInputError("Donnez un intitulé au point de l'ordre du jour.")
    if len(title) > TITLE_MAX:
        raise InvalidInputError(f"L'intitulé est trop long ({TITLE_MAX} caractères au plus).")
    name = data.presenter_name.strip()
    if len(name) > PRESENTER_MAX:
        raise InvalidInputError(
            f"Le nom de l'intervenant est trop long ({PRESENTER_MAX} caractères au plus).")
    if data.presenter_person_id is not None and session.get(
            Person, data.presenter_person_id) is None:
        raise InvalidInputError("L'intervenant choisi n'existe plus.")
    documents = [line.strip() for doc in data.documents for line in doc.splitlines()
                 if line.strip()]
    return AgendaItemData(title, data.presenter_person_id, name, documents,
                          data.summary.strip("\n "))


def _assign(item: AgendaItem, data: AgendaItemData) -> None:
    item.title = data.title
    item.presenter_person_id = data.presenter_person_id
    item.presenter_name = data.presenter_name
    item.documents = "\n".join(data.documents)
    item.summary = data.summary


def add_item(session: Session, meeting_id: int, data: AgendaItemData) -> int:
    require_meeting(session, meeting_id)
    clean = _clean(session, data)
    last = session.scalar(select(func.max(AgendaItem.position)).where(
        AgendaItem.meeting_id == meeting_id)) or 0
    item = AgendaItem(meeting_id=meeting_id, position=last + 1)
    _assign(item, clean)
    session.add(item)
    session.flush()
    return item.id


def update_item(session: Session, item_id: int, data: AgendaItemData) -> None:
    item = require_item(session, item_id)
    _assign(item, _clean(session, data))
    session.flush()


def delete_item(session: Session, item_id: int, *, confirmed: bool = False) -> None:
    item = require_item(session, item_id)
    decisions = session.scalar(select(func.count()).select_from(Decision).where(
        Decision.agenda_item_id == item_id)) or 0
    if (decisions or item.summary.strip()) and not confirmed:
        what = [f"{decisions} décision{'s' if decisions > 1 else ''}"] if decisions else []
        if item.summary.strip():
            what.append("un compte rendu des débats")
        projects = session.scalar(select(func.count(func.distinct(ProjectLink.project_id)))
                                  .join(Decision, Decision.id == ProjectLink.decision_id)
                                  .where(Decision.agenda_item_id == item_id)) or 0
        cited = (f" Des projets ({projects}) citent ces décisions : ce lien disparaît aussi."
                 if projects else "")
        raise ConfirmationNeeded(
            f"Le point « {item.title} » a {' et '.join(what)}. Le supprimer les efface "
            f"aussi.{cited}")
    meeting_id = item.meeting_id
    session.execute(delete(Decision).where(Decision.agenda_item_id == item_id))
    session.delete(item)
    session.flush()
    _renumber(session, [i.id for i in _items(session, meeting_id)])


def move_item(session: Session, item_id: int, new_position: int) -> None:
    """Move to ``new_position`` (1 = first; beyond the end = last)."""
    item = require_item(session, item_id)
    ids = [i.id for i in _items(session, item.meeting_id) if i.id != item_id]
    index = min(max(new_position, 1), len(ids) + 1) - 1
    ids.insert(index, item_id)
    _renumber(session, ids)


def reorder(session: Session, meeting_id: int, item_ids: list[int]) -> None:
    """Put the meeting's items in the order given (every item, once)."""
    require_meeting(session, meeting_id)
    current = [i.id for i in _items(session, meeting_id)]
    if sorted(item_ids) != sorted(current):
        raise InvalidInputError(
            "L'ordre du jour a changé entre-temps : rouvrez la réunion et recommencez.")
    _renumber(session, list(item_ids))


def list_items(session: Session, meeting_id: int) -> list[AgendaItemRow]:
    require_meeting(session, meeting_id)
    counts = dict(session.execute(
        select(Decision.agenda_item_id, func.count()).where(Decision.meeting_id == meeting_id)
        .group_by(Decision.agenda_item_id)).all())
    query = (
        select(AgendaItem, Person.first_name, Person.last_name)
        .outerjoin(Person, Person.id == AgendaItem.presenter_person_id)
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(AgendaItem.position, AgendaItem.id)
    )
    rows = []
    for item, first, last in session.execute(query):
        shown = f"{first or ''} {last}".strip() if last is not None else item.presenter_name
        rows.append(AgendaItemRow(
            item.id, item.position, item.title, item.presenter_person_id, item.presenter_name,
            shown, [d for d in item.documents.splitlines() if d.strip()], item.summary,
            counts.get(item.id, 0)))
    return rows


def _items(session: Session, meeting_id: int) -> list[AgendaItem]:
    return list(session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
                                .order_by(AgendaItem.position, AgendaItem.id)))


def _renumber(session: Session, ordered_ids: list[int]) -> None:
    items = {i.id: i for i in session.scalars(
        select(AgendaItem).where(AgendaItem.id.in_(ordered_ids)))}
    for position, item_id in enumerate(ordered_ids, start=1):
        if items[item_id].position != position:
            items[item_id].position = position
    session.flush()
