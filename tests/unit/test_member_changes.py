"""The member form's services: all problems at once, status history, promotion of a
suppléant, roles with dates, consents with date and source, one transaction."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import (
    College,
    Consent,
    ConsentKind,
    ContactChannel,
    Designation,
    MemberRole,
    Membership,
    MembershipStatusEvent,
    MemberStatus,
    Organisation,
    Person,
    Seat,
    Sex,
)
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services import member_changes as mc
from conseil_desktop.services import member_roles as mr
from conseil_desktop.services.member_checks import (
    check_member,
    is_minor,
    member_problems,
    needs_parental_authorisation,
    read_day,
)
from conseil_desktop.services.members import MemberData, create_member

TODAY = date(2026, 11, 25)


def new_member(session: Session, seat: Seat = Seat.TITULAIRE, **fields: object) -> int:
    data = MemberData("Œuvray", "Élodie", seat=seat, joined_on=date(2025, 1, 10),
                      **fields)  # type: ignore[arg-type]
    return create_member(session, data, today=TODAY)


def events(session: Session, person_id: int) -> list[tuple[MemberStatus, date, Seat | None]]:
    rows = session.execute(
        select(MembershipStatusEvent.status, MembershipStatusEvent.effective_on,
               MembershipStatusEvent.seat)
        .join(Membership).where(Membership.person_id == person_id)
        .order_by(MembershipStatusEvent.effective_on, MembershipStatusEvent.id))
    return [tuple(row) for row in rows]  # type: ignore[misc]


# -- the base fields ------------------------------------------------------------------------


def test_every_problem_of_the_form_is_reported_at_once() -> None:
    data = MemberData("  ", email="elodie@@exemple", phone="06 12", postcode="3110",
                      birth_date=date(2030, 1, 1), joined_on=date(2025, 3, 1),
                      mandate_end_on=date(2024, 3, 1))
    problems = member_problems(data, today=TODAY)
    assert set(problems) == {"last_name", "email", "phone", "postcode", "birth_date",
                             "joined_on", "mandate_end_on"}
    assert problems["joined_on"] == "elle précède la date de naissance."
    assert "obligatoire" in problems["last_name"]
    assert "elodie@@exemple" in problems["email"]
    assert "« 06 12 »" in problems["phone"]
    assert problems["birth_date"] == "cette date est dans le futur."
    with pytest.raises(InvalidInputError) as caught:
        check_member(data, today=TODAY)
    text = caught.value.message
    assert "Courriel : « elodie@@exemple »" in text
    assert "Fin du mandat : elle précède la date d'entrée." in text
    assert text.count("\n– ") == 7


def test_a_clean_form_has_no_problem() -> None:
    data = MemberData("N'Diaye-Œuvray", "Élodie", sex=Sex.FEMALE, email="e.o@Exemple.FR",
                      phone="+33 6 12 34 56 78", postcode="31 100",
                      birth_date=date(2010, 6, 1), parental_authorisation_on=date(2025, 1, 5))
    assert member_problems(data, today=TODAY) == {}


def test_parental_authorisation_cannot_precede_birth() -> None:
    data = MemberData("Ba", birth_date=date(2012, 5, 1),
                      parental_authorisation_on=date(2011, 1, 1))
    assert member_problems(data, today=TODAY) == {
        "parental_authorisation_on": "elle précède la date de naissance."}


@pytest.mark.parametrize("text", ["31/02/2026", "2026-11-25", "25/11", "1/13/2026",
                                  "01/01/1850"])
def test_a_date_that_is_not_one_is_refused_with_what_was_typed(text: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        read_day(text, "Date de naissance")
    assert caught.value.message.startswith("Date de naissance : ")
    assert text.split("/")[-1] in caught.value.message


def test_dates_are_read_as_day_month_year() -> None:
    assert read_day(" 5/3/2024 ", "x") == date(2024, 3, 5)
    assert read_day("", "x") is None


def test_minor_is_under_eighteen_on_the_day() -> None:
    assert is_minor(date(2008, 11, 26), TODAY)
    assert not is_minor(date(2008, 11, 25), TODAY)
    assert not is_minor(None, TODAY)


def test_under_sixteens_without_authorisation_get_a_reminder() -> None:
    assert needs_parental_authorisation(date(2010, 11, 26), None, TODAY)
    assert not needs_parental_authorisation(date(2010, 11, 26), date(2025, 1, 1), TODAY)
    assert not needs_parental_authorisation(date(2010, 11, 25), None, TODAY)  # 16 today
    assert not needs_parental_authorisation(None, None, TODAY)


def test_the_form_saves_the_new_fields_and_reads_them_back(storage: Storage) -> None:
    with storage.session_scope() as s:
        org = Organisation(name="Régie de quartier Étoile")
        s.add(org)
        s.flush()
        data = MemberData(
            "Œuvray", "Élodie", sex=Sex.FEMALE, birth_date=date(1990, 2, 3),
            email="elodie@exemple.fr", phone="06 12 34 56 78", address_line1="3 rue du Lac",
            postcode="31100", city="Toulouse", preferred_channel=ContactChannel.EMAIL,
            college=College.LOCAL_ACTORS, seat=Seat.SUPPLEANT,
            designation=Designation.DRAWN_BY_LOT, designation_source="liste du bailleur",
            organisation_id=org.id, joined_on=date(2025, 1, 10),
            mandate_end_on=date(2028, 1, 9))
        person_id = mc.save_member_form(s, None, mc.MemberForm(data), today=TODAY)
    with storage.session_scope() as s:
        detail = mc.member_detail(s, person_id)
    assert detail.data.phone == "+33612345678"
    assert detail.data.preferred_channel == ContactChannel.EMAIL
    assert detail.data.designation_source == "liste du bailleur"
    assert detail.data.mandate_end_on == date(2028, 1, 9)
    assert detail.organisation_name == "Régie de quartier Étoile"
    assert detail.status == MemberStatus.ACTIVE
    assert detail.history == [mc.StatusEventRow(date(2025, 1, 10), MemberStatus.ACTIVE,
                                                Seat.SUPPLEANT)]


def test_a_refused_form_writes_nothing(storage: Storage) -> None:
    form = mc.MemberForm(MemberData("Martin", email="pas-une-adresse"),
                         consents=[mc.ConsentData(ConsentKind.IMAGE, True, TODAY)])
    with pytest.raises(InvalidInputError), storage.session_scope() as s:
        mc.save_member_form(s, None, form, today=TODAY)
    with storage.session_scope() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0


def test_a_late_refusal_rolls_back_the_fields_already_written(storage: Storage) -> None:
    with storage.session_scope() as s:
        person_id = new_member(s)
    form = mc.MemberForm(MemberData("Renommée", joined_on=date(2025, 1, 10)),
                         changes=[mc.StatusChange(TODAY)])  # a titulaire cannot be promoted
    with pytest.raises(InvalidInputError), storage.session_scope() as s:
        mc.save_member_form(s, person_id, form, today=TODAY)
    with storage.session_scope() as s:
        assert s.get(Person, person_id).last_name == "Œuvray"  # type: ignore[union-attr]


# -- status ----------------------------------------------------------------------------------


def test_a_status_change_is_dated_and_kept_in_the_history(storage: Storage) -> None:
    with storage.session_scope() as s:
        person_id = new_member(s)
        mc.change_status(s, person_id, MemberStatus.MOVED_OUT, date(2026, 6, 30), today=TODAY)
        mc.change_status(s, person_id, MemberStatus.ACTIVE, date(2026, 9, 1), today=TODAY)
    with storage.session_scope() as s:
        detail = mc.member_detail(s, person_id)
        assert events(s, person_id) == [
            (MemberStatus.ACTIVE, date(2025, 1, 10), Seat.TITULAIRE),
            (MemberStatus.MOVED_OUT, date(2026, 6, 30), Seat.TITULAIRE),
            (MemberStatus.ACTIVE, date(2026, 9, 1), Seat.TITULAIRE),
        ]
    assert (detail.status, detail.status_since) == (MemberStatus.ACTIVE, date(2026, 9, 1))
    assert [row.status_label for row in detail.history] == ["Actif", "A déménagé", "Actif"]


@pytest.mark.parametrize(("status", "day", "message"), [
    (MemberStatus.ACTIVE, date(2026, 1, 1), "déjà « Actif »"),
    (MemberStatus.RESIGNED, date(2024, 12, 31), r"précède le dernier changement enregistré \(10/01/2025\)"),
    (MemberStatus.RESIGNED, date(2026, 11, 26), "dans le futur"),
    (MemberStatus.EXCLUDED, None, "Indiquez la date d'effet"),
])
def test_a_status_change_that_makes_no_sense_is_refused(
    storage: Storage, status: MemberStatus, day: date | None, message: str,
) -> None:
    with storage.session_scope() as s:
        person_id = new_member(s)
        with pytest.raises(InvalidInputError, match=message):
            mc.change_status(s, person_id, status, day, today=TODAY)  # type: ignore[arg-type]
        assert len(events(s, person_id)) == 1


def test_a_contact_has_no_status_to_change(storage: Storage) -> None:
    with storage.session_scope() as s:
        person = Person(last_name="Contact")
        s.add(person)
        s.flush()
        with pytest.raises(InvalidInputError, match="n'est pas membre"):
            mc.change_status(s, person.id, MemberStatus.RESIGNED, TODAY, today=TODAY)


def test_a_suppleant_promoted_to_titulaire_keeps_the_seat_change(storage: Storage) -> None:
    with storage.session_scope() as s:
        person_id = new_member(s, Seat.SUPPLEANT)
        mc.promote_to_titulaire(s, person_id, date(2026, 3, 2), today=TODAY)
    with storage.session_scope() as s:
        membership = s.scalars(select(Membership).where(Membership.person_id == person_id)).one()
        assert membership.seat == Seat.TITULAIRE
        assert membership.status == MemberStatus.ACTIVE
        assert events(s, person_id)[-1] == (MemberStatus.ACTIVE, date(2026, 3, 2),
                                            Seat.TITULAIRE)
        assert mc.member_detail(s, person_id).history[-1].seat_label == "Titulaire"


def test_a_titulaire_or_a_departed_suppleant_cannot_be_promoted(storage: Storage) -> None:
    with storage.session_scope() as s:
        titulaire = new_member(s)
        with pytest.raises(InvalidInputError, match="déjà titulaire"):
            mc.promote_to_titulaire(s, titulaire, TODAY, today=TODAY)
        gone = new_member(s, Seat.SUPPLEANT)
        mc.change_status(s, gone, MemberStatus.RESIGNED, date(2026, 1, 5), today=TODAY)
        with pytest.raises(InvalidInputError, match="n'est pas actif"):
            mc.promote_to_titulaire(s, gone, TODAY, today=TODAY)
        with pytest.raises(InvalidInputError, match="précède"):
            mc.change_status(s, gone, MemberStatus.ACTIVE, date(2026, 1, 4), today=TODAY)


# -- roles ---------------------------------------------------------------------------------------


def test_roles_are_added_ended_and_removed(storage: Storage) -> None:
    with storage.session_scope() as s:
        person_id = new_member(s)
        president = mr.add_role(s, person_id, "president", date(2025, 2, 1))
        secretary = mr.add_role(s, person_id, "secretaire", date(2025, 2, 1))
        mr.end_role(s, president, date(2026, 2, 1))
        mr.remove_role(s, secretary)
    with storage.session_scope() as s:
        detail = mc.member_detail(s, person_id)
    assert detail.roles == [mr.RoleData("president", date(2025, 2, 1), date(2026, 2, 1),
                                        president)]
    assert detail.role_labels["president"] == "Président·e"
    assert not detail.roles[0].current(TODAY)


def test_leaving_ends_the_roles_held_then(storage: Storage) -> None:
    with storage.session_scope() as s:
        person_id = new_member(s)
        mr.add_role(s, person_id, "president", date(2025, 2, 1))
        mr.add_role(s, person_id, "tresorier", None)
    with storage.session_scope() as s:
        detail = mc.member_detail(s, person_id)
        form = mc.MemberForm(detail.data, changes=[
            mc.StatusChange(date(2026, 10, 1), MemberStatus.RESIGNED)], roles=detail.roles)
        mc.save_member_form(s, person_id, form, today=TODAY)  # the form keeps its roles
    with storage.session_scope() as s:
        detail = mc.member_detail(s, person_id)
    assert {(r.role_code, r.ended_on) for r in detail.roles} == {
        ("president", date(2026, 10, 1)), ("tresorier", date(2026, 10, 1))}
    assert not any(r.current(TODAY) for r in detail.roles)


def test_a_role_cannot_end_before_it_starts(storage: Storage) -> None:
    with storage.session_scope() as s:
        person_id = new_member(s)
        with pytest.raises(InvalidInputError, match=r"la fin \(01/01/2025\) précède le début"):
            mr.add_role(s, person_id, "tresorier", date(2025, 6, 1), date(2025, 1, 1))
        role = mr.add_role(s, person_id, "tresorier", date(2025, 6, 1))
        with pytest.raises(InvalidInputError, match="précède le début"):
            mr.end_role(s, role, date(2025, 5, 31))
        mr.end_role(s, role, date(2025, 6, 1))
        with pytest.raises(InvalidInputError, match="déjà pris fin le 01/06/2025"):
            mr.end_role(s, role, TODAY)


def test_unknown_or_doubled_roles_are_refused(storage: Storage) -> None:
    with storage.session_scope() as s:
        person_id = new_member(s)
        with pytest.raises(InvalidInputError, match="Rôle inconnu"):
            mr.add_role(s, person_id, "empereur", TODAY)
        mr.add_role(s, person_id, "animateur", date(2025, 1, 1))
        with pytest.raises(InvalidInputError, match="deux fois"):
            mr.add_role(s, person_id, "animateur", TODAY)
        assert s.scalar(select(func.count()).select_from(MemberRole)) == 1


def test_set_roles_updates_adds_and_removes_in_one_go(storage: Storage) -> None:
    with storage.session_scope() as s:
        person_id = new_member(s)
        kept = mr.add_role(s, person_id, "president", date(2025, 2, 1))
        dropped = mr.add_role(s, person_id, "secretaire", date(2025, 2, 1))
        mr.set_roles(s, person_id, [
            mr.RoleData("president", date(2025, 2, 1), date(2026, 1, 31), kept),
            mr.RoleData("representant_copil", date(2026, 2, 1)),
        ])
    with storage.session_scope() as s:
        roles = {r.role_code: r for r in mc.member_detail(s, person_id).roles}
        assert set(roles) == {"president", "representant_copil"}
        assert roles["president"].id == kept and roles["president"].ended_on == date(2026, 1, 31)
        assert s.get(MemberRole, dropped) is None
        with pytest.raises(InvalidInputError, match="précède le début"):
            mr.set_roles(s, person_id, [mr.RoleData("president", TODAY, date(2020, 1, 1))])
        assert len(mc.member_detail(s, person_id).roles) == 2  # nothing changed


# -- consents ---------------------------------------------------------------------------------------


def test_a_consent_is_recorded_with_date_and_source_then_replaced(storage: Storage) -> None:
    with storage.session_scope() as s:
        person_id = new_member(s)
        assert mc.record_consent(s, person_id, ConsentKind.IMAGE, True, date(2025, 1, 10),
                                 " formulaire papier ", today=TODAY)
        assert not mc.record_consent(s, person_id, ConsentKind.IMAGE, True, date(2025, 1, 10),
                                     "formulaire papier", today=TODAY)
        assert mc.record_consent(s, person_id, ConsentKind.IMAGE, False, date(2026, 4, 2),
                                 "courriel du 02/04", today=TODAY)
    with storage.session_scope() as s:
        assert mc.member_detail(s, person_id).consents == {
            ConsentKind.IMAGE: mc.ConsentData(ConsentKind.IMAGE, False, date(2026, 4, 2),
                                              "courriel du 02/04")}
        assert s.scalar(select(func.count()).select_from(Consent)) == 1


def test_a_consent_needs_a_past_date_and_a_short_source(storage: Storage) -> None:
    with storage.session_scope() as s:
        person_id = new_member(s)
        with pytest.raises(InvalidInputError, match="Lettre d'information : la date"):
            mc.record_consent(s, person_id, ConsentKind.NEWSLETTER, True, date(2027, 1, 1),
                              today=TODAY)
        with pytest.raises(InvalidInputError, match="indiquez la date"):
            mc.record_consent(s, person_id, ConsentKind.NEWSLETTER, True, None,  # type: ignore[arg-type]
                              today=TODAY)
        with pytest.raises(InvalidInputError, match="120 caractères"):
            mc.record_consent(s, person_id, ConsentKind.NEWSLETTER, True, TODAY, "x" * 121,
                              today=TODAY)


def test_the_whole_form_applies_status_promotion_roles_and_consents(storage: Storage) -> None:
    with storage.session_scope() as s:
        person_id = new_member(s, Seat.SUPPLEANT)
    form = mc.MemberForm(
        MemberData("Œuvray", "Élodie", seat=Seat.SUPPLEANT, joined_on=date(2025, 1, 10),
                   phone="0692 12 34 56"),
        changes=[mc.StatusChange(date(2026, 1, 5), MemberStatus.RESIGNED),
                 mc.StatusChange(date(2026, 2, 1), MemberStatus.ACTIVE),
                 mc.StatusChange(date(2026, 3, 1))],
        roles=[mr.RoleData("president", date(2026, 3, 1))],
        consents=[mc.ConsentData(ConsentKind.SHARE_CONTACT, True, TODAY, "formulaire papier")])
    with storage.session_scope() as s:
        assert mc.save_member_form(s, person_id, form, today=TODAY) == person_id
    with storage.session_scope() as s:
        detail = mc.member_detail(s, person_id)
    assert detail.data.phone == "+262692123456"
    assert detail.data.seat == Seat.TITULAIRE
    assert [(r.status, r.effective_on, r.seat) for r in detail.history][1:] == [
        (MemberStatus.RESIGNED, date(2026, 1, 5), Seat.SUPPLEANT),
        (MemberStatus.ACTIVE, date(2026, 2, 1), Seat.SUPPLEANT),
        (MemberStatus.ACTIVE, date(2026, 3, 1), Seat.TITULAIRE),
    ]
    assert [r.role_code for r in detail.roles] == ["president"]
    assert detail.consents[ConsentKind.SHARE_CONTACT].source == "formulaire papier"


def test_a_missing_person_is_a_plain_error(storage: Storage) -> None:
    with storage.session_scope() as s, pytest.raises(InvalidInputError, match="introuvable"):
        mc.member_detail(s, 999)


def test_a_contact_saved_through_the_form_becomes_a_member(storage: Storage) -> None:
    with storage.session_scope() as s:
        person = Person(last_name="Contact", first_name="Inès", email="ines@exemple.fr")
        s.add(person)
        s.flush()
        detail = mc.member_detail(s, person.id)
        assert not detail.is_member and detail.history == []
        assert detail.data.email == "ines@exemple.fr" and detail.data.phone == ""
        form = mc.MemberForm(detail.data, roles=[mr.RoleData("animateur", TODAY)])
        mc.save_member_form(s, person.id, form, today=TODAY)
        detail = mc.member_detail(s, person.id)
    assert detail.is_member
    assert [(r.status, r.effective_on) for r in detail.history] == [(MemberStatus.ACTIVE, TODAY)]
    assert [r.role_code for r in detail.roles] == ["animateur"]


def stored_with_bad_contact_details(session: Session) -> int:
    """A member whose phone and e-mail were saved before today's rules refuse them."""
    person_id = new_member(session)
    person = session.get(Person, person_id)
    assert person is not None
    person.phone, person.email = "+33712223612", "ancien@adresse"  # 07 12...: unallocated
    session.flush()
    return person_id


def test_contact_details_left_as_stored_do_not_stop_saving_the_form(storage: Storage) -> None:
    with storage.session_scope() as s:
        person_id = stored_with_bad_contact_details(s)
        data = mc.member_detail(s, person_id).data
    data.city = "Toulouse"
    with storage.session_scope() as s:
        mc.save_member_form(s, person_id, mc.MemberForm(data), today=TODAY)
    with storage.session_scope() as s:
        person = s.get(Person, person_id)
        assert person is not None
        assert (person.city, person.phone, person.email) == (
            "Toulouse", "+33712223612", "ancien@adresse")


def test_a_contact_detail_typed_again_is_checked(storage: Storage) -> None:
    with storage.session_scope() as s:
        person_id = stored_with_bad_contact_details(s)
        data = mc.member_detail(s, person_id).data
    data.phone = "07 12 22 36 13"
    with storage.session_scope() as s, pytest.raises(InvalidInputError, match="07 12 22 36 13"):
        mc.save_member_form(s, person_id, mc.MemberForm(data), today=TODAY)


def test_a_corrected_joining_date_moves_the_joining_in_the_history(storage: Storage) -> None:
    with storage.session_scope() as s:  # entered today, without the date they joined
        person_id = create_member(s, MemberData("Œuvray", "Élodie"), today=TODAY)
        data = mc.member_detail(s, person_id).data
    data.joined_on = date(2024, 3, 1)
    form = mc.MemberForm(data, changes=[mc.StatusChange(date(2025, 6, 1), MemberStatus.RESIGNED)])
    with storage.session_scope() as s:
        mc.save_member_form(s, person_id, form, today=TODAY)
    with storage.session_scope() as s:
        assert events(s, person_id) == [(MemberStatus.ACTIVE, date(2024, 3, 1), Seat.TITULAIRE),
                                        (MemberStatus.RESIGNED, date(2025, 6, 1), Seat.TITULAIRE)]
        assert mc.member_detail(s, person_id).status_since == date(2025, 6, 1)
        data = mc.member_detail(s, person_id).data
    data.joined_on = date(2025, 9, 1)  # after the resignation: the history stays as it is
    with storage.session_scope() as s:
        mc.save_member_form(s, person_id, mc.MemberForm(data), today=TODAY)
        assert events(s, person_id)[0] == (MemberStatus.ACTIVE, date(2024, 3, 1), Seat.TITULAIRE)


def test_a_corrected_joining_date_moves_status_since_when_nothing_else_happened(
        storage: Storage) -> None:
    with storage.session_scope() as s:
        person_id = create_member(s, MemberData("Œuvray", "Élodie"), today=TODAY)
        data = mc.member_detail(s, person_id).data
    data.joined_on = date(2024, 3, 1)
    with storage.session_scope() as s:
        mc.save_member_form(s, person_id, mc.MemberForm(data), today=TODAY)
        detail = mc.member_detail(s, person_id)
    assert (detail.status_since, [r.effective_on for r in detail.history]) == (
        date(2024, 3, 1), [date(2024, 3, 1)])


def test_a_seat_entered_wrongly_is_corrected_while_only_the_joining_is_recorded(
        storage: Storage) -> None:
    with storage.session_scope() as s:
        person_id = new_member(s)  # entered as titulaire by mistake
        data = mc.member_detail(s, person_id).data
    data.seat = Seat.SUPPLEANT
    with storage.session_scope() as s:
        mc.save_member_form(s, person_id, mc.MemberForm(data), today=TODAY)
    with storage.session_scope() as s:
        assert events(s, person_id) == [(MemberStatus.ACTIVE, date(2025, 1, 10), Seat.SUPPLEANT)]
        assert mc.member_detail(s, person_id).data.seat == Seat.SUPPLEANT
    promoted = mc.MemberForm(data, changes=[mc.StatusChange(date(2026, 3, 2))])
    with storage.session_scope() as s:
        mc.save_member_form(s, person_id, promoted, today=TODAY)
        data = mc.member_detail(s, person_id).data
    data.seat = Seat.SUPPLEANT  # the history has moved on: no silent change any more
    with storage.session_scope() as s, pytest.raises(InvalidInputError, match="Passer titulaire"):
        mc.save_member_form(s, person_id, mc.MemberForm(data), today=TODAY)
    with storage.session_scope() as s:
        assert mc.member_detail(s, person_id).data.seat == Seat.TITULAIRE
