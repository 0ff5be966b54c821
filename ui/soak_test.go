package ui

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	"sovmap/geo/appstate"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// TestSoak drives 10,000 random pans, zooms, selections, steps and resizes
// through the widgets, drawing the map as it goes, and checks that nothing
// panics, no goroutines pile up, and the heap after GC stays within 10% of
// where it settled. go test -short skips it.
func TestSoak(t *testing.T) {
	if testing.Short() {
		t.Skip("soak test: 10,000 actions")
	}
	// Fyne keeps a widget's renderer for a minute after it was last drawn
	// (FYNE_CACHE, read when the process starts), then drops it on a paint.
	// In a long session that minute passes; here the test runs itself again
	// with a one-second cache so it passes within the test.
	if os.Getenv("FYNE_CACHE") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSoak$", "-test.v")
		cmd.Env = append(os.Environ(), "FYNE_CACHE=1s")
		out, err := cmd.CombinedOutput()
		for _, line := range strings.Split(string(out), "\n") {
			if strings.Contains(line, "soak_test.go") {
				t.Log(strings.TrimSpace(line))
			}
		}
		if err != nil {
			t.Fatalf("soak run failed: %v\n%s", err, out)
		}
		return
	}
	w := newTestWindow(t)
	v := w.mapView
	st := w.state
	rng := rand.New(rand.NewPCG(1, 2))
	sizes := []fyne.Size{{Width: 1280, Height: 800}, {Width: 900, Height: 700}, {Width: 1600, Height: 1000}, {Width: 700, Height: 500}}
	act := func(i int) {
		size := v.Size()
		at := fyne.NewPos(rng.Float32()*size.Width, rng.Float32()*size.Height)
		switch rng.IntN(9) {
		case 0, 1:
			v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at}, Dragged: fyne.Delta{DX: rng.Float32()*80 - 40, DY: rng.Float32()*80 - 40}})
		case 2, 3:
			v.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: at}, Scrolled: fyne.Delta{DY: rng.Float32()*120 - 60}})
		case 4:
			v.Tapped(&fyne.PointEvent{Position: at})
		case 5:
			items := st.Story().Items
			st.SelectItem(items[rng.IntN(len(items))])
		case 6:
			st.Step(rng.IntN(3) - 1)
		case 7:
			if rng.IntN(10) == 0 {
				w.Resize(sizes[rng.IntN(len(sizes))])
			} else {
				v.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}})
			}
		case 8:
			switch rng.IntN(20) {
			case 0:
				st.ShowAll()
			case 1:
				st.SetFilter(appstate.Filter{Dates: true, From: 20100 + rng.IntN(60), To: 20160 + rng.IntN(60)})
			default:
				st.ClearSelection()
			}
		}
		if i%20 == 0 { // draw the map at its current size, as a frame would
			sz := v.Size()
			v.draw(int(sz.Width), int(sz.Height))
		}
		if i%500 == 0 { // paint the window: Fyne cleans its caches on paints
			w.Canvas().Capture()
		}
	}
	// settle brings the window to one state (no selection, no filter, the
	// whole country: the panels then hold the same widgets) and one size
	// with both frame buffers drawn, lets Fyne's caches expire and be
	// cleaned, and reads the heap after GC. Fyne drops expired renderers
	// on a paint, but at most once in 10 seconds: the second paint, 10.1 s
	// after the first, is sure to clean whatever the first did not.
	settle := func() runtime.MemStats {
		st.ClearSelection()
		st.SetFilter(appstate.Filter{})
		st.ShowAll()
		w.Resize(sizes[2])
		v.draw(1600, 1000)
		v.draw(1600, 1000)
		time.Sleep(1100 * time.Millisecond) // past FYNE_CACHE
		w.Canvas().Capture()
		time.Sleep(10100 * time.Millisecond) // past Fyne's cleaning interval
		w.Canvas().Capture()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms
	}
	for i := 0; i < 2000; i++ { // warm up: caches, buffers, the largest size
		act(i)
	}
	before := settle()
	goroutines := runtime.NumGoroutine()
	start := time.Now()
	const actions = 10000
	for i := 0; i < actions; i++ {
		act(i)
		if i%2000 == 1999 {
			var ms runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&ms)
			t.Logf("after %d actions: heap %.1f MB", i+1, float64(ms.HeapAlloc)/1e6)
		}
	}
	after := settle()
	growth := float64(after.HeapAlloc)/float64(before.HeapAlloc) - 1
	t.Logf("%d actions in %v; heap after GC %.1f MB -> %.1f MB (%+.1f%%); goroutines %d -> %d",
		actions, time.Since(start).Round(time.Millisecond), float64(before.HeapAlloc)/1e6, float64(after.HeapAlloc)/1e6,
		growth*100, goroutines, runtime.NumGoroutine())
	if growth > 0.10 {
		t.Errorf("heap grew by %.1f%%, want within 10%%", growth*100)
	}
	if n := runtime.NumGoroutine(); n > goroutines+2 {
		t.Errorf("goroutines grew from %d to %d", goroutines, n)
	}
}
