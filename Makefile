# Conseil Desktop: `make run` starts the application, `make test` runs the tests.
# Both create .venv if missing, install the project, check Qt's system
# libraries and build the translations first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)
ARGS ?=

.PHONY: run test setup translations lupdate bench smoke clean lint

run: setup
	@$(BIN)/python scripts/check_qt_libs.py --gui
	$(BIN)/conseil-desktop $(ARGS)

test: setup
	@$(BIN)/python scripts/check_qt_libs.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(ARGS)

setup: $(STAMP) $(QM)

# Style and common mistakes (rules in pyproject.toml, [tool.ruff]).
lint: setup
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check ruff
	$(BIN)/ruff check src tests benchmarks scripts

$(STAMP): pyproject.toml setup.py
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 ou plus récent est nécessaire (trouvé : " + sys.version.split()[0] + ").")'
	@$(BIN)/python -m pip --version >/dev/null 2>&1 || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); } || { echo "Impossible de créer l'environnement Python : installez python3-venv (sudo apt-get install python3-venv)."; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
	@touch $(STAMP)

# .ts files are the sources kept in git; .qm files are built.
resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

# Refresh the .ts from the source (then translate the new entries).
lupdate: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $$(find src/conseil_desktop/ui src/conseil_desktop/app.py -name '*.py') -ts $(TS)

bench: setup
	$(BIN)/python benchmarks/run_all.py

smoke: setup
	$(BIN)/conseil-desktop demo --db /tmp/conseil-smoke.db --members 300 --meetings 40 --seed 1
	$(BIN)/conseil-desktop check --db /tmp/conseil-smoke.db
	QT_QPA_PLATFORM=offscreen $(BIN)/conseil-desktop --db /tmp/conseil-smoke.db --smoke-test

clean:
	rm -rf $(VENV) build dist src/*.egg-info $(QM)
