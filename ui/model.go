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
	items := m.story.Items
	if len(items) == 0 {
		return
	}
	i := m.index()
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

// index is the selected item's place in the timeline, or -1.
func (m *model) index() int {
	for i, it := range m.story.Items {
		if it == m.item {
			return i
		}
	}
	return -1
}

// setStory replaces the story; the selection goes.
func (m *model) setStory(s *story.Story) {
	m.story, m.states, m.place, m.item = s, nil, nil, nil
	m.changed()
}

func (m *model) setLang(lang string) {
	if lang == m.lang {
		return
	}
	m.lang = lang
	m.changed()
}
