package render

import (
	"image"
	"image/color"
	"math"
	"slices"
	"strconv"

	"github.com/paulmach/orb"

	"sovmap/geo"
)

// maxLabelledMarkers is how many markers a view may hold and still name
// them all; above it only the selected one is named (hovering names others).
const maxLabelledMarkers = 60

// Label sizes at scale 1, points.
const (
	markerLabelSize       = 12.0
	countryLabelSize      = 11.0
	municipalityLabelSize = 9.5
	badgeTextSize         = 9.0
	overlayTextSize       = 11.0
	attributionSize       = 9.5
	titleSize             = 20.0
	captionSize           = 12.0
)

func (r *Renderer) collides(b image.Rectangle) bool {
	for _, p := range r.placed {
		if p.Overlaps(b) {
			return true
		}
	}
	return false
}

// markerLabelBox is where a marker's label goes: to its right, centred on
// it; to its left where the right runs off the picture. A label that fits
// on neither side is not drawn (ok is false): a name is dropped, never cut.
func (r *Renderer) markerLabelBox(vp geo.Viewport, sc *Scene, m *Marker) (g *glyphRun, box image.Rectangle, ok bool) {
	st := &sc.Style
	g = r.text.run(m.Label, textSize(markerLabelSize, st.Scale), true)
	x, y := vp.ToPixel(m.At)
	sz := g.Size()
	gap := (st.MarkerSize + 8) * st.Scale
	at := image.Pt(int(x+gap), int(y)-g.ascent+int(float64(sz.Y)*0.3))
	box = image.Rectangle{Min: at, Max: at.Add(sz)}
	frame := image.Rect(0, 0, vp.Width, vp.Height)
	if box.In(frame) {
		return g, box, true
	}
	left := box.Add(image.Pt(int(x-gap)-sz.X-at.X, 0))
	return g, left, left.In(frame)
}

// reserveMarkerLabels claims the space of the markers and their labels
// first, so that state labels give way to them.
func (r *Renderer) reserveMarkerLabels(vp geo.Viewport, sc *Scene) {
	r.markersFrom = len(r.placed)
	defer func() { r.markersTo = len(r.placed) }()
	r.markerLabels = len(sc.Markers) <= maxLabelledMarkers
	for i := range sc.Markers {
		m := &sc.Markers[i]
		x, y := vp.ToPixel(m.At)
		rad := int((sc.Style.MarkerSize + 3) * sc.Style.Scale)
		r.placed = append(r.placed, image.Rect(int(x)-rad, int(y)-rad, int(x)+rad, int(y)+rad))
		if m.Label != "" && r.markerLabels {
			if _, b, ok := r.markerLabelBox(vp, sc, m); ok {
				r.placed = append(r.placed, b)
			}
		}
	}
}

// regionLabels names the countries and the states whose shape is wide
// enough on screen to hold their name, skipping any that would overlap.
//
// Labels are placed by priority, each where the ones before left room: the
// markers' names come first (reserved before), then the United States
// (the other party of the story, named whenever its label point is in
// view), the states that hold incidents, the other states, and the other
// countries last.
func (r *Renderer) regionLabels(s surface, bounds image.Rectangle, vp geo.Viewport, sc *Scene) {
	st := &sc.Style
	for _, c := range r.Map.Countries {
		if c.Code == unitedStates {
			r.namedCountry(s, bounds, vp, sc, c)
		}
	}
	size := textSize(st.LabelSize, st.Scale)
	for _, highlighted := range [2]bool{true, false} {
		for _, reg := range r.Map.States {
			if slices.Contains(sc.Highlighted, reg.Code) == highlighted {
				r.regionLabel(s, bounds, vp, sc, reg, reg.Name, reg.Short, size, st.Label)
			}
		}
	}
	if vp.Res*st.Scale <= MunicipalMaxRes {
		// The municipalities, most populous first, where their names fit.
		size := textSize(municipalityLabelSize, st.Scale)
		view := vp.Bound()
		for _, mu := range r.Map.ByPopulation {
			if mu.Bound.Intersects(view) {
				r.regionLabel(s, bounds, vp, sc, mu, mu.Name, nil, size, st.MunicipalLabel)
			}
		}
	}
	csize := textSize(countryLabelSize, st.Scale)
	for _, c := range r.Map.Countries {
		if c.Code != unitedStates {
			name := c.Name
			if sc.Lang == "es" {
				name = c.NameES
			}
			r.regionLabel(s, bounds, vp, sc, c, name, nil, csize, st.CountryLabel)
		}
	}
}

// namedCountry names a country that must be named whenever it is in view:
// at its label point when that is in view and free, else at the first free
// point of its visible part, searched on a grid from the middle out.
func (r *Renderer) namedCountry(s surface, bounds image.Rectangle, vp geo.Viewport, sc *Scene, c *geo.Region) {
	name := c.Name
	if sc.Lang == "es" {
		name = c.NameES
	}
	size := textSize(countryLabelSize, sc.Style.Scale)
	g := r.text.run(name, size, false)
	sz := g.Size()
	// Inside the country: its coarsest shape tells well enough for a
	// label tens of kilometres long, and is cheap to test each frame.
	try := func(p orb.Point) bool {
		x, y := vp.ToPixel(p)
		at := image.Pt(int(math.Round(x))-sz.X/2, int(math.Round(y))-sz.Y/2)
		box := image.Rectangle{Min: at, Max: at.Add(sz)}
		if !box.In(bounds) || r.collides(box) || !c.RoughlyContains(p) {
			return false
		}
		r.placed = append(r.placed, box)
		s.text(g, at, sc.Style.CountryLabel, sc.Style.Halo, true)
		return true
	}
	if try(c.Label) {
		return
	}

	view := vp.Bound()
	if !view.Intersects(c.Bound) {
		return
	}
	// The visible part's box, its labels' half-size kept inside the view.
	half := orb.Point{float64(sz.X) / 2 * vp.Res, float64(sz.Y) / 2 * vp.Res}
	lo := orb.Point{math.Max(view.Min[0]+half[0], c.Bound.Min[0]), math.Max(view.Min[1]+half[1], c.Bound.Min[1])}
	hi := orb.Point{math.Min(view.Max[0]-half[0], c.Bound.Max[0]), math.Min(view.Max[1]-half[1], c.Bound.Max[1])}
	if lo[0] > hi[0] || lo[1] > hi[1] {
		return
	}
	const n = 9
	for ring := 0; ring <= n/2; ring++ {
		for i := n/2 - ring; i <= n/2+ring; i++ {
			for j := n/2 - ring; j <= n/2+ring; j++ {
				if max(abs(i-n/2), abs(j-n/2)) != ring {
					continue // only this ring's cells
				}
				p := orb.Point{lo[0] + (hi[0]-lo[0])*float64(i)/(n-1), lo[1] + (hi[1]-lo[1])*float64(j)/(n-1)}
				if try(p) {
					return
				}
			}
		}
	}
}

// unitedStates is the United States' code in the map's countries.
const unitedStates = "USA"

// regionLabel names a region at its label point, in the first of name and
// then its shorter forms that fits within four fifths of its width on
// screen, unless the label would leave the frame or overlap one placed.
func (r *Renderer) regionLabel(s surface, bounds image.Rectangle, vp geo.Viewport, sc *Scene, reg *geo.Region, name string, shorter []string, size int, fg color.RGBA) {
	x, y := vp.ToPixel(reg.Label)
	if x < 0 || y < 0 || x > float64(vp.Width) || y > float64(vp.Height) {
		return
	}
	w := (reg.Bound.Max[0] - reg.Bound.Min[0]) / vp.Res
	for i := -1; i < len(shorter); i++ {
		if i >= 0 {
			name = shorter[i]
		}
		// A rough width first (a glyph is at least a third of the size
		// wide), so that the many names that cannot fit are not measured.
		if float64(len([]rune(name))*size)/3 > w*0.8 {
			continue
		}
		g := r.text.run(name, size, false)
		sz := g.Size()
		if float64(sz.X) > w*0.8 {
			continue
		}
		at := image.Pt(int(math.Round(x))-sz.X/2, int(math.Round(y))-sz.Y/2)
		box := image.Rectangle{Min: at, Max: at.Add(sz)}
		if !box.In(bounds) || r.collides(box) {
			return
		}
		r.placed = append(r.placed, box)
		s.text(g, at, fg, sc.Style.Halo, true)
		return
	}
}

// haloFill is the opacity of a near place's halo.
const haloFill = 0.16

// markers draws every marker, its count badge and its label; the selected
// one last, with a ring, so it is never hidden.
func (r *Renderer) markers(s surface, vp geo.Viewport, sc *Scene) {
	sel := -1
	for i := range sc.Markers {
		if sc.Selected != "" && sc.Markers[i].ID == sc.Selected {
			sel = i
			continue
		}
		r.marker(s, vp, sc, &sc.Markers[i], false)
	}
	if sel >= 0 {
		r.marker(s, vp, sc, &sc.Markers[sel], true)
	}
}

func (r *Renderer) marker(s surface, vp geo.Viewport, sc *Scene, m *Marker, selected bool) {
	st := &sc.Style
	x, y := vp.ToPixel(m.At)
	k := st.Scale
	rad := st.MarkerSize * k
	if x < -4*rad || y < -4*rad || x > float64(vp.Width)+4*rad || y > float64(vp.Height)+4*rad {
		return
	}
	if g, ok := s.(markerGrouper); ok {
		g.marker(m.ID, true)
		defer g.marker(m.ID, false)
	}
	if selected {
		s.disc(x, y, rad+6*k, rad+3*k, st.Selection)
	}
	if sc.Focused != "" && m.ID == sc.Focused {
		s.disc(x, y, rad+10*k, rad+8*k, st.Label)
	}
	// A cluster, bigger with more places and its incidents counted inside;
	// but places that all stand for one area are that area's ring.
	if m.Places > 1 && m.Area == "" {
		rad *= 1.3 + 0.25*math.Log2(float64(m.Places))
		s.disc(x, y, rad+1.5*k, 0, st.MarkerRing)
		s.disc(x, y, rad, 0, st.Marker)
		g := r.text.run(smallInt(m.Count), textSize(badgeTextSize+1, k), true)
		sz := g.Size()
		s.text(g, image.Pt(int(math.Round(x))-sz.X/2, int(math.Round(y))-sz.Y/2), st.MarkerRing, st.Halo, false)
		return
	}
	if m.Halo > 0 && vp.Res > 0 {
		// Near the place, not at it: a soft disc of the halo's radius,
		// faint enough that the land shows through.
		if h := m.Halo / vp.Res; h > rad+2*k {
			c := st.CategoryColor(m.Category)
			s.disc(x, y, h, 0, translucent(c, haloFill))
			s.disc(x, y, h, h-max(1, k), translucent(c, 2*haloFill))
		}
	}
	s.disc(x, y, rad+1.5*k, 0, st.MarkerRing)
	s.disc(x, y, rad, 0, st.CategoryColor(m.Category))
	if m.Area != "" {
		// A ring, not a pin: the place is the area drawn around it.
		s.disc(x, y, rad*0.5, 0, st.MarkerRing)
	}
	if m.Count > 1 {
		bx, by := x+rad, y-rad
		br := 6.5 * k
		s.disc(bx, by, br+1*k, 0, st.MarkerRing)
		s.disc(bx, by, br, 0, st.Badge)
		g := r.text.run(smallInt(m.Count), textSize(badgeTextSize, k), true)
		sz := g.Size()
		s.text(g, image.Pt(int(math.Round(bx))-sz.X/2, int(math.Round(by))-sz.Y/2), st.BadgeText, st.Halo, false)
	}
	if m.Label != "" && (r.markerLabels || selected) {
		if g, box, ok := r.markerLabelBox(vp, sc, m); ok {
			fg := st.Label
			if selected {
				fg = st.Selection
			}
			s.text(g, box.Min, fg, st.Halo, true)
		}
	}
}

// smallInts keeps the badge texts, so drawing a count allocates nothing.
var smallInts = func() (s [100]string) {
	for i := range s {
		s[i] = strconv.Itoa(i)
	}
	return s
}()

func smallInt(n int) string {
	switch {
	case n < len(smallInts):
		return smallInts[n]
	case n < 1000:
		return "99+"
	}
	return "999+"
}
