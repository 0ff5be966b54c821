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
	newShortcut        = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	saveShortcut       = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	undoShortcut       = &fyne.ShortcutUndo{} // Ctrl+Z
	redoShortcut       = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	addItemShortcut    = &desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: fyne.KeyModifierShortcutDefault}
	editItemShortcut   = &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault}
	deleteItemShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyDelete, Modifier: fyne.KeyModifierShortcutDefault}
	earlierShortcut    = &desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	laterShortcut      = &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	playShortcut       = &desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
)

// menu builds the main menu in the state's language. It is built again
// only when the language changes.
func (w *Window) menu() *fyne.MainMenu {
	st := w.state
	lang := st.Lang()
	// Every item but Quit does nothing while a dialog is open: dialogs
	// never stack (the menus' shortcuts reach their items whatever is
	// open).
	item := func(key string, f func(), sc fyne.Shortcut) *fyne.MenuItem {
		it := fyne.NewMenuItem(tr(lang, key), w.unlessModal(f))
		it.Shortcut = sc
		return it
	}
	// Quit asks about unsaved work over any dialog; Undo and Redo undo the
	// typing in a dialog's text field (undoKey).
	always := func(key string, f func(), sc fyne.Shortcut) *fyne.MenuItem {
		it := fyne.NewMenuItem(tr(lang, key), f)
		it.Shortcut = sc
		return it
	}
	quit := always("menu.quit", w.quit, quitShortcut)
	quit.IsQuit = true
	var langs []*fyne.MenuItem
	for _, code := range i18n.Languages {
		it := fyne.NewMenuItem(i18n.Names[code], w.unlessModal(func() { st.SetLanguage(code) }))
		it.Checked = code == lang
		langs = append(langs, it)
	}
	language := fyne.NewMenuItem(tr(lang, "menu.language"), nil)
	language.ChildMenu = fyne.NewMenu("", langs...)
	about := fyne.NewMenuItem(tr(lang, "menu.about"), w.unlessModal(w.showAbout))
	return fyne.NewMainMenu(
		fyne.NewMenu(tr(lang, "menu.file"),
			item("menu.new", w.unlessModal(w.edit.newStory), newShortcut),
			item("menu.openstory", w.unlessModal(w.showOpenStoryDialog), openShortcut),
			w.recentMenu(lang),
			item("menu.save", w.unlessModal(func() { w.edit.save(nil) }), saveShortcut),
			item("menu.saveas", w.unlessModal(func() { w.edit.saveAs(nil) }), nil),
			item("menu.exportstory", w.showExportStoryDialog, nil),
			fyne.NewMenuItemSeparator(),
			item("menu.screenshot", w.showScreenshotDialog, screenshotShortcut),
			item("menu.exportmap", w.showExportDialog, exportShortcut),
			item("menu.exportpage", w.showExportPageDialog, nil),
			item("menu.exportvideo", w.showExportVideoDialog, nil),
			fyne.NewMenuItemSeparator(),
			quit),
		fyne.NewMenu(tr(lang, "menu.edit"),
			always("menu.undo", w.undoKey, undoShortcut),
			always("menu.redo", w.redoKey, redoShortcut),
			fyne.NewMenuItemSeparator(),
			item("menu.additem", w.unlessModal(func() { w.edit.addItem(nil) }), addItemShortcut),
			item("menu.edititem", w.unlessModal(w.editKey), editItemShortcut),
			item("menu.deleteitem", w.unlessModal(w.edit.deleteSelected), deleteItemShortcut),
			fyne.NewMenuItemSeparator(),
			item("menu.earlier", w.unlessModal(func() { w.edit.moveStep(-1) }), earlierShortcut),
			item("menu.later", w.unlessModal(func() { w.edit.moveStep(1) }), laterShortcut),
			item("menu.bydate", w.unlessModal(w.edit.tellByDate), nil),
			fyne.NewMenuItemSeparator(),
			item("menu.storydetails", w.unlessModal(w.edit.showStoryDialog), nil)),
		fyne.NewMenu(tr(lang, "menu.view"),
			item("zoom.in", func() { st.Zoom(keyZoom) }, zoomInShortcut),
			item("zoom.out", func() { st.Zoom(1 / keyZoom) }, zoomOutShortcut),
			item("zoom.reset", st.ShowAll, resetShortcut),
			fyne.NewMenuItemSeparator(),
			item("menu.play", w.timeline.filter.togglePlay, playShortcut),
			fyne.NewMenuItemSeparator(),
			item("menu.find", w.search.focus, findShortcut),
			fyne.NewMenuItemSeparator(),
			language),
		fyne.NewMenu(tr(lang, "menu.help"),
			fyne.NewMenuItem(tr(lang, "help.title"), w.unlessModal(func() {
				w.showMessage(tr(st.Lang(), "help.title"), tr(st.Lang(), "help.body"))
			})),
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
		quitShortcut:       w.quit,
		findShortcut:       w.search.focus,
		newShortcut:        w.edit.newStory,
		saveShortcut:       func() { w.edit.save(nil) },
		undoShortcut:       w.undoKey,
		redoShortcut:       w.redoKey,
		addItemShortcut:    func() { w.edit.addItem(nil) },
		editItemShortcut:   w.editKey,
		deleteItemShortcut: w.edit.deleteSelected,
		earlierShortcut:    func() { w.edit.moveStep(-1) },
		laterShortcut:      func() { w.edit.moveStep(1) },
		playShortcut:       w.timeline.filter.togglePlay,
	}
	w.shortcuts = shortcuts
	for sc := range shortcuts {
		c.AddShortcut(sc, w.runShortcut)
	}
	c.SetOnTypedKey(w.globalKey)
	c.SetOnTypedRune(w.globalRune)
}

// unlessModal is f, run only when no dialog is open: the menu's
// shortcuts reach their items whatever is open.
func (w *Window) unlessModal(f func()) func() {
	return func() {
		if !w.modal() {
			f()
		}
	}
}

// undoKey is Ctrl+Z: in a text field it undoes the typing, elsewhere the
// last change to the story. (Fyne gives the menu's shortcuts first go.)
func (w *Window) undoKey() {
	if w.passToField(&fyne.ShortcutUndo{}) || w.modal() {
		return
	}
	w.edit.undo()
}

// redoKey is Ctrl+Shift+Z, as undoKey.
func (w *Window) redoKey() {
	if w.passToField(&fyne.ShortcutRedo{}) || w.modal() {
		return
	}
	w.edit.redo()
}

// editKey is Ctrl+Enter: in the item form it applies the form, elsewhere
// it opens the form for the selected item.
func (w *Window) editKey() {
	if w.edit.form != nil {
		w.edit.form.apply()
		return
	}
	w.edit.editItem()
}

// passToField gives a shortcut to the text field that has the focus, if
// one has; false when none has.
func (w *Window) passToField(sc fyne.Shortcut) bool {
	if e, ok := w.Canvas().Focused().(interface {
		fyne.Shortcutable
		SelectedText() string
	}); ok {
		e.TypedShortcut(sc)
		return true
	}
	return false
}

// recentMenu is File › Open recent: the last stories opened or saved.
func (w *Window) recentMenu(lang string) *fyne.MenuItem {
	it := fyne.NewMenuItem(tr(lang, "menu.recent"), nil)
	var items []*fyne.MenuItem
	for _, p := range w.recent() {
		items = append(items, fyne.NewMenuItem(clipText(p, 90), w.unlessModal(func() { w.openAsking(p) })))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem(tr(lang, "menu.recent.none"), nil)
		none.Disabled = true
		items = append(items, none)
	}
	it.ChildMenu = fyne.NewMenu("", items...)
	return it
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
