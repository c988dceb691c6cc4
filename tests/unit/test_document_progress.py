"""Long documents tell their progress to a plain callable, and a cancel it raises stops
them at once, leaving no file: neither the target, nor the temporary beside it, nor
openpyxl's per-sheet temporary files (they hold the names of the people invited)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from conseil_desktop.db.engine import Storage, open_readonly
from conseil_desktop.export.members_export import export_members
from conseil_desktop.export.xlsx.attendance import write_attendance_workbook
from conseil_desktop.progress import Cancelled, Stage
from conseil_desktop.services import attendance_matrix
from conseil_desktop.services.attendance_matrix import (
    AttendanceWorkbookData,
    attendance_workbook_data,
)
from conseil_desktop.services.demo import generate_demo
from conseil_desktop.services.member_rows import MemberTable, choose_columns

TODAY = date(2026, 11, 25)
Call = tuple[Stage, int, int]


@pytest.fixture
def council(storage: Storage, db_path: Path) -> Path:
    generate_demo(storage, members=150, meetings=30, seed=5, today=TODAY)
    storage.close(backup=False)
    return db_path


@pytest.fixture(autouse=True)
def openpyxl_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """openpyxl's temporary files go to a folder of this test's own."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def read(db: Path, year: int | None = None,
         progress: Callable[[Stage, int, int], None] | None = None) -> AttendanceWorkbookData:
    with open_readonly(db) as opened, opened.session_scope() as s:
        return attendance_workbook_data(s, year, progress)


class Recorder:
    """A progress hook that records its calls, and raises Cancelled at the first call of
    ``stop_at`` (after ``skip`` of them) as the interface's hook does once cancelled."""

    def __init__(self, stop_at: Stage | None = None, skip: int = 0) -> None:
        self.calls: list[Call] = []
        self.stop_at, self.skip = stop_at, skip

    def __call__(self, stage: Stage, done: int, total: int) -> None:
        self.calls.append((stage, done, total))
        if stage is self.stop_at:
            if self.skip == 0:
                raise Cancelled
            self.skip -= 1

    def of(self, stage: Stage) -> list[Call]:
        return [c for c in self.calls if c[0] is stage]


def stages_in_order(calls: list[Call]) -> list[Stage]:
    order: list[Stage] = []
    for stage, _done, _total in calls:
        if not order or order[-1] is not stage:
            order.append(stage)
    return order


def sheets_of(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    book = load_workbook(path, read_only=True)
    try:
        return {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}
    finally:
        book.close()


def leftovers(*folders: Path) -> list[Path]:
    return [p for folder in folders for p in folder.iterdir()]


# --- the attendance workbook --------------------------------------------------------------


def test_reading_the_attendance_reports_its_progress_and_gives_the_same_data(
        council: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = read(council)
    monkeypatch.setattr(attendance_matrix, "FETCH", 100)  # fetched and grouped in chunks
    hook = Recorder()
    reported = read(council, None, hook)
    assert reported == plain
    done = [d for _stage, d, _total in hook.calls]
    assert {c[0] for c in hook.calls} == {Stage.READING} and {c[2] for c in hook.calls} == {100}
    assert done == sorted(done) and done[0] == 0 and done[-1] >= 90
    assert len(done) > 10, "the invitations are fetched and grouped a chunk at a time"


def test_a_cancel_while_reading_stops_the_reading(council: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(attendance_matrix, "FETCH", 100)
    hook = Recorder(Stage.READING, skip=3)
    with pytest.raises(Cancelled):
        read(council, None, hook)
    assert len(hook.calls) == 4, "nothing more once it raised"


def test_the_attendance_workbook_reports_rows_sheets_and_saving(
        council: Path, tmp_path: Path, openpyxl_temp: Path) -> None:
    data = read(council)
    quiet, told = tmp_path / "quiet.xlsx", tmp_path / "told.xlsx"
    write_attendance_workbook(quiet, data)
    hook = Recorder()
    write_attendance_workbook(told, data, hook)
    assert sheets_of(told) == sheets_of(quiet), "the hook changes nothing in the workbook"
    assert stages_in_order(hook.calls) == [Stage.MEMBERS, Stage.SHEETS, Stage.SAVING]
    meetings, sheets = len(data.meetings), 3 + len(data.meetings)
    assert [c[1] for c in hook.of(Stage.SHEETS)] == list(range(meetings + 1))
    assert {c[2] for c in hook.of(Stage.SHEETS)} == {meetings}
    assert hook.of(Stage.MEMBERS)[0] == (Stage.MEMBERS, 0, len(data.members))
    assert hook.of(Stage.MEMBERS)[-1][1] == len(data.members)
    saved = [c[1] for c in hook.of(Stage.SAVING)]
    assert set(saved) == set(range(sheets)) and saved == sorted(saved)
    assert leftovers(openpyxl_temp) == []


@pytest.mark.parametrize(("stage", "skip"), [(Stage.MEMBERS, 0), (Stage.SHEETS, 5),
                                             (Stage.SAVING, 0), (Stage.SAVING, 4)])
def test_a_cancel_stops_the_attendance_workbook_and_leaves_no_file(
        council: Path, tmp_path: Path, openpyxl_temp: Path, stage: Stage, skip: int) -> None:
    data = read(council)
    out = tmp_path / "out"
    out.mkdir()
    hook = Recorder(stage, skip)
    with pytest.raises(Cancelled):
        write_attendance_workbook(out / "presences.xlsx", data, hook)
    assert hook.calls[-1][0] is stage, "it stopped where it was cancelled"
    if stage is Stage.SHEETS:
        assert hook.calls[-1][1] == 5, "no sheet written after the cancel"
    assert leftovers(out) == [], "neither the workbook nor its temporary"
    assert leftovers(openpyxl_temp) == [], "no sheet's temporary file either"


# --- the members register -----------------------------------------------------------------


def register(rows: int) -> MemberTable:
    columns = choose_columns(["last_name", "first_name", "joined_on"])
    return MemberTable(columns, [(f"Nom {n}", "Prénom", date(2026, 1, 1))
                                 for n in range(rows)])


@pytest.mark.parametrize(("kind", "stages"), [
    ("xlsx", [Stage.MEMBERS, Stage.SAVING]),
    ("csv", [Stage.MEMBERS]),
    ("pdf", [Stage.MEMBERS, Stage.PAGES, Stage.SAVING]),
])
def test_the_members_register_reports_its_rows(tmp_path: Path, kind: str,
                                               stages: list[Stage]) -> None:
    count = 12_000 if kind != "pdf" else 4_500
    hook = Recorder()
    out = tmp_path / f"membres.{kind}"
    export_members(register(count), out, council_name="Conseil", today=TODAY, progress=hook)
    assert stages_in_order(hook.calls) == stages
    rows = [c[1] for c in hook.of(Stage.MEMBERS)]
    assert rows == sorted(rows) and rows[-1] >= count - 2_000 and len(rows) >= 3
    assert {c[2] for c in hook.of(Stage.MEMBERS)} == {count}
    if kind == "xlsx":
        assert len(sheets_of(out)["Membres"]) == count + 1
    if kind == "pdf":
        pages = len(PdfReader(out).pages)
        assert [c[1] for c in hook.of(Stage.PAGES)] == list(range(pages))


@pytest.mark.parametrize(("kind", "stage", "skip"), [
    ("xlsx", Stage.MEMBERS, 3), ("xlsx", Stage.SAVING, 0), ("csv", Stage.MEMBERS, 1),
    ("pdf", Stage.MEMBERS, 1), ("pdf", Stage.PAGES, 2), ("pdf", Stage.SAVING, 0),
])
def test_a_cancel_stops_the_members_register_and_leaves_no_file(
        tmp_path: Path, openpyxl_temp: Path, kind: str, stage: Stage, skip: int) -> None:
    out = tmp_path / "out"
    out.mkdir()
    hook = Recorder(stage, skip)
    with pytest.raises(Cancelled):
        export_members(register(12_000 if kind != "pdf" else 4_500), out / f"membres.{kind}",
                       council_name="Conseil", today=TODAY, progress=hook)
    assert hook.calls[-1][0] is stage
    assert leftovers(out) == [] and leftovers(openpyxl_temp) == []
