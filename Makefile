# Tether: `make run` opens the desktop app on the local encrypted vault; `make test` runs the
# whole suite (fmt, clippy, Rust tests, UI tests, WebDriver end to end under Xvfb).
# Both install what is missing first, so they work on a fresh Debian/Ubuntu machine.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

# Outside the clone, so a fresh clone (as in CI) reuses earlier builds.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/tether/target
export PATH := $(HOME)/.cargo/bin:$(PATH)
CARGO ?= cargo
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Tauri's build needs (webkit, ssl for SQLCipher); the tests need Xvfb, the WebKit WebDriver,
# a font for the window, poppler's pdftotext and imagemagick for screenshots, and the
# independent implementations Tether's phones and calendars are checked against
# (libphonenumber's Python port, a Python iCalendar parser; run with /usr/bin/python3).
APT_PACKAGES := build-essential pkg-config curl wget file libssl-dev libwebkit2gtk-4.1-dev \
	libxdo-dev libayatana-appindicator3-dev librsvg2-dev xvfb xauth webkit2gtk-driver \
	fonts-dejavu-core poppler-utils imagemagick python3 python3-phonenumbers python3-icalendar

# `make test` installs the reference packages above, so their tests may not skip there.
export TETHER_REQUIRE_REFERENCE ?= 1

.PHONY: run test deps system-deps tauri-driver node-deps ui build bindings fmt clippy \
	rust-test ui-test screenshots clean-vault-dev fresh-test package

run: build
	$(CARGO_TARGET_DIR)/debug/tether-app

test: deps ui fmt clippy ui-test rust-test

deps: system-deps tauri-driver node-deps

system-deps:
	@missing=""; for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing system packages:$$missing"; \
		$(SUDO) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# crates.io's newest tauri-driver is for Tauri 3 alphas: stay on 2.x.
tauri-driver:
	@command -v tauri-driver >/dev/null || $(CARGO) install tauri-driver --version '^2' --locked

node-deps: ui/node_modules/.installed

ui/node_modules/.installed: ui/package.json ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund
	touch $@

ui: node-deps
	cd ui && npm run build

build: deps ui
	$(CARGO) build --workspace

# Regenerates ui/src/lib/bindings.ts from the Rust commands, and the field error codes list
# ui/src/lib/i18n/field-error-codes.json (a test fails while either is stale).
bindings: ui
	TETHER_UPDATE_BINDINGS=1 $(CARGO) test -p tether-app --lib committed_

fmt:
	$(CARGO) fmt --all --check

clippy: ui
	$(CARGO) clippy --workspace --all-targets -- -D warnings

ui-test: node-deps
	cd ui && npm run check && npm test

# Build first: the end-to-end tests drive the `tether` and `tether-app` binaries, and unpack
# the .deb (tests/webdriver/package.rs). The WebDriver
# tests start their own Xvfb; xvfb-run covers anything else that wants a display.
rust-test: build package
	TETHER_DEB="$$(ls $(DEB_DIR)/*.deb | head -n 1)" TETHER_REQUIRE_PACKAGE=1 \
		xvfb-run -a $(CARGO) test --workspace

# The .deb a clinic's IT installs: a release build (no inspector) with the Tauri bundler (the
# npm CLI, a prebuilt binary: nothing downloads at build time), the desktop entry and icons,
# and the `tether` command beside `tether-app` in /usr/bin, both stripped of their symbol tables
# just before bundling (82 and 65 MB unstripped; no profile change, so the release build other
# targets share is not rebuilt). Only the deb: the AppImage
# bundler downloads its tools while it builds, which this environment cannot do.
DEB_DIR := $(CARGO_TARGET_DIR)/release/bundle/deb
package: deps ui
	$(CARGO) build --release -p tether-cli
	rm -f $(DEB_DIR)/*.deb
	cd src-tauri && ../ui/node_modules/.bin/tauri build --ci --bundles deb \
		--config '{"build":{"beforeBundleCommand":"strip $(CARGO_TARGET_DIR)/release/tether-app $(CARGO_TARGET_DIR)/release/tether"},"bundle":{"linux":{"deb":{"files":{"/usr/bin/tether":"$(CARGO_TARGET_DIR)/release/tether"}}}}}'
	@ls $(DEB_DIR)/*.deb

# Refreshes the screenshots under docs/ from a real window.
screenshots: build
	TETHER_SCREENSHOTS=1 xvfb-run -a $(CARGO) test --workspace -- webdriver::

# The whole suite as a new machine sees it: fresh clone, HOME, cargo home and target dir, and
# fontconfig limited to the fonts installed above (see .ci/fresh-machine). Cold build: slow.
fresh-test:
	.ci/fresh-machine
