# The two commands in the README: `make demo` and `make test`. Both install what they need.
.PHONY: demo test bench build install typecheck lint clean chromium

NODE_MODULES_STAMP := node_modules/.deeds-installed
CHROMIUM ?= /usr/bin/chromium

install: $(NODE_MODULES_STAMP)

# npm ci runs only when package-lock.json changed since the last install.
$(NODE_MODULES_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# The server (dist/) and the web UI (web/dist/, served by `deeds serve`).
build: install
	npm run build
	npm run build:web

typecheck: install
	npm run typecheck

lint: install
	npm run lint

# The browser tests use Debian's Chromium (Playwright cannot download its own here).
chromium:
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		echo "Installing Chromium for the browser tests (apt-get install -y chromium)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
		echo "The browser tests need Chromium at $(CHROMIUM): run 'sudo apt-get install -y chromium' (or set CHROMIUM=/path and CHROMIUM_PATH=/path)." >&2; exit 1; \
	fi

# `make demo PORT=8081` (or DEEDS_PORT=8081) serves on another port.
demo: build
	node bin/deeds demo $(if $(PORT),--port $(PORT))

test: build typecheck lint chromium
	CHROMIUM_PATH=$(CHROMIUM) node scripts/run-tests.mjs

bench: build chromium
	node scripts/run-bench.mjs

clean:
	rm -rf dist web/dist .tmp test-results
