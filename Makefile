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
TEST_DEBS := poppler-utils zbar-tools
# A real window for README screenshots (make screenshot only).
SCREEN_DEBS := xvfb xauth imagemagick libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0

.PHONY: demo test setup lint screenshot bench clean

demo: $(VENV)/.installed .stamp-debs-runtime
	$(BIN)/campaign-studio validate
	$(BIN)/campaign-studio list stats
	$(BIN)/campaign-studio list messages
	$(BIN)/campaign-studio list help
	$(BIN)/campaign-studio list languages

test: $(VENV)/.installed .stamp-debs-runtime .stamp-debs-test
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

setup: $(VENV)/.installed .stamp-debs-runtime .stamp-debs-test

.stamp-debs-runtime: Makefile
	scripts/ensure-debian-packages.sh $(RUNTIME_DEBS)
	@touch $@

.stamp-debs-test: Makefile
	scripts/ensure-debian-packages.sh $(RUNTIME_DEBS) $(QT_DEBS) $(TEST_DEBS)
	@touch $@

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "error: Python 3.11 or newer is needed ($(PYTHON) is $$($(PYTHON) --version))"; exit 1; }
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || scripts/ensure-debian-packages.sh python3-venv
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

screenshot: $(VENV)/.installed .stamp-debs-test
	scripts/ensure-debian-packages.sh $(SCREEN_DEBS)
	xvfb-run -a -s '-screen 0 1600x1000x24' $(BIN)/python scripts/screenshot.py docs/screenshot.png

bench: $(VENV)/.installed .stamp-debs-runtime
	$(BIN)/python bench/render_bench.py

clean:
	rm -rf out .stamp-debs-* .pytest_cache .mypy_cache .ruff_cache
