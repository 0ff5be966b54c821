package ui

import (
	"slices"
	"testing"
	"time"

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
	// From 1 April: Huitzilac (January) and Teuchitlán (March) leave the map.
	f.from.SetValue(day(t, "2025-04-01"))
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
	if want := 4; undated != want {
		t.Errorf("%d undated items on the filtered timeline, want all %d", undated, want)
	}
	// To 20 April: Coxquihui's "Apr 2025" overlaps; Teocaltiche keeps one of two.
	f.to.SetValue(day(t, "2025-04-20"))
	capture(w)
	if got := shownIDs(); got["teocaltiche"] != 1 || got["coxquihui"] != 1 {
		t.Errorf("markers from 1 to 20 April: %v, want Teocaltiche (1) and Coxquihui (1)", got)
	}
	// Stepping goes through what is shown only.
	w.state.Step(1)
	if it := w.state.Item(); it == nil || !w.state.Filter().Shows(it) {
		t.Errorf("step selected %v, outside the range", it)
	}
	// A new story resets the filter.
	w.state.SetStory(builtInStory(t))
	capture(w)
	if w.state.Filter().Dates || len(shownIDs()) != 4 {
		t.Errorf("after a new story: filter %+v, markers %v", w.state.Filter(), shownIDs())
	}
}
