package ui

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/paulmach/orb"

	"sovmap/geo"
	"sovmap/geo/appstate"
	"sovmap/geo/render"
	"sovmap/geo/scene"
	"sovmap/geo/story"
)

var (
	_ fyne.Widget            = (*mapView)(nil)
	_ fyne.Tappable          = (*mapView)(nil)
	_ fyne.Draggable         = (*mapView)(nil)
	_ fyne.Scrollable        = (*mapView)(nil)
	_ fyne.Focusable         = (*mapView)(nil)
	_ desktop.Hoverable      = (*mapView)(nil)
	_ fyne.SecondaryTappable = (*mapView)(nil)
)

// Interaction sizes, in units.
const (
	markerHitRadius = 14  // a 28-unit target around each marker
	scrollPerDouble = 60  // scroll units that double or halve the scale
	keyZoom         = 1.5 // one + or − key press
	clusterZoom     = 3   // a click on a cluster
)

// mapView is the interactive map: the app state's scene drawn by the geo
// renderer through a canvas.Raster, with pan, zoom, hover, markers and
// keyboard focus. Everything it shows comes from scene.Build; what it
// keeps itself is what only the pointer and the keyboard focus decide.
type mapView struct {
	widget.BaseWidget
	state *appstate.Session

	raster  *canvas.Raster
	tipBox  *canvas.Rectangle
	tipText [3]*canvas.Text // a tooltip's lines: the first one bold
	loading *widget.Label

	layers *render.Layers // draws the state's map, keeping what it drew; nil until there is a map
	// zooming is set while the scale is changing (a wheel, a fly-to):
	// frames are drawn fast then, and a full one once it has rested for
	// settleAfter.
	zooming atomic.Bool // (atomic: test drivers run fyne.Do on the timer's goroutine)
	settle  *time.Timer
	lastRes float64
	frame   *image.RGBA // reused from frame to frame
	hover   string      // code of the state under the pointer
	focused bool
	focus   string // place with the keyboard focus ring, by ID

	// otherKey handles the keys the map does not (the window's keys).
	otherKey func(*fyne.KeyEvent)
	// pick, while set, takes the next click on the map as a point
	// (longitude, latitude) instead of a selection: the item form's
	// "pick on the map".
	pick func(orb.Point)
	// secondary, if set, hears a right click: the point under it and
	// where it was, in the map's units.
	secondary func(orb.Point, fyne.Position)
	// firstFrame, if set, is called once, after the first frame of the map
	// is drawn.
	firstFrame func()
	// drawn, if set, hears of every frame of the map drawn: its size and
	// when its drawing began.
	drawn func(w, h int, began time.Time)
	// The last frame drawn: its view in pixels and its scene.
	lastView  geo.Viewport
	lastScene render.Scene
}

// lastFrame is the view and the scene of the last frame drawn.
func (v *mapView) lastFrame() (geo.Viewport, render.Scene) { return v.lastView, v.lastScene }

func newMapView(st *appstate.Session) *mapView {
	v := &mapView{state: st}
	v.raster = canvas.NewRaster(v.draw)
	v.raster.ScaleMode = canvas.ImageScalePixels
	v.tipBox = canvas.NewRectangle(color.Transparent)
	v.tipBox.CornerRadius = 4
	for i := range v.tipText {
		v.tipText[i] = canvas.NewText("", color.Black)
		v.tipText[i].TextSize = theme.CaptionTextSize() + 1
		v.tipText[i].Hide()
	}
	v.tipText[0].TextStyle.Bold = true
	v.tipBox.Hide()
	v.loading = widget.NewLabel(tr(st.Lang(), "loading"))
	v.ExtendBaseWidget(v)
	st.Listen(appstate.AnyChange, v.stateChanged)
	return v
}

// settleAfter is how long the scale must rest before a zoom's frames are
// drawn in full again.
const settleAfter = 100 * time.Millisecond

// stateChanged redraws the map; a new map needs a new renderer.
func (v *mapView) stateChanged(c appstate.Change) {
	if c&appstate.MapChanged != 0 {
		v.layers = nil
	}
	if res := v.state.View().Res; c&appstate.ViewChanged != 0 && res != v.lastRes {
		if v.lastRes != 0 {
			v.zooming.Store(true)
			if v.settle != nil {
				v.settle.Stop()
			}
			v.settle = time.AfterFunc(settleAfter, func() {
				fyne.Do(func() {
					v.zooming.Store(false)
					v.raster.Refresh()
				})
			})
		}
		v.lastRes = res
	}
	if c&(appstate.StoryChanged|appstate.FilterChanged) != 0 {
		v.focus = ""
	}
	v.Refresh()
}

// CreateRenderer is part of fyne.Widget.
func (v *mapView) CreateRenderer() fyne.WidgetRenderer {
	return &mapViewRenderer{v: v}
}

type mapViewRenderer struct{ v *mapView }

// Layout sizes the raster and tells the state the size of the view.
func (r *mapViewRenderer) Layout(size fyne.Size) {
	v := r.v
	v.raster.Resize(size)
	v.raster.Move(fyne.NewPos(0, 0))
	ls := v.loading.MinSize()
	v.loading.Resize(ls)
	v.loading.Move(fyne.NewPos((size.Width-ls.Width)/2, (size.Height-ls.Height)/2))
	v.state.SetViewSize(float64(size.Width), float64(size.Height))
}

func (r *mapViewRenderer) MinSize() fyne.Size {
	return fyne.NewSize(theme.IconInlineSize()*12, theme.IconInlineSize()*8)
}

// Refresh re-reads the theme and the language and draws again.
func (r *mapViewRenderer) Refresh() {
	v := r.v
	v.tipBox.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	v.tipBox.StrokeColor = theme.Color(theme.ColorNameSeparator)
	v.tipBox.StrokeWidth = 1
	for _, t := range v.tipText {
		t.Color = theme.Color(theme.ColorNameForeground)
		t.Refresh()
	}
	v.loading.SetText(tr(v.state.Lang(), "loading"))
	v.loading.Hidden = v.state.Map() != nil
	v.raster.Refresh()
	v.tipBox.Refresh()
}

func (r *mapViewRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.v.raster, r.v.loading, r.v.tipBox, r.v.tipText[0], r.v.tipText[1], r.v.tipText[2]}
}

func (r *mapViewRenderer) Destroy() {}

// dark reports whether the app shows its dark theme.
func dark() bool {
	return fyne.CurrentApp() != nil && fyne.CurrentApp().Settings().ThemeVariant() == theme.VariantDark
}

// draw is the raster's generator: the state's scene at w x h pixels, with
// the pointer's hover and the keyboard focus ring.
func (v *mapView) draw(w, h int) image.Image {
	if w <= 0 || h <= 0 {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	if v.drawn != nil {
		defer v.drawn(w, h, time.Now())
	}
	img := v.frame
	if img == nil || img.Rect.Dx() != w || img.Rect.Dy() != h {
		img = image.NewRGBA(image.Rect(0, 0, w, h))
		v.frame = img
	}
	m := v.state.Map()
	if m == nil || v.state.View().Width <= 0 {
		sea := render.LightStyle(1).Sea
		if dark() {
			sea = render.DarkStyle(1).Sea
		}
		for i := 0; i < len(img.Pix); i += 4 {
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = sea.R, sea.G, sea.B, 0xff
		}
		return img
	}
	if v.layers == nil {
		v.layers = render.NewLayers(render.NewRenderer(m))
	}
	vp, sc := scene.Build(v.state, scene.Frame{Width: w, Height: h, Dark: dark(), Furniture: scene.WindowFurniture})
	sc.Hover = v.hover
	if v.focused {
		sc.Focused = v.focus
	}
	if v.zooming.Load() {
		v.layers.RenderMoving(img, vp, &sc)
	} else {
		v.layers.Render(img, vp, &sc)
	}
	v.lastView, v.lastScene = vp, sc
	if f := v.firstFrame; f != nil {
		v.firstFrame = nil
		f()
	}
	return img
}

// markers are the markers drawn now, with the view they are drawn in.
func (v *mapView) markers() (appstate.View, []render.Marker) {
	view := v.state.View()
	vp := view.Viewport(v.state.Map().Proj, max(1, int(math.Ceil(view.Width))), max(1, int(math.Ceil(view.Height))))
	return view, scene.Markers(v.state, vp)
}

// markerAt is the drawn marker (a place or a cluster) under the pointer:
// the nearest within reach, the later drawn on a tie (it is on top).
func (v *mapView) markerAt(p fyne.Position) (render.Marker, bool) {
	if v.state.Map() == nil {
		return render.Marker{}, false
	}
	view, shown := v.markers()
	best, bestD := -1, math.Inf(1)
	for i, m := range shown {
		x, y := view.ToUnits(m.At)
		if d := math.Hypot(x-float64(p.X), y-float64(p.Y)); d <= markerHitRadius && d <= bestD {
			best, bestD = i, d
		}
	}
	if best < 0 {
		return render.Marker{}, false
	}
	return shown[best], true
}

// Dragged pans the map with the pointer.
func (v *mapView) Dragged(e *fyne.DragEvent) {
	if v.state.Map() == nil {
		return
	}
	v.hideTip()
	v.state.Pan(float64(e.Dragged.DX), float64(e.Dragged.DY))
}

// DragEnd is part of fyne.Draggable.
func (v *mapView) DragEnd() {}

// Scrolled zooms about the pointer.
func (v *mapView) Scrolled(e *fyne.ScrollEvent) {
	if v.state.Map() == nil {
		return
	}
	v.state.ZoomAbout(float64(e.Position.X), float64(e.Position.Y), math.Pow(2, float64(e.Scrolled.DY)/scrollPerDouble))
}

// Tapped selects the marker under the pointer, or zooms into a cluster
// (and at the deepest zoom, where a cluster cannot split, selects its
// first place). Places that all stand for one area never split: their
// marker selects its first place at once.
func (v *mapView) Tapped(e *fyne.PointEvent) {
	if v.pick != nil {
		if ll, ok := v.lonLatAt(e.Position); ok {
			v.pick(ll)
		}
		return
	}
	m, ok := v.markerAt(e.Position)
	switch {
	case !ok:
	case m.Places > 1 && m.Area == "" && v.state.View().Res > geo.MinResolution*1.01:
		x, y := v.state.View().ToUnits(m.At)
		v.state.ZoomAbout(x, y, clusterZoom)
	default:
		p := v.placeOf(m)
		v.focus = p
		v.state.SelectPlace(v.state.Story().PlaceByID(p))
	}
}

// TappedSecondary is a right click: the window offers to add an item
// there.
func (v *mapView) TappedSecondary(e *fyne.PointEvent) {
	if ll, ok := v.lonLatAt(e.Position); ok && v.secondary != nil {
		v.secondary(ll, e.Position)
	}
}

// lonLatAt is the longitude and latitude under a point of the map; false
// before the map has loaded.
func (v *mapView) lonLatAt(p fyne.Position) (orb.Point, bool) {
	m := v.state.Map()
	if m == nil {
		return orb.Point{}, false
	}
	return m.Proj.Inverse(v.state.View().FromUnits(float64(p.X), float64(p.Y))), true
}

// placeOf is the place a drawn marker stands for: its own, or a cluster's
// first.
func (v *mapView) placeOf(m render.Marker) string {
	if m.ID != "" {
		return m.ID
	}
	// A cluster: the shown place nearest its centre.
	sh := v.state.Shown()
	best, bestD := "", math.Inf(1)
	for _, p := range sh.Places {
		at := v.state.Map().Proj.Forward(p.Point)
		if d := math.Hypot(at[0]-m.At[0], at[1]-m.At[1]); d < bestD {
			best, bestD = p.ID, d
		}
	}
	return best
}

// MouseIn is part of desktop.Hoverable.
func (v *mapView) MouseIn(e *desktop.MouseEvent) { v.MouseMoved(e) }

// MouseMoved shows the name of the marker or state under the pointer.
func (v *mapView) MouseMoved(e *desktop.MouseEvent) {
	if v.state.Map() == nil {
		return
	}
	lang := v.state.Lang()
	var text []string
	state := ""
	if m, ok := v.markerAt(e.Position); ok {
		switch p := v.state.Story().PlaceByID(m.ID); {
		case m.Places > 1 && m.Area != "":
			text = []string{m.Label, fmt.Sprintf(tr(lang, "cluster.area"), m.Places, m.Count)}
		case m.Places > 1:
			text = []string{fmt.Sprintf(tr(lang, "cluster"), m.Places, m.Count)}
		case p != nil:
			text = placeTip(p, lang)
		}
	} else {
		at := v.state.View().FromUnits(float64(e.Position.X), float64(e.Position.Y))
		text, state = regionTip(render.HitTest(v.state.Map(), at), v.state.Map().Locate(at), lang)
	}
	if state != v.hover {
		v.hover = state
		v.raster.Refresh()
	}
	v.showTip(text, e.Position)
}

// regionTip is the tooltip of the land under the pointer: the
// municipality (bold) and its state, or off whose coast, or the
// neighbouring country; and the code of the state, which is tinted.
func regionTip(hits []*geo.Region, loc geo.Location, lang string) (lines []string, state string) {
	for _, r := range hits {
		switch r.Kind {
		case geo.Municipality:
			name := r.Name
			if loc.Offshore {
				name = fmt.Sprintf(tr(lang, "place.offshore"), r.Name)
			}
			lines = append([]string{name}, lines...)
		case geo.State:
			lines, state = append(lines, r.Name), r.Code
			if loc.Offshore {
				state = "" // the sea is not tinted as the state
			}
		case geo.Country:
			name := r.Name
			if lang == "es" {
				name = r.NameES
			}
			lines = append(lines, name)
		}
	}
	return lines, state
}

// MouseOut hides the hover.
func (v *mapView) MouseOut() {
	v.hideTip()
	if v.hover != "" {
		v.hover = ""
		v.raster.Refresh()
	}
}

func (v *mapView) showTip(lines []string, at fyne.Position) {
	if len(lines) == 0 {
		v.hideTip()
		return
	}
	pad := theme.InnerPadding() / 2
	var ts fyne.Size
	for i, t := range v.tipText {
		t.Text = ""
		if i < len(lines) {
			t.Text = lines[i]
		}
		sz := t.MinSize()
		ts.Width = max(ts.Width, sz.Width)
		if t.Text != "" {
			ts.Height += sz.Height
		}
	}
	box := ts.AddWidthHeight(2*pad, 2*pad)
	pos := v.tipPlace(at, box)
	v.tipBox.Move(pos)
	v.tipBox.Resize(box)
	v.tipBox.Show()
	v.tipBox.Refresh()
	y := pos.Y + pad
	for _, t := range v.tipText {
		if t.Text == "" {
			t.Hide()
			continue
		}
		sz := t.MinSize()
		t.Move(fyne.NewPos(pos.X+pad, y))
		t.Resize(sz)
		y += sz.Height
		t.Show()
		t.Refresh()
	}
}

// tipPlace is where a tooltip of size box goes near the pointer at: the
// nearest place, below and right of the pointer first, that stays in the
// map and leaves every marker, every marker's name and the furniture
// uncovered (as the last frame placed them); where none does, the place
// that covers least, and of that least the hovered marker's own.
func (v *mapView) tipPlace(at fyne.Position, box fyne.Size) fyne.Position {
	size := v.Size()
	var placed []image.Rectangle
	scale := float32(1)
	if v.layers != nil && size.Width > 0 {
		placed = v.layers.Renderer().MarkerBoxes()
		scale = float32(v.lastView.Width) / size.Width
	}
	const gap = 16
	best, bestCover := fyne.Position{}, float32(-1)
	try := func(c fyne.Position) bool {
		c.X = max(0, min(c.X, size.Width-box.Width))
		c.Y = max(0, min(c.Y, size.Height-box.Height))
		r := image.Rect(int(c.X*scale), int(c.Y*scale), int((c.X+box.Width)*scale), int((c.Y+box.Height)*scale))
		pointer := image.Pt(int(at.X*scale), int(at.Y*scale))
		var cover float32
		for _, p := range placed {
			if o := p.Intersect(r); !o.Empty() {
				area := float32(o.Dx() * o.Dy())
				if !pointer.In(p.Inset(-gap)) {
					area *= 4 // another marker's: worse than the hovered one's
				}
				cover += area
			}
		}
		if bestCover < 0 || cover < bestCover {
			best, bestCover = c, cover
		}
		return cover == 0
	}
	// Rings of places around the pointer, ever further: the four corners,
	// then straight below, above, right and left.
	for _, d := range [...]float32{0, 24, 56, 96, 144, 200} {
		for _, c := range [...]fyne.Position{
			at.AddXY(gap+d, gap+d/2),
			at.AddXY(-gap-box.Width-d, gap+d/2),
			at.AddXY(gap+d, -gap-box.Height-d/2),
			at.AddXY(-gap-box.Width-d, -gap-box.Height-d/2),
			at.AddXY(-box.Width/2, gap+d),
			at.AddXY(-box.Width/2, -gap-box.Height-d),
			at.AddXY(gap+d, -box.Height/2),
			at.AddXY(-gap-box.Width-d, -box.Height/2),
		} {
			if try(c) {
				return best
			}
		}
	}
	return best
}

// placeTip is a place's tooltip: its name; the dates of its incidents
// (one, or the first and the last, and how many); and the first one's
// headline.
func placeTip(p *story.Place, lang string) []string {
	lines := []string{clipText(p.Name, 60)}
	if len(p.Items) == 0 {
		return lines
	}
	first, last := p.Items[0], p.Items[len(p.Items)-1]
	dates := first.Date.Format(lang)
	if len(p.Items) > 1 {
		dates += " – " + last.Date.Format(lang) + " (" + fmt.Sprintf(tr(lang, "tip.count"), len(p.Items)) + ")"
	}
	return append(lines, dates, clipText(first.Title.In(lang), 60))
}

func (v *mapView) hideTip() {
	v.tipBox.Hide()
	for _, t := range v.tipText {
		t.Hide()
	}
}

// FocusGained is part of fyne.Focusable: the focused marker gets a ring.
func (v *mapView) FocusGained() {
	v.focused = true
	if v.focus == "" {
		if _, ms := v.markers(); len(ms) > 0 {
			v.focus = v.placeOf(ms[0])
		}
	}
	v.raster.Refresh()
}

// FocusLost is part of fyne.Focusable.
func (v *mapView) FocusLost() {
	v.focused = false
	v.raster.Refresh()
}

// TypedRune zooms with + and −.
func (v *mapView) TypedRune(r rune) { zoomRune(v.state, r) }

// zoomRune zooms the state's view for + and − typed as characters.
func zoomRune(st *appstate.Session, r rune) {
	switch r {
	case '+', '=':
		st.Zoom(keyZoom)
	case '-', '−':
		st.Zoom(1 / keyZoom)
	}
}

// TypedKey moves the focus ring to the nearest marker in the direction of
// an arrow, selects it with Enter or Space; the window's keys (Escape,
// Home, zoom) work here as anywhere.
func (v *mapView) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyRight, fyne.KeyLeft, fyne.KeyUp, fyne.KeyDown:
		v.moveFocus(e.Name)
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		if p := v.state.Story().PlaceByID(v.focus); p != nil {
			v.state.SelectPlace(p)
		}
	default:
		if v.otherKey != nil {
			v.otherKey(e)
		}
	}
}

// moveFocus moves the focus ring to the nearest marker in the direction
// of an arrow key: of the markers on that side, the one nearest along the
// arrow, with a sideways step counting twice.
func (v *mapView) moveFocus(key fyne.KeyName) {
	if v.state.Map() == nil {
		return
	}
	view, shown := v.markers()
	fx, fy := view.Width/2, view.Height/2
	for _, m := range shown {
		if m.ID == v.focus && m.ID != "" {
			fx, fy = view.ToUnits(m.At)
		}
	}
	dir := map[fyne.KeyName][2]float64{fyne.KeyRight: {1, 0}, fyne.KeyLeft: {-1, 0}, fyne.KeyUp: {0, -1}, fyne.KeyDown: {0, 1}}[key]
	best, bestScore := -1, math.Inf(1)
	for i, m := range shown {
		x, y := view.ToUnits(m.At)
		if x < 0 || y < 0 || x > view.Width || y > view.Height {
			continue
		}
		dx, dy := x-fx, y-fy
		along := dx*dir[0] + dy*dir[1]
		across := math.Abs(dx*dir[1] - dy*dir[0])
		if along <= 0.5 {
			continue
		}
		if score := along + 2*across; score < bestScore {
			best, bestScore = i, score
		}
	}
	if best >= 0 {
		v.focus = v.placeOf(shown[best])
		v.raster.Refresh()
	}
}
