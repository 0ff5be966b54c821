// Package scene decides what the map shows: given the app state and the
// frame to draw into, Build returns the view in pixels and the scene the
// renderer draws (markers and clusters, highlighted states, the selection,
// labels, legend, caption and attribution). It is the only place that
// decides this: the window, every export and the tests ask it, so what is
// exported is what the window shows.
package scene

import (
	"fmt"
	"image"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/paulmach/orb"

	"sovmap/assets/i18n"
	"sovmap/geo"
	"sovmap/geo/appstate"
	"sovmap/geo/cluster"
	"sovmap/geo/render"
	"sovmap/geo/story"
)

// Frame is the picture a scene is drawn into.
type Frame struct {
	Width, Height int // pixels
	Dark          bool
	Furniture     Furniture
	// Print lays the furniture out in bands around the map, never over
	// it, as exports do; otherwise it floats over the map, as in the
	// window.
	Print bool
	// Lang is the language of the frame's words (the legend, the
	// attribution, the map's names); "" is the state's.
	Lang string
}

// lang is the frame's language.
func (f Frame) lang(st *appstate.Session) string {
	if f.Lang != "" {
		return f.Lang
	}
	return st.Lang()
}

// Furniture is what is drawn around the map's content.
type Furniture struct {
	Title, Caption string
	Legend         bool
	ScaleBar       bool
	NorthArrow     bool
	Attribution    bool
	// Inset draws, in a print layout of a view that leaves part of Mexico
	// out, a locator map with the view's area outlined.
	Inset bool
}

// WindowFurniture is what the window draws over its map: a legend, a scale
// bar and the attribution.
var WindowFurniture = Furniture{Legend: true, ScaleBar: true, Attribution: true}

// Build is what is drawn of st into f: the view in pixels (the state's view
// fitted into the frame) and the scene. The state needs its map.
func Build(st *appstate.Session, f Frame) (geo.Viewport, render.Scene) {
	m := st.Map()
	view := st.View()
	vp := fitView(m.Proj, view, f.Width, f.Height)
	scale := 1.0
	if vp.Res > 0 && view.Res > 0 {
		scale = view.Res / vp.Res
	}
	style := render.LightStyle(scale)
	if f.Dark {
		style = render.DarkStyle(scale)
	}
	shown := st.Shown()
	sc := render.Scene{
		Style:       style,
		Lang:        f.lang(st),
		Highlighted: shown.Highlighted,
		StateLabels: true,
		Markers:     markers(st, vp, f.lang(st)),
		ScaleBar:    f.Furniture.ScaleBar,
		NorthArrow:  f.Furniture.NorthArrow,
		Title:       oneLine(f.Furniture.Title),
		Caption:     oneLine(f.Furniture.Caption),
	}
	sc.Areas = Areas(shown)
	if p := st.Place(); p != nil {
		sc.Selected = p.ID
		if loc, _ := st.LocationOf(p); loc.Municipality != nil {
			sc.SelectedState, sc.SelectedArea = loc.State.Code, loc.Municipality.Code
		}
	} else if f := st.Found(); f != "" {
		sc.SelectedArea = f
	}
	if f.Furniture.Legend {
		sc.Legend = legend(st, &sc, vp, len(sc.Highlighted) > 0, f.lang(st))
	}
	if f.Furniture.Attribution {
		sc.Attribution = AttributionIn(st, f.lang(st))
	}
	if f.Print {
		sc.Inset = f.Furniture.Inset && !showsAllMexico(m, vp)
		vp = printFrame(st, f, vp, &sc)
	}
	return vp, sc
}

// printFrame lays the furniture out around the map and fits the view into
// the frame left between the bands, with the markers for that view. The
// legend lists what the frame draws, and the bands are laid out for that
// legend: as the legend can change the frame and the frame the markers,
// this settles in a pass or two. Where the bands would leave the map less
// than half the picture either way (a thumbnail with a long title), the
// locator is left out, and if that is not enough the furniture floats over
// the map as in the window.
func printFrame(st *appstate.Session, f Frame, vp geo.Viewport, sc *render.Scene) geo.Viewport {
	if sc.Title == "" && sc.Caption == "" && !sc.NorthArrow && !sc.ScaleBar && sc.Attribution == "" && len(sc.Legend) == 0 && !sc.Inset {
		return vp
	}
	whole := vp
	for pass := 0; ; pass++ {
		frame := render.PrintFrame(sc, whole, f.Width, f.Height)
		small := frame.Dx() < f.Width/2 || frame.Dy() < f.Height/2
		if small && sc.Inset {
			// The locator goes first: the bands without it may leave
			// the map room enough.
			sc.Inset = false
			pass--
			continue
		}
		if small {
			sc.Markers = markers(st, whole, f.lang(st))
			if f.Furniture.Legend {
				sc.Legend = legend(st, sc, whole, len(sc.Highlighted) > 0, f.lang(st))
			}
			return whole
		}
		vp = fitView(st.Map().Proj, st.View(), frame.Dx(), frame.Dy())
		sc.Markers = markers(st, vp, f.lang(st))
		sc.MapFrame, sc.Page = frame, image.Pt(f.Width, f.Height)
		if !f.Furniture.Legend {
			return vp
		}
		drawn := legend(st, sc, vp, len(sc.Highlighted) > 0, f.lang(st))
		if slices.Equal(drawn, sc.Legend) || pass == 2 {
			// After three passes the legend may still list a marker
			// kind the frame does not show; it never covers the map.
			return vp
		}
		sc.Legend = drawn
	}
}

// showsAllMexico reports whether the view holds the whole country.
func showsAllMexico(m *geo.Map, vp geo.Viewport) bool {
	b := vp.Bound()
	return b.Contains(m.Bound.Min) && b.Contains(m.Bound.Max)
}

// fitView is the view fitted into w x h pixels: the same centre, and the
// resolution at which its whole area fits.
func fitView(proj *geo.LambertConic, v appstate.View, w, h int) geo.Viewport {
	res := v.Res
	if v.Width > 0 && v.Height > 0 {
		res = math.Max(v.Width*v.Res/float64(w), v.Height*v.Res/float64(h))
	}
	return geo.Viewport{Proj: proj, Center: v.Center, Res: res, Width: w, Height: h}
}

// Markers are the shown places as drawn in vp: clustered at the level the
// state's view resolution picks, so that any frame of the same view draws
// the same clusters, with the selected place always on its own. Markers
// well outside vp are left out; the order is fixed for a state.
func Markers(st *appstate.Session, vp geo.Viewport) []render.Marker {
	return markers(st, vp, st.Lang())
}

// markers is Markers, an area's marker named in lang.
func markers(st *appstate.Session, vp geo.Viewport, lang string) []render.Marker {
	shown := st.Shown()
	if !shown.Clustered() {
		return nil
	}
	k := cluster.LevelFor(st.View().Res)
	pad := 2 * appstate.MarkerRadius * cluster.LevelRes(k)
	b := vp.Bound()
	b = orb.Bound{Min: orb.Point{b.Min[0] - pad, b.Min[1] - pad}, Max: orb.Point{b.Max[0] + pad, b.Max[1] + pad}}
	// The selected place is drawn on its own, but for a place standing for
	// an area: it shares its marker, the area's heart, with the area's
	// other places, and the area is outlined as selected.
	sel := st.Place()
	keep := shown.Index(sel)
	if keep >= 0 && st.AreaOf(sel) != nil {
		keep = -1
	}
	type entry struct {
		seed int
		m    render.Marker
	}
	var found []entry
	shown.QueryClusters(k, b, keep, func(c cluster.Cluster) {
		m := render.Marker{At: c.At, Count: c.Weight, Places: c.Size}
		if c.Size == 1 {
			p := shown.Places[c.First]
			m.ID, m.Label, m.Category = p.ID, p.Name, int(shown.Colours[c.First])
			if area := st.AreaOf(p); area != nil {
				// Known only to its municipality or state: a ring at
				// the area's heart, the area itself drawn (Areas).
				m.Area, m.At = area.Code, area.Label
			} else if st.Near(p) {
				m.Halo = appstate.NearRadius
			}
		} else if a, ok := shown.ClusterArea(c); ok {
			// Places that all stand for one area: no zoom splits them,
			// so they are the area's marker, a ring with their count,
			// named after the area (a selection takes its first place).
			p := shown.Places[c.First]
			if keep < 0 && shown.Index(sel) >= 0 && st.AreaOf(sel) == a.Region {
				p = sel
			}
			m.ID, m.Label, m.Category, m.Area = p.ID, regionName(a.Region, lang), a.Colour, a.Region.Code
		}
		found = append(found, entry{c.First, m})
	})
	slices.SortStableFunc(found, func(a, b entry) int { return a.seed - b.seed })
	out := make([]render.Marker, len(found))
	for i, e := range found {
		out[i] = e.m
	}
	return out
}

// Areas are the areas shown incidents are known only to, each in its
// incidents' category's colour: drawn as areas whether their places are
// markers of their own or part of a cluster, so that zooming out never
// turns an area into a point.
func Areas(shown *appstate.Shown) []render.Area {
	if len(shown.Areas) == 0 {
		return nil
	}
	out := make([]render.Area, len(shown.Areas))
	for i, a := range shown.Areas {
		out[i] = render.Area{Code: a.Region.Code, Category: a.Colour}
	}
	return out
}

// legend lists what the map draws: a marker of each category drawn (or
// the plain marker, for a story without categories), clusters or places
// of several incidents, states with incidents.
func legend(st *appstate.Session, sc *render.Scene, vp geo.Viewport, highlights bool, lang string) []render.LegendEntry {
	drawn, pinned := map[int]bool{}, map[int]bool{}
	several, areas, halo := false, false, false
	for _, m := range sc.Markers {
		if m.Places <= 1 || m.Area != "" {
			drawn[m.Category] = true
			pinned[m.Category] = pinned[m.Category] || m.Area == ""
			halo = halo || m.Halo > 0
		}
		several = several || (m.Places > 1 && m.Area == "") || m.Count > 1
	}
	if len(sc.Areas) > 0 {
		// The areas in view: a category shown only by its areas is
		// listed with the area's symbol.
		view := vp.Bound()
		for _, a := range st.Shown().Areas {
			if a.Region.Bound.Intersects(view) {
				drawn[a.Colour], areas = true, true
			}
		}
	}
	// A category drawn only as areas shows an area in the legend.
	symbol := func(c int) render.LegendSymbol {
		if pinned[c] {
			return render.LegendMarker
		}
		return render.LegendArea
	}
	var out []render.LegendEntry
	cats := st.Categories()
	switch {
	case len(cats) == 0 && drawn[0]:
		out = append(out, render.LegendEntry{Symbol: symbol(0), Text: i18n.T(lang, "legend.marker")})
	case len(cats) > 0:
		other := false
		for _, c := range cats {
			switch {
			case !drawn[c.Colour]:
			case c.Colour > appstate.CategoryColours:
				other = true
			default:
				out = append(out, render.LegendEntry{Symbol: symbol(c.Colour), Text: c.Name.In(lang), Category: c.Colour})
			}
		}
		if other {
			out = append(out, render.LegendEntry{Symbol: render.LegendMarker, Text: i18n.T(lang, "legend.other"), Category: appstate.CategoryColours + 1})
		}
		if drawn[0] {
			out = append(out, render.LegendEntry{Symbol: symbol(0), Text: i18n.T(lang, "legend.mixed")})
		}
	}
	if areas {
		out = append(out, render.LegendEntry{Symbol: render.LegendNote, Text: i18n.T(lang, "legend.area")})
	}
	if halo {
		out = append(out, render.LegendEntry{Symbol: render.LegendHalo, Text: i18n.T(lang, "legend.near")})
	}
	if several {
		out = append(out, render.LegendEntry{Symbol: render.LegendCluster, Text: i18n.T(lang, "legend.cluster")})
	}
	if highlights {
		out = append(out, render.LegendEntry{Symbol: render.LegendHighlight, Text: i18n.T(lang, "legend.state")})
	}
	if n := st.Shown().Unplaced; n > 0 {
		key := "legend.unplaced"
		if n == 1 {
			key += ".one"
		}
		out = append(out, render.LegendEntry{Symbol: render.LegendNote, Text: fmt.Sprintf(i18n.T(lang, key), number(n))})
	}
	return out
}

// number writes n with thousands separators: 200,000.
func number(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Attribution credits the boundary data and, in the state's language, a
// written story's sources ("Story based on Reuters, …"), or what a data
// file's terms ask ("Data: ACLED, acleddata.com") with the sources of what
// shows, most cited first, shortened so that the line never runs off a map.
func Attribution(st *appstate.Session) string { return AttributionIn(st, st.Lang()) }

// AttributionIn is Attribution in lang.
func AttributionIn(st *appstate.Session, lang string) string {
	boundaries := i18n.T(lang, "attribution.boundaries")
	srcs := ShortSources(st.Shown().Sources, lang, maxSourcesText)
	if credit := st.Story().Credit.In(lang); credit != "" {
		line := boundaries + " · " + credit
		if len(st.Shown().Sources) > 1 {
			line += " · " + fmt.Sprintf(i18n.T(lang, "attribution.sources"), srcs)
		}
		return line
	}
	if srcs == "" { // a story with no sources yet (one being opened)
		return boundaries
	}
	return boundaries + " · " + fmt.Sprintf(i18n.T(lang, "attribution.story"), srcs)
}

// maxSourcesText is how many bytes of source names an attribution names
// before it says how many more there are.
const maxSourcesText = 60

// Sources names all of sources in lang, separated by semicolons.
func Sources(sources []*story.Source, lang string) string { return ShortSources(sources, lang, 0) }

// ShortSources names sources in lang, separated by semicolons, as many as
// fit in max bytes (all when max is 0) and then how many more: "Reuters;
// El Universal; +12 more".
func ShortSources(sources []*story.Source, lang string, max int) string {
	var b strings.Builder
	for i, src := range sources {
		name := src.Name.In(lang)
		if max > 0 && i > 0 && b.Len()+len(name) > max {
			fmt.Fprintf(&b, "; "+i18n.T(lang, "attribution.more"), len(sources)-i)
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(name)
	}
	return b.String()
}

// Caption is the default caption of an export: the selected place and the
// dates of its shown incidents, and the date range when one is set.
func Caption(st *appstate.Session) string {
	lang := st.Lang()
	var parts []string
	if p := st.Place(); p != nil {
		var dates []string
		for _, it := range p.Items {
			if st.Filter().Shows(it) {
				dates = append(dates, it.Date.Format(lang))
			}
		}
		parts = append(parts, p.Name+" · "+strings.Join(dates, ", "))
	}
	parts = append(parts, filterParts(st, lang)...)
	return strings.Join(parts, " · ")
}

// FilterNote says in lang every filter that narrows what is shown
// ("Shown: 1 Apr 2025 to 3 May 2025 · Category: Political violence"), or
// "" when the whole story shows: what a page or a caption states so that
// a filtered map never passes for the whole story.
func FilterNote(st *appstate.Session, lang string) string {
	return strings.Join(filterParts(st, lang), " · ")
}

// filterParts are the active filters, each said in lang.
func filterParts(st *appstate.Session, lang string) []string {
	var parts []string
	f := st.Filter()
	if f.Dates {
		parts = append(parts, fmt.Sprintf(i18n.T(lang, "caption.range"), story.DayString(f.From, lang), story.DayString(f.To, lang)))
	}
	// Every other filter too, so that a filtered map never passes for
	// the whole story.
	if f.Category != "" {
		name := f.Category
		for _, c := range st.Categories() {
			if c.Name.In("en") == f.Category {
				name = c.Name.In(lang)
			}
		}
		parts = append(parts, fmt.Sprintf(i18n.T(lang, "caption.category"), name))
	}
	if f.Actor != "" {
		parts = append(parts, fmt.Sprintf(i18n.T(lang, "caption.actor"), f.Actor))
	}
	if f.Country != "" {
		parts = append(parts, fmt.Sprintf(i18n.T(lang, "caption.country"), f.Country))
	}
	return parts
}

// oneLine is a title or caption on one line: its line breaks and tabs as
// spaces (a font has no glyph for them, and they drew as boxes).
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// regionName is an area's name as the map labels it in lang.
func regionName(r *geo.Region, lang string) string {
	if lang == "es" && r.NameES != "" {
		return r.NameES
	}
	return r.Name
}
