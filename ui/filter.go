package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"sovmap/assets/story"
)

// dateFilter is the date range under the timeline: two sliders, from and
// to, over the days the story spans. Moving them hides the incidents and
// events outside the range from the map and the timeline alike.
type dateFilter struct {
	model    *model
	from, to *widget.Slider
	fromText *widget.Label
	toText   *widget.Label
	note     *widget.Label
	content  *fyne.Container
	builtFor *story.Story
	setting  bool
}

func newDateFilter(m *model) *dateFilter {
	f := &dateFilter{model: m, from: widget.NewSlider(0, 1), to: widget.NewSlider(0, 1),
		fromText: widget.NewLabel(""), toText: widget.NewLabel(""), note: widget.NewLabel("")}
	f.note.Importance = widget.LowImportance
	f.note.Wrapping = fyne.TextWrapWord
	f.from.OnChanged = func(v float64) {
		if !f.setting && v > f.to.Value {
			f.to.SetValue(v)
		}
		f.apply()
	}
	f.to.OnChanged = func(v float64) {
		if !f.setting && v < f.from.Value {
			f.from.SetValue(v)
		}
		f.apply()
	}
	f.content = container.NewVBox(
		container.New(layout.NewFormLayout(), f.fromText, f.from, f.toText, f.to),
		f.note)
	m.onChange(f.refresh)
	f.refresh()
	return f
}

// refresh fits the sliders to a new story and re-reads the language.
func (f *dateFilter) refresh() {
	m := f.model
	first, last, ok := m.span()
	if f.builtFor != m.story {
		f.builtFor = m.story
		f.setting = true
		f.from.Min, f.from.Max, f.to.Min, f.to.Max = float64(first), float64(last), float64(first), float64(last)
		f.from.SetValue(float64(first))
		f.to.SetValue(float64(last))
		f.setting = false
		f.from.Refresh()
		f.to.Refresh()
	}
	if !ok || first == last {
		f.content.Hide()
		return
	}
	f.content.Show()
	lang := m.lang
	f.fromText.SetText(tr(lang, "filter.from") + " " + story.DayString(int(f.from.Value), lang))
	f.toText.SetText(tr(lang, "filter.to") + " " + story.DayString(int(f.to.Value), lang))
	f.note.SetText(tr(lang, "filter.note"))
}

func (f *dateFilter) apply() {
	if f.setting {
		return
	}
	f.model.setFilter(int(f.from.Value), int(f.to.Value))
	f.refresh()
}
