package ui

import (
	"os"
	"path/filepath"
	"testing"

	"sovmap/geo/appstate"
	"sovmap/geo/geotest"
	"sovmap/geo/storyfile"
)

// openStoryOf opens a window on an ACLED file of n rows, for benchmarks.
func openStoryOf(b *testing.B, n int) *Window {
	b.Helper()
	w := newTestWindow(b)
	path := filepath.Join(b.TempDir(), "acled.csv")
	if err := os.WriteFile(path, append(geotest.ACLEDRows(n), noEnd...), 0o644); err != nil {
		b.Fatal(err)
	}
	<-w.OpenStory(path)
	capture(w)
	return w
}

// BenchmarkBrushStep200k is one step of a brush drag across the time axis
// with 200,000 incidents, in its two parts: "filter", what the filter
// shows, worked out off the UI goroutine (filterJobs); "window", the UI
// goroutine's part, the result applied (the map's scene, the timeline's
// rows, the axis's counts and the panels follow it) and the axis drawn at
// 2× scale. The goal for a step, frame drawn, is under 50 ms; the window's
// part is what keeps the window answering.
func BenchmarkBrushStep200k(b *testing.B) {
	w := openStoryOf(b, 200_000)
	a := w.timeline.filter.axis
	first, days, _ := a.span()
	size := a.Size()
	flt := w.state.Filter()
	jobs := make([]appstate.FilterJob, 2)
	for i := range jobs {
		flt.Dates, flt.From, flt.To = true, first+days/5+i*days/50, first+days/2+i*days/50
		jobs[i] = w.state.FilterJob(flt)
	}
	b.Run("filter", func(b *testing.B) {
		for b.Loop() {
			jobs[0].Run()
		}
	})
	b.Run("window", func(b *testing.B) {
		results := []*appstate.Filtered{jobs[0].Run(), jobs[1].Run()}
		i := 0
		for b.Loop() {
			if !w.state.SetFiltered(results[i%2]) {
				b.Fatal("the result was dropped")
			}
			a.draw(int(2*size.Width), int(2*size.Height))
			i++
		}
	})
}

// BenchmarkTimelineScroll200k scrolls the timeline of 200,000 rows a
// screen at a time, the rows on screen brought up to date each step.
func BenchmarkTimelineScroll200k(b *testing.B) {
	w := openStoryOf(b, 200_000)
	tl := w.timeline
	page := int(tl.list.Size().Height / tl.rowHeight)
	b.ResetTimer()
	i := 0
	for b.Loop() {
		tl.list.ScrollTo((i * page * 97) % len(tl.rows))
		i++
	}
}

// BenchmarkShowStory200k is the UI goroutine's part of opening a story of
// 200,000 incidents: the prepared story shown (the panels, the timeline,
// the axis and the map's scene follow it), the reading and preparing
// having been done on another goroutine. The watchdog's bound for any one
// stretch of the UI goroutine's work is 100 ms.
func BenchmarkShowStory200k(b *testing.B) {
	w := openStoryOf(b, 1000)
	var prepared [2]*appstate.Prepared
	for i := range prepared {
		s, _, err := storyfile.ParseBytes("acled.csv", geotest.ACLEDRows(200_000-i), storyfile.Options{})
		if err != nil {
			b.Fatal(err)
		}
		prepared[i] = appstate.Prepare(s, w.state.Map())
	}
	i := 0
	for b.Loop() {
		w.state.SetPrepared(prepared[i%2])
		i++
	}
}
