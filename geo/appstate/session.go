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
// A Session is used from one goroutine (the UI's); a FilterJob may run on
// another.
package appstate

import (
	"encoding/binary"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"

	"sovmap/geo"
	"sovmap/geo/cluster"
	"sovmap/geo/story"
	"sovmap/geo/timeaxis"

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
	span   daySpan  // the story's first and last day
	gmap   *geo.Map // nil until loaded
	where  *located // where each place lies on the map, and what filters need
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
	return &Session{story: s, span: p.span, where: p.where, lang: lang, view: View{Whole: true}, cats: p.cats, colour: p.colour, lands: p.lands,
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

// Span is the story's first and last day (story.Story.Span), worked out
// when the story was prepared.
func (st *Session) Span() (first, last int, ok bool) { return st.span.first, st.span.last, st.span.ok }

// Extent is what the story's opening says of it, worked out when it was
// prepared: the items that start first and end last (ok is false when
// none is dated), and how many of its items are incidents.
func (st *Session) Extent() (earliest, latest *story.Item, incidents int, ok bool) {
	w := st.where
	if w.earliest < 0 {
		return nil, nil, w.incidents, false
	}
	return st.story.Items[w.earliest], st.story.Items[w.latest], w.incidents, true
}

// TimeSpan is what a time axis shows of the story: its span with the dates
// far from all others set aside (timeaxis.SpanOf), worked out when the
// story was prepared.
func (st *Session) TimeSpan() timeaxis.Span { return st.where.span }

// ItemDays is the days the story's i-th item may have happened on; dated
// is false for an undated item. It reads the tables worked out when the
// story was prepared, not the item.
func (st *Session) ItemDays(i int) (first, last int, dated bool) {
	f, l := st.where.first[i], st.where.last[i]
	return int(f), int(l), f <= l
}

// ItemIsIncident reports whether the story's i-th item is an incident,
// from the tables worked out when the story was prepared.
func (st *Session) ItemIsIncident(i int) bool { return st.where.cat[i] != -2 }

// StateOf is the code of the state a place lies in by its point on the
// map, its land or its territorial sea ("" outside Mexico); known is false
// until the map has loaded.
func (st *Session) StateOf(p *story.Place) (code string, known bool) {
	loc, known := st.where.of(p)
	if loc.State != nil {
		code = loc.State.Code
	}
	return code, known
}

// AreaOf is the area a place stands for, its incidents being known only
// to its municipality or state: drawn as that area. nil for a place known
// as a point, or before the map is known.
func (st *Session) AreaOf(p *story.Place) *geo.Region {
	i, ok := st.where.index[p]
	if !ok || st.where.area == nil {
		return nil
	}
	return st.where.area[i]
}

// Near reports whether a place's incidents are known only to be near it
// (ACLED's and UCDP's precision 2): drawn with a halo of NearRadius.
func (st *Session) Near(p *story.Place) bool {
	i, ok := st.where.index[p]
	return ok && st.where.near != nil && st.where.near[i]
}

// NearRadius is the halo drawn round a place its incidents are known only
// to be near, metres: UCDP's "within 25 km of a known point" (its
// where_prec 2). ACLED's "near the town" names no distance; the halo
// says "near", not how near.
const NearRadius = 25_000

// LocationOf is where a place lies on the map: its municipality and state,
// whether off their coast, or the neighbouring country; known is false
// until the map has loaded.
func (st *Session) LocationOf(p *story.Place) (loc geo.Location, known bool) {
	loc, known = st.where.of(p)
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

// Revise shows a new version of the story shown, as an edit makes it:
// unlike SetStory, the view and the filter stay (as far as the new
// version's dates allow), and the item of id selectID (the one edited;
// "" for none) is selected. It prepares the story on the calling
// goroutine; the window revises a large story with RevisionJob on
// another and ApplyRevision.
func (st *Session) Revise(s *story.Story, selectID string) {
	st.ApplyRevision(st.RevisionJob().Run(s), selectID)
}

// RevisionJob is the work of showing a new version of the story (see
// Revise): made on the session's goroutine, with its map and filter; run
// on any.
type RevisionJob struct {
	m *geo.Map
	f Filter
}

// RevisionJob makes the job of showing a new version of the story, with
// the session's map and filter.
func (st *Session) RevisionJob() RevisionJob { return RevisionJob{m: st.gmap, f: st.filter} }

// Run prepares s, the new version, filtered as the session was when the
// job was made: O(items), and it reads only s and what the job holds.
func (j RevisionJob) Run(s *story.Story) *Prepared { return prepare(s, j.m, &j.f) }

// ApplyRevision shows a prepared revision (see Revise), with the item of
// id selectID selected. A filter changed since the job was made is
// applied to it again.
func (st *Session) ApplyRevision(p *Prepared, selectID string) {
	f, view := st.filter, st.view
	st.SetPrepared(p)
	st.view = view
	st.SetFilter(f) // nothing to do unless it changed since the job was made
	if it := p.s.ItemByID(selectID); it != nil {
		st.SelectItem(it)
	}
	st.emit(ViewChanged)
}

// Prepared is what showing a story takes, worked out ahead: for a large
// story, on another goroutine, so that the window stays responsive.
type Prepared struct {
	s      *story.Story
	span   daySpan
	m      *geo.Map
	cats   []Category
	colour map[string]int
	lands  []Country
	filter Filter
	where  *located
	shown  *Shown
}

// Prepare works out what showing s on map m (nil until loaded) takes. It
// reads only its arguments, so it may run on any goroutine.
func Prepare(s *story.Story, m *geo.Map) *Prepared { return prepare(s, m, nil) }

// prepare is Prepare with the story's default filter, or f (as far as the
// story's dates allow) where set.
func prepare(s *story.Story, m *geo.Map, f *Filter) *Prepared {
	p := &Prepared{s: s, m: m}
	p.cats, p.colour = categories(s)
	p.lands = countries(s)
	p.filter = defaultFilter(p.lands)
	p.where = locate(s, m, p.colour)
	p.span = p.where.daySpan()
	if f != nil {
		p.filter = f.normal(p.span)
	}
	p.shown = newShown(s, p.filter, p.where, m)
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
	st.story, st.span, st.cats, st.colour, st.lands, st.filter = p.s, p.span, p.cats, p.colour, p.lands, p.filter
	if p.m == st.gmap {
		st.where, st.shown = p.where, p.shown
	} else {
		st.where = locate(p.s, st.gmap, st.colour)
		st.update()
	}
	st.refit()
	st.emit(StoryChanged | FilterChanged | SelectionChanged)
}

// SetMap gives the state its map (or a finer one), from which each place's
// state is found. It locates every place on the calling goroutine; the
// window gives a map to a large story with MapJob on another goroutine and
// SetMapped.
func (st *Session) SetMap(m *geo.Map) {
	if m != st.gmap {
		st.SetMapped(st.MapJob(m).Run())
	}
}

// MapJob is the work of giving the session a map: locating the story's
// places on it and working out what the filter shows there. It is made on
// the session's goroutine and run on any.
type MapJob struct {
	s      *story.Story
	m      *geo.Map
	colour map[string]int
	f      Filter
	res    float64 // the view's resolution: its clusters are worked out too
}

// MapJob makes the job of giving the session map m.
func (st *Session) MapJob(m *geo.Map) MapJob {
	return MapJob{s: st.story, m: m, colour: st.colour, f: st.filter, res: st.view.Res}
}

// Mapped is what a MapJob found.
type Mapped struct {
	job   MapJob
	where *located
	shown *Shown
}

// Run locates the places (on every core) and filters them on the map.
func (j MapJob) Run() *Mapped {
	where := locate(j.s, j.m, j.colour)
	sh := newShown(j.s, j.f, where, j.m)
	sh.Warm(j.res)
	return &Mapped{job: j, where: where, shown: sh}
}

// SetMapped gives the session the map a MapJob located the story on. A
// result worked out for another story than the session's now is dropped,
// and SetMapped reports false; one for a filter changed since is filtered
// again here.
func (st *Session) SetMapped(r *Mapped) bool {
	j := r.job
	if j.s != st.story {
		return false
	}
	if j.m == st.gmap {
		return true
	}
	st.gmap, st.where = j.m, r.where
	if j.f == st.filter {
		st.shown = r.shown
	} else {
		st.update()
	}
	st.refit()
	st.emit(MapChanged)
	return true
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
// its first shown incident if the filter hides the one selected. It works
// out what shows on the calling goroutine; the window filters a large
// story with FilterJob on another and applies the result with SetFiltered.
func (st *Session) SetFilter(f Filter) {
	if f = f.normal(st.span); f != st.filter {
		st.SetFiltered(st.FilterJob(f).Run())
	}
}

// FilterJob is the work of filtering the session's story: made on the
// session's goroutine, run on any (it reads only what the session never
// changes in place: the story, its places' locations, the colours, the
// map), its result applied with SetFiltered.
type FilterJob struct {
	s     *story.Story
	m     *geo.Map
	where *located
	f     Filter
	res   float64 // the view's resolution: its clusters are worked out too
}

// FilterJob makes the job of showing what f lets through.
func (st *Session) FilterJob(f Filter) FilterJob {
	return FilterJob{s: st.story, m: st.gmap, where: st.where, f: f.normal(st.span), res: st.view.Res}
}

// Filter is the job's filter, as the session will keep it.
func (j FilterJob) Filter() Filter { return j.f }

// Filtered is what a FilterJob found.
type Filtered struct {
	job   FilterJob
	shown *Shown
}

// Run works out what the job's filter shows: O(items + places), and the
// clustering of the places shown.
func (j FilterJob) Run() *Filtered {
	sh := newShown(j.s, j.f, j.where, j.m)
	sh.Warm(j.res)
	return &Filtered{job: j, shown: sh}
}

// SetFiltered applies a filter's result (see SetFilter). A result worked
// out for another story or map than the session's now is dropped, and
// SetFiltered reports false.
func (st *Session) SetFiltered(r *Filtered) bool {
	j := r.job
	if j.s != st.story || j.m != st.gmap { // the locations go with the two
		return false
	}
	if j.f == st.filter {
		return true
	}
	st.filter, st.shown = j.f, r.shown
	st.refit()
	c := FilterChanged
	switch {
	case st.place != nil && st.shown.Count(st.place) == 0:
		st.place, st.item = nil, nil
		c |= SelectionChanged
	case st.item != nil && !j.f.Shows(st.item):
		st.item = nil
		if st.place != nil {
			st.item = st.firstShown(st.place)
		}
		c |= SelectionChanged
	}
	st.emit(c)
	return true
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

// Writes reports whether the story's items are written in lang (a title
// of one is): then a text of theirs given only in another language is
// marked as such where it shows in lang (scene.Marked). A file of one
// language, read as English, is not marked in Spanish throughout.
func (st *Session) Writes(lang string) bool { return st.where.langs[lang] }

// Tell moves the selection by delta steps through the story as it is
// told (Shown.Steps), from its first step when no step is selected. Past
// either end it leaves the selection be and returns false: the story's
// end (or its start).
func (st *Session) Tell(delta int) bool {
	steps := st.shown.Steps
	i := slices.Index(steps, st.item)
	switch {
	case i < 0:
		i = 0
	default:
		i += delta
	}
	if i < 0 || i >= len(steps) {
		return false
	}
	st.SelectItem(steps[i])
	return true
}

// StepOf is the item's step in the story as told (0 for the first), and
// how many steps there are; -1 for an item that is not one.
func (st *Session) StepOf(it *story.Item) (i, n int) {
	return slices.Index(st.shown.Steps, it), len(st.shown.Steps)
}

// update works out what the filter shows.
func (st *Session) update() {
	st.shown = newShown(st.story, st.filter, st.where, st.gmap)
}

// mapReach is how far from Mexico, in projected metres, a place may lie
// and still be drawn: the whole of the Americas, Europe and Africa, but not
// the far side of the Earth, where Mexico's conic projection tears apart.
const mapReach = 2e7

// Mappable reports whether a place can be drawn on m: its projected point
// is finite and within mapReach of Mexico.
func Mappable(m *geo.Map, p *story.Place) bool { return mappableAt(m, m.Proj.Forward(p.Point)) }

// mappableAt is Mappable for a projected point.
func mappableAt(m *geo.Map, at orb.Point) bool {
	c := m.Bound.Center()
	return !math.IsNaN(at[0]) && !math.IsNaN(at[1]) && math.Abs(at[0]-c[0]) < mapReach && math.Abs(at[1]-c[1]) < mapReach
}

// located is what filtering needs to know of a story and map, worked out
// once for both (locate), so that each filter walks slices, not maps and
// items' fields scattered through memory: each place's index, location,
// projected point and whether it can be drawn; each item's place and
// colour.
type located struct {
	index    map[*story.Place]int
	loc      []geo.Location // by place; nil without a map
	at       []orb.Point    // by place, projected; nil without a map
	mappable []bool         // by place; nil without a map
	placeOf  []int32        // by item: its place's index, or -1
	colour   []int32        // by item: its category's colour
	// By item, what the commonest filters ask (see fastShows): its days
	// (first > last when undated), and its category's number in cats when
	// it is an incident (-2 when it is not one).
	first, last []int32
	cat         []int32
	cats        map[string]int32 // a category (in English) → its number
	// span is what the time axis shows of the story (timeaxis.SpanOf).
	span timeaxis.Span
	// The clusters of every place that can be drawn, built once a story
	// and map; each filter weighs them (cluster.Index.Weigh). pointOf is a
	// place's point in the index (-1: not drawn), placeOfPoint the reverse.
	clusters     *cluster.Index
	pointOf      []int32
	placeOfPoint []int32
	// area is, by place, the area its incidents are known only to (its
	// municipality or state), or nil for a place known as a point;
	// areaSlot its number in areas, the story's distinct areas (-1: none).
	area     []*geo.Region
	areaSlot []int32
	areas    []*geo.Region
	// told is the order the story is told in (story.Story.NarrativeOrder),
	// nil when that is timeline order.
	told []int
	// langs are the languages the items' titles are written in.
	langs map[string]bool
	// near is, by place, whether its incidents are known only to be near
	// it (drawn with a halo).
	near []bool
	// earliest and latest are the items that start first and end last
	// (-1: none is dated); incidents counts the story's incidents.
	earliest, latest int
	incidents        int
	// sources are the sources the items cite, each once, srcNumber their
	// numbers; lists are the lists of them items cite (as numbers), each
	// once; srcOf is, by item, the number of its list in lists (-1: it
	// cites none). A filter counts the shown items' sources by list,
	// without reading the items: reading each one was two thirds of a
	// brush step at 200,000 incidents.
	sources   []*story.Source
	srcNumber map[*story.Source]int32
	lists     [][]int32
	srcOf     []int32
	// stateOf is, by place, the number in states (their codes) of the
	// state it lies in (-1: none, or no map).
	stateOf []int16
	states  []string
}

// listNumber is the number in l.lists of the list of sources an item
// cites (-1 for none), given one if it has none; numbers maps each list,
// as its sources' numbers in bytes, to its number.
func (l *located) listNumber(list []*story.Source, numbers map[string]int32) int32 {
	if len(list) == 0 {
		return -1
	}
	var key [32]byte
	ks := key[:0]
	nums := make([]int32, len(list))
	for i, src := range list {
		nums[i] = l.sourceNumber(src)
		ks = binary.LittleEndian.AppendUint32(ks, uint32(nums[i]))
	}
	if k, ok := numbers[string(ks)]; ok { // no allocation: only looked up
		return k
	}
	k := int32(len(l.lists))
	numbers[string(ks)] = k
	l.lists = append(l.lists, nums)
	return k
}

// sourceNumber is src's number in l.sources, given one if it has none.
func (l *located) sourceNumber(src *story.Source) int32 {
	k, ok := l.srcNumber[src]
	if !ok {
		k = int32(len(l.sources))
		l.srcNumber[src] = k
		l.sources = append(l.sources, src)
	}
	return k
}

// fastShows is Filter.Shows for the story's i-th item, read from the
// tables, when the filter has no actor or country (ok is false
// otherwise): a filter of 200,000 items then reads a few slices, not every
// item's fields scattered through memory.
func (l *located) fastShows(f Filter, cat int32, i int) (shows, ok bool) {
	if f.actor != "" || f.Country != "" {
		return false, false
	}
	if f.Dates && l.first[i] <= l.last[i] && (int(l.last[i]) < f.From || int(l.first[i]) > f.To) {
		return false, true
	}
	if f.Category != "" && l.cat[i] != -2 && l.cat[i] != cat {
		return false, true
	}
	return true, true
}

// of is where p lies; known is false without a map or for a place not in
// the story.
func (l *located) of(p *story.Place) (geo.Location, bool) {
	i, ok := l.index[p]
	if !ok || l.loc == nil {
		return geo.Location{}, false
	}
	return l.loc[i], true
}

// clampDay keeps a day number in 32 bits: years beyond ±5 million are
// days no filter tells apart.
func clampDay(d int) int32 { return int32(min(max(d, math.MinInt32+1), math.MaxInt32-1)) }

// locate finds where each place lies by its point on the map (files may
// name states any way, or none), at the map's finest level; m may be nil.
func locate(s *story.Story, m *geo.Map, colour map[string]int) *located {
	n := len(s.Items)
	l := &located{index: make(map[*story.Place]int, len(s.Places)), placeOf: make([]int32, n), colour: make([]int32, n),
		first: make([]int32, n), last: make([]int32, n), cat: make([]int32, n), cats: map[string]int32{},
		srcNumber: map[*story.Source]int32{}, srcOf: make([]int32, n)}
	for i, p := range s.Places {
		l.index[p] = i
	}
	if len(s.Steps) > 0 {
		l.told = s.NarrativeOrder()
	}
	listNumber := map[string]int32{}
	ranges := make([]timeaxis.Range, 0, n)
	l.langs = map[string]bool{}
	l.earliest, l.latest = -1, -1
	for i, it := range s.Items {
		if len(l.langs) < 2 { // as many as the interface has
			for lang := range it.Title {
				l.langs[lang] = true
			}
		}
		l.placeOf[i] = -1
		if pi, ok := l.index[it.Place]; ok && it.Place != nil {
			l.placeOf[i] = int32(pi)
		}
		l.srcOf[i] = l.listNumber(it.Sources, listNumber)
		key := it.Category.In("en")
		l.colour[i] = int32(colour[key])
		if f, last, dated := it.Date.Days(); dated {
			l.first[i], l.last[i] = clampDay(f), clampDay(last)
		} else {
			l.first[i], l.last[i] = 1, 0
		}
		if l.first[i] <= l.last[i] {
			ranges = append(ranges, timeaxis.Range{First: int(l.first[i]), Last: int(l.last[i])})
			if l.earliest < 0 || l.first[i] < l.first[l.earliest] {
				l.earliest = i
			}
			if l.latest < 0 || l.last[i] > l.last[l.latest] {
				l.latest = i
			}
		}
		l.cat[i] = -2 // not an incident: every category shows it
		if it.Kind == story.Incident {
			l.incidents++
			c, ok := l.cats[key]
			if !ok {
				c = int32(len(l.cats))
				l.cats[key] = c
			}
			l.cat[i] = c
		}
	}
	l.span = timeaxis.SpanOf(ranges)
	if m == nil {
		return l
	}
	np := len(s.Places)
	l.loc, l.at, l.mappable = make([]geo.Location, np), make([]orb.Point, np), make([]bool, np)
	// Point location takes a few microseconds a place, seconds for
	// 200,000: the cores share it (Locate is safe for concurrent use), and
	// each remembers the points it has located, as conflict data puts
	// thousands of events at the same town.
	parts := min(runtime.GOMAXPROCS(0), max(1, np/locateChunk))
	var wg sync.WaitGroup
	for k := range parts {
		wg.Go(func() {
			seen := map[orb.Point]geo.Location{}
			for i := k * np / parts; i < (k+1)*np/parts; i++ {
				p := s.Places[i]
				at := m.Proj.Forward(p.Point)
				l.at[i], l.mappable[i] = at, mappableAt(m, at)
				loc, ok := seen[at]
				if !ok {
					loc = m.Locate(at)
					seen[at] = loc
				}
				l.loc[i] = loc
			}
		})
	}
	wg.Wait()
	l.area, l.areaSlot, l.near = make([]*geo.Region, np), make([]int32, np), make([]bool, np)
	slotOf := map[*geo.Region]int32{}
	l.stateOf = make([]int16, np)
	stateNumber := map[string]int16{}
	for i, p := range s.Places {
		l.stateOf[i] = -1
		if st := l.loc[i].State; st != nil {
			k, ok := stateNumber[st.Code]
			if !ok {
				k = int16(len(l.states))
				stateNumber[st.Code] = k
				l.states = append(l.states, st.Code)
			}
			l.stateOf[i] = k
		}
		l.area[i] = areaOf(p, l.loc[i])
		l.near[i] = nearOnly(p)
		l.areaSlot[i] = -1
		if a := l.area[i]; a != nil {
			k, ok := slotOf[a]
			if !ok {
				k = int32(len(l.areas))
				slotOf[a] = k
				l.areas = append(l.areas, a)
			}
			l.areaSlot[i] = k
		}
	}
	l.pointOf = make([]int32, np)
	var pts []cluster.Point
	for i := range s.Places {
		l.pointOf[i] = -1
		if l.mappable[i] {
			// A place standing for an area clusters where the area's
			// marker is drawn, its heart: the places of one area are one
			// marker at every level.
			at := l.at[i]
			if a := l.area[i]; a != nil {
				at = a.Label
			}
			l.pointOf[i] = int32(len(pts))
			l.placeOfPoint = append(l.placeOfPoint, int32(i))
			pts = append(pts, cluster.Point{At: at, Weight: 1})
		}
	}
	l.clusters = cluster.New(pts, MarkerRadius)
	return l
}

// areaOf is the area a place stands for, where every incident at it is
// known only to its municipality or to its state (a "region"): the
// coarsest any of them is known to. A place where any incident is known
// as a point, or that lies outside Mexico's municipalities, has none.
func areaOf(p *story.Place, loc geo.Location) *geo.Region {
	if loc.Municipality == nil || loc.Offshore || len(p.Items) == 0 {
		return nil
	}
	area := loc.Municipality
	for _, it := range p.Items {
		switch it.LocationPrecision {
		case "municipality":
		case "region":
			area = loc.State
		default:
			return nil
		}
	}
	return area
}

// nearOnly reports whether every incident at a place is known only to be
// near it.
func nearOnly(p *story.Place) bool {
	for _, it := range p.Items {
		if it.LocationPrecision != "nearby" {
			return false
		}
	}
	return len(p.Items) > 0
}

// locateChunk is the fewest places worth a goroutine of their own.
const locateChunk = 2048

// Shown is what the filter lets through: the items, the places with at
// least one of their incidents, and the states those places lie in.
type Shown struct {
	// Placed counts the shown incidents at a place, Outside those of them
	// at a place outside Mexico (once the map is known), Unplaced the
	// shown incidents with no place at all.
	Placed, Outside, Unplaced int
	// Bound is the projected bound of the shown places (empty when none,
	// or without a map).
	Bound orb.Bound
	// Sources are the sources the shown items cite, most cited first.
	Sources []*story.Source
	Items   []*story.Item // in timeline order
	// Steps are Items in the order the story is told (story.Story.Steps):
	// the narrative's slides and the video's steps. Items itself when the
	// story is told by date.
	Steps  []*story.Item
	Places []*story.Place // in the story's order of places
	Counts []int32        // shown incidents at Places[i]
	// Colours are the colours of Places' categories (see Category).
	Colours []int32
	// Highlighted are the codes of the states that hold a shown incident,
	// sorted.
	Highlighted []string
	// Areas are the areas that shown incidents are known only to (see
	// Session.AreaOf): drawn as areas whatever the markers' clustering,
	// states first, then municipalities, each in INEGI's key order.
	Areas []ShownArea
	// clusters are the story's clusters weighed by Counts (nil until the
	// map has loaded): see QueryClusters.
	clusters *cluster.Index
	where    *located
	// placeAt is, by index in Places, the place's index in the story
	// (ascending: Places are in the story's order); shows, a bit by the
	// story's item index. Slices by the story's places or items would be
	// 1 MB a filter at 200,000.
	placeAt []int32
	shows   []uint64
	areaAt  []int32 // by the story's area number: its index in Areas + 1, or 0
}

// slot is the story's pi-th place's index in Places, or -1.
func (sh *Shown) slot(pi int32) int {
	if i, ok := slices.BinarySearch(sh.placeAt, pi); ok {
		return i
	}
	return -1
}

// ClusterArea is the area a cluster of several places stands for when
// they all stand for that one area: a cluster whose first and last places
// stand for one area and which sits at the area's heart, where its places
// cluster. ok is false for any other cluster.
func (sh *Shown) ClusterArea(c cluster.Cluster) (a ShownArea, ok bool) {
	w := sh.where
	if c.Size < 2 || w.areaSlot == nil || c.First < 0 || c.Last >= len(sh.Places) {
		return ShownArea{}, false
	}
	k := w.areaSlot[w.index[sh.Places[c.First]]]
	if k < 0 || w.areaSlot[w.index[sh.Places[c.Last]]] != k || sh.areaAt[k] == 0 {
		return ShownArea{}, false
	}
	// The mean of points at one spot, to within rounding: a metre.
	if at := w.areas[k].Label; math.Abs(c.At[0]-at[0]) > 1 || math.Abs(c.At[1]-at[1]) > 1 {
		return ShownArea{}, false
	}
	return sh.Areas[sh.areaAt[k]-1], true
}

// ShownArea is an area that shown incidents are known only to.
type ShownArea struct {
	Region *geo.Region
	// Incidents counts the shown incidents known only to the area.
	Incidents int
	// Colour is the colour of their category (see Category), 0 when they
	// are of several.
	Colour int
}

// ShowsItem reports whether the story's i-th item (Story.Items[i]) shows:
// the filter's answer, kept, so that a view of every item (the time
// axis) need not ask again.
func (sh *Shown) ShowsItem(i int) bool {
	return i >= 0 && i/64 < len(sh.shows) && sh.shows[i/64]&(1<<(i%64)) != 0
}

// scratch holds a filter's working counts and colours by place, from one
// filter to the next: made anew, they were a third of what a brush step
// allocated at 200,000 places.
var scratch sync.Pool

// placeScratch is scratch for n places: two slices of n, as it was left.
func placeScratch(n int) *[]int32 {
	if p, _ := scratch.Get().(*[]int32); p != nil && cap(*p) >= 2*n {
		*p = (*p)[:2*n]
		return p
	}
	s := make([]int32, 2*n)
	return &s
}

func newShown(s *story.Story, f Filter, where *located, m *geo.Map) *Shown {
	sh := &Shown{where: where, shows: make([]uint64, (len(s.Items)+63)/64)}
	work := placeScratch(len(s.Places))
	defer scratch.Put(work)
	count, colour := (*work)[:len(s.Places)], (*work)[len(s.Places):]
	clear(count)
	// A place's colour: its shown items' one colour, or mixed (0).
	const unset, mixed = -1, 0
	for i := range colour {
		colour[i] = unset
	}
	listed := make([]int32, len(where.lists)) // shown items citing each list of sources
	var listOrder []int32                     // the lists, as first cited
	cat, known := where.cats[f.Category]
	if !known {
		cat = -3 // a category no incident has: no incident shows
	}
	// The items are read from where's tables, not from the items: only
	// a filter by actor or country (Filter.Shows) reads an item itself.
	shown := 0
	for i := range s.Items {
		shows, ok := where.fastShows(f, cat, i)
		if !ok {
			shows = f.Shows(s.Items[i])
		}
		if !shows {
			continue
		}
		sh.shows[i/64] |= 1 << (i % 64)
		shown++
		if k := where.srcOf[i]; k >= 0 {
			if listed[k] == 0 {
				listOrder = append(listOrder, k)
			}
			listed[k]++
		}
		if pi := where.placeOf[i]; pi < 0 && where.cat[i] != -2 { // an incident with no place
			sh.Unplaced++
		} else if pi >= 0 {
			count[pi]++
			if c := where.colour[i]; colour[pi] == unset {
				colour[pi] = c
			} else if colour[pi] != c {
				colour[pi] = mixed
			}
		}
	}
	sh.Items = make([]*story.Item, 0, shown)
	for w, word := range sh.shows {
		for word != 0 {
			b := bits.TrailingZeros64(word)
			sh.Items = append(sh.Items, s.Items[w*64+b])
			word &^= 1 << b
		}
	}
	// The sources in the order first cited, as the lists were, then the
	// most cited first.
	cited := make([]int32, len(where.sources))
	var citedOrder []int32
	for _, k := range listOrder {
		for _, src := range where.lists[k] {
			if cited[src] == 0 {
				citedOrder = append(citedOrder, src)
			}
			cited[src] += listed[k]
		}
	}
	slices.SortStableFunc(citedOrder, func(a, b int32) int { return int(cited[b] - cited[a]) })
	for _, src := range citedOrder {
		sh.Sources = append(sh.Sources, where.sources[src])
	}
	var stateShown []bool
	if where.loc != nil {
		stateShown = make([]bool, len(where.states))
	}
	shownPlaces := 0
	for _, n := range count {
		if n > 0 {
			shownPlaces++
		}
	}
	sh.Places, sh.Counts, sh.Colours = make([]*story.Place, 0, shownPlaces), make([]int32, 0, shownPlaces), make([]int32, 0, shownPlaces)
	sh.placeAt = make([]int32, 0, shownPlaces)
	// The shown places' points in the cluster index, ascending; their
	// weights are Counts (with the clusters, every place in Places has a
	// point).
	var points []int32
	if where.clusters != nil {
		points = make([]int32, 0, shownPlaces)
	}
	if where.areas != nil {
		sh.areaAt = make([]int32, len(where.areas))
	}
	areaAt := sh.areaAt
	add := func(pi int, p *story.Place, n int) {
		sh.placeAt = append(sh.placeAt, int32(pi))
		sh.Places, sh.Counts, sh.Colours = append(sh.Places, p), append(sh.Counts, int32(n)), append(sh.Colours, max(colour[pi], 0))
		if where.areaSlot == nil || where.areaSlot[pi] < 0 {
			return
		}
		k := where.areaSlot[pi]
		if areaAt[k] == 0 {
			sh.Areas = append(sh.Areas, ShownArea{Region: where.areas[k], Colour: int(colour[pi])})
			areaAt[k] = int32(len(sh.Areas))
		}
		a := &sh.Areas[areaAt[k]-1]
		a.Incidents += n
		if a.Colour != int(colour[pi]) {
			a.Colour = mixed
		}
	}
	for pi, p := range s.Places {
		n := int(count[pi])
		if n == 0 {
			continue
		}
		sh.Placed += n
		if where.loc == nil {
			add(pi, p, n)
			continue
		}
		if k := where.stateOf[pi]; k < 0 {
			sh.Outside += n
		} else if !stateShown[k] {
			stateShown[k] = true
			sh.Highlighted = append(sh.Highlighted, where.states[k])
		}
		// A place this projection cannot draw (near the South Pole, where
		// Mexico's conic runs off to infinity) gets no marker: it stays on
		// the timeline and counts as outside.
		if !where.mappable[pi] {
			continue
		}
		add(pi, p, n)
		at := where.at[pi]
		if len(sh.Places) == 1 {
			sh.Bound = orb.Bound{Min: at, Max: at}
		}
		sh.Bound = sh.Bound.Extend(at)
		// pointOf rises with pi: the points stay ascending.
		points = append(points, where.pointOf[pi])
	}
	slices.Sort(sh.Highlighted)
	order := make([]int32, len(sh.Areas)) // by index in sh.Areas: its story area number
	for k, at := range areaAt {
		if at > 0 {
			order[at-1] = int32(k)
		}
	}
	byArea := func(i, j int) int {
		a, b := sh.Areas[i].Region, sh.Areas[j].Region
		if sa, sb := a.Kind == geo.State, b.Kind == geo.State; sa != sb {
			if sa {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Code, b.Code)
	}
	perm := make([]int, len(sh.Areas))
	for i := range perm {
		perm[i] = i
	}
	slices.SortFunc(perm, byArea)
	sorted := make([]ShownArea, len(perm))
	for i, j := range perm {
		sorted[i] = sh.Areas[j]
		areaAt[order[j]] = int32(i + 1)
	}
	sh.Areas = sorted
	if m != nil && where.clusters != nil {
		sh.clusters = where.clusters.Weigh(points, sh.Counts)
	}
	sh.Steps = sh.Items
	if where.told != nil {
		sh.Steps = make([]*story.Item, 0, len(sh.Items))
		for _, i := range where.told {
			if sh.ShowsItem(i) {
				sh.Steps = append(sh.Steps, s.Items[i])
			}
		}
	}
	return sh
}

// Warm works out the clusters a view of res metres per point draws, so
// that drawing it does not: see cluster.Index.Warm.
func (sh *Shown) Warm(res float64) {
	if sh.clusters != nil {
		sh.clusters.Warm(cluster.LevelFor(res))
	}
}

// Warm works out the clusters a view of res metres per point draws (see
// Shown.Warm), where the story is prepared.
func (p *Prepared) Warm(res float64) { p.shown.Warm(res) }

// Clustered reports whether the shown places are clustered: once the map
// has loaded.
func (sh *Shown) Clustered() bool { return sh.clusters != nil }

// QueryClusters calls emit for each cluster of the shown places at
// cluster level k within bound (see cluster.Index.Query), with the place
// Places[keep] (keep -1: none) on its own; a cluster's First and Last are
// indices in Places. The clusters are the story's, built once, weighed by
// the filter: a filter change does not cluster again.
func (sh *Shown) QueryClusters(k int, bound orb.Bound, keep int, emit func(cluster.Cluster)) {
	if sh.clusters == nil {
		return
	}
	w := sh.where
	point := -1
	if keep >= 0 && keep < len(sh.Places) {
		point = int(w.pointOf[w.index[sh.Places[keep]]])
	}
	slot := func(point int) int { return sh.slot(w.placeOfPoint[point]) }
	sh.clusters.Query(k, bound, point, func(c cluster.Cluster) {
		c.First, c.Last = slot(c.First), slot(c.Last)
		emit(c)
	})
}

// Count is how many of a place's incidents show (0 for a hidden place).
func (sh *Shown) Count(p *story.Place) int {
	if i := sh.Index(p); i >= 0 {
		return int(sh.Counts[i])
	}
	return 0
}

// Index is the place's index in Places, or -1 when it does not show.
func (sh *Shown) Index(p *story.Place) int {
	if pi, ok := sh.where.index[p]; ok {
		return sh.slot(int32(pi))
	}
	return -1
}
