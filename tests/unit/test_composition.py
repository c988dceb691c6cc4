"""The council's composition against its rules: every rule kept and broken."""

from __future__ import annotations

from datetime import date, time, timedelta

from sqlalchemy import select

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import (
    Attendance,
    AttendanceStatus,
    College,
    CouncilSettings,
    Meeting,
    Membership,
    MemberStatus,
    Person,
    Seat,
    Sex,
)
from conseil_desktop.services.composition import Composition, Rule, composition, fmt_pct

TODAY = date(2026, 11, 25)
A, E, P, R, I = (AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED, AttendanceStatus.PRESENT,
                 AttendanceStatus.REPRESENTED, AttendanceStatus.INVITED)


def add_members(storage: Storage, n: int, college: College = College.RESIDENTS, *,
                sex: Sex | None = None, seat: Seat = Seat.TITULAIRE,
                status: MemberStatus = MemberStatus.ACTIVE, name: str = "Membre",
                mandate_end_on: date | None = None) -> list[int]:
    with storage.session_scope() as session:
        people = [Person(last_name=f"{name} {i}", first_name="Ana", sex=sex) for i in range(n)]
        session.add_all(people)
        session.flush()
        session.add_all(Membership(person_id=p.id, college=college, seat=seat, status=status,
                                   mandate_end_on=mandate_end_on) for p in people)
        return [p.id for p in people]


def set_setting(storage: Storage, **values: int) -> None:
    with storage.session_scope() as session:
        row = session.scalars(select(CouncilSettings)).one()
        for name, value in values.items():
            setattr(row, name, value)


def compute(storage: Storage, today: date = TODAY) -> Composition:
    with storage.session_scope() as session:
        return composition(session, today)


def balanced_council(storage: Storage) -> None:
    """20 active members, every rule kept: 10 women and 8 men residents, 2 actors."""
    add_members(storage, 10, sex=Sex.FEMALE)
    add_members(storage, 7, sex=Sex.MALE)
    add_members(storage, 1, sex=Sex.MALE, seat=Seat.SUPPLEANT)
    add_members(storage, 2, College.LOCAL_ACTORS)


def test_a_balanced_council_has_no_warning(storage: Storage) -> None:
    balanced_council(storage)
    add_members(storage, 30, College.LOCAL_ACTORS, status=MemberStatus.RESIGNED)
    c = compute(storage)
    assert c.warnings == []
    assert (c.total, c.residents, c.titulaires, c.suppleants) == (20, 18, 19, 1)
    assert c.by_college == {College.RESIDENTS: 18, College.LOCAL_ACTORS: 2}
    assert (c.women, c.men, c.sex_unknown) == (10, 8, 0)
    assert c.resident_share_pct == 90


def test_residents_share_below_the_setting_warns(storage: Storage) -> None:
    add_members(storage, 8, sex=Sex.FEMALE)
    add_members(storage, 8, sex=Sex.MALE)
    add_members(storage, 4, College.LOCAL_ACTORS, seat=Seat.SUPPLEANT)
    assert compute(storage).warning(Rule.RESIDENT_SHARE) is None  # 80 %
    add_members(storage, 13, College.LOCAL_ACTORS)
    warning = compute(storage).warning(Rule.RESIDENT_SHARE)
    assert warning is not None
    assert warning.figure == fmt_pct(100 * 16 / 33) == "48,5\u00a0%"
    assert warning.message_fr == (
        "Habitants : 48,5\u00a0% des membres (règle : au moins 50\u00a0%)")
    set_setting(storage, min_resident_share_pct=45)
    assert compute(storage).warning(Rule.RESIDENT_SHARE) is None


def test_parity_uses_the_tolerance_and_counts_unknown_sex_apart(storage: Storage) -> None:
    balanced_council(storage)
    add_members(storage, 4, sex=Sex.FEMALE)  # 14 women, 8 men: 63.6 % of women
    add_members(storage, 3)  # sex unknown: left out of the share
    c = compute(storage)
    assert (c.women, c.men, c.sex_unknown) == (14, 8, 3)
    warning = c.warning(Rule.PARITY)
    assert warning is not None and warning.figure == "63,6\u00a0%"
    assert "entre 40 et 60\u00a0% de femmes" in warning.message_fr
    set_setting(storage, parity_tolerance_pct=15)
    assert compute(storage).warning(Rule.PARITY) is None


def test_total_outside_the_recommended_range_warns(storage: Storage) -> None:
    balanced_council(storage)
    set_setting(storage, recommended_min_members=21)
    warning = compute(storage).warning(Rule.SIZE)
    assert warning is not None and warning.figure == "20 membres actifs"
    assert warning.message_fr.endswith("(recommandé : de 21 à 50 membres)")
    set_setting(storage, recommended_min_members=15, recommended_max_members=19)
    assert compute(storage).warning(Rule.SIZE) is not None
    set_setting(storage, recommended_max_members=20)
    assert compute(storage).warning(Rule.SIZE) is None


def test_no_active_substitute_warns(storage: Storage) -> None:
    add_members(storage, 15, sex=Sex.FEMALE)
    add_members(storage, 15, sex=Sex.MALE)
    add_members(storage, 2, seat=Seat.SUPPLEANT, status=MemberStatus.MOVED_OUT)
    c = compute(storage)
    assert c.suppleants == 0 and [w.rule for w in c.warnings] == [Rule.SUBSTITUTES]
    add_members(storage, 1, seat=Seat.SUPPLEANT, sex=Sex.MALE)
    assert compute(storage).warnings == []


def test_mandates_ending_within_90_days_both_ends_included(storage: Storage) -> None:
    balanced_council(storage)
    for days, name in ((-1, "Hier"), (0, "Aujourdhui"), (90, "Limite"), (91, "Trop tard")):
        add_members(storage, 1, College.LOCAL_ACTORS, name=name,
                    mandate_end_on=TODAY + timedelta(days=days))
    add_members(storage, 1, name="Parti", status=MemberStatus.RESIGNED, mandate_end_on=TODAY)
    c = compute(storage)
    assert [(m.name, m.ends_on) for m in c.mandates_ending] == [
        ("Aujourdhui 0 Ana", TODAY), ("Limite 0 Ana", TODAY + timedelta(days=90))]
    warning = c.warning(Rule.MANDATES_ENDING)
    assert warning is not None and warning.figure == "2"
    assert warning.message_fr == "2 mandats se terminent d'ici 90 jours (le premier le 25/11/2026)"


def add_history(storage: Storage, person_id: int, statuses: list[AttendanceStatus],
                first: date = date(2026, 1, 10)) -> None:
    """One meeting a month for ``person_id``, in order, each with the given status."""
    with storage.session_scope() as session:
        for i, status in enumerate(statuses):
            day = first + timedelta(days=30 * i)
            meeting = Meeting(type_code="pleniere", title=f"Plénière {day}", date=day,
                              start_time=time(18, 30))
            session.add(meeting)
            session.flush()
            session.add(Attendance(meeting_id=meeting.id, person_id=person_id, status=status))


def runs(storage: Storage) -> dict[str, int]:
    return {r.name: r.run for r in compute(storage).repeated_absences}


def test_unexcused_absences_in_a_row(storage: Storage) -> None:
    three, broken, old, gone = (add_members(storage, 1, name=n)[0]
                                for n in ("Trois", "Coupe", "Ancien", "Parti"))
    add_history(storage, three, [P, A, A, A])
    add_history(storage, broken, [A, A, E, A, R, A])
    add_history(storage, old, [A, A, A, P])
    add_history(storage, gone, [A, A, A])
    with storage.session_scope() as session:
        session.scalars(select(Membership).where(Membership.person_id == gone)).one().status = (
            MemberStatus.EXCLUDED)
    c = compute(storage)
    assert runs(storage) == {"Trois 0 Ana": 3}
    assert c.repeated_absences[0].last_absent_on == date(2026, 1, 10) + timedelta(days=90)
    warning = c.warning(Rule.REPEATED_ABSENCES)
    assert warning is not None
    assert warning.message_fr == "1 membre a au moins 3 absences non excusées de suite"
    set_setting(storage, absence_run_threshold=1)
    assert runs(storage) == {"Trois 0 Ana": 3, "Coupe 0 Ana": 1}
    set_setting(storage, absence_run_threshold=4)
    assert runs(storage) == {}


def test_invitations_future_and_cancelled_meetings_do_not_break_a_run(storage: Storage) -> None:
    person = add_members(storage, 1, name="Absent")[0]
    add_history(storage, person, [A, A, A])
    add_history(storage, person, [I], first=date(2026, 10, 1))  # past, nothing recorded
    add_history(storage, person, [P], first=TODAY + timedelta(days=1))  # not held yet
    add_history(storage, person, [P], first=date(2026, 11, 1))
    with storage.session_scope() as session:
        session.scalars(select(Meeting).where(Meeting.date == date(2026, 11, 1))).one() \
            .cancelled = True
    assert runs(storage) == {"Absent 0 Ana": 3}
    add_history(storage, person, [P], first=TODAY)  # held today: counts
    assert runs(storage) == {}


def test_same_day_meetings_are_ordered_by_start_time(storage: Storage) -> None:
    person = add_members(storage, 1, name="Soir")[0]
    add_history(storage, person, [A, A])
    with storage.session_scope() as session:
        for start, status in ((time(20, 0), A), (time(9, 0), P)):
            meeting = Meeting(type_code="bureau", title="Bureau", date=date(2026, 6, 1),
                              start_time=start)
            session.add(meeting)
            session.flush()
            session.add(Attendance(meeting_id=meeting.id, person_id=person, status=status))
    assert runs(storage) == {}  # the 20 h absence came after the 9 h presence: run of 1
    set_setting(storage, absence_run_threshold=1)
    assert runs(storage) == {"Soir 0 Ana": 1}
