package appstate

import (
	"strings"

	"sovmap/geo/story"
)

// Filter says which items show. The zero Filter shows every item. It is
// comparable: a Session keeps it only when it changes.
type Filter struct {
	// With Dates set, dated items whose days all fall outside From to To
	// (days since 1 January 1970, inclusive) are hidden. Undated items
	// always show: the source gives no date to filter them by.
	Dates    bool
	From, To int
	// Category, if set, shows only incidents of that category (in
	// English, as Category.Name.In("en") gives it); events always show.
	Category string
	// Actor, if set, shows only items whose actor contains it, in any case.
	Actor string
	// Country, if set, shows only incidents at places of that country.
	Country string

	actor string // Actor in lower case
}

// Shows reports whether the filter lets an item through.
func (f Filter) Shows(it *story.Item) bool {
	if f.Dates {
		if first, last, dated := it.Date.Days(); dated && (last < f.From || first > f.To) {
			return false
		}
	}
	if f.Category != "" && it.Kind == story.Incident && it.Category.In("en") != f.Category {
		return false
	}
	if f.actor != "" && !actorMatches(it, f.actor) {
		return false
	}
	if f.Country != "" && it.Place != nil && it.Place.Country != f.Country {
		return false
	}
	return true
}

// normal is the filter as kept: its date range within the story's span (an
// open end is the story's first or last day), where a range that covers
// the whole story is no range at all.
func (f Filter) normal(sp daySpan) Filter {
	f.Actor = strings.TrimSpace(f.Actor)
	f.actor = strings.ToLower(f.Actor)
	if !f.Dates {
		f.From, f.To = 0, 0
		return f
	}
	if f.From > f.To {
		f.From, f.To = f.To, f.From
	}
	first, last, ok := sp.first, sp.last, sp.ok
	if !ok || (f.From <= first && f.To >= last) {
		f.Dates, f.From, f.To = false, 0, 0
		return f
	}
	f.From, f.To = max(f.From, first), min(f.To, last)
	return f
}

// daySpan is a story's first and last day (story.Story.Span), kept with
// the story: filters are normalised against it on every brush step.
type daySpan struct {
	first, last int
	ok          bool
}

// daySpan is the story's first and last day, from the items' days as
// located keeps them: no second walk of the items.
func (l *located) daySpan() daySpan {
	var sp daySpan
	for i := range l.first {
		f, last := int(l.first[i]), int(l.last[i])
		if f > last {
			continue // undated
		}
		if !sp.ok || f < sp.first {
			sp.first = f
		}
		if !sp.ok || last > sp.last {
			sp.last = last
		}
		sp.ok = true
	}
	return sp
}

// actorMatches reports whether an item's actor, or any of its fields of
// actors (conflict data's assoc_actor_1, ally_actor_2…), contains actor,
// in lower case.
func actorMatches(it *story.Item, actor string) bool {
	if strings.Contains(strings.ToLower(it.Actor), actor) {
		return true
	}
	for _, f := range it.Fields {
		if strings.Contains(f.Name, "actor") && strings.Contains(strings.ToLower(f.Value), actor) {
			return true
		}
	}
	return false
}
