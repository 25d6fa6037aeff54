# Two commands for a fresh machine: `make run` (install, index the corpus, serve) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CORPUS ?= corpus
INDEX  ?= var/index
HOST   ?= 127.0.0.1
PORT   ?= 8080

# Debian packages the reader needs: Tesseract with models for the six UN languages and the sample's
# other scripts (OCR of scans and images), antiword for Word 97-2003 files, and CLDR's territory
# containment for the site's region facet (unicode-cldr-core). Installed when missing and we are root
# (as in CI, see .ci/run); otherwise `make` says what to install.
OCR_LANGS := ara chi-sim fra rus spa jpn kor heb hin tha ell fas urd ukr deu
DEBIAN_PACKAGES := tesseract-ocr $(addprefix tesseract-ocr-,$(OCR_LANGS)) antiword unicode-cldr-core

.PHONY: run install axe dictionaries index serve test check bench bench-large bench-sample eval sample fuzz screenshots clean help debian-packages

help:
	@echo "make run      install, index $(CORPUS)/ (only what changed) and serve http://$(HOST):$(PORT)/"
	@echo "make test     run the test suite"
	@echo "make index    bring the index up to date with $(CORPUS)/"
	@echo "make dictionaries  install Debian's FreeDict dictionaries for cross-language search (as root)"
	@echo "make check    the contract checks in ../shared/checks (needs the index tools only)"
	@echo "make bench    the scale benchmark: 10,000 synthetic documents, build, search, HTTP, tantivy (about 15 min)"
	@echo "make bench-large  the same with 100,000 documents (an hour or more)"
	@echo "make bench-sample the sample corpus: build time and memory, extraction and OCR per page, cross-language cost"
	@echo "make eval     search quality (recall@10, MRR) and language identification on the judged sets"
	@echo "make fuzz     Hypothesis against every route and against check on mutated files (under two minutes)"
	@echo "make sample   regenerate the sample documents from corpus/sample/texts (needs LibreOffice)"
	@echo "make screenshots  refresh docs/screenshots/ with the browser tests (needs chromium, chromium-driver)"

# requirements*.txt hold the exact pins; the project itself is installed editable on top of them, so
# `python -m indexer` and the console scripts (clearinghouse-index, clearinghouse-web) run this tree.
$(BIN)/.installed: requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

install: $(BIN)/.installed debian-packages

debian-packages:
	@missing="$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done)"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	  else \
	    echo "OCR, .doc files and the region facet need Debian packages; as root run: apt-get install $$missing" >&2; \
	  fi; \
	fi

# Query words the glossary does not know are translated with Debian's FreeDict dictionaries. Without
# them (not root, no apt) the site searches with the glossary only, and `indexer status` says so.
DICTIONARY_PACKAGES := $(shell grep -v '^\#' indexer/lang/freedict-packages.txt)
dictionaries:
	@missing=$$(for p in $(DICTIONARY_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	else echo "note: FreeDict dictionaries missing; as root run: apt-get install $$missing (the site works with the glossary only)"; fi

# `update` re-reads only new and changed documents and publishes nothing when all is current.
index: install dictionaries
	$(BIN)/python -m indexer update --corpus $(CORPUS) --index $(INDEX)

serve: install
	$(BIN)/python -m search_web --host $(HOST) --port $(PORT) --index $(INDEX)

run: index serve

test: install axe
	$(BIN)/python -m pytest

# axe-core (the accessibility rules the browser tests run in Chromium), from the npm registry at a
# pinned version into var/; without npm or the network the accessibility test says so and skips.
AXE_VERSION := 4.14.1
AXE := var/axe-core-$(AXE_VERSION)/axe.min.js
axe: $(AXE)
$(AXE):
	@mkdir -p $(dir $@)
	@if command -v npm >/dev/null; then \
	  (cd $(dir $@) && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null && \
	   tar -xzf axe-core-$(AXE_VERSION).tgz --strip-components=1 package/axe.min.js && rm axe-core-$(AXE_VERSION).tgz) \
	  || echo "note: could not fetch axe-core $(AXE_VERSION) from the npm registry; the accessibility test will skip"; \
	else echo "note: npm is missing (apt-get install npm); the accessibility test will skip"; fi

check: install
	../shared/checks/check-json $(BIN)/python
	../shared/checks/web-contract $(BIN)/python

# The benchmark's own packages (tantivy, psutil, fpdf2, gunicorn) stay out of the site's requirements.
# poppler's pdftotext is the PDF reference when Debian's poppler-utils is installed; without it that
# one comparison is skipped.
$(BIN)/.bench-installed: $(BIN)/.installed requirements-bench.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	touch $@

# BENCH_ARGS passes more options, e.g. BENCH_ARGS='--note "busy machine"' (see bench/run.py --help).
bench: $(BIN)/.bench-installed
	$(BIN)/python bench/run.py --docs 10000 $(BENCH_ARGS)

bench-large: $(BIN)/.bench-installed
	$(BIN)/python bench/run.py --docs 100000 --reuse-corpus $(BENCH_ARGS)

bench-sample: install
	$(BIN)/python bench/build_bench.py --corpus $(CORPUS)
	$(BIN)/python bench/ocr_bench.py --corpus $(CORPUS)
	$(BIN)/python bench/xl_cost.py --corpus $(CORPUS)

eval: install
	$(BIN)/python bench/evaluate.py --corpus $(CORPUS) --json var/eval.json

# Bounded (under two minutes on 2 cores): hostile requests and damaged files; exits 1 on any 5xx,
# traceback, ill-formed feed or reading process over its memory ceiling.
fuzz: install
	$(BIN)/python bench/fuzz.py

screenshots: install
	SCREENSHOT_DIR=docs/screenshots $(BIN)/python -m pytest -q tests/test_browser.py tests/test_embed_browser.py -k screenshot

# The generator needs LibreOffice and fonts from Debian (see corpus/sample/README.md) and two more
# Python packages, kept out of the site's own environment.
sample:
	test -x .venv-sample/bin/python || ($(PYTHON) -m venv .venv-sample && \
	  .venv-sample/bin/pip install --quiet -r requirements.txt -r corpus/sample/requirements.txt)
	.venv-sample/bin/python corpus/sample/make_sample.py

clean:
	rm -rf $(VENV) var .pytest_cache
