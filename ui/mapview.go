package ui

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"sovmap/assets/story"
	"sovmap/geo"
	"sovmap/ui/export"
)

var (
	_ fyne.Tappable     = (*mapView)(nil)
	_ fyne.Draggable    = (*mapView)(nil)
	_ fyne.Scrollable   = (*mapView)(nil)
	_ fyne.Focusable    = (*mapView)(nil)
	_ desktop.Hoverable = (*mapView)(nil)
)

// Interaction sizes, in Fyne units.
const (
	markerHitRadius = 14  // a 28-unit target around each marker
	scrollPerDouble = 60  // scroll units that double or halve the scale
	keyZoom         = 1.5 // one + or − key press
	fitMargin       = 24
)

// mapView is the interactive map: the shared geo renderer drawn through a
// canvas.Raster, with pan, zoom, hover, markers and keyboard focus.
type mapView struct {
	widget.BaseWidget
	model *model

	gmap     *geo.Map // nil until loaded
	renderer *geo.Renderer
	markers  []geo.Marker   // one per place of the story
	places   []*story.Place // markers[i] is places[i]
	builtFor *story.Story   // the story the markers were made for
	builtOn  *geo.Map       // and the map
	builtGen int            // and the model's filterGen
	byID     map[string]int // marker ID → index in markers and places
	shown    []geo.Marker   // the markers as drawn: clustered for the view
	cluster  geo.Clusterer
	shownFor clusterKey // what shown was clustered for

	raster  *canvas.Raster
	tipBox  *canvas.Rectangle
	tipText *canvas.Text
	loading *widget.Label

	vp      geo.Viewport // in pixels
	fitted  bool         // vp has been set for a real size
	moved   bool         // the user has panned or zoomed since the last fit
	scale   float32      // pixels per Fyne unit
	frames  [2]*image.RGBA
	frame   int
	hover   string // state under the pointer
	hoverM  int    // marker under the pointer, or -1
	focused bool
	focus   int // marker with keyboard focus

	// onViewChange, if set, hears of every change of view (for preferences).
	onViewChange func(geo.Viewport)
	// onFrame, if set, is called after each complete frame is drawn.
	onFrame func()
	// pending is a view to show first instead of fitting Mexico.
	pending *geo.Viewport
}

// restore asks for the first frame to show this centre and resolution.
func (v *mapView) restore(center orb.Point, res float64) {
	v.pending = &geo.Viewport{Center: center, Res: res}
}

func newMapView(m *model) *mapView {
	v := &mapView{model: m, hoverM: -1, scale: 1}
	v.raster = canvas.NewRaster(v.draw)
	v.raster.ScaleMode = canvas.ImageScalePixels
	v.tipBox = canvas.NewRectangle(color.Transparent)
	v.tipBox.CornerRadius = 4
	v.tipText = canvas.NewText("", color.Black)
	v.tipText.TextSize = theme.CaptionTextSize() + 1
	v.tipColors()
	v.tipBox.Hide()
	v.tipText.Hide()
	v.loading = widget.NewLabel(tr(m.lang, "loading"))
	v.ExtendBaseWidget(v)
	m.onChange(v.selectionChanged)
	return v
}

// setMap gives the view its map once loaded, and draws it.
func (v *mapView) setMap(gm *geo.Map) {
	v.gmap = gm
	v.closeRenderer() // made again for the new map on the next frame
	v.syncMarkers()
	v.loading.Hide()
	v.raster.Refresh()
}

// syncMarkers makes the markers again when the story or the map changed.
func (v *mapView) syncMarkers() {
	s := v.model.story
	if v.gmap == nil || (v.builtFor == s && v.builtOn == v.gmap && v.builtGen == v.model.filterGen) {
		return
	}
	v.builtFor, v.builtOn, v.builtGen = s, v.gmap, v.model.filterGen
	v.shownFor = clusterKey{} // new markers: cluster them again
	v.markers, v.places = v.markers[:0], v.places[:0]
	for _, p := range s.Places { // the places with incidents in the date range
		if n := v.model.visibleCount(p); n > 0 {
			v.markers = append(v.markers, geo.Marker{ID: p.ID, Label: p.Name, At: v.gmap.Proj.Forward(p.Point), Count: n})
			v.places = append(v.places, p)
		}
	}
	v.byID = make(map[string]int, len(v.places))
	for i, p := range v.places {
		v.byID[p.ID] = i
	}
	v.focus = 0
}

// clusterKey is what a clustering depends on besides the markers.
type clusterKey struct {
	vp    geo.Viewport
	keep  string
	scale float32
	valid bool
}

// clustered clusters the markers for the current view, keeping the
// selected place apart. Hit-testing between frames reuses the frame's
// clustering rather than doing it again on every pointer move.
func (v *mapView) clustered() []geo.Marker {
	keep := ""
	if p := v.model.place; p != nil {
		keep = p.ID
	}
	key := clusterKey{vp: v.vp, keep: keep, scale: v.scale, valid: true}
	if key == v.shownFor {
		return v.shown
	}
	radius := export.ClusterRadius(len(v.markers)) * float64(v.scale)
	v.shown = v.cluster.Cluster(v.vp, v.markers, radius, keep, v.shown)
	v.shownFor = key
	return v.shown
}

// CreateRenderer is part of fyne.Widget.
func (v *mapView) CreateRenderer() fyne.WidgetRenderer {
	return &mapViewRenderer{v: v}
}

type mapViewRenderer struct{ v *mapView }

func (r *mapViewRenderer) Layout(size fyne.Size) {
	r.v.raster.Resize(size)
	r.v.raster.Move(fyne.NewPos(0, 0))
	ls := r.v.loading.MinSize()
	r.v.loading.Resize(ls)
	r.v.loading.Move(fyne.NewPos((size.Width-ls.Width)/2, (size.Height-ls.Height)/2))
}

func (r *mapViewRenderer) MinSize() fyne.Size {
	return fyne.NewSize(theme.IconInlineSize()*12, theme.IconInlineSize()*8)
}

func (r *mapViewRenderer) Refresh() {
	r.v.tipColors()
	r.v.loading.SetText(tr(r.v.model.lang, "loading"))
	r.Layout(r.v.Size())
	r.v.raster.Refresh()
	r.v.tipBox.Refresh()
	r.v.tipText.Refresh()
}

func (r *mapViewRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.v.raster, r.v.loading, r.v.tipBox, r.v.tipText}
}

// Destroy stops the geo renderer's helper goroutine. Fyne destroys a
// widget's renderer when it has not been drawn for a while and makes a new
// one if it shows again, so the geo renderer is made again on demand.
func (r *mapViewRenderer) Destroy() { r.v.closeRenderer() }

func (v *mapView) closeRenderer() {
	if v.renderer != nil {
		v.renderer.Close()
		v.renderer = nil
	}
}

// draw is the raster's generator: it renders the current view at w x h pixels.
func (v *mapView) draw(w, h int) image.Image {
	if w <= 0 || h <= 0 {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	if sz := v.Size(); sz.Width > 0 {
		v.scale = float32(w) / sz.Width
	}
	img := v.frames[v.frame]
	if img == nil || img.Rect.Dx() != w || img.Rect.Dy() != h {
		img = image.NewRGBA(image.Rect(0, 0, w, h))
		v.frames[v.frame] = img
	}
	v.frame ^= 1 // the other buffer next time, while this one may be uploading
	if v.gmap == nil {
		st := v.style()
		for i := 0; i < len(img.Pix); i += 4 {
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = st.Sea.R, st.Sea.G, st.Sea.B, 0xff
		}
		return img
	}
	switch {
	case !v.fitted && v.pending != nil:
		v.vp = geo.Viewport{Proj: v.gmap.Proj, Center: v.pending.Center, Res: v.pending.Res, Width: w, Height: h}
		v.fitted, v.moved, v.pending = true, true, nil
	case !v.fitted || !v.moved:
		v.vp = geo.Fit(v.gmap.Proj, v.gmap.Bound, w, h, fitMargin*float64(v.scale))
		v.fitted = true
	case v.vp.Width != w || v.vp.Height != h:
		v.vp = v.vp.Resize(w, h)
	}
	if v.renderer == nil {
		v.renderer = geo.NewRenderer(v.gmap)
	}
	sc := v.scene()
	v.renderer.Render(img, v.vp, &sc)
	if v.onFrame != nil {
		v.onFrame()
	}
	return img
}

func (v *mapView) style() geo.Style {
	if fyne.CurrentApp() != nil && fyne.CurrentApp().Settings().ThemeVariant() == theme.VariantDark {
		return geo.DarkStyle(float64(v.scale))
	}
	return geo.LightStyle(float64(v.scale))
}

// scene is what the map shows now: the story's markers, the selection, the
// hover, focus, legend, scale bar and attribution.
func (v *mapView) scene() geo.Scene {
	m := v.model
	sc := export.Scene(m.story, v.clustered(), m.states, m.lang, m.place, v.style())
	sc.Hover = v.hover
	if v.focused && v.focus < len(v.markers) {
		sc.Focused = v.markers[v.focus].ID
	}
	return sc
}

// pixel turns a position in Fyne units into raster pixels.
func (v *mapView) pixel(p fyne.Position) (float64, float64) {
	return float64(p.X * v.scale), float64(p.Y * v.scale)
}

func (v *mapView) setView(vp geo.Viewport) {
	v.vp, v.moved = vp, true
	v.raster.Refresh()
	if v.onViewChange != nil {
		v.onViewChange(vp)
	}
}

// Dragged pans the map with the pointer.
func (v *mapView) Dragged(e *fyne.DragEvent) {
	if v.gmap == nil {
		return
	}
	v.hideTip()
	v.setView(v.vp.Pan(float64(e.Dragged.DX*v.scale), float64(e.Dragged.DY*v.scale)))
}

// DragEnd is part of fyne.Draggable.
func (v *mapView) DragEnd() {}

// Scrolled zooms about the pointer.
func (v *mapView) Scrolled(e *fyne.ScrollEvent) {
	if v.gmap == nil {
		return
	}
	x, y := v.pixel(e.Position)
	v.setView(v.vp.ZoomAbout(x, y, math.Pow(2, float64(e.Scrolled.DY)/scrollPerDouble)))
}

// zoom zooms about the centre by factor.
func (v *mapView) zoom(factor float64) {
	if v.gmap == nil {
		return
	}
	v.setView(v.vp.ZoomAbout(float64(v.vp.Width)/2, float64(v.vp.Height)/2, factor))
}

// reset shows all of Mexico again.
func (v *mapView) reset() {
	v.moved = false
	v.raster.Refresh()
	if v.onViewChange != nil && v.gmap != nil {
		v.onViewChange(geo.Fit(v.gmap.Proj, v.gmap.Bound, v.vp.Width, v.vp.Height, fitMargin*float64(v.scale)))
	}
}

// Tapped selects the marker under the pointer, or zooms into a cluster.
func (v *mapView) Tapped(e *fyne.PointEvent) {
	m, ok := v.markerAt(e.Position)
	switch {
	case !ok:
	case m.Places > 1:
		x, y := v.vp.ToPixel(m.At)
		v.setView(v.vp.ZoomAbout(x, y, 3))
	default:
		i := v.byID[m.ID]
		v.focus = i
		v.model.selectPlace(v.places[i])
	}
}

// markerAt is the drawn marker (a place or a cluster) under the pointer.
func (v *mapView) markerAt(p fyne.Position) (geo.Marker, bool) {
	if v.gmap == nil || !v.fitted {
		return geo.Marker{}, false
	}
	x, y := v.pixel(p)
	shown := v.clustered()
	if i := geo.MarkerAt(v.vp, shown, x, y, markerHitRadius*float64(v.scale)); i >= 0 {
		return shown[i], true
	}
	return geo.Marker{}, false
}

// MouseIn is part of desktop.Hoverable.
func (v *mapView) MouseIn(e *desktop.MouseEvent) { v.MouseMoved(e) }

// MouseMoved shows the name of the marker or state under the pointer.
func (v *mapView) MouseMoved(e *desktop.MouseEvent) {
	if v.gmap == nil {
		return
	}
	text, state := "", ""
	if m, ok := v.markerAt(e.Position); ok {
		switch p := v.places[v.byID[m.ID]]; {
		case m.Places > 1:
			text = fmt.Sprintf(tr(v.model.lang, "cluster"), m.Places, m.Count)
		case len(p.Items) > 1:
			text = p.Name + " · " + fmt.Sprintf(tr(v.model.lang, "incidents"), len(p.Items))
		default:
			text = p.Name
		}
	} else {
		x, y := v.pixel(e.Position)
		if s := v.gmap.StateAtPixel(v.vp, x, y); s != nil {
			text, state = s.Name, s.Code
		}
	}
	if state != v.hover {
		v.hover = state
		v.raster.Refresh()
	}
	v.showTip(text, e.Position)
}

// MouseOut hides the hover.
func (v *mapView) MouseOut() {
	v.hideTip()
	if v.hover != "" {
		v.hover = ""
		v.raster.Refresh()
	}
}

func (v *mapView) showTip(text string, at fyne.Position) {
	if text == "" {
		v.hideTip()
		return
	}
	pad := theme.InnerPadding() / 2
	v.tipText.Text = text
	ts := v.tipText.MinSize()
	pos := at.Add(fyne.NewPos(16, 16))
	size := v.Size()
	if pos.X+ts.Width+2*pad > size.Width {
		pos.X = at.X - ts.Width - 2*pad - 8
	}
	if pos.Y+ts.Height+2*pad > size.Height {
		pos.Y = at.Y - ts.Height - 2*pad - 8
	}
	v.tipBox.Move(pos)
	v.tipBox.Resize(ts.AddWidthHeight(2*pad, 2*pad))
	v.tipText.Move(pos.AddXY(pad, pad))
	v.tipText.Resize(ts)
	v.tipBox.Show()
	v.tipText.Show()
	v.tipBox.Refresh()
	v.tipText.Refresh()
}

// tipColors takes the tooltip's colours from the current theme.
func (v *mapView) tipColors() {
	v.tipBox.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	v.tipBox.StrokeColor = theme.Color(theme.ColorNameSeparator)
	v.tipBox.StrokeWidth = 1
	v.tipText.Color = theme.Color(theme.ColorNameForeground)
}

func (v *mapView) hideTip() {
	v.tipBox.Hide()
	v.tipText.Hide()
}

// FocusGained is part of fyne.Focusable: the focused marker gets a ring.
func (v *mapView) FocusGained() {
	v.focused = true
	v.raster.Refresh()
}

// FocusLost is part of fyne.Focusable.
func (v *mapView) FocusLost() {
	v.focused = false
	v.raster.Refresh()
}

// TypedRune zooms with + and −.
func (v *mapView) TypedRune(r rune) {
	switch r {
	case '+', '=':
		v.zoom(keyZoom)
	case '-', '−':
		v.zoom(1 / keyZoom)
	}
}

// TypedKey moves the marker focus with the arrows, selects with Enter or
// Space, clears with Escape and shows all of Mexico with Home.
func (v *mapView) TypedKey(e *fyne.KeyEvent) {
	n := len(v.markers)
	switch e.Name {
	case fyne.KeyRight, fyne.KeyDown:
		if n > 0 {
			v.focus = (v.focus + 1) % n
			v.raster.Refresh()
		}
	case fyne.KeyLeft, fyne.KeyUp:
		if n > 0 {
			v.focus = (v.focus + n - 1) % n
			v.raster.Refresh()
		}
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		if v.focus < n {
			v.model.selectPlace(v.places[v.focus])
		}
	case fyne.KeyEscape:
		v.model.clear()
	case fyne.KeyHome:
		v.reset()
	case fyne.KeyPlus, fyne.KeyEqual:
		v.zoom(keyZoom)
	case fyne.KeyMinus:
		v.zoom(1 / keyZoom)
	}
}

// selectionChanged redraws, and brings a selected place into view.
func (v *mapView) selectionChanged() {
	v.syncMarkers()
	if p := v.model.place; p != nil && v.gmap != nil && v.fitted {
		for i, q := range v.places {
			if q == p {
				v.focus = i
			}
		}
		at := v.gmap.Proj.Forward(p.Point)
		x, y := v.vp.ToPixel(at)
		margin := 40 * float64(v.scale)
		if x < margin || y < margin || x > float64(v.vp.Width)-margin || y > float64(v.vp.Height)-margin {
			vp := v.vp
			vp.Center = at
			v.setView(vp)
		}
	}
	v.raster.Refresh()
}

// storySources names the story's sources for the attribution.
func storySources(s *story.Story) string {
	out := ""
	for i, src := range s.Sources {
		if i > 0 {
			out += ", "
		}
		out += src.Name
	}
	return out
}
