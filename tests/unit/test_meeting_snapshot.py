"""One meeting as plain data: stable numbers, counts, quorum, agenda and decisions."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import select

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    College,
    CouncilSettings,
    Decision,
    Guest,
    Meeting,
    MeetingOfficer,
    Membership,
    MemberStatus,
    Organisation,
    Person,
    QuorumRule,
    Seat,
    VoteMode,
)
from conseil_desktop.db.models.enums import OfficerRole
from conseil_desktop.errors import UserError
from conseil_desktop.services.meeting_snapshot import invitee_rows, meeting_snapshot
from conseil_desktop.services.quorum import QuorumPolicy, quorum_policy

P, R, E, A, I = (AttendanceStatus.PRESENT, AttendanceStatus.REPRESENTED,
                 AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT, AttendanceStatus.INVITED)


def _member(session, last: str, first: str, *, seat: Seat = Seat.TITULAIRE,
            status: MemberStatus = MemberStatus.ACTIVE, college: College = College.RESIDENTS,
            organisation: Organisation | None = None) -> Person:
    person = Person(last_name=last, first_name=first)
    session.add(person)
    session.flush()
    session.add(Membership(person_id=person.id, college=college, seat=seat, status=status,
                           organisation_id=organisation.id if organisation else None))
    return person


@pytest.fixture()
def meeting_id(storage: Storage) -> int:
    with storage.session_scope() as s:
        club = Organisation(name="Régie de quartier")
        s.add(club)
        s.flush()
        people = [
            _member(s, "Œuvray", "Élodie"),
            _member(s, "Yılmaz", "Şükrü"),
            _member(s, "Abadie", "Zoé", seat=Seat.SUPPLEANT),
            _member(s, "oeuvray", "Anne"),
            _member(s, "Martin", "Luc", college=College.LOCAL_ACTORS, organisation=club),
            _member(s, "Nguyễn", "Thị Hương", status=MemberStatus.RESIGNED),
        ]
        meeting = Meeting(type_code="pleniere", title="Plénière de novembre",
                          date=date(2026, 11, 25), start_time=time(18, 30),
                          end_time=time(20, 30), place="Maison de quartier")
        s.add(meeting)
        s.flush()
        statuses = [P, R, P, E, A, I]
        for person, status in zip(people, statuses, strict=True):
            s.add(Attendance(meeting_id=meeting.id, person_id=person.id, status=status,
                             proxy_holder_id=people[0].id if status is R else None))
        s.add(MeetingOfficer(meeting_id=meeting.id, person_id=people[0].id,
                             role=OfficerRole.FACILITATOR))
        s.add(MeetingOfficer(meeting_id=meeting.id, person_id=people[4].id,
                             role=OfficerRole.SECRETARY))
        item = AgendaItem(meeting_id=meeting.id, position=1, title="Approbation du compte rendu",
                          presenter_person_id=people[1].id, documents="CR octobre\n\nAnnexe 1")
        other = AgendaItem(meeting_id=meeting.id, position=0, title="Accueil",
                           presenter_name="Délégué du préfet")
        s.add_all([item, other])
        s.flush()
        s.add(Decision(meeting_id=meeting.id, agenda_item_id=item.id, position=1,
                       text="Le compte rendu est approuvé.", votes_for=3, votes_against=0,
                       votes_abstain=1, owner_person_id=people[4].id,
                       deadline=date(2026, 12, 1)))
        s.add(Decision(meeting_id=meeting.id, text="Fête de quartier", position=2,
                       vote_mode=VoteMode.CONSENSUS, owner_organisation_id=club.id))
        s.add(Guest(meeting_id=meeting.id, name="Mme Durand", quality="Élue"))
        return meeting.id


def test_invitees_are_numbered_by_folded_name(storage: Storage, meeting_id: int) -> None:
    with storage.session_scope() as s:
        rows = invitee_rows(s, meeting_id)
    names = [(r.number, r.last_name, r.first_name) for r in rows]
    assert names == [(1, "Abadie", "Zoé"), (2, "Martin", "Luc"), (3, "Nguyễn", "Thị Hương"),
                     (4, "oeuvray", "Anne"), (5, "Œuvray", "Élodie"), (6, "Yılmaz", "Şükrü")]
    martin = rows[1]
    assert (martin.college_label, martin.structure) == ("Acteurs locaux", "Régie de quartier")
    assert rows[4].search_key == "oeuvray elodie"
    yilmaz = rows[5]
    assert (yilmaz.status, yilmaz.proxy_holder_name) == (R, "Élodie Œuvray")


def test_counts_and_quorum_count_active_titulaires_only(storage: Storage,
                                                        meeting_id: int) -> None:
    with storage.session_scope() as s:
        snap = meeting_snapshot(s, meeting_id)
    c = snap.counts
    assert (c.invited, c.present, c.represented, c.excused, c.absent, c.not_recorded,
            c.guests) == (6, 2, 1, 1, 1, 1, 1)
    # Active titulaires: Œuvray É. (P), Yılmaz (R), oeuvray A. (E), Martin (A) -> basis 4.
    # Zoé Abadie is present but a suppléante; Nguyễn has resigned.
    assert (snap.quorum.required, snap.quorum.counted, snap.quorum.reached) == (2, 2, True)
    assert snap.quorum.label() == "Quorum atteint (2 / 2 requis)"


def test_agenda_decisions_officers_and_guests(storage: Storage, meeting_id: int) -> None:
    with storage.session_scope() as s:
        snap = meeting_snapshot(s, meeting_id)
    assert [a.title for a in snap.agenda] == ["Accueil", "Approbation du compte rendu"]
    assert snap.agenda[0].presenter == "Délégué du préfet"
    approval = snap.agenda[1]
    assert approval.presenter == "Şükrü Yılmaz"
    assert approval.documents == ["CR octobre", "Annexe 1"]
    assert [d.vote_label() for d in approval.decisions] == [
        "Vote : pour 3, contre 0, abstention 1"]
    assert approval.decisions[0].owner_name == "Luc Martin"
    assert [(d.text, d.vote_label(), d.owner_name) for d in snap.other_decisions] == [
        ("Fête de quartier", "Consensus", "Régie de quartier")]
    assert (snap.facilitators, snap.secretaries) == (["Élodie Œuvray"], ["Luc Martin"])
    assert [g.name for g in snap.guests] == ["Mme Durand"]
    assert snap.type_label == "Assemblée plénière"  # from the vocabulary
    assert snap.council_name


def test_a_missing_meeting_is_a_user_error(storage: Storage) -> None:
    with storage.session_scope() as s, pytest.raises(UserError, match="n'existe pas"):
        meeting_snapshot(s, 999)


@pytest.mark.parametrize(("basis", "num", "den", "required"),
                         [(20, 1, 2, 10), (21, 1, 2, 11), (0, 1, 2, 0), (9, 2, 3, 6)])
def test_fraction_rule_rounds_up(basis: int, num: int, den: int, required: int) -> None:
    policy = QuorumPolicy(QuorumRule.FRACTION_OF_TITULAIRES, num, den, 0, basis)
    assert policy.required == required
    assert policy.evaluate(required).reached is True
    if required:
        assert policy.evaluate(required - 1).reached is False


def test_fixed_and_no_quorum_rules(storage: Storage, meeting_id: int) -> None:
    assert QuorumPolicy(QuorumRule.FIXED_COUNT, 1, 2, 5, 40).evaluate(4).reached is False
    none = QuorumPolicy(QuorumRule.NONE, 1, 2, 0, 40).evaluate(0)
    assert (none.required, none.reached, none.label()) == (None, None, "Pas de quorum requis")
    with storage.session_scope() as s:
        s.scalars(select(CouncilSettings)).one().quorum_rule = QuorumRule.FIXED_COUNT
        s.scalars(select(CouncilSettings)).one().quorum_fixed_count = 3
    with storage.session_scope() as s:
        assert quorum_policy(s).required == 3
        assert meeting_snapshot(s, meeting_id).quorum.label() == (
            "Quorum non atteint (2 / 3 requis)")


def test_only_plenaries_and_general_assemblies_have_a_quorum(storage: Storage,
                                                            meeting_id: int) -> None:
    with storage.session_scope() as s:
        s.get(Meeting, meeting_id).type_code = "bureau"
    with storage.session_scope() as s:
        snap = meeting_snapshot(s, meeting_id)
        assert (snap.quorum.required, snap.quorum.reached) == (None, None)
        assert snap.quorum.label() == "Pas de quorum requis"
        policy = quorum_policy(s)
        assert policy.for_type("commission").required is None
        assert policy.for_type("assemblee_generale").required == policy.required == 2
        assert quorum_policy(s, "atelier").required is None


def test_a_guest_who_became_an_invitee_is_counted_once(storage: Storage,
                                                       meeting_id: int) -> None:
    with storage.session_scope() as s:
        invitee = s.scalars(select(Attendance).where(Attendance.meeting_id == meeting_id)).first()
        s.add(Guest(meeting_id=meeting_id, name="Converti", person_id=invitee.person_id))
    with storage.session_scope() as s:
        assert meeting_snapshot(s, meeting_id).counts.guests == 1  # Mme Durand only
