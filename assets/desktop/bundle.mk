# Sovmap's Linux bundle. `sudo make install` installs it for everyone (under
# PREFIX, /usr/local by default); `make user-install` for you alone, under
# ~/.local. `make uninstall` and `make user-uninstall` remove it again.

PREFIX ?= /usr/local
ID := org.sovmap.Sovmap
SIZES := 48 64 128 256 512
ICONS := $(foreach s,$(SIZES),icons/hicolor/$(s)x$(s)/apps/$(ID).png) icons/hicolor/scalable/apps/$(ID).svg
DATA := applications/$(ID).desktop metainfo/$(ID).metainfo.xml $(ICONS)

USER_BIN := $(HOME)/.local/bin
USER_DATA := $(or $(XDG_DATA_HOME),$(HOME)/.local/share)

default:
	@echo 'Run "sudo make install" to install Sovmap for everyone (PREFIX=$(PREFIX)),'
	@echo 'or "make user-install" to install it for you alone, under ~/.local.'

install:
	install -Dm0755 usr/bin/sovmap $(DESTDIR)$(PREFIX)/bin/sovmap
	for f in $(DATA); do install -Dm0644 usr/share/$$f $(DESTDIR)$(PREFIX)/share/$$f || exit 1; done
	$(MAKE) -s caches DATA_DIR=$(DESTDIR)$(PREFIX)/share

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/sovmap
	for f in $(DATA); do rm -f $(DESTDIR)$(PREFIX)/share/$$f; done
	$(MAKE) -s caches DATA_DIR=$(DESTDIR)$(PREFIX)/share

# The desktop entry runs the binary by its full path: ~/.local/bin is not
# on every session's PATH.
user-install:
	install -Dm0755 usr/bin/sovmap $(DESTDIR)$(USER_BIN)/sovmap
	for f in $(DATA); do install -Dm0644 usr/share/$$f $(DESTDIR)$(USER_DATA)/$$f || exit 1; done
	sed -i -e 's,^Exec=sovmap ,Exec=$(USER_BIN)/sovmap ,' $(DESTDIR)$(USER_DATA)/applications/$(ID).desktop
	$(MAKE) -s caches DATA_DIR=$(DESTDIR)$(USER_DATA)

user-uninstall:
	rm -f $(DESTDIR)$(USER_BIN)/sovmap
	for f in $(DATA); do rm -f $(DESTDIR)$(USER_DATA)/$$f; done
	$(MAKE) -s caches DATA_DIR=$(DESTDIR)$(USER_DATA)

# The desktop's caches of file types and icons, where the tools exist.
caches:
	-command -v update-desktop-database >/dev/null && update-desktop-database -q $(DATA_DIR)/applications
	-command -v gtk-update-icon-cache >/dev/null && test -f $(DATA_DIR)/icons/hicolor/index.theme && gtk-update-icon-cache -q $(DATA_DIR)/icons/hicolor

.PHONY: default install uninstall user-install user-uninstall caches
