"""The procès-verbal read back with pypdf: every section of domain.md section 5, the hard
names, the counts and the quorum line, A4 pages, DejaVu embedded, footer on every page;
and the ``export minutes`` command on a demo base."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from conseil_desktop.app import main
from conseil_desktop.db.engine import Storage
from conseil_desktop.export.pdf.layout import make_styles
from conseil_desktop.export.pdf.minutes import minutes_story, write_minutes_pdf
from conseil_desktop.services.demo import generate_demo
from conseil_desktop.services.meeting_snapshot import meeting_snapshot
from tests.unit.doc_b_samples import HARD_NAMES, INJECTED, fonts_of, snapshot

A4 = (595.28, 841.89)


def pages_text(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(path).pages]


@pytest.fixture
def minutes(tmp_path: Path) -> Path:
    path = tmp_path / "pv.pdf"
    write_minutes_pdf(path, snapshot(items=12, extra_invitees=40))
    return path


def test_every_section_and_name_is_printed(minutes: Path) -> None:
    text = " ".join(pages_text(minutes))
    for section in ("Procès-verbal — Assemblée plénière", "Conseil citoyen des Hauts-de-Rive",
                    "mardi 24 novembre 2026", "de 18 h 30 à 20 h 30",
                    "Maison de quartier, 3 rue des Lilas",
                    "Convoquée le 03/11/2026 (courrier et courriel)", "Ordre du jour",
                    "Documents : Note n° 1 ; Budget prévisionnel", "Présences",
                    "Invités extérieurs (2)", "Adjoint au maire", "Délégué du préfet",
                    "Déroulement de la séance", "Autres décisions", "Signatures",
                    "Le ou la secrétaire de séance", "Animation", "Secrétariat"):
        assert section in text, section
    for last, first in HARD_NAMES:
        assert last in text and first in text, last
    assert INJECTED in text  # printed as typed: a PDF runs nothing
    assert "12. Point 12 : jardins partagés" in text


def test_counts_quorum_and_proxies(minutes: Path) -> None:
    text = " ".join(pages_text(minutes))
    shot = snapshot(items=12, extra_invitees=40)
    c = shot.counts
    assert (f"Membres : {c.invited} invités, {c.present} présents, {c.represented} représentés, "
            f"{c.excused} excusés, {c.absent} absents.") in text
    assert f"Quorum atteint ({c.present + c.represented} / 3 requis)" in text
    assert f"Représentés ({c.represented}) :" in text and f"Excusés ({c.excused}) :" in text
    assert "Pouvoir donné à" in text and "Şükrü Yılmaz" in text
    assert "Vote : pour 12, contre 2, abstention 1" in text and "Consensus" in text
    assert "Responsable : Régie de quartier — fait le 20/11/2026" in text


def test_pages_are_a4_with_embedded_dejavu_and_a_footer(minutes: Path) -> None:
    reader = PdfReader(minutes)
    texts = pages_text(minutes)
    assert len(texts) >= 2
    for number, (page, text) in enumerate(zip(reader.pages, texts, strict=True), start=1):
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == A4
        assert f"Page {number} / {len(texts)}" in text
        assert "Procès-verbal — Assemblée plénière du 24/11/2026" in text
    fonts = fonts_of(minutes)
    assert fonts and all(embedded for _, embedded in fonts)
    assert all(name.startswith("DejaVu") for name, _ in fonts)


def test_cancelled_meeting_says_so(tmp_path: Path) -> None:
    path = tmp_path / "pv.pdf"
    write_minutes_pdf(path, snapshot(items=1, cancelled=True))
    assert "Cette réunion a été annulée." in pages_text(path)[0]


def test_story_can_be_bound_in_another_document() -> None:
    story = minutes_story(snapshot(items=2), make_styles())
    assert len(story) > 10  # flowables only: the dossier de séance adds its own pages


def test_cli_writes_the_minutes_of_a_demo_meeting(storage: Storage, db_path: Path,
                                                   tmp_path: Path) -> None:
    generate_demo(storage, members=40, meetings=4, seed=5, today=date(2026, 11, 25))
    with storage.session_scope() as s:
        shot = meeting_snapshot(s, 1)
    storage.close(backup=False)
    out = tmp_path / "pv.pdf"
    assert main(["export", "minutes", "--db", str(db_path), "--meeting", "1", "-o", str(out)]) == 0
    text = " ".join(pages_text(out))
    assert shot.title in text and shot.quorum.label() in text
    assert all(row.last_name in text for row in shot.invitees)


def test_cli_refuses_an_unknown_meeting_or_extension(storage: Storage, db_path: Path,
                                                      tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    storage.close(backup=False)
    out = tmp_path / "pv.pdf"
    assert main(["export", "minutes", "--db", str(db_path), "--meeting", "99", "-o", str(out)]) == 2
    assert "La réunion n° 99 n'existe pas" in capsys.readouterr().err
    docx = tmp_path / "pv.docx"
    assert main(["export", "minutes", "--db", str(db_path), "--meeting", "1", "-o", str(docx)]) == 2
    assert "choisissez un fichier .pdf" in capsys.readouterr().err
    assert not out.exists() and not docx.exists()


def test_summary_marks_print_as_bold_italic_and_bullets(tmp_path: Path) -> None:
    from dataclasses import replace

    base = snapshot(items=1)
    item = replace(base.agenda[0], summary="**Vote** du *budget* :\n- jardin\n- fête 2*3 <b>")
    path = tmp_path / "pv.pdf"
    write_minutes_pdf(path, replace(base, agenda=[item]))
    text = " ".join(pages_text(path))
    assert "Vote du budget :" in text and "**" not in text
    assert "• jardin" in text and "• fête 2*3 <b>" in text
    from conseil_desktop.export.pdf.layout import rich_text

    fragments = rich_text("**Vote** du *budget*", make_styles().body).frags
    styled = {f.text.strip(): (f.bold, f.italic) for f in fragments if f.text.strip()}
    assert styled == {"Vote": (1, 0), "du": (0, 0), "budget": (0, 1)}


def test_a_semicolon_between_names_never_starts_a_line(tmp_path: Path) -> None:
    """French spacing puts a space before ';': it must not break there, leaving the ';'
    alone at the start of the next line."""
    base = snapshot(items=1, extra_invitees=200)
    invitees = [replace(row, last_name="Nom" + "m" * (row.number * 7 % 11), structure="")
                for row in base.invitees]  # names of many lengths: the lines wrap everywhere
    path = tmp_path / "pv.pdf"
    write_minutes_pdf(path, replace(base, invitees=invitees))
    lines = [line.strip() for page in PdfReader(path).pages
             for line in page.extract_text().splitlines()]
    assert sum(";" in line for line in lines) > 10  # the lists of names are there
    assert not [line for line in lines if line.startswith(";")]


def test_the_quorum_line_says_what_it_counts(tmp_path: Path) -> None:
    """Présents + représentés (all members) differ from the quorum's count (active
    titulaires only): the minutes say so, or the reader sees two numbers that disagree."""
    path = tmp_path / "pv.pdf"
    write_minutes_pdf(path, snapshot(items=1))
    text = " ".join(pages_text(path))
    assert ("requis) : le quorum compte les membres titulaires en activité à la date de la "
            "réunion, présents ou représentés par un membre présent.") in text
    none = tmp_path / "none.pdf"
    shot = snapshot(items=1)
    write_minutes_pdf(none, replace(shot, quorum=replace(shot.quorum, required=None,
                                                         reached=None)))
    assert "le quorum compte" not in " ".join(pages_text(none))


def test_a_guest_who_became_a_member_is_listed_once(tmp_path: Path) -> None:
    """Converted into a member, a walk-in is among the present members: the guests'
    list and its count leave them out, as the counts line does."""
    shot = snapshot(items=1)
    member = shot.invitees[0]
    converted = replace(shot.guests[0], name=f"{member.first_name} {member.last_name}",
                        person_id=member.person_id)
    path = tmp_path / "pv.pdf"
    write_minutes_pdf(path, replace(shot, guests=[converted, shot.guests[1]],
                                    counts=replace(shot.counts, guests=1)))
    text = " ".join(pages_text(path))
    assert "Invités extérieurs (1)" in text and "1 invité extérieur" in text
    assert "Délégué du préfet" in text and "Adjoint au maire" not in text


def signature_page_lead(path: Path) -> str:
    """What the last page prints before its signature block."""
    last = PdfReader(path).pages[-1].extract_text()
    assert "Signatures" in last
    return last.split("Signatures")[0].strip()


@pytest.mark.parametrize("other_decisions", [True, False])
def test_the_signatures_never_open_a_page_on_their_own(tmp_path: Path,
                                                       other_decisions: bool) -> None:
    """A page of signatures alone could be stapled to any document: the end of the
    proceedings goes to the next page with them. (Among these lengths, several left
    the signatures alone on the last page.)"""
    for items, extra in ((1, 0), (2, 0), (3, 0), (6, 40), (7, 10), (8, 0), (12, 40), (14, 0)):
        shot = snapshot(items=items, extra_invitees=extra)
        if not other_decisions:
            shot = replace(shot, other_decisions=[])
        path = tmp_path / f"pv-{items}-{extra}.pdf"
        write_minutes_pdf(path, shot)
        assert "Décision" in signature_page_lead(path), (items, extra)


def test_a_long_last_summary_leaves_its_last_lines_with_the_signatures(tmp_path: Path) -> None:
    """The last item's summary is split: its start stays where it is (no page left
    half blank), its last lines go with the signatures. (With these lengths the
    signatures were alone on the last page, or their title apart from their boxes.)"""
    base = snapshot(items=1)
    for sentences in (19, 31, 39, 87, 99, 131, 141):
        summary = " ".join(f"Phrase {n} des échanges sur le budget du quartier."
                           for n in range(1, sentences + 1))
        item = replace(base.agenda[0], decisions=[], summary=summary)
        path = tmp_path / f"pv-{sentences}.pdf"
        write_minutes_pdf(path, replace(base, other_decisions=[], agenda=[item]))
        lead = signature_page_lead(path)
        assert lead.count("quartier") >= 2, (sentences, lead)  # at least two lines
        assert f"Phrase {sentences} des" in " ".join(lead.split()), sentences
        if lead.count("Phrase") < sentences:  # split: its start is on the page before
            assert "des échanges" in pages_text(path)[-2], sentences


def test_a_long_name_breaks_at_its_hyphens_not_inside_a_word(tmp_path: Path) -> None:
    """A proxy holder's or a guest's compound name wider than its column breaks after
    a hyphen (reportlab cut it anywhere: « Brzęc / zyszczykiewicz »); a single word
    too wide for the column prints smaller, whole."""
    from conseil_desktop.db.models.enums import AttendanceStatus

    holder = "Aleksandra-Małgorzata Kowalczykowska-Brzęczyszczykiewicz-Wiśniewska"
    member = "Kowalczykowska-Brzęczyszczykiewicz"
    long_word = "Wolfeschlegelsteinhausenbergerdorffer"
    base = snapshot(items=1)
    invitees = [replace(row, last_name=member, proxy_holder_name=holder, proxy_exception=True)
                if row.status is AttendanceStatus.REPRESENTED else row for row in base.invitees]
    guests = [replace(base.guests[0], name=f"{long_word} Zweiundzwanzigstelwerte")]
    path = tmp_path / "pv.pdf"
    write_minutes_pdf(path, replace(base, invitees=invitees, guests=guests))
    lines = PdfReader(path).pages[0].extract_text().splitlines()
    text = "\n".join(lines)
    assert f"{long_word}\n" in text or f"{long_word} " in text
    for piece in re.findall(r"[^\s-]+-?", f"{holder} {member}"):  # each piece whole
        assert piece in text, piece
    for row in lines:
        assert not row.endswith(("Brzęc", "Kowalczykow")), row


def test_the_end_and_the_signatures_stay_on_a_page_with_room_for_them(tmp_path: Path) -> None:
    """Where the last decision and the signatures fit below what is on the page, they
    go there: a one-row table cannot be split, and it once sent both to a new page,
    leaving most of the page before blank."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    from conseil_desktop.export.pdf.minutes import with_last_lines

    style = getSampleStyleSheet()["Normal"]
    opening = [Paragraph("Déroulement de la séance, point après point.", style)] * 10
    decision = Table([["Décision", "Consensus sur le projet de square."]])
    signatures = [Paragraph("Signatures", style), Table([["Président·e", "Secrétaire"]] * 3)]
    path = tmp_path / "pv.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(
        with_last_lines([*opening, decision], signatures))
    assert len(PdfReader(path).pages) == 1
