package ui

import (
	"slices"

	"testing"
	"time"

	"fyne.io/fyne/v2"

	"sovmap/geo/story"
)

func day(t *testing.T, iso string) float64 {
	t.Helper()
	tm, err := time.Parse("2006-01-02", iso)
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := story.Date{Year: tm.Year(), Month: int(tm.Month()), Day: tm.Day(), Precision: story.Day}.Days()
	return float64(first)
}

func TestDateFilter(t *testing.T) {
	w := newTestWindow(t)
	f := w.timeline.filter
	if !f.content.Visible() {
		t.Fatal("the date filter is hidden for a story of many dates")
	}
	w.SelectPlace("huitzilac")
	shownIDs := func() map[string]int {
		_, sc := w.mapView.lastFrame()
		ids := map[string]int{}
		for _, m := range sc.Markers {
			ids[m.ID] = m.Count
		}
		return ids
	}
	// Brushing from 1 April to the end: Huitzilac (January) and Teuchitlán
	// (March) leave the map.
	_, last, _ := w.state.Story().Span()
	brush(f.axis, int(day(t, "2025-04-01")), last)
	capture(w)
	got := shownIDs()
	if _, ok := got["huitzilac"]; ok {
		t.Errorf("Huitzilac is still drawn from 1 April: %v", got)
	}
	if _, ok := got["teuchitlan"]; ok {
		t.Errorf("Teuchitlán is still drawn from 1 April: %v", got)
	}
	if got["teocaltiche"] != 2 || got["coxquihui"] != 1 {
		t.Errorf("markers from 1 April: %v, want Teocaltiche (2) and Coxquihui (1)", got)
	}
	// Morelos held only Huitzilac's incident: it is no longer highlighted.
	if _, sc := w.mapView.lastFrame(); slices.Contains(sc.Highlighted, "MX-MOR") || !slices.Contains(sc.Highlighted, "MX-JAL") {
		t.Errorf("highlighted states from 1 April: %v", sc.Highlighted)
	}
	if w.state.Place() != nil {
		t.Error("the selection stayed on a place the filter hides")
	}
	undated := 0
	for _, it := range w.timeline.rows {
		if it == nil {
			continue
		}
		if first, _, dated := it.Date.Days(); dated && first < int(day(t, "2025-04-01")) {
			t.Errorf("timeline still shows %s", it.ID)
		}
		if !it.Date.Dated() {
			undated++
		}
	}
	want := 0
	for _, it := range w.state.Story().Items {
		if !it.Date.Dated() {
			want++
		}
	}
	if undated != want || want == 0 {
		t.Errorf("%d undated items on the filtered timeline, want all %d", undated, want)
	}
	// Dragging the brush's start: the brush moves, its width kept.
	flt := w.state.Filter()
	width := flt.To - flt.From
	brush(f.axis, flt.From+1, flt.From-2)
	if got := w.state.Filter(); got.To-got.From != width || got.From != flt.From-3 {
		t.Errorf("moving the brush by 3 days: %d to %d, want %d to %d", got.From, got.To, flt.From-3, flt.From-3+width)
	}
	// Brushing 1 to 20 April: Coxquihui's "Apr 2025" overlaps; Teocaltiche
	// keeps one of two. (A fresh brush starts outside the old one.)
	f.axis.clear()
	f.jobs.wait()
	brush(f.axis, int(day(t, "2025-04-01")), int(day(t, "2025-04-20")))
	capture(w)
	if got := shownIDs(); got["teocaltiche"] != 1 || got["coxquihui"] != 1 {
		t.Errorf("markers from 1 to 20 April: %v, want Teocaltiche (1) and Coxquihui (1)", got)
	}
	// Stepping goes through what is shown only.
	w.state.Step(1)
	if it := w.state.Item(); it == nil || !w.state.Filter().Shows(it) {
		t.Errorf("step selected %v, outside the range", it)
	}
	// With the focus, the arrows move the brush a day; Escape clears it.
	flt = w.state.Filter()
	f.axis.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	f.jobs.wait()
	if got := w.state.Filter(); got.From != flt.From+1 || got.To != flt.To+1 {
		t.Errorf("Right moved the brush to %d–%d, want %d–%d", got.From, got.To, flt.From+1, flt.To+1)
	}
	f.axis.DoubleTapped(&fyne.PointEvent{})
	f.jobs.wait()
	if w.state.Filter().Dates {
		t.Error("a double click left the range")
	}
	// A new story resets the filter.
	w.state.SetStory(builtInStory(t))
	capture(w)
	if w.state.Filter().Dates || len(shownIDs()) != 4 {
		t.Errorf("after a new story: filter %+v, markers %v", w.state.Filter(), shownIDs())
	}
}

// brush drags across the time axis from day from to day to, as a mouse
// would: pressed in the middle of the first day, released in the middle of
// the last.
func brush(a *timeAxis, from, to int) {
	w := a.Size().Width
	x := func(d int) float32 { return (a.xOf(d, w) + a.xOf(d+1, w)) / 2 }
	y := a.Size().Height / 2
	a.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x(to), y)}, Dragged: fyne.NewDelta(x(to)-x(from), 0)})
	a.DragEnd()
	a.jobs.wait() // the filter is worked out off the UI goroutine
}

// Brushing a range that keeps the selected place keeps the selection (and
// its item, where that is in range too).
func TestBrushKeepsTheSelectionInRange(t *testing.T) {
	w := newTestWindow(t)
	f := w.timeline.filter
	w.SelectPlace("teocaltiche")
	it := w.state.Item()
	_, last, _ := w.state.Story().Span()
	brush(f.axis, int(day(t, "2025-04-20")), last)
	capture(w)
	if p := w.state.Place(); p == nil || p.ID != "teocaltiche" {
		t.Fatalf("brushing 20 April on, the selection is %v, want Teocaltiche still", p)
	}
	if got := w.state.Item(); got == nil || (it != nil && w.state.Filter().Shows(it) && got != it) {
		t.Errorf("the selected item went from %v to %v", it, got)
	}
}

// The time axis names its lanes, in the window's language, each beside
// its own lane, left of the days: no name runs into the next lane's or
// into the first day.
func TestTimeAxisNamesItsLanes(t *testing.T) {
	w := newTestWindow(t)
	a := w.timeline.filter.axis
	for _, lang := range []string{"en", "es"} {
		w.state.SetLanguage(lang)
		want := map[string][]string{"en": {"Mexico", "US", "Press", "Context", "Incidents"}, "es": {"México", "EE. UU.", "Prensa", "Contexto", "Hechos"}}[lang]
		first, _, _ := a.span()
		for i, l := range a.lanes {
			if l.Text != want[i] || !l.Visible() {
				t.Errorf("%s: lane %d is named %q (shown: %v), want %q", lang, i, l.Text, l.Visible(), want[i])
			}
			if right := l.Position().X + l.Size().Width; right > a.xOf(first, a.Size().Width) {
				t.Errorf("%s: %q ends at %.0f, over the first day at %.0f", lang, l.Text, right, a.xOf(first, a.Size().Width))
			}
			mid := l.Position().Y + l.Size().Height/2
			if top := float32(i) * (laneHeight + laneGap); mid < top || mid > top+laneHeight {
				t.Errorf("%s: %q is centred at %.1f, off its lane (%.0f to %.0f)", lang, l.Text, mid, top, top+laneHeight)
			}
		}
	}
}
