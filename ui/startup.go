package ui

import (
	"runtime"
	"runtime/debug"
	"sync"
	"time"
)

// pauseGC stops the garbage collector until resume is called (at the
// window's first frame), or for at most a few seconds. Building the window
// takes the heap from a few megabytes to about 40, and the seven
// collections on the way took CPU that start-up, bound by two cores, did
// not have to spare. A ceiling of startupHeapRoom above the memory in use now
// keeps a runaway from growing without limit: past it, the collector runs.
func pauseGC() (resume func()) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	percent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(int64(ms.Sys-ms.HeapReleased) + startupHeapRoom)
	var once sync.Once
	resume = func() {
		once.Do(func() {
			debug.SetGCPercent(percent)
			debug.SetMemoryLimit(limit)
		})
	}
	time.AfterFunc(5*time.Second, resume)
	return resume
}

// startupHeapRoom is how far the heap may grow while the collector waits
// for the first frame.
const startupHeapRoom = 256 << 20

// onFirstFrame adds f to what is done once the map's first frame is drawn.
func (w *Window) onFirstFrame(f func()) {
	then := w.mapView.firstFrame
	w.mapView.firstFrame = func() {
		f()
		if then != nil {
			then()
		}
	}
}
