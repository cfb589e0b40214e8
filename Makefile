# Shortcuts for the two scripts that do all the set-up themselves.
.PHONY: run test sample clean
run:
	scripts/run
test:
	scripts/test
sample:
	scripts/run sample
clean:
	rm -rf .venv build dist .pytest_cache .ruff_cache
