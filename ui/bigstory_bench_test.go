package ui

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sovmap/geo/geotest"
)

// openStoryOf opens a window on an ACLED file of n rows, for benchmarks.
func openStoryOf(b *testing.B, n int) *Window {
	b.Helper()
	a := test.NewTempApp(b)
	a.Preferences().SetString(prefLang, "en")
	w, err := NewWindow(a, builtInStory(b))
	if err != nil {
		b.Fatal(err)
	}
	w.Resize(fyne.NewSize(1280, 800))
	w.Show()
	b.Cleanup(w.Close)
	if err := w.WaitForMap(time.Minute); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "acled.csv")
	if err := os.WriteFile(path, append(geotest.ACLEDRows(n), noEnd...), 0o644); err != nil {
		b.Fatal(err)
	}
	<-w.OpenStory(path)
	capture(w)
	return w
}

// BenchmarkBrushStep200k is one step of a brush drag across the time axis
// with 200,000 incidents, as the UI goroutine does it: the filter set (the
// map's scene, the timeline's rows and the axis's counts follow it) and
// the axis drawn at 2× scale. The goal for the whole step, frame drawn, is
// under 50 ms.
func BenchmarkBrushStep200k(b *testing.B) {
	w := openStoryOf(b, 200_000)
	a := w.timeline.filter.axis
	first, days, _ := a.span()
	size := a.Size()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		from := first + (i%50)*days/100
		a.setRange(from, from+days/4)
		a.draw(int(2*size.Width), int(2*size.Height))
		i++
	}
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
