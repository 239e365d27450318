# Two commands do everything on a fresh machine: `make demo` and `make test`.
# The logic lives in scripts/ (see scripts/lib.sh for the shared steps).
.PHONY: demo stop test lint bench demo-feed ci help i18n

help:
	@echo "make demo       set up and run Odoo with both addons and demo data"
	@echo "make demo-feed  post the sample vendor payloads to the demo server"
	@echo "make stop       stop what make demo started"
	@echo "make test       set up and run every test on a throw-away database"
	@echo "make lint       ruff + pylint-odoo mandatory checks"
	@echo "make bench      throughput of the vendor endpoint (needs make demo)"
	@echo "make i18n       refresh the .pot files and merge them into zh_CN.po"

demo:
	@scripts/demo.sh

demo-feed:
	@scripts/demo_feed.sh

stop:
	@scripts/stop.sh --all

test:
	@scripts/test.sh

lint:
	@scripts/lint.sh

bench:
	@scripts/bench.sh

ci: lint test

i18n:
	@scripts/i18n.sh
