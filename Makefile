# The two README commands: `make run` (site with the seed pages) and `make test` (the whole suite).
# Both create the virtual environment and install on first use, so a fresh machine needs only Python 3.11.
PYTHON_BOOT ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install run test lint check-migrations clean-db

$(STAMP): pyproject.toml
	$(PYTHON_BOOT) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

var/secret_key:
	mkdir -p var
	umask 077 && $(PY) -c 'import secrets; print(secrets.token_urlsafe(50))' > var/secret_key

run: install
	PYTHON=$(CURDIR)/$(PY) ./bin/serve

test: install var/secret_key
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .

clean-db:
	rm -rf var/pgdata
