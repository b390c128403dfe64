# The README commands: `make run` (site with the seed pages), `make stop`, and `make test` (the whole suite).
# They create the virtual environment and install on first use, so a fresh machine needs only Python 3.11.
PYTHON_BOOT ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# -qq: errors only (a machine's own pip configuration may add warnings a newcomer cannot act on).
PIP := PIP_DISABLE_PIP_VERSION_CHECK=1 $(PY) -m pip -qq

.PHONY: install run stop test lint check-migrations clean-db

# Only the dependencies, pinned in pyproject.toml: the code runs from this checkout (manage.py, `python -m gunicorn`,
# `python -m pytest` and celery all put it on sys.path), so no editable install and no setuptools warning box.
$(STAMP): pyproject.toml
	@echo "minsheng: installing the pinned dependencies in $(VENV) (first run, a few minutes)"
	@$(PYTHON_BOOT) -m venv $(VENV)
	@$(PIP) install --upgrade pip
	@$(PY) -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; print(*p["dependencies"], *p["optional-dependencies"]["dev"], sep="\n")' > $(VENV)/requirements.txt
	@$(PIP) install -r $(VENV)/requirements.txt
	@touch $(STAMP)

install: $(STAMP)

var/secret_key:
	@mkdir -p var
	@umask 077 && $(PY) -c 'import secrets; print(secrets.token_urlsafe(50))' > var/secret_key

# Ctrl-C stops gunicorn and the embedded PostgreSQL it started (unless a test run still uses it).
run: install
	@PYTHON=$(CURDIR)/$(PY) ./bin/serve

# Whatever `make run` left running from this folder: gunicorn, then the embedded PostgreSQL if nothing uses it.
stop: install var/secret_key
	@$(PY) -m config.lifecycle stop

test: install var/secret_key
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .

clean-db: stop
	rm -rf var/pgdata var/pgdata.lock var/pgdata.holders.json
