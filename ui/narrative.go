package ui

// narrative tells the story like slides: "Start the story" (or Space)
// steps through the shown items in order; each step flies the map to the
// item's place, or back out to the whole country for an event with no
// place, and the details panel shows the item large. The arrows and Space
// step on, Escape leaves.
type narrative struct {
	w  *Window
	on bool
}

// start begins the story at its first item.
func (n *narrative) start() {
	n.on = true
	n.w.details.narrating = true
	n.w.state.ClearSelection()
	n.step(1)
}

// stop leaves the story: the selection cleared, the whole country shown.
func (n *narrative) stop() {
	if !n.on {
		return
	}
	n.on = false
	n.w.details.narrating = false
	n.w.flight.halt()
	n.w.state.ClearSelection()
	n.w.details.refresh()
}

// step moves by delta items and flies to where the new one happened.
func (n *narrative) step(delta int) {
	st := n.w.state
	st.Step(delta)
	it := st.Item()
	if it == nil {
		return
	}
	n.w.flight.to(st.StepView(it))
}
