package ui

import "sovmap/assets/story"

// model is the state the panels share: the story, the selection and the
// language. Every change goes through its methods, which tell the panels.
// It is used on the UI goroutine only.
type model struct {
	story     *story.Story
	states    map[*story.Place]string // each place's state ("" outside Mexico); nil until the map is known
	lang      string
	place     *story.Place // selected place, or nil
	item      *story.Item  // selected item, or nil
	listeners []func()

	// The date filter: dated items whose days fall outside [from, to] are
	// hidden from the map and the timeline; undated ones always show.
	filtering bool
	from, to  int // days since 1970, inclusive
	filterGen int // counts changes of story or filter, for views to rebuild
}

// visible reports whether an item passes the date filter.
func (m *model) visible(it *story.Item) bool {
	first, last, dated := it.Date.Days()
	return !m.filtering || !dated || (last >= m.from && first <= m.to)
}

// visibleCount is how many of a place's incidents pass the filter.
func (m *model) visibleCount(p *story.Place) int {
	n := 0
	for _, it := range p.Items {
		if m.visible(it) {
			n++
		}
	}
	return n
}

// span is the first and last day of the story's dated items.
func (m *model) span() (first, last int, ok bool) {
	for _, it := range m.story.Items {
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

// setFilter shows only dated items from day from to day to; a range that
// covers the whole story turns the filter off. A hidden selection goes.
func (m *model) setFilter(from, to int) {
	first, last, _ := m.span()
	filtering := from > first || to < last
	if filtering == m.filtering && from == m.from && to == m.to {
		return
	}
	m.filtering, m.from, m.to = filtering, from, to
	m.filterGen++
	if m.item != nil && !m.visible(m.item) {
		m.item, m.place = nil, nil
	}
	if m.place != nil && m.visibleCount(m.place) == 0 {
		m.item, m.place = nil, nil
	}
	m.changed()
}

func newModel(s *story.Story, lang string) *model {
	return &model{story: s, lang: lang}
}

func (m *model) onChange(f func()) { m.listeners = append(m.listeners, f) }

func (m *model) changed() {
	for _, f := range m.listeners {
		f()
	}
}

// selectItem selects a story item and its place, if it has one.
func (m *model) selectItem(it *story.Item) {
	if it == m.item {
		return
	}
	m.item, m.place = it, nil
	if it != nil {
		m.place = it.Place
	}
	m.changed()
}

// selectPlace selects a place and its first incident.
func (m *model) selectPlace(p *story.Place) {
	if p == m.place && (m.item == nil || m.item.Place == p) {
		return
	}
	m.place, m.item = p, nil
	if p != nil && len(p.Items) > 0 {
		m.item = p.Items[0]
	}
	m.changed()
}

// clear drops the selection.
func (m *model) clear() {
	if m.place == nil && m.item == nil {
		return
	}
	m.place, m.item = nil, nil
	m.changed()
}

// step moves the selection by delta items through the story in timeline
// order, starting at either end when nothing is selected.
func (m *model) step(delta int) {
	var items []*story.Item
	for _, it := range m.story.Items {
		if m.visible(it) {
			items = append(items, it)
		}
	}
	if len(items) == 0 {
		return
	}
	i := -1
	for k, it := range items {
		if it == m.item {
			i = k
		}
	}
	switch {
	case i < 0 && delta > 0:
		i = 0
	case i < 0:
		i = len(items) - 1
	default:
		i = min(max(i+delta, 0), len(items)-1)
	}
	m.selectItem(items[i])
}

// setStory replaces the story; the selection goes.
func (m *model) setStory(s *story.Story) {
	m.story, m.states, m.place, m.item = s, nil, nil, nil
	m.filtering = false
	m.filterGen++
	m.changed()
}

func (m *model) setLang(lang string) {
	if lang == m.lang {
		return
	}
	m.lang = lang
	m.changed()
}
