"""Applying an import in one transaction, importing twice, and undoing the last import."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from conseil_desktop.db.base import utcnow
from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import (
    Attendance,
    College,
    Consent,
    ConsentKind,
    ContactAffiliation,
    Designation,
    Meeting,
    MemberRole,
    Membership,
    MembershipStatusEvent,
    MemberStatus,
    Organisation,
    Person,
    Seat,
)
from conseil_desktop.errors import UserError
from conseil_desktop.services.importing import (
    ImportResult,
    RowAction,
    apply_import,
    plan_import,
    undo_last_import,
)
from conseil_desktop.services.importing import apply as applying
from conseil_desktop.services.importing import undo_record as undoing
from conseil_desktop.services.importing.undo import load_record, record_path
from conseil_desktop.services.members import MemberData, create_member

DATA = Path(__file__).resolve().parents[1] / "data" / "import"
TODAY = dt.date(2026, 11, 25)


def run_import(storage: Storage, source: Path | str) -> ImportResult:
    path = DATA / source if isinstance(source, str) else source
    with storage.session_scope() as session:
        plan = plan_import(session, path, today=TODAY)
    with storage.session_scope() as session:
        return apply_import(session, plan, storage.path, today=TODAY)


def count(session: Session, model: type[object]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def person_named(session: Session, last: str) -> Person:
    return session.scalars(select(Person).where(Person.last_name == last)).one()


def test_an_import_creates_members_with_membership_and_history(storage: Storage) -> None:
    result = run_import(storage, "liste_adherents.xlsx")
    assert result.summary() == "60 à créer, 0 à mettre à jour, 0 inchangé, 0 en erreur"
    assert result.done_summary() == "60 créés, 0 mis à jour, 0 inchangé, 0 en erreur"
    with storage.session_scope() as session:
        assert count(session, Person) == count(session, Membership) == 60
        robin = session.scalars(select(Person).where(Person.email == "andrée.0@exemple.fr")).one()
        assert (robin.last_name, robin.first_name, robin.phone) == ("Robin", "Andrée",
                                                                    "+33615244939")
        assert (robin.address_line1, robin.postcode, robin.city) == (
            "rue Nathalie Laroche", "31200", "Toulouse")
        assert robin.search_key == "robin andree andrée.0@exemple.fr 33615244939 0615244939"
        membership = robin.membership
        assert membership is not None
        assert (membership.college, membership.joined_on, membership.status) == (
            College.RESIDENTS, dt.date(2022, 3, 8), MemberStatus.ACTIVE)
        (event,) = membership.status_events
        assert (event.status, event.effective_on) == (MemberStatus.ACTIVE, dt.date(2022, 3, 8))


def test_importing_the_same_file_twice_creates_nothing_the_second_time(storage: Storage) -> None:
    for name in ("membres_export_excel.csv", "adresse_decoupee.xlsx", "doublons.csv",
                 "acteurs_locaux.ods"):
        first = run_import(storage, name)
        assert first.counts[RowAction.CREATE] > 0, name
        again = run_import(storage, name)
        assert again.counts[RowAction.CREATE] == again.counts[RowAction.UPDATE] == 0, name
        assert again.counts[RowAction.UNCHANGED] == len(again.rows) - again.counts[
            RowAction.ERROR], name
    with storage.session_scope() as session:
        # Élodie Dupont, Karim Benali and Inès García appear in two files: one person each.
        assert count(session, Person) == 40 + 3 + 3 + 1


def test_a_second_file_updates_the_members_it_knows(storage: Storage, tmp_path: Path) -> None:
    run_import(storage, "membres_export_excel.csv")
    update = tmp_path / "mise_a_jour.csv"
    update.write_text(
        "Nom;Prénom;Mail;Ville;Collège\n"
        "Colas;Christiane;christiane.0@exemple.fr;Toulouse;Acteurs locaux\n"
        "Nouvelle;Personne;;;\n", encoding="utf-8")
    result = run_import(storage, update)
    assert result.summary() == "1 à créer, 1 à mettre à jour, 0 inchangé, 0 en erreur"
    assert result.done_summary() == "1 créé, 1 mis à jour, 0 inchangé, 0 en erreur"
    (changed,) = [r for r in result.rows if r.action is RowAction.UPDATE]
    assert [c.describe() for c in changed.changes] == [
        "ville : Toulouse", "collège : Habitants → Acteurs locaux"]
    with storage.session_scope() as session:
        colas = person_named(session, "COLAS")
        assert colas.city == "Toulouse" and colas.phone == "+33514177763"  # kept
        assert colas.membership is not None
        assert colas.membership.college is College.LOCAL_ACTORS


def test_organisations_are_found_or_created_once(storage: Storage) -> None:
    with storage.session_scope() as session:
        session.add(Organisation(name="Régie de Quartier"))
    run_import(storage, "acteurs_locaux.ods")
    with storage.session_scope() as session:
        names = sorted(session.scalars(select(Organisation.name)))
        assert names == ["Amicale des locataires des Izards", "Régie de Quartier"]
        benali = person_named(session, "BENALI")
        assert benali.membership is not None
        assert benali.membership.organisation is not None
        assert benali.membership.organisation.name == "Régie de Quartier"
        assert benali.membership.designation is Designation.DESIGNATED_BY_STRUCTURE
        assert "regie de quartier" in benali.search_key


def test_a_forbidden_column_never_reaches_the_database(storage: Storage) -> None:
    run_import(storage, "adresse_decoupee.xlsx")
    storage.engine.dispose()
    connection = sqlite3.connect(storage.path)
    try:
        dump = "\n".join(connection.iterdump()).lower()
    finally:
        connection.close()
    assert "dupont" in dump
    for value in ("française", "sénégalaise", "nationalit", "présidente"):
        assert value not in dump


def test_a_failure_while_writing_leaves_nothing(
    storage: Storage, monkeypatch: pytest.MonkeyPatch
) -> None:
    with storage.session_scope() as session:
        create_member(session, MemberData("DUPONT", "Élodie", email="elodie.dupont@exemple.fr"))
        plan = plan_import(session, DATA / "utf8_bom_virgule.csv", today=TODAY)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disque débranché")

    monkeypatch.setattr(applying, "update_members_fields", broken)
    with pytest.raises(OSError), storage.session_scope() as session:
        apply_import(session, plan, storage.path, today=TODAY)
    with storage.session_scope() as session:
        assert count(session, Person) == 1
    assert not record_path(storage.path).exists()


def test_undo_removes_what_the_last_import_created(storage: Storage) -> None:
    run_import(storage, "acteurs_locaux.ods")
    record = load_record(storage.path)
    assert record is not None and len(record.created_people) == 3
    assert record_path(storage.path).parent.name == "imports"
    with storage.session_scope() as session:
        result = undo_last_import(session, storage.path)
    assert (result.deleted_people, result.deleted_organisations) == (3, 2)
    with storage.session_scope() as session:
        for model in (Person, Membership, MembershipStatusEvent, Organisation):
            assert count(session, model) == 0, model
    assert not record_path(storage.path).exists()
    with storage.session_scope() as session, pytest.raises(UserError, match="Aucun import"):
        undo_last_import(session, storage.path)


def test_undo_keeps_people_who_attended_a_meeting_since(storage: Storage) -> None:
    run_import(storage, "utf8_bom_virgule.csv")
    with storage.session_scope() as session:
        meeting = Meeting(type_code="pleniere", title="Plénière", date=TODAY)
        session.add(meeting)
        session.flush()
        session.add(Attendance(meeting_id=meeting.id,
                               person_id=person_named(session, "DIALLO").id))
    with storage.session_scope() as session:
        result = undo_last_import(session, storage.path)
    assert result.deleted_people == 7
    assert result.kept_people == ("DIALLO Aïcha",)
    assert "DIALLO Aïcha" in result.describe()
    with storage.session_scope() as session:
        assert [p.last_name for p in session.scalars(select(Person))] == ["DIALLO"]


def test_undo_restores_updated_fields_unless_edited_since(storage: Storage, tmp_path: Path) -> None:
    with storage.session_scope() as session:
        create_member(session, MemberData("Martin", "Paul", phone="06 01 02 03 04",
                                          city="Blagnac", postcode="31700"))
        contact = Person(last_name="Benali", first_name="Karim", birth_date=dt.date(1980, 5, 4))
        session.add(contact)
        session.flush()
        session.add(ContactAffiliation(person_id=contact.id, role_title="Président"))
    update = tmp_path / "maj.csv"
    update.write_text("Nom;Prénom;Tél.;Ville;CP;Date de naissance\n"
                      "MARTIN;Paul;06 01 02 03 04;Toulouse;31200;\n"
                      "BENALI;Karim;;;;04/05/1980\n", encoding="utf-8")
    result = run_import(storage, update)
    assert result.summary() == "0 à créer, 2 à mettre à jour, 0 inchangé, 0 en erreur"
    with storage.session_scope() as session:
        benali = person_named(session, "Benali")
        assert benali.membership is not None  # the contact became a member
        martin = person_named(session, "Martin")
        assert (martin.city, martin.postcode) == ("Toulouse", "31200")
        martin.postcode = "31100"  # edited by hand after the import
    with storage.session_scope() as session:
        outcome = undo_last_import(session, storage.path)
    assert (outcome.restored_fields, outcome.kept_fields, outcome.removed_memberships) == (1, 1, 1)
    with storage.session_scope() as session:
        martin = person_named(session, "Martin")
        assert (martin.city, martin.postcode) == ("Blagnac", "31100")
        benali = person_named(session, "Benali")
        assert benali.membership is None and len(benali.affiliations) == 1


def test_an_import_that_changes_nothing_keeps_the_previous_undo(storage: Storage) -> None:
    run_import(storage, "doublons.csv")
    before = json.loads(record_path(storage.path).read_text(encoding="utf-8"))
    run_import(storage, "doublons.csv")
    assert json.loads(record_path(storage.path).read_text(encoding="utf-8")) == before


def test_the_undo_record_belongs_to_one_database(storage: Storage, tmp_path: Path) -> None:
    run_import(storage, "doublons.csv")
    other = tmp_path / "autre" / storage.path.name
    assert record_path(other) != record_path(storage.path)
    assert load_record(other) is None


def test_undo_keeps_people_edited_or_given_a_role_consent_or_status_since(
    storage: Storage,
) -> None:
    run_import(storage, "utf8_bom_virgule.csv")
    with storage.session_scope() as session:
        dupont = person_named(session, "DUPONT")
        dupont.phone, dupont.address_line1 = "+33699999999", "12 rue des Lilas"
        session.add(Consent(person_id=person_named(session, "N'DIAYE").id,
                            kind=ConsentKind.IMAGE, granted=True, recorded_on=TODAY,
                            source="formulaire papier"))
        lefevre = person_named(session, "LEFÈVRE")
        assert lefevre.membership is not None
        session.add(MemberRole(membership_id=lefevre.membership.id, role_code="president"))
        oeuvray = person_named(session, "ŒUVRAY")
        assert oeuvray.membership is not None
        session.add(MembershipStatusEvent(membership_id=oeuvray.membership.id,
                                          status=MemberStatus.RESIGNED, effective_on=TODAY))
        diallo = person_named(session, "DIALLO")
        assert diallo.membership is not None
        diallo.membership.seat = Seat.SUPPLEANT
    with storage.session_scope() as session:
        result = undo_last_import(session, storage.path)
    assert result.deleted_people == 3
    assert result.kept_people == ("DIALLO Aïcha", "DUPONT Élodie", "LEFÈVRE Hélène",
                                  "N'DIAYE Moussa", "ŒUVRAY Gaël")
    assert "Fiches gardées car modifiées ou utilisées depuis" in result.describe()
    assert "DUPONT Élodie" in result.describe()
    with storage.session_scope() as session:
        assert count(session, Person) == 5
        assert person_named(session, "DUPONT").phone == "+33699999999"
        assert count(session, Consent) == count(session, MemberRole) == 1
        assert count(session, MembershipStatusEvent) == 5 + 1


def test_undo_keeps_a_membership_given_a_role_since(storage: Storage, tmp_path: Path) -> None:
    with storage.session_scope() as session:
        for last in ("Benali", "Roux"):
            session.add(Person(last_name=last, first_name="Karim"))
    update = tmp_path / "maj.csv"
    update.write_text("Nom;Prénom;Ville\nBENALI;Karim;Toulouse\nROUX;Karim;Toulouse\n",
                      encoding="utf-8")
    run_import(storage, update)
    with storage.session_scope() as session:
        membership = person_named(session, "Benali").membership
        assert membership is not None
        session.add(MemberRole(membership_id=membership.id, role_code="tresorier"))
    with storage.session_scope() as session:
        result = undo_last_import(session, storage.path)
    assert (result.removed_memberships, result.kept_memberships) == (1, ("Benali Karim",))
    assert "Adhésion gardée car modifiée ou utilisée" in result.describe()
    with storage.session_scope() as session:
        assert person_named(session, "Benali").membership is not None
        assert person_named(session, "Roux").membership is None
        assert count(session, MemberRole) == 1


def failing_write(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(undoing, "_write", broken)


def test_when_the_record_cannot_be_written_undo_never_reverses_an_older_import(
    storage: Storage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = run_import(storage, "doublons.csv")
    assert first.import_id and undoing.undo_available(storage.path, first.import_id)
    second_file = tmp_path / "b.csv"
    second_file.write_text("Nom;Prénom;Courriel\nBeta;Bob;bob@exemple.fr\n", encoding="utf-8")
    with monkeypatch.context() as patch:
        failing_write(patch)
        second = run_import(storage, second_file)
    assert second.changed_anything and second.import_id is None
    assert not record_path(storage.path).exists()
    with storage.session_scope() as session, pytest.raises(UserError, match="Aucun import"):
        undo_last_import(session, storage.path)
    with storage.session_scope() as session:
        assert count(session, Person) == first.counts[RowAction.CREATE] + 1


def test_an_import_is_refused_if_its_record_can_be_neither_written_nor_removed(
    storage: Storage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_import(storage, "doublons.csv")
    before = record_path(storage.path).read_text(encoding="utf-8")
    second_file = tmp_path / "b.csv"
    second_file.write_text("Nom;Prénom\nBeta;Bob\n", encoding="utf-8")
    failing_write(monkeypatch)

    def no_unlink(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "unlink", no_unlink)
    with pytest.raises(UserError, match="ni écrit ni effacé"):
        run_import(storage, second_file)
    with storage.session_scope() as session:
        assert session.scalar(select(Person).where(Person.last_name == "BETA")) is None
    assert record_path(storage.path).read_text(encoding="utf-8") == before


def test_a_rolled_back_import_puts_back_the_previous_record(
    storage: Storage, tmp_path: Path
) -> None:
    first = run_import(storage, "doublons.csv")
    before = record_path(storage.path).read_bytes()
    second_file = tmp_path / "b.csv"
    second_file.write_text("Nom;Prénom\nBeta;Bob\n", encoding="utf-8")
    with storage.session_scope() as session:
        plan = plan_import(session, second_file, today=TODAY)
    with pytest.raises(RuntimeError), storage.session_scope() as session:
        second = apply_import(session, plan, storage.path, today=TODAY)
        assert load_record(storage.path).state == undoing.PENDING  # type: ignore[union-attr]
        raise RuntimeError("coupure")
    assert second.import_id is not None
    assert not undoing.undo_available(storage.path, second.import_id)
    assert record_path(storage.path).read_bytes() == before
    assert first.import_id is not None and undoing.undo_available(storage.path, first.import_id)


def test_a_pending_record_is_refused_and_deleted(storage: Storage) -> None:
    """The process stopped between writing the record and committing the import."""
    run_import(storage, "doublons.csv")
    target = record_path(storage.path)
    data = json.loads(target.read_text(encoding="utf-8"))
    target.write_text(json.dumps({**data, "state": "pending"}), encoding="utf-8")
    with storage.session_scope() as session, pytest.raises(UserError, match="ne peut pas"):
        undo_last_import(session, storage.path)
    assert not target.exists()
    with storage.session_scope() as session:
        assert count(session, Person) > 0


def test_undo_refuses_and_deletes_a_record_older_than_30_days(
    storage: Storage, tmp_path: Path
) -> None:
    run_import(storage, "doublons.csv")
    target = record_path(storage.path)
    later = utcnow() + dt.timedelta(days=31)
    with storage.session_scope() as session, pytest.raises(UserError, match="30 jours"):
        undo_last_import(session, storage.path, now=later)
    assert not target.exists()
    with storage.session_scope() as session:
        assert count(session, Person) > 0


def test_expired_records_of_other_bases_are_purged(storage: Storage, tmp_path: Path) -> None:
    old = record_path(tmp_path / "autre.db")
    old.parent.mkdir(parents=True)
    written = (utcnow() - dt.timedelta(days=40)).isoformat()
    old.write_text(json.dumps({"imported_at": written, "updated": {"x": {"phone": [1, 2]}}}),
                   encoding="utf-8")
    recent = record_path(tmp_path / "recent.db")
    recent.write_text(json.dumps({"imported_at": utcnow().isoformat()}), encoding="utf-8")
    run_import(storage, "doublons.csv")
    assert not old.exists() and recent.exists() and record_path(storage.path).exists()


def test_anonymising_takes_the_person_out_of_the_undo_record(
        storage: Storage, tmp_path: Path) -> None:
    from conseil_desktop.services.privacy import anonymise_person

    with storage.session_scope() as session:
        create_member(session, MemberData("Martin", "Paul", city="Blagnac", postcode="31700"))
    update = tmp_path / "maj.csv"
    update.write_text("Nom;Prénom;Courriel;Ville;CP\n"
                      "MARTIN;Paul;paul.secret@example.org;Toulouse;31200\n"
                      "ALVES;Rita;rita.secret@example.org;Toulouse;31200\n", encoding="utf-8")
    run_import(storage, update)
    record = record_path(storage.path)
    assert "paul.secret" in record.read_text(encoding="utf-8")
    assert record.stat().st_mode & 0o077 == 0  # only the user may read it
    with storage.session_scope() as session:
        for last in ("Martin", "Alves"):
            person = session.scalars(select(Person).where(
                func.lower(Person.last_name) == last.lower())).one()
            person.membership.status = MemberStatus.RESIGNED
            anonymise_person(session, person.id, TODAY)
    kept = record.read_text(encoding="utf-8").lower()
    for former in ("paul.secret", "rita.secret", "blagnac", "31700", "alves", "rita"):
        assert former not in kept
    with storage.session_scope() as session:  # an undo now brings nothing back
        undo_last_import(session, storage.path)
    with storage.session_scope() as session:
        assert session.scalars(select(Person.city).where(Person.anonymised_at.is_not(None))
                               ).all() == ["", ""]
