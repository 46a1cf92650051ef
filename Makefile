# The two commands in the README: `make demo` and `make test`. Both install what they need.
.PHONY: demo test bench build install typecheck lint clean

NODE_MODULES_STAMP := node_modules/.deeds-installed

install: $(NODE_MODULES_STAMP)

# npm ci runs only when package-lock.json changed since the last install.
$(NODE_MODULES_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

build: install
	npm run build

typecheck: install
	npm run typecheck

lint: install
	npm run lint

demo: build
	node bin/deeds demo

test: build typecheck lint
	node scripts/run-tests.mjs

bench: build
	node scripts/run-bench.mjs

clean:
	rm -rf dist .tmp
