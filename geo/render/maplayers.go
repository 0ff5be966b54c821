package render

import (
	"image/color"
	"math"

	"github.com/paulmach/orb"

	"sovmap/geo"
)

// MapLayer is one layer of the land, declared once: the raster renderer
// draws it, the SVG writer writes it as an Inkscape layer, the window's
// land cache keys on its style, the hit test asks the layers that are
// hit, and the legend explains the layers that have an entry. The land is
// MapLayers, drawn in order.
type MapLayer struct {
	// ID is the SVG group's id; Label the Inkscape layer's name.
	ID, Label string
	// Regions are the areas a fill layer paints; FillColor is the colour
	// of each (a zero colour: not painted). Palette appends to dst the
	// colours the raster paints, in order: a region of another colour is
	// left to the layers under it (the SVG writes every region, in its
	// colour, for a file to hold each state). Regions of one colour are
	// filled in one pass, so that where they meet no seam shows.
	Regions   func(m *geo.Map) []*geo.Region
	FillColor func(sc *Scene, r *geo.Region) color.RGBA
	Palette   func(st *Style, dst []color.RGBA) []color.RGBA
	// Lines are the classes of arc a stroke layer draws, each arc once,
	// in the colour and width (points) Stroke gives.
	Lines  []geo.ArcClass
	Stroke func(st *Style) (color.RGBA, float64)
	// SVGPaths, for a stroke layer, writes one path per region of
	// Regions in the SVG (its id from SVGID), where the raster draws each
	// arc once: each municipality its own path.
	SVGPaths bool
	// SVGID is the id of a region's path in the SVG.
	SVGID func(r *geo.Region) string
	// MaxRes is the coarsest view, metres a point (a pixel at scale 1,
	// two on a HiDPI screen), the layer is drawn at (0: every view).
	MaxRes float64
	// Hit says the hit test names the layer's region under the pointer.
	Hit bool
	// Detail is how far, in pixels, the layer's lines may stray from the
	// finest data: the level of detail drawn follows from it (0: half a
	// pixel, what a fill's edge needs; thin light lines do with more).
	Detail float64
}

// detail is how far the layer's lines may stray, pixels.
func (l *MapLayer) detail() float64 {
	if l.Detail == 0 {
		return 1
	}
	return l.Detail
}

// Level is the level of detail the layer is drawn at in view vp.
func (l *MapLayer) Level(m *geo.Map, vp geo.Viewport) int { return m.Level(vp.Res * 2 * l.detail()) }

// ShownAt reports whether the layer is drawn in view vp with style st.
func (l *MapLayer) ShownAt(vp geo.Viewport, st *Style) bool {
	return l.MaxRes == 0 || vp.Res*st.Scale <= l.MaxRes
}

// MunicipalMaxRes is the coarsest view, metres a point, that shows the
// municipalities' boundaries and names: a state fills a window, but the
// whole country, where its 2,475 municipalities would be a mesh of lines,
// does not.
const MunicipalMaxRes = 800.0

// MapLayers are the land's layers, bottom first.
var MapLayers = []MapLayer{
	{
		ID: "countries", Label: "Countries",
		Regions:   func(m *geo.Map) []*geo.Region { return m.Countries },
		FillColor: func(sc *Scene, _ *geo.Region) color.RGBA { return sc.Style.Neighbour },
		Palette:   func(st *Style, dst []color.RGBA) []color.RGBA { return append(dst, st.Neighbour) },
		SVGID:     func(r *geo.Region) string { return r.Code },
		Hit:       true,
	},
	{
		ID: "country-borders", Label: "Country borders",
		Lines:  []geo.ArcClass{geo.CountryBorder},
		Stroke: func(st *Style) (color.RGBA, float64) { return st.CountryBorder, st.BorderWidth },
	},
	{
		// Mexico's land in one pass, its outline walked once: the plain
		// states need no pass of their own.
		ID: "land", Label: "Mexico",
		Regions:   func(m *geo.Map) []*geo.Region { return m.Whole },
		FillColor: func(sc *Scene, _ *geo.Region) color.RGBA { return sc.Style.Land },
		Palette:   func(st *Style, dst []color.RGBA) []color.RGBA { return append(dst, st.Land) },
		SVGID:     func(r *geo.Region) string { return r.Code },
	},
	{
		ID: "states", Label: "States",
		Regions:   func(m *geo.Map) []*geo.Region { return m.States },
		FillColor: stateColor,
		Palette: func(st *Style, dst []color.RGBA) []color.RGBA {
			return append(dst, st.Highlight, st.Hover, st.SelectedLand)
		},
		SVGID: func(r *geo.Region) string { return r.Code },
		Hit:   true,
	},
	{
		ID: "municipalities", Label: "Municipalities",
		Regions:  func(m *geo.Map) []*geo.Region { return m.Municipalities },
		Lines:    []geo.ArcClass{geo.MunicipalBorder},
		Stroke:   func(st *Style) (color.RGBA, float64) { return st.MunicipalBorder, st.MunicipalBorderWidth },
		SVGPaths: true,
		SVGID:    func(r *geo.Region) string { return "mun-" + r.Code },
		MaxRes:   MunicipalMaxRes,
		Hit:      true,
		Detail:   2,
	},
	{
		ID: "state-borders", Label: "State borders and coast",
		Lines:  []geo.ArcClass{geo.StateBorder, geo.Coast, geo.NationalBorder},
		Stroke: func(st *Style) (color.RGBA, float64) { return st.StateBorder, st.BorderWidth },
	},
}

// stateColor is the colour a state is filled in: selected, hovered,
// highlighted (it has incidents) or plain land.
func stateColor(sc *Scene, s *geo.Region) color.RGBA {
	switch {
	case s.Code == sc.SelectedState && s.Code != "":
		return sc.Style.SelectedLand
	case s.Code == sc.Hover:
		return sc.Style.Hover
	}
	for _, h := range sc.Highlighted {
		if h == s.Code {
			return sc.Style.Highlight
		}
	}
	return sc.Style.Land
}

// strokeWidth is a stroke's width in pixels for the style.
func strokeWidth(st *Style, points float64) float64 { return math.Max(0.5, points*st.Scale) }

// landKey is what the land layer drawn with st depends on, as the layers
// declare it: every colour of every layer's palette and stroke, and the
// strokes' widths, hashed (FNV-1a, 64 bits). Two styles with one key draw
// the same land. buf holds the palettes; it is kept between calls, so that
// a key costs no allocation.
func landKey(st *Style, buf *[]color.RGBA) uint64 {
	h := uint64(14695981039346656037)
	mix := func(v uint64) {
		for i := 0; i < 64; i += 8 {
			h ^= (v >> i) & 0xff
			h *= 1099511628211
		}
	}
	colour := func(c color.RGBA) { mix(uint64(c.R) | uint64(c.G)<<8 | uint64(c.B)<<16 | uint64(c.A)<<24) }
	colour(st.Sea)
	mix(math.Float64bits(st.Scale))
	for i := range MapLayers {
		l := &MapLayers[i]
		if l.Palette != nil {
			*buf = l.Palette(st, (*buf)[:0])
			for _, c := range *buf {
				colour(c)
			}
		}
		if l.Stroke != nil {
			c, w := l.Stroke(st)
			colour(c)
			mix(math.Float64bits(w))
		}
	}
	return h
}

// HitTest is the regions under the projected point p, one for each layer
// of MapLayers that is hit, the topmost layer's first: a municipality
// and its state, or a neighbouring country. Offshore, within Mexico's
// territorial sea, it names the municipality and state whose coast is
// nearest; the first call builds the map's point index (see
// geo.Map.Locate).
func HitTest(m *geo.Map, p orb.Point) []*geo.Region {
	loc := m.Locate(p)
	var out []*geo.Region
	for i := len(MapLayers) - 1; i >= 0; i-- {
		l := &MapLayers[i]
		if !l.Hit || l.Regions == nil {
			continue
		}
		regions := l.Regions(m)
		if len(regions) == 0 {
			continue
		}
		var r *geo.Region
		switch regions[0].Kind {
		case geo.Municipality:
			r = loc.Municipality
		case geo.State:
			r = loc.State
		case geo.Country:
			r = loc.Country
		}
		if r != nil {
			out = append(out, r)
		}
	}
	return out
}
