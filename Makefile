# The course's commands. `make lab` to learn, `make test` to check everything (what CI runs).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt
AS_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)
export JUPYTER_PLATFORM_DIRS := 1

.PHONY: lab lint test notebooks solutions site bench data browser clean help

help:
	@echo "make lab        install (first time) and open the course in JupyterLab"
	@echo "make test       install (first time) and run every test: lint, helpers, notebooks (nbval), browser, site"
	@echo "make lint       ruff: lint every Python file and notebook, check the Python files' format"
	@echo "make notebooks  re-execute every notebook in place, refreshing its stored outputs"
	@echo "make solutions  the instructors' edition: every exercise solved, executed, in build/solutions"
	@echo "make site       the course as a website (every notebook, its stored outputs) in build/site"
	@echo "make bench      print the benchmark figures (training speed; widget latency in the browser)"
	@echo "make data       regenerate data/ from its script (same bytes)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# One stamp per set of packages; pip runs again when the dependency lists change.
$(VENV)/.installed-course: pyproject.toml constraints.txt | $(BIN)/python
	$(PIP) -e .
	@touch $@

$(VENV)/.installed-%: pyproject.toml constraints.txt | $(BIN)/python
	$(PIP) -e '.[$*]'
	@touch $@

lab: $(VENV)/.installed-course
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 $(AS_ROOT) notebooks/00_the_network.ipynb

# Lint before the tests: ruff checks the Python files and the notebooks (line length 100), and the
# format of the Python files (notebooks are aligned by hand; see pyproject.toml).
lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Two workers (the machines have two cores). `--dist loadfile` keeps each file on one worker: a
# notebook's cells share one kernel and run in order, and one JupyterLab serves all browser tests.
# `-rs` lists every skipped test with its reason.
test: lint $(VENV)/.installed-test $(VENV)/.installed-site browser
	$(BIN)/python -m pytest -n 2 --dist loadfile -rs

notebooks: $(VENV)/.installed-course
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
	    --ExecutePreprocessor.store_widget_state=False --ExecutePreprocessor.record_timing=False \
	    notebooks/*.ipynb

solutions: $(VENV)/.installed-course
	$(BIN)/python -m helpers.exercises.editions build/solutions

# The course as a static website (Sphinx + MyST-NB; docs/site/), the notebooks with their stored
# outputs, nothing executed. `make site NOTEBOOKS=DIR` builds from other copies of the notebooks.
NOTEBOOKS ?= notebooks
site: $(VENV)/.installed-site
	$(BIN)/python docs/site/build.py build/site --notebooks $(NOTEBOOKS)

bench: $(VENV)/.installed-bench $(VENV)/.installed-test browser
	$(BIN)/python bench/bench_training.py
	$(BIN)/python bench/bench_widget_latency.py

data: $(VENV)/.installed-course
	$(BIN)/python data/make_datasets.py

# The browser test needs Debian's Chromium; install it where we can (root + apt-get).
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Chromium for the browser test (apt-get)"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "could not install Chromium: the browser test will be skipped"; \
	else echo "no /usr/bin/chromium and no root/apt-get to install it: the browser test will be skipped"; fi

clean:
	rm -rf $(VENV) build *.egg-info
