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
