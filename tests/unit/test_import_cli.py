"""``import members`` and ``import undo`` as a user runs them: output, exit codes, no writes."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from sqlalchemy import func, select

from conseil_desktop import cli, cli_import
from conseil_desktop.app import FrenchArgumentParser
from conseil_desktop.db.engine import open_storage
from conseil_desktop.db.models import Person

DATA = Path(__file__).resolve().parents[1] / "data" / "import"


def build_parser() -> argparse.ArgumentParser:
    """The application's parser shape, with only the import verbs."""
    common = FrenchArgumentParser(add_help=False)
    common.add_argument("--db", type=Path)
    common.add_argument("--data-dir", type=Path)
    parser = FrenchArgumentParser(prog="conseil-desktop", parents=[common])
    sub = parser.add_subparsers(dest="command", parser_class=FrenchArgumentParser)
    cli_import.add_import_commands(sub, common)
    return parser


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    args = build_parser().parse_args(list(argv))
    code = cli.run_command(args.func, args)
    out, err = capsys.readouterr()
    return code, out, err


def people(db_path: Path) -> int:
    storage = open_storage(db_path, backup=False)
    try:
        with storage.session_scope() as session:
            return session.scalar(select(func.count()).select_from(Person)) or 0
    finally:
        storage.close(backup=False)


def test_dry_run_prints_the_summary_and_writes_nothing(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = db_path.read_bytes()
    code, out, err = run(capsys, "import", "members", str(DATA / "membres_export_excel.csv"),
                         "--db", str(db_path), "--dry-run")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "40 à créer, 0 à mettre à jour, 0 inchangé, 0 en erreur"
    assert lines[1] == "  ligne 23 : téléphone invalide (07 02 35 92 56), non repris"
    assert lines[-1] == "Simulation : rien n'a été enregistré."
    assert db_path.read_bytes() == before


def test_import_then_again_then_undo(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = str(DATA / "adresse_decoupee.xlsx")
    code, out, _ = run(capsys, "import", "members", source, "--db", str(db_path))
    assert code == 0
    assert out.splitlines() == [
        "3 créés, 0 mis à jour, 0 inchangé, 0 en erreur",
        ("Colonnes ignorées : « Nationalité » (donnée interdite : nationalité, origine, "
         "religion, santé, opinions… ne sont jamais enregistrées), « Remarques » "
         "(titre non reconnu)."),
        "Import enregistré.",
    ]
    code, out, _ = run(capsys, "import", "members", source, "--db", str(db_path))
    summary = "0 créé, 0 mis à jour, 3 inchangés, 0 en erreur"
    assert (code, out.splitlines()[0]) == (0, summary)
    assert "Import enregistré." not in out  # nothing was: the undo is still the first import
    assert out.splitlines()[-1].startswith("Rien à enregistrer : les membres du fichier étaient")
    assert people(db_path) == 3
    code, out, _ = run(capsys, "import", "undo", "--db", str(db_path))
    assert code == 0
    assert out.startswith("Import de « adresse_decoupee.xlsx » annulé : 3 fiches supprimées")
    assert people(db_path) == 0


def test_rows_in_error_are_listed_and_skipped(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "import", "members", str(DATA / "erreurs_de_lignes.csv"),
                         "--db", str(db_path))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "4 créés, 0 mis à jour, 0 inchangé, 1 en erreur",
        "  ligne 3 : nom manquant ; courriel invalide (anonyme@)",
        "  ligne 4 : date d'adhésion illisible (31/02/2024), non reprise",
        ("  ligne 5 : date de naissance dans le futur (12/12/2099), non reprise ; "
         "courriel invalide (chloe.roux@), non repris"),
        "  ligne 6 : sexe non reconnu (?), non repris",
        "Import enregistré.",
    ]
    assert people(db_path) == 4


@pytest.mark.parametrize("dry_run", [True, False])
def test_every_row_in_error_is_exit_2_and_nothing_written(
    db_path: Path, capsys: pytest.CaptureFixture[str], dry_run: bool
) -> None:
    argv = ["import", "members", str(DATA / "toutes_erreurs.csv"), "--db", str(db_path)]
    code, out, err = run(capsys, *argv, *(["--dry-run"] if dry_run else []))
    assert code == 2
    assert out.splitlines()[0] == "0 à créer, 0 à mettre à jour, 0 inchangé, 3 en erreur"
    assert "  ligne 2 : nom manquant" in out.splitlines()
    assert ("  ligne 3 : collège non reconnu (Bureau) ; date d'adhésion illisible (31/02/2024)"
            in out.splitlines())
    assert err == ("Erreur : Aucune ligne ne peut être importée : corrigez le fichier puis "
                   "recommencez.\n")
    assert people(db_path) == 0


@pytest.mark.parametrize(
    ("name", "words"),
    [("vide.csv", "est vide"), ("image.xlsx", "image PNG"), ("rapport.pdf", "document PDF"),
     ("tronque.xlsx", "endommagé ou incomplet"), ("sans_colonne.xlsx", "Aucune colonne reconnue"),
     ("encodage_illisible.csv", "encodage"), ("bombe.xlsx", "se décompresse"),
     ("absent.csv", "n'existe pas")],
)
def test_a_bad_file_is_exit_2_with_a_plain_message_and_the_base_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, words: str
) -> None:
    db = tmp_path / "jamais.db"
    code, out, err = run(capsys, "import", "members", str(DATA / name), "--db", str(db))
    assert code == 2
    assert out == ""
    assert err.startswith("Erreur : ") and words in err
    assert "Traceback" not in err
    assert not db.exists()  # the file is checked before the base is opened


def test_an_unknown_sheet_lists_the_sheets(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "import", "members", str(DATA / "feuilles_multiples.xlsx"),
                       "--sheet", "Bureau", "--db", str(db_path))
    assert code == 2
    assert "Feuilles présentes : « Mode d'emploi », « Membres », « Anciens »." in err
    code, out, _ = run(capsys, "import", "members", str(DATA / "feuilles_multiples.xlsx"),
                       "--sheet", "Anciens", "--db", str(db_path), "--dry-run")
    summary = "1 à créer, 0 à mettre à jour, 0 inchangé, 0 en erreur"
    assert (code, out.splitlines()[0]) == (0, summary)


def test_undo_without_an_import(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "import", "undo", "--db", str(db_path))
    assert (code, err) == (1, "Erreur : Aucun import à annuler pour cette base.\n")


def test_import_says_when_undo_will_not_be_available(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from conseil_desktop.services.importing import undo_record as undo

    code, out, _ = run(capsys, "import", "members", str(DATA / "doublons.csv"),
                       "--db", str(db_path))
    assert code == 0 and cli_import.NO_UNDO_NOTE not in out

    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(undo, "_write", broken)
    code, out, _ = run(capsys, "import", "members", str(DATA / "adresse_decoupee.xlsx"),
                       "--db", str(db_path))
    assert code == 0
    assert out.splitlines()[-2:] == [cli_import.SAVED_NOTE, cli_import.NO_UNDO_NOTE]
    before = people(db_path)
    code, _, err = run(capsys, "import", "undo", "--db", str(db_path))
    assert (code, err) == (1, "Erreur : Aucun import à annuler pour cette base.\n")
    assert people(db_path) == before  # the first import was not reversed instead


def test_undo_lists_the_people_it_kept(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "import", "members", str(DATA / "adresse_decoupee.xlsx"), "--db", str(db_path))
    storage = open_storage(db_path, backup=False)
    try:
        with storage.session_scope() as session:
            person = session.scalars(select(Person).order_by(Person.id)).first()
            assert person is not None
            person.phone = "+33699999999"
            name = f"{person.last_name} {person.first_name}"
    finally:
        storage.close(backup=False)
    code, out, _ = run(capsys, "import", "undo", "--db", str(db_path))
    assert code == 0
    assert out.startswith("Import de « adresse_decoupee.xlsx » annulé : 2 fiches supprimées")
    assert (f"Fiche gardée car modifiée ou utilisée depuis l'import "
            f"(coordonnées, rôles, consentements, réunions, projets…) : {name}.") in out
    assert people(db_path) == 1


def test_a_base_that_does_not_exist_is_refused_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "conseil.bd"  # a typo for conseil.db
    for dry_run in (("--dry-run",), ()):
        code, out, err = run(capsys, "import", "members", str(DATA / "membres_export_excel.csv"),
                             "--db", str(db), *dry_run)
        assert code != 0 and out == ""
        assert err.startswith("Erreur : ") and "n'existe pas" in err
        assert not db.exists()
