# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
# Two commands set up everything on a fresh machine: `make demo` and `make test`.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_WORKERS ?= 2

.PHONY: install demo test lint typecheck test-sqlite test-postgres test-browser system-packages check-programs node-packages docs clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/python scripts/compile_messages.py
	touch $(STAMP)

demo: install
	$(BIN)/kompas demo

# Debian packages the tests need: PostgreSQL (server), Chromium (browser tests), poppler (pdftotext).
system-packages:
	@missing=""; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	if [ -n "$$missing" ] && [ "$$(id -u)" = "0" ]; then \
	  echo "Debian-pakketten installeren:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi
	@$(MAKE) --no-print-directory check-programs

# Programs the tests call (program:Debian package); fails with one Dutch line naming what is missing.
PROGRAMS := pdftotext:poppler-utils pdffonts:poppler-utils pdftoppm:poppler-utils chromium:chromium initdb:postgresql

check-programs:
	@missing=""; \
	for entry in $(PROGRAMS); do \
	  program=$${entry%%:*}; package=$${entry#*:}; found=""; \
	  command -v $$program >/dev/null 2>&1 && found=1; \
	  for path in /usr/lib/postgresql/*/bin/$$program; do [ -x "$$path" ] && found=1; done; \
	  case " $$missing " in *" $$package "*) found=1;; esac; \
	  [ -n "$$found" ] || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "De tests hebben programma's nodig die ontbreken. Installeer de Debian-pakketten:$$missing (als root: make system-packages)." >&2; \
	  exit 1; \
	fi

node-packages: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --silent

lint: install
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

typecheck: install
	$(BIN)/mypy

test-sqlite: install system-packages
	@echo "== pytest: SQLite =="
	DATABASE_URL=sqlite:///var/test.sqlite3 $(BIN)/pytest -m "not browser" -n $(PYTEST_WORKERS) --dist loadgroup -p no:cacheprovider

test-postgres: install system-packages
	@echo "== pytest: PostgreSQL =="
	scripts/with-postgres.sh $(BIN)/pytest -m "not browser" -n $(PYTEST_WORKERS) --dist loadgroup -p no:cacheprovider

test-browser: install system-packages node-packages
	@echo "== pytest: browsertests (Chromium, Playwright) =="
	DATABASE_URL=sqlite:///var/test-browser.sqlite3 $(BIN)/pytest -m browser -p no:cacheprovider

test: lint typecheck test-sqlite test-postgres test-browser

docs: install
	$(BIN)/kompas docs

clean:
	rm -rf $(VENV) node_modules var .mypy_cache .ruff_cache .pytest_cache
