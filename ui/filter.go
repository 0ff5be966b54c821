package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"sovmap/geo/appstate"
	"sovmap/geo/story"
)

// dateFilter is the date range under the timeline: two sliders, from and
// to, over the days the story spans. Moving them sets the state's filter,
// which hides the incidents and events outside the range from the map, the
// timeline and every export alike.
type dateFilter struct {
	state    *appstate.State
	from, to *widget.Slider
	fromText *widget.Label
	toText   *widget.Label
	note     *widget.Label
	content  *fyne.Container
}

func newDateFilter(st *appstate.State) *dateFilter {
	f := &dateFilter{state: st, from: widget.NewSlider(0, 1), to: widget.NewSlider(0, 1),
		fromText: widget.NewLabel(""), toText: widget.NewLabel(""), note: widget.NewLabel("")}
	f.note.Importance = widget.LowImportance
	f.note.Wrapping = fyne.TextWrapWord
	// A slider moved past the other one takes it along.
	f.from.OnChanged = func(v float64) { f.apply(int(v), max(int(v), int(f.to.Value))) }
	f.to.OnChanged = func(v float64) { f.apply(min(int(v), int(f.from.Value)), int(v)) }
	f.content = container.NewVBox(
		container.New(layout.NewFormLayout(), f.fromText, f.from, f.toText, f.to),
		f.note)
	st.Listen(appstate.StoryChanged|appstate.FilterChanged|appstate.LanguageChanged, func(appstate.Change) { f.refresh() })
	f.refresh()
	return f
}

// apply sets the state's filter from the sliders.
func (f *dateFilter) apply(from, to int) {
	f.state.SetFilter(appstate.Filter{Dates: true, From: from, To: to})
}

// refresh shows the state's filter on the sliders, fitted to the story's
// span, and re-reads the language. Setting a slider's fields and
// refreshing it, rather than SetValue, calls no OnChanged.
func (f *dateFilter) refresh() {
	st := f.state
	first, last, ok := st.Story().Span()
	if !ok || first == last {
		f.content.Hide()
		return
	}
	from, to := first, last
	if flt := st.Filter(); flt.Dates {
		from, to = flt.From, flt.To
	}
	for _, s := range []*widget.Slider{f.from, f.to} {
		s.Min, s.Max = float64(first), float64(last)
	}
	f.from.Value, f.to.Value = float64(from), float64(to)
	f.from.Refresh()
	f.to.Refresh()
	f.content.Show()
	lang := st.Lang()
	f.fromText.SetText(tr(lang, "filter.from") + " " + story.DayString(from, lang))
	f.toText.SetText(tr(lang, "filter.to") + " " + story.DayString(to, lang))
	f.note.SetText(tr(lang, "filter.note"))
}
