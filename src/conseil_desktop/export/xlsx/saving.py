"""Saving a write-only workbook sheet by sheet, and leaving nothing behind when it stops.

openpyxl's write-only sheets are written to temporary files (in the system's
temporary folder) as their rows are appended, then compressed into the workbook
by ``save``. A writer stopped midway (the user cancelled, the disk is full)
would leave those files, which hold the document's personal data, until the
application quits: :func:`writing` removes them. :func:`save_workbook` tells
its ``progress`` hook about every sheet it compresses, so that a cancel is heard
while a 2,000-sheet workbook is being saved.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.worksheet import _writer as sheet_writer
from openpyxl.writer.excel import ExcelWriter

from conseil_desktop.progress import OnProgress, Stage, report


@contextmanager
def writing(workbook: Workbook) -> Iterator[Workbook]:
    """Yield ``workbook``; if the block fails, remove its sheets' temporary files."""
    try:
        yield workbook
    except BaseException:
        discard(workbook)
        raise


def discard(workbook: Workbook) -> None:
    """Close the sheets being written and remove their temporary files."""
    for sheet in workbook._sheets:
        rows = getattr(sheet, "_rows", None)
        writer = getattr(sheet, "_writer", None)
        if rows is not None:
            with suppress(Exception):  # cleaning up after a failure: go on regardless
                rows.close()
        if writer is None or not isinstance(writer.out, str):
            continue
        with suppress(Exception):
            writer.close()
        with suppress(OSError):
            os.remove(writer.out)
        with suppress(ValueError):
            sheet_writer.ALL_TEMP_FILES.remove(writer.out)


def save_workbook(workbook: Workbook, path: Path, progress: OnProgress | None = None) -> None:
    """``workbook.save(path)``, reporting :attr:`Stage.SAVING` sheet by sheet; the sheets'
    temporary files are removed whether it succeeds or fails."""
    with writing(workbook):
        if not workbook.worksheets:
            workbook.create_sheet()
        total = len(workbook.worksheets)
        with _ReportingZip(path) as archive:
            workbook.properties.modified = dt.datetime.now(tz=dt.UTC).replace(tzinfo=None)
            writer = _ReportingWriter(workbook, archive, progress, total)
            archive.block = writer.report
            writer.save()


class _ReportingWriter(ExcelWriter):  # type: ignore[misc]  # openpyxl has no type hints
    def __init__(self, workbook: Workbook, archive: ZipFile, progress: OnProgress | None,
                 total: int) -> None:
        super().__init__(workbook, archive)
        self._progress = progress
        self._total = total
        self._done = 0

    def report(self) -> None:
        report(self._progress, Stage.SAVING, self._done, self._total)

    def write_worksheet(self, ws: Any) -> None:
        self.report()
        super().write_worksheet(ws)
        self._done += 1


class _ReportingZip(ZipFile):
    """A zip archive whose files are compressed a megabyte at a time, ``block()`` called
    after each: the matrix of a 2,000-meeting base takes half a second on its own."""

    BLOCK = 1 << 20

    def __init__(self, path: Path) -> None:
        super().__init__(path, "w", ZIP_DEFLATED, allowZip64=True)
        self.block: Callable[[], None] = lambda: None

    def write(self, filename: Any, arcname: Any = None, compress_type: Any = None,
              compresslevel: Any = None) -> None:
        info = ZipInfo.from_file(filename, arcname)
        if info.is_dir():
            super().write(filename, arcname, compress_type, compresslevel)
            return
        info.compress_type = self.compression if compress_type is None else compress_type
        with open(filename, "rb") as source, self.open(info, "w") as target:
            while data := source.read(self.BLOCK):
                target.write(data)
                self.block()
