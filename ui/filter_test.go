package ui

import (
	"testing"
	"time"

	"sovmap/assets/story"
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
	<-w.MapLoaded
	f := w.timeline.filter
	if !f.content.Visible() {
		t.Fatal("the date filter is hidden for a story of many dates")
	}
	w.SelectPlace("huitzilac")
	// From 1 April: Huitzilac (January) and Teuchitlán (March) leave the map.
	f.from.SetValue(day(t, "2025-04-01"))
	ids := map[string]bool{}
	for _, m := range w.mapView.markers {
		ids[m.ID] = true
	}
	if ids["huitzilac"] || ids["teuchitlan"] || !ids["teocaltiche"] || !ids["coxquihui"] {
		t.Errorf("markers from 1 April: %v", ids)
	}
	if w.model.place != nil {
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
	if undated != 2 {
		t.Errorf("%d undated items on the filtered timeline, want both", undated)
	}
	// To 20 April: Coxquihui's "Apr 2025" overlaps; Teocaltiche keeps one of two.
	f.to.SetValue(day(t, "2025-04-20"))
	for _, m := range w.mapView.markers {
		if m.ID == "teocaltiche" && m.Count != 1 {
			t.Errorf("Teocaltiche counts %d incidents in range, want 1", m.Count)
		}
	}
	// Stepping goes through what is shown only.
	w.model.step(1)
	if it := w.model.item; it == nil || !w.model.visible(it) {
		t.Errorf("step selected %v, outside the range", it)
	}
	// A new story resets the filter.
	w.SetStory(builtInStory(t))
	if w.model.filtering || len(w.mapView.markers) != 4 {
		t.Errorf("after a new story: filtering %v, %d markers", w.model.filtering, len(w.mapView.markers))
	}
}
