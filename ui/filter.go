package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sovmap/geo/appstate"
	"sovmap/geo/story"
)

// dateFilter is the date range under the timeline: the time axis, where a
// range is brushed, the range in words, a button that plays the story
// forward (the range sweeping through time, the map following) and one
// that clears it. The range sets the state's filter, which hides the
// incidents and events outside it from the map, the timeline and every
// export alike.
type dateFilter struct {
	state    *appstate.Session
	jobs     *filterJobs // every filter change of the panel goes through it
	axis     *timeAxis
	fromText *widget.Label
	play     *widget.Button
	clear    *widget.Button
	dates    *fyne.Container
	note     *widget.Label
	content  *fyne.Container
	kinds    *kindFilter
	sweep    *fyne.Animation
}

// sweepDuration is how long playing through the whole story takes.
const sweepDuration = 8 * time.Second

func newDateFilter(st *appstate.Session) *dateFilter {
	jobs := newFilterJobs(st)
	f := &dateFilter{state: st, jobs: jobs, axis: newTimeAxis(st, jobs), fromText: widget.NewLabel(""), note: widget.NewLabel("")}
	f.fromText.Wrapping = fyne.TextWrapWord
	f.note.Importance = widget.LowImportance
	f.note.Wrapping = fyne.TextWrapWord
	f.play = widget.NewButtonWithIcon("", theme.MediaPlayIcon(), f.togglePlay)
	f.clear = widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { f.stop(); f.axis.clear() })
	f.dates = container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(f.play, f.clear), f.fromText), f.axis)
	f.content = container.NewVBox(f.dates, f.note)
	f.kinds = newKindFilter(st, jobs)
	f.content.Add(f.kinds.content)
	st.Listen(appstate.StoryChanged|appstate.FilterChanged|appstate.LanguageChanged, func(c appstate.Change) {
		if c&appstate.StoryChanged != 0 {
			f.stop()
		}
		f.refresh()
	})
	f.refresh()
	return f
}

// togglePlay plays the story forward: the range (a sixth of the story's
// span where none is brushed) sweeps from the start to the end, and stops
// there; pressed again, it stops.
func (f *dateFilter) togglePlay() {
	if f.sweep != nil {
		f.stop()
		return
	}
	first, days, ok := f.axis.span()
	if !ok {
		return
	}
	width := max(1, days/6)
	if flt := f.jobs.filter(); flt.Dates && flt.To-flt.From+1 < days {
		width = flt.To - flt.From + 1
	}
	travel := days - width
	f.sweep = fyne.NewAnimation(sweepDuration, func(p float32) {
		from := first + int(p*float32(travel))
		f.axis.setRange(from, from+width-1)
		if p >= 1 {
			f.sweep = nil
			f.play.SetIcon(theme.MediaPlayIcon())
		}
	})
	f.play.SetIcon(theme.MediaPauseIcon())
	f.sweep.Start()
}

// stop stops a sweep under way.
func (f *dateFilter) stop() {
	if f.sweep != nil {
		f.sweep.Stop()
		f.sweep = nil
		f.play.SetIcon(theme.MediaPlayIcon())
	}
}

// refresh shows the state's range in words and on the axis, and re-reads
// the language.
func (f *dateFilter) refresh() {
	st := f.state
	f.kinds.refresh()
	_, _, dates := f.axis.span()
	f.dates.Hidden = !dates
	f.note.Hidden = !dates
	if !dates {
		f.content.Refresh()
		return
	}
	lang := st.Lang()
	if flt := st.Filter(); flt.Dates {
		f.fromText.SetText(fmt.Sprintf(tr(lang, "filter.range"), story.DayString(flt.From, lang), story.DayString(flt.To, lang)))
		f.clear.Enable()
	} else {
		f.fromText.SetText(tr(lang, "filter.alldates"))
		f.clear.Disable()
	}
	key := "filter.note"
	if f.axis.undated == 1 {
		key += ".one"
	}
	f.note.SetText(fmt.Sprintf(tr(lang, key), f.axis.undated))
	if f.axis.undated == 0 {
		f.note.Hide() // nothing to say
	} else {
		f.note.Show()
	}
	f.axis.Refresh()
	f.content.Show()
}

// kindFilter narrows the map and the timeline to one category, to an
// actor, or to one country, where the story has those to choose from
// (conflict data has all three).
type kindFilter struct {
	state    *appstate.Session
	category *widget.Select
	actor    *widget.Entry
	country  *widget.Select
	content  *fyne.Container
	labels   [3]*widget.Label
	any      string            // the lists' "all" entry, in the current language
	keys     map[string]string // a category as shown → as the filter keeps it
}

func newKindFilter(st *appstate.Session, jobs *filterJobs) *kindFilter {
	k := &kindFilter{state: st}
	for i := range k.labels {
		k.labels[i] = widget.NewLabel("")
	}
	k.category = widget.NewSelect(nil, func(v string) {
		flt := jobs.filter()
		flt.Category = k.keys[v] // "" for all
		jobs.request(flt)
	})
	k.actor = widget.NewEntry()
	k.actor.OnChanged = func(v string) {
		flt := jobs.filter()
		flt.Actor = v
		jobs.request(flt)
	}
	k.country = widget.NewSelect(nil, func(v string) {
		flt := jobs.filter()
		if flt.Country = v; v == k.any {
			flt.Country = ""
		}
		jobs.request(flt)
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
