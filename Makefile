# Campaign Studio: `make demo` and `make test` set everything up by themselves.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

# Runtime: FriBiDi for Pillow's right-to-left text (raqm loads it from the system).
RUNTIME_DEBS := libfribidi0
# Qt on a headless machine (offscreen platform) for the GUI tests.
QT_DEBS := libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 libx11-6 libxcb1
# Test tools: PDF inspection (pdfinfo, pdffonts, pdftotext, pdftoppm) and QR decoding (zbarimg).
TEST_DEBS := poppler-utils zbar-tools unicode-data libimage-exiftool-perl
# A real browser for the export review page test (Selenium drives it through chromium-driver).
BROWSER_DEBS := chromium chromium-driver
# A real window for README screenshots (make screenshot only).
SCREEN_DEBS := xvfb xauth imagemagick libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0

.PHONY: demo test setup lint screenshot bench survey fuzz clean ui-translations bytecode lock lock-upgrade

CS := $(BIN)/campaign-studio

demo: $(VENV)/.installed .stamp-debs-runtime ui-translations bytecode
	$(CS) validate
	$(CS) list stats
	$(CS) list languages
	@mkdir -p out
	$(CS) export examples/demo-export.yaml -o out/export
	@echo "the designs are in out/export/; review them in out/export/index.html"

test: $(VENV)/.installed .stamp-debs-runtime .stamp-debs-test ui-translations bytecode
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

setup: $(VENV)/.installed .stamp-debs-runtime .stamp-debs-test ui-translations bytecode

# Our own modules compiled to bytecode, as an installation does: with an editable install and
# PYTHONDONTWRITEBYTECODE set (CI, containers) every command would otherwise compile every module it
# imports, about 40 % of a command's start-up. Stale .pyc files are recompiled by Python, never trusted.
bytecode: $(VENV)/.installed
	$(BIN)/python -m compileall -q campaign_studio main.py

# The interface's Qt translations: build/translations/*.qm from translations/qt/*.ts (pyside6-lrelease;
# built, never committed). scripts/update_ui_translations.sh extracts new strings into the .ts files.
ui-translations: $(VENV)/.installed
	$(BIN)/python -m campaign_studio.gui.i18n

.stamp-debs-runtime: Makefile
	scripts/ensure-debian-packages.sh $(RUNTIME_DEBS)
	@touch $@

.stamp-debs-test: Makefile
	scripts/ensure-debian-packages.sh $(RUNTIME_DEBS) $(QT_DEBS) $(TEST_DEBS) $(BROWSER_DEBS)
	@touch $@

$(VENV)/.installed: pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "error: Python 3.11 or newer is needed ($(PYTHON) is $$($(PYTHON) --version))"; exit 1; }
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || scripts/ensure-debian-packages.sh python3-venv
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e '.[test]'
	@touch $@

# requirements.lock from pyproject.toml (uv, installed into the venv for this): `lock` keeps the versions
# installed now and pins new dependencies; `lock-upgrade` takes the newest. Then: make test, and
# python scripts/golden_hashes.py --write when the drawing libraries changed.
LOCK_HEADER := '\# Exact versions of every dependency (and theirs) that the tests ran with: make setup installs these,\n\# so a fresh machine draws the same bytes (tests/render/test_golden_hashes.py). Regenerate with\n\# '"'"'make lock'"'"' (keeps the installed versions, adds new dependencies) or '"'"'make lock-upgrade'"'"' (newest).'
lock lock-upgrade: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet uv
	@mkdir -p build
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^uv==' > build/installed.txt
	{ printf $(LOCK_HEADER)'\n'; $(BIN)/uv pip compile pyproject.toml --extra test --python-version 3.11 --universal \
	  $(if $(filter lock,$@),-c build/installed.txt) --no-annotate --no-header -q; } > requirements.lock

screenshot: $(VENV)/.installed .stamp-debs-test ui-translations
	scripts/ensure-debian-packages.sh $(SCREEN_DEBS)
	xvfb-run -a -s '-screen 0 1600x1000x24' $(CS) gui --screenshot docs/screenshot.png

bench: $(VENV)/.installed .stamp-debs-runtime
	$(BIN)/python bench/render_bench.py
	$(BIN)/python bench/survey.py
	$(BIN)/python bench/check_bench.py
	$(BIN)/python bench/export_bench.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/gui_bench.py

# How every template × format × language × brand uses its page (dropped slots, holes, type scale).
survey: $(VENV)/.installed .stamp-debs-runtime
	$(BIN)/python bench/survey.py

# The CLI fuzz test for longer than CI runs it: a time budget (or FUZZ_RUNS cases per reader) and a new seed;
# --runxfail shows the failures of readers marked as known too.
FUZZ_SECONDS ?= 600
FUZZ_SEED ?= random
fuzz: $(VENV)/.installed .stamp-debs-runtime
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_SEED=$(FUZZ_SEED) QT_QPA_PLATFORM=offscreen \
	  $(BIN)/pytest -p no:cacheprovider -s --runxfail tests/fuzz/test_fuzz_cli.py

clean:
	rm -rf out .stamp-debs-* .pytest_cache .mypy_cache .ruff_cache
