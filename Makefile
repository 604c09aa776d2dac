# Two entry points do all the set-up on a fresh machine:
#   make serve   build the graph from seeds/ and serve it on http://127.0.0.1:8000/
#   make test    run every test (installs Python, npm and system dependencies first)
# Everything goes into .venv/ and node_modules/ inside the project; nothing global but the
# system packages a test needs (Chromium, Java), installed with apt-get when run as root.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ASSETS := server/publishing/static/vendor/.installed
export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: serve build test setup assets system-deps bench clean

serve: setup assets
	$(BIN)/dkg serve $(ARGS)

build: setup
	$(BIN)/dkg build $(ARGS)

test: setup assets system-deps
	$(BIN)/python -m pytest -rs $(ARGS)

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

# YASGUI (the query UI) and Comunica (federation tests) come from npm; the UI is served from
# the server itself, never from a CDN.
assets: $(ASSETS)

$(ASSETS): package.json package-lock.json scripts/install_assets.py
	npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/python scripts/install_assets.py
	touch $@

# Chromium (browser tests), Java (HermiT reasoner), Apache Jena (riot validates the dumps and the
# ontology), Virtuoso open source (remote-engine tests and scripts/bench_remote.py) and antiword
# (old binary Word .doc files). Without
# root they are left to the user; the tests that need them then skip with a reason, except under
# CI=true where they fail.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	dpkg-query -W -f='$${Status}' libapache-jena-java 2>/dev/null | grep -q "install ok installed" || missing="$$missing libapache-jena-java"; \
	command -v virtuoso-t >/dev/null 2>&1 || missing="$$missing virtuoso-opensource"; \
	command -v antiword >/dev/null 2>&1 || missing="$$missing antiword"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "not root: install$$missing yourself, or the tests that need them will skip"; fi; \
	fi

bench: setup
	$(BIN)/python scripts/bench_build.py
	$(BIN)/python scripts/bench_endpoint.py
	$(BIN)/python scripts/bench_remote.py

clean:
	rm -rf $(VENV) node_modules server/publishing/static/vendor .dkg
