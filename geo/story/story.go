// Package story is Sovmap's model of a news story: its items (incidents at
// places, and timeline events with no place), each with a date as precise
// as the source gives it, texts in several languages and a named source;
// the places; and the timeline order. The storyfile package reads and
// writes it.
package story

import (
	"math"
	"sort"
	"sovmap/geo/phrase"

	"github.com/paulmach/orb"
)

// Kind tells incidents (at a place) from timeline events (time only).
type Kind string

// The kinds of story item.
const (
	Incident Kind = "incident"
	Event    Kind = "event"
)

// Side is who acts in a timeline event, so the timeline can tell them apart.
type Side string

// The sides of the built-in story; a story file may use others.
const (
	SideMexico  Side = "mx"
	SideUS      Side = "us"
	SidePress   Side = "press"
	SideContext Side = "context" // background the story gives, not an act of anyone's
)

// Item is one incident or timeline event.
type Item struct {
	ID       string
	Kind     Kind
	Side     Side
	Date     Date
	DateNote Text // why the date is not exact, where it is not
	Title    Text
	Summary  Text
	Victims  Text
	Killed   int  // people killed, where known
	KilledOK bool // whether Killed is known
	// Sources are the story's sources the item cites, one or more.
	Sources []*Source

	Actor     string // who acted, where the source says (conflict data's actor1/actor2)
	SourceURL string // the item's own link at its source, if any
	// Category is what kind of incident the source says it was ("Political
	// violence"; in conflict data, the event type); empty where it says
	// none. Markers and the legend show it.
	Category Text
	// Fields are what else the file says of the item, for the details
	// panel: conflict data's event types, actors and fatalities, or a
	// plain file's other properties.
	Fields []Field

	// Incidents only. An incident with no point has no Place and shows on
	// the timeline only.
	Place             *Place
	LocationPrecision string // "town", "nearby", "municipality", "region" (the state or wider), or "unstated"
	LocationNote      Text
}

// Field is one named value of an item: Name is a column or property name
// as the file gives it ("event_type", "actor1"), which the interface may
// translate.
type Field struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Place is where one or more incidents happened.
type Place struct {
	ID           string
	Name         string
	State        string    // ISO 3166-2 code (MX-JAL), or the state's name where a file gives only that
	Municipality string    // where known
	Country      string    // the country's name, where the file gives it
	Point        orb.Point // lon, lat
	Items        []*Item   // its incidents, in date order
}

// Source is a named source that items cite. Its name may differ by
// language ("Reuters, early May 2025", "Reuters, principios de mayo de
// 2025").
type Source struct {
	ID   string `json:"id"`
	Name Text   `json:"name"`
	URL  string `json:"url,omitempty"`
}

// Story is a loaded, validated story.
type Story struct {
	Title       Text
	Description Text
	// Credit is what the data's terms ask every map of it to say ("Data:
	// ACLED, acleddata.com"); empty for a written story, which credits
	// its sources.
	Credit  Text
	Sources []*Source
	Items   []*Item  // in timeline order: by date, undated last
	Places  []*Place // in the order of their first incident on the timeline
	// Steps is the order the writer tells the story in (its narrative),
	// as item ids; nil tells it in timeline order. See NarrativeOrder for
	// the items it leaves out.
	Steps []string
}

// NarrativeOrder is the order the story is told in, as indices into
// Items: the items of Steps in its order, and each item Steps leaves out
// (one added since the order was set) told right after the item before it
// on the timeline, or first when it has none. Ids in Steps that name no
// item, or an item a second time, are passed over. O(items).
func (s *Story) NarrativeOrder() []int {
	order := make([]int, 0, len(s.Items))
	if len(s.Steps) == 0 {
		for i := range s.Items {
			order = append(order, i)
		}
		return order
	}
	index := make(map[string]int, len(s.Items))
	for i, it := range s.Items {
		index[it.ID] = i
	}
	listed := make([]bool, len(s.Items))
	var steps []int
	for _, id := range s.Steps {
		if i, ok := index[id]; ok && !listed[i] {
			listed[i] = true
			steps = append(steps, i)
		}
	}
	// An unlisted item follows the item before it on the timeline, so a
	// run of them keeps its dates' order.
	tell := func(i int) {
		for j := i + 1; j < len(s.Items) && !listed[j]; j++ {
			order = append(order, j)
		}
	}
	tell(-1)
	for _, i := range steps {
		order = append(order, i)
		tell(i)
	}
	return order
}

// Order puts the items in timeline order and lists the places in the order
// of their first incident, so that the order of a file's lines does not
// change the story.
func (s *Story) Order() {
	sort.SliceStable(s.Items, func(i, j int) bool { return s.Items[i].Date.Before(s.Items[j].Date) })
	s.Places = s.Places[:0]
	for _, it := range s.Items {
		if p := it.Place; p != nil {
			if len(p.Items) == 0 {
				s.Places = append(s.Places, p)
			}
			p.Items = append(p.Items, it)
		}
	}
}

// CheckLonLat refuses coordinates that are not finite or out of range.
func CheckLonLat(p orb.Point) error {
	for _, v := range p {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return phrase.New("coordinates are not finite numbers")
		}
	}
	if p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90 {
		return phrase.Errorf("coordinates [%g, %g] are out of range (lon -180..180, lat -90..90)", p[0], p[1])
	}
	return nil
}

// Span is the first and last day (days since 1 January 1970) of the
// story's dated items; ok is false when none is dated.
func (s *Story) Span() (first, last int, ok bool) {
	for _, it := range s.Items {
		if f, l, dated := it.Date.Days(); dated {
			if !ok || f < first {
				first = f
			}
			if !ok || l > last {
				last = l
			}
			ok = true
		}
	}
	return first, last, ok
}

// PlaceByID finds a place, or nil.
func (s *Story) PlaceByID(id string) *Place {
	for _, p := range s.Places {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// ItemByID finds an item, or nil.
func (s *Story) ItemByID(id string) *Item {
	for _, it := range s.Items {
		if it.ID == id {
			return it
		}
	}
	return nil
}
