"""Files -> rows of cells: spreadsheets (.xlsx, .xls, .ods) and text tables (CSV, TXT).

The kind of a file is read from its first bytes, not its name, so a PNG or a
PDF renamed ``.xlsx`` is refused plainly. Zipped formats (.xlsx, .ods) are
checked with :mod:`zipfile` before python-calamine opens them: a damaged
archive, or one that would expand past :data:`MAX_UNCOMPRESSED` bytes or
:data:`MAX_RATIO` times its size (a "zip bomb"), is refused. Text is decoded
by its BOM, else as strict UTF-8, else as Windows-1252 when that reads as
French, else as charset-normalizer guesses; the separator (``;``, ``,`` or
tab) is the one that cuts the first lines most regularly. Every problem is
an :class:`InvalidInputError` in French; rows keep their line numbers.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services.importing.encodings import decode_text
from conseil_desktop.services.importing.headers import HEADER_SCAN_ROWS, find_header_row
from conseil_desktop.services.importing.values import Cell
from conseil_desktop.services.text import fold

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100
RATIO_CHECK_FROM = 1024 * 1024  # below this, even a high ratio is harmless
MAX_ROWS = 200_000
MAX_COLUMNS = 500
DELIMITERS = (";", ",", "\t")

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

Rows = list[list[Cell]]
_T = TypeVar("_T")


class FileKind(StrEnum):
    XLSX = "xlsx"
    XLS = "xls"
    ODS = "ods"
    TEXT = "csv"


FILE_KIND_LABELS = {
    FileKind.XLSX: "classeur Excel (.xlsx)",
    FileKind.XLS: "classeur Excel 97-2003 (.xls)",
    FileKind.ODS: "classeur OpenDocument (.ods)",
    FileKind.TEXT: "texte (CSV)",
}

_NOT_A_TABLE = (
    (b"%PDF", "un document PDF"),
    (b"\x89PNG", "une image PNG"),
    (b"\xff\xd8\xff", "une image JPEG"),
    (b"GIF8", "une image GIF"),
    (b"\x1f\x8b", "une archive compressée (gzip)"),
    (b"Rar!", "une archive RAR"),
    (b"7z\xbc\xaf", "une archive 7-Zip"),
    (b"{\\rtf", "un document RTF"),
)
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class Table:
    """One sheet of a file, as rows of cells (row ``i`` is line ``i + 1``)."""

    path: Path
    kind: FileKind
    sheet: str
    sheet_names: tuple[str, ...]
    rows: Rows
    encoding: str | None = None
    delimiter: str | None = None


def read_table(path: str | Path, sheet: str | None = None) -> Table:
    """Read the asked sheet, or the first one with a recognisable header row."""
    file = Path(path)
    data = _read_bytes(file)
    kind = detect_kind(file, data)
    if kind is FileKind.TEXT:
        if sheet is not None:
            raise InvalidInputError(
                f"« {file.name} » est un fichier texte, sans feuilles : retirez l'option --sheet."
            )
        return _read_text(file, data)
    return _read_workbook(file, kind, sheet)


def _read_bytes(file: Path) -> bytes:
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InvalidInputError(
                f"Le fichier « {file.name} » est trop gros ({size // 1_048_576} Mo ; "
                f"au plus {MAX_FILE_BYTES // 1_048_576} Mo)."
            )
        data = file.read_bytes()
    except FileNotFoundError as exc:
        raise InvalidInputError(f"Le fichier « {file} » n'existe pas.") from exc
    except IsADirectoryError as exc:
        raise InvalidInputError(f"« {file} » est un dossier, pas un fichier.") from exc
    except OSError as exc:
        raise InvalidInputError(f"Impossible de lire « {file.name} » : {exc.strerror}.") from exc
    if not data.strip():
        raise InvalidInputError(f"Le fichier « {file.name} » est vide.")
    return data


def detect_kind(file: Path, data: bytes) -> FileKind:
    """The format, from the content; refuse what is not a table."""
    for magic, what in _NOT_A_TABLE:
        if data.startswith(magic):
            raise _not_a_spreadsheet(file, what)
    if data.startswith(_ZIP_MAGIC):
        return _check_zip(file)
    if data.startswith(_OLE_MAGIC):
        return FileKind.XLS
    head = data[:512].lstrip().lower()
    if head.startswith((b"<html", b"<!doctype html", b"<table", b"<?xml")):
        raise _not_a_spreadsheet(
            file, "une page web ou un fichier XML, pas un vrai classeur (ouvrez-le dans votre "
            "tableur puis enregistrez-le au format .xlsx)"
        )
    return FileKind.TEXT


def _not_a_spreadsheet(file: Path, what: str) -> InvalidInputError:
    return InvalidInputError(
        f"Le fichier « {file.name} » n'est pas un tableau lisible : c'est {what}. "
        "Formats acceptés : .xlsx, .xls, .ods, .csv, .txt."
    )


def _check_zip(file: Path) -> FileKind:
    """.xlsx or .ods, once the archive is known to be whole and of sane size."""
    try:
        with zipfile.ZipFile(file) as archive:
            infos = archive.infolist()
            _refuse_bomb(file, infos)
            names = {info.filename for info in infos}
            mimetype = archive.open("mimetype").read(200) if "mimetype" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        raise InvalidInputError(
            f"Le fichier « {file.name} » est endommagé ou incomplet (copie interrompue ?) : "
            "il ne peut pas être lu. Ouvrez-le dans votre tableur et enregistrez-le à nouveau."
        ) from exc
    if b"opendocument.spreadsheet" in mimetype:
        return FileKind.ODS
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        return FileKind.XLSX
    if "word/document.xml" in names or b"opendocument.text" in mimetype:
        raise _not_a_spreadsheet(file, "un document de traitement de texte")
    raise _not_a_spreadsheet(file, "une archive ZIP")


def _refuse_bomb(file: Path, infos: list[zipfile.ZipInfo]) -> None:
    expanded = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos)
    too_big = expanded > MAX_UNCOMPRESSED
    too_dense = expanded > RATIO_CHECK_FROM and expanded > MAX_RATIO * max(packed, 1)
    if too_big or too_dense:
        raise InvalidInputError(
            f"Le fichier « {file.name} » se décompresse en {expanded // 1_048_576} Mo "
            f"(à partir de {max(packed, 1) // 1024} Ko) : c'est anormal pour une liste de "
            "membres, il n'est pas ouvert par précaution."
        )


# --- spreadsheets ----------------------------------------------------------------------


def _calamine_error(file: Path, exc: BaseException) -> InvalidInputError:
    import python_calamine

    if isinstance(exc, python_calamine.PasswordError) or "password" in str(exc).lower():
        return InvalidInputError(
            f"Le classeur « {file.name} » est protégé par un mot de passe : enregistrez-en une "
            "copie sans mot de passe, puis importez cette copie."
        )
    return InvalidInputError(
        f"Le classeur « {file.name} » est endommagé ou n'est pas un vrai classeur : il ne "
        "peut pas être lu. Ouvrez-le dans votre tableur et enregistrez-le à nouveau."
    )


def _guarded(file: Path, read: Callable[[], _T]) -> _T:
    """Run a python-calamine call; its errors (and Rust panics) become plain messages."""
    try:
        return read()
    except Exception as exc:
        raise _calamine_error(file, exc) from exc
    except BaseException as exc:
        if type(exc).__name__ != "PanicException":  # pyo3's, derived from BaseException
            raise
        raise _calamine_error(file, exc) from exc


def _read_workbook(file: Path, kind: FileKind, wanted: str | None) -> Table:
    import python_calamine

    workbook = _guarded(file, lambda: python_calamine.CalamineWorkbook.from_path(str(file)))
    try:
        names = tuple(_guarded(file, lambda: list(workbook.sheet_names)))
        if not names:
            raise InvalidInputError(f"Le classeur « {file.name} » ne contient aucune feuille.")

        def rows_of(name: str, limit: int | None = None) -> Rows:
            return _sheet_rows(file, workbook, name, limit)

        name = _pick_sheet(file, names, wanted, rows_of)
        return Table(file, kind, name, names, rows_of(name))
    finally:
        workbook.close()


def _sheet_rows(file: Path, workbook: CalamineWorkbook, name: str, limit: int | None) -> Rows:
    sheet = _guarded(file, lambda: workbook.get_sheet_by_name(name))
    if limit is None and (sheet.height > MAX_ROWS or sheet.width > MAX_COLUMNS):
        raise InvalidInputError(
            f"La feuille « {name} » de « {file.name} » est trop grande ({sheet.height} lignes, "
            f"{sheet.width} colonnes ; au plus {MAX_ROWS} lignes et {MAX_COLUMNS} colonnes)."
        )
    rows = _guarded(file, lambda: sheet.to_python(skip_empty_area=False, nrows=limit))
    return [list(row) for row in rows]


def _pick_sheet(
    file: Path, names: tuple[str, ...], wanted: str | None,
    rows_of: Callable[[str, int | None], Rows],
) -> str:
    if wanted is not None:
        for name in names:
            if name == wanted or fold(name) == fold(wanted):
                return name
        listed = ", ".join(f"« {name} »" for name in names)
        raise InvalidInputError(
            f"Le classeur « {file.name} » n'a pas de feuille « {wanted} ». "
            f"Feuilles présentes : {listed}."
        )
    for name in names:
        if find_header_row(rows_of(name, HEADER_SCAN_ROWS)) is not None:
            return name
    return names[0]  # the plan then says that no column was recognised


# --- text tables ---------------------------------------------------------------------


def _read_text(file: Path, data: bytes) -> Table:
    text, encoding = decode_text(file.name, data)
    delimiter = detect_delimiter(text)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        rows: Rows = [list[Cell](row) for row in reader]
    except csv.Error as exc:
        raise InvalidInputError(
            f"Le fichier « {file.name} » n'est pas un tableau texte lisible ({exc})."
        ) from exc
    if len(rows) > MAX_ROWS:
        raise InvalidInputError(
            f"Le fichier « {file.name} » a trop de lignes ({len(rows)} ; au plus {MAX_ROWS})."
        )
    return Table(file, FileKind.TEXT, file.stem, (file.stem,), rows, encoding, delimiter)


def detect_delimiter(text: str, sample_lines: int = 50) -> str:
    """The separator that gives the most lines the same number (> 1) of cells."""
    lines = text.splitlines()[:sample_lines]
    sample = "\n".join(line for line in lines if line.strip())
    best, best_score = DELIMITERS[0], (0, 0)
    for delimiter in DELIMITERS:
        try:
            widths = [len(row) for row in csv.reader(io.StringIO(sample), delimiter=delimiter)]
        except csv.Error:
            continue
        regular = Counter(width for width in widths if width > 1).most_common(1)
        if regular:
            width, lines_of_that_width = regular[0]
            score = (lines_of_that_width, width)
            if score > best_score:
                best, best_score = delimiter, score
    return best
