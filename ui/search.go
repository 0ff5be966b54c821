package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/paulmach/orb"

	"sovmap/geo"
	"sovmap/geo/gazetteer"
)

var _ fyne.Focusable = (*searchEntry)(nil)

// search is the field that finds any of Mexico's places by name (Ctrl+F):
// results show under it as one types, the best first; Enter, or a click,
// flies the map there and outlines the municipality (or state).
type search struct {
	w       *Window
	entry   *searchEntry
	list    *widget.List
	panel   *fyne.Container // the list on its background, under the field
	results []gazetteer.Place
	chosen  int                  // the result Enter picks
	moving  bool                 // the arrows, not a click, are selecting a row
	gaz     *gazetteer.Gazetteer // nil until loaded
	content fyne.CanvasObject
}

// searchResults is how many places the list shows.
const searchResults = 8

// searchWidth is the field's width, in units.
const searchWidth = 300

func newSearch(w *Window) *search {
	s := &search{w: w}
	s.entry = &searchEntry{s: s}
	s.entry.ExtendBaseWidget(s.entry)
	s.entry.OnChanged = func(string) { s.update() }
	s.entry.OnSubmitted = func(string) { s.pick(s.chosen) }
	s.list = widget.NewList(
		func() int { return len(s.results) },
		func() fyne.CanvasObject {
			row := widget.NewRichText(
				&widget.TextSegment{Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}},
				&widget.TextSegment{Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder}})
			row.Truncation = fyne.TextTruncateEllipsis
			return row
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(s.results) {
				return
			}
			row := o.(*widget.RichText)
			row.Segments[0].(*widget.TextSegment).Text = s.results[i].Name
			row.Segments[1].(*widget.TextSegment).Text = "  " + s.where(s.results[i])
			row.Refresh()
		})
	s.list.OnSelected = func(i widget.ListItemID) {
		if !s.moving {
			s.pick(i)
		}
	}
	s.refreshLanguage()
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	s.panel = container.NewStack(bg, s.list)
	s.panel.Hide()
	s.content = container.New(&searchLayout{s: s}, s.entry, s.panel)
	return s
}

// searchLayout puts the field at searchWidth, and the results under it
// as tall as their rows, at most searchRows of them.
type searchLayout struct{ s *search }

// searchRows is how many results show without scrolling.
const searchRows = 6

func (l *searchLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	entry, panel := objs[0], objs[1]
	eh := entry.MinSize().Height
	entry.Move(fyne.NewPos(0, 0))
	entry.Resize(fyne.NewSize(searchWidth, eh))
	row := l.s.list.MinSize().Height
	n := min(len(l.s.results), searchRows)
	panel.Move(fyne.NewPos(0, eh+theme.Padding()))
	panel.Resize(fyne.NewSize(searchWidth, float32(n)*(row+theme.SeparatorThicknessSize())))
}

// MinSize is the field's alone: the results lie over the map below it.
func (l *searchLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(searchWidth, objs[0].MinSize().Height)
}

// setGazetteer gives the field its places, once they have loaded.
func (s *search) setGazetteer(g *gazetteer.Gazetteer) {
	s.gaz = g
	s.refreshLanguage()
	s.update()
}

// refreshLanguage sets the field's hint in the state's language.
func (s *search) refreshLanguage() {
	lang := s.w.state.Lang()
	if s.gaz == nil {
		s.entry.SetPlaceHolder(tr(lang, "search.loading"))
	} else {
		s.entry.SetPlaceHolder(tr(lang, "search.placeholder"))
	}
	s.list.Refresh()
}

// where is a result's second line: what it is and where, in words.
func (s *search) where(p gazetteer.Place) string {
	lang := s.w.state.Lang()
	switch p.Kind {
	case gazetteer.KindState:
		return tr(lang, "search.state")
	case gazetteer.KindMunicipality:
		return fmt.Sprintf(tr(lang, "search.municipality"), p.State.Name)
	}
	return p.Municipality.Name + ", " + p.State.Name
}

// update finds the places of the field's text and shows them under it.
func (s *search) update() {
	if s.gaz == nil {
		return
	}
	s.results = s.gaz.Find(s.entry.Text, searchResults)
	s.chosen = 0
	if len(s.results) == 0 {
		s.hide()
		return
	}
	s.list.UnselectAll()
	s.list.Refresh()
	s.show()
}

// show puts the results under the field.
func (s *search) show() {
	s.panel.Show()
	s.content.Refresh()
}

// hide takes the results away.
func (s *search) hide() {
	s.panel.Hide()
}

// move changes which result Enter picks.
func (s *search) move(delta int) {
	if len(s.results) == 0 {
		return
	}
	s.chosen = min(max(s.chosen+delta, 0), len(s.results)-1)
	s.moving = true
	s.list.Select(s.chosen)
	s.moving = false
}

// pick flies to result i and outlines its area.
func (s *search) pick(i int) {
	if i < 0 || i >= len(s.results) {
		return
	}
	p := s.results[i]
	s.hide()
	s.w.goTo(p)
}

// focus puts the keyboard in the field, its text selected.
func (s *search) focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(s.entry); c != nil {
		c.Focus(s.entry)
		s.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// searchEntry is the field: an entry whose up and down arrows choose among
// the results, and whose Escape closes them.
type searchEntry struct {
	widget.Entry
	s *search
}

// TypedKey is part of fyne.Focusable.
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		e.s.move(1)
	case fyne.KeyUp:
		e.s.move(-1)
	case fyne.KeyEscape:
		e.s.hide()
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			c.Unfocus()
		}
	default:
		e.Entry.TypedKey(k)
	}
}

// goTo flies the map to a place found by name and outlines the area it
// stands for: a locality's municipality (centred on the locality), a
// municipality, a state.
func (w *Window) goTo(p gazetteer.Place) {
	st := w.state
	m := st.Map()
	if m == nil {
		return
	}
	// The window's map, which may be another load than the gazetteer's.
	var area *geo.Region
	if p.Municipality != nil {
		area = m.MunicipalityByKey(p.Municipality.Code)
	} else {
		area = m.StateByCode(p.State.Code)
	}
	if area == nil {
		return
	}
	var center *orb.Point
	if p.Kind == gazetteer.KindLocality {
		c := m.Proj.Forward(p.LonLat)
		center = &c
	}
	w.story.stop()
	st.ShowFound(area.Code)
	w.flight.to(st.ViewOf(area.Bound, center))
}
