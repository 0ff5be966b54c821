package ui

import (
	"fmt"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sovmap/geo/appstate"
	"sovmap/geo/scene"
	"sovmap/geo/story"
)

// details shows the selected place's incidents, or the selected timeline
// event, or with nothing selected the story's opening. It follows the
// selection, the story, the map (which says which state a place is in)
// and the language; a filter change alone leaves it be.
//
// The text is rich text: a headline, then paragraphs with the fields'
// names in bold, separators between a place's incidents and the story's
// sources as links.
type details struct {
	state *appstate.Session
	head  *widget.RichText // the headline
	start *widget.Button   // "Start the story", in the opening only
	bar   *fyne.Container  // holds start
	// While the story is told: Back, Next, Leave and the step's number
	// ("Step 3 of 12"), above its slide.
	back, next, exit *widget.Button
	counter          *widget.Label
	steer            *fyne.Container
	body             *widget.RichText
	box              *fyne.Container
	scroll           *container.Scroll
	// narrating shows the current item large, as a slide of the story;
	// ended, the end of the story, when every step has been told.
	narrating, ended bool
	// startStory starts the narrative, from the opening's button; tell
	// steps it by delta, leave leaves it.
	startStory func()
	tell       func(delta int)
	leaveStory func()
	// writing reports whether the story shown is being written in the
	// window (one of no items then says how to add the first).
	writing func() bool
}

// newDetails builds the panel empty: the caller fills it with refresh once
// the panel has its width, so that its text is wrapped once, not first at
// the layout's narrow minimum (20 ms of start-up, measured).
func newDetails(st *appstate.Session) *details {
	d := &details{state: st, head: widget.NewRichText(), body: widget.NewRichText()}
	d.head.Wrapping = fyne.TextWrapWord
	d.body.Wrapping = fyne.TextWrapWord
	d.start = widget.NewButtonWithIcon("", theme.MediaPlayIcon(), func() {
		if d.startStory != nil {
			d.startStory()
		}
	})
	d.start.Importance = widget.HighImportance
	// The button right under the headline, where it is seen without
	// scrolling.
	d.bar = container.NewHBox(d.start)
	call := func(f *func(int), delta int) func() {
		return func() {
			if *f != nil {
				(*f)(delta)
			}
		}
	}
	d.back = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), call(&d.tell, -1))
	d.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), call(&d.tell, 1))
	d.next.Importance = widget.HighImportance
	d.next.IconPlacement = widget.ButtonIconTrailingText
	d.exit = widget.NewButtonWithIcon("", theme.CancelIcon(), func() {
		if d.leaveStory != nil {
			d.leaveStory()
		}
	})
	d.counter = widget.NewLabel("")
	// Above the slide, where the eye starts; the step's number under them
	// (beside them, the Spanish would not fit a narrow panel).
	d.steer = container.NewVBox(container.NewHBox(d.back, d.next, d.exit), d.counter)
	d.steer.Hide()
	d.box = container.NewVBox(d.steer, d.head, d.bar, d.body)
	d.scroll = container.NewVScroll(d.box)
	st.Listen(appstate.SelectionChanged|appstate.StoryChanged|appstate.LanguageChanged, func(appstate.Change) { d.refresh() })
	// Of the texts shown, only a place's says which state it is in: the
	// map's. A finer map (loaded after the first frame) leaves the rest.
	st.Listen(appstate.MapChanged, func(appstate.Change) {
		if st.Place() != nil {
			d.refresh()
		}
	})
	return d
}

func (d *details) refresh() {
	st, lang := d.state, d.state.Lang()
	var head string
	var body []widget.RichTextSegment
	headStyle := widget.RichTextStyleSubHeading
	switch {
	case d.narrating && d.ended:
		// The end: the story's opening again, to close on what it was.
		_, body = d.opening()
		head = tr(lang, "story.end")
		headStyle = widget.RichTextStyleHeading
	case d.narrating && st.Item() != nil:
		// A slide: the current item alone, its headline large.
		lines := scene.ItemLines(st.Item(), lang, st.Writes(lang))
		head, body = lines[0].Text, lineSegments(lines[1:])
		headStyle = widget.RichTextStyleHeading
	case st.Place() != nil:
		p := st.Place()
		head = p.Name
		if where := scene.Where(st, p, lang); where != "" {
			body = append(body, paragraph(where))
		}
		for _, it := range p.Items {
			body = append(body, &widget.SeparatorSegment{})
			body = append(body, itemSegments(it, lang, st.Writes(lang), it == st.Item())...)
		}
	case st.Item() != nil:
		lines := scene.ItemLines(st.Item(), lang, st.Writes(lang))
		head, body = lines[0].Text, lineSegments(lines[1:])
	default:
		head, body = d.opening()
	}
	// Nothing to tell in a story with no items (one still being opened).
	d.bar.Hidden = d.narrating || st.Place() != nil || st.Item() != nil || len(st.Story().Items) == 0
	d.start.SetText(tr(lang, "opening.start"))
	d.steerStory()
	d.head.Segments = []widget.RichTextSegment{&widget.TextSegment{Style: headStyle, Text: head}}
	d.head.Refresh()
	d.body.Segments = body
	d.body.Refresh()
	d.box.Refresh()
	d.scroll.ScrollToTop()
}

// steerStory shows, while the story is told, the buttons that step
// through it and which step this is; at its end, Back, Start again and
// Leave.
func (d *details) steerStory() {
	if !d.narrating {
		d.steer.Hide()
		return
	}
	lang := d.state.Lang()
	d.back.SetText(tr(lang, "story.back"))
	d.exit.SetText(tr(lang, "story.exit"))
	i, n := d.state.StepOf(d.state.Item())
	switch {
	case d.ended:
		d.next.SetText(tr(lang, "story.again"))
		d.next.SetIcon(theme.MediaReplayIcon())
		d.counter.SetText("")
	default:
		d.next.SetText(tr(lang, "story.next"))
		d.next.SetIcon(theme.NavigateNextIcon())
		d.counter.SetText("")
		if i >= 0 {
			d.counter.SetText(fmt.Sprintf(tr(lang, "story.step"), number(i+1), number(n)))
		}
	}
	if i == 0 && !d.ended {
		d.back.Disable()
	} else {
		d.back.Enable()
	}
	d.steer.Show()
}

// opening introduces the story: its headline and standfirst, the dates it
// covers, how many places and incidents, and its sources (linked where the
// story gives an address: opened in the browser only when clicked).
func (d *details) opening() (string, []widget.RichTextSegment) {
	lang := d.state.Lang()
	s := d.state.Story()
	var body []widget.RichTextSegment
	if len(s.Items) == 0 {
		// A story still being read shows its name alone; no story at all
		// (a file that could not be opened) says how to open one, and a
		// new one how to write it.
		switch {
		case d.writing != nil && d.writing():
			body = append(body, paragraph(tr(lang, "opening.empty")))
		case s.Title.In(lang) == "":
			body = append(body, paragraph(tr(lang, "opening.none")))
		}
		return s.Title.In(lang), body
	}
	if desc := s.Description.In(lang); desc != "" {
		body = append(body, paragraph(desc))
	}
	// Worked out when the story was prepared: walking 200,000 items here
	// kept the UI goroutine 34 ms.
	earliest, latest, incidents, dated := d.state.Extent()
	if dated {
		// As the items are dated ("2023" for a statistic of the year),
		// never as a day nobody gave.
		body = append(body, paragraph(fmt.Sprintf(tr(lang, "opening.dates"), earliest.Date.Format(lang), latest.Date.Format(lang))))
	}
	events := len(s.Items) - incidents
	counts := []string{}
	for _, c := range []struct {
		key string
		n   int
	}{{"count.places", len(s.Places)}, {"count.incidents", incidents}, {"count.events", events}} {
		if c.n == 0 && c.key == "count.events" {
			continue // "0 other events" says nothing
		}
		counts = append(counts, fmt.Sprintf(plural(lang, c.n, c.key), number(c.n)))
	}
	body = append(body, paragraph(strings.Join(counts, ", ")))
	if len(s.Sources) > 0 {
		bold := widget.RichTextStyleParagraph
		bold.TextStyle.Bold = true
		body = append(body, &widget.TextSegment{Style: bold, Text: tr(lang, "opening.sources")})
		list := &widget.ListSegment{}
		for i, src := range s.Sources {
			if i == maxListedSources {
				list.Items = append(list.Items, paragraph(fmt.Sprintf(tr(lang, "attribution.more"), len(s.Sources)-i)))
				break
			}
			name := clipText(src.Name.In(lang), 200)
			if u, err := url.Parse(src.URL); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
				list.Items = append(list.Items, &widget.HyperlinkSegment{Text: name, URL: u})
			} else {
				list.Items = append(list.Items, paragraph(name))
			}
		}
		body = append(body, list)
	}
	return clipText(s.Title.In(lang), 300), body
}

// maxListedSources is how many sources the opening names; a data file
// may cite thousands.
const maxListedSources = 12

// itemSegments are an item's details (scene.ItemLines) as rich text: its
// date and title in bold, in the theme's primary colour when it is the
// current one, then its fields.
func itemSegments(it *story.Item, lang string, mark, current bool) []widget.RichTextSegment {
	lines := scene.ItemLines(it, lang, mark)
	title := widget.RichTextStyleParagraph
	title.TextStyle.Bold = true
	if current {
		title.ColorName = theme.ColorNamePrimary
	}
	return append([]widget.RichTextSegment{&widget.TextSegment{Style: title, Text: lines[0].Text}}, lineSegments(lines[1:])...)
}

// lineSegments are detail lines as paragraphs, a field's name in bold
// before its value.
func lineSegments(lines []scene.Line) []widget.RichTextSegment {
	segs := make([]widget.RichTextSegment, 0, 2*len(lines))
	for _, l := range lines {
		if l.Text == "" {
			continue
		}
		if l.Label != "" {
			segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleStrong, Text: l.Label + ": "})
		}
		style := widget.RichTextStyleParagraph
		style.TextStyle.Bold = l.Bold
		segs = append(segs, &widget.TextSegment{Style: style, Text: l.Text})
	}
	return segs
}

// paragraph is text as a paragraph of its own.
func paragraph(text string) *widget.TextSegment {
	return &widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: text}
}
