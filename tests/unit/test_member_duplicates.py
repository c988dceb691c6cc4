"""Duplicates already in the base: finding pairs, previewing and merging them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    College,
    Consent,
    ConsentKind,
    ContactAffiliation,
    Decision,
    Guest,
    Meeting,
    MeetingOfficer,
    MemberRole,
    Membership,
    MembershipStatusEvent,
    MemberStatus,
    OfficerRole,
    Organisation,
    Person,
    Project,
    ProjectMember,
    Seat,
)
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services import member_merge
from conseil_desktop.services.member_duplicates import DuplicatePair, find_duplicates
from conseil_desktop.services.member_merge import merge_people, merge_preview
from conseil_desktop.services.members import MemberData, create_member

P, R, E, A = (AttendanceStatus.PRESENT, AttendanceStatus.REPRESENTED,
              AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT)


@pytest.fixture
def session(storage: Storage) -> Iterator[Session]:
    with storage.session_scope() as opened:
        yield opened


def member(session: Session, last: str, first: str = "", **fields: object) -> int:
    return create_member(session, MemberData(last, first, joined_on=date(2020, 1, 1),
                                             **fields))  # type: ignore[arg-type]


def contact(session: Session, last: str, first: str, org: int, **fields: object) -> int:
    person = Person(last_name=last, first_name=first, **fields)
    person.affiliations = [ContactAffiliation(organisation_id=org)]
    session.add(person)
    session.flush()
    return person.id


def organisation(session: Session, name: str) -> int:
    org = Organisation(name=name)
    session.add(org)
    session.flush()
    return org.id


def meeting(session: Session, day: int) -> int:
    row = Meeting(type_code="pleniere", title=f"Plénière {day}", date=date(2026, 1, day))
    session.add(row)
    session.flush()
    return row.id


def attend(session: Session, meeting_id: int, person_id: int, status: AttendanceStatus,
           holder: int | None = None, arrival: time | None = None) -> None:
    session.add(Attendance(meeting_id=meeting_id, person_id=person_id, status=status,
                           proxy_holder_id=holder, arrival_time=arrival))


# --- find_duplicates -----------------------------------------------------------------------

def reasons(pairs: list[DuplicatePair]) -> dict[tuple[int, int], str]:
    return {(pair.first_id, pair.second_id): pair.reason for pair in pairs}


def test_each_kind_of_pair_is_found_with_its_reason(session: Session) -> None:
    by_mail = [member(session, "Diallo", "Awa", email="awa@example.org"),
               member(session, "Diallo-Sow", "Awa", email="AWA@example.org")]
    by_phone = [member(session, "Benali", "Karim", phone="06 12 34 56 78"),
                member(session, "Ben Ali", "Karim", phone="+33612345678")]
    by_birth = [member(session, "Lefèvre", "Jean-Pierre", birth_date=date(1970, 5, 4)),
                member(session, "LEFEVRE", "jean pierre", birth_date=date(1970, 5, 4))]
    regie = organisation(session, "Régie de quartier")
    by_org = [member(session, "Martin", "Paul", organisation_id=regie),
              contact(session, "MARTIN", "Paul", regie)]
    found = reasons(find_duplicates(session, include_contacts=True))
    assert found == {
        tuple(by_mail): "même courriel", tuple(by_phone): "même téléphone",
        tuple(by_birth): "même nom et même date de naissance",
        tuple(by_org): "même nom et même structure",
    }
    # Contacts are left out unless asked: the member alone has no pair.
    assert tuple(by_org) not in reasons(find_duplicates(session))


def test_homonyms_couples_and_contradictions_are_not_paired(session: Session) -> None:
    member(session, "Nguyen", "Linh", birth_date=date(1980, 1, 1))
    member(session, "Nguyen", "Linh", birth_date=date(1992, 7, 9))
    # A couple sharing the landline and the e-mail: different first names.
    member(session, "Roux", "Anne", phone="0478000000", email="famille.roux@example.org")
    member(session, "Roux", "Marc", phone="0478000000", email="famille.roux@example.org")
    # Same name and birth date, but two different e-mails: two people.
    member(session, "Petit", "Léa", birth_date=date(2001, 2, 3), email="lea1@example.org")
    member(session, "Petit", "Léa", birth_date=date(2001, 2, 3), email="lea2@example.org")
    assert find_duplicates(session) == []


def test_pairs_are_sorted_by_name_and_limited(session: Session) -> None:
    for name in ("Zola", "Abel", "Moreau"):
        member(session, name, "Eva", birth_date=date(1990, 1, 1))
        member(session, name, "Eva", birth_date=date(1990, 1, 1))
    pairs = find_duplicates(session)
    assert [pair.first_label for pair in pairs] == ["Abel Eva", "Moreau Eva", "Zola Eva"]
    assert pairs[0].first_id < pairs[0].second_id
    assert len(find_duplicates(session, limit=2)) == 2


# --- merge ---------------------------------------------------------------------------------

class Scene:
    """Two records of one person, with everything that can point at a person."""

    def __init__(self, session: Session) -> None:
        self.org = organisation(session, "Centre social")
        self.keep = member(session, "Durand", "Sophie", phone="0611111111")
        self.drop = member(session, "DURAND", "Sophie", phone="0622222222",
                           email="sophie@example.org", address_line1="3 rue des Lilas",
                           postcode="69008", city="Lyon", birth_date=date(1985, 3, 2))
        self.other = member(session, "Leroy", "Hugo")
        self.m1, self.m2, self.m3, self.m4 = (meeting(session, day) for day in (5, 12, 19, 26))
        attend(session, self.m1, self.keep, P)  # only keep
        attend(session, self.m2, self.drop, E)  # only drop
        attend(session, self.m3, self.keep, A)  # both: drop's "represented" wins
        attend(session, self.m3, self.drop, R, holder=self.other, arrival=time(18, 30))
        attend(session, self.m3, self.other, P)
        attend(session, self.m4, self.keep, P, arrival=time(18, 0))  # both: keep's wins
        attend(session, self.m4, self.drop, E)
        attend(session, self.m1, self.other, R, holder=self.drop)  # drop held a proxy
        self._history(session)
        self._links(session)
        session.flush()

    def _history(self, session: Session) -> None:
        keep_ms, drop_ms = (session.scalars(select(Membership.id).where(
            Membership.person_id == pid)).one() for pid in (self.keep, self.drop))
        session.add_all([
            MemberRole(membership_id=keep_ms, role_code="president"),
            MemberRole(membership_id=drop_ms, role_code="president"),
            MemberRole(membership_id=drop_ms, role_code="tresorier"),
            MembershipStatusEvent(membership_id=drop_ms, status=MemberStatus.RESIGNED,
                                  effective_on=date(2025, 3, 1)),
            Consent(person_id=self.keep, kind=ConsentKind.SHARE_CONTACT, granted=False,
                    recorded_on=date(2024, 1, 1)),
            Consent(person_id=self.drop, kind=ConsentKind.SHARE_CONTACT, granted=True,
                    recorded_on=date(2025, 1, 1)),
            Consent(person_id=self.keep, kind=ConsentKind.NEWSLETTER, granted=True,
                    recorded_on=date(2025, 6, 1)),
            Consent(person_id=self.drop, kind=ConsentKind.NEWSLETTER, granted=False,
                    recorded_on=date(2023, 1, 1)),
            Consent(person_id=self.drop, kind=ConsentKind.IMAGE, granted=True,
                    recorded_on=date(2023, 1, 1)),
            ContactAffiliation(person_id=self.drop, organisation_id=self.org,
                               role_title="Bénévole"),
        ])

    def _links(self, session: Session) -> None:
        shared, own = Project(title="Jardin partagé"), Project(title="Fresque",
                                                               holder_person_id=self.drop)
        session.add_all([shared, own])
        session.flush()
        item = AgendaItem(meeting_id=self.m2, position=1, title="Jardin",
                          presenter_person_id=self.drop)
        session.add(item)
        session.flush()
        session.add_all([
            ProjectMember(project_id=shared.id, person_id=self.keep),
            ProjectMember(project_id=shared.id, person_id=self.drop),
            ProjectMember(project_id=own.id, person_id=self.drop),
            Decision(meeting_id=self.m2, agenda_item_id=item.id, text="Acheter des bacs",
                     owner_person_id=self.drop),
            MeetingOfficer(meeting_id=self.m1, person_id=self.keep, role=OfficerRole.FACILITATOR),
            MeetingOfficer(meeting_id=self.m1, person_id=self.drop, role=OfficerRole.FACILITATOR),
            MeetingOfficer(meeting_id=self.m2, person_id=self.drop, role=OfficerRole.SECRETARY),
            Guest(meeting_id=self.m3, name="Sophie Durand", person_id=self.drop),
        ])


def test_the_preview_shows_kept_values_conflicts_and_moves(session: Session) -> None:
    scene = Scene(session)
    preview = merge_preview(session, scene.keep, scene.drop)
    fields = {choice.label: choice for choice in preview.fields}
    assert (fields["Courriel"].kept, fields["Courriel"].from_dropped) == ("sophie@example.org",
                                                                          True)
    assert fields["Adresse"].kept == "3 rue des Lilas, 69008, Lyon"
    assert fields["Nom"].conflict is False  # the same name, in capitals
    assert [c.label for c in preview.conflicts] == ["Téléphone"]
    assert fields["Téléphone"].kept == "06 11 11 11 11"
    assert fields["Téléphone"].other == "06 22 22 22 22"
    # The histories are merged: the dropped record's later resignation becomes the status.
    assert (fields["Statut"].kept, fields["Statut"].from_dropped) == (
        "Démissionnaire depuis le 01/03/2025", True)
    moves = dict(preview.moves)
    assert moves["Convocations et présences"] == 3
    assert moves["Procurations reçues"] == 1
    assert moves["Consentements"] == 3
    assert moves["Fonctions de membre"] == 2
    assert moves["Historique de statut"] == 1  # the resignation; "Actif" is there already
    assert moves["Participations à des projets"] == 2
    assert preview.shared_meetings == 2
    assert session.get(Person, scene.drop) is not None  # a preview changes nothing


def test_merging_moves_everything_to_the_kept_person(storage: Storage) -> None:
    with storage.session_scope() as session:
        scene = Scene(session)
        result = merge_people(session, scene.keep, scene.drop)
    assert "Courriel" in result.filled and result.conflicts == ["Téléphone"]
    keep, drop = scene.keep, scene.drop
    with storage.session_scope() as session:
        assert session.get(Person, drop) is None
        person = session.get(Person, keep)
        assert person is not None
        assert (person.email, person.phone, person.city) == ("sophie@example.org",
                                                             "+33611111111", "Lyon")
        assert "sophie@example.org" in person.search_key and "centre social" in person.search_key
        rows = {a.meeting_id: a for a in session.scalars(
            select(Attendance).where(Attendance.person_id == keep))}
        assert {m: (a.status, a.proxy_holder_id) for m, a in rows.items()} == {
            scene.m1: (P, None), scene.m2: (E, None), scene.m3: (R, scene.other),
            scene.m4: (P, None)}
        assert rows[scene.m3].arrival_time == time(18, 30)
        assert rows[scene.m4].arrival_time == time(18, 0)
        assert session.scalar(select(Attendance.proxy_holder_id).where(
            Attendance.person_id == scene.other, Attendance.meeting_id == scene.m1)) == keep
        membership = session.scalars(select(Membership).where(
            Membership.person_id == keep)).one()
        assert sorted(r.role_code for r in membership.roles) == ["president", "tresorier"]
        assert [(e.status, e.effective_on) for e in membership.status_events] == [
            (MemberStatus.ACTIVE, date(2020, 1, 1)), (MemberStatus.RESIGNED, date(2025, 3, 1))]
        assert (membership.status, membership.status_since) == (MemberStatus.RESIGNED,
                                                                date(2025, 3, 1))
        consents = {c.kind: (c.granted, c.recorded_on) for c in session.scalars(
            select(Consent).where(Consent.person_id == keep))}
        assert consents == {
            ConsentKind.SHARE_CONTACT: (True, date(2025, 1, 1)),
            ConsentKind.NEWSLETTER: (True, date(2025, 6, 1)),
            ConsentKind.IMAGE: (True, date(2023, 1, 1))}
        assert session.scalars(select(ProjectMember.person_id)).all().count(keep) == 2
        assert session.scalars(select(Project.holder_person_id)).all().count(keep) == 1
        assert session.scalar(select(Decision.owner_person_id)) == keep
        assert session.scalar(select(AgendaItem.presenter_person_id)) == keep
        assert session.scalar(select(Guest.person_id)) == keep
        assert sorted((o.meeting_id, o.role) for o in session.scalars(select(MeetingOfficer))) == [
            (scene.m1, OfficerRole.FACILITATOR), (scene.m2, OfficerRole.SECRETARY)]
        assert session.scalar(select(ContactAffiliation.person_id)) == keep
        assert session.scalar(select(Membership.id).where(Membership.person_id == drop)) is None
        assert session.execute(text("PRAGMA foreign_key_check")).all() == []
        assert session.scalars(select(Attendance.person_id)).all().count(drop) == 0


def test_a_contact_gets_the_dropped_member_s_membership(session: Session) -> None:
    org = organisation(session, "Mairie")
    keep = contact(session, "Garcia", "Inès", org)
    drop = member(session, "Garcia", "Inès", email="ines@example.org")
    merge_people(session, keep, drop)
    membership = session.scalars(select(Membership).where(Membership.person_id == keep)).one()
    assert [e.status for e in membership.status_events] == [MemberStatus.ACTIVE]
    assert session.get(Person, drop) is None
    assert find_duplicates(session, include_contacts=True) == []


def test_a_resident_kept_takes_no_structure_from_a_local_actor_record(
        session: Session) -> None:
    org = organisation(session, "Centre social")
    keep = member(session, "Bénard", "Élodie", college=College.RESIDENTS)
    drop = member(session, "Bénard", "Élodie", college=College.LOCAL_ACTORS,
                  organisation_id=org)
    preview = {choice.label: choice for choice in merge_preview(session, keep, drop).fields}
    assert preview["Structure représentée"].from_dropped is False
    assert preview["Structure représentée"].kept == ""
    merge_people(session, keep, drop)
    kept = session.scalars(select(Membership).where(Membership.person_id == keep)).one()
    assert (kept.college, kept.organisation_id) == (College.RESIDENTS, None)


def test_a_local_actor_kept_takes_the_structure_it_lacked(session: Session) -> None:
    org = organisation(session, "Centre social")
    keep = member(session, "Bénard", "Élodie", college=College.LOCAL_ACTORS)
    drop = member(session, "Bénard", "Élodie", college=College.LOCAL_ACTORS,
                  organisation_id=org)
    merge_people(session, keep, drop)
    kept = session.scalars(select(Membership).where(Membership.person_id == keep)).one()
    assert kept.organisation_id == org


@pytest.mark.parametrize("keep_the_old_record", [True, False])
def test_a_member_stays_active_since_they_joined_when_merged_with_a_newer_duplicate(
        session: Session, keep_the_old_record: bool) -> None:
    old = member(session, "Bénard", "Élodie")  # joined, so active, on 01/01/2020
    new = create_member(session, MemberData("BENARD", "elodie", joined_on=date(2026, 11, 25)))
    keep, drop = (old, new) if keep_the_old_record else (new, old)
    preview = {choice.label: choice for choice in merge_preview(session, keep, drop).fields}
    assert preview["Statut"].kept == "Actif depuis le 01/01/2020"
    merge_people(session, keep, drop)
    kept = session.scalars(select(Membership).where(Membership.person_id == keep)).one()
    assert (kept.status, kept.status_since) == (MemberStatus.ACTIVE, date(2020, 1, 1))


def test_the_merged_history_does_not_repeat_a_status_already_in_force(
        session: Session) -> None:
    old = member(session, "Bénard", "Élodie")  # joined, so active, on 01/01/2020
    new = create_member(session, MemberData("BENARD", "elodie", joined_on=date(2026, 11, 25)))
    moves = dict(merge_preview(session, old, new).moves)
    assert "Historique de statut" not in moves  # its one event repeats "Actif, titulaire"
    merge_people(session, old, new)
    events = session.execute(
        select(MembershipStatusEvent.effective_on, MembershipStatusEvent.status)
        .join(Membership).where(Membership.person_id == old)).all()
    assert events == [(date(2020, 1, 1), MemberStatus.ACTIVE)]


def test_a_merged_history_keeps_every_change(session: Session) -> None:
    keep = member(session, "Bénard", "Élodie")  # active from 01/01/2020
    drop = create_member(session, MemberData("BENARD", "elodie", joined_on=date(2021, 5, 1)))
    session.add(MembershipStatusEvent(
        membership_id=session.scalars(select(Membership.id)
                                      .where(Membership.person_id == drop)).one(),
        status=MemberStatus.RESIGNED, effective_on=date(2024, 3, 1), seat=Seat.TITULAIRE))
    session.flush()
    assert dict(merge_preview(session, keep, drop).moves)["Historique de statut"] == 1
    merge_people(session, keep, drop)
    events = session.execute(
        select(MembershipStatusEvent.effective_on, MembershipStatusEvent.status)
        .join(Membership).where(Membership.person_id == keep)
        .order_by(MembershipStatusEvent.effective_on)).all()
    assert events == [(date(2020, 1, 1), MemberStatus.ACTIVE),
                      (date(2024, 3, 1), MemberStatus.RESIGNED)]


def test_a_proxy_given_between_the_two_records_disappears(session: Session) -> None:
    keep, drop = member(session, "Simon", "Lou"), member(session, "Simon", "Lou")
    m1, m2 = meeting(session, 1), meeting(session, 2)
    attend(session, m1, keep, R, holder=drop)
    attend(session, m1, drop, P)
    attend(session, m2, keep, R, holder=drop)  # drop was not invited to m2
    session.flush()
    merge_people(session, keep, drop)
    rows = session.execute(select(Attendance.meeting_id, Attendance.status,
                                  Attendance.proxy_holder_id).order_by(Attendance.meeting_id))
    assert rows.all() == [(m1, P, None), (m2, R, None)]


def test_merging_is_refused_for_one_person_or_an_unknown_one(session: Session) -> None:
    keep = member(session, "Blanc", "Noé")
    with pytest.raises(InvalidInputError, match="elle-même"):
        merge_people(session, keep, keep)
    with pytest.raises(InvalidInputError, match="introuvable"):
        merge_people(session, keep, keep + 999)
    with pytest.raises(InvalidInputError, match="introuvable"):
        merge_preview(session, keep + 999, keep)


def test_a_failure_midway_leaves_both_people_intact(
    storage: Storage, monkeypatch: pytest.MonkeyPatch
) -> None:
    with storage.session_scope() as session:
        scene = Scene(session)

    def broken(*_args: object) -> None:
        raise RuntimeError("disque débranché")

    monkeypatch.setattr(member_merge, "_merge_memberships", broken)
    with pytest.raises(RuntimeError), storage.session_scope() as session:
        merge_people(session, scene.keep, scene.drop)
    with storage.session_scope() as session:
        assert session.get(Person, scene.drop) is not None
        drop_rows = session.scalars(select(Attendance.meeting_id).where(
            Attendance.person_id == scene.drop)).all()
        assert sorted(drop_rows) == [scene.m2, scene.m3, scene.m4]
        assert session.scalar(select(Consent.id).where(
            Consent.person_id == scene.keep, Consent.kind == ConsentKind.SHARE_CONTACT))
        assert session.scalar(select(Decision.owner_person_id)) == scene.drop
