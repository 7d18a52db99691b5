# Vrijhaven: `make demo` runs the whole platform on embedded defaults; `make test` runs every
# test against real PostgreSQL, Redis, Elasticsearch and Chromium, which it installs and starts.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.9
PORT ?= 8000
FRONTEND_PORT ?= 3000
# The demo's publish webhook to the citizen site (revalidation); production sets its own secret.
DEMO_WEBHOOK_SECRET ?= vrijhaven-demo-webhook-secret
FRONTEND_STAMP := frontend/node_modules/.installed
FRONTEND_BUILD := frontend/dist/server/entry.mjs
# Astro must not phone home from a city's machines or CI.
export ASTRO_TELEMETRY_DISABLED := 1
SERVICES_ENV := var/test-services/env
# The cluster run's own services (tests/services/start.sh with three Elasticsearch nodes).
CLUSTER_STATE := var/test-cluster

.PHONY: setup demo test test-unit test-integration test-cluster bench lock services-up services-down clean

## setup: idempotent install of the Python environment (.venv/), the front end (npm ci, build) and system packages tests need
setup: $(VENV)/.synced $(FRONTEND_BUILD)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(UV): $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: requirements.lock $(UV)
	$(UV) pip sync --quiet --python $(PY) requirements.lock
	touch $@

# npm ci only when package-lock.json changed since the last install (the stamp is newer otherwise).
$(FRONTEND_STAMP): frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	touch $@

$(FRONTEND_BUILD): $(FRONTEND_STAMP) frontend/astro.config.mjs frontend/tsconfig.json $(shell find frontend/src frontend/public -type f 2>/dev/null)
	cd frontend && npm run build
	touch $@

## lock: re-resolve requirements.lock from pyproject.toml (run after changing dependencies)
lock: $(UV)
	$(UV) pip compile --quiet pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

## demo: migrate, seed the Ghent demo site, import the policy note, serve the API and admin on
## http://localhost:$(PORT)/ and the citizen site on http://localhost:$(FRONTEND_PORT)/ (Ctrl-C stops both)
demo: setup
	@echo "Database: applying migrations ..."
	$(PY) manage.py migrate --no-input --verbosity 0
	$(PY) manage.py seed_demo
	$(PY) manage.py import_policy_note --verbosity 0 cms/importers/policy_note/data/communicatie_en_merkbeleid_2021.txt
	$(PY) manage.py demo_searches
	VRIJHAVEN_WEBHOOK_SECRET=$(DEMO_WEBHOOK_SECRET) $(PY) manage.py webhook_endpoint "Stadswebsite (demo)" \
	  http://localhost:$(FRONTEND_PORT)/api/revalidate
	@echo "Admin: http://localhost:$(PORT)/admin/  (demo accounts: see README.md)"
	@echo "Citizen site: http://localhost:$(FRONTEND_PORT)/"
	(cd frontend && VRIJHAVEN_API_URL=$${VRIJHAVEN_API_URL:-http://localhost:$(PORT)} HOST=0.0.0.0 PORT=$(FRONTEND_PORT) \
	  VRIJHAVEN_WEBHOOK_SECRET=$(DEMO_WEBHOOK_SECRET) exec node server/main.mjs) & frontend=$$!; \
	  trap 'kill $$frontend 2>/dev/null' EXIT; \
	  $(PY) manage.py runserver 0.0.0.0:$(PORT)

## test: unit tests on SQLite beside integration and browser tests on real services, then the cluster run
# The unit suite (one process, on SQLite) runs in the background while the integration and
# browser tests use the services: each keeps one of two cores busy, so the whole run takes
# about as long as the longer of the two. Its log is printed when both are done (and kept
# in var/test-unit.log). Every part runs even when another fails, so one run shows every
# failure; the services are stopped on any exit (failure, Ctrl-C) once start.sh has
# succeeded, and only then, so a refused start never stops another run's services. The
# cluster run (test-cluster) starts and stops its own services, whatever happens to it.
UNIT_LOG := var/test-unit.log
test: setup
	bash tests/services/install.sh
	bash tests/services/start.sh || exit 1; \
	  mkdir -p var; echo "make test: unit tests run in the background; their log follows the integration run ($(UNIT_LOG))"; \
	  $(MAKE) --no-print-directory test-unit UNIT_WORKERS=0 > $(UNIT_LOG) 2>&1 & unit_pid=$$!; \
	  trap 'kill $$unit_pid 2>/dev/null; bash tests/services/stop.sh' EXIT; \
	  set -a; source $(SERVICES_ENV); set +a; \
	  $(MAKE) --no-print-directory test-integration; integration=$$?; \
	  wait $$unit_pid; unit=$$?; \
	  echo "--- unit tests ($(UNIT_LOG)) ---"; cat $(UNIT_LOG); \
	  $(MAKE) --no-print-directory test-cluster; cluster=$$?; \
	  echo "make test: unit tests exit $$unit, integration and browser tests exit $$integration, cluster run exit $$cluster"; \
	  for status in $$unit $$integration; do if [ $$status -ne 0 ]; then exit $$status; fi; done; exit $$cluster

# Unit tests always run on the embedded defaults, whatever the calling shell exports, on
# every core (pytest-xdist: one SQLite test database per worker; UNIT_WORKERS=0 runs them
# in one process, as `make test` does beside the integration run). The import contracts
# (.importlinter), pytest and the front end's unit tests (vitest) each run even when
# another fails, so one run shows every failure.
UNIT_WORKERS ?= auto
test-unit: setup
	$(VENV)/bin/lint-imports --no-cache --no-logo; contracts=$$?; \
	  env -u DATABASE_URL -u REDIS_URL -u CELERY_BROKER_URL -u ELASTICSEARCH_URL \
	  $(PY) -m pytest -m "not integration and not e2e" -q -n $(UNIT_WORKERS) --durations=15; python=$$?; \
	  (cd frontend && npm test --silent); frontend=$$?; \
	  for status in $$contracts $$python; do if [ $$status -ne 0 ]; then exit $$status; fi; done; exit $$frontend

test-integration: setup
	@test -n "$$DATABASE_URL" -a -n "$$REDIS_URL" -a -n "$$ELASTICSEARCH_URL" || \
	  { echo "test-integration needs DATABASE_URL, REDIS_URL and ELASTICSEARCH_URL (run make test)"; exit 1; }
	$(PY) -m pytest -m "(integration or e2e) and not cluster" -q --durations=15

## test-cluster: faults on its own services: a three-node Elasticsearch cluster (nodes killed and
## restarted while pages are indexed and searched), two web processes and two Celery workers
## (a worker killed, Redis restarted mid-broadcast); prints its figures as name=value lines
test-cluster: setup
	bash tests/services/install.sh
	export VRIJHAVEN_TEST_SERVICES_STATE=$(CURDIR)/$(CLUSTER_STATE) VRIJHAVEN_ES_NODES=3 VRIJHAVEN_REDIS_APPENDONLY=yes; \
	  bash tests/services/start.sh || exit 1; \
	  trap 'bash tests/services/stop.sh' EXIT; \
	  set -a; source $(CLUSTER_STATE)/env; set +a; \
	  LOG_LEVEL=error $(PY) -m pytest -m cluster -q -s -p no:logging tests/integration/cluster

services-up: setup
	bash tests/services/install.sh
	bash tests/services/start.sh

services-down:
	bash tests/services/stop.sh

## bench: side-by-side benchmarks (tests/bench/), printed as name=value lines
bench: setup
	bash tests/services/install.sh
	bash tests/services/start.sh
	trap 'bash tests/services/stop.sh' EXIT; \
	  set -a; source $(SERVICES_ENV); set +a; \
	  $(PY) -m pytest tests/bench -q -s -o python_files="bench_*.py"

clean:
	rm -rf var/
