package appstate

import "sovmap/geo/story"

// Filter says which items show. The zero Filter shows every item.
type Filter struct {
	// With Dates set, dated items whose days all fall outside From to To
	// (days since 1 January 1970, inclusive) are hidden. Undated items
	// always show: the source gives no date to filter them by.
	Dates    bool
	From, To int
}

// Shows reports whether the filter lets an item through.
func (f Filter) Shows(it *story.Item) bool {
	if !f.Dates {
		return true
	}
	first, last, dated := it.Date.Days()
	return !dated || (last >= f.From && first <= f.To)
}

// normal is the filter as kept: its range within the story's span (an
// open end is the story's first or last day), and a range that covers the
// whole story is no filter at all.
func (f Filter) normal(s *story.Story) Filter {
	if !f.Dates {
		return Filter{}
	}
	if f.From > f.To {
		f.From, f.To = f.To, f.From
	}
	first, last, ok := s.Span()
	if !ok || (f.From <= first && f.To >= last) {
		return Filter{}
	}
	f.From, f.To = max(f.From, first), min(f.To, last)
	return f
}
