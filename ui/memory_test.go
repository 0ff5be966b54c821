package ui

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
)

// The window's soft memory limit is windowMemoryLimit, or more for a heap
// that is already most of it, and a GOMEMLIMIT the user set stays.
func TestLimitWindowMemory(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	runtime.GC() // the live heap is known from the first collection
	for _, tc := range []struct {
		name, env string
		want      func(limit int64) bool
	}{
		{"none set", "", func(l int64) bool { return l >= windowMemoryLimit && l >= liveHeap()*3/2 && l < math.MaxInt64 }},
		{"the user's", "1GiB", func(l int64) bool { return l == math.MaxInt64 }},
	} {
		t.Setenv("GOMEMLIMIT", tc.env)
		debug.SetMemoryLimit(math.MaxInt64)
		limitWindowMemory()
		if got := debug.SetMemoryLimit(-1); !tc.want(got) {
			t.Errorf("%s: limit %d MiB", tc.name, got>>20)
		}
	}
	if liveHeap() <= 0 {
		t.Error("no live heap read")
	}
}
