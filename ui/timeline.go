package ui

import (
	"image/color"
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sovmap/assets/i18n"
	"sovmap/geo/appstate"
	"sovmap/geo/scene"
	"sovmap/geo/story"
)

// Side colours: the same for light and dark themes, chosen to read on both.
var sideColors = map[story.Side]color.RGBA{
	story.SideMexico:  {0x1b, 0x8a, 0x5a, 0xff},
	story.SideUS:      {0x2a, 0x5d, 0xb0, 0xff},
	story.SidePress:   {0x80, 0x80, 0x80, 0xff},
	story.SideContext: {0x7a, 0x5c, 0x99, 0xff},
}

var incidentColor = color.RGBA{0xc0, 0x2b, 0x25, 0xff}

// timeline lists the shown items in date order, undated items in a marked
// group at the end, each row marked with who acts (Mexico, the US, the
// press) or as an incident. Rows of the selected place are highlighted.
type timeline struct {
	state   *appstate.Session
	list    *timelineList
	rows    []*story.Item // nil marks the "undated" header
	title   *widget.Label
	prev    *widget.Button
	next    *widget.Button
	clear   *widget.Button
	content fyne.CanvasObject
	filter  *dateFilter
	// step moves through the story (the window's: the narrative flies).
	step func(delta int)
	// titleWidth is the room a row's title has, units: 0 until laid out.
	titleWidth float32
	// rowHeight is every row's height: a header and two lines of title.
	// One height for all rows keeps the list's work per frame to the rows
	// on screen (Fyne's list walks every row of custom heights).
	rowHeight float32
	// labels are the titles cut to two lines at titleWidth in labelsLang,
	// kept for the rows drawn so far (at most maxLabels).
	labels     map[*story.Item]string
	labelsLang string
	// fitted counts the titles cut to fit since the timeline was made:
	// the tests hold it to the rows drawn.
	fitted int
}

// maxLabels bounds the titles kept cut to fit: the cache starts afresh
// beyond it.
const maxLabels = 4096

// timelineList is the timeline's list. Up and Down move through it as in
// any list; the window's keys (Left and Right step through the story,
// Escape, Home, zoom) still work while it has the focus.
type timelineList struct {
	widget.List
	otherKey  func(*fyne.KeyEvent)
	otherRune func(rune)
	onResize  func() // the titles are cut anew to the width
}

// Resize is part of fyne.CanvasObject: a new width cuts the titles anew.
func (l *timelineList) Resize(size fyne.Size) {
	changed := size.Width != l.Size().Width
	l.List.Resize(size)
	if changed && l.onResize != nil {
		l.onResize()
	}
}

// TypedRune is part of fyne.Focusable: + and − zoom the map.
func (l *timelineList) TypedRune(r rune) { l.otherRune(r) }

// TypedKey is part of fyne.Focusable.
func (l *timelineList) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyUp, fyne.KeyDown, fyne.KeySpace:
		l.List.TypedKey(e)
	default:
		l.otherKey(e)
	}
}

func newTimeline(st *appstate.Session, otherKey func(*fyne.KeyEvent), otherRune func(rune)) *timeline {
	t := &timeline{state: st}
	t.list = &timelineList{otherKey: otherKey, otherRune: otherRune}
	t.list.Length = func() int { return len(t.rows) }
	t.list.CreateItem = t.newRow
	t.list.UpdateItem = t.updateRow
	t.list.ExtendBaseWidget(t.list)
	t.list.onResize = t.fitTitles
	t.list.OnSelected = func(id widget.ListItemID) {
		if id < 0 || id >= len(t.rows) {
			t.list.Unselect(id)
		} else if it := t.rows[id]; it != nil {
			st.SelectItem(it)
		} else {
			t.list.Unselect(id) // the group header is not an item
		}
	}
	t.title = heading("")
	t.step = st.Step
	t.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { t.step(-1) })
	t.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { t.step(1) })
	t.clear = widget.NewButtonWithIcon("", theme.ContentClearIcon(), st.ClearSelection)
	t.next.IconPlacement = widget.ButtonIconTrailingText
	bar := container.NewHBox(t.prev, t.next, t.clear)
	t.filter = newDateFilter(st)
	t.content = container.NewBorder(container.NewVBox(t.title, bar), nil, nil, nil, t.list)
	st.Listen(appstate.StoryChanged|appstate.FilterChanged, func(c appstate.Change) {
		t.syncRows()
		if c&appstate.StoryChanged != 0 { // a new story starts at the top
			t.list.ScrollToTop()
		}
	})
	st.Listen(appstate.LanguageChanged, func(appstate.Change) { t.setTexts() })
	st.Listen(appstate.StoryChanged|appstate.FilterChanged|appstate.SelectionChanged|appstate.LanguageChanged,
		func(appstate.Change) { t.showSelection() })
	t.syncRows()
	t.setTexts()
	t.showSelection()
	return t
}

func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// timelineRow is one row of the timeline, holding its parts.
type timelineRow struct {
	widget.BaseWidget
	bg, mark *canvas.Rectangle
	side     *canvas.Text
	date     *canvas.Text
	text     *widget.Label
	height   float32 // the row's height, the timeline's rowHeight
}

func (t *timeline) newRow() fyne.CanvasObject {
	r := &timelineRow{
		bg:   canvas.NewRectangle(color.Transparent),
		mark: canvas.NewRectangle(color.Transparent),
		side: canvas.NewText("", color.White),
		date: canvas.NewText("", theme.Color(theme.ColorNameForeground)),
		text: widget.NewLabel(""),
	}
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.mark.CornerRadius = 2
	r.side.TextStyle.Bold = true
	r.side.TextSize = theme.CaptionTextSize()
	r.text.Wrapping = fyne.TextWrapWord
	r.ExtendBaseWidget(r)
	if t.rowHeight == 0 {
		line := fyne.MeasureText("Ag", theme.TextSize(), fyne.TextStyle{}).Height
		t.rowHeight = r.BaseWidget.MinSize().Height + line
	}
	r.height = t.rowHeight
	return r
}

// MinSize is part of fyne.Widget: room for two lines of title, whatever
// the title, so that every row has the template's height.
func (r *timelineRow) MinSize() fyne.Size {
	s := r.BaseWidget.MinSize()
	return fyne.NewSize(s.Width, max(s.Height, r.height))
}

// CreateRenderer is part of fyne.Widget: the side's badge and the date on
// a line above the title, which has the row's whole width.
func (r *timelineRow) CreateRenderer() fyne.WidgetRenderer {
	pad := theme.InnerPadding() / 2
	h := r.side.MinSize().Height + pad
	badge := container.New(layout.NewCustomPaddedLayout(0, 0, pad, pad),
		container.NewStack(r.mark, container.NewCenter(r.side)))
	header := container.New(layout.NewCustomPaddedLayout(pad, 0, theme.InnerPadding(), 0),
		container.NewHBox(container.NewGridWrap(fyne.NewSize(badgeWidth(), h), badge), container.NewCenter(r.date)))
	// The title's label pads itself: closer under its header.
	text := container.New(layout.NewCustomPaddedLayout(-pad, -pad/2, 0, 0), r.text)
	row := container.NewBorder(header, nil, nil, nil, text)
	return widget.NewSimpleRenderer(container.NewStack(r.bg, row))
}

// badgeWidth fits the side badge to its longest text in every language,
// so the dates line up.
func badgeWidth() float32 {
	side := fyne.TextStyle{Bold: true}
	var badge float32
	for _, lang := range i18n.Languages {
		for _, key := range []string{"side.mx", "side.us", "side.press", "side.context", "side.incident"} {
			badge = max(badge, fyne.MeasureText(tr(lang, key), theme.CaptionTextSize(), side).Width)
		}
	}
	return badge + 2*theme.InnerPadding()
}

func (t *timeline) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	r := o.(*timelineRow)
	lang := t.state.Lang()
	r.bg.FillColor = color.Transparent
	if id < 0 || id >= len(t.rows) {
		// A row the list still holds from before a filter shortened it:
		// blank until the list lays itself out again.
		r.mark.FillColor, r.side.Text, r.date.Text = color.Transparent, "", ""
		r.text.SetText("")
		r.repaint()
		return
	}
	it := t.rows[id]
	if it == nil {
		r.mark.FillColor, r.side.Text = color.Transparent, ""
		r.date.Text = ""
		r.text.TextStyle.Italic = true
		r.text.SetText(tr(lang, "undated"))
		r.repaint()
		return
	}
	r.text.TextStyle.Italic = false
	label := t.label(it, lang)
	if it.Kind == story.Incident {
		r.mark.FillColor, r.side.Text = incidentColor, tr(lang, "side.incident")
	} else if c, ok := sideColors[it.Side]; ok {
		r.mark.FillColor, r.side.Text = c, tr(lang, "side."+string(it.Side))
	} else {
		r.mark.FillColor, r.side.Text = sideColors[story.SidePress], string(it.Side)
	}
	if p := t.state.Place(); p != nil && it.Place == p {
		r.bg.FillColor = theme.Color(theme.ColorNameSelection)
	}
	r.date.Text = it.Date.Format(lang)
	r.text.SetText(label)
	r.repaint()
}

// repaint refreshes the row's own canvas objects: refreshing the row widget
// alone leaves the GL painter drawing their old colours.
func (r *timelineRow) repaint() {
	r.date.Color = theme.Color(theme.ColorNameForeground)
	r.date.Refresh()
	r.bg.Refresh()
	r.mark.Refresh()
	r.side.Refresh()
}

// rowLabel is an item's title on the timeline: an incident's place first,
// unless the title is the place's name (a table whose one name column
// names the place), which would say it twice. A title given only in
// another language is marked so where mark is set (scene.Marked).
func rowLabel(it *story.Item, lang string, mark bool) string {
	title := scene.Marked(it.Title, lang, mark)
	if it.Kind == story.Incident && it.Place != nil && it.Place.Name != it.Title.In(lang) {
		return it.Place.Name + ": " + title
	}
	return title
}

// fitTitles takes the list's width: the titles are cut anew to fit it.
// The rows keep their height, so nothing moves.
func (t *timeline) fitTitles() {
	w := t.list.Size().Width
	if w <= 0 {
		return
	}
	if tw := w - 2*theme.InnerPadding() - theme.ScrollBarSize() - 2*theme.Padding(); tw != t.titleWidth {
		t.titleWidth = tw
		t.labels = nil
		t.list.Refresh() // the rows on screen only
	}
}

// label is an item's title cut to two lines of the row's width, worked
// out once a width and language for the rows drawn.
func (t *timeline) label(it *story.Item, lang string) string {
	if t.labelsLang != lang || len(t.labels) >= maxLabels {
		t.labels, t.labelsLang = nil, lang
	}
	if s, ok := t.labels[it]; ok {
		return s
	}
	if t.labels == nil {
		t.labels = make(map[*story.Item]string)
	}
	s := fitLines(rowLabel(it, lang, t.state.Writes(lang)), t.titleWidth, 2)
	t.labels[it] = s
	t.fitted++
	return s
}

// fitLines cuts s, with an ellipsis, to what fits on n lines of width
// units wrapped at words; it leaves s whole when width is unknown (0). The
// cut is the longest that fits, found by halving: a title is wrapped some
// eight times, not once per character taken off.
func fitLines(s string, width float32, n int) string {
	if width <= 0 || wrappedLines(s, width) <= n {
		return s
	}
	r := []rune(s)
	cut := func(k int) string { return strings.TrimSpace(string(r[:k])) + "…" }
	// r[:lo] is known to fit (the ellipsis alone is taken to), r[:hi] not.
	lo, hi := 0, len(r)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if wrappedLines(cut(mid), width) <= n {
			lo = mid
		} else {
			hi = mid
		}
	}
	return cut(lo)
}

// lineSlack is the room a line of a title keeps unused: rounding, so that
// the count never relies on the last unit.
const lineSlack = 2

// measureLine is the width of one line of a row's title, units.
func measureLine(s string) float32 {
	return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width
}

// wrappedLines is how many lines s takes wrapped at words into width
// units, as a label wraps it: a word too long for a line is broken.
func wrappedLines(s string, width float32) int {
	width -= lineSlack
	lines, line := 1, ""
	for _, word := range strings.Fields(s) {
		next := word
		if line != "" {
			next = line + " " + word
		}
		if measureLine(next) <= width {
			line = next
			continue
		}
		if line != "" {
			lines++
		}
		for line = word; measureLine(line) > width && len([]rune(line)) > 1; lines++ {
			// A word wider than the line breaks where it must.
			r := []rune(line)
			k := len(r) - 1
			for k > 1 && measureLine(string(r[:k])) > width {
				k--
			}
			line = string(r[k:])
		}
	}
	return lines
}

// syncRows lists the shown items, an "undated" header before the first
// undated one.
func (t *timeline) syncRows() {
	// The items are in timeline order, the undated last: their group
	// starts where a halving search finds it, rather than after reading
	// every item's date (200,000 items scattered through memory: 8 ms).
	items := t.state.Shown().Items
	k := sort.Search(len(items), func(i int) bool { return !items[i].Date.Dated() })
	t.rows = append(t.rows[:0], items[:k]...)
	if k < len(items) {
		t.rows = append(t.rows, nil) // the undated group's header
		t.rows = append(t.rows, items[k:]...)
	}
	t.list.UnselectAll()
	t.list.Refresh()
}

// setTexts re-reads the language.
func (t *timeline) setTexts() {
	lang := t.state.Lang()
	t.title.SetText(tr(lang, "timeline"))
	t.prev.SetText(tr(lang, "prev"))
	t.next.SetText(tr(lang, "next"))
	t.clear.SetText(tr(lang, "clear"))
	t.list.Refresh()
}

// showSelection selects the selected item's row and brings it into view.
// Selecting a row tells the state, which already has it: nothing changes.
func (t *timeline) showSelection() {
	item := t.state.Item()
	if item == nil {
		t.list.UnselectAll()
		if t.state.Place() == nil && len(t.rows) > 0 { // cleared: back to the story's start
			t.list.ScrollTo(0) // (ScrollToTop needs the list drawn once)
		}
	}
	// Previous stops at the first item and Next at the last; with nothing
	// selected they start at either end.
	items := t.state.Shown().Items
	i := slices.Index(items, item)
	setEnabled(t.prev, len(items) > 0 && i != 0)
	setEnabled(t.next, len(items) > 0 && (i < 0 || i < len(items)-1))
	for i, it := range t.rows {
		if it != nil && it == item {
			t.list.Select(i)
			t.list.ScrollTo(i)
		}
	}
	t.list.Refresh()
}

// setEnabled enables or disables a button.
func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}
