# The first commands on a fresh machine. uv comes from PyPI into .tools/ when it is not installed.
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)

.PHONY: install run test format clean

install: $(UV)
	$(UV) sync --frozen

.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv

# The whole stack: docker compose where a Docker engine answers, local servers otherwise.
run: install
	@if docker info >/dev/null 2>&1; then \
		docker compose up --build; \
	else \
		$(UV) run aiguillage up; \
	fi

# Lint and type-check, then every test (unit, integration over real servers, end to end).
test: install
	$(UV) run ruff check .
	$(UV) run ruff format --check .
	$(UV) run mypy
	$(UV) run pytest


format: install
	$(UV) run ruff format .
	$(UV) run ruff check --fix .

clean:
	rm -rf .data .pytest_cache .mypy_cache .ruff_cache
