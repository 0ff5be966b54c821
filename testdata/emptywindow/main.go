// Command emptywindow is the baseline for the start-up benchmark: a Fyne
// window built the same way as Sovmap's (same size, a raster as content)
// but empty. It prints the time to its first frame like Sovmap does.
package main

import (
	"fmt"
	"image"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
)

func main() {
	start := time.Now()
	a := app.NewWithID("org.sovmap.EmptyWindow")
	w := a.NewWindow("Empty")
	done := false
	w.SetContent(canvas.NewRaster(func(width, height int) image.Image {
		if !done {
			done = true
			fmt.Fprintf(os.Stderr, "first-frame %.1f ms\n", float64(time.Since(start).Microseconds())/1000)
		}
		return image.NewRGBA(image.Rect(0, 0, width, height))
	}))
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
}
