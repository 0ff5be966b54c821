package ui

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/paulmach/orb"

	"sovmap/geo/gazetteer"
	"sovmap/geo/story"
	"sovmap/geo/storyedit"
)

// itemForm is the form beside the map that writes one item: every field
// of it, the place found by name in the gazetteer, typed as "lat, lon" or
// clicked on the map. Apply makes the change (one undoable step) and shows
// it at once; what keeps the item from being saved is said at its field.
type itemForm struct {
	e    *editor
	id   string      // the item edited; "" for a new one
	base *story.Item // the item as it was, for what the form does not show

	kind, side, datePrec, locPrec     *followSelect
	kinds, sides, datePrecs, locPrecs []string // the selects' values, in their options' order
	title, summary, dateNote, locNote *textPair
	category, victims, sourceName     *textPair
	date, dateEnd, actor, sourceURL   *followEntry
	query                             *placeQuery
	results                           []gazetteer.Place
	chosen                            int // the result Enter takes
	resultList                        *widget.List
	resultBox                         *fyne.Container
	place                             *story.Place // the place chosen; nil none
	placeLabel                        *widget.Label
	picking                           bool // the next click on the map places the item
	problems                          map[string]*widget.Label
	content                           fyne.CanvasObject
	scroll                            *container.Scroll // the fields
}

// formResults is how many places the form's search lists.
const formResults = 5

// editItem opens the form for the selected item, or, with nothing
// selected, for a new one.
func (e *editor) editItem() {
	e.openForm(e.w.state.Item(), nil)
}

// addItem opens the form for a new item; at, if set, is its place (a
// point clicked on the map).
func (e *editor) addItem(at *orb.Point) {
	e.openForm(nil, at)
}

// openForm shows the form for item it (nil: a new item) in place of the
// details panel.
//
// While a form is open, another is not opened over it (what was typed
// would be lost): a point given places the open form's item there, and
// the keyboard goes back to it.
func (e *editor) openForm(it *story.Item, at *orb.Point) {
	if f := e.form; f != nil {
		if at != nil {
			f.placeAt(*at)
		}
		e.w.Canvas().Focus(f.title.enField)
		return
	}
	f := newItemForm(e, it)
	if at != nil {
		f.placeAt(*at)
	}
	e.form = f
	e.w.showSide(f.content)
	e.w.Canvas().Focus(f.title.enField)
}

// closeForm puts the details panel back.
func (e *editor) closeForm() {
	if e.form == nil {
		return
	}
	e.form = nil
	e.w.mapView.pick = nil
	e.w.Canvas().Unfocus() // a field of the form keeps no keys once it is gone
	e.w.showSide(nil)
}

func newItemForm(e *editor, it *story.Item) *itemForm {
	lang := e.w.state.Lang()
	f := &itemForm{e: e, problems: map[string]*widget.Label{}}
	if it == nil {
		it = &story.Item{Kind: story.Incident, Side: story.SideMexico, Date: story.Date{Precision: story.Day}, LocationPrecision: "town"}
		if s := e.w.state.Story(); len(s.Sources) > 0 { // a story's items mostly cite one source
			src := s.Sources[len(s.Sources)-1]
			it.Sources = []*story.Source{{ID: src.ID, Name: src.Name, URL: src.URL}}
		}
	} else {
		f.id = it.ID
	}
	f.base = it
	f.kinds = []string{string(story.Incident), string(story.Event)}
	f.kind = newChoice(lang, "edit.kind.", f.kinds, string(it.Kind), func(string) { f.kindChanged() }, f.reveal)
	f.sides = []string{string(story.SideMexico), string(story.SideUS), string(story.SidePress), string(story.SideContext)}
	f.side = newChoice(lang, "edit.side.", f.sides, string(it.Side), nil, f.reveal)
	if it.Side != "" && !slices.Contains(f.sides, string(it.Side)) { // a file's own side stays choosable
		f.sides = append(f.sides, string(it.Side))
		f.side.Options = append(f.side.Options, string(it.Side))
		f.side.SetSelectedIndex(len(f.sides) - 1)
	}
	f.title = newTextPair(it.Title, false, f.reveal)
	f.summary = newTextPair(it.Summary, true, f.reveal)
	f.datePrecs = []string{"day", "approximate", "week", "month", "year", "range", "undated"}
	f.datePrec = newChoice(lang, "edit.dateprec.", f.datePrecs, string(it.Date.Precision), func(string) { f.datePrecChanged() }, f.reveal)
	f.date, f.dateEnd = newFollowEntry(f.reveal), newFollowEntry(f.reveal)
	f.date.SetPlaceHolder("2025-04-28")
	f.dateEnd.SetPlaceHolder("2025-05-03")
	if it.Date.Dated() && it.Date.Year != 0 {
		iso := it.Date.ISO()
		from, to, _ := strings.Cut(iso, "/")
		f.date.SetText(from)
		f.dateEnd.SetText(to)
	}
	f.dateNote = newTextPair(it.DateNote, false, f.reveal)
	f.query = &placeQuery{f: f}
	f.query.ExtendBaseWidget(f.query)
	f.query.SetPlaceHolder(tr(lang, "edit.place.find"))
	f.query.OnChanged = func(string) { f.find() }
	f.query.OnSubmitted = func(string) {
		if f.chosen < len(f.results) {
			f.choose(f.results[f.chosen])
		} else if p, err := parseLatLon(f.query.Text); err == nil {
			f.placeAt(p)
		}
	}
	f.resultList = widget.NewList(func() int { return len(f.results) },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Truncation = fyne.TextTruncateEllipsis; return l },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(f.results) {
				o.(*widget.Label).SetText(f.results[i].Name + " · " + e.w.search.where(f.results[i]))
			}
		})
	f.resultList.OnSelected = func(i widget.ListItemID) {
		if f.query.moving {
			return
		}
		if i < len(f.results) {
			f.choose(f.results[i])
		}
		f.resultList.UnselectAll()
	}
	f.resultBox = container.NewGridWrap(fyne.NewSize(360, 0), f.resultList)
	f.resultBox.Hide()
	f.placeLabel = widget.NewLabel("")
	f.placeLabel.Wrapping = fyne.TextWrapWord
	pick := newFollowButton(tr(lang, "edit.place.pick"), theme.VisibilityIcon(), f.startPicking, f.reveal)
	noPlace := newFollowButton(tr(lang, "edit.place.none"), nil, func() { f.setPlace(nil) }, f.reveal)
	f.locPrecs = []string{"town", "nearby", "municipality", "region", "unstated"}
	prec := it.LocationPrecision
	if prec == "" {
		prec = "unstated"
	}
	f.locPrec = newChoice(lang, "edit.locprec.", f.locPrecs, prec, nil, f.reveal)
	f.locNote = newTextPair(it.LocationNote, false, f.reveal)
	f.category = newTextPair(it.Category, false, f.reveal)
	f.victims = newTextPair(it.Victims, false, f.reveal)
	f.actor = newFollowEntry(f.reveal)
	f.actor.SetText(it.Actor)
	var src story.Source
	if len(it.Sources) > 0 {
		src = *it.Sources[0]
	}
	f.sourceName = newTextPair(src.Name, false, f.reveal)
	f.sourceURL = newFollowEntry(f.reveal)
	f.sourceURL.SetPlaceHolder("https://")
	f.sourceURL.SetText(cmp.Or(it.SourceURL, src.URL))
	f.setPlace(it.Place)

	row := func(key string, field string, obj fyne.CanvasObject) fyne.CanvasObject {
		label := widget.NewLabelWithStyle(tr(lang, key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		box := container.NewVBox(label, obj)
		if field != "" {
			p := widget.NewLabel("")
			p.Importance = widget.DangerImportance
			p.Wrapping = fyne.TextWrapWord
			p.Hide()
			f.problems[field] = p
			box.Add(p)
		}
		return box
	}
	dates := container.NewGridWithColumns(2, f.date, f.dateEnd)
	fields := container.NewVBox(
		container.NewGridWithColumns(2, row("edit.kind", "", f.kind), row("edit.side", "", f.side)),
		row("edit.title", "title", f.title.box),
		row("edit.summary", "summary", f.summary.box),
		container.NewGridWithColumns(2, row("edit.date", "", f.datePrec), layout.NewSpacer()),
		row("edit.dates", "date", dates),
		row("date.note", "date_note", f.dateNote.box),
		row("edit.place", "place", container.NewVBox(f.placeLabel, f.query, f.resultBox, container.NewHBox(pick, noPlace))),
		row("place.precise", "", f.locPrec),
		row("edit.locnote", "location_note", f.locNote.box),
		row("edit.category", "category", f.category.box),
		row("victims", "victims", f.victims.box),
		row("edit.actor", "", f.actor),
		row("source", "sources", f.sourceName.box),
		row("edit.sourceurl", "source_url", f.sourceURL),
	)
	if n := len(it.Sources); n > 1 {
		fields.Add(widget.NewLabel(fmt.Sprintf(tr(lang, "edit.moresources"), n-1)))
	}
	heading := tr(lang, "edit.new")
	if f.id != "" {
		heading = tr(lang, "edit.editing")
	}
	apply := widget.NewButtonWithIcon(tr(lang, "edit.apply"), theme.ConfirmIcon(), f.apply)
	apply.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(tr(lang, "export.cancel"), theme.CancelIcon(), e.closeForm)
	top := widget.NewLabelWithStyle(heading, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.scroll = container.NewVScroll(container.NewPadded(fields))
	f.content = container.NewBorder(top, container.NewHBox(layout.NewSpacer(), cancel, apply), nil, nil, f.scroll)
	f.kindChanged()
	f.datePrecChanged()
	return f
}

// newChoice is a select of values, shown in the window's language by
// their keys (prefix+value); a value with no words is shown as it is.
func newChoice(lang, prefix string, values []string, selected string, changed func(string), reveal func(fyne.CanvasObject)) *followSelect {
	labels := make([]string, len(values))
	for i, v := range values {
		labels[i] = tr(lang, prefix+v)
	}
	s := newFollowSelect(labels, nil, reveal)
	if i := slices.Index(values, selected); i >= 0 {
		s.SetSelectedIndex(i)
	}
	s.OnChanged = changed
	return s
}

// value is the select's chosen value, of values in its options' order.
func value(s *followSelect, values []string) string {
	if i := s.SelectedIndex(); i >= 0 && i < len(values) {
		return values[i]
	}
	return ""
}

// kindChanged enables the place's fields for an incident only: a
// timeline event has no place.
func (f *itemForm) kindChanged() {
	incident := value(f.kind, f.kinds) != string(story.Event)
	for _, w := range []fyne.Disableable{f.query, f.locPrec} {
		if incident {
			w.Enable()
		} else {
			w.Disable()
		}
	}
}

// datePrecChanged enables the date fields the precision uses.
func (f *itemForm) datePrecChanged() {
	p := value(f.datePrec, f.datePrecs)
	f.date.Enable()
	f.dateEnd.Disable()
	switch p {
	case "undated":
		f.date.Disable()
	case "range":
		f.dateEnd.Enable()
	case "month":
		f.date.SetPlaceHolder("2025-04")
	case "year":
		f.date.SetPlaceHolder("2025")
	}
}

// find lists the gazetteer's places matching the place field.
func (f *itemForm) find() {
	g := f.e.w.search.gaz
	f.results, f.chosen = nil, 0
	if g != nil && strings.TrimSpace(f.query.Text) != "" {
		f.results = g.Find(f.query.Text, formResults)
	}
	if len(f.results) == 0 {
		f.resultBox.Hide()
		return
	}
	f.resultBox.Layout = layout.NewGridWrapLayout(fyne.NewSize(360, float32(len(f.results))*(f.resultList.MinSize().Height+theme.SeparatorThicknessSize())))
	f.resultList.Refresh()
	f.resultBox.Show()
	if f.scroll != nil {
		f.scroll.Content.Refresh() // laid out, to be scrolled to
		f.reveal(f.resultBox)
	}
}

// choose places the item at a place of the gazetteer: a locality as the
// town, a municipality or a state as its area.
func (f *itemForm) choose(p gazetteer.Place) {
	pl := &story.Place{Name: p.Name, Point: p.LonLat, Country: "Mexico"}
	if p.State != nil {
		pl.State = p.State.Code
	}
	prec := "town"
	switch p.Kind {
	case gazetteer.KindMunicipality:
		prec = "municipality"
		pl.Municipality = p.Municipality.Name
	case gazetteer.KindState:
		prec = "region"
	default:
		pl.Municipality = p.Municipality.Name
	}
	f.locPrec.SetSelectedIndex(slices.Index(f.locPrecs, prec))
	f.setPlace(f.e.storyPlace(pl))
	f.query.SetText("")
	f.resultBox.Hide()
}

// placeAt places the item at an exact point, named after the municipality
// it lies in (the name can be changed by finding a place).
func (f *itemForm) placeAt(ll orb.Point) {
	pl := &story.Place{Point: ll, Name: fmt.Sprintf("%.5f, %.5f", ll[1], ll[0])}
	if m := f.e.w.state.Map(); m != nil {
		loc := m.Locate(m.Proj.Forward(ll))
		if loc.Municipality != nil {
			pl.Name, pl.Municipality, pl.State, pl.Country = loc.Municipality.Name, loc.Municipality.Name, loc.State.Code, "Mexico"
		} else if loc.Country != nil {
			pl.Country = loc.Country.Name
		}
	}
	f.locPrec.SetSelectedIndex(slices.Index(f.locPrecs, "town"))
	f.setPlace(pl)
}

// storyPlace is the story's own place of that name at that point, if it
// has one (its incidents then share it), else p.
func (e *editor) storyPlace(p *story.Place) *story.Place {
	for _, q := range e.w.state.Story().Places {
		if q.Name == p.Name && math.Abs(q.Point[0]-p.Point[0]) < 1e-5 && math.Abs(q.Point[1]-p.Point[1]) < 1e-5 {
			c := *q
			c.Items = nil
			return &c
		}
	}
	return p
}

// startPicking makes the next click on the map the item's place.
func (f *itemForm) startPicking() {
	f.picking = true
	f.placeLabel.SetText(tr(f.e.w.state.Lang(), "edit.place.picking"))
	f.e.w.mapView.pick = func(ll orb.Point) {
		f.e.w.mapView.pick = nil
		f.picking = false
		f.placeAt(ll)
	}
}

// setPlace shows the place chosen, where it lies, and whether that is in
// Mexico (a point outside is allowed, and said).
func (f *itemForm) setPlace(p *story.Place) {
	f.place = p
	lang := f.e.w.state.Lang()
	if p == nil {
		f.placeLabel.SetText(tr(lang, "edit.place.nowhere"))
		return
	}
	text := fmt.Sprintf("%s (%.5f, %.5f)", p.Name, p.Point[1], p.Point[0])
	if m := f.e.w.state.Map(); m != nil {
		loc := m.Locate(m.Proj.Forward(p.Point))
		switch {
		case loc.Municipality != nil:
			text += "\n" + loc.Municipality.Name + ", " + loc.State.Name
		default:
			text += "\n" + tr(lang, "edit.place.outside")
		}
	}
	f.placeLabel.SetText(text)
}

// item is the item the form describes, and what is wrong with its date
// ("" when it reads).
func (f *itemForm) item() (*story.Item, string) {
	it := *f.base
	it.ID = f.id
	it.Kind = story.Kind(value(f.kind, f.kinds))
	it.Side = story.Side(value(f.side, f.sides))
	it.Title, it.Summary, it.DateNote = f.title.text(), f.summary.text(), f.dateNote.text()
	it.Category, it.Victims = f.category.text(), f.victims.text()
	it.Actor = strings.TrimSpace(f.actor.Text)
	it.LocationNote = f.locNote.text()
	prec := story.Precision(value(f.datePrec, f.datePrecs))
	text := strings.TrimSpace(f.date.Text)
	switch prec {
	case story.Undated:
		text = ""
	case story.Range:
		text += "/" + strings.TrimSpace(f.dateEnd.Text)
	}
	dateProblem := ""
	d, err := story.ParseDate(text, prec)
	if err != nil {
		dateProblem = dateWords(f.e.w.state.Lang(), prec, text)
	} else {
		it.Date = d
	}
	it.Place, it.LocationPrecision = nil, ""
	if it.Kind == story.Incident && f.place != nil {
		pl := *f.place
		pl.Items = nil
		it.Place = &pl
		it.LocationPrecision = value(f.locPrec, f.locPrecs)
	}
	var src story.Source
	if len(f.base.Sources) > 0 {
		src = *f.base.Sources[0]
	}
	src.Name = f.sourceName.text()
	src.URL = strings.TrimSpace(f.sourceURL.Text)
	it.SourceURL = ""
	it.Sources = append([]*story.Source{&src}, f.base.Sources[min(1, len(f.base.Sources)):]...)
	if src.Name == nil && src.URL == "" {
		it.Sources = it.Sources[1:]
	}
	return &it, dateProblem
}

// dateWords says, in the window's language, what a date must look like.
func dateWords(lang string, p story.Precision, text string) string {
	if p == story.Range {
		if from, to, _ := strings.Cut(text, "/"); from != "" && to != "" && from >= to {
			return tr(lang, "edit.err.rangeorder")
		}
		return tr(lang, "edit.err.range")
	}
	switch p {
	case story.Month:
		return tr(lang, "edit.err.month")
	case story.Year:
		return tr(lang, "edit.err.year")
	}
	return tr(lang, "edit.err.day")
}

// apply checks the item and, if it can be saved, makes the change;
// otherwise it says what is wrong at each field.
func (f *itemForm) apply() {
	it, dateProblem := f.item()
	problems := storyedit.Check(it, f.e.w.state.Lang())
	if dateProblem != "" {
		problems = append(problems, storyedit.Problem{Field: "date", Message: dateProblem})
	}
	if !f.showProblems(problems) {
		return
	}
	e := f.e
	err := e.change(func(d *storyedit.Doc) error {
		if f.id == "" {
			d.Add(it)
			return nil
		}
		return d.Replace(f.id, it)
	})
	if err != nil {
		f.showProblems([]storyedit.Problem{{Field: "title", Message: err.Error()}})
		return
	}
	e.closeForm()
}

// showProblems says each problem at its field; true when there is none.
func (f *itemForm) showProblems(problems []storyedit.Problem) bool {
	byField := map[string][]string{}
	for _, p := range problems {
		byField[p.Field] = append(byField[p.Field], p.Message)
	}
	for field, l := range f.problems {
		if msgs := byField[field]; len(msgs) > 0 {
			l.SetText(strings.Join(msgs, "; "))
			l.Show()
		} else {
			l.Hide()
		}
	}
	if len(problems) > 0 && f.scroll != nil {
		// The first problem brought into view: it may be far down the form.
		f.scroll.Content.Refresh()
		if l := f.problems[problems[0].Field]; l != nil {
			f.reveal(l)
		}
	}
	return len(problems) == 0
}

// placeQuery is the form's place field: the up and down arrows choose
// among the places found, Enter takes the one chosen.
type placeQuery struct {
	widget.Entry
	f      *itemForm
	moving bool // the arrows, not a click, are selecting a row
}

// TypedKey is part of fyne.Focusable.
func (q *placeQuery) TypedKey(k *fyne.KeyEvent) {
	f := q.f
	switch k.Name {
	case fyne.KeyDown, fyne.KeyUp:
		if len(f.results) == 0 {
			return
		}
		delta := 1
		if k.Name == fyne.KeyUp {
			delta = -1
		}
		f.chosen = min(max(f.chosen+delta, 0), len(f.results)-1)
		q.moving = true
		f.resultList.Select(f.chosen)
		q.moving = false
	default:
		q.Entry.TypedKey(k)
	}
}

// textPair is one text's fields, English and Spanish: either may be left
// empty (it is then shown in the other).
type textPair struct {
	en, es *widget.Entry
	// enField and esField are the two fields as the form holds them, to
	// give the keyboard to (a prose field wraps its entry).
	enField, esField fyne.Focusable
	orig             story.Text
	box              fyne.CanvasObject
}

// newTextPair makes the fields of text t, of several lines each where
// multiLine is set; reveal, if set, hears which takes the keyboard (see
// followEntry).
func newTextPair(t story.Text, multiLine bool, reveal func(fyne.CanvasObject)) *textPair {
	p := &textPair{orig: t}
	mk := func(lang string) (*widget.Entry, fyne.Widget) {
		if multiLine {
			pe := newProseEntry(reveal)
			pe.SetText(t[lang])
			return &pe.Entry, pe
		}
		e := newFollowEntry(reveal)
		e.SetText(t[lang])
		return &e.Entry, e
	}
	en, enObj := mk("en")
	es, esObj := mk("es")
	p.en, p.es = en, es
	p.enField, p.esField = enObj.(fyne.Focusable), esObj.(fyne.Focusable)
	tag := func(s string) fyne.CanvasObject {
		l := widget.NewLabel(s)
		l.Importance = widget.LowImportance
		return l
	}
	p.box = container.New(layout.NewFormLayout(), tag("EN"), enObj, tag("ES"), esObj)
	return p
}

// proseEntry is a field of several lines of prose that leaves Tab to go
// to the next field, as a form's one-line fields do: a story's text has
// no use for tab characters, and a form worked by keyboard must not trap
// it.
type proseEntry struct {
	widget.Entry
	reveal func(fyne.CanvasObject)
}

func newProseEntry(reveal func(fyne.CanvasObject)) *proseEntry {
	e := &proseEntry{reveal: reveal}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	e.SetMinRowsVisible(3)
	return e
}

// AcceptsTab is false: Tab moves the focus on.
func (e *proseEntry) AcceptsTab() bool { return false }

// FocusGained is part of fyne.Focusable: the field is scrolled into view.
func (e *proseEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.reveal != nil {
		e.reveal(e)
	}
}

// FocusGained is part of fyne.Focusable: the field is scrolled into view.
func (q *placeQuery) FocusGained() {
	q.Entry.FocusGained()
	q.f.reveal(q)
}

// reveal scrolls the form to show o, a field that took the keyboard.
func (f *itemForm) reveal(o fyne.CanvasObject) {
	if f.scroll != nil {
		scrollTo(f.scroll, o)
	}
}

// submitWith makes Enter in the pair's one-line fields call f.
func (p *textPair) submitWith(f func()) {
	for _, e := range []*widget.Entry{p.en, p.es} {
		if !e.MultiLine {
			e.OnSubmitted = func(string) { f() }
		}
	}
}

// text is the pair as a story's text: the languages given, others the
// text had kept; nil when none is.
func (p *textPair) text() story.Text {
	out := story.Text{}
	for k, v := range p.orig {
		if k != "en" && k != "es" {
			out[k] = v
		}
	}
	for lang, e := range map[string]*widget.Entry{"en": p.en, "es": p.es} {
		if s := strings.TrimSpace(e.Text); s != "" {
			out[lang] = s
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
