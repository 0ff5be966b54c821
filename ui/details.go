package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sovmap/assets/i18n"
	"sovmap/geo/appstate"
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
		lines = append(lines, line{text: p.Name, bold: true}, line{text: d.where(p)})
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

// itemLines writes one item: date with its precision, what happened,
// victims, where exactly, and the source.
func itemLines(it *story.Item, lang string, current bool) []line {
	lines := []line{
		{text: it.Date.Format(lang) + " — " + it.Title.In(lang), bold: true, highlight: current},
		{text: it.Summary.In(lang)},
	}
	if c := it.Category.In(lang); c != "" {
		lines = append(lines, line{text: tr(lang, "category") + ": " + c})
	}
	if v := it.Victims.In(lang); v != "" {
		lines = append(lines, line{text: tr(lang, "victims") + ": " + v})
	}
	if note := it.DateNote.In(lang); note != "" {
		lines = append(lines, line{text: tr(lang, "date.note") + ": " + note})
	}
	if it.Place != nil {
		where := tr(lang, "prec."+it.LocationPrecision)
		if note := it.LocationNote.In(lang); note != "" {
			where += ". " + note
		}
		lines = append(lines, line{text: tr(lang, "place.precise") + ": " + where})
	}
	for _, f := range it.Fields {
		lines = append(lines, line{text: fieldName(lang, f.Name) + ": " + f.Value})
	}
	if len(it.Sources) > 0 {
		names := make([]string, len(it.Sources))
		for i, s := range it.Sources {
			names[i] = s.Name.In(lang)
		}
		lines = append(lines, line{text: tr(lang, "source") + ": " + strings.Join(names, "; ")})
	}
	return lines
}

// fieldName names an item's field: conflict data's columns in words, in
// lang; any other file's names as the file gives them.
func fieldName(lang, name string) string {
	if key := "field." + name; i18n.Has("en", key) {
		return tr(lang, key)
	}
	return name
}

// where says which state a place is in: by its point on the map once the
// map is known (and that it is outside Mexico), else as the file says.
func (d *details) where(p *story.Place) string {
	lang := d.state.Lang()
	code, known := d.state.StateOf(p)
	switch {
	case known && code != "":
		return tr(lang, "place.state") + ": " + d.state.StateName(code)
	case known && p.Country != "":
		return tr(lang, "outside") + " (" + p.Country + ")"
	case known:
		return tr(lang, "outside")
	case p.State != "":
		return tr(lang, "place.state") + ": " + d.state.StateName(p.State)
	}
	return ""
}
