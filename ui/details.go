package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sovmap/assets/story"
)

// details shows the selected place's incidents, or the selected timeline
// event, or with nothing selected a short help.
type details struct {
	model  *model
	box    *fyne.Container
	scroll *container.Scroll
}

func newDetails(m *model) *details {
	d := &details{model: m, box: container.NewVBox()}
	d.scroll = container.NewVScroll(d.box)
	m.onChange(d.refresh)
	d.refresh()
	return d
}

func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

func para(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (d *details) refresh() {
	m, lang := d.model, d.model.lang
	var objs []fyne.CanvasObject
	switch {
	case m.place != nil:
		p := m.place
		objs = append(objs, heading(p.Name), para(tr(lang, "place.state")+": "+stateName(p.State)))
		for _, it := range p.Items {
			objs = append(objs, widget.NewSeparator())
			objs = append(objs, itemObjects(it, lang, it == m.item)...)
		}
	case m.item != nil:
		objs = itemObjects(m.item, lang, true)
	default:
		objs = []fyne.CanvasObject{heading(tr(lang, "help.title")), para(tr(lang, "help.body"))}
	}
	d.box.Objects = objs
	d.box.Refresh()
	d.scroll.ScrollToTop()
}

// itemObjects writes one item: date with its precision, what happened,
// victims, where exactly, and the source.
func itemObjects(it *story.Item, lang string, current bool) []fyne.CanvasObject {
	date := it.Date.Format(lang)
	title := widget.NewLabelWithStyle(date+" — "+it.Title.In(lang), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	if current {
		title.Importance = widget.HighImportance
	}
	objs := []fyne.CanvasObject{title, para(it.Summary.In(lang))}
	if v := it.Victims.In(lang); v != "" {
		objs = append(objs, para(tr(lang, "victims")+": "+v))
	}
	if note := it.DateNote.In(lang); note != "" {
		objs = append(objs, para(tr(lang, "date.note")+": "+note))
	}
	if it.Place != nil {
		where := tr(lang, "prec."+it.LocationPrecision)
		if note := it.LocationNote.In(lang); note != "" {
			where += ". " + note
		}
		objs = append(objs, para(tr(lang, "place.precise")+": "+where))
	}
	if it.Source != nil {
		objs = append(objs, para(tr(lang, "source")+": "+it.Source.Name))
	}
	return objs
}

// stateName names a state by its ISO code for the panels.
var stateNames = map[string]string{}

func stateName(code string) string {
	if n, ok := stateNames[code]; ok {
		return n
	}
	return code
}
