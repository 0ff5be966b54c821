package ui

import (
	"math"
	"time"

	"fyne.io/fyne/v2"
	"github.com/paulmach/orb"

	"sovmap/geo/appstate"
)

// flight moves the map's view smoothly to another: the narrative's steps
// and the places found by name fly.
type flight struct {
	state *appstate.Session
	anim  *fyne.Animation
}

// flyDuration is how long a flight takes; Fyne draws it at the screen's
// frame rate.
const flyDuration = 900 * time.Millisecond

// halt stops a flight under way.
func (f *flight) halt() {
	if f.anim != nil {
		f.anim.Stop()
		f.anim = nil
	}
}

// to moves the view to target smoothly: the centre along a straight line,
// the scale evenly in its logarithm, eased in and out.
func (f *flight) to(target appstate.View) {
	f.halt()
	st := f.state
	from := st.View()
	if from.Res <= 0 || target.Res <= 0 {
		return
	}
	lr0, lr1 := math.Log(from.Res), math.Log(target.Res)
	f.anim = fyne.NewAnimation(flyDuration, func(p float32) {
		t := float64(p)
		c := orb.Point{from.Center[0] + (target.Center[0]-from.Center[0])*t, from.Center[1] + (target.Center[1]-from.Center[1])*t}
		st.SetView(c, math.Exp(lr0+(lr1-lr0)*t))
		if p >= 1 && target.Whole {
			st.ShowAll()
		}
	})
	f.anim.Curve = fyne.AnimationEaseInOut
	f.anim.Start()
}
