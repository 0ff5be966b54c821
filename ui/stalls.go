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
// is every story shown ("story-shown 200001 items"). The end-to-end tests
// read it (SOVMAP_REPORT_STALLS) to hold the window to answering at once
// while a large story opens and is worked with.
func (w *Window) reportStalls(out io.Writer) {
	w.state.Listen(appstate.StoryChanged, func(appstate.Change) {
		fmt.Fprintf(out, "story-shown %d items\n", len(w.state.Story().Items))
	})
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
