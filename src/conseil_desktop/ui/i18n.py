"""Translations: Qt's own French strings and ours, French whatever the system locale.

The interface's source strings are English; ``resources/translations`` holds
the French ``.ts`` (kept in git) and the ``.qm`` built from it.
"""

from __future__ import annotations

import importlib.resources
import logging
import re

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

log = logging.getLogger(__name__)

LANGUAGE = "fr"
OUR_CATALOGUE = f"conseil_desktop_{LANGUAGE}.qm"
QT_CATALOGUES = (f"qtbase_{LANGUAGE}",)

# Qt 6 gave a few labels of its own file and print dialogs a mnemonic; qtbase_fr.qm only
# has them without one, so they showed in English. Listed here for lupdate: our
# catalogue, installed after Qt's, translates them.
QT_CATALOGUE_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "Scheduled &printing:"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "&Billing information:"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "Job &priority:"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "&Start:"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "&End:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Page &order:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Pages &per sheet:"),
)

_installed: list[QTranslator] = []


def install_translations(app: QCoreApplication) -> bool:
    """Install the French catalogues once; return False if they already were."""
    if _installed:
        return False
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in QT_CATALOGUES:
        translator = QTranslator(app)
        if translator.load(name, qt_dir):
            _installed.append(translator)
        else:
            log.warning("Qt translation %s not found in %s", name, qt_dir)
    ours = _load_our_catalogue(app)
    if ours is not None:
        _installed.append(ours)
    for translator in _installed:
        app.installTranslator(translator)
    return True


def remove_translations(app: QCoreApplication) -> None:
    while _installed:
        translator = _installed.pop()
        app.removeTranslator(translator)
        translator.deleteLater()


def _load_our_catalogue(app: QCoreApplication) -> QTranslator | None:
    folder = importlib.resources.files("conseil_desktop_resources") / "translations"
    resource = folder / OUR_CATALOGUE
    translator = QTranslator(app)
    with importlib.resources.as_file(resource) as path:
        if path.is_file() and translator.load(str(path)):
            return translator
    log.warning("Translation %s missing: run `make translations`", OUR_CATALOGUE)
    return None


_PLACEHOLDER = re.compile(r"%(\d)")


def fill(template: str, *values: object) -> str:
    """Put ``values`` in a translated text's ``%1``, ``%2``… (one pass, so a value
    containing ``%2`` is left as it is)."""
    return _PLACEHOLDER.sub(lambda match: str(values[int(match[1]) - 1]), template)
