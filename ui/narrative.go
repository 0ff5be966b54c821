package ui

// narrative tells the story like slides: "Start the story" (or Space)
// steps through the shown items in the order the story is told
// (appstate.Shown.Steps); each step flies the map to the item's place, or
// back out to the whole country for an event with no place, and the
// details panel shows the item large, with Back, Next, Leave and the
// step's number above it. Past the last step comes the end of the story,
// the whole map again; Next there starts again. The arrows and Space step
// on, Escape leaves.
type narrative struct {
	w   *Window
	on  bool
	end bool // the end of the story shows: every step told
}

// start begins the story at its first step.
func (n *narrative) start() {
	n.on, n.end = true, false
	d := n.w.details
	d.narrating, d.ended = true, false
	n.w.state.ClearSelection()
	n.step(1)
}

// stop leaves the story: the selection cleared, the whole country shown.
func (n *narrative) stop() {
	if !n.on {
		return
	}
	n.on, n.end = false, false
	d := n.w.details
	d.narrating, d.ended = false, false
	n.w.flight.halt()
	n.w.state.ClearSelection()
	d.refresh()
}

// step moves by delta steps and flies to where the new one happened; past
// the last, to the end of the story; from the end, back to the last step
// or (forwards) to the first again.
func (n *narrative) step(delta int) {
	st := n.w.state
	steps := st.Shown().Steps
	switch {
	case n.end && delta > 0:
		n.start()
		return
	case n.end && len(steps) > 0:
		n.setEnd(false)
		st.SelectItem(steps[len(steps)-1])
	case !st.Tell(delta):
		if delta > 0 && st.Item() != nil {
			n.setEnd(true)
			st.ClearSelection()
			n.w.flight.to(st.HomeView())
		}
		return
	}
	if it := st.Item(); it != nil {
		n.w.flight.to(st.StepView(it))
	}
}

// setEnd shows the end of the story, or leaves it.
func (n *narrative) setEnd(end bool) {
	n.end = end
	n.w.details.ended = end
	n.w.details.refresh()
}
