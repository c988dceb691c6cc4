"""Writing a document safely: checked extension, temporary name, atomic rename."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
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
    """Yield a temporary path beside ``path``; rename it to ``path`` on success only."""
    target = path.expanduser().resolve()
    if not target.parent.is_dir():
        raise UserError(f"Le dossier « {target.parent} » n'existe pas.")
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        yield temporary
        os.replace(temporary, target)
    except OSError as exc:
        raise UserError(
            f"Impossible d'écrire « {target} » : {exc.strerror or exc}. Vérifiez que le "
            "fichier n'est pas ouvert dans un autre logiciel et qu'il reste de la place."
        ) from exc
    finally:
        temporary.unlink(missing_ok=True)
