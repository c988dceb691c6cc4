"""The command-line verbs, run as a user would, through ``main``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conseil_desktop.app import main
from conseil_desktop.db.engine import open_storage


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.db"
    assert main(["demo", "--db", str(path), "--members", "60", "--meetings", "8",
                 "--data-dir", str(folder / "data")]) == 0
    return path


def test_demo_then_check_then_list(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "--db", str(demo_db))
    assert code == 0, err
    assert "Intégrité : correcte" in out
    assert "Révision du schéma : 0001 (à jour)" in out
    person_line = next(line for line in out.splitlines() if line.strip().startswith("person "))
    assert int(person_line.split()[-1]) >= 60

    code, out, err = run(capsys, "list", "members", "--db", str(demo_db), "--json")
    assert code == 0, err
    members = json.loads(out)
    assert len(members) == 60
    assert {"id", "last_name", "first_name", "college", "seat", "status"} <= set(members[0])
    assert any(m["last_name"] == "Yılmaz" for m in members)

    for entity in ("meetings", "projects", "contacts"):
        code, out, err = run(capsys, "list", entity, "--db", str(demo_db))
        assert code == 0, err
        count = int(out.strip().splitlines()[-1].split()[0])
        assert count > 0, entity


def test_demo_refuses_to_overwrite(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = demo_db.read_bytes()
    code, _, err = run(capsys, "demo", "--db", str(demo_db), "--members", "5")
    assert code == 2
    assert "existe déjà" in err
    assert demo_db.read_bytes() == before


def test_demo_is_deterministic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listings = []
    for name in ("a.db", "b.db"):
        path = tmp_path / name
        assert main(["demo", "--db", str(path), "--members", "40", "--meetings", "4",
                     "--seed", "7"]) == 0
        capsys.readouterr()
        code, out, _ = run(capsys, "list", "members", "--db", str(path), "--json")
        assert code == 0
        listings.append(json.loads(out))
    assert listings[0] == listings[1]


def test_missing_database_is_a_plain_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "list", "members", "--db", str(tmp_path / "absent.db"))
    assert code == 1
    assert err.startswith("Erreur : La base")
    assert "Traceback" not in err


def test_check_reports_a_damaged_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "abime.db"
    path.write_bytes(b"ceci n'est pas une base" * 50)
    code, out, err = run(capsys, "check", "--db", str(path))
    assert code == 1
    assert "endommagé" in err and "n'a pas été modifié" in err
    assert "Traceback" not in err + out


def test_check_reports_orphan_rows(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    conn = sqlite3.connect(db_path)  # foreign keys are off in this raw connection
    conn.execute(
        "INSERT INTO attendance (meeting_id, person_id, status, proxy_exception, uuid,"
        " created_at, updated_at) VALUES (41, 42, 'present', 0, 'x', '2026-01-01', '2026-01-01')"
    )
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "check", "--db", str(db_path))
    assert code == 1
    assert "orpheline" in err


def test_list_works_while_the_application_has_the_base_open(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    storage = open_storage(db_path)
    try:
        code, out, err = run(capsys, "list", "meetings", "--db", str(db_path))
    finally:
        storage.close()
    assert code == 0, err
    assert out.strip().endswith("0 fiche")


def test_bad_arguments_get_a_french_message(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["list", "planetes"])
    assert caught.value.code == 2
    assert "Erreur : argument invalide" in capsys.readouterr().err


def test_a_bug_is_logged_not_shown(
    db_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from conseil_desktop.services import listing

    def broken(session, entity):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("bug")

    monkeypatch.setattr(listing, "listing", broken)
    code, _, err = run(capsys, "list", "members", "--db", str(db_path))
    assert code == 70
    assert "journal" in err and "Traceback" not in err
    log_text = (data_dir / "logs" / "conseil-desktop.log").read_text(encoding="utf-8")
    assert "ZeroDivisionError" in log_text


def test_module_entry_point_runs(db_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "conseil_desktop", "check", "--db", str(db_path)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "Intégrité : correcte" in result.stdout


def test_db_may_be_given_before_or_after_the_verb(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--db", str(db_path), "check"], ["check", "--db", str(db_path)]):
        code, out, err = run(capsys, *argv)
        assert code == 0, err
        assert str(db_path) in out


def test_a_full_disk_during_demo_is_a_plain_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from conseil_desktop.services import demo

    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(demo, "generate_demo", full)
    code, _, err = run(capsys, "demo", "--db", str(tmp_path / "d.db"), "--members", "5")
    assert code == 1
    assert "disque est plein" in err and "Traceback" not in err


def test_an_unusable_data_folder_is_a_plain_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code = main(["--data-dir", str(blocker / "data"), "check", "--db", str(tmp_path / "x.db")])
    err = capsys.readouterr().err
    assert code == 1
    assert "dossier des données" in err and "Traceback" not in err


def test_demo_force_backs_up_the_base_it_replaces(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from conseil_desktop.db import backup

    code, _, err = run(capsys, "demo", "--db", str(db_path), "--members", "5", "--force")
    assert code == 0, err
    assert [b.reason for b in backup.list_backups(db_path)] == ["avant-demo"]


def test_lists_sort_accented_names_as_a_reader_expects(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from conseil_desktop.services.text import fold

    for entity, key in (("contacts", "name"), ("members", "last_name")):
        code, out, err = run(capsys, "list", entity, "--db", str(demo_db), "--json")
        assert code == 0, err
        names = [row[key] for row in json.loads(out)]
        assert [fold(n) for n in names] == sorted(fold(n) for n in names), entity
    code, out, _ = run(capsys, "list", "projects", "--db", str(demo_db), "--json")
    rows = json.loads(out)
    keys = [(-(r["year"] or 0), fold(r["title"])) for r in rows]
    assert keys == sorted(keys)


def test_help_is_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("utilisation : conseil-desktop")
    assert "affiche cette aide et quitte" in out and "affiche la version" in out
    assert "usage:" not in out and "show this help" not in out
    import argparse

    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]  # left as it was


def test_a_logs_folder_that_cannot_be_made_does_not_stop_a_command(
        db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "donnees"
    data.mkdir()
    (data / "logs").write_text("a file where the logs folder should be")
    code, _out, err = run(capsys, "list", "meetings", "--db", str(db_path),
                          "--data-dir", str(data))
    assert code == 0, err
    assert "Traceback" not in err


@pytest.mark.parametrize("argv", [
    ("export", "minutes", "--meeting", "99999999999999999999999", "-o", "pv.pdf"),
    ("export", "calendar", "--meeting", "-99999999999999999999999", "-o", "a.ics"),
    ("export", "projects", "--year", "99999999999999999999999", "-o", "p.xlsx"),
])
def test_a_number_too_large_is_refused_plainly(
        db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        argv: tuple[str, ...]) -> None:
    with pytest.raises(SystemExit) as caught:
        main([*argv[:-1], str(tmp_path / argv[-1]), "--db", str(db_path)])
    assert caught.value.code == 2
    assert "nombre trop grand" in capsys.readouterr().err
    assert not (tmp_path / argv[-1]).exists()


def test_demo_sizes_are_bounded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.db"
    code, _, err = run(capsys, "demo", "--db", str(path), "--members", "50000000")
    assert code == 2
    assert "au plus 200 000 membres" in err.replace("\u202f", " ")
    assert not path.exists()


@pytest.mark.parametrize("argv", [("list", "members"), ("export", "members", "-o", "m.csv")])
def test_an_empty_file_is_not_turned_into_a_base(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]) -> None:
    empty = tmp_path / "vide.db"
    empty.touch()
    args = [str(tmp_path / a) if a.endswith(".csv") else a for a in argv]
    code, _, err = run(capsys, *args, "--db", str(empty))
    assert code != 0
    assert "fichier vide" in err
    assert empty.stat().st_size == 0
