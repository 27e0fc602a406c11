# make                     install into .venv if needed, then extract, update, stats and build
# make test                run the test suite
# make translate LANG=ja   add (to pipeline.toml) or refresh a language with machine drafts
#                          [ENGINE=google]; without LANG, every language of pipeline.toml
# make extract | update | build | check | stats | clean

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

# LANG is also the shell's locale variable: take it only from the command line, never export
# it to Python as a locale, and make Python's own I/O UTF-8 whatever the locale says.
ifeq ($(origin LANG),command line)
LANG_OPTION := -l $(LANG)
endif
unexport LANG
export PYTHONUTF8 := 1
ENGINE_OPTION := $(if $(ENGINE),--engine $(ENGINE))

.PHONY: all extract update build translate test check stats clean

all: $(INSTALLED)
	$(PY) -m pipeline extract
	$(PY) -m pipeline update $(LANG_OPTION)
	$(PY) -m pipeline stats $(LANG_OPTION)
	$(PY) -m pipeline build $(LANG_OPTION)

$(INSTALLED): pyproject.toml
	@echo "installing the pipeline and its libraries into $(VENV)/ (once, about a minute)..."
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

extract: $(INSTALLED)
	$(PY) -m pipeline extract

update: $(INSTALLED)
	$(PY) -m pipeline update $(LANG_OPTION)

build: $(INSTALLED)
	$(PY) -m pipeline build $(LANG_OPTION)

translate: $(INSTALLED)
	$(PY) -m pipeline translate $(LANG_OPTION) $(ENGINE_OPTION)

check: $(INSTALLED)
	$(PY) -m pipeline check $(LANG_OPTION)

stats: $(INSTALLED)
	$(PY) -m pipeline stats $(LANG_OPTION)

test: $(INSTALLED)
	$(PY) -m pytest -q

clean:
	rm -rf build .cache
