package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"sovmap/assets/i18n"
	"sovmap/geo/scene"
)

// The menus' shortcuts, also put on the canvas so that they work with the
// menu closed.
var (
	zoomInShortcut     = &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault}
	zoomOutShortcut    = &desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: fyne.KeyModifierShortcutDefault}
	resetShortcut      = &desktop.CustomShortcut{KeyName: fyne.Key0, Modifier: fyne.KeyModifierShortcutDefault}
	screenshotShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	exportShortcut     = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	openShortcut       = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	quitShortcut       = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	findShortcut       = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
)

// menu builds the main menu in the state's language. It is built again
// only when the language changes.
func (w *Window) menu() *fyne.MainMenu {
	st := w.state
	lang := st.Lang()
	item := func(key string, f func(), sc fyne.Shortcut) *fyne.MenuItem {
		it := fyne.NewMenuItem(tr(lang, key), f)
		it.Shortcut = sc
		return it
	}
	quit := item("menu.quit", w.app.Quit, quitShortcut)
	quit.IsQuit = true
	var langs []*fyne.MenuItem
	for _, code := range i18n.Languages {
		it := fyne.NewMenuItem(i18n.Names[code], func() { st.SetLanguage(code) })
		it.Checked = code == lang
		langs = append(langs, it)
	}
	language := fyne.NewMenuItem(tr(lang, "menu.language"), nil)
	language.ChildMenu = fyne.NewMenu("", langs...)
	about := fyne.NewMenuItem(tr(lang, "menu.about"), w.showAbout)
	return fyne.NewMainMenu(
		fyne.NewMenu(tr(lang, "menu.file"),
			item("menu.openstory", w.showOpenStoryDialog, openShortcut),
			item("menu.exportstory", w.showExportStoryDialog, nil),
			fyne.NewMenuItemSeparator(),
			item("menu.screenshot", w.showScreenshotDialog, screenshotShortcut),
			item("menu.exportmap", w.showExportDialog, exportShortcut),
			item("menu.exportpage", w.showExportPageDialog, nil),
			item("menu.exportvideo", w.showExportVideoDialog, nil),
			fyne.NewMenuItemSeparator(),
			quit),
		fyne.NewMenu(tr(lang, "menu.view"),
			item("zoom.in", func() { st.Zoom(keyZoom) }, zoomInShortcut),
			item("zoom.out", func() { st.Zoom(1 / keyZoom) }, zoomOutShortcut),
			item("zoom.reset", st.ShowAll, resetShortcut),
			fyne.NewMenuItemSeparator(),
			item("menu.find", w.search.focus, findShortcut),
			fyne.NewMenuItemSeparator(),
			language),
		fyne.NewMenu(tr(lang, "menu.help"),
			fyne.NewMenuItem(tr(lang, "help.title"), func() {
				w.showMessage(tr(st.Lang(), "help.title"), tr(st.Lang(), "help.body"))
			}),
			about),
	)
}

// addShortcuts puts the menu shortcuts on the canvas too, and the
// window's keys for when no widget has the focus.
func (w *Window) addShortcuts() {
	c := w.Canvas()
	st := w.state
	shortcuts := map[fyne.Shortcut]func(){
		zoomInShortcut:     func() { st.Zoom(keyZoom) },
		zoomOutShortcut:    func() { st.Zoom(1 / keyZoom) },
		resetShortcut:      st.ShowAll,
		screenshotShortcut: w.showScreenshotDialog,
		exportShortcut:     w.showExportDialog,
		openShortcut:       w.showOpenStoryDialog,
		quitShortcut:       w.app.Quit,
		findShortcut:       w.search.focus,
	}
	w.shortcuts = shortcuts
	for sc := range shortcuts {
		c.AddShortcut(sc, w.runShortcut)
	}
	c.SetOnTypedKey(w.globalKey)
	c.SetOnTypedRune(w.globalRune)
}

// runShortcut runs a shortcut's action. Over a dialog, only quitting goes
// through: the map and the other dialogs wait until it is closed.
func (w *Window) runShortcut(sc fyne.Shortcut) {
	if w.modal() && sc != quitShortcut {
		return
	}
	for k, f := range w.shortcuts {
		if k.ShortcutName() == sc.ShortcutName() {
			f()
			return
		}
	}
}

// globalRune zooms with + and −, wherever the focus is but in a dialog.
func (w *Window) globalRune(r rune) {
	if !w.modal() {
		zoomRune(w.state, r)
	}
}

// modal reports whether a dialog is open over the window: the window's
// keys then leave the map alone.
func (w *Window) modal() bool { return w.Canvas().Overlays().Top() != nil }

// globalKey handles the window's keys, wherever the focus is (widgets with
// keys of their own pass these on): the arrows step through the story,
// Escape clears the selection, Home shows all of Mexico. (+ and − arrive
// as typed characters: see zoomRune.)
func (w *Window) globalKey(e *fyne.KeyEvent) {
	if w.modal() {
		switch {
		case e.Name == fyne.KeyEscape && w.cancelOp != nil:
			w.cancelOp()
		case (e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter || e.Name == fyne.KeyEscape) && w.dismissOp != nil:
			w.dismissOp()
		case (e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter) && w.confirmOp != nil:
			w.confirmOp(true)
		case e.Name == fyne.KeyEscape && w.confirmOp != nil:
			w.confirmOp(false)
		}
		return
	}
	st := w.state
	switch e.Name {
	case fyne.KeyLeft, fyne.KeyUp:
		w.step(-1)
	case fyne.KeyRight, fyne.KeyDown:
		w.step(1)
	case fyne.KeySpace: // starts the story, then steps on
		if w.story.on {
			w.story.step(1)
		} else {
			w.story.start()
		}
	case fyne.KeyEscape:
		if w.story.on {
			w.story.stop()
		} else {
			st.ClearSelection()
		}
	case fyne.KeyHome:
		w.flight.halt()
		st.ShowAll()
	}
}

// showAbout shows Help › About: the sources and licences, closed by Enter
// or Escape as every message is.
func (w *Window) showAbout() {
	st := w.state
	w.showMessage(tr(st.Lang(), "menu.about"), fmt.Sprintf(tr(st.Lang(), "about.body"), scene.Sources(st.Story().Sources, st.Lang())))
}
