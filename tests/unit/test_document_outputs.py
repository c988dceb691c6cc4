"""Where a meeting document cannot be written, or has nothing to print: a plain
French message, exit code 2, no traceback and no file left behind."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest

from conseil_desktop.cli import run
from conseil_desktop.db.engine import Storage
from conseil_desktop.services.meetings import MeetingData, create_meeting
from tests.unit.documents_fixture import build_meeting
from tests.unit.test_signin_sheet import parser


def export(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run(parser().parse_args(["export", *argv]))
    out, err = capsys.readouterr()
    return code, out, err


def empty_meeting(storage: Storage) -> int:
    with storage.session_scope() as s:
        return create_meeting(s, MeetingData(
            type_code="bureau", title="Bureau sans invités", date=date(2027, 2, 3),
            start_time=time(18), end_time=time(20), place="Mairie annexe"))


def test_a_missing_folder_or_a_folder_as_output_is_bad_input(
        storage: Storage, db_path: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    meeting = str(build_meeting(storage))
    for name in ("e.pdf", "e.xlsx"):
        code, _, err = export(capsys, "signin-sheet", "--db", str(db_path), "--meeting",
                              meeting, "-o", str(tmp_path / "absent" / name))
        assert code == 2 and "Le dossier" in err and "n'existe pas" in err
    folder = tmp_path / "archive.pdf"
    folder.mkdir()
    code, _, err = export(capsys, "dossier", "--db", str(db_path), "--meeting", meeting,
                          "-o", str(folder))
    assert code == 2 and "est un dossier : donnez un nom de fichier" in err
    assert list(folder.iterdir()) == []


def _unwritable(folder: Path) -> bool:
    """Even for root: ``os.access`` says yes to root, sysfs still refuses."""
    if not folder.is_dir():
        return False
    probe = folder / "conseil-probe"
    try:
        probe.touch()
    except OSError:
        return True
    probe.unlink()
    return False


@pytest.mark.skipif(not _unwritable(Path("/sys")),
                    reason="needs a folder nobody can write into (/sys under Linux)")
@pytest.mark.parametrize("verb", ["signin-sheet", "decisions"])
def test_an_unwritable_folder_is_told_before_the_workbook_is_built(
        storage: Storage, db_path: Path, tmp_path: Path, verb: str) -> None:
    """openpyxl used to be half-way through its sheets when the folder was refused:
    its generators, dropped at exit, printed two tracebacks under the message."""
    meeting = str(build_meeting(storage))
    result = subprocess.run(
        [sys.executable, "-m", "conseil_desktop", "--data-dir", str(tmp_path / "data"),
         "export", verb, "--db", str(db_path), "--meeting", meeting,
         "-o", "/sys/conseil-emargement.xlsx"],
        capture_output=True, text=True, check=False)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == (
        "Erreur : Impossible d'écrire dans le dossier « /sys » : accès refusé. "
        "Choisissez un autre dossier.")


def test_a_meeting_without_invitees(storage: Storage, db_path: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    meeting = str(empty_meeting(storage))
    base = ["--db", str(db_path), "--meeting", meeting]
    for verb in ("convocations", "labels"):
        code, _, err = export(capsys, verb, *base, "-o", str(tmp_path / f"{verb}.pdf"))
        assert code == 2 and err.startswith("Erreur : Aucune")
    code, _, err = export(capsys, "signin-sheet", *base, "--blank-rows", "0",
                          "-o", str(tmp_path / "vide.pdf"))
    assert code == 2
    assert f"La réunion n° {meeting} n'a aucun invité" in err and "Inviter" in err
    # With blank rows the sheet can serve people who just come; the user is warned.
    code, out, err = export(capsys, "signin-sheet", *base, "-o", str(tmp_path / "libre.pdf"))
    assert code == 0 and "Fichier écrit" in out
    assert err.strip() == (f"Attention : la réunion n° {meeting} n'a aucun invité ; "
                           "la feuille ne compte que 10 lignes vierges.")
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == ["libre.pdf"]
