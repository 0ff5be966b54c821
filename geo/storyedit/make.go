package storyedit

import (
	"slices"

	"github.com/paulmach/orb"

	"sovmap/geo/story"
)

// Revision is a frozen document made a story (Frozen.Make), with what the
// document needs to take that story's items as its own (Doc.Adopt).
type Revision struct {
	story   *story.Story
	version int
	// items are the story's items in the document's order.
	items []*story.Item
}

// Story is the story made.
func (r Revision) Story() *story.Story { return r.story }

// placeKey is what makes two items' places one: the same name, state,
// municipality, country and point.
type placeKey struct {
	name, state, muni, country string
	at                         orb.Point
}

func keyOf(p *story.Place) placeKey {
	return placeKey{p.Name, p.State, p.Municipality, p.Country, p.Point}
}

type sourceKey struct{ name, url string }

func sourceKeyOf(src *story.Source) sourceKey { return sourceKey{textKey(src.Name), src.URL} }

// Make is the frozen document as a story (see Doc.Story). Where the
// document holds the items of the story it was opened with or last
// adopted (its base), the new story shares them, their places and
// sources: only the items added, changed or removed, and the items at the
// places those are at, are new. An edit of one item of 200,000 then costs
// a few milliseconds and a few megabytes, where copying every item and
// place took a third of a second and 110 MB, held beside the story shown
// (BenchmarkEditTwoHundredThousand). It may run on any goroutine.
func (d Frozen) Make() Revision {
	if d.base == nil || !inDateOrder(d.base.Items) {
		return d.makeAll()
	}
	return d.makeFrom(d.base)
}

// makeAll makes the story anew: every item, place and source its own.
// Items at the same place (by placeKey) share one place; places and
// sources keep their ids where those are unique, and get new ones where an
// edit made two places (or sources) of one id.
func (d Frozen) makeAll() Revision {
	m := d.meta
	s := &story.Story{Title: m.Title, Description: m.Description, Credit: m.Credit}
	// Sized for the items at first: growing them was a tenth of the time.
	places := make(map[placeKey]*story.Place, len(d.items))
	placeIDs := make(map[string]bool, len(d.items))
	src := newSources(nil)
	s.Items = make([]*story.Item, 0, len(d.items))
	for _, orig := range d.items {
		c := *orig // the texts and fields shared: never changed in place
		it := &c
		it.Sources = src.cite(orig.Sources)
		if p := orig.Place; p != nil {
			k := keyOf(p)
			shared := places[k]
			if shared == nil {
				shared = detached(p)
				shared.ID = uniqueID(p.ID, "place", placeIDs)
				places[k] = shared
			}
			it.Place = shared
		}
		s.Items = append(s.Items, it)
	}
	inDocOrder := slices.Clone(s.Items)
	s.Order()
	s.Sources = citedInOrder(inDocOrder)
	s.Steps = d.stepsOf()
	return Revision{story: s, version: d.version, items: inDocOrder}
}

// makeFrom makes the story from base, the story most of the document's
// items belong to: an item of base the document still holds is shared as
// it is, unless an item was added to or taken from its place (its place
// is then new, and the item a copy at it).
func (d Frozen) makeFrom(base *story.Story) Revision {
	m := d.meta
	s := &story.Story{Title: m.Title, Description: m.Description, Credit: m.Credit}

	// Which of base's items the document holds, and where (-1: taken away);
	// the document's others are added (new, or changed: a changed item is
	// a new one in the old one's place).
	at := make(map[*story.Item]int32, len(base.Items))
	for j, it := range base.Items {
		at[it] = int32(j)
	}
	docAt := make([]int32, len(base.Items))
	for j := range docAt {
		docAt[j] = -1
	}
	var added []int
	for i, it := range d.items {
		if j, ok := at[it]; ok && docAt[j] < 0 {
			docAt[j] = int32(i)
		} else {
			added = append(added, i)
		}
	}
	at = nil

	// The places whose items change: those of items taken away, and those
	// items are added at. Each is made anew (fresh: old place to new).
	fresh := map[*story.Place]*story.Place{}
	for j, it := range base.Items {
		if docAt[j] < 0 && it.Place != nil {
			fresh[it.Place] = nil
		}
	}
	src := newSources(base.Sources)
	var byKey map[placeKey]*story.Place // base's places, made when first needed
	newPlaces := map[placeKey]*story.Place{}
	var newOrder []*story.Place     // as first met, to be given ids in that order
	gets := map[*story.Place]bool{} // base's places items are added at
	adds := make([]*story.Item, len(added))
	// basePlace is base's place of key k, or nil. A changed item is most
	// often at the place it was (one of fresh's); a few others are looked
	// for among base's places, and a map of them made only for many.
	basePlace := func(k placeKey) *story.Place {
		for q := range fresh {
			if keyOf(q) == k {
				return q
			}
		}
		if byKey == nil && len(added) <= manyAdded {
			for _, q := range base.Places {
				if keyOf(q) == k {
					return q
				}
			}
			return nil
		}
		if byKey == nil {
			byKey = make(map[placeKey]*story.Place, len(base.Places))
			for _, q := range base.Places {
				if k := keyOf(q); byKey[k] == nil {
					byKey[k] = q
				}
			}
		}
		return byKey[k]
	}
	for n, i := range added {
		orig := d.items[i]
		c := *orig
		it := &c
		it.Sources = src.cite(orig.Sources)
		if p := orig.Place; p != nil {
			k := keyOf(p)
			switch q := basePlace(k); {
			case q != nil:
				fresh[q], gets[q] = nil, true
				it.Place = q // for now: moved to q's new self below
			case newPlaces[k] != nil:
				it.Place = newPlaces[k]
			default:
				q = detached(p)
				newPlaces[k] = q
				newOrder = append(newOrder, q)
				it.Place = q
			}
		}
		adds[n] = it
	}
	if len(newOrder) > 0 {
		taken := placeIDsKept(base, fresh, gets, docAt)
		for _, p := range newOrder {
			p.ID = uniqueID(p.ID, "place", taken)
		}
	}
	made := make(map[*story.Place]bool, len(fresh)+len(newPlaces))
	for old := range fresh {
		p := detached(old)
		p.ID = old.ID
		fresh[old] = p
		made[p] = true
	}
	for _, p := range newPlaces {
		made[p] = true
	}
	for _, it := range adds {
		if p := fresh[it.Place]; p != nil {
			it.Place = p
		}
	}

	// Base's items kept, in base's (date) order, those at a changed place
	// copied to its new self; the added ones merged in where a stable sort
	// of the document by date would put them.
	kept := make([]*story.Item, len(base.Items))
	for j, it := range base.Items {
		if docAt[j] < 0 {
			continue
		}
		if p := fresh[it.Place]; p != nil {
			c := *it
			c.Place = p
			it = &c
		}
		kept[j] = it
	}
	idx := make([]int, len(adds)) // adds in date order; added holds their document positions
	for n := range idx {
		idx[n] = n
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case adds[a].Date.Before(adds[b].Date):
			return -1
		case adds[b].Date.Before(adds[a].Date):
			return 1
		}
		return 0
	})
	s.Items = make([]*story.Item, 0, len(d.items))
	n := 0
	for j, it := range kept {
		if it == nil {
			continue
		}
		for n < len(idx) {
			a := adds[idx[n]]
			if a.Date.Before(it.Date) || (!it.Date.Before(a.Date) && added[idx[n]] < int(docAt[j])) {
				s.Items = append(s.Items, a)
				n++
				continue
			}
			break
		}
		s.Items = append(s.Items, it)
	}
	for ; n < len(idx); n++ {
		s.Items = append(s.Items, adds[idx[n]])
	}

	// The new places list their items in date order; the story lists its
	// places in the order of their first items, as Story.Order does.
	for _, it := range s.Items {
		if p := it.Place; p != nil && made[p] {
			p.Items = append(p.Items, it)
		}
	}
	s.Places = make([]*story.Place, 0, len(base.Places)+len(newPlaces))
	for _, it := range s.Items {
		if p := it.Place; p != nil && p.Items[0] == it {
			s.Places = append(s.Places, p)
		}
	}

	inDocOrder := make([]*story.Item, len(d.items))
	for j, i := range docAt {
		if i >= 0 {
			inDocOrder[i] = kept[j]
		}
	}
	for n, i := range added {
		inDocOrder[i] = adds[n]
	}
	s.Sources = citedInOrder(inDocOrder)
	s.Steps = d.stepsOf()
	return Revision{story: s, version: d.version, items: inDocOrder}
}

// manyAdded is the number of items added since the base story from which
// their places are looked up in a map of its places rather than one by
// one: the map of 200,000 places takes 23 MB and 70 ms to make, one look
// along them about 0.3 ms.
const manyAdded = 64

// placeIDsKept are the ids of base's places the new story keeps: all but
// those whose every item was taken away and none added.
func placeIDsKept(base *story.Story, fresh map[*story.Place]*story.Place, gets map[*story.Place]bool, docAt []int32) map[string]bool {
	gone := map[*story.Place]bool{}
	for p := range fresh {
		if !gets[p] {
			gone[p] = true
		}
	}
	for j, it := range base.Items {
		if docAt[j] >= 0 && it.Place != nil && gone[it.Place] {
			delete(gone, it.Place)
		}
	}
	taken := make(map[string]bool, len(base.Places))
	for _, p := range base.Places {
		if !gone[p] {
			taken[p.ID] = true
		}
	}
	return taken
}

// detached is a copy of place p listing no items.
func detached(p *story.Place) *story.Place {
	c := *p
	c.Items = nil
	return &c
}

// sources are a story's sources as its items are made: one source of each
// name and address, keeping its id where that is unique.
type sources struct {
	byKey map[sourceKey]*story.Source
	ids   map[string]bool
	// known are sources items may cite as they are: a base story's own.
	known map[*story.Source]bool
}

func newSources(base []*story.Source) *sources {
	s := &sources{byKey: map[sourceKey]*story.Source{}, ids: map[string]bool{}, known: map[*story.Source]bool{}}
	for _, src := range base {
		if k := sourceKeyOf(src); s.byKey[k] == nil {
			s.byKey[k] = src
		}
		s.ids[src.ID] = true
		s.known[src] = true
	}
	return s
}

// cite is the story's own sources for an item citing list.
func (s *sources) cite(list []*story.Source) []*story.Source {
	out := make([]*story.Source, len(list))
	for i, src := range list {
		if s.known[src] {
			out[i] = src
			continue
		}
		k := sourceKeyOf(src)
		shared := s.byKey[k]
		if shared == nil {
			own := *src
			shared = &own
			shared.ID = uniqueID(src.ID, "source", s.ids)
			s.byKey[k] = shared
			s.known[shared] = true
		}
		out[i] = shared
	}
	return out
}

// citedInOrder is the sources the items cite, each once, in the order
// first cited.
func citedInOrder(items []*story.Item) []*story.Source {
	var out []*story.Source
	seen := map[*story.Source]bool{}
	for _, it := range items {
		for _, src := range it.Sources {
			if !seen[src] {
				seen[src] = true
				out = append(out, src)
			}
		}
	}
	return out
}

// stepsOf is the narrative's order as a story holds it: only ids of
// items, each once.
func (d Frozen) stepsOf() []string {
	if len(d.steps) == 0 {
		return nil
	}
	left := make(map[string]bool, len(d.items))
	for _, it := range d.items {
		left[it.ID] = true
	}
	var steps []string
	for _, id := range d.steps {
		if left[id] {
			steps = append(steps, id)
			delete(left, id)
		}
	}
	return steps
}

// inDateOrder reports whether items are in the order Story.Order puts
// them in, as every story read or made is: what makeFrom's merge needs.
func inDateOrder(items []*story.Item) bool {
	for i := 1; i < len(items); i++ {
		if items[i].Date.Before(items[i-1].Date) {
			return false
		}
	}
	return true
}
