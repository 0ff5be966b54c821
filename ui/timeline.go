package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sovmap/assets/story"
	"sovmap/ui/i18n"
)

// Side colours: the same for light and dark themes, chosen to read on both.
var sideColors = map[story.Side]color.RGBA{
	story.SideMexico: {0x1b, 0x8a, 0x5a, 0xff},
	story.SideUS:     {0x2a, 0x5d, 0xb0, 0xff},
	story.SidePress:  {0x80, 0x80, 0x80, 0xff},
}

var incidentColor = color.RGBA{0xc0, 0x2b, 0x25, 0xff}

// timeline lists the story in date order, undated items in a marked group
// at the end, each row marked with who acts (Mexico, the US, the press) or
// as an incident. Rows of the selected place are highlighted.
type timeline struct {
	model    *model
	list     *widget.List
	rows     []*story.Item // nil marks the "undated" header
	title    *widget.Label
	prev     *widget.Button
	next     *widget.Button
	clear    *widget.Button
	syncing  bool
	content  fyne.CanvasObject
	filter   *dateFilter
	builtFor *story.Story // the story rows holds
	builtGen int          // and the model's filterGen
}

func newTimeline(m *model) *timeline {
	t := &timeline{model: m}
	t.list = widget.NewList(func() int { return len(t.rows) }, t.newRow, t.updateRow)
	t.list.OnSelected = func(id widget.ListItemID) {
		if t.syncing {
			return
		}
		if it := t.rows[id]; it != nil {
			m.selectItem(it)
		} else {
			t.list.Unselect(id) // the group header is not an item
		}
	}
	t.title = heading("")
	t.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { m.step(-1) })
	t.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { m.step(1) })
	t.clear = widget.NewButtonWithIcon("", theme.ContentClearIcon(), m.clear)
	t.next.IconPlacement = widget.ButtonIconTrailingText
	bar := container.NewHBox(t.prev, t.next, t.clear)
	t.filter = newDateFilter(m)
	t.content = container.NewBorder(container.NewVBox(t.title, bar), t.filter.content, nil, nil, t.list)
	m.onChange(t.refresh)
	t.refresh()
	return t
}

// timelineRow is one row of the timeline, holding its parts.
type timelineRow struct {
	widget.BaseWidget
	bg, mark *canvas.Rectangle
	side     *canvas.Text
	date     *widget.Label
	text     *widget.Label
}

func (t *timeline) newRow() fyne.CanvasObject {
	r := &timelineRow{
		bg:   canvas.NewRectangle(color.Transparent),
		mark: canvas.NewRectangle(color.Transparent),
		side: canvas.NewText("", color.White),
		date: widget.NewLabel(""),
		text: widget.NewLabel(""),
	}
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.mark.CornerRadius = 2
	r.side.TextStyle.Bold = true
	r.side.TextSize = theme.CaptionTextSize()
	r.date.TextStyle.Monospace = true
	r.text.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer is part of fyne.Widget.
func (r *timelineRow) CreateRenderer() fyne.WidgetRenderer {
	badgeCol, dateCol := columnWidths()
	h := r.date.MinSize().Height
	pad := theme.InnerPadding() / 2
	badge := container.New(layout.NewCustomPaddedLayout(pad, pad, 0, 0),
		container.NewStack(r.mark, container.NewCenter(r.side)))
	left := container.NewHBox(
		container.NewGridWrap(fyne.NewSize(badgeCol, h), badge),
		container.NewGridWrap(fyne.NewSize(dateCol, h), r.date))
	row := container.NewBorder(nil, nil, container.NewCenter(left), nil, r.text)
	return widget.NewSimpleRenderer(container.NewStack(r.bg, row))
}

// columnWidths fits the side badge and the date columns to their longest
// texts in every language, so the titles line up.
func columnWidths() (badge, date float32) {
	side := fyne.TextStyle{Bold: true}
	mono := fyne.TextStyle{Monospace: true}
	for _, lang := range i18n.Languages {
		for _, key := range []string{"side.mx", "side.us", "side.press", "side.incident"} {
			badge = max(badge, fyne.MeasureText(tr(lang, key), theme.CaptionTextSize(), side).Width)
		}
		for _, d := range []story.Date{
			{Year: 2025, Month: 12, Day: 28, Precision: story.Approximate},
			{Precision: story.Undated},
		} {
			date = max(date, fyne.MeasureText(d.Format(lang), theme.TextSize(), mono).Width)
		}
	}
	return badge + 2*theme.InnerPadding(), date + 2*theme.InnerPadding()
}

func (t *timeline) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	r := o.(*timelineRow)
	lang := t.model.lang
	it := t.rows[id]
	r.bg.FillColor = color.Transparent
	if it == nil {
		r.mark.FillColor, r.side.Text = color.Transparent, ""
		r.date.SetText("")
		r.text.TextStyle.Italic = true
		r.text.SetText(tr(lang, "undated"))
		r.repaint()
		return
	}
	r.text.TextStyle.Italic = false
	label := it.Title.In(lang)
	if it.Kind == story.Incident {
		r.mark.FillColor, r.side.Text = incidentColor, tr(lang, "side.incident")
		if it.Place != nil {
			label = it.Place.Name + ": " + label
		}
	} else if c, ok := sideColors[it.Side]; ok {
		r.mark.FillColor, r.side.Text = c, tr(lang, "side."+string(it.Side))
	} else {
		r.mark.FillColor, r.side.Text = sideColors[story.SidePress], string(it.Side)
	}
	if t.model.place != nil && it.Place == t.model.place {
		r.bg.FillColor = theme.Color(theme.ColorNameSelection)
	}
	r.date.SetText(it.Date.Format(lang))
	r.text.SetText(label)
	r.repaint()
}

// repaint refreshes the row's own canvas objects: refreshing the row widget
// alone leaves the GL painter drawing their old colours.
func (r *timelineRow) repaint() {
	r.bg.Refresh()
	r.mark.Refresh()
	r.side.Refresh()
}

// syncRows lists the story's items, an "undated" header before the first
// undated one, when the story changed.
func (t *timeline) syncRows() {
	if t.builtFor == t.model.story && t.builtGen == t.model.filterGen {
		return
	}
	replaced := t.builtFor != nil
	t.builtFor, t.builtGen = t.model.story, t.model.filterGen
	t.rows = t.rows[:0]
	undated := false
	for _, it := range t.model.story.Items {
		if !t.model.visible(it) {
			continue
		}
		if !it.Date.Dated() && !undated {
			t.rows = append(t.rows, nil)
			undated = true
		}
		t.rows = append(t.rows, it)
	}
	if replaced { // a new story starts at the top (the list exists by then)
		t.list.UnselectAll()
		t.list.ScrollToTop()
	}
}

// refresh re-reads the story, the language and the selection.
func (t *timeline) refresh() {
	t.syncRows()
	lang := t.model.lang
	t.title.SetText(tr(lang, "timeline"))
	t.prev.SetText(tr(lang, "prev"))
	t.next.SetText(tr(lang, "next"))
	t.clear.SetText(tr(lang, "clear"))
	t.syncing = true
	defer func() { t.syncing = false }()
	if t.model.item == nil {
		t.list.UnselectAll()
	}
	for i, it := range t.rows {
		if it != nil && it == t.model.item {
			t.list.Select(i)
			t.list.ScrollTo(i)
		}
	}
	t.list.Refresh()
}
