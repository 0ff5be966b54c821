package ui

import (
	"math"
	"runtime/debug"
	"testing"
)

// pauseGC stops the collector under a memory limit, and resume puts back
// what was set before, once however often it is called.
func TestPauseGCResumes(t *testing.T) {
	percent := debug.SetGCPercent(100)
	defer debug.SetGCPercent(percent)
	limit := debug.SetMemoryLimit(math.MaxInt64)
	defer debug.SetMemoryLimit(limit)

	resume := pauseGC()
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("while paused the GC percent is %d, want -1 (off)", got)
	}
	if got := debug.SetMemoryLimit(-1); got == math.MaxInt64 || got < startupHeapRoom {
		t.Errorf("while paused the memory limit is %d, want one at least %d", got, startupHeapRoom)
	}
	resume()
	resume()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("resumed, the GC percent is %d, want 100", got)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("resumed, the memory limit is %d, want none", got)
	}
}
