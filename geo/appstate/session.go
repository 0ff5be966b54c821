// Package appstate holds everything the user of Sovmap can change, in one
// place: the story, the map and where each place lies, the filter, the
// selection, the view and the language. The window, every export and the
// tests read the one Session; the scene package turns it into what is drawn.
//
// Every change goes through a method, which tells the listeners what kind
// of change it was (a Change), so that a click does not rebuild the menus
// and a filter change does not rebuild the details panel. Setting what is
// already set changes nothing and tells no one, so a widget that echoes a
// change back (a list selecting the row the session selected) cannot loop.
// A Session is used from one goroutine (the UI's).
package appstate

import (
	"math"
	"slices"

	"sovmap/geo"
	"sovmap/geo/cluster"
	"sovmap/geo/story"

	"github.com/paulmach/orb"
)

// Change says what changed; listeners ask for the kinds they need.
type Change uint

// The kinds of change.
const (
	StoryChanged     Change = 1 << iota // another story (its filter and selection go too)
	MapChanged                          // the map's levels of detail and so the place-to-state table
	FilterChanged                       // which items show
	SelectionChanged                    // the selected place or item
	ViewChanged                         // the part of the map in view
	LanguageChanged                     // the interface language

	// AnyChange is every kind.
	AnyChange = StoryChanged | MapChanged | FilterChanged | SelectionChanged | ViewChanged | LanguageChanged
)

// MarkerRadius is how close, in points (screen units), two markers come
// before they merge into a cluster: when their symbols would touch.
const MarkerRadius = 20

type listener struct {
	mask Change
	f    func(Change)
}

// Session is the app's one state, named so that "state" is left to
// Mexico's states: what the window, every export and the tests read.
type Session struct {
	story  *story.Story
	gmap   *geo.Map                      // nil until loaded
	where  map[*story.Place]geo.Location // where each place lies on the map; nil without a map
	filter Filter
	place  *story.Place // selected place, or nil
	item   *story.Item  // selected item, or nil
	found  string       // the area a search went to, or ""
	view   View
	lang   string
	cats   []Category
	colour map[string]int // category (in English) → colour
	lands  []Country
	shown  *Shown
	listen []listener
}

// New makes the state for a story in language lang, with nothing selected
// and the whole map in view.
func New(s *story.Story, lang string) *Session {
	p := Prepare(s, nil)
	return &Session{story: s, lang: lang, view: View{Whole: true}, cats: p.cats, colour: p.colour, lands: p.lands,
		filter: p.filter, shown: p.shown}
}

// Listen calls f after every change of a kind in mask, with the kinds of
// that change.
func (st *Session) Listen(mask Change, f func(Change)) {
	st.listen = append(st.listen, listener{mask, f})
}

func (st *Session) emit(c Change) {
	if c == 0 {
		return
	}
	for _, l := range st.listen {
		if l.mask&c != 0 {
			l.f(c)
		}
	}
}

// Story is the story shown.
func (st *Session) Story() *story.Story { return st.story }

// Map is the map, or nil until it has loaded.
func (st *Session) Map() *geo.Map { return st.gmap }

// Lang is the interface language.
func (st *Session) Lang() string { return st.lang }

// Filter is which items show.
func (st *Session) Filter() Filter { return st.filter }

// Place is the selected place, or nil.
func (st *Session) Place() *story.Place { return st.place }

// Item is the selected item, or nil.
func (st *Session) Item() *story.Item { return st.item }

// Found is the code of the area a search of Mexico's places went to (a
// municipality, or a state), which the map outlines until something else
// is selected; "" for none.
func (st *Session) Found() string { return st.found }

// ShowFound outlines the area of a place found by name, with nothing of
// the story selected; moving the view there is the caller's (a window
// flies there).
func (st *Session) ShowFound(code string) {
	if code == st.found && st.place == nil && st.item == nil {
		return
	}
	st.place, st.item, st.found = nil, nil, code
	st.emit(SelectionChanged)
}

// View is the part of the map in view.
func (st *Session) View() View { return st.view }

// Countries are the countries of the story's places, commonest first.
func (st *Session) Countries() []Country { return st.lands }

// Categories are the story's categories of incident with their colours.
func (st *Session) Categories() []Category { return st.cats }

// Shown is what the filter lets through, worked out once per story, map
// and filter.
func (st *Session) Shown() *Shown { return st.shown }

// StateOf is the code of the state a place lies in by its point on the
// map, its land or its territorial sea ("" outside Mexico); known is false
// until the map has loaded.
func (st *Session) StateOf(p *story.Place) (code string, known bool) {
	loc, known := st.where[p]
	if loc.State != nil {
		code = loc.State.Code
	}
	return code, known
}

// LocationOf is where a place lies on the map: its municipality and state,
// whether off their coast, or the neighbouring country; known is false
// until the map has loaded.
func (st *Session) LocationOf(p *story.Place) (loc geo.Location, known bool) {
	loc, known = st.where[p]
	return loc, known
}

// StateName names a state by its code, from the map once loaded.
func (st *Session) StateName(code string) string {
	if st.gmap != nil {
		if r := st.gmap.StateByCode(code); r != nil {
			return r.Name
		}
	}
	return code
}

// SetStory shows another story: the selection goes, the filter is the new
// story's default (everything, or Mexico in data of several countries),
// the view stays (or fits the data, when most of it lies outside Mexico).
func (st *Session) SetStory(s *story.Story) {
	if s == st.story {
		return
	}
	st.SetPrepared(Prepare(s, st.gmap))
}

// Prepared is what showing a story takes, worked out ahead: for a large
// story, on another goroutine, so that the window stays responsive.
type Prepared struct {
	s      *story.Story
	m      *geo.Map
	cats   []Category
	colour map[string]int
	lands  []Country
	filter Filter
	where  map[*story.Place]geo.Location
	shown  *Shown
}

// Prepare works out what showing s on map m (nil until loaded) takes. It
// reads only its arguments, so it may run on any goroutine.
func Prepare(s *story.Story, m *geo.Map) *Prepared {
	p := &Prepared{s: s, m: m}
	p.cats, p.colour = categories(s)
	p.lands = countries(s)
	p.filter = defaultFilter(p.lands)
	p.where = locate(s, m)
	p.shown = newShown(s, p.filter, p.where, p.colour, m)
	return p
}

// SetPrepared shows a prepared story (see SetStory). If the map has
// changed since it was prepared, what depends on the map is worked out
// again.
func (st *Session) SetPrepared(p *Prepared) {
	if p.s == st.story {
		return
	}
	st.place, st.item = nil, nil
	st.story, st.cats, st.colour, st.lands, st.filter = p.s, p.cats, p.colour, p.lands, p.filter
	if p.m == st.gmap {
		st.where, st.shown = p.where, p.shown
	} else {
		st.where = locate(p.s, st.gmap)
		st.update()
	}
	st.refit()
	st.emit(StoryChanged | FilterChanged | SelectionChanged)
}

// SetMap gives the state its map (or a finer one), from which each place's
// state is found.
func (st *Session) SetMap(m *geo.Map) {
	if m == st.gmap {
		return
	}
	st.gmap = m
	st.where = locate(st.story, m)
	st.update()
	st.refit()
	st.emit(MapChanged)
}

// SetLanguage switches the interface language.
func (st *Session) SetLanguage(lang string) {
	if lang == st.lang {
		return
	}
	st.lang = lang
	st.emit(LanguageChanged)
}

// SetFilter shows only the items f lets through. A selected place it hides
// goes; a selected place that still shows keeps its selection, moved to
// its first shown incident if the filter hides the one selected.
func (st *Session) SetFilter(f Filter) {
	f = f.normal(st.story)
	if f == st.filter {
		return
	}
	st.filter = f
	st.update()
	st.refit()
	c := FilterChanged
	switch {
	case st.place != nil && st.shown.Count(st.place) == 0:
		st.place, st.item = nil, nil
		c |= SelectionChanged
	case st.item != nil && !f.Shows(st.item):
		st.item = nil
		if st.place != nil {
			st.item = st.firstShown(st.place)
		}
		c |= SelectionChanged
	}
	st.emit(c)
}

// firstShown is a place's first incident the filter shows, or nil.
func (st *Session) firstShown(p *story.Place) *story.Item {
	for _, it := range p.Items {
		if st.filter.Shows(it) {
			return it
		}
	}
	return nil
}

// SelectItem selects a story item and its place, if it has one.
func (st *Session) SelectItem(it *story.Item) {
	var p *story.Place
	if it != nil {
		p = it.Place
	}
	st.setSelection(p, it)
}

// SelectPlace selects a place and its first shown incident.
func (st *Session) SelectPlace(p *story.Place) {
	if p != nil && p == st.place && st.item != nil && st.item.Place == p {
		return // already selected, at one of its incidents
	}
	var it *story.Item
	if p != nil {
		it = st.firstShown(p)
	}
	st.setSelection(p, it)
}

// ClearSelection selects nothing.
func (st *Session) ClearSelection() { st.setSelection(nil, nil) }

// selectionMargin is how far inside the view's edges, in units, a selected
// place must lie; one nearer or outside is brought into view.
const selectionMargin = 40

func (st *Session) setSelection(p *story.Place, it *story.Item) {
	if p == st.place && it == st.item && st.found == "" {
		return
	}
	st.place, st.item, st.found = p, it, ""
	c := SelectionChanged
	if v := st.view; p != nil && st.gmap != nil && v.Width > 0 && Mappable(st.gmap, p) {
		if at := st.gmap.Proj.Forward(p.Point); !v.inView(at, selectionMargin) {
			v.Center, v.Whole = at, false
			st.view = v
			c |= ViewChanged
		}
	}
	st.emit(c)
}

// Step moves the selection by delta items through the shown items in
// timeline order, starting at either end when nothing is selected and
// stopping at the ends.
func (st *Session) Step(delta int) {
	items := st.shown.Items
	if len(items) == 0 {
		return
	}
	i := slices.Index(items, st.item)
	switch {
	case i < 0 && delta > 0:
		i = 0
	case i < 0:
		i = len(items) - 1
	default:
		i = min(max(i+delta, 0), len(items)-1)
	}
	st.SelectItem(items[i])
}

// update works out what the filter shows.
func (st *Session) update() {
	st.shown = newShown(st.story, st.filter, st.where, st.colour, st.gmap)
}

// mapReach is how far from Mexico, in projected metres, a place may lie
// and still be drawn: the whole of the Americas, Europe and Africa, but not
// the far side of the Earth, where Mexico's conic projection tears apart.
const mapReach = 2e7

// Mappable reports whether a place can be drawn on m: its projected point
// is finite and within mapReach of Mexico.
func Mappable(m *geo.Map, p *story.Place) bool {
	at := m.Proj.Forward(p.Point)
	c := m.Bound.Center()
	return !math.IsNaN(at[0]) && !math.IsNaN(at[1]) && math.Abs(at[0]-c[0]) < mapReach && math.Abs(at[1]-c[1]) < mapReach
}

// locate finds where each place lies by its point on the map (files may
// name states any way, or none), at the map's finest level.
func locate(s *story.Story, m *geo.Map) map[*story.Place]geo.Location {
	if m == nil {
		return nil
	}
	out := make(map[*story.Place]geo.Location, len(s.Places))
	for _, p := range s.Places {
		out[p] = m.Locate(m.Proj.Forward(p.Point))
	}
	return out
}

// Shown is what the filter lets through: the items, the places with at
// least one of their incidents, and the states those places lie in.
type Shown struct {
	// Placed counts the shown incidents at a place, Outside those of them
	// at a place outside Mexico (once the map is known).
	Placed, Outside int
	// Bound is the projected bound of the shown places (empty when none,
	// or without a map).
	Bound orb.Bound
	// Sources are the sources the shown items cite, most cited first.
	Sources []*story.Source
	Items   []*story.Item  // in timeline order
	Places  []*story.Place // in the story's order of places
	Counts  []int          // shown incidents at Places[i]
	// Colours are the colours of Places' categories (see Category).
	Colours []int
	// Highlighted are the codes of the states that hold a shown incident,
	// sorted.
	Highlighted []string
	// Clusters clusters Places (weighted by Counts) on the map; nil until
	// the map has loaded.
	Clusters *cluster.Index
	index    map[*story.Place]int
}

func newShown(s *story.Story, f Filter, where map[*story.Place]geo.Location, colour map[string]int, m *geo.Map) *Shown {
	sh := &Shown{index: map[*story.Place]int{}}
	cited := map[*story.Source]int{}
	for _, it := range s.Items {
		if f.Shows(it) {
			sh.Items = append(sh.Items, it)
			for _, src := range it.Sources {
				if cited[src] == 0 {
					sh.Sources = append(sh.Sources, src)
				}
				cited[src]++
			}
		}
	}
	slices.SortStableFunc(sh.Sources, func(a, b *story.Source) int { return cited[b] - cited[a] })
	codes := map[string]bool{}
	for _, p := range s.Places {
		n := 0
		for _, it := range p.Items {
			if f.Shows(it) {
				n++
			}
		}
		if n == 0 {
			continue
		}
		sh.Placed += n
		loc, known := where[p]
		if known && loc.State == nil {
			sh.Outside += n
		}
		sh.index[p] = len(sh.Places)
		sh.Places = append(sh.Places, p)
		sh.Counts = append(sh.Counts, n)
		sh.Colours = append(sh.Colours, placeColour(p, f, colour))
		if loc.State != nil && !codes[loc.State.Code] {
			codes[loc.State.Code] = true
			sh.Highlighted = append(sh.Highlighted, loc.State.Code)
		}
	}
	slices.Sort(sh.Highlighted)
	if m != nil {
		// A place this projection cannot draw (near the South Pole, where
		// Mexico's conic runs off to infinity) gets no marker: it stays on
		// the timeline and counts as outside.
		keep := sh.Places[:0]
		counts, colours := sh.Counts[:0], sh.Colours[:0]
		for i, p := range sh.Places {
			if Mappable(m, p) {
				keep = append(keep, p)
				counts, colours = append(counts, sh.Counts[i]), append(colours, sh.Colours[i])
			} else {
				delete(sh.index, p)
			}
		}
		sh.Places, sh.Counts, sh.Colours = keep, counts, colours
		for i, p := range sh.Places {
			sh.index[p] = i
		}
		pts := make([]cluster.Point, len(sh.Places))
		for i, p := range sh.Places {
			pts[i] = cluster.Point{At: m.Proj.Forward(p.Point), Weight: sh.Counts[i]}
			if i == 0 {
				sh.Bound = orb.Bound{Min: pts[i].At, Max: pts[i].At}
			}
			sh.Bound = sh.Bound.Extend(pts[i].At)
		}
		sh.Clusters = cluster.New(pts, MarkerRadius)
	}
	return sh
}

// Count is how many of a place's incidents show (0 for a hidden place).
func (sh *Shown) Count(p *story.Place) int {
	if i, ok := sh.index[p]; ok {
		return sh.Counts[i]
	}
	return 0
}

// Index is the place's index in Places, or -1 when it does not show.
func (sh *Shown) Index(p *story.Place) int {
	if i, ok := sh.index[p]; ok {
		return i
	}
	return -1
}
