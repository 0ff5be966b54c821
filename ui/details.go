package ui

import (
	"fmt"
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
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
	// narrating shows the current item large, as a slide of the story.
	narrating bool
	// startStory starts the narrative, from the opening panel's button.
	startStory func()
}

// line is one line of the panel: a separator, or a label's text and style.
type line struct {
	sep       bool
	text      string
	bold      bool
	highlight bool
	large     bool // a headline
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
		d.showOpening()
		d.scroll.ScrollToTop()
		return
	}
	if d.narrating && st.Item() != nil {
		// A slide: the current item alone, its headline large.
		lines = itemLines(st.Item(), lang, true)
		lines[0].large = true
	}
	d.show(lines)
	d.scroll.ScrollToTop()
}

// showOpening introduces the story: its headline and standfirst, the
// dates it covers, how many places and incidents, its sources (linked
// where the story gives an address: opened in the browser only when
// clicked), and a button that starts it.
func (d *details) showOpening() {
	st, lang := d.state, d.state.Lang()
	s := st.Story()
	lines := []line{{text: s.Title.In(lang), bold: true, large: true}}
	if desc := s.Description.In(lang); desc != "" {
		lines = append(lines, line{text: desc})
	}
	if first, last, ok := s.Span(); ok {
		lines = append(lines, line{text: fmt.Sprintf(tr(lang, "opening.dates"), story.DayString(first, lang), story.DayString(last, lang))})
	}
	incidents, events := 0, 0
	for _, it := range s.Items {
		if it.Kind == story.Incident {
			incidents++
		} else {
			events++
		}
	}
	lines = append(lines, line{text: fmt.Sprintf(tr(lang, "opening.counts"), len(s.Places), incidents, events)})
	d.show(lines)
	objs := d.box.Objects
	if len(s.Sources) > 0 {
		objs = append(objs, widget.NewLabelWithStyle(tr(lang, "opening.sources"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for i, src := range s.Sources {
			if i == maxListedSources {
				objs = append(objs, widget.NewLabel(fmt.Sprintf(tr(lang, "attribution.more"), len(s.Sources)-i)))
				break
			}
			name := clipText(src.Name.In(lang), 200)
			if u, err := url.Parse(src.URL); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
				objs = append(objs, widget.NewHyperlink(name, u))
			} else {
				objs = append(objs, widget.NewLabel(name))
			}
		}
	}
	start := widget.NewButtonWithIcon(tr(lang, "opening.start"), theme.MediaPlayIcon(), func() {
		if d.startStory != nil {
			d.startStory()
		}
	})
	start.Importance = widget.HighImportance
	// The button right under the headline, where it is seen without
	// scrolling.
	objs = append(objs[:1], append([]fyne.CanvasObject{container.NewHBox(start)}, objs[1:]...)...)
	d.box.Objects = objs
	d.box.Refresh()
}

// maxListedSources is how many sources the opening names; a data file
// may cite thousands.
const maxListedSources = 12

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
		l.SizeName = theme.SizeNameText
		if ln.large {
			l.SizeName = theme.SizeNameSubHeadingText
		}
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
