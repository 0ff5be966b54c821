package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sovmap/geo/appstate"
	"sovmap/geo/scene"
	"sovmap/geo/story"
)

// details shows the selected place's incidents, or the selected timeline
// event, or with nothing selected a short help. It follows the selection,
// the story, the map (which says which state a place is in) and the
// language; a filter change alone leaves it be.
type details struct {
	state  *appstate.State
	box    *fyne.Container
	scroll *container.Scroll
	labels []*widget.Label // reused from one selection to the next
	seps   []*widget.Separator
}

// line is one line of the panel: a separator, or a label's text and style.
type line struct {
	sep       bool
	text      string
	bold      bool
	highlight bool
}

func newDetails(st *appstate.State) *details {
	d := &details{state: st, box: container.NewVBox()}
	d.scroll = container.NewVScroll(d.box)
	st.Listen(appstate.SelectionChanged|appstate.StoryChanged|appstate.MapChanged|appstate.LanguageChanged, func(appstate.Change) { d.refresh() })
	d.refresh()
	return d
}

func (d *details) refresh() {
	st, lang := d.state, d.state.Lang()
	var lines []line
	switch {
	case st.Place() != nil:
		p := st.Place()
		lines = append(lines, line{text: p.Name, bold: true}, line{text: scene.Where(st, p, lang)})
		for _, it := range p.Items {
			lines = append(lines, line{sep: true})
			lines = append(lines, itemLines(it, lang, it == st.Item())...)
		}
	case st.Item() != nil:
		lines = itemLines(st.Item(), lang, true)
	default:
		lines = []line{{text: tr(lang, "help.title"), bold: true}, {text: tr(lang, "help.body")}}
	}
	d.show(lines)
	d.scroll.ScrollToTop()
}

// show puts the lines in the panel, reusing its labels and separators.
func (d *details) show(lines []line) {
	objs := make([]fyne.CanvasObject, 0, len(lines))
	nl, ns := 0, 0
	for _, ln := range lines {
		if ln.sep {
			if ns == len(d.seps) {
				d.seps = append(d.seps, widget.NewSeparator())
			}
			objs = append(objs, d.seps[ns])
			ns++
			continue
		}
		if nl == len(d.labels) {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			d.labels = append(d.labels, l)
		}
		l := d.labels[nl]
		nl++
		l.TextStyle.Bold = ln.bold
		l.Importance = widget.MediumImportance
		if ln.highlight {
			l.Importance = widget.HighImportance
		}
		l.Text = ln.text
		l.Refresh()
		objs = append(objs, l)
	}
	d.box.Objects = objs
	d.box.Refresh()
}

// itemLines are an item's details (scene.ItemLines) as the panel's lines,
// its first highlighted when it is the current one.
func itemLines(it *story.Item, lang string, current bool) []line {
	var lines []line
	for i, l := range scene.ItemLines(it, lang) {
		lines = append(lines, line{text: l.Text, bold: l.Bold, highlight: current && i == 0})
	}
	return lines
}
