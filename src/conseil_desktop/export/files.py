"""Writing a document safely: checked extension, temporary name, atomic rename."""

from __future__ import annotations

import errno
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from conseil_desktop.errors import InvalidInputError, UserError


def output_format(path: Path, allowed: tuple[str, ...], what: str) -> str:
    """The lower-case extension of ``path`` (``"xlsx"``), if ``allowed`` for ``what``."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in allowed:
        choices = (", ".join(f".{ext}" for ext in allowed[:-1]) + f" ou .{allowed[-1]}"
                   if len(allowed) > 1 else f".{allowed[0]}")
        given = f"« .{suffix} »" if suffix else "un fichier sans extension"
        raise InvalidInputError(
            f"Impossible d'exporter {what} vers {given} : choisissez un fichier {choices}."
        )
    return suffix


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it to ``path`` on success only.

    The temporary file is created before anything is written: a folder that
    does not exist or cannot be written is told at once, before a writer
    (openpyxl) has half-built its document, and as the user's choice of output
    (``InvalidInputError``, exit code 2), not as a failure of the machine.
    """
    target = path.expanduser().resolve()
    if not target.parent.is_dir():
        raise InvalidInputError(f"Le dossier « {target.parent} » n'existe pas.")
    if target.is_dir():
        raise InvalidInputError(
            f"« {target} » est un dossier : donnez un nom de fichier, par exemple "
            f"« {target / ('document' + target.suffix)} ».")
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        try:
            temporary.touch(exist_ok=False)
        except OSError as exc:
            raise InvalidInputError(
                f"Impossible d'écrire dans le dossier « {target.parent} » : "
                f"{_reason(exc)}. Choisissez un autre dossier.") from exc
        yield temporary
        os.replace(temporary, target)
    except OSError as exc:
        raise UserError(
            f"Impossible d'écrire « {target} » : {_reason(exc)}. Vérifiez que le "
            "fichier n'est pas ouvert dans un autre logiciel et qu'il reste de la place."
        ) from exc
    finally:
        with suppress(OSError):  # a read-only folder refuses even this: keep the real reason
            temporary.unlink(missing_ok=True)


def _reason(exc: OSError) -> str:
    """The system's reason in French for the usual cases, else as the system says it."""
    if isinstance(exc, PermissionError):
        return "accès refusé"
    if exc.errno == errno.ENOSPC:
        return "le disque est plein"
    if exc.errno == errno.EROFS:
        return "le support est en lecture seule"
    return str(exc.strerror or exc)
