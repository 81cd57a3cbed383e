# Onderdak — night-shelter desk. `make run` opens the TUI, `make test` runs every test.
SWIFT ?= swift
JOURNAL ?=
PREFIX ?= /usr/local
DESTDIR ?=

.PHONY: run test test-clocks bench reliability deps build release clean install uninstall

# System packages: installed with apt-get when missing and running as root; otherwise the
# exact command to run is printed.
deps:
	@need=""; \
	[ -f /usr/include/ncursesw/curses.h ] || need="$$need libncursesw5-dev"; \
	[ -f /usr/include/sqlite3.h ] || need="$$need libsqlite3-dev"; \
	command -v sqlite3 >/dev/null 2>&1 || need="$$need sqlite3"; \
	command -v tmux >/dev/null 2>&1 || need="$$need tmux"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need="$$need postgresql"; \
	if [ -n "$$need" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing:$$need"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$need) || exit 1; \
	  else \
	    echo "Missing system packages. Run:  sudo apt-get install -y$$need"; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product onderdak

run: release
	.build/release/onderdak $(if $(JOURNAL),--journal $(JOURNAL),)

test: deps
	bash Tests/with-postgres.sh bash Tests/run-all.sh

# The whole suite at other moments and in other time zones, under libfaketime (issue #15).
test-clocks: deps
	@command -v faketime >/dev/null 2>&1 || { if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime; else echo "For the clock runs: sudo apt-get install -y faketime"; exit 1; fi; }
	bash Tests/with-postgres.sh bash Tests/clock-matrix.sh

bench: deps
	@command -v valgrind >/dev/null 2>&1 || { if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind; else echo "For the instruction counts: sudo apt-get install -y valgrind"; fi; }
	$(SWIFT) build -c release --static-swift-stdlib --product onderdak
	$(SWIFT) build -c release --static-swift-stdlib --product onderdak-dev
	$(SWIFT) build -c release --static-swift-stdlib --product onderdak-bench
	# A throwaway PostgreSQL cluster for the store's rows (skipped, with a message, when none can start).
	ONDERDAK_BIN=.build/release/onderdak bash Tests/with-postgres.sh .build/release/onderdak-bench

reliability: deps
	bash Tests/reliability.sh

# Installed like a Unix tool: the release binary, its data (rule sets, translations) in
# PREFIX/share/onderdak, the man page generated from the command definitions, completions.
install: release
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/onderdak" "$(DESTDIR)$(PREFIX)/share/man/man1" \
	  "$(DESTDIR)$(PREFIX)/share/bash-completion/completions" "$(DESTDIR)$(PREFIX)/share/zsh/site-functions" \
	  "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d"
	install -m 0755 .build/release/onderdak "$(DESTDIR)$(PREFIX)/bin/onderdak"
	rm -rf "$(DESTDIR)$(PREFIX)/share/onderdak/data"
	cp -R Resources/data "$(DESTDIR)$(PREFIX)/share/onderdak/data"
	chmod -R u=rwX,go=rX "$(DESTDIR)$(PREFIX)/share/onderdak"
	.build/release/onderdak manual > "$(DESTDIR)$(PREFIX)/share/man/man1/onderdak.1"
	.build/release/onderdak --generate-completion-script bash > "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/onderdak"
	.build/release/onderdak --generate-completion-script zsh > "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_onderdak"
	.build/release/onderdak --generate-completion-script fish > "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/onderdak.fish"
	chmod 0644 "$(DESTDIR)$(PREFIX)/share/man/man1/onderdak.1" "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/onderdak" \
	  "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_onderdak" "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/onderdak.fish"
	@echo "Installed $(DESTDIR)$(PREFIX)/bin/onderdak (man onderdak; completions for bash, zsh, fish)."

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/onderdak" "$(DESTDIR)$(PREFIX)/share/man/man1/onderdak.1" \
	  "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/onderdak" "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_onderdak" \
	  "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/onderdak.fish"
	rm -rf "$(DESTDIR)$(PREFIX)/share/onderdak"

clean:
	rm -rf .build
