package ui

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
)

// windowMemoryLimit is the memory the collector works to keep the window's
// Go heap within (a soft limit; GOMEMLIMIT overrides it). Left to its
// default, the collector lets the heap grow to twice what is live before
// it runs: with 200,000 incidents open (about 420 MB live) a few seconds
// of play took the window to 870 MiB. At this limit, the process with
// Fyne's, OpenGL's and the fonts' own memory stays near 750 MiB, at the
// cost of a collection every second or two while the story plays.
const windowMemoryLimit = 640 << 20

// limitWindowMemory sets the window's soft memory limit: windowMemoryLimit,
// or half as much again as is live now where that is more (a story larger
// than the limit allows would otherwise be collected without end). It
// leaves a GOMEMLIMIT the user set alone.
func limitWindowMemory() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(max(windowMemoryLimit, liveHeap()*3/2))
}

// liveHeap is the heap the last collection found live, bytes (0 before
// the first).
func liveHeap() int64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}
