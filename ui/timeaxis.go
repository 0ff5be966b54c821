package ui

import (
	"image"
	"image/color"
	"image/draw"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sovmap/geo/appstate"
	"sovmap/geo/story"
)

// timeAxis is the story's time as a strip under the timeline: one lane
// per side (Mexico, the US, the press, the incidents), each item drawn
// over the days it may have happened (a day, an approximate date's span,
// a whole month), never at an invented date, with the months marked below.
// Dragging across it brushes a date range, the state's date filter;
// dragging the brush moves it; a double click clears it. With the focus,
// Left and Right move the brush a day, Up and Down widen and narrow it,
// Escape clears it.
type timeAxis struct {
	widget.BaseWidget
	state   *appstate.Session
	raster  *canvas.Raster
	months  []*canvas.Text // reused month labels
	focused bool
	// The drag under way: a new brush from anchor, or the brush moved,
	// grabbed offset days after its start.
	dragging, moving bool
	anchor, offset   int
}

// Lane layout, in units.
const (
	axisPad    = 8
	laneHeight = 9
	laneGap    = 2
	monthsRow  = 16
)

// axisLanes are the lanes, top to bottom.
var axisLanes = []story.Side{story.SideMexico, story.SideUS, story.SidePress, story.SideContext, ""} // "": incidents

func newTimeAxis(st *appstate.Session) *timeAxis {
	a := &timeAxis{state: st}
	a.raster = canvas.NewRaster(a.draw)
	a.ExtendBaseWidget(a)
	return a
}

// span is the first day and the number of days the axis shows.
func (a *timeAxis) span() (first, days int, ok bool) {
	f, l, ok := a.state.Story().Span()
	return f, l - f + 1, ok && l > f
}

// xOf is where day d starts on the axis, in units of a width w.
func (a *timeAxis) xOf(d int, w float32) float32 {
	first, days, _ := a.span()
	return axisPad + float32(d-first)/float32(days)*(w-2*axisPad)
}

// dayAt is the day under x units, within the story's span.
func (a *timeAxis) dayAt(x float32) int {
	first, days, _ := a.span()
	w := a.Size().Width - 2*axisPad
	if w <= 0 {
		return first
	}
	d := first + int((x-axisPad)/w*float32(days))
	return min(max(d, first), first+days-1)
}

// MinSize is part of fyne.Widget: the lanes and the months.
func (a *timeAxis) MinSize() fyne.Size {
	return fyne.NewSize(120, float32(len(axisLanes))*(laneHeight+laneGap)+monthsRow+4)
}

// draw paints the lanes, the brush and the month ticks at w x h pixels.
func (a *timeAxis) draw(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	first, days, ok := a.span()
	size := a.Size()
	if !ok || w <= 0 || size.Width <= 0 {
		return img
	}
	k := float32(w) / size.Width
	px := func(d int) int { return int(a.xOf(d, size.Width) * k) }
	fill := func(r image.Rectangle, c color.Color) {
		draw.Draw(img, r.Intersect(img.Rect), image.NewUniform(c), image.Point{}, draw.Over)
	}
	flt := a.state.Filter()
	if flt.Dates { // the brush, under the items
		fill(image.Rect(px(flt.From), 0, max(px(flt.To+1), px(flt.From)+2), h), color.NRGBA{0x2a, 0x5d, 0xb0, 0x40})
	}
	for i := range axisLanes {
		y := int(float32(i) * (laneHeight + laneGap) * k)
		fill(image.Rect(int(axisPad*k), y+int(laneHeight*k/2), int((size.Width-axisPad)*k), y+int(laneHeight*k/2)+1), theme.Color(theme.ColorNameSeparator))
	}
	for _, it := range a.state.Story().Items {
		f, l, dated := it.Date.Days()
		if !dated {
			continue // undated items are counted beside the axis, not placed
		}
		lane, c := laneOf(it)
		if lane < 0 {
			continue
		}
		shown := !flt.Dates || flt.Shows(it)
		if !shown {
			c.A = 0x50
		}
		y := int(float32(lane) * (laneHeight + laneGap) * k)
		fill(image.Rect(px(f), y, max(px(l+1), px(f)+int(2*k)), y+int(laneHeight*k)), c)
	}
	// Month ticks along the bottom.
	base := int(float32(len(axisLanes)) * (laneHeight + laneGap) * k)
	fill(image.Rect(int(axisPad*k), base, int((size.Width-axisPad)*k), base+1), theme.Color(theme.ColorNameForeground))
	for _, m := range monthStarts(first, days) {
		fill(image.Rect(px(m), base, px(m)+1, base+int(4*k)), theme.Color(theme.ColorNameForeground))
	}
	if a.focused {
		c := theme.Color(theme.ColorNameFocus)
		fill(image.Rect(0, 0, w, 2), c)
		fill(image.Rect(0, h-2, w, h), c)
	}
	return img
}

// laneOf is an item's lane and colour, or -1 for a side with no lane.
func laneOf(it *story.Item) (int, color.NRGBA) {
	if it.Kind == story.Incident {
		c := incidentColor
		return len(axisLanes) - 1, color.NRGBA{c.R, c.G, c.B, 0xff}
	}
	for i, s := range axisLanes[:len(axisLanes)-1] {
		if s == it.Side {
			c := sideColors[s]
			return i, color.NRGBA{c.R, c.G, c.B, 0xff}
		}
	}
	return -1, color.NRGBA{}
}

// monthStarts are the first days of the months within the span.
func monthStarts(first, days int) []int {
	var out []int
	t := time.Unix(int64(first)*86400, 0).UTC()
	m := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	for {
		if m.Before(t) {
			m = m.AddDate(0, 1, 0)
			continue
		}
		d := int(m.Unix() / 86400)
		if d >= first+days {
			return out
		}
		out = append(out, d)
		m = m.AddDate(0, 1, 0)
	}
}

// setRange sets the state's date filter to from..to, kept in the span.
func (a *timeAxis) setRange(from, to int) {
	first, days, ok := a.span()
	if !ok {
		return
	}
	last := first + days - 1
	from, to = min(max(from, first), last), min(max(to, first), last)
	if from > to {
		from, to = to, from
	}
	flt := a.state.Filter()
	flt.Dates, flt.From, flt.To = true, from, to
	a.state.SetFilter(flt)
}

// clear removes the date range.
func (a *timeAxis) clear() {
	flt := a.state.Filter()
	flt.Dates = false
	a.state.SetFilter(flt)
}

// Dragged is part of fyne.Draggable: brush a range, or move the brush.
func (a *timeAxis) Dragged(e *fyne.DragEvent) {
	d := a.dayAt(e.Position.X)
	if !a.dragging {
		a.dragging = true
		start := a.dayAt(e.Position.X - e.Dragged.DX)
		flt := a.state.Filter()
		a.moving = flt.Dates && start >= flt.From && start <= flt.To
		a.anchor, a.offset = start, start-flt.From
	}
	if !a.moving {
		a.setRange(a.anchor, d)
		return
	}
	flt := a.state.Filter()
	width := flt.To - flt.From
	first, days, _ := a.span()
	from := min(max(d-a.offset, first), first+days-1-width)
	a.setRange(from, from+width)
}

// DragEnd is part of fyne.Draggable.
func (a *timeAxis) DragEnd() { a.dragging = false }

// DoubleTapped is part of fyne.DoubleTappable: clear the range.
func (a *timeAxis) DoubleTapped(*fyne.PointEvent) { a.clear() }

// Tapped is part of fyne.Tappable: take the keyboard's focus.
func (a *timeAxis) Tapped(*fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(a); c != nil {
		c.Focus(a)
	}
}

// FocusGained is part of fyne.Focusable.
func (a *timeAxis) FocusGained() { a.focused = true; a.Refresh() }

// FocusLost is part of fyne.Focusable.
func (a *timeAxis) FocusLost() { a.focused = false; a.Refresh() }

// TypedRune is part of fyne.Focusable.
func (a *timeAxis) TypedRune(rune) {}

// TypedKey is part of fyne.Focusable: the arrows move and size the brush,
// Escape clears it. With no brush, an arrow makes one of the whole span.
func (a *timeAxis) TypedKey(e *fyne.KeyEvent) {
	flt := a.state.Filter()
	first, days, ok := a.span()
	if !ok {
		return
	}
	if !flt.Dates {
		flt.From, flt.To = first, first+days-1
	}
	switch e.Name {
	case fyne.KeyLeft:
		if flt.From > first {
			a.setRange(flt.From-1, flt.To-1)
		}
	case fyne.KeyRight:
		if flt.To < first+days-1 {
			a.setRange(flt.From+1, flt.To+1)
		}
	case fyne.KeyUp:
		a.setRange(flt.From-1, flt.To+1)
	case fyne.KeyDown:
		if flt.To-flt.From >= 2 {
			a.setRange(flt.From+1, flt.To-1)
		}
	case fyne.KeyEscape, fyne.KeyDelete, fyne.KeyBackspace:
		a.clear()
	}
}

// Cursor is part of desktop.Cursorable.
func (a *timeAxis) Cursor() desktop.Cursor { return desktop.HResizeCursor }

// CreateRenderer is part of fyne.Widget.
func (a *timeAxis) CreateRenderer() fyne.WidgetRenderer { return &timeAxisRenderer{a: a} }

type timeAxisRenderer struct{ a *timeAxis }

func (r *timeAxisRenderer) Layout(size fyne.Size) {
	a := r.a
	a.raster.Resize(size)
	first, days, ok := a.span()
	if !ok {
		return
	}
	starts := monthStarts(first, days)
	for len(a.months) < len(starts) {
		t := canvas.NewText("", theme.Color(theme.ColorNameForeground))
		t.TextSize = theme.CaptionTextSize()
		a.months = append(a.months, t)
	}
	lang := a.state.Lang()
	y := float32(len(axisLanes))*(laneHeight+laneGap) + 3
	free := float32(0) // where the next label may start: none overlaps
	for i, t := range a.months {
		if i >= len(starts) {
			t.Hide()
			continue
		}
		t.Text = strings.TrimPrefix(story.DayString(starts[i], lang), "1 ") // "Jan 2025"
		t.Color = theme.Color(theme.ColorNameForeground)
		x := a.xOf(starts[i], size.Width) + 2
		ts := t.MinSize()
		if x < free || x+ts.Width > size.Width {
			t.Hide()
			continue
		}
		free = x + ts.Width + 6
		t.Move(fyne.NewPos(x, y))
		t.Resize(ts)
		t.Show()
	}
}

func (r *timeAxisRenderer) MinSize() fyne.Size { return r.a.MinSize() }

func (r *timeAxisRenderer) Refresh() {
	r.Layout(r.a.Size())
	r.a.raster.Refresh()
	for _, t := range r.a.months {
		t.Refresh()
	}
}

func (r *timeAxisRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.a.raster}
	for _, t := range r.a.months {
		objs = append(objs, t)
	}
	return objs
}

func (r *timeAxisRenderer) Destroy() {}
