"""Check-in services: statuses and times, proxies (limit, self, chains), walk-ins."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest
from sqlalchemy import select

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import (
    Attendance,
    AttendanceStatus,
    College,
    CouncilSettings,
    Guest,
    Meeting,
    Membership,
    Organisation,
    Person,
    Seat,
)
from conseil_desktop.errors import InvalidInputError, UserError
from conseil_desktop.services import checkin
from conseil_desktop.services.checkin import ProxyLimitExceeded
from conseil_desktop.services.meeting_snapshot import invitee_rows, meeting_snapshot

P, R, E, A, I = (AttendanceStatus.PRESENT, AttendanceStatus.REPRESENTED,
                 AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT, AttendanceStatus.INVITED)
NAMES = [("Œuvray", "Élodie"), ("Yılmaz", "Şükrü"), ("Martin", "Luc"), ("Diallo", "Aïcha"),
         ("Guérin", "Noël")]


@pytest.fixture()
def meeting(storage: Storage) -> dict[str, int]:
    """A meeting with five invitees; returns their attendance ids by last name, and ids."""
    ids: dict[str, int] = {}
    with storage.session_scope() as s:
        m = Meeting(type_code="pleniere", title="Plénière", date=date(2026, 11, 25))
        s.add(m)
        s.flush()
        ids["meeting"] = m.id
        for last, first in NAMES:
            person = Person(last_name=last, first_name=first)
            s.add(person)
            s.flush()
            s.add(Membership(person_id=person.id, college=College.RESIDENTS, seat=Seat.TITULAIRE))
            attendance = Attendance(meeting_id=m.id, person_id=person.id)
            s.add(attendance)
            s.flush()
            ids[last] = attendance.id
            ids["person:" + last] = person.id
    return ids


def _row(storage: Storage, attendance_id: int) -> Attendance:
    with storage.session_scope() as s:
        found = s.get(Attendance, attendance_id)
        assert found is not None
        s.expunge(found)
        return found


def _set_limit(storage: Storage, limit: int) -> None:
    with storage.session_scope() as s:
        settings = s.scalars(select(CouncilSettings)).first()
        if settings is None:
            s.add(CouncilSettings(max_proxies_per_holder=limit))
        else:
            settings.max_proxies_per_holder = limit


def test_status_present_with_arrival_and_departure(storage: Storage, meeting) -> None:
    with storage.session_scope() as s:
        state = checkin.set_status(s, meeting["Martin"], P, at=time(18, 42, 37))
    assert (state.status, state.arrival_time) == (P, time(18, 42))
    with storage.session_scope() as s:
        state = checkin.set_departure(s, meeting["Martin"], time(20, 5))
    assert state.departure_time == time(20, 5)
    stored = _row(storage, meeting["Martin"])
    assert (stored.status, stored.arrival_time, stored.departure_time) == (
        P, time(18, 42), time(20, 5))
    # Marked excused afterwards: the times no longer apply.
    with storage.session_scope() as s:
        state = checkin.set_status(s, meeting["Martin"], E)
    assert (state.status, state.arrival_time, state.departure_time) == (E, None, None)


def test_departure_rules(storage: Storage, meeting) -> None:
    with storage.session_scope() as s, pytest.raises(UserError,
                                                     match=r"pas marqué\(e\) présent\(e\)"):
        checkin.set_departure(s, meeting["Martin"], time(20, 0))
    with storage.session_scope() as s:
        checkin.set_arrival(s, meeting["Martin"], time(19, 0))  # an arrival means present
    assert _row(storage, meeting["Martin"]).status is P
    with storage.session_scope() as s, pytest.raises(UserError, match="précède"):
        checkin.set_departure(s, meeting["Martin"], time(18, 30))
    with storage.session_scope() as s:
        state = checkin.set_arrival(s, meeting["Martin"], None)
    assert (state.status, state.arrival_time) == (P, None)


def test_represented_needs_a_holder_and_reset_clears(storage: Storage, meeting) -> None:
    with storage.session_scope() as s, pytest.raises(UserError, match="qui porte"):
        checkin.set_status(s, meeting["Martin"], R)
    with storage.session_scope() as s:
        checkin.give_proxy(s, meeting["Martin"], meeting["person:Diallo"])
    with storage.session_scope() as s:
        state = checkin.clear_proxy(s, meeting["Martin"])
    assert (state.status, state.proxy_holder_id) == (I, None)
    assert _row(storage, meeting["Martin"]).proxy_holder_id is None


def test_give_proxy_records_holder_and_flags_absent_holder(storage: Storage, meeting) -> None:
    with storage.session_scope() as s:
        checkin.set_status(s, meeting["Martin"], P, at=time(18, 30))
        outcome = checkin.give_proxy(s, meeting["Martin"], meeting["person:Diallo"])
    assert outcome.state.status is R
    assert outcome.state.proxy_holder_name == "Aïcha Diallo"
    assert outcome.state.arrival_time is None  # no longer present
    assert (outcome.carried, outcome.limit, outcome.exception) == (1, 1, False)
    assert not outcome.holder_present
    assert outcome.warning() == (
        "Aïcha Diallo porte ce pouvoir mais n'est pas marqué(e) présent(e).")
    with storage.session_scope() as s:
        rows = invitee_rows(s, meeting["meeting"])
    assert checkin.absent_holders(rows) == {meeting["person:Diallo"]}
    assert checkin.proxy_warnings(rows, 1) == [
        "Aïcha Diallo porte le pouvoir de Luc Martin mais n'est pas marqué(e) présent(e)."]
    # Once the holder is marked present, nothing is flagged.
    with storage.session_scope() as s:
        checkin.set_status(s, meeting["Diallo"], P)
        rows = invitee_rows(s, meeting["meeting"])
    assert checkin.absent_holders(rows) == set()
    assert checkin.proxy_warnings(rows, 1) == []


def test_proxy_to_oneself_is_refused(storage: Storage, meeting) -> None:
    with storage.session_scope() as s, pytest.raises(UserError, match="son propre pouvoir"):
        checkin.give_proxy(s, meeting["Martin"], meeting["person:Martin"])
    assert _row(storage, meeting["Martin"]).status is I


def test_proxy_chains_are_refused_both_ways(storage: Storage, meeting) -> None:
    with storage.session_scope() as s:
        checkin.give_proxy(s, meeting["Martin"], meeting["person:Diallo"])  # Martin -> Diallo
    # Diallo holds Martin's proxy: she cannot give hers (Martin -> Diallo -> Guérin).
    with storage.session_scope() as s, pytest.raises(UserError, match="porte déjà le pouvoir"):
        checkin.give_proxy(s, meeting["Diallo"], meeting["person:Guérin"])
    # Martin gave his: nobody can give theirs to him (Œuvray -> Martin -> Diallo).
    with storage.session_scope() as s, pytest.raises(UserError, match="a lui-même donné"):
        checkin.give_proxy(s, meeting["Œuvray"], meeting["person:Martin"])
    assert _row(storage, meeting["Diallo"]).status is I
    assert _row(storage, meeting["Œuvray"]).status is I


def test_proxy_limit_and_confirmed_exception(storage: Storage, meeting) -> None:
    holder = meeting["person:Diallo"]
    with storage.session_scope() as s:
        checkin.set_status(s, meeting["Diallo"], P)
        checkin.give_proxy(s, meeting["Martin"], holder)
    with storage.session_scope() as s, pytest.raises(ProxyLimitExceeded) as refused:
        checkin.give_proxy(s, meeting["Œuvray"], holder)
    assert (refused.value.carried, refused.value.limit) == (2, 1)
    assert "porte déjà 1 pouvoir" in refused.value.message
    assert _row(storage, meeting["Œuvray"]).status is I
    with storage.session_scope() as s:
        outcome = checkin.give_proxy(s, meeting["Œuvray"], holder, allow_exception=True)
    assert (outcome.carried, outcome.exception, outcome.holder_present) == (2, True, True)
    stored = _row(storage, meeting["Œuvray"])
    assert (stored.status, stored.proxy_holder_id, stored.proxy_exception) == (R, holder, True)
    # Giving the same proxy again to the same holder does not count it twice.
    with storage.session_scope() as s:
        again = checkin.give_proxy(s, meeting["Martin"], holder, allow_exception=True)
    assert again.carried == 2
    with storage.session_scope() as s:
        rows = invitee_rows(s, meeting["meeting"])
    assert checkin.proxy_warnings(rows, 1) == [
        "Aïcha Diallo porte 2 pouvoirs, au-delà du maximum de 1 (exception confirmée)."]


def test_limit_follows_the_setting(storage: Storage, meeting) -> None:
    _set_limit(storage, 2)
    holder = meeting["person:Diallo"]
    with storage.session_scope() as s:
        checkin.give_proxy(s, meeting["Martin"], holder)
        outcome = checkin.give_proxy(s, meeting["Œuvray"], holder)
    assert (outcome.carried, outcome.limit, outcome.exception) == (2, 2, False)
    with storage.session_scope() as s, pytest.raises(ProxyLimitExceeded):
        checkin.give_proxy(s, meeting["Yılmaz"], holder)


def test_holder_must_be_invited(storage: Storage, meeting) -> None:
    with storage.session_scope() as s:
        outsider = Person(last_name="Hébert", first_name="Léa")
        s.add(outsider)
        s.flush()
        outsider_id = outsider.id
    with storage.session_scope() as s, pytest.raises(UserError, match="pas invité"):
        checkin.give_proxy(s, meeting["Martin"], outsider_id)


def test_present_withdraws_a_proxy_and_quorum_counts_it(storage: Storage, meeting) -> None:
    with storage.session_scope() as s:
        checkin.give_proxy(s, meeting["Martin"], meeting["person:Diallo"])
        checkin.set_status(s, meeting["Diallo"], P)
        checkin.set_status(s, meeting["Guérin"], P)
        snap = meeting_snapshot(s, meeting["meeting"])
    assert (snap.counts.present, snap.counts.represented) == (2, 1)
    assert snap.quorum.counted == 3
    with storage.session_scope() as s:
        state = checkin.set_status(s, meeting["Martin"], P)
    assert (state.status, state.proxy_holder_id, state.proxy_holder_name) == (P, None, "")


def test_a_vanished_invitation_is_a_user_error(storage: Storage, meeting) -> None:
    with storage.session_scope() as s, pytest.raises(UserError, match="n'existe plus"):
        checkin.set_status(s, 99_999, P)


def test_guests_added_updated_and_removed(storage: Storage, meeting) -> None:
    with storage.session_scope() as s:
        s.add(Organisation(name="Centre social Bellefontaine"))
    with storage.session_scope() as s:
        mayor = checkin.add_guest(s, meeting["meeting"], "  Mme   Durand ", "Élue",
                                  at=time(18, 40, 12))
        social = checkin.add_guest(s, meeting["meeting"], "Karim Benali",
                                   "centre SOCIAL bellefontaine")
    with storage.session_scope() as s:
        entries = checkin.guests(s, meeting["meeting"])
    assert [(g.name, g.organisation_name, g.quality, g.arrival_time) for g in entries] == [
        ("Mme Durand", "", "Élue", time(18, 40)),
        ("Karim Benali", "Centre social Bellefontaine", "", None)]
    with storage.session_scope() as s:
        entry = checkin.update_guest(s, mayor, "Mme Durand", "Adjointe au maire")
        timed = checkin.set_guest_times(s, social, time(18, 45), time(19, 30))
    assert entry.quality == "Adjointe au maire"
    assert (timed.arrival_time, timed.departure_time) == (time(18, 45), time(19, 30))
    with storage.session_scope() as s, pytest.raises(UserError, match="précède"):
        checkin.set_guest_times(s, social, time(19, 0), time(18, 0))
    with storage.session_scope() as s, pytest.raises(InvalidInputError, match="obligatoire"):
        checkin.add_guest(s, meeting["meeting"], "   ", "Élue")
    with storage.session_scope() as s:
        checkin.remove_guest(s, mayor)
    with storage.session_scope() as s:
        assert [g.name for g in checkin.guests(s, meeting["meeting"])] == ["Karim Benali"]
        # A walk-in is not a member: no person was created.
        assert s.scalar(select(Person).where(Person.last_name == "Benali")) is None


@pytest.mark.parametrize(("typed", "expected"), [
    ("Élodie Martin", ("Élodie", "Martin")),
    ("MARTIN Élodie", ("Élodie", "MARTIN")),
    ("Jean-Pierre DE LA TOUR", ("Jean-Pierre", "DE LA TOUR")),
    ("Zoé", ("", "Zoé")),
    ("Anne Marie Le Goff", ("Anne Marie", "Le Goff")),
    ("Mohamed Ben Saïd", ("Mohamed", "Ben Saïd")),
    ("Jean de La Fontaine", ("Jean", "de La Fontaine")),
    ("Mme Françoise Lévêque", ("Françoise", "Lévêque")),
    ("M. Karim El Amrani", ("Karim", "El Amrani")),
    ("Dr LÉVÊQUE Françoise", ("Françoise", "LÉVÊQUE")),
    ("Le Goff", ("", "Le Goff")),
    ("Madame", ("", "Madame")),
])
def test_split_name(typed: str, expected: tuple[str, str]) -> None:
    assert checkin.split_name(typed) == expected


def test_convert_guest_keeps_the_attendance(storage: Storage, meeting) -> None:
    with storage.session_scope() as s:
        guest_id = checkin.add_guest(s, meeting["meeting"], "Zoé ABADIE", "Habitante",
                                     at=time(18, 50))
    with storage.session_scope() as s:
        person_id = checkin.convert_guest_to_member(
            s, guest_id, College.RESIDENTS, seat=Seat.SUPPLEANT, today=date(2026, 11, 26))
    with storage.session_scope() as s:
        person = s.get(Person, person_id)
        assert person is not None and person.membership is not None
        assert (person.first_name, person.last_name) == ("Zoé", "ABADIE")
        assert (person.membership.college, person.membership.seat) == (
            College.RESIDENTS, Seat.SUPPLEANT)
        assert person.membership.joined_on == date(2026, 11, 26)
        guest = s.get(Guest, guest_id)
        assert guest is not None and guest.person_id == person_id
        rows = {r.person_id: r for r in invitee_rows(s, meeting["meeting"])}
    assert (rows[person_id].status, rows[person_id].arrival_time) == (P, time(18, 50))
    assert rows[person_id].display_name == "Zoé ABADIE"


def test_a_converted_walk_in_is_numbered_last(storage: Storage, meeting) -> None:
    """The sheet was printed before the meeting: a walk-in who becomes a member must not
    shift everyone after her in the alphabet (typing the paper numbers in would mark the
    wrong people). A member already invited who signed as a guest keeps her number."""
    with storage.session_scope() as s:
        before = [(r.number, r.last_name) for r in invitee_rows(s, meeting["meeting"])]
        walk_in = checkin.add_guest(s, meeting["meeting"], "Zoé ABADIE", "Habitante")
        known = Guest(meeting_id=meeting["meeting"], name="Luc Martin",
                      person_id=meeting["person:Martin"])
        s.add(known)
        s.flush()
        known_id = known.id
    with storage.session_scope() as s:
        checkin.convert_guest_to_member(s, walk_in, College.RESIDENTS)
        checkin.convert_guest_to_member(s, known_id, College.RESIDENTS)
    with storage.session_scope() as s:
        after = [(r.number, r.last_name) for r in invitee_rows(s, meeting["meeting"])]
    assert after == [*before, (len(before) + 1, "ABADIE")]


def test_convert_a_known_contact_keeps_the_person(storage: Storage, meeting) -> None:
    with storage.session_scope() as s:
        contact = Person(last_name="Haddad", first_name="Inès")
        s.add(contact)
        s.flush()
        guest = Guest(meeting_id=meeting["meeting"], name="Inès Haddad", person_id=contact.id)
        s.add(guest)
        s.flush()
        contact_id, guest_id = contact.id, guest.id
    with storage.session_scope() as s:
        person_id = checkin.convert_guest_to_member(s, guest_id, College.LOCAL_ACTORS)
    assert person_id == contact_id
    with storage.session_scope() as s:
        membership = s.scalar(select(Membership).where(Membership.person_id == contact_id))
        assert membership is not None and membership.college is College.LOCAL_ACTORS
        attendance = s.scalar(select(Attendance).where(Attendance.person_id == contact_id))
        assert attendance is not None and attendance.status is P
        # Converting again only keeps things as they are.
        assert checkin.convert_guest_to_member(s, guest_id, College.RESIDENTS) == contact_id
        assert s.scalar(select(Membership.college).where(
            Membership.person_id == contact_id)) is College.LOCAL_ACTORS


def test_warnings_from_rows_in_memory(storage: Storage, meeting) -> None:
    """The screen recomputes the flags from the rows it holds, without the database."""
    with storage.session_scope() as s:
        rows = invitee_rows(s, meeting["meeting"])
    by_name = {r.last_name: r for r in rows}
    holder = by_name["Guérin"]
    changed = [replace(r, status=R, proxy_holder_id=holder.person_id,
                       proxy_holder_name=holder.display_name)
               if r.last_name in ("Martin", "Yılmaz") else r for r in rows]
    carried = checkin.proxies_carried(changed)
    assert [r.last_name for r in carried[holder.person_id]] == ["Martin", "Yılmaz"]
    assert checkin.proxy_warnings(changed, 1) == [
        ("Noël Guérin porte les pouvoirs de Luc Martin, Şükrü Yılmaz mais n'est pas marqué(e) "
         "présent(e)."),
        "Noël Guérin porte 2 pouvoirs, au-delà du maximum de 1 (exception confirmée)."]
