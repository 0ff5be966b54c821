package ui

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sovmap/geo/appstate"
)

// slideHead is the details panel's headline.
func slideHead(w *Window) string { return w.details.head.Segments[0].(*widget.TextSegment).Text }

// The story told with the panel's own buttons: each step numbered, the
// end of the story past the last, Back from there to the last step, Start
// again to the first, Leave out of it; in the order the writer set where
// there is one.
func TestTellingTheStory(t *testing.T) {
	w := newTestWindow(t)
	d := w.details
	steps := w.state.Shown().Steps
	if !slices.Equal(steps, w.state.Shown().Items) {
		t.Fatal("a story with no order of its own is not told by date")
	}
	if d.steer.Visible() {
		t.Error("the story's buttons show before it is told")
	}
	test.Tap(d.start)
	for i, it := range steps {
		if w.state.Item() != it {
			t.Fatalf("step %d shows %v, want %s", i+1, w.state.Item(), it.ID)
		}
		if want := fmt.Sprintf("Step %d of %d", i+1, len(steps)); d.counter.Text != want || !d.steer.Visible() {
			t.Errorf("step %d is numbered %q (shown: %v), want %q", i+1, d.counter.Text, d.steer.Visible(), want)
		}
		if d.back.Disabled() != (i == 0) {
			t.Errorf("step %d: Back disabled is %v", i+1, d.back.Disabled())
		}
		test.Tap(d.next)
	}
	if slideHead(w) != "End of the story" || w.state.Item() != nil || d.next.Text != "Start again" {
		t.Fatalf("past the last step: %q, selected %v, Next reads %q", slideHead(w), w.state.Item(), d.next.Text)
	}
	test.Tap(d.back)
	if w.state.Item() != steps[len(steps)-1] || slideHead(w) == "End of the story" {
		t.Errorf("Back from the end shows %v", w.state.Item())
	}
	test.Tap(d.next)
	test.Tap(d.next) // Start again
	if w.state.Item() != steps[0] || d.counter.Text != fmt.Sprintf("Step 1 of %d", len(steps)) {
		t.Errorf("Start again shows %v, %q", w.state.Item(), d.counter.Text)
	}
	test.Tap(d.exit)
	if w.story.on || w.state.Item() != nil || d.steer.Visible() || !d.bar.Visible() {
		t.Error("Leave the story did not leave it")
	}

	// Told in the writer's order: from the last item back.
	s := *w.state.Story()
	want := slices.Clone(s.Items)
	slices.Reverse(want)
	for _, it := range want {
		s.Steps = append(s.Steps, it.ID)
	}
	w.state.Revise(&s, "")
	test.Tap(d.start)
	for i, it := range want {
		if w.state.Item() != it {
			t.Fatalf("in the writer's order, step %d shows %v, want %s", i+1, w.state.Item(), it.ID)
		}
		w.globalKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	if slideHead(w) != "End of the story" {
		t.Errorf("the arrow key past the last step shows %q", slideHead(w))
	}
}

// The writer reorders the story: the selected item told a step earlier
// or later (past the next step shown, whatever a filter hides), undone
// like any edit, saved and opened again in that order; Tell the story by
// date gives the dates' order back.
func TestReorderingTheStory(t *testing.T) {
	w, _ := newEditingWindow(t)
	st := w.state
	ids := func() []string {
		var out []string
		for _, it := range st.Shown().Steps {
			out = append(out, it.ID)
		}
		return out
	}
	byDate := ids()
	third := st.Shown().Steps[2]
	st.SelectItem(third)
	w.runShortcut(earlierShortcut)
	want := slices.Clone(byDate)
	want[1], want[2] = want[2], want[1]
	if got := ids(); !slices.Equal(got, want) {
		t.Fatalf("told earlier: %v, want %v", got, want)
	}
	if st.Item() == nil || st.Item().ID != third.ID || !w.edit.dirty() {
		t.Errorf("after the move %v is selected (dirty: %v), want %s", st.Item(), w.edit.dirty(), third.ID)
	}
	w.edit.moveStep(-1)
	w.edit.moveStep(-1) // already first: nothing
	want = append([]string{third.ID}, slices.DeleteFunc(slices.Clone(byDate), func(id string) bool { return id == third.ID })...)
	if got := ids(); !slices.Equal(got, want) {
		t.Fatalf("told first: %v, want %v", got, want)
	}
	w.edit.undo()
	w.edit.undo()
	if got := ids(); !slices.Equal(got, byDate) || w.edit.dirty() {
		t.Fatalf("both moves undone: %v (dirty %v), want %v", got, w.edit.dirty(), byDate)
	}

	// A filter of incidents only: the move passes over the events it hides.
	st.SetFilter(appstate.Filter{Category: "Political violence"})
	shown := st.Shown().Steps
	if len(shown) < 2 {
		t.Fatalf("the filter shows %d steps", len(shown))
	}
	st.SelectItem(shown[0])
	w.runShortcut(laterShortcut)
	if got := st.Shown().Steps; got[1] != st.Item() || got[0].ID != shown[1].ID {
		t.Fatalf("told later under a filter: %v", got)
	}
	st.SetFilter(appstate.Filter{})
	all := ids()
	if a, b := slices.Index(all, shown[0].ID), slices.Index(all, shown[1].ID); a != b+1 {
		t.Errorf("the whole story tells %s at %d, after %s at %d", shown[0].ID, a, shown[1].ID, b)
	}

	// Saved and opened again, in the writer's order.
	path := filepath.Join(t.TempDir(), "told.sovmap.geojson")
	saved := make(chan struct{})
	w.edit.write(path, func() { close(saved) })
	<-saved
	<-w.OpenStory(path)
	if got := ids(); !slices.Equal(got, all) {
		t.Errorf("opened again, the story is told %v, want %v", got, all)
	}
	w.edit.tellByDate()
	if got := ids(); !slices.Equal(got, byDate) || len(st.Story().Steps) != 0 {
		t.Errorf("told by date again: %v, want %v", got, byDate)
	}
}
