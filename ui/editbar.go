package ui

import (
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/paulmach/orb"
)

// editBar is the map's column of writing buttons, at its top left: add an
// item, edit or delete the selected one, undo, redo. The Edit menu and its
// shortcuts do the same.
type editBar struct {
	add, edit, del, undo, redo *widget.Button
	content                    fyne.CanvasObject
}

func newEditBar(w *Window) *editBar {
	b := &editBar{
		add:  widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() { w.edit.addItem(nil) }),
		edit: widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), w.edit.editItem),
		del:  widget.NewButtonWithIcon("", theme.DeleteIcon(), w.edit.deleteSelected),
		undo: widget.NewButtonWithIcon("", theme.ContentUndoIcon(), w.edit.undo),
		redo: widget.NewButtonWithIcon("", theme.ContentRedoIcon(), w.edit.redo),
	}
	b.content = container.NewVBox(b.add, b.edit, b.del, b.undo, b.redo)
	return b
}

// refreshEditBar enables the buttons that have something to act on.
func (w *Window) refreshEditBar() {
	if w.editBar == nil {
		return
	}
	b := w.editBar
	enable(b.edit, w.state.Item() != nil)
	enable(b.del, w.state.Item() != nil)
	enable(b.undo, w.edit.canUndo())
	enable(b.redo, w.edit.canRedo())
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// showSide puts obj in the panel beside the map; nil puts the details
// back.
func (w *Window) showSide(obj fyne.CanvasObject) {
	if obj == nil {
		obj = w.sideDetails
	}
	w.side.Objects = []fyne.CanvasObject{obj}
	w.side.Refresh()
}

// quit closes the window, asking first about unsaved changes.
func (w *Window) quit() {
	w.edit.askSave(func() {
		w.edit.clearRecovery()
		w.Close()
		w.app.Quit()
	})
}

// mapMenu is the map's right-click menu: an item at the point clicked.
func (w *Window) mapMenu(ll orb.Point, at fyne.Position) {
	lang := w.state.Lang()
	add := fyne.NewMenuItem(tr(lang, "edit.addhere"), func() { w.edit.addItem(&ll) })
	menu := fyne.NewMenu("", add)
	if w.state.Item() != nil {
		menu.Items = append(menu.Items, fyne.NewMenuItem(tr(lang, "menu.edititem"), w.edit.editItem))
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(w.mapView).Add(at)
	widget.ShowPopUpMenuAtPosition(menu, w.Canvas(), pos)
}

// prefRecent holds the stories opened or saved last, newest first, one
// path a line.
const prefRecent = "recent.stories"

// recentLimit is how many stories File › Open recent lists.
const recentLimit = 8

// recent is the stories opened or saved last that are still there.
func (w *Window) recent() []string {
	var out []string
	for _, p := range strings.Split(w.app.Preferences().String(prefRecent), "\n") {
		if p == "" {
			continue
		}
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			out = append(out, p)
		}
	}
	return out
}

// addRecent puts path first in File › Open recent.
func (w *Window) addRecent(path string) {
	if path == "" {
		return
	}
	list := []string{path}
	for _, p := range w.recent() {
		if p != path && len(list) < recentLimit {
			list = append(list, p)
		}
	}
	w.app.Preferences().SetString(prefRecent, strings.Join(list, "\n"))
	w.SetMainMenu(w.menu())
}
