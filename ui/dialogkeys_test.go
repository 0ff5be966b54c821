package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
)

// Help › About closes with Enter or Escape, as every message does; "Replace
// the file?" answers yes to Enter and no to Escape.
func TestDialogKeys(t *testing.T) {
	w := newTestWindow(t)
	for _, key := range []fyne.KeyName{fyne.KeyEscape, fyne.KeyReturn} {
		w.showAbout()
		if w.Canvas().Overlays().Top() == nil {
			t.Fatal("About did not open")
		}
		w.globalKey(&fyne.KeyEvent{Name: key})
		if w.Canvas().Overlays().Top() != nil {
			t.Errorf("%s left About open", key)
		}
	}
	path := filepath.Join(t.TempDir(), "map.png")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		key   fyne.KeyName
		wrote bool
	}{{fyne.KeyReturn, true}, {fyne.KeyEscape, false}} {
		wrote := false
		w.confirmWrite(path, func() { wrote = true })
		if w.Canvas().Overlays().Top() == nil {
			t.Fatal("no question before replacing a file")
		}
		w.globalKey(&fyne.KeyEvent{Name: tt.key})
		if wrote != tt.wrote || w.Canvas().Overlays().Top() != nil || w.confirmOp != nil {
			t.Errorf("%s: wrote %v (want %v), question still open: %v", tt.key, wrote, tt.wrote, w.Canvas().Overlays().Top() != nil)
		}
	}
}

// Dialogs never stack: with one open, every menu item but Quit, Undo and
// Redo (reached by its shortcut, as the menus' shortcuts reach their items
// whatever is open) opens nothing over it and changes nothing.
func TestDialogsDoNotStack(t *testing.T) {
	w, _ := newEditingWindow(t)
	w.showAbout()
	over := w.Canvas().Overlays().List()
	story, lang, view := w.state.Story(), w.state.Lang(), w.state.View()
	var walk func(items []*fyne.MenuItem)
	walk = func(items []*fyne.MenuItem) {
		for _, it := range items {
			if it.ChildMenu != nil {
				walk(it.ChildMenu.Items)
			}
			if it.Action == nil || it.IsQuit || it.Shortcut == undoShortcut || it.Shortcut == redoShortcut {
				continue
			}
			it.Action()
			if got := w.Canvas().Overlays().List(); len(got) != len(over) {
				t.Errorf("%q opened over About (%d overlays, want %d)", it.Label, len(got), len(over))
				for len(w.Canvas().Overlays().List()) > len(over) {
					w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
				}
			}
			if w.state.Story() != story || w.state.Lang() != lang || w.state.View() != view {
				t.Errorf("%q changed the window under About", it.Label)
			}
		}
	}
	for _, m := range w.MainMenu().Items {
		walk(m.Items)
	}
}
