# Dateline — `make run` starts the app on the bundled gallery; `make test` runs lint and the whole suite.
# Both set up .venv from requirements.lock first (again whenever the lock or pyproject changes).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint typecheck unit e2e bench-smoke packaging-check bundle lock clean screenshots help

help:
	@echo "make run       set up .venv from the lock file and start Dateline on the bundled gallery"
	@echo "make test      set up, then ruff, import contracts, mypy and the whole test suite headless (Xvfb for e2e)"
	@echo "make bundle    build the one-folder PyInstaller app in dist/ and smoke-test it"
	@echo "make lock      re-resolve requirements.lock from pyproject.toml (needs network)"

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

run: $(STAMP)
	@# bytecode as an installed copy has it, even where PYTHONDONTWRITEBYTECODE is set (only changed modules)
	-@$(BIN)/python -m compileall -q gallery_app >/dev/null  # a read-only checkout still runs
	./tools/run-app.sh

test: $(STAMP) lint typecheck
	./tools/ensure-test-deps.sh
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider
	./packaging/check.sh
	$(BIN)/python bench/smoke.py

lint: $(STAMP)
	$(BIN)/ruff check gallery_app tests bench packaging
	$(BIN)/ruff format --check gallery_app tests bench packaging
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

bundle: $(STAMP)
	./packaging/build_bundle.sh

lock:
	$(PYTHON) -m pip install --quiet uv
	rm -f requirements.lock
	$(PYTHON) -m uv pip compile pyproject.toml --extra dev --generate-hashes --override tools/lock-overrides.txt \
	  --python-version 3.11 --python-platform x86_64-manylinux_2_36 -o requirements.lock
	rm -f packaging/bundle-requirements.lock
	echo "pyinstaller==6.22.3" | $(PYTHON) -m uv pip compile - --generate-hashes \
	  --python-version 3.11 --python-platform x86_64-manylinux_2_36 -o packaging/bundle-requirements.lock

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache
