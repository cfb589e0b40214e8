# Shortcuts for the scripts that do all the set-up themselves.
.PHONY: run test build sample clean
run:
	scripts/run
test:
	scripts/test
build:
	scripts/build
sample:
	scripts/run sample
clean:
	rm -rf .venv build dist .pytest_cache .ruff_cache
