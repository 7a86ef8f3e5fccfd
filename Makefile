# Two commands from a fresh clone: `make site` builds the example site into public/, `make test` runs the tests.
# `make report` writes the example's committee report, every dashboard in one Word document (committee-report.docx).
# Both first install the system libraries the chart renderer needs (libgd, pkg-config, DejaVu fonts) if missing.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: site test report deps validate bench clean install lint format

PREFIX ?= /usr/local

site: deps
	$(SWIFT) build -c release --product dashboards
	.build/release/dashboards build

REPORT ?= committee-report.docx
REPORT_TITLE ?= Children and Families Overview and Scrutiny Committee: performance report

report: deps
	$(SWIFT) build -c release --product dashboards
	.build/release/dashboards report --title "$(REPORT_TITLE)" -o $(REPORT)

test: deps
	$(SWIFT) test

# The code's layout as .swift-format sets it: `make lint` fails on any difference (CI runs it), `make format` fixes them;
# it also fails on a function over 80 lines or a source file over 500 lines or with more than 8 types (.ci/structure-check).
FORMATTED := Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --configuration .swift-format --recursive $(FORMATTED)
	python3 .ci/structure-check

format:
	$(SWIFT) format format --in-place --configuration .swift-format --recursive $(FORMATTED)

# Installs the program as PREFIX/bin/dashboards and its templates, stylesheet and fonts in PREFIX/share/dashboards,
# where it finds them from any folder.
install: deps
	$(SWIFT) build -c release --product dashboards
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/dashboards
	install -m 755 .build/release/dashboards $(DESTDIR)$(PREFIX)/bin/dashboards
	cp -R assets/. $(DESTDIR)$(PREFIX)/share/dashboards/

validate:
	$(SWIFT) run -c release dashboards validate

deps:
	@if ! pkg-config --exists gdlib 2>/dev/null || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then \
		echo "Installing libgd-dev, pkg-config and fonts-dejavu-core"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libgd-dev pkg-config fonts-dejavu-core; \
	fi

clean:
	rm -rf .build public .public.staging .public.lock .public.spare .public.folders committee-report.docx
