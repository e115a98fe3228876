# ESS Desk — every set-up step lives here: `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test lint bench installer translations clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

run: $(STAMP) translations
	$(VENV)/bin/ess-desk

test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check ess_desk ui tests bench
	$(VENV)/bin/ruff format --check ess_desk ui tests bench

bench: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

installer: $(STAMP) translations
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[installer]'
	$(VENV)/bin/pyinstaller --noconfirm --clean build_installer.spec
	QT_QPA_PLATFORM=offscreen dist/ess-desk/ess-desk --version

clean:
	rm -rf build dist .pytest_cache
