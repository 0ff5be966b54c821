package ui

import (
	"math"
	"time"

	"fyne.io/fyne/v2"
	"github.com/paulmach/orb"

	"sovmap/geo/appstate"
)

// narrative tells the story like slides: "Start the story" (or Space)
// steps through the shown items in order; each step flies the map to the
// item's place, or back out to the whole country for an event with no
// place, and the details panel shows the item large. The arrows and Space
// step on, Escape leaves.
type narrative struct {
	w    *Window
	on   bool
	anim *fyne.Animation
}

// flyDuration is how long a fly-to takes; Fyne draws it at the screen's
// frame rate.
const flyDuration = 900 * time.Millisecond

// placeZoom is how much closer than the whole country a step shows its
// place.
const placeZoom = 4.0

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
	n.halt()
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
	home := st.HomeView()
	target := home
	if p := it.Place; p != nil && st.Map() != nil && appstate.Mappable(st.Map(), p) {
		target.Center = st.Map().Proj.Forward(p.Point)
		target.Res = home.Res / placeZoom
		target.Whole = false
	}
	n.flyTo(target)
}

// halt stops a flight under way.
func (n *narrative) halt() {
	if n.anim != nil {
		n.anim.Stop()
		n.anim = nil
	}
}

// flyTo moves the view to target smoothly: the centre along a straight
// line, the scale evenly in its logarithm, eased in and out.
func (n *narrative) flyTo(target appstate.View) {
	n.halt()
	st := n.w.state
	from := st.View()
	if from.Res <= 0 || target.Res <= 0 {
		return
	}
	lr0, lr1 := math.Log(from.Res), math.Log(target.Res)
	n.anim = fyne.NewAnimation(flyDuration, func(f float32) {
		t := float64(f)
		c := orb.Point{from.Center[0] + (target.Center[0]-from.Center[0])*t, from.Center[1] + (target.Center[1]-from.Center[1])*t}
		st.SetView(c, math.Exp(lr0+(lr1-lr0)*t))
		if f >= 1 && target.Whole {
			st.ShowAll()
		}
	})
	n.anim.Curve = fyne.AnimationEaseInOut
	n.anim.Start()
}
