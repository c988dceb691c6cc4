"""Decisions: vote checks against attendance, consensus without counts, open actions."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import (
    AgendaItem,
    Decision,
    Organisation,
    Project,
    ProjectLink,
    VoteMode,
)
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services.agenda import AgendaItemData, add_item, list_items
from conseil_desktop.services.decisions import (
    DecisionData,
    add_decision,
    delete_decision,
    delete_warning,
    get_decision,
    mark_done,
    open_actions,
    reopen,
    set_summary,
    update_decision,
    vote_warning,
)
from conseil_desktop.services.meeting_snapshot import meeting_snapshot
from tests.unit.meetings_fixture import TODAY, A, E, I, P, R, attend, meeting, member


@pytest.fixture()
def sitting(storage: Storage) -> tuple[int, int, dict[str, int]]:
    """A meeting with 3 present, 1 represented, 1 excused, 1 absent, 1 not recorded."""
    with storage.session_scope() as s:
        mid = meeting(s, date(2026, 11, 2), title="Plénière")
        people = {name: member(s, name) for name in ("Ana", "Bob", "Cyr", "Dan", "Eve", "Fay",
                                                     "Gus")}
        for name, status in zip(people, (P, P, P, R, E, A, I), strict=True):
            attend(s, mid, people[name], status, holder=people["Ana"] if status is R else None)
        item = add_item(s, mid, AgendaItemData("Budget"))
    return mid, item, people


def test_vote_warning_against_present_and_represented(
        storage: Storage, sitting: tuple[int, int, dict[str, int]]) -> None:
    mid, item, _ = sitting
    with storage.session_scope() as s:
        ok = DecisionData(item, "Adopté", VoteMode.VOTE, 2, 1, 1, 0)  # 4 = 3 present + 1 rep.
        assert vote_warning(s, mid, ok) is None
        over = DecisionData(item, "Adopté", VoteMode.VOTE, 3, 1, 0, 1)
        assert vote_warning(s, mid, over) == (
            "5 voix comptées pour 4 personnes présentes ou représentées : vérifiez les nombres "
            "ou l'émargement.")
        assert vote_warning(s, mid, DecisionData(item, "Ok", VoteMode.CONSENSUS)) is None
        # A warning, not a refusal: the decision is still recorded.
        did = add_decision(s, mid, over)
        assert get_decision(s, did).votes_for == 3


def test_consensus_and_unanimity_carry_no_counts(
        storage: Storage, sitting: tuple[int, int, dict[str, int]]) -> None:
    mid, item, _ = sitting
    with storage.session_scope() as s:
        for mode, words in ((VoteMode.CONSENSUS, "par consensus"),
                            (VoteMode.UNANIMITY, "à l'unanimité")):
            with pytest.raises(InvalidInputError, match=words):
                add_decision(s, mid, DecisionData(item, "Oui", mode, votes_for=4))
        did = add_decision(s, mid, DecisionData(item, "Oui", VoteMode.UNANIMITY, 0, 0, 0, 0))
        stored = s.get(Decision, did)
        assert (stored.vote_mode, stored.votes_for, stored.votes_against, stored.votes_abstain,
                stored.votes_blank) == (VoteMode.UNANIMITY, None, None, None, None)
    with storage.session_scope() as s:
        entry = meeting_snapshot(s, mid).agenda[0].decisions[0]
        assert entry.vote_label() == "Unanimité"


@pytest.mark.parametrize(("changes", "fragment"), [
    ({"text": "  "}, "Écrivez le texte"),
    ({"votes_against": -1}, "négatif"),
    ({"owner_person_id": 999_999}, "n'existe plus"),
    ({"owner_organisation_id": 999_999}, "n'existe plus"),
    ({"agenda_item_id": 999_999}, "n'existe plus"),
])
def test_bad_decisions_refused(storage: Storage, sitting: tuple[int, int, dict[str, int]],
                               changes: dict[str, object], fragment: str) -> None:
    mid, item, _ = sitting
    values: dict[str, object] = {"agenda_item_id": item, "text": "Adopté"}
    values.update(changes)
    with storage.session_scope() as s, pytest.raises(InvalidInputError, match=fragment):
        add_decision(s, mid, DecisionData(**values))  # type: ignore[arg-type]


def test_owner_is_a_person_or_an_organisation_not_both(
        storage: Storage, sitting: tuple[int, int, dict[str, int]]) -> None:
    mid, item, people = sitting
    with storage.session_scope() as s:
        org = Organisation(name="Mairie")
        s.add(org)
        s.flush()
        with pytest.raises(InvalidInputError, match="un seul responsable"):
            add_decision(s, mid, DecisionData(item, "x", owner_person_id=people["Ana"],
                                              owner_organisation_id=org.id))


def test_item_of_another_meeting_refused(storage: Storage,
                                         sitting: tuple[int, int, dict[str, int]]) -> None:
    mid, _, _ = sitting
    with storage.session_scope() as s:
        other = meeting(s, date(2026, 12, 1))
        foreign = add_item(s, other, AgendaItemData("Ailleurs"))
        with pytest.raises(InvalidInputError, match="autre réunion"):
            add_decision(s, mid, DecisionData(foreign, "x"))


def test_update_delete_and_summary(storage: Storage,
                                   sitting: tuple[int, int, dict[str, int]]) -> None:
    mid, item, _ = sitting
    with storage.session_scope() as s:
        first = add_decision(s, mid, DecisionData(item, "Premier"))
        second = add_decision(s, mid, DecisionData(None, "Hors ordre du jour"))
        assert [s.get(Decision, d).position for d in (first, second)] == [1, 2]
        update_decision(s, first, DecisionData(item, "Premier, modifié", VoteMode.VOTE, 4))
        set_summary(s, item, "  Débat **vif**.\n")
        delete_decision(s, second)
    with storage.session_scope() as s:
        snap = meeting_snapshot(s, mid)
        assert snap.agenda[0].summary == "Débat **vif**."
        assert [d.text for d in snap.agenda[0].decisions] == ["Premier, modifié"]
        assert snap.other_decisions == []
        assert list_items(s, mid)[0].decision_count == 1
        with pytest.raises(InvalidInputError, match="n'existe plus"):
            delete_decision(s, second)


def test_open_actions_overdue_first_and_mark_done(storage: Storage) -> None:
    with storage.session_scope() as s:
        ana, bob = member(s, "Abadie", "Ana"), member(s, "Bâ", "Bob")
        org = Organisation(name="Bailleur social")
        s.add(org)
        s.flush()
        old = meeting(s, date(2026, 9, 1), title="Septembre")
        new = meeting(s, date(2026, 11, 2), title="Novembre")
        late = add_decision(s, new, DecisionData(None, "Relancer la mairie", owner_person_id=ana,
                                                 deadline=date(2026, 11, 20)))
        later = add_decision(s, old, DecisionData(None, "Réparer l'éclairage",
                                                  owner_organisation_id=org.id,
                                                  deadline=date(2026, 12, 31)))
        earliest = add_decision(s, old, DecisionData(None, "Commander les tables",
                                                     owner_person_id=bob,
                                                     deadline=date(2026, 10, 1)))
        add_decision(s, old, DecisionData(None, "Sans responsable", deadline=date(2026, 10, 1)))
        add_decision(s, old, DecisionData(None, "Sans échéance", owner_person_id=bob))
        due_today = add_decision(s, new, DecisionData(None, "Affiche", owner_person_id=bob,
                                                      deadline=TODAY))
    with storage.session_scope() as s:
        actions = open_actions(s, TODAY)
        assert [(a.decision_id, a.overdue) for a in actions] == [
            (earliest, True), (late, True), (due_today, False), (later, False)]
        assert (actions[0].owner_name, actions[0].meeting_title, actions[0].meeting_date) == (
            "Bob Bâ", "Septembre", date(2026, 9, 1))
        assert actions[3].owner_name == "Bailleur social"
        mark_done(s, late, date(2026, 11, 24))
        with pytest.raises(InvalidInputError, match="avant la réunion"):
            mark_done(s, earliest, date(2026, 8, 1))
    with storage.session_scope() as s:
        assert [a.decision_id for a in open_actions(s, TODAY)] == [earliest, due_today, later]
        assert s.get(Decision, late).done_on == date(2026, 11, 24)
        reopen(s, late)
    with storage.session_scope() as s:
        assert late in [a.decision_id for a in open_actions(s, TODAY)]


def test_deleting_an_item_row_directly_keeps_decisions_as_other(
        storage: Storage, sitting: tuple[int, int, dict[str, int]]) -> None:
    """The schema's SET NULL: decisions outlive an item removed outside the service."""
    mid, item, _ = sitting
    with storage.session_scope() as s:
        did = add_decision(s, mid, DecisionData(item, "Gardée"))
        s.delete(s.get(AgendaItem, item))
    with storage.session_scope() as s:
        assert s.scalar(select(Decision.agenda_item_id).where(Decision.id == did)) is None


def test_deleting_a_decision_cited_by_projects_is_announced(
        storage: Storage, sitting: tuple[int, int, dict[str, int]]) -> None:
    mid, item, _ = sitting
    with storage.session_scope() as s:
        cited = add_decision(s, mid, DecisionData(item, "Subvention accordée"))
        alone = add_decision(s, mid, DecisionData(item, "Prochaine réunion en janvier"))
        for title in ("Jardins partagés", "Fête de quartier"):
            project = Project(title=title, year=2026)
            s.add(project)
            s.flush()
            s.add(ProjectLink(project_id=project.id, meeting_id=mid, decision_id=cited))
    with storage.session_scope() as s:
        assert delete_warning(s, alone) is None
        assert delete_warning(s, cited) == (
            "Cette décision est citée par les projets « Fête de quartier », « Jardins "
            "partagés » : la supprimer retire aussi ce lien.")
        delete_decision(s, cited)
    with storage.session_scope() as s:
        assert s.scalar(select(func.count()).select_from(ProjectLink)) == 0
        with pytest.raises(InvalidInputError, match="n'existe plus"):
            delete_warning(s, cited)
