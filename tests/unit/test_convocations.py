"""Convocations, address labels and the dossier de séance, read back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from conseil_desktop.cli import run
from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import Person
from conseil_desktop.db.models.enums import ContactChannel
from conseil_desktop.errors import UserError
from conseil_desktop.export.pdf.convocation import write_convocations
from conseil_desktop.export.pdf.dossier import write_dossier
from conseil_desktop.export.pdf.labels import PER_PAGE, write_labels
from conseil_desktop.services.meeting_addresses import (
    PostalAddress,
    council_address,
    invitee_addresses,
    label_recipients,
)
from conseil_desktop.services.meeting_snapshot import MeetingSnapshot, meeting_snapshot
from tests.unit.documents_fixture import (
    EMAIL_DOMAIN,
    HARD_NAMES,
    LONG_LAST,
    build_meeting,
)
from tests.unit.test_signin_sheet import PHONES, assert_a4_dejavu, parser, read_pdf

TODAY = date(2026, 11, 2)
EMAIL_PEOPLE = {last for last, _first, channel, _s in HARD_NAMES
                if channel is ContactChannel.EMAIL}


@pytest.fixture()
def meeting(storage: Storage) -> tuple[MeetingSnapshot, dict[int, PostalAddress], str]:
    meeting_id = build_meeting(storage)
    with storage.session_scope() as s:
        return (meeting_snapshot(s, meeting_id), invitee_addresses(s, meeting_id),
                council_address(s))


def test_addresses(storage: Storage,
                   meeting: tuple[MeetingSnapshot, dict[int, PostalAddress], str]) -> None:
    snapshot, addresses, sender = meeting
    assert sender.splitlines() == ["Maison des associations", "12 rue des Lilas", "75020 Paris"]
    assert len(addresses) == len(snapshot.invitees)
    kowalski = next(a for a in addresses.values() if a.last_name == "Kowalski")
    assert kowalski.by_email and kowalski.name == "Łukasz Kowalski"
    assert kowalski.lines == ["3 rue de l'Orillon", "75011 PARIS"]
    nguyen = next(a for a in addresses.values() if a.last_name == "Nguyễn")
    assert nguyen.lines == ["2 rue de l'Orillon", "Bâtiment B", "75011 PARIS"]
    assert not nguyen.by_email and nguyen.complete
    with storage.session_scope() as s:  # e-mail chosen but no address: gets a letter
        s.get(Person, kowalski.person_id).email = None
        s.get(Person, nguyen.person_id).address_line1 = ""
    with storage.session_scope() as s:
        again = invitee_addresses(s, snapshot.id)
    assert not again[kowalski.person_id].by_email and not again[nguyen.person_id].complete
    chosen = label_recipients(again, skip_email=True)
    assert [a.last_name for a in chosen] == [
        r.last_name for r in snapshot.invitees
        if r.last_name not in ("Nguyễn", LONG_LAST)]  # incomplete; by e-mail


def test_one_letter_per_invitee(meeting: tuple[MeetingSnapshot, dict[int, PostalAddress], str],
                                tmp_path: Path) -> None:
    snapshot, addresses, sender = meeting
    out = tmp_path / "convocations.pdf"
    count = write_convocations(out, snapshot, addresses, sender_address=sender, today=TODAY)
    reader, texts = read_pdf(out)
    assert count == len(texts) == len(snapshot.invitees)
    assert_a4_dejavu(reader)
    for row, page in zip(snapshot.invitees, texts, strict=True):
        address = addresses[row.person_id]
        flat = " ".join(page.split())
        block = "\n".join(address.lines)
        assert f"{address.name}\n{block}" in page or (  # together, for the window
            row.last_name == LONG_LAST and f"{LONG_LAST[-30:]}\n{block}" in page)
        assert f"Je soussigné(e) {address.name}" in flat and "donne pouvoir à" in flat
        assert "pour me représenter à la réunion « Assemblée plénière »" in flat
        assert "mardi 24 novembre 2026" in page and "de 18 h 30 à 20 h 30" in page
        assert "Maison de quartier, 3 rue Ramponeau" in flat
        assert "1. Approbation du compte rendu précédent" in page
        assert "Conseil citoyen des Hauts-de-Belleville" in page
        assert "12 rue des Lilas" in page  # the sender
        assert "Paris, le 2 novembre 2026" in page  # the council's city, as letters do
        assert "Page " not in page  # letters to different people are not numbered
        assert EMAIL_DOMAIN not in page and not any(p in page for p in PHONES)
    everything = " ".join("\n".join(texts).replace("-\n", "-").split())
    for last, first, _channel, _status in HARD_NAMES:
        assert last in everything and first in everything


def test_skip_email(meeting: tuple[MeetingSnapshot, dict[int, PostalAddress], str],
                    tmp_path: Path) -> None:
    snapshot, addresses, _sender = meeting
    out = tmp_path / "convocations.pdf"
    count = write_convocations(out, snapshot, addresses, skip_email=True, today=TODAY)
    _, texts = read_pdf(out)
    assert count == len(texts) == len(snapshot.invitees) - len(EMAIL_PEOPLE)
    assert "Kowalski" not in "\n".join(texts)
    only_email = {k: v for k, v in addresses.items() if v.by_email}
    subset = MeetingSnapshot(**{**snapshot.__dict__, "invitees": [
        r for r in snapshot.invitees if r.person_id in only_email]})
    with pytest.raises(UserError, match="Aucune convocation"):
        write_convocations(tmp_path / "none.pdf", subset, addresses, skip_email=True)
    assert not (tmp_path / "none.pdf").exists()


def test_a_long_agenda_shrinks_above_the_proxy_form(storage: Storage, tmp_path: Path) -> None:
    meeting_id = build_meeting(storage, agenda=40)
    with storage.session_scope() as s:
        snapshot, addresses = meeting_snapshot(s, meeting_id), invitee_addresses(s, meeting_id)
    out = tmp_path / "longue.pdf"
    write_convocations(out, snapshot, addresses, today=TODAY)
    _, texts = read_pdf(out)
    assert len(texts) == len(snapshot.invitees)  # still one page each
    assert "40. Questions diverses" in texts[0] and "Bon pour pouvoir" in texts[0]


def test_labels(meeting: tuple[MeetingSnapshot, dict[int, PostalAddress], str],
                tmp_path: Path) -> None:
    _snapshot, addresses, _sender = meeting
    out = tmp_path / "etiquettes.pdf"
    assert write_labels(out, list(addresses.values()) * 5, skip_email=True) == 2  # 25 labels
    reader, texts = read_pdf(out)
    assert len(texts) == 2 and PER_PAGE == 24
    assert_a4_dejavu(reader)
    assert texts[0].count("75011 PARIS") == 24 and texts[1].count("75011 PARIS") == 1
    names = [line for line in texts[0].splitlines() if line.startswith(("Şükrü", "Élodie"))]
    assert names[:2] == ["Élodie Œuvray", "Élodie Œuvray"]  # as numbered: Œuvray, Yılmaz
    for name in ("Şükrü Yılmaz", "Thị Hương Nguyễn", "Élodie Œuvray",
                 "Marie-Ève de La Fontaine-d'Argent"):
        assert name in texts[0]
    assert "Kowalski" not in texts[0]  # convened by e-mail
    with pytest.raises(UserError, match="Aucune étiquette"):
        write_labels(tmp_path / "vide.pdf", [])


def test_a_label_too_long_for_six_lines_keeps_its_town(tmp_path: Path) -> None:
    """A long name over a long street wrapped past six lines: the town line is printed,
    since a label without it sends the letter nowhere."""
    long_one = PostalAddress(
        1, "Hubert Blaine Maximilien Alexandre",
        "Wolfeschlegelsteinhausenbergerdorff-Montmorency-Laval",
        "8 rue de l'Église Saint-Étienne-du-Mont, bâtiment 5",
        "Résidence Les Œillets, escalier C, porte 12", "69003", "Lyon",
        ContactChannel.POST, False)
    out = tmp_path / "etiquettes.pdf"
    assert write_labels(out, [long_one]) == 1
    _, texts = read_pdf(out)
    lines = texts[0].splitlines()
    assert lines[-1] == "69003 LYON"
    assert len(lines) <= 6 and lines[0].startswith("Hubert")


def test_dossier(meeting: tuple[MeetingSnapshot, dict[int, PostalAddress], str],
                 tmp_path: Path) -> None:
    snapshot, addresses, sender = meeting
    out = tmp_path / "dossier.pdf"
    write_dossier(out, snapshot, addresses, sender_address=sender, today=TODAY)
    reader, texts = read_pdf(out)
    assert_a4_dejavu(reader)
    total = len(texts)
    assert all(f"Page {n} / {total}" in t for n, t in enumerate(texts, start=1))
    assert "Dossier de séance" in texts[0] and "Contenu" in texts[0]
    assert "Modèle de la lettre envoyée" in texts[1] and "donne pouvoir à" in texts[1]
    assert "— Convocation —" in texts[1]
    sheet = [t for t in texts if "— Feuille d'émargement —" in t]
    assert sheet and "✔ Représenté(e)" in sheet[0] and "Şükrü Yılmaz" in sheet[0]
    minutes = [t for t in texts if "— Procès-verbal —" in t]
    assert minutes and texts.index(minutes[0]) > texts.index(sheet[-1])
    every = tmp_path / "dossier-complet.pdf"
    write_dossier(every, snapshot, addresses, every_letter=True, today=TODAY)
    assert len(PdfReader(every).pages) == total - 1 + len(snapshot.invitees)


def test_cli(storage: Storage, db_path: Path, tmp_path: Path,
             capsys: pytest.CaptureFixture[str]) -> None:
    meeting_id = build_meeting(storage)

    def export(*argv: str) -> int:
        return run(parser().parse_args(["export", *argv, "--db", str(db_path)]))

    letters, labels, dossier = (tmp_path / n for n in ("c.pdf", "l.pdf", "d.pdf"))
    assert export("convocations", "--meeting", str(meeting_id), "-o", str(letters),
                  "--skip-email") == 0
    assert "5 lettres" in capsys.readouterr().out
    assert len(PdfReader(letters).pages) == 5
    assert export("labels", "--meeting", str(meeting_id), "-o", str(labels)) == 0
    assert "7 étiquettes sur 1 page" in capsys.readouterr().out
    with storage.session_scope() as s:
        s.get(Person, 2).city = s.get(Person, 2).postcode = ""
    assert export("labels", "--meeting", str(meeting_id), "-o", str(labels),
                  "--skip-email") == 0
    assert capsys.readouterr().out.splitlines()[-2:] == [
        f"Fichier écrit : {labels} (4 étiquettes sur 1 page)",
        "Sans adresse postale complète, donc sans étiquette : Thị Hương Nguyễn"]
    assert export("dossier", "--meeting", str(meeting_id), "-o", str(dossier)) == 0
    assert "dossier de séance" in capsys.readouterr().out
    for verb in ("convocations", "labels", "dossier"):
        assert export(verb, "--meeting", "999", "-o", str(tmp_path / "x.pdf")) == 2
        assert "La réunion n° 999 n'existe pas" in capsys.readouterr().err
        assert export(verb, "--meeting", str(meeting_id), "-o", str(tmp_path / "x.xlsx")) == 2
        assert "choisissez un fichier .pdf" in capsys.readouterr().err
    assert not list(tmp_path.glob("x.*"))


def test_the_date_line_names_the_councils_city(
        meeting: tuple[MeetingSnapshot, dict[int, PostalAddress], str], tmp_path: Path) -> None:
    """« Toulouse, le 2 novembre 2026 », the city taken from the council's postal address
    in the settings; with no city there, « Le lundi 2 novembre 2026 » as before."""
    from conseil_desktop.export.pdf.convocation import address_city

    snapshot, addresses, _sender = meeting
    for sender, line in (("Mairie annexe\n31040 TOULOUSE CEDEX 9", "Toulouse, le 2 novembre 2026"),
                         ("", "Le lundi 2 novembre 2026"),
                         ("Maison de quartier\n12 rue des Lilas", "Le lundi 2 novembre 2026")):
        out = tmp_path / "convocations.pdf"
        write_convocations(out, snapshot, addresses, sender_address=sender, today=TODAY)
        first = read_pdf(out)[1][0]
        assert line in first, (sender, first[:300])
    assert address_city("Centre social\n43000 LE PUY-EN-VELAY") == "Le Puy-en-Velay"
    assert address_city("59650 VILLENEUVE-D'ASCQ") == "Villeneuve-d'Ascq"
    assert address_city("BP 12\n13 002 Marseille") == "Marseille"
    assert address_city("3 rue de la Paix\nSaint-Denis") == ""
