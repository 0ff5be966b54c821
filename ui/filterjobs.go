package ui

import (
	"sync"

	"fyne.io/fyne/v2"

	"sovmap/geo/appstate"
)

// filterJobs runs the window's filter changes (a brush step, a key in the
// actor field, a frame of play) off the UI goroutine: working out what a
// filter shows walks every item and clusters every place shown, a quarter
// of a second for 200,000 incidents. Requests are coalesced, the latest
// wins: while one runs, those that come in replace each other, and only
// the last is run next. Results are applied on the UI goroutine, one at a
// time; one worked out for a story no longer shown is dropped. The worker
// goroutine runs only while there is work.
type filterJobs struct {
	st *appstate.Session
	// apply runs a result's application on the UI goroutine and waits:
	// fyne.DoAndWait. Fyne's test driver has no UI goroutine (it runs
	// DoAndWait on the caller's), so the window's tests run filters
	// inline instead (inlineFilters).
	apply func(func())
	ran   int // jobs run (the tests count them: coalesced requests are not)

	mu      sync.Mutex
	idle    *sync.Cond          // signalled when the worker stops
	next    *appstate.FilterJob // the latest request not yet taken, or nil
	asked   uint64              // requests made
	running bool                // a worker goroutine is running

	// UI goroutine only: the latest filter asked for, while it is newer
	// than the session's.
	latest  appstate.Filter
	pending bool
}

// inlineFilters runs every filter on the caller's goroutine at once: set
// by the window's tests, under Fyne's test driver.
var inlineFilters = false

func newFilterJobs(st *appstate.Session) *filterJobs {
	q := &filterJobs{st: st, apply: fyne.DoAndWait}
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
		// Waiting keeps at most one result queued for the UI goroutine.
		q.apply(func() {
			q.ran++
			q.st.SetFiltered(res)
			q.mu.Lock()
			if n == q.asked { // the latest request: the window is there
				q.pending = false
			}
			q.mu.Unlock()
		})
	}
}

// wait returns once every request made has been applied (or dropped).
func (q *filterJobs) wait() {
	q.mu.Lock()
	for q.running {
		q.idle.Wait()
	}
	q.mu.Unlock()
}
