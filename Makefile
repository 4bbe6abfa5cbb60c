# Thin wrapper: `make run` and `make test` work on a fresh machine with only python3 and pip.
# uv is installed into .uv/ when it is not on PATH; it creates .venv from uv.lock.
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv
UV_BOOT := .uv/bin/uv
UV := $(shell command -v uv 2>/dev/null || echo $(UV_BOOT))
# `make run HOST=... PORT=...` wins; without them `claimtrail serve` takes CLAIMTRAIL_HOST and
# CLAIMTRAIL_PORT from the environment or .env (defaults 127.0.0.1:8000). Only command-line
# values count: a HOST or PORT exported by the shell for something else is not a flag.
SERVE_FLAGS := $(if $(filter command line,$(origin HOST)),--host $(HOST)) \
	$(if $(filter command line,$(origin PORT)),--port $(PORT))
DATA ?= ../shared/polnear/dev

.PHONY: setup run test test-pg lint fmt migrate evaluate evaluate-who benchmark

$(UV_BOOT):
	python3 -m venv .uv
	.uv/bin/python -m pip install --quiet --upgrade pip
	.uv/bin/python -m pip install --quiet uv

setup: $(if $(shell command -v uv 2>/dev/null),,$(UV_BOOT))
	$(UV) sync --frozen

run: setup
	$(UV) run --frozen claimtrail serve $(SERVE_FLAGS)

test: setup
	$(UV) run --frozen pytest $(PYTEST_ARGS)

test-pg: setup
	CLAIMTRAIL_TEST_POSTGRES_URL=$${CLAIMTRAIL_TEST_POSTGRES_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} \
		$(UV) run --frozen pytest $(PYTEST_ARGS)

migrate: setup
	$(UV) run --frozen alembic upgrade head

lint: setup
	$(UV) run --frozen ruff check app tests scripts migrations
	$(UV) run --frozen ruff format --check app tests scripts migrations

fmt: setup
	$(UV) run --frozen ruff format app tests scripts migrations
	$(UV) run --frozen ruff check --fix app tests scripts migrations

evaluate: setup
	$(UV) run --frozen python scripts/evaluate.py $(DATA)

evaluate-who: setup
	$(UV) run --frozen python scripts/evaluate_who.py $(DATA)

benchmark: setup
	$(UV) run --frozen python scripts/benchmark_extraction.py $(DATA)
