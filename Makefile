# Recourse: one command for each job. Every target sets up what it needs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RECOURSE := $(BIN)/recourse
PYTEST_ARGS ?=

.PHONY: install infra-up infra-down infra-status test test-unit test-integration \
        lint format schemas demo bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

infra-up: install
	$(RECOURSE) infra up

infra-down: install
	$(RECOURSE) infra down

infra-status: install
	$(RECOURSE) infra status

# Starts the local Kafka and Postgres (unless KAFKA_BOOTSTRAP_SERVERS and
# DATABASE_URL are set), runs every suite, and stops what it started.
test: install
	$(BIN)/python -m recourse.testrun $(PYTEST_ARGS)

test-unit: install
	$(BIN)/pytest tests/unit -q $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

schemas: install
	$(BIN)/python -m contracts.schemas
	$(BIN)/python -m recourse.asyncapi

demo: install
	$(RECOURSE) demo

bench: install
	$(RECOURSE) bench

clean:
	rm -rf $(VENV) .recourse .mypy_cache .ruff_cache .pytest_cache
