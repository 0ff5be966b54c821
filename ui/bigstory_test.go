package ui

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"sovmap/geo/geotest"
	"sovmap/geo/timeaxis"
)

// bigStoryRows is the size of the story the window is tried with in the
// ordinary tests: enough that work per row per row (a quadratic path)
// shows as a failure here, not as a frozen window for a user.
const bigStoryRows = 10_000

// noEnd is an ACLED row dated 9999-12-31, the "no end" value some
// exports use.
const noEnd = "MEXEND,9999-12-31,9999,1,Political violence,Battles,Armed clash,Unidentified Armed Group (Mexico),,3,Civilians (Mexico),,7,37,Civilian targeting,484,Central America,Mexico,Jalisco,Teuchitlan,,Teuchitlan,20.68,-103.85,1,El Universal,National,\"A row with a no-end date.\",2,,1700000000\n"

// openBigStory opens, through File › Open's path, an ACLED file of
// bigStoryRows rows and one dated 9999-12-31.
func openBigStory(t *testing.T, w *Window) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "acled.csv")
	if err := os.WriteFile(path, append(geotest.ACLEDRows(bigStoryRows), noEnd...), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case <-w.OpenStory(path):
	case <-time.After(2 * time.Minute):
		t.Fatal("the story did not open in two minutes")
	}
	if n := len(w.state.Story().Items); n != bigStoryRows+1 {
		t.Fatalf("opened %d items, want %d", n, bigStoryRows+1)
	}
	capture(w)
}

// The timeline's work follows the rows on screen, not the rows in the
// story: opening, resizing, changing language and scrolling to the end of
// 10,001 rows cuts to fit only the titles drawn.
func TestBigStoryTimelineWorksOnTheRowsShown(t *testing.T) {
	w := newTestWindow(t)
	openBigStory(t, w)
	tl := w.timeline
	if len(tl.rows) != bigStoryRows+1 {
		t.Fatalf("the timeline lists %d rows, want %d", len(tl.rows), bigStoryRows+1)
	}
	// The rows one screen of the list holds, and a few either side.
	onScreen := func() int { return int(tl.list.Size().Height/tl.rowHeight) + 4 }
	steps := []struct {
		name string
		do   func()
	}{
		{"opened", func() {}},
		{"narrower", func() { w.Resize(fyne.NewSize(1100, 800)) }},
		{"wider", func() { w.Resize(fyne.NewSize(1400, 900)) }},
		{"in Spanish", func() { w.state.SetLanguage("es") }},
		{"scrolled to the end", func() { tl.list.ScrollToBottom() }},
		{"scrolled to the middle", func() { tl.list.ScrollTo(bigStoryRows / 2) }},
	}
	budget := 0
	for _, s := range steps {
		before := tl.fitted
		s.do()
		capture(w)
		budget += onScreen()
		if got := tl.fitted - before; got > 2*onScreen() {
			t.Errorf("%s: %d titles cut to fit, for about %d rows on screen", s.name, got, onScreen())
		}
	}
	if tl.fitted > 2*budget {
		t.Errorf("%d titles cut to fit in all, for %d rows shown", tl.fitted, budget)
	}
	// Every row is the template's height: no row sets its own.
	if row := tl.newRow(); row.MinSize().Height != tl.rowHeight {
		t.Errorf("a row's height %v, the list's %v", row.MinSize().Height, tl.rowHeight)
	}
}

// The time axis at 10,001 items: the "no end" date is set aside and
// counted, not 8,000 years of ticks; the ticks fit the width; the lanes
// are counted once a filter and width, however often the axis draws; a
// brushed range shows on the map and the timeline exactly the items it
// overlaps.
func TestBigStoryTimeAxis(t *testing.T) {
	w := newTestWindow(t)
	openBigStory(t, w)
	a := w.timeline.filter.axis
	if a.sp.After != 1 || a.sp.Before != 0 {
		t.Errorf("set aside %d before and %d after, want the one 9999-12-31", a.sp.Before, a.sp.After)
	}
	if years := a.sp.Days() / 365; years > 10 {
		t.Errorf("the axis spans %d years", years)
	}
	if !a.outside[1].Visible() || a.outside[1].Text != "1 later date ›" {
		t.Errorf("the date set aside reads %q (shown: %v)", a.outside[1].Text, a.outside[1].Visible())
	}
	width := a.Size().Width
	ticks := timeaxis.Ticks(a.sp, a.tickStep(width))
	if limit := int(width/tickGap) + 2; len(ticks) > limit || len(ticks) < 2 {
		t.Errorf("%d ticks in %v units (at most %d)", len(ticks), width, limit)
	}
	shown := 0 // the labels are pooled: those past the ticks are hidden
	for _, l := range a.ticks {
		if l.Visible() {
			shown++
		}
	}
	if shown > len(ticks) {
		t.Errorf("%d tick labels shown for %d ticks", shown, len(ticks))
	}

	counted := a.counted
	for range 10 {
		a.Refresh()
		capture(w)
	}
	if a.counted != counted {
		t.Errorf("ten redraws counted the lanes %d times, want none", a.counted-counted)
	}

	first, days, _ := a.span()
	brush(a, first+days/3, first+days/2)
	capture(w)
	if a.counted != counted+1 {
		t.Errorf("a brush counted the lanes %d times, want once", a.counted-counted)
	}
	flt := w.state.Filter()
	if !flt.Dates {
		t.Fatal("the brush set no range")
	}
	want := 0
	for _, it := range w.state.Story().Items {
		if f, l, ok := it.Date.Days(); ok && l >= flt.From && f <= flt.To {
			want++
		}
	}
	if want < bigStoryRows/10 {
		t.Fatalf("the brush holds only %d items", want)
	}
	if got := len(w.state.Shown().Items); got != want {
		t.Errorf("%d items shown, %d overlap the range", got, want)
	}
	if got := len(w.timeline.rows); got != want {
		t.Errorf("the timeline lists %d rows, %d overlap the range", got, want)
	}
	// Every item in the range is drawn on the axis: each adds one to at
	// least one column of its lane (a month's item to a few).
	var drawn int
	for lane := range axisLanes {
		for _, n := range a.bins[1][lane].Counts() {
			drawn += int(n)
		}
	}
	if drawn < want || drawn > 4*want {
		t.Errorf("the shown lanes count %d, for %d items in the range", drawn, want)
	}
}

// A shorter soak at 10,001 rows: random pans, zooms, taps, selections,
// steps, brushes of the time axis and texts in the actor field (worked out
// off the UI goroutine), scrolls of the timeline and resizes, the map
// drawn as it goes. Nothing panics, every brush is applied, and no
// goroutine is left behind once the filters are done.
func TestBigStorySoak(t *testing.T) {
	w := newTestWindow(t)
	openBigStory(t, w)
	v, st, tl := w.mapView, w.state, w.timeline
	a, kinds := tl.filter.axis, tl.filter.kinds
	first, days, _ := a.span()
	goroutines := runtime.NumGoroutine()
	rng := rand.New(rand.NewPCG(3, 4))
	sizes := []fyne.Size{{Width: 1280, Height: 800}, {Width: 900, Height: 700}, {Width: 1600, Height: 1000}}
	for i := range 1500 {
		size := v.Size()
		at := fyne.NewPos(rng.Float32()*size.Width, rng.Float32()*size.Height)
		switch rng.IntN(10) {
		case 0, 1:
			v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at}, Dragged: fyne.Delta{DX: rng.Float32()*80 - 40, DY: rng.Float32()*80 - 40}})
		case 2:
			v.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: at}, Scrolled: fyne.Delta{DY: rng.Float32()*120 - 60}})
		case 3:
			v.Tapped(&fyne.PointEvent{Position: at})
		case 4:
			items := st.Story().Items
			st.SelectItem(items[rng.IntN(len(items))])
		case 5:
			st.Step(rng.IntN(3) - 1)
		case 6:
			from := first + rng.IntN(days)
			a.setRange(from, from+rng.IntN(days/4+1))
			// Fyne's test driver runs the worker's fyne.DoAndWait on the
			// worker's goroutine, not the UI's: wait before going on.
			tl.filter.jobs.wait()
		case 7:
			kinds.actor.SetText([]string{"", "Unidentified", "civ", "zzz"}[rng.IntN(4)])
			tl.filter.jobs.wait()
		case 8:
			if len(tl.rows) > 0 {
				tl.list.ScrollTo(rng.IntN(len(tl.rows)))
			}
		case 9:
			if rng.IntN(8) == 0 {
				w.Resize(sizes[rng.IntN(len(sizes))])
			} else {
				st.ClearSelection()
			}
		}
		if i%20 == 0 {
			tl.filter.jobs.wait()
			sz := v.Size()
			v.draw(int(sz.Width), int(sz.Height))
		}
	}
	tl.filter.jobs.wait()
	if want := tl.filter.jobs.filter(); st.Filter() != want {
		t.Errorf("the last filter asked for, %+v, is not the session's, %+v", want, st.Filter())
	}
	capture(w)
	if n := runtime.NumGoroutine(); n > goroutines+2 {
		t.Errorf("goroutines grew from %d to %d", goroutines, n)
	}
}
