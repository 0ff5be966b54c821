package ui

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sovmap/geo/appstate"
	"sovmap/geo/story"
	"sovmap/geo/timeaxis"
)

// timeAxis is the story's time as a strip under the timeline: one lane
// per side (Mexico, the US, the press, the incidents), each item drawn
// over the days it may have happened (a day, an approximate date's span,
// a whole month), never at an invented date, with ticks below at days,
// weeks, months or years, as the span and the width allow. A lane with
// more than a few items to a column becomes a histogram of them, so the
// axis draws in time proportional to its width, not to the story; a date
// far from all the others is set aside and counted at the end it lies
// beyond (timeaxis.SpanOf). Dragging across it brushes a date range, the
// state's date filter; dragging the brush moves it; a double click clears
// it. With the focus, Left and Right move the brush a day, Up and Down
// widen and narrow it, Escape clears it.
type timeAxis struct {
	widget.BaseWidget
	state   *appstate.Session
	jobs    *filterJobs // the brush's changes go through it
	raster  *canvas.Raster
	ticks   []*canvas.Text  // reused tick labels
	outside [2]*canvas.Text // the dates set aside, before and after
	// lanes name the lanes, at their left; labelW is the room they take,
	// in units, the lanes' days drawn to its right.
	lanes   []*canvas.Text
	labelW  float32
	focused bool
	// The drag under way: a new brush from anchor, or the brush moved,
	// grabbed offset days after its start.
	dragging, moving bool
	anchor, offset   int

	// Worked out once a story: its dated items and the span shown.
	items   []axisItem
	undated int // the story's undated items
	sp      timeaxis.Span
	// The counts of each lane: all items (once a story and width) and the
	// shown ones (once a filter and width).
	bins        [2][]*timeaxis.Bins
	binsColumns int // the columns bins[1] were counted for, 0: none
	allColumns  int // the columns bins[0] were counted for, 0: none
	// frame is the image drawn, reused from one draw to the next (a new
	// one was 1.6 MB a frame of play at 2× scale).
	frame *image.RGBA
	// counted counts the times the lanes were counted: the tests hold it
	// to once a story, filter and width.
	counted int
}

// axisItem is a dated item on its lane.
type axisItem struct {
	index int // in the story's items
	lane  int
	days  timeaxis.Range
}

// Lane layout, in units.
const (
	axisPad    = 8
	laneHeight = 10
	laneGap    = 3
	laneText   = 9 // the lanes' names, in units
	monthsRow  = 16
	tickGap    = 64 // the least room between ticks, room for a label
)

// itemsLane is the most items a lane's column holds for the lane to be
// drawn as items (full height); beyond, it is drawn as a histogram.
const itemsLane = 2

// axisLanes are the lanes, top to bottom.
var axisLanes = []story.Side{story.SideMexico, story.SideUS, story.SidePress, story.SideContext, ""} // "": incidents

func newTimeAxis(st *appstate.Session, jobs *filterJobs) *timeAxis {
	a := &timeAxis{state: st, jobs: jobs}
	a.raster = canvas.NewRaster(a.draw)
	for range axisLanes {
		t := canvas.NewText("", theme.Color(theme.ColorNameForeground))
		t.TextSize = laneText
		a.lanes = append(a.lanes, t)
	}
	a.nameLanes()
	for i := range a.outside {
		a.outside[i] = canvas.NewText("", theme.Color(theme.ColorNameForeground))
		a.outside[i].TextSize = theme.CaptionTextSize()
	}
	a.ExtendBaseWidget(a)
	a.readStory()
	st.Listen(appstate.StoryChanged|appstate.FilterChanged, func(c appstate.Change) {
		if c&appstate.StoryChanged != 0 {
			a.readStory()
		}
		a.binsColumns = 0
	})
	return a
}

// readStory places the story's dated items on their lanes and finds the
// span: once a story.
func (a *timeAxis) readStory() {
	a.items, a.undated = a.items[:0], 0
	st := a.state
	for i, it := range st.Story().Items {
		f, l, dated := st.ItemDays(i)
		if !dated {
			a.undated++ // counted beside the axis, not placed
			continue
		}
		lane := len(axisLanes) - 1 // the incidents'
		if !st.ItemIsIncident(i) {
			lane = laneOf(it) // read from the item only for the few events
		}
		if lane >= 0 {
			a.items = append(a.items, axisItem{i, lane, timeaxis.Range{First: f, Last: l}})
		}
	}
	a.sp = st.TimeSpan() // worked out off the UI goroutine, with the story
	a.binsColumns, a.allColumns = 0, 0
}

// span is the first day and the number of days the axis shows; ok is
// false when there is no span to show (nothing dated, or one day).
func (a *timeAxis) span() (first, days int, ok bool) {
	return a.sp.First, a.sp.Days(), a.sp.OK && a.sp.Last > a.sp.First
}

// nameLanes names the lanes in the state's language ("Mexico", "US",
// "Press", "Context", "Incidents") and makes room for the longest.
func (a *timeAxis) nameLanes() {
	lang := a.state.Lang()
	a.labelW = 0
	for i, side := range axisLanes {
		key := "axis.lane." + string(side)
		if side == "" {
			key = "axis.lane.incidents"
		}
		a.lanes[i].Text = tr(lang, key)
		a.labelW = max(a.labelW, a.lanes[i].MinSize().Width+4)
	}
}

// plotLeft is where the days begin, in units: right of the lanes' names.
func (a *timeAxis) plotLeft() float32 { return axisPad + a.labelW }

// plotWidth is the width the days take on an axis w units wide.
func (a *timeAxis) plotWidth(w float32) float32 { return w - a.plotLeft() - axisPad }

// xOf is where day d starts on the axis, in units of a width w.
func (a *timeAxis) xOf(d int, w float32) float32 {
	first, days, _ := a.span()
	return a.plotLeft() + float32(d-first)/float32(days)*a.plotWidth(w)
}

// dayAt is the day under x units, within the story's span.
func (a *timeAxis) dayAt(x float32) int {
	first, days, _ := a.span()
	w := a.plotWidth(a.Size().Width)
	if w <= 0 {
		return first
	}
	d := first + int((x-a.plotLeft())/w*float32(days))
	return min(max(d, first), first+days-1)
}

// MinSize is part of fyne.Widget: the lanes and the ticks.
func (a *timeAxis) MinSize() fyne.Size {
	return fyne.NewSize(120+a.labelW, float32(len(axisLanes))*(laneHeight+laneGap)+monthsRow+4)
}

// countLanes counts each lane's items per column: all of them once a
// story and width, the shown ones once a filter and width, O(items +
// columns) each.
func (a *timeAxis) countLanes(columns int) {
	if a.binsColumns == columns {
		return
	}
	lanes := func() []*timeaxis.Bins {
		b := make([]*timeaxis.Bins, len(axisLanes))
		for i := range b {
			b[i] = timeaxis.NewBins(a.sp, columns)
		}
		return b
	}
	if a.allColumns != columns {
		a.bins[0] = lanes()
		for _, ai := range a.items {
			a.bins[0][ai.lane].Add(ai.days)
		}
		a.allColumns = columns
	}
	// Without a brush every dated item is drawn as shown.
	if flt, shown := a.state.Filter(), a.state.Shown(); !flt.Dates {
		a.bins[1] = a.bins[0]
	} else {
		a.bins[1] = lanes()
		for _, ai := range a.items {
			if shown.ShowsItem(ai.index) {
				a.bins[1][ai.lane].Add(ai.days)
			}
		}
	}
	a.binsColumns = columns
	a.counted++
}

// draw paints the lanes, the brush and the ticks at w x h pixels.
func (a *timeAxis) draw(w, h int) image.Image {
	img := a.frame
	if img == nil || img.Rect.Dx() != w || img.Rect.Dy() != h {
		img = image.NewRGBA(image.Rect(0, 0, w, h))
		a.frame = img
	} else {
		clear(img.Pix)
	}
	_, _, ok := a.span()
	size := a.Size()
	if !ok || w <= 0 || size.Width <= 0 {
		return img
	}
	k := float32(w) / size.Width
	px := func(d int) int { return int(a.xOf(d, size.Width) * k) }
	fill := func(r image.Rectangle, c color.Color) {
		draw.Draw(img, r.Intersect(img.Rect), image.NewUniform(c), image.Point{}, draw.Over)
	}
	if flt := a.jobs.filter(); flt.Dates { // the brush, under the items: where it is asked to be
		fill(image.Rect(px(flt.From), 0, max(px(flt.To+1), px(flt.From)+2), h), color.NRGBA{0x2a, 0x5d, 0xb0, 0x40})
	}
	left, right := int(a.plotLeft()*k), int((size.Width-axisPad)*k)
	for i := range axisLanes {
		y := int(float32(i) * (laneHeight + laneGap) * k)
		fill(image.Rect(left, y+int(laneHeight*k/2), right, y+int(laneHeight*k/2)+1), theme.Color(theme.ColorNameSeparator))
	}
	a.countLanes(max(right-left, 1))
	minWidth := max(int(2*k), 1)
	laneH := int(laneHeight * k)
	for lane := range axisLanes {
		c := laneColor(lane)
		faded := c
		faded.A = 0x50
		full, dim := image.NewUniform(c), image.NewUniform(faded)
		all, shown := a.bins[0][lane].Counts(), a.bins[1][lane].Counts()
		most := a.bins[0][lane].Max()
		y0 := int(float32(lane) * (laneHeight + laneGap) * k)
		// height is a column's bar: the lane's height for items, a share
		// of it for a histogram (at least two pixels, so one item shows).
		height := func(n int32) int {
			if most <= itemsLane {
				return laneH
			}
			return max(int(int64(laneH)*int64(n)/int64(most)), min(2, laneH))
		}
		for col, n := range all {
			if n == 0 {
				continue
			}
			x := left + col
			wide := 1
			if most <= itemsLane {
				wide = minWidth // an item of one day stays visible
			}
			bar := func(n int32, u *image.Uniform) {
				hh := height(n)
				r := image.Rect(x, y0+laneH-hh, x+wide, y0+laneH).Intersect(img.Rect)
				draw.Draw(img, r, u, image.Point{}, draw.Over)
			}
			if shown[col] < n {
				bar(n, dim)
			}
			if shown[col] > 0 {
				bar(shown[col], full)
			}
		}
	}
	// Ticks along the bottom.
	base := int(float32(len(axisLanes)) * (laneHeight + laneGap) * k)
	fill(image.Rect(left, base, right, base+1), theme.Color(theme.ColorNameForeground))
	for _, d := range a.tickDays(size.Width) {
		fill(image.Rect(px(d), base, px(d)+1, base+int(4*k)), theme.Color(theme.ColorNameForeground))
	}
	if a.focused {
		c := theme.Color(theme.ColorNameFocus)
		fill(image.Rect(0, 0, w, 2), c)
		fill(image.Rect(0, h-2, w, h), c)
	}
	return img
}

// tickDays are the days of the ticks at a width of w units, and their
// step: at most one every tickGap units.
func (a *timeAxis) tickDays(w float32) []int {
	return timeaxis.Ticks(a.sp, a.tickStep(w))
}

// tickStep is the ticks' step at a width of w units.
func (a *timeAxis) tickStep(w float32) timeaxis.Step {
	return timeaxis.ChooseStep(a.sp, float64(a.plotWidth(w)), tickGap)
}

// tickLabel is a tick's label: "3 Mar", "Mar 2025" or "2025".
func tickLabel(d int, unit timeaxis.Unit, lang string) string {
	s := story.DayString(d, lang) // "3 Mar 2025"
	switch unit {
	case timeaxis.Days:
		return s[:strings.LastIndexByte(s, ' ')]
	case timeaxis.Months:
		return s[strings.IndexByte(s, ' ')+1:]
	}
	return s[strings.LastIndexByte(s, ' ')+1:]
}

// laneOf is an item's lane, or -1 for a side with no lane.
func laneOf(it *story.Item) int {
	if it.Kind == story.Incident {
		return len(axisLanes) - 1
	}
	for i, s := range axisLanes[:len(axisLanes)-1] {
		if s == it.Side {
			return i
		}
	}
	return -1
}

// laneColor is a lane's colour: its side's, or the incidents'.
func laneColor(lane int) color.NRGBA {
	c := incidentColor
	if lane < len(axisLanes)-1 {
		c = sideColors[axisLanes[lane]]
	}
	return color.NRGBA{c.R, c.G, c.B, 0xff}
}

// setRange asks for the date filter from..to, kept in the span; it is
// applied once worked out (filterJobs), the brush drawn there at once.
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
	flt := a.jobs.filter()
	flt.Dates, flt.From, flt.To = true, from, to
	a.jobs.request(flt)
	a.raster.Refresh()
}

// clear removes the date range.
func (a *timeAxis) clear() {
	flt := a.jobs.filter()
	flt.Dates = false
	a.jobs.request(flt)
	a.raster.Refresh()
}

// Dragged is part of fyne.Draggable: brush a range, or move the brush.
func (a *timeAxis) Dragged(e *fyne.DragEvent) {
	d := a.dayAt(e.Position.X)
	if !a.dragging {
		a.dragging = true
		start := a.dayAt(e.Position.X - e.Dragged.DX)
		flt := a.jobs.filter()
		a.moving = flt.Dates && start >= flt.From && start <= flt.To
		a.anchor, a.offset = start, start-flt.From
	}
	if !a.moving {
		a.setRange(a.anchor, d)
		return
	}
	flt := a.jobs.filter()
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
	flt := a.jobs.filter()
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
	for _, t := range a.outside {
		t.Hide()
	}
	_, _, ok := a.span()
	fg := theme.Color(theme.ColorNameForeground)
	a.nameLanes()
	for i, t := range a.lanes {
		ts := t.MinSize()
		t.Color = fg
		t.Move(fyne.NewPos(axisPad, float32(i)*(laneHeight+laneGap)+laneHeight/2-ts.Height/2))
		t.Resize(ts)
		t.Hidden = !ok
	}
	if !ok {
		for _, t := range a.ticks {
			t.Hide()
		}
		return
	}
	lang := a.state.Lang()
	y := float32(len(axisLanes))*(laneHeight+laneGap) + 3
	// The dates set aside, at the ends: the tick labels keep clear of them.
	free, end := float32(0), size.Width
	for i, n := range [2]int{a.sp.Before, a.sp.After} {
		if n == 0 {
			continue
		}
		t := a.outside[i]
		key := [2]string{"axis.before", "axis.after"}[i]
		if n == 1 {
			key += ".one"
		}
		t.Text = fmt.Sprintf(tr(lang, key), n)
		t.Color = fg
		ts := t.MinSize()
		x := float32(0)
		if i == 0 {
			free = ts.Width + 6
		} else {
			x = size.Width - ts.Width
			end = x - 6
		}
		t.Move(fyne.NewPos(x, y))
		t.Resize(ts)
		t.Show()
	}
	step := a.tickStep(size.Width)
	days := timeaxis.Ticks(a.sp, step)
	for len(a.ticks) < len(days) {
		t := canvas.NewText("", fg)
		t.TextSize = theme.CaptionTextSize()
		a.ticks = append(a.ticks, t)
	}
	for i, t := range a.ticks {
		if i >= len(days) {
			t.Hide()
			continue
		}
		t.Text = tickLabel(days[i], step.Unit(), lang)
		t.Color = fg
		x := a.xOf(days[i], size.Width) + 2
		ts := t.MinSize()
		if x < free || x+ts.Width > end {
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
	for _, t := range r.a.ticks {
		t.Refresh()
	}
	for _, t := range r.a.outside {
		t.Refresh()
	}
	for _, t := range r.a.lanes {
		t.Refresh()
	}
}

func (r *timeAxisRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.a.raster, r.a.outside[0], r.a.outside[1]}
	for _, t := range r.a.lanes {
		objs = append(objs, t)
	}
	for _, t := range r.a.ticks {
		objs = append(objs, t)
	}
	return objs
}

func (r *timeAxisRenderer) Destroy() {}
