package ui

import (
	"sync"

	"fyne.io/fyne/v2"

	"sovmap/geo/appstate"
)

// filterJobs runs the window's filter changes (a brush step, a key in the
// actor field, a frame of play) off the UI goroutine: working out what a
// filter shows walks every item's tables and weighs every place shown,
// about 3 ms for 200,000 incidents (BenchmarkBrushStep200k). Requests are
// coalesced, the latest wins: while one runs, those that come in replace
// each other, and only the last is run next. Results are applied on the UI
// goroutine while the worker goes on to the next request, one result at a
// time waiting there: a frame of play costs the longer of the two, not
// their sum (waiting for the UI goroutine to apply each result before
// working out the next held play at 27 frames a second with 200,000
// incidents). One worked out for a story no longer shown is dropped. The
// worker goroutine runs only while there is work.
type filterJobs struct {
	st *appstate.Session
	// post runs a function on the UI goroutine, later: fyne.Do. Fyne's
	// test driver has no UI goroutine, so the window's tests run filters
	// inline instead (inlineFilters).
	post func(func())
	ran  int // jobs applied (the tests count them: coalesced requests are not)

	mu      sync.Mutex
	idle    *sync.Cond          // signalled when the worker stops or a result is applied
	next    *appstate.FilterJob // the latest request not yet taken, or nil
	asked   uint64              // requests made
	running bool                // a worker goroutine is running
	// ready is the result worked out and posted to the UI goroutine, not
	// yet applied, with the number of requests made when it was taken.
	ready      *appstate.Filtered
	readyAsked uint64

	// UI goroutine only: the latest filter asked for, while it is newer
	// than the session's.
	latest  appstate.Filter
	pending bool
}

// inlineFilters runs every filter on the caller's goroutine at once: set
// by the window's tests, under Fyne's test driver.
var inlineFilters = false

func newFilterJobs(st *appstate.Session) *filterJobs {
	q := &filterJobs{st: st, post: fyne.Do}
	q.idle = sync.NewCond(&q.mu)
	st.Listen(appstate.StoryChanged, func(appstate.Change) { q.pending = false })
	return q
}

// filter is the filter the window stands at: the latest asked for, or the
// session's. A change of one part (the category) starts from it, so that it
// keeps a brush step still being worked out.
func (q *filterJobs) filter() appstate.Filter {
	if q.pending {
		return q.latest
	}
	return q.st.Filter()
}

// request asks for filter f to be applied, on the UI goroutine.
func (q *filterJobs) request(f appstate.Filter) {
	if inlineFilters {
		q.ran++
		q.st.SetFilter(f)
		return
	}
	job := q.st.FilterJob(f)
	q.latest, q.pending = job.Filter(), true
	q.mu.Lock()
	q.next = &job
	q.asked++
	start := !q.running
	q.running = true
	q.mu.Unlock()
	if start {
		go q.work()
	}
}

// work runs the latest request until none is left.
func (q *filterJobs) work() {
	for {
		q.mu.Lock()
		// One result at a time waits for the UI goroutine: the next is
		// worked out while it is shown, not faster than the window draws
		// (working them out back to back took the CPU a frame of play
		// needed, and the window waited on it).
		for q.ready != nil {
			q.idle.Wait()
		}
		job, n := q.next, q.asked
		q.next = nil
		if job == nil {
			q.running = false
			q.idle.Broadcast()
			q.mu.Unlock()
			return
		}
		q.mu.Unlock()
		res := job.Run()
		q.mu.Lock()
		q.ready, q.readyAsked = res, n // none was waiting: see the top of the loop
		q.mu.Unlock()
		q.post(q.applyReady)
	}
}

// applyReady applies the latest result worked out, on the UI goroutine.
func (q *filterJobs) applyReady() {
	q.mu.Lock()
	res, n := q.ready, q.readyAsked
	q.ready = nil
	q.mu.Unlock()
	if res == nil {
		return
	}
	q.ran++
	q.st.SetFiltered(res)
	q.mu.Lock()
	if n == q.asked { // the latest request: the window is there
		q.pending = false
	}
	q.idle.Broadcast()
	q.mu.Unlock()
}

// wait returns once every request made has been applied (or dropped).
func (q *filterJobs) wait() {
	q.mu.Lock()
	for q.running || q.ready != nil {
		q.idle.Wait()
	}
	q.mu.Unlock()
}
