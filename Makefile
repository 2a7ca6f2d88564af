# Siaga Console: the two commands of the README, and the developers' ones.
#   make run    - install what is missing, open the console on embedded SQLite (demo data)
#   make test   - install what is missing, run every check and test (PostgreSQL included)
#   make bench  - benchmarks (figures printed and written to docs/benchmarks.md)

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test bench lint typecheck translations lupdate system-run system-test venv clean \
        package package-test

run: system-run venv translations
	$(BIN)/siaga-console --demo

test: system-test venv translations lint typecheck
	SIAGA_REQUIRE_PG=1 $(BIN)/pytest

bench: system-test venv translations
	SIAGA_REQUIRE_PG=1 $(BIN)/python -m benchmarks

system-run:
	@bash scripts/setup-system.sh run

system-test:
	@bash scripts/setup-system.sh test

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

translations: $(QM)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# Developers: refresh the .ts files from the sources after changing user-facing strings.
lupdate: venv
	$(BIN)/pyside6-lupdate -silent -no-obsolete -locations none \
	    $$(find siaga_console/ui -name '*.py' | sort) -ts resources/translations/siaga_id.ts

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

typecheck: venv
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache $(QM) packaging/out

# --- The installer (issue 8): PyInstaller bundle + Debian package, see packaging/README.md ---
#   make package       - packaging/out/siaga-console_<version>_<arch>.deb (zstd; COMPRESS=xz smaller)
#   make package-test  - builds, installs, runs, upgrades and removes the .deb (root, slow)
#   make package-bench - bundle/package size and start-up time against the venv
PKG_STAMP := $(VENV)/.package-stamp
COMPRESS ?= zstd

.PHONY: system-package package-bench

system-package:
	@bash scripts/setup-system.sh package

$(PKG_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[package]'
	touch $(PKG_STAMP)

package: system-package venv translations $(PKG_STAMP)
	$(BIN)/python packaging/build_package.py all --compress $(COMPRESS)

package-test: system-package venv translations $(PKG_STAMP)
	SIAGA_PACKAGE_TEST=1 $(BIN)/pytest tests/e2e/test_package.py -v -rs

package-bench: system-package venv translations
	$(BIN)/python -m benchmarks bench_package
