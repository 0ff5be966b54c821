package appstate

import (
	"math"

	"github.com/paulmach/orb"

	"sovmap/geo"
	"sovmap/geo/story"
)

// View is the part of the map in view: a centre and a resolution for a
// view Width by Height units (points: Fyne's device-independent units)
// large. With Whole set it shows the whole map, fitted again whenever the
// size changes.
type View struct {
	Center        orb.Point // projected metres
	Res           float64   // metres per unit
	Width, Height float64   // units
	Whole         bool
}

// FitMargin is the room, in units, left around the whole map.
const FitMargin = 24

// Bound is the projected area in view.
func (v View) Bound() orb.Bound {
	hw, hh := v.Width/2*v.Res, v.Height/2*v.Res
	return orb.Bound{Min: orb.Point{v.Center[0] - hw, v.Center[1] - hh}, Max: orb.Point{v.Center[0] + hw, v.Center[1] + hh}}
}

// Viewport is the view drawn w x h pixels large (the view's size at some
// number of pixels per unit).
func (v View) Viewport(proj *geo.LambertConic, w, h int) geo.Viewport {
	res := v.Res
	if v.Width > 0 {
		res = v.Res * v.Width / float64(w)
	}
	return geo.Viewport{Proj: proj, Center: v.Center, Res: res, Width: w, Height: h}
}

// ToUnits turns a projected point into units from the view's top left.
func (v View) ToUnits(p orb.Point) (x, y float64) {
	return (p[0]-v.Center[0])/v.Res + v.Width/2, v.Height/2 - (p[1]-v.Center[1])/v.Res
}

// FromUnits turns units from the view's top left into a projected point.
func (v View) FromUnits(x, y float64) orb.Point {
	return orb.Point{v.Center[0] + (x-v.Width/2)*v.Res, v.Center[1] - (y-v.Height/2)*v.Res}
}

// fit is the view of size w x h units that shows b whole, centred.
func fit(b orb.Bound, w, h float64) View {
	iw, ih := math.Max(w-2*FitMargin, 1), math.Max(h-2*FitMargin, 1)
	res := math.Max((b.Max[0]-b.Min[0])/iw, (b.Max[1]-b.Min[1])/ih)
	return View{Center: b.Center(), Res: clampRes(res), Width: w, Height: h, Whole: true}
}

func clampRes(res float64) float64 {
	return math.Min(math.Max(res, geo.MinResolution), geo.MaxResolution)
}

// refit fits a Whole view again to its home, when there is a map.
func (st *Session) refit() {
	if st.view.Whole && st.gmap != nil && st.view.Width > 0 && st.view.Height > 0 {
		st.view = fit(st.Home(), st.view.Width, st.view.Height)
	}
}

// Home is the area the whole view shows: Mexico, or the shown places when
// most of them lie outside it (a story of another country's data).
func (st *Session) Home() orb.Bound {
	sh := st.shown
	if st.gmap == nil {
		return orb.Bound{}
	}
	if sh.Outside*2 > sh.Placed && !sh.Bound.IsEmpty() {
		b := sh.Bound
		pad := math.Max(50e3, math.Max(b.Max[0]-b.Min[0], b.Max[1]-b.Min[1])*0.05)
		return b.Pad(pad)
	}
	return st.gmap.Bound
}

// SetViewSize tells the state the size of the view, in units, as the
// window lays its map out. A Whole view is fitted again. It tells no one:
// the widget whose size changed redraws itself.
func (st *Session) SetViewSize(w, h float64) {
	st.view.Width, st.view.Height = w, h
	st.refit()
}

// SetView shows the area around centre at res metres per unit; a centre or
// resolution that is not a finite number is ignored.
func (st *Session) SetView(center orb.Point, res float64) {
	if math.IsNaN(center[0]+center[1]+res) || math.IsInf(center[0]+center[1]+res, 0) {
		return
	}
	v := st.view
	v.Center, v.Res, v.Whole = center, clampRes(res), false
	st.setView(v)
}

func (st *Session) setView(v View) {
	if v == st.view {
		return
	}
	st.view = v
	st.emit(ViewChanged)
}

// Pan moves the map by (dx, dy) units, as when it is dragged by that much.
func (st *Session) Pan(dx, dy float64) {
	v := st.view
	v.Center = orb.Point{v.Center[0] - dx*v.Res, v.Center[1] + dy*v.Res}
	v.Whole = false
	st.setView(v)
}

// ZoomAbout scales the view by factor (above 1 zooms in) keeping the point
// at (x, y) units where it is, within the zoom limits.
func (st *Session) ZoomAbout(x, y, factor float64) {
	v := st.view
	anchor := v.FromUnits(x, y)
	v.Res = clampRes(v.Res / factor)
	v.Center = orb.Point{anchor[0] - (x-v.Width/2)*v.Res, anchor[1] + (y-v.Height/2)*v.Res}
	v.Whole = false
	st.setView(v)
}

// Zoom scales the view by factor about its centre.
func (st *Session) Zoom(factor float64) { st.ZoomAbout(st.view.Width/2, st.view.Height/2, factor) }

// ViewOf is the view of the view's size that shows the projected area b
// whole, centred on center (b's centre when center is nil), with a margin.
func (st *Session) ViewOf(b orb.Bound, center *orb.Point) View {
	v := st.view
	if v.Width <= 0 || v.Height <= 0 {
		return v
	}
	c := b.Center()
	if center != nil {
		// Room for b from center: as far each way as its farther side.
		c = *center
		hw := math.Max(c[0]-b.Min[0], b.Max[0]-c[0])
		hh := math.Max(c[1]-b.Min[1], b.Max[1]-c[1])
		b = orb.Bound{Min: orb.Point{c[0] - hw, c[1] - hh}, Max: orb.Point{c[0] + hw, c[1] + hh}}
	}
	f := fit(b, v.Width, v.Height)
	f.Center, f.Whole = c, false
	return f
}

// HomeView is the view ShowAll would show: the whole map (or the shown
// places, see Home) fitted to the view's size.
func (st *Session) HomeView() View {
	v := st.view
	if st.gmap != nil && v.Width > 0 && v.Height > 0 {
		return fit(st.Home(), v.Width, v.Height)
	}
	return v
}

// ShowAll shows the whole map again.
func (st *Session) ShowAll() {
	v := st.view
	v.Whole = true
	if st.gmap != nil && v.Width > 0 && v.Height > 0 {
		v = fit(st.Home(), v.Width, v.Height)
	}
	st.setView(v)
}

// inView reports whether a projected point lies in the view, at least
// margin units inside its edges.
func (v View) inView(p orb.Point, margin float64) bool {
	x, y := v.ToUnits(p)
	return x >= margin && y >= margin && x <= v.Width-margin && y <= v.Height-margin
}

// StepZoom is how much closer than the whole country a step of the
// narrative shows its place.
const StepZoom = 4.0

// StepView is the view a step of the narrative shows for an item: its
// place, StepZoom closer than the whole country, or the whole country
// for an item with no place on the map. The window flies there; a video
// of the story does the same.
func (st *Session) StepView(it *story.Item) View {
	home := st.HomeView()
	target := home
	if p := it.Place; p != nil && st.Map() != nil && Mappable(st.Map(), p) {
		target.Center = st.Map().Proj.Forward(p.Point)
		target.Res = home.Res / StepZoom
		target.Whole = false
	}
	return target
}
