// Command labelwindow is the second baseline of the start-up benchmark: the
// empty window of testdata/emptywindow with one line of text under its
// raster. The first text Fyne draws loads its fonts; this window pays that
// and nothing else, so that the benchmark shows what any window with text
// costs here before Sovmap's own work.
package main

import (
	"fmt"
	"image"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

func main() {
	start := time.Now()
	a := app.NewWithID("org.sovmap.LabelWindow")
	w := a.NewWindow("Label")
	done := false
	raster := canvas.NewRaster(func(width, height int) image.Image {
		if !done {
			done = true
			fmt.Fprintf(os.Stderr, "first-frame %.1f ms\n", float64(time.Since(start).Microseconds())/1000)
		}
		return image.NewRGBA(image.Rect(0, 0, width, height))
	})
	w.SetContent(container.NewBorder(nil, widget.NewLabel("One line of text"), nil, nil, raster))
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
}
