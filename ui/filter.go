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
	dates    *fyne.Container
	note     *widget.Label
	content  *fyne.Container
	kinds    *kindFilter
}

func newDateFilter(st *appstate.State) *dateFilter {
	f := &dateFilter{state: st, from: widget.NewSlider(0, 1), to: widget.NewSlider(0, 1),
		fromText: widget.NewLabel(""), toText: widget.NewLabel(""), note: widget.NewLabel("")}
	f.note.Importance = widget.LowImportance
	f.note.Wrapping = fyne.TextWrapWord
	// A slider moved past the other one takes it along.
	f.from.OnChanged = func(v float64) { f.apply(int(v), max(int(v), int(f.to.Value))) }
	f.to.OnChanged = func(v float64) { f.apply(min(int(v), int(f.from.Value)), int(v)) }
	f.dates = container.New(layout.NewFormLayout(), f.fromText, f.from, f.toText, f.to)
	f.content = container.NewVBox(f.dates, f.note)
	f.kinds = newKindFilter(st)
	f.content.Add(f.kinds.content)
	st.Listen(appstate.StoryChanged|appstate.FilterChanged|appstate.LanguageChanged, func(appstate.Change) { f.refresh() })
	f.refresh()
	return f
}

// apply sets the date range of the state's filter from the sliders.
func (f *dateFilter) apply(from, to int) {
	flt := f.state.Filter()
	flt.Dates, flt.From, flt.To = true, from, to
	f.state.SetFilter(flt)
}

// refresh shows the state's filter on the sliders, fitted to the story's
// span, and re-reads the language. Setting a slider's fields and
// refreshing it, rather than SetValue, calls no OnChanged.
func (f *dateFilter) refresh() {
	st := f.state
	f.kinds.refresh()
	first, last, ok := st.Story().Span()
	dates := ok && first != last
	f.dates.Hidden = !dates
	f.note.Hidden = !dates
	if !dates {
		f.content.Refresh()
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

// kindFilter narrows the map and the timeline to one category, to an
// actor, or to one country, where the story has those to choose from
// (conflict data has all three).
type kindFilter struct {
	state    *appstate.State
	category *widget.Select
	actor    *widget.Entry
	country  *widget.Select
	content  *fyne.Container
	labels   [3]*widget.Label
	any      string            // the lists' "all" entry, in the current language
	keys     map[string]string // a category as shown → as the filter keeps it
}

func newKindFilter(st *appstate.State) *kindFilter {
	k := &kindFilter{state: st}
	for i := range k.labels {
		k.labels[i] = widget.NewLabel("")
	}
	k.category = widget.NewSelect(nil, func(v string) {
		flt := st.Filter()
		flt.Category = k.keys[v] // "" for all
		st.SetFilter(flt)
	})
	k.actor = widget.NewEntry()
	k.actor.OnChanged = func(v string) {
		flt := st.Filter()
		flt.Actor = v
		st.SetFilter(flt)
	}
	k.country = widget.NewSelect(nil, func(v string) {
		flt := st.Filter()
		if flt.Country = v; v == k.any {
			flt.Country = ""
		}
		st.SetFilter(flt)
	})
	k.content = container.New(layout.NewFormLayout(), k.labels[0], k.category, k.labels[1], k.actor, k.labels[2], k.country)
	return k
}

// refresh offers what the story has to choose from and shows the state's
// filter. Setting a widget's fields and refreshing it calls no OnChanged.
func (k *kindFilter) refresh() {
	st := k.state
	lang := st.Lang()
	flt := st.Filter()
	k.any = tr(lang, "filter.all")
	k.labels[0].SetText(tr(lang, "filter.category"))
	k.labels[1].SetText(tr(lang, "filter.actor"))
	k.labels[2].SetText(tr(lang, "filter.country"))
	k.actor.SetPlaceHolder(tr(lang, "filter.actor.hint"))
	cats := []string{k.any}
	k.keys = map[string]string{}
	selected := k.any
	for _, c := range st.Categories() {
		shown := c.Name.In(lang)
		cats = append(cats, shown)
		k.keys[shown] = c.Name.In("en")
		if flt.Category == c.Name.In("en") {
			selected = shown
		}
	}
	k.category.Options, k.category.Selected = cats, selected
	countries := []string{k.any}
	for _, c := range st.Countries() {
		countries = append(countries, c.Name)
	}
	k.country.Options, k.country.Selected = countries, valueOr(flt.Country, k.any)
	if k.actor.Text != flt.Actor && !k.focused() {
		k.actor.Text = flt.Actor
		k.actor.CursorColumn = len([]rune(flt.Actor))
	}
	hasActors := false
	for _, it := range st.Story().Items {
		if it.Actor != "" {
			hasActors = true
			break
		}
	}
	show := []bool{len(st.Categories()) > 1, hasActors, len(st.Countries()) > 1}
	k.category.Hidden, k.actor.Hidden, k.country.Hidden = !show[0], !show[1], !show[2]
	for i, on := range show {
		k.labels[i].Hidden = !on
	}
	k.content.Hidden = !show[0] && !show[1] && !show[2]
	k.category.Refresh()
	k.country.Refresh()
	k.actor.Refresh()
	k.content.Refresh()
}

// focused reports whether the actor field is being typed in: its text is
// the user's then, not to be set back.
func (k *kindFilter) focused() bool {
	c := fyne.CurrentApp().Driver().CanvasForObject(k.actor)
	return c != nil && c.Focused() == k.actor
}

func valueOr(v, or string) string {
	if v == "" {
		return or
	}
	return v
}
