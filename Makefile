# ESS Desk — every set-up step lives here: `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test lint bench installer translations ts clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

# Refresh the .ts sources from the code (French source strings; translations are kept).
ts: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $$(find ui -name '*.py' | sort) -locations none -no-obsolete \
		-source-language fr_FR -target-language en_GB -ts resources/translations/ess_desk_en.ts

run: $(STAMP) translations
	$(VENV)/bin/ess-desk

test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check ess_desk ui tests bench
	$(VENV)/bin/ruff format --check ess_desk ui tests bench
	$(VENV)/bin/lint-imports

bench: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

SMOKE_ENV = HOME=$(CURDIR)/build/smoke XDG_CONFIG_HOME=$(CURDIR)/build/smoke/config XDG_DATA_HOME=$(CURDIR)/build/smoke/data

installer: $(STAMP) translations
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[installer]'
	$(VENV)/bin/pyinstaller --noconfirm --clean build_installer.spec
	QT_QPA_PLATFORM=offscreen dist/ess-desk/ess-desk --version
	@# The bundle also runs the core (demo, check) and paints its window, in a scratch home.
	rm -rf build/smoke && mkdir -p build/smoke
	env $(SMOKE_ENV) dist/ess-desk/ess-desk --db build/smoke/demo.sqlite demo
	env $(SMOKE_ENV) dist/ess-desk/ess-desk --db build/smoke/demo.sqlite check
	env $(SMOKE_ENV) QT_QPA_PLATFORM=offscreen dist/ess-desk/ess-desk --db build/smoke/demo.sqlite --quit-after-start

clean:
	rm -rf build dist .pytest_cache
