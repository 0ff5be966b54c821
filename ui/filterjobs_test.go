package ui

import (
	"testing"

	"sovmap/geo/appstate"
	"sovmap/geo/geotest"
	"sovmap/geo/storyfile"
)

// The window's tests run under Fyne's test driver, which has no UI
// goroutine for the filter worker to hand its results to: they filter
// inline (see TestFilterJobsCoalesce for the worker itself).
func init() { inlineFilters = true }

// The filter worker, on its own goroutine, with a UI goroutine played by
// the test: requests made faster than they are worked out are coalesced,
// the latest winning; one result at most waits for the UI goroutine; the
// session ends at the last filter asked for, and the worker's goroutine
// stops once idle.
func TestFilterJobsCoalesce(t *testing.T) {
	inlineFilters = false
	defer func() { inlineFilters = true }()
	s, _, err := storyfile.ParseBytes("acled.csv", geotest.ACLEDRows(20_000), storyfile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st := appstate.New(s, "en")
	st.SetMap(geotest.Map(t))
	q := newFilterJobs(st)
	ui := make(chan func(), 16) // the UI goroutine's queue: this test's goroutine runs it
	q.post = func(f func()) {
		ui <- f
		if n := len(ui); n > 1 {
			t.Errorf("%d results wait for the UI goroutine: want one at most", n)
		}
	}
	first, last, _ := st.Span()
	var want appstate.Filter
	const requests = 200
	for i := range requests {
		f := q.filter()
		f.Dates, f.From, f.To = true, first+i*(last-first)/(2*requests), first+i*(last-first)/(2*requests)+(last-first)/3
		q.request(f)
		want = q.filter()
		select { // now and then, a frame: one result applied
		case apply := <-ui:
			apply()
		default:
		}
	}
	idle := make(chan struct{})
	go func() { q.wait(); close(idle) }()
	for done := false; !done; {
		select {
		case apply := <-ui:
			apply()
		case <-idle:
			done = true
		}
	}
	if st.Filter() != want {
		t.Errorf("the session's filter is %+v, the last asked for %+v", st.Filter(), want)
	}
	if q.pending {
		t.Error("the window still waits for a filter")
	}
	if q.ran >= requests || q.ran == 0 {
		t.Errorf("%d of %d requests were worked out: none coalesced", q.ran, requests)
	}
	t.Logf("%d requests, %d worked out", requests, q.ran)
}
