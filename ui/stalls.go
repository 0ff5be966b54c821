package ui

import (
	"fmt"
	"io"
	"time"

	"fyne.io/fyne/v2"

	"sovmap/geo/appstate"
)

// stallReport is the shortest wait for the UI goroutine that reportStalls
// writes down.
const stallReport = 50 * time.Millisecond

// reportStalls writes to out, for as long as the app runs, how long the UI
// goroutine takes to answer: every 10 ms it is asked to run nothing, and
// each answer slower than stallReport is written ("ui-stall 123.4 ms at
// 2.5 s", seconds from the first frame), as
// is every story shown ("story-shown 200001 items") and every frame of
// the map drawn ("map-frame 1765000000123 14.2 ms 1280x720": when it
// began, in milliseconds of Unix time, how long it took and its size).
// The end-to-end tests read it (SOVMAP_REPORT_STALLS) to hold the window
// to answering at once while a large story opens and is worked with, and
// to count the frames of play and time a resize to its next frame.
func (w *Window) reportStalls(out io.Writer) {
	w.state.Listen(appstate.StoryChanged, func(appstate.Change) {
		fmt.Fprintf(out, "story-shown %d items\n", len(w.state.Story().Items))
	})
	w.mapView.drawn = func(width, height int, began time.Time) {
		fmt.Fprintf(out, "map-frame %d %.1f ms %dx%d\n", began.UnixMilli(), float64(time.Since(began).Microseconds())/1000, width, height)
	}
	began := time.Now()
	go func() {
		for {
			start := time.Now()
			fyne.DoAndWait(func() {})
			if d := time.Since(start); d >= stallReport {
				fmt.Fprintf(out, "ui-stall %.1f ms at %.1f s\n", float64(d.Microseconds())/1000, start.Sub(began).Seconds())
			}
			time.Sleep(10 * time.Millisecond)
		}
	}()
}
