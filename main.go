// Command sovmap is a desktop map of a news story: Mexico's states, the
// places of the story's incidents, and the timeline of the 2025 US–Mexico
// sovereignty dispute. It works with no network at all.
package main

import (
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2/app"

	"sovmap/ui"
)

func main() {
	start := time.Now()
	a := app.NewWithID(ui.AppID)
	w, err := ui.NewWindow(a)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sovmap:", err)
		os.Exit(1)
	}
	if os.Getenv("SOVMAP_REPORT_FIRST_FRAME") != "" {
		w.ReportFirstFrame(start)
	}
	w.ShowAndRun()
}
