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

// labelSpot is where a marker's name is drawn: its box, and whether a
// leader line joins it to its marker (a name moved away where names
// crowd). ok is false for a marker whose name is not drawn.
type labelSpot struct {
	g      *glyphRun
	box    image.Rectangle
	leader bool
	ok     bool
	// crowded is set for a name placed beside its marker where no place
	// kept it nearer its own marker than any other.
	crowded bool
}

// labelDirs are the directions a marker's name is tried in, best first:
// to the right, centred on it, as a reader looks for it; then the left,
// the corners, above and below.
var labelDirs = [][2]float64{{1, 0}, {-1, 0}, {1, -1}, {1, 1}, {-1, -1}, {-1, 1}, {0, -1}, {0, 1}}

// labelRings are how far from its marker a name is tried, in label gaps:
// beside it, then further off with a leader line.
var labelRings = []float64{1, 2.2, 3.6}

// markerRadius is how much room a marker takes, pixels: its disc and the
// selection ring that may go round it.
func markerRadius(st *Style, m *Marker) float64 { return discRadius(st, m) + 7*st.Scale }

// discRadius is the radius of a marker's disc, pixels: a cluster's is
// bigger with more places (but places that all stand for one area are
// that area's ring, of a place's size).
func discRadius(st *Style, m *Marker) float64 {
	rad := st.MarkerSize * st.Scale
	if m.Places > 1 && m.Area == "" {
		rad *= 1.3 + 0.25*math.Log2(float64(m.Places))
	}
	return rad
}

// placeMarkerLabels finds where each marker's name goes, the selected
// marker's first, each where the ones before left room: out of every
// marker and its selection ring (so the ring, whichever marker has it,
// never covers a name), out of the other names and the overlays' panels,
// inside the picture, and never nearer another marker than its own.
// Each name is tried beside its marker first, then further off with a
// leader line; a name with no such place goes beside its marker where it
// overlaps nothing (crowded), or is not drawn: a name is dropped, never
// cut.
func (r *Renderer) placeMarkerLabels(vp geo.Viewport, sc *Scene) {
	st := &sc.Style
	n := len(sc.Markers)
	r.spots = slices.Grow(r.spots[:0], n)[:n]
	clear(r.spots)
	r.centres = slices.Grow(r.centres[:0], n)[:n]
	for i := range sc.Markers {
		x, y := vp.ToPixel(sc.Markers[i].At)
		r.centres[i] = [3]float64{x, y, markerRadius(st, &sc.Markers[i])}
	}
	frame := image.Rect(0, 0, vp.Width, vp.Height)
	first := len(r.placed) // the names placed here start there
	order := r.labelOrder[:0]
	for i := range sc.Markers {
		order = append(order, i)
		if sc.Selected != "" && sc.Markers[i].ID == sc.Selected {
			copy(order[1:], order[:len(order)-1])
			order[0] = i
		}
	}
	r.labelOrder = order
	gap := (st.MarkerSize + 8) * st.Scale
	for _, i := range order {
		m := &sc.Markers[i]
		if m.Label == "" || !(r.markerLabels || (sc.Selected != "" && m.ID == sc.Selected)) {
			continue
		}
		g := r.text.run(m.Label, textSize(markerLabelSize, st.Scale), true)
		sz := g.Size()
		c := r.centres[i]
		var fallback image.Rectangle
		found := false
		for ring, k := range labelRings {
			for _, d := range labelDirs {
				box := labelBox(c[0], c[1], gap*k, d, sz, g)
				if !box.In(frame) || r.collidesFrom(box, first) || r.onMarker(box) {
					continue
				}
				if ring == 0 && fallback.Empty() {
					fallback = box
				}
				if !r.nearestIs(box, i) {
					continue
				}
				r.spots[i] = labelSpot{g: g, box: box, leader: ring > 0, ok: true}
				found = true
				break
			}
			if found {
				break
			}
		}
		if !found && !fallback.Empty() {
			r.spots[i] = labelSpot{g: g, box: fallback, ok: true, crowded: true}
		}
		if r.spots[i].ok {
			r.placed = append(r.placed, r.spots[i].box)
		}
	}
}

// labelBox is a name's box of size sz, dist pixels from (x, y) in
// direction d: beside the point to the right or left, its text centred
// on it as it reads; above or below, centred across; at a corner, its
// nearest corner there.
func labelBox(x, y, dist float64, d [2]float64, sz image.Point, g *glyphRun) image.Rectangle {
	if d[0] != 0 && d[1] != 0 {
		dist /= math.Sqrt2
	}
	px, py := x+d[0]*dist, y+d[1]*dist
	var at image.Point
	switch {
	case d[1] == 0: // beside: the text's middle on the point's line
		at.Y = int(y) - g.ascent + int(float64(sz.Y)*0.3)
		at.X = int(px)
		if d[0] < 0 {
			at.X = int(px) - sz.X
		}
	case d[0] == 0: // above or below, centred
		at.X = int(px) - sz.X/2
		at.Y = int(py)
		if d[1] < 0 {
			at.Y = int(py) - sz.Y
		}
	default:
		at.X, at.Y = int(px), int(py)
		if d[0] < 0 {
			at.X -= sz.X
		}
		if d[1] < 0 {
			at.Y -= sz.Y
		}
	}
	return image.Rectangle{Min: at, Max: at.Add(sz)}
}

// collidesFrom reports whether b overlaps a box placed before, the
// markers' own discs aside (onMarker weighs those as circles): the
// overlays' panels and the names placed from index from on.
func (r *Renderer) collidesFrom(b image.Rectangle, from int) bool {
	for i, p := range r.placed {
		if (i < r.markersFrom || i >= from) && p.Overlaps(b) {
			return true
		}
	}
	return false
}

// onMarker reports whether b overlaps any marker's disc and selection
// ring.
func (r *Renderer) onMarker(b image.Rectangle) bool {
	for _, c := range r.centres {
		if rectDist(b, c[0], c[1]) < c[2] {
			return true
		}
	}
	return false
}

// nearestIs reports whether marker i is, edge to edge, the marker nearest
// box b: a name is never nearer another marker than its own.
func (r *Renderer) nearestIs(b image.Rectangle, i int) bool {
	own := rectDist(b, r.centres[i][0], r.centres[i][1]) - r.centres[i][2]
	for j, c := range r.centres {
		if j != i && rectDist(b, c[0], c[1])-c[2] <= own {
			return false
		}
	}
	return true
}

// rectDist is the distance from (x, y) to the nearest point of b; 0
// inside it.
func rectDist(b image.Rectangle, x, y float64) float64 {
	dx := math.Max(math.Max(float64(b.Min.X)-x, 0), x-float64(b.Max.X))
	dy := math.Max(math.Max(float64(b.Min.Y)-y, 0), y-float64(b.Max.Y))
	return math.Hypot(dx, dy)
}

// reserveMarkerLabels claims the space of the markers and their names
// first, so that state labels give way to them.
func (r *Renderer) reserveMarkerLabels(vp geo.Viewport, sc *Scene) {
	r.markersFrom = len(r.placed)
	r.markerLabels = len(sc.Markers) <= maxLabelledMarkers
	for i := range sc.Markers {
		m := &sc.Markers[i]
		x, y := vp.ToPixel(m.At)
		rad := int((sc.Style.MarkerSize + 3) * sc.Style.Scale)
		r.placed = append(r.placed, image.Rect(int(x)-rad, int(y)-rad, int(x)+rad, int(y)+rad))
	}
	r.placeMarkerLabels(vp, sc)
	r.markersTo = len(r.placed)
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
				if !r.regionLabel(s, bounds, vp, sc, reg, reg.Name, reg.Short, size, st.Label) && highlighted {
					r.storyState(s, bounds, vp, sc, reg, size)
				}
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
func (r *Renderer) regionLabel(s surface, bounds image.Rectangle, vp geo.Viewport, sc *Scene, reg *geo.Region, name string, shorter []string, size int, fg color.RGBA) bool {
	x, y := vp.ToPixel(reg.Label)
	if x < 0 || y < 0 || x > float64(vp.Width) || y > float64(vp.Height) {
		return false
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
			return false
		}
		r.placed = append(r.placed, box)
		s.text(g, at, fg, sc.Style.Halo, true)
		return true
	}
	return false
}

// stateRings are how far from a state's label point its name is tried,
// in lines of it: at the point, then around it.
var stateRings = [...]float64{0, 1, 2, 3.2}

// storyState names a state the story's incidents are in where its name
// does not fit inside it (Morelos, at the scale of the whole country): its
// shortest name at its label point, or, where that is taken (by a marker
// in it), beside it with a leader line to that point, the nearest free
// place tried first.
func (r *Renderer) storyState(s surface, bounds image.Rectangle, vp geo.Viewport, sc *Scene, reg *geo.Region, size int) {
	x, y := vp.ToPixel(reg.Label)
	if x < 0 || y < 0 || x > float64(vp.Width) || y > float64(vp.Height) {
		return
	}
	name := reg.Name
	if len(reg.Short) > 0 {
		name = reg.Short[len(reg.Short)-1]
	}
	st := &sc.Style
	g := r.text.run(name, size, false)
	sz := g.Size()
	gap := 6 * st.Scale
	for ring, k := range stateRings {
		for _, d := range labelDirs {
			var box image.Rectangle
			if ring == 0 {
				at := image.Pt(int(math.Round(x))-sz.X/2, int(math.Round(y))-sz.Y/2)
				box = image.Rectangle{Min: at, Max: at.Add(sz)}
			} else {
				box = labelBox(x, y, gap+k*float64(sz.Y), d, sz, g)
			}
			if !box.In(bounds) || r.collides(box) {
				if ring == 0 {
					break // the point itself: one box, not one a direction
				}
				continue
			}
			r.placed = append(r.placed, box)
			if ring > 0 {
				r.leader(s, x, y, 0, box, st)
				s.disc(x, y, 1.6*st.Scale, 0, st.Label)
			}
			s.text(g, box.Min, st.Label, st.Halo, true)
			return
		}
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
		r.marker(s, vp, sc, i, false)
	}
	if sel >= 0 {
		r.marker(s, vp, sc, sel, true)
	}
}

func (r *Renderer) marker(s surface, vp geo.Viewport, sc *Scene, i int, selected bool) {
	m := &sc.Markers[i]
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
		rad = discRadius(st, m)
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
	if i < len(r.spots) && r.spots[i].ok {
		spot := &r.spots[i]
		fg := st.Label
		if selected {
			fg = st.Selection
		}
		if spot.leader {
			r.leader(s, x, y, rad+2*k, spot.box, st)
		}
		s.text(spot.g, spot.box.Min, fg, st.Halo, true)
	}
}

// leader draws the line from a marker's edge (rad pixels from its centre
// x, y) to the nearest point of its name's box, in the labels' colour over
// a halo, as a name moved away is joined to its place.
func (r *Renderer) leader(s surface, x, y, rad float64, box image.Rectangle, st *Style) {
	qx := math.Min(math.Max(x, float64(box.Min.X)), float64(box.Max.X))
	qy := math.Min(math.Max(y, float64(box.Min.Y)), float64(box.Max.Y))
	dx, dy := qx-x, qy-y
	d := math.Hypot(dx, dy)
	if d <= rad {
		return
	}
	ux, uy := dx/d, dy/d
	sx, sy := x+ux*rad, y+uy*rad
	for _, w := range [...]struct {
		half float64
		c    color.RGBA
	}{{1.6 * st.Scale, st.Halo}, {0.6 * math.Max(st.Scale, 1), st.Label}} {
		nx, ny := -uy*w.half, ux*w.half
		r.quad = [4][2]float64{{sx + nx, sy + ny}, {qx + nx, qy + ny}, {qx - nx, qy - ny}, {sx - nx, sy - ny}}
		s.polygon(r.quad[:], w.c)
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
