# The two commands: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
STAMP = $(VENV)/.geinstalleerd

.PHONY: install run test test-datum lint migrate demo worker browser bench schemathesis

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt ".[dev]"
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py seed_demo

run: demo
	bin/run

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The browser tests drive Debian's Chromium (never a downloaded browser).
browser:
	@test -x /usr/bin/chromium || { [ "$$(id -u)" = 0 ] && apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } \
		|| { echo "Chromium ontbreekt: installeer het met 'sudo apt-get install chromium'"; exit 1; }

test: lint browser
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The suite with the clock of the whole process moved (Debian's faketime), to find date bombs before
# they go off (the date is UTC): make test-datum DATUM='2028-02-29 10:00:00'
DATUM ?= 2028-02-29 10:00:00
test-datum: install browser
	@command -v faketime >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q faketime; } \
		|| { echo "faketime ontbreekt: installeer het met 'sudo apt-get install faketime'"; exit 1; }
	TZ=UTC faketime '$(DATUM)' $(BIN)/python -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)

# Schemathesis against a live server on loopback (bin/schemathesis): every API operation, positive and negative,
# as management and as gedragswetenschapper; fails on any 5xx. Bounded to a few minutes; more:
# make schemathesis SCHEMATHESIS_VOORBEELDEN=20 SCHEMATHESIS_FASEN=examples,coverage,fuzzing
schemathesis: install
	bin/schemathesis

worker: install
	$(BIN)/celery -A jens worker -B --loglevel=INFO

# The national-scale benchmark in its own PostgreSQL database (never the configured one); not part of
# make test. make bench SCHAAL=100000 BENCH_ARGS='--hergebruik --alleen rapport,lijsten'
SCHAAL ?= 1000000
bench: install
	$(BIN)/python manage.py benchmark --schaal $(SCHAAL) --uitvoer benchmark-$(SCHAAL).json $(BENCH_ARGS)
