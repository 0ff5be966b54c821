package render

import (
	"context"
	"image"
	"image/color"
	"image/draw"
	"math"
	"runtime"
	"sync/atomic"

	"sovmap/geo"
	"sovmap/geo/topology"

	"github.com/paulmach/orb"
)

// Marker is a place drawn on the map.
type Marker struct {
	ID    string
	Label string    // the place name, drawn beside it
	At    orb.Point // projected position
	Count int       // incidents there; above 1 it shows as a badge
	// Places is how many places a cluster merges; 0 or 1 for a single
	// place.
	Places int
	// Category is the index in Style.Categories of the colour of a
	// place's incidents' category; 0 (with the style's Marker colour)
	// where it has none, or several.
	Category int
	// Area is the code of the area the place stands for (its incidents
	// known only to its municipality or state), drawn in Scene.Areas; ""
	// for a point. Its marker is a ring at the area's label point, not a
	// pin at a point nobody knows.
	Area string
	// Halo, in projected metres, is the radius of a soft halo round a
	// place its incidents are known only to be near; 0 for none.
	Halo float64
}

// Area is a municipality or state an incident is known only to, drawn as
// the area itself: a light fill in its category's colour and an outline.
type Area struct {
	Code     string // a municipality's INEGI key or a state's ISO code
	Category int    // as Marker.Category
}

// LegendSymbol is what a legend entry shows beside its text.
type LegendSymbol int

// The legend's symbols.
const (
	LegendMarker    LegendSymbol = iota // an incident's marker
	LegendCluster                       // a marker with a count badge
	LegendHighlight                     // a state with incidents
	LegendArea                          // an area an incident is known only to
	LegendNote                          // words alone: what the map does not draw
	LegendHalo                          // a marker with the halo of a place known only to be near
)

// LegendEntry is one line of the legend.
type LegendEntry struct {
	Symbol LegendSymbol
	Text   string
	// Category is, for a marker, the colour of the category it stands
	// for (see Marker.Category).
	Category int
}

// Scene is what to draw on top of the base map, and how.
type Scene struct {
	Style         Style
	Lang          string   // "en" or "es": which country names to use
	Highlighted   []string // codes of the states to highlight (those with incidents)
	Hover         string   // code of the state under the pointer
	Selected      string   // ID of the selected marker
	SelectedState string   // code of the state that holds the selection
	// SelectedArea is the code of the area the selected place stands for
	// (its municipality): outlined, so that the map shows what the
	// marker means.
	SelectedArea string
	Focused      string // ID of the marker with keyboard focus
	Markers      []Marker
	Areas        []Area // drawn under the labels and markers
	StateLabels  bool
	Legend       []LegendEntry // none: no legend
	ScaleBar     bool
	Attribution  string // drawn bottom right; empty: none
	Title        string // drawn top left with the caption; empty: none
	Caption      string
	NorthArrow   bool
	// MapFrame, when set, draws a print layout: the map in this rectangle
	// of the image (the view's size), on paper, with the furniture in
	// bands around it (see PrintFrame).
	MapFrame image.Rectangle
	// Page is the whole image's size, with a MapFrame (an SVG needs it;
	// a raster has its image's).
	Page image.Point
	// Inset, in a print layout, draws a locator map in the bottom band:
	// Mexico with the map's area outlined.
	Inset bool
}

// Renderer draws the map. It keeps its buffers between frames, so a frame
// allocates nothing once warm. A Renderer is not safe for concurrent use:
// give each goroutine its own.
type Renderer struct {
	Map    *geo.Map
	text   *textCache
	colors uniforms
	placed []image.Rectangle
	// markerLabels is whether this frame names every marker (not too many).
	markerLabels bool
	discs        map[discKey]*image.Alpha // kept disc coverage, see disc
	main         painter                  // draws bands on the caller's goroutine
	band         band                     // the band main draws
	helper       *worker                  // draws bands on a second core
	stop         <-chan struct{}          // ends a RenderContext's bands early, or nil
	job          bandJob                  // the bands of the land being drawn
	raster       rasterSurface
	reserve      reserveSurface
	frame        image.RGBA // a print layout's map frame, during a frame
	// markersFrom and markersTo delimit the markers' boxes in placed, and
	// their names'.
	markersFrom, markersTo int
	// spots are where the markers' names go, by marker (placeMarkerLabels);
	// centres the markers' centres and the room each takes (x, y, radius).
	spots      []labelSpot
	centres    [][3]float64
	labelOrder []int
	quad       [4][2]float64 // a leader line's corners
}

// painter holds one goroutine's rasterizer state, reused between frames.
type painter struct {
	z       coverage
	path    bandPath
	box     image.Rectangle // the current pass's pixels
	palette []color.RGBA    // a fill layer's colours
}

// band is one horizontal strip of a frame, drawn as a view of its own.
type band struct {
	dst image.RGBA
	vp  geo.Viewport
}

// bandJob is a part of a frame's land cut into bands, which the caller's
// goroutine and the worker take in turn until none is left.
type bandJob struct {
	m      *geo.Map
	dst    *image.RGBA
	vp     geo.Viewport
	sc     *Scene
	sea    *image.Uniform
	rect   image.Rectangle // the pixels to draw, frame coordinates
	rows   int             // a band's rows
	n      int32           // how many bands
	next   atomic.Int32    // the next band to take
	helped bool            // whether the worker takes bands too
	// stop, when set, ends the job early: no band is begun once it is
	// done (RenderContext).
	stop <-chan struct{}
}

// stopped reports whether the job has been told to stop.
func (j *bandJob) stopped() bool { return closed(j.stop) }

// closed reports whether ch is closed; a nil channel never is.
func closed(ch <-chan struct{}) bool {
	if ch == nil {
		return false
	}
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// draw draws bands of j until none is left, with painter p into b.
func (j *bandJob) draw(p *painter, b *band) {
	for {
		i := int(j.next.Add(1)) - 1
		if i >= int(j.n) || j.stopped() {
			return
		}
		y := j.rect.Min.Y + i*j.rows
		setBand(b, j.dst, j.vp, image.Rect(j.rect.Min.X, y, j.rect.Max.X, min(y+j.rows, j.rect.Max.Y)))
		p.base(j.m, &b.dst, b.vp, j.sc, j.sea)
	}
}

// worker draws bands of each frame on a goroutine of its own, so that two
// cores share the work. Starting a goroutine for each frame would
// allocate; this one lives as long as its Renderer.
type worker struct {
	p    painter
	b    band
	jobs chan *bandJob
	done chan struct{}
}

func (w *worker) run() {
	for {
		j, ok := <-w.jobs
		if !ok {
			return
		}
		j.draw(&w.p, &w.b)
		j = nil // hold nothing of the renderer between frames
		w.b = band{}
		w.done <- struct{}{}
	}
}

// NewRenderer returns a renderer for m. Its helper goroutine stops by
// itself once the renderer is no longer used (garbage collected), so a
// renderer needs no closing.
func NewRenderer(m *geo.Map) *Renderer {
	w := &worker{jobs: make(chan *bandJob), done: make(chan struct{})}
	go w.run()
	r := &Renderer{Map: m, text: newTextCache(), colors: uniforms{}, helper: w, discs: map[discKey]*image.Alpha{}}
	runtime.AddCleanup(r, func(w *worker) { close(w.jobs) }, w)
	return r
}

// bandPixels is about how many pixels a band holds. The rasterizer keeps a
// float a pixel of its band and sweeps it three times a pass (clear,
// accumulate, paint): bands of a quarter of a million pixels (1 MB) stay
// in the cache, and a 1920x1080 frame draws in four fifths of the time it
// takes in two halves (in 70% of it at 3840x2160); small bands also share
// the work evenly between the cores. A 16384-pixel-wide export holds 2 MB
// for it (32 rows), not a gigabyte.
const bandPixels = 1 << 18

// bandRows is how many rows a band of rect has: about bandPixels, at least
// 32 rows (a band's every pass walks the map's outlines); a rect of fewer
// pixels is drawn in two halves, one a core, if it is worth handing one
// over (a state's box is; a strip a drag uncovers is not).
func bandRows(rect image.Rectangle) int {
	rows := max(bandPixels/max(rect.Dx(), 1), 32)
	if rows >= rect.Dy() && rect.Dx()*rect.Dy() >= minSplitPixels && rect.Dy() >= 64 {
		rows = (rect.Dy() + 1) / 2
	}
	return min(rows, rect.Dy())
}

// minSplitPixels is the fewest pixels drawn on two cores.
const minSplitPixels = 1 << 15

// setBand makes b the pixels r of the frame (frame coordinates): a viewport
// of its own over those pixels of dst.
func setBand(b *band, dst *image.RGBA, vp geo.Viewport, r image.Rectangle) {
	b.dst = image.RGBA{Pix: dst.Pix[dst.PixOffset(dst.Rect.Min.X+r.Min.X, dst.Rect.Min.Y+r.Min.Y):], Stride: dst.Stride,
		Rect: image.Rect(0, 0, r.Dx(), r.Dy())}
	b.vp = vp
	b.vp.Width, b.vp.Height = r.Dx(), r.Dy()
	// The centre of the band, in projected metres.
	b.vp.Center = vp.FromPixel(float64(r.Min.X)+float64(r.Dx())/2, float64(r.Min.Y)+float64(r.Dy())/2)
}

// Render draws the view vp of the map and the scene into dst, whose size
// should be vp.Width by vp.Height. The land is drawn in horizontal bands,
// which the two cores take in turn (see bandPixels).
func (r *Renderer) Render(dst *image.RGBA, vp geo.Viewport, sc *Scene) {
	if !sc.MapFrame.Empty() {
		r.renderPrint(dst, vp, sc)
		return
	}
	if dst.Rect.Dx() != vp.Width || dst.Rect.Dy() != vp.Height {
		panic("geo: Render: image and viewport differ in size")
	}
	r.land(dst, vp, sc, image.Rect(0, 0, vp.Width, vp.Height))
	if r.stopped() {
		return
	}
	r.decorateRaster(dst, vp, sc, nil)
}

// RenderContext is Render that stops when ctx is done: no band of the land
// is begun after that (a band of a quarter of a million pixels takes
// milliseconds, so a 16384-pixel export stops at once rather than after
// its 15 seconds), and it returns ctx's error, dst left part drawn.
func (r *Renderer) RenderContext(ctx context.Context, dst *image.RGBA, vp geo.Viewport, sc *Scene) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	r.stop = ctx.Done()
	defer func() { r.stop = nil }()
	r.Render(dst, vp, sc)
	return ctx.Err()
}

// stopped reports whether a RenderContext's context is done: the rest of
// the frame is not drawn.
func (r *Renderer) stopped() bool { return closed(r.stop) }

// land draws the sea and the land (countries and states, filled and
// outlined) of the frame's pixels rect, in frame coordinates, into dst: as
// a frame from scratch draws them there, so that a part of a frame can be
// drawn again alone.
func (r *Renderer) land(dst *image.RGBA, vp geo.Viewport, sc *Scene, rect image.Rectangle) {
	rect = rect.Intersect(image.Rect(0, 0, vp.Width, vp.Height))
	if rect.Empty() {
		return
	}
	j := &r.job
	j.m, j.dst, j.vp, j.sc, j.sea, j.rect, j.stop = r.Map, dst, vp, sc, r.colors.of(sc.Style.Sea), rect, r.stop
	j.rows = bandRows(rect)
	j.n = int32((rect.Dy() + j.rows - 1) / j.rows)
	j.next.Store(0)
	// A part of one band (a hover's box, a strip a drag uncovers) is
	// drawn on this goroutine alone: handing it over costs more.
	j.helped = j.n > 1
	// Which goroutine takes which band varies from frame to frame (under
	// load the helper may take none): both are made ready for a whole
	// band first, so that a later frame never allocates for one.
	cells := rect.Dx() * j.rows
	r.main.z.reserve(cells, j.rows)
	if j.helped {
		r.helper.p.z.reserve(cells, j.rows) // the helper waits for j: safe
		r.helper.jobs <- j
	}
	j.draw(&r.main, &r.band)
	if j.helped {
		<-r.helper.done
	}
	*j = bandJob{} // hold nothing of the caller's between frames
	r.band = band{}
}

// decorateRaster draws the labels, markers and overlays of a frame, and
// with touched set, notes there the box of every pixel it may change.
func (r *Renderer) decorateRaster(dst *image.RGBA, vp geo.Viewport, sc *Scene, touched *[]image.Rectangle) {
	r.raster = rasterSurface{r: r, dst: dst, touched: touched}
	r.decorate(&r.raster, dst.Rect, vp, sc)
	r.raster = rasterSurface{} // hold nothing of the caller's between frames
}

// decorate draws what lies on the land, on either surface: region labels,
// markers and overlays.
func (r *Renderer) decorate(s surface, bounds image.Rectangle, vp geo.Viewport, sc *Scene) {
	r.layout(vp, sc, bounds)
	r.onLand(s, bounds, vp, sc, nil)
	r.overlays(s, bounds, vp, sc)
}

// onLand draws what lies on the land, in the one order every surface
// draws it (the window, a print layout, an SVG): the areas incidents are
// known only to, the regions' labels, the selected area's outline, the
// markers. layer, when not nil, is called before each group with its id
// and name (an SVG's Inkscape layers).
func (r *Renderer) onLand(s surface, bounds image.Rectangle, vp geo.Viewport, sc *Scene, layer func(id, name string)) {
	if layer != nil {
		layer("areas", "Areas incidents are known only to")
	}
	r.areas(s, vp, sc)
	if layer != nil {
		layer("labels", "Labels")
	}
	if sc.StateLabels {
		r.regionLabels(s, bounds, vp, sc)
	}
	if layer != nil {
		layer("markers", "Markers")
	}
	r.selectedArea(s, vp, sc)
	r.markers(s, vp, sc)
}

// selectedAreaWidth is the selected area's outline, points.
const selectedAreaWidth = 2.0

// areaWidth is an incident area's outline, points; areaFill the opacity
// of its fill.
const (
	areaWidth = 1.5
	areaFill  = 0.28
)

// areas draws the areas incidents are known only to: each filled lightly
// in its category's colour and outlined in it.
func (r *Renderer) areas(s surface, vp geo.Viewport, sc *Scene) {
	if r.Map == nil {
		return
	}
	view := vp.Bound()
	for _, a := range sc.Areas {
		reg := r.Map.MunicipalityByKey(a.Code)
		if reg == nil {
			reg = r.Map.StateByCode(a.Code)
		}
		if reg == nil || !reg.Bound.Intersects(view) {
			continue
		}
		c := sc.Style.CategoryColor(a.Category)
		s.area(reg, vp, translucent(c, areaFill), c, strokeWidth(&sc.Style, areaWidth))
	}
}

// translucent is c at opacity a, premultiplied as color.RGBA is.
func translucent(c color.RGBA, a float64) color.RGBA {
	return color.RGBA{uint8(float64(c.R)*a + 0.5), uint8(float64(c.G)*a + 0.5), uint8(float64(c.B)*a + 0.5), uint8(255*a + 0.5)}
}

// selectedArea outlines the area the selected place stands for.
func (r *Renderer) selectedArea(s surface, vp geo.Viewport, sc *Scene) {
	if sc.SelectedArea == "" || r.Map == nil {
		return
	}
	reg := r.Map.MunicipalityByKey(sc.SelectedArea)
	if reg == nil {
		reg = r.Map.StateByCode(sc.SelectedArea)
	}
	if reg == nil || !reg.Bound.Intersects(vp.Bound()) {
		return
	}
	s.outline(reg, vp, strokeWidth(&sc.Style, selectedAreaWidth), sc.Style.Selection)
}

// MarkerBoxes are the boxes, in pixels, that the last frame's markers and
// their names took: what a tooltip should leave uncovered. The slice is the
// renderer's, valid until its next frame.
func (r *Renderer) MarkerBoxes() []image.Rectangle { return r.placed[r.markersFrom:r.markersTo] }

// layout claims the space of the overlays' panels, the markers and their
// labels, before the state labels are placed around them.
func (r *Renderer) layout(vp geo.Viewport, sc *Scene, bounds image.Rectangle) {
	r.placed = r.placed[:0]
	r.reserve.r = r
	r.overlays(&r.reserve, bounds, vp, sc)
	r.reserveMarkerLabels(vp, sc)
}

// base draws the land: the map's layers (MapLayers), bottom first, as
// far as each is shown at the view's scale.
func (p *painter) base(m *geo.Map, dst *image.RGBA, vp geo.Viewport, sc *Scene, sea *image.Uniform) {
	view := vp.Bound()
	draw.Draw(dst, dst.Rect, sea, image.Point{}, draw.Src)
	for i := range MapLayers {
		l := &MapLayers[i]
		if !l.ShownAt(vp, &sc.Style) {
			continue
		}
		lvl := l.Level(m, vp)
		if l.FillColor != nil {
			p.palette = l.Palette(&sc.Style, p.palette[:0])
			for _, c := range p.palette {
				p.fillRegions(dst, vp, view, m, lvl, l, sc, c)
			}
		}
		if l.Stroke != nil {
			c, w := l.Stroke(&sc.Style)
			p.strokeArcs(dst, vp, view, m, lvl, l.Lines, strokeWidth(&sc.Style, w), l.detail(), c)
		}
	}
}

// pixelBox is the pixel rectangle of a projected bound, grown by pad and
// clipped to the image.
func pixelBox(vp geo.Viewport, b orb.Bound, pad float64, clip image.Rectangle) image.Rectangle {
	x0, y1 := vp.ToPixel(b.Min)
	x1, y0 := vp.ToPixel(b.Max)
	box := image.Rect(int(math.Floor(x0-pad)), int(math.Floor(y0-pad)), int(math.Ceil(x1+pad)), int(math.Ceil(y1+pad)))
	return box.Intersect(clip)
}

// begin starts a pass over box: the shapes added until end are drawn in one
// colour with one coverage.
func (p *painter) begin(box image.Rectangle) {
	p.box = box
	p.z.reset(box.Dx(), box.Dy())
	p.path.reset(&p.z, float64(box.Min.X), float64(box.Min.Y))
}

// hairlineWidth is the widest stroke drawn as hairlines (see
// coverage.hairline) rather than as quads: the municipalities' and the
// states' borders at scale 1.
const hairlineWidth = 1.0

// beginStroke begins a pass over box that strokes lines width pixels
// wide.
func (p *painter) beginStroke(box image.Rectangle, width float64) {
	p.begin(box)
	p.z.lines = width <= hairlineWidth
}

// end paints the pass's coverage in colour c.
func (p *painter) end(dst *image.RGBA, c color.RGBA) {
	p.z.paint(dst, p.box, c)
}

// fillRegions fills, in one pass, the visible regions of layer l drawn in
// colour fill, following their rings' arcs at level lvl.
func (p *painter) fillRegions(dst *image.RGBA, vp geo.Viewport, view orb.Bound, m *geo.Map, lvl int, l *MapLayer, sc *Scene, fill color.RGBA) {
	regions := l.Regions(m)
	var b orb.Bound
	n := 0
	for _, reg := range regions {
		if reg.Bound.Intersects(view) && l.FillColor(sc, reg) == fill {
			if n == 0 {
				b = reg.Bound
			} else {
				b = b.Union(reg.Bound)
			}
			n++
		}
	}
	box := pixelBox(vp, b, 1, dst.Rect)
	if n == 0 || box.Empty() {
		return
	}
	arcs := m.Arcs(lvl)
	p.begin(box)
	for _, reg := range regions {
		if !reg.Bound.Intersects(view) || l.FillColor(sc, reg) != fill {
			continue
		}
		for _, poly := range reg.Rings() {
			for _, ring := range poly {
				p.ring(vp, m, arcs, ring)
			}
		}
	}
	p.end(dst, fill)
}

// ring adds a ring of arcs to the current path. An arc wholly above or
// below the pass's band adds nothing: the pen jumps to its end.
func (p *painter) ring(vp geo.Viewport, m *geo.Map, arcs []orb.LineString, ring topology.Ring) {
	first := true
	for _, ref := range ring {
		i, back := topology.Arc(ref)
		a := arcs[i]
		n := len(a)
		if !first && n > 1 {
			b := m.ArcBound(int32(i))
			_, y0 := vp.ToPixel(b.Max)
			_, y1 := vp.ToPixel(b.Min)
			if p.path.offBand(y0, y1) {
				end := a[n-1]
				if back {
					end = a[0]
				}
				x, y := vp.ToPixel(end)
				p.path.jump(x, y)
				continue
			}
		}
		for j := range n {
			pt := a[j]
			if back {
				pt = a[n-1-j]
			}
			x, y := vp.ToPixel(pt)
			if first {
				p.path.moveTo(x, y)
				first = false
			} else {
				p.path.lineTo(x, y)
			}
		}
	}
	if !first {
		p.path.close()
	}
}

// strokeArcs draws the visible arcs of the classes given, width pixels
// wide, in one pass: each arc once, however many areas it divides. Each
// segment is a quad of one orientation, so overlaps saturate instead of
// cancelling.
func (p *painter) strokeArcs(dst *image.RGBA, vp geo.Viewport, view orb.Bound, m *geo.Map, lvl int, classes []geo.ArcClass, width, step float64, c color.RGBA) {
	// An arc just outside the view still strokes into it, by up to a
	// width (half the stroke, and the half-width extension at its ends).
	view = view.Pad(width * vp.Res)
	box := pixelBox(vp, view, width+1, dst.Rect)
	if box.Empty() {
		return
	}
	arcs := m.Arcs(lvl)
	// An arc's quads wholly outside the pass's box (a band, a strip) add
	// nothing: its vertices need not even be transformed.
	reach := orb.Bound{Min: vp.FromPixel(float64(box.Min.X)-width-1, float64(box.Max.Y)+width+1),
		Max: vp.FromPixel(float64(box.Max.X)+width+1, float64(box.Min.Y)-width-1)}
	reach = intersection(reach, view)
	p.beginStroke(box, width)
	for _, class := range classes {
		for _, i := range m.ArcsOf(class) {
			if ab := m.ArcBound(i); ab.Max[0] < reach.Min[0] || ab.Min[0] > reach.Max[0] || ab.Max[1] < reach.Min[1] || ab.Min[1] > reach.Max[1] {
				continue
			}
			p.strokeLine(vp, arcs[i], width, step, box)
		}
	}
	p.end(dst, c)
}

// intersection is the bound that a and b have in common (empty bounds
// have their minimum above their maximum).
func intersection(a, b orb.Bound) orb.Bound {
	return orb.Bound{
		Min: orb.Point{max(a.Min[0], b.Min[0]), max(a.Min[1], b.Min[1])},
		Max: orb.Point{min(a.Max[0], b.Max[0]), min(a.Max[1], b.Max[1])},
	}
}

// strokeLine adds line l, width pixels wide, to the current pass over
// box (one begun with beginStroke): as quads, or as hairlines where the
// pass is of lines. A step shorter than step pixels
// merges into the next: it moves the line by less than that, and a layer
// says how much its lines may stray (MapLayer.Detail: half a pixel, less
// than a stroke's anti-aliased edge shows, unless it says more).
func (p *painter) strokeLine(vp geo.Viewport, l orb.LineString, width, step float64, box image.Rectangle) {
	hw := width / 2
	// A segment's quad reaches a width beyond its ends; one wholly outside
	// the box (a band, a strip) adds nothing to it and is not drawn.
	minX, minY := float64(box.Min.X)-width-1, float64(box.Min.Y)-width-1
	maxX, maxY := float64(box.Max.X)+width+1, float64(box.Max.Y)+width+1
	x0, y0 := vp.ToPixel(l[0])
	for _, pt := range l[1:] {
		x, y := vp.ToPixel(pt)
		dx, dy := x-x0, y-y0
		if dx*dx+dy*dy < step*step { // a short step: merge it into the next
			continue
		}
		if max(x0, x) < minX || min(x0, x) > maxX || max(y0, y) < minY || min(y0, y) > maxY {
			x0, y0 = x, y
			continue
		}
		if p.z.lines {
			ox, oy := float64(p.box.Min.X), float64(p.box.Min.Y)
			p.z.hairline(float32(x0-ox), float32(y0-oy), float32(x-ox), float32(y-oy), float32(width))
			x0, y0 = x, y
			continue
		}
		d := math.Hypot(dx, dy)
		nx, ny := -dy/d*hw, dx/d*hw
		// Extend each quad by half a width along the line so joins close.
		ex, ey := dx/d*hw, dy/d*hw
		p.path.quad(x0+nx-ex, y0+ny-ey, x+nx+ex, y+ny+ey, x-nx+ex, y-ny+ey, x0-nx-ex, y0-ny-ey)
		x0, y0 = x, y
	}
}

// circle adds a circle to the current path; clockwise circles cut holes
// out of counter-clockwise ones.
func (r *Renderer) circle(cx, cy, radius float64, clockwise bool) {
	const n = 32
	for i := 0; i <= n; i++ {
		a := 2 * math.Pi * float64(i) / n
		if clockwise {
			a = -a
		}
		x, y := cx+radius*math.Cos(a), cy+radius*math.Sin(a)
		if i == 0 {
			r.main.path.moveTo(x, y)
		} else {
			r.main.path.lineTo(x, y)
		}
	}
	r.main.path.close()
}

// disc draws a filled circle, or a ring when inner > 0. Markers draw the
// same few discs thousands of times a frame, so each disc's coverage, for
// its radii and its position to a quarter of a pixel, is rasterized once
// and kept; drawing it is then a composite of the kept mask.
func (r *Renderer) disc(dst *image.RGBA, cx, cy, outer, inner float64, c color.RGBA) {
	fx, fy := math.Floor(cx), math.Floor(cy)
	k := discKey{outer: int32(math.Round(outer * 4)), inner: int32(math.Round(inner * 4)),
		fx: uint8(math.Round((cx - fx) * 4)), fy: uint8(math.Round((cy - fy) * 4))}
	mask := r.discs[k]
	if mask == nil {
		mask = r.discMask(k)
	}
	// The mask's (0,0) is at (floor(cx)-pad, floor(cy)-pad).
	pad := int(k.outer)/4 + 2
	origin := image.Pt(int(fx)-pad, int(fy)-pad)
	box := mask.Rect.Add(origin).Intersect(dst.Rect)
	if box.Empty() {
		return
	}
	compositeFrom(dst, box, mask, box.Min.Sub(origin), c)
}

// discKey is a disc's shape: its radii in quarter pixels and its centre's
// offset from a whole pixel, in quarters.
type discKey struct {
	outer, inner int32
	fx, fy       uint8
}

// maxDiscs bounds the kept disc masks (a few dozen serve any frame).
const maxDiscs = 512

// discMask rasterizes a disc's coverage and keeps it.
func (r *Renderer) discMask(k discKey) *image.Alpha {
	outer, inner := float64(k.outer)/4, float64(k.inner)/4
	pad := int(k.outer)/4 + 2
	size := 2*pad + 1
	cx, cy := float64(pad)+float64(k.fx)/4, float64(pad)+float64(k.fy)/4
	p := &r.main
	p.begin(image.Rect(0, 0, size, size))
	r.circle(cx, cy, outer, false)
	if inner > 0 {
		r.circle(cx, cy, inner, true)
	}
	mask := image.NewAlpha(image.Rect(0, 0, size, size))
	p.z.mask(mask)
	if len(r.discs) >= maxDiscs {
		clear(r.discs)
	}
	r.discs[k] = mask
	return mask
}
