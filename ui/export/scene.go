// Package export makes Sovmap's pictures for articles: the story's map as
// PNG or SVG at any size, with title, caption, legend, scale bar, north
// arrow and attribution, written so that a failure never leaves a partial
// or damaged file. It needs no display and no Fyne, so the command line
// uses it as the window does.
package export

import (
	"fmt"
	"strings"

	"sovmap/assets/story"
	"sovmap/geo"
	"sovmap/ui/i18n"
)

// Markers makes one map marker per place of the story, projected with m's
// projection, in the story's order of places.
func Markers(s *story.Story, m *geo.Map) []geo.Marker {
	out := make([]geo.Marker, 0, len(s.Places))
	for _, p := range s.Places {
		out = append(out, geo.Marker{ID: p.ID, Label: p.Name, At: m.Proj.Forward(p.Point), Count: len(p.Items)})
	}
	return out
}

// PlaceStates finds the state each place of the story lies in, by its point
// on the map (files may name states any way, or none): the state's ISO
// code, or "" for a place outside Mexico.
func PlaceStates(s *story.Story, m *geo.Map) map[*story.Place]string {
	out := make(map[*story.Place]string, len(s.Places))
	for _, p := range s.Places {
		if st := m.StateAt(m.Proj.Forward(p.Point)); st != nil {
			out[p] = st.Code
		} else {
			out[p] = ""
		}
	}
	return out
}

// Scene is what the map shows of a story: its markers, the states that
// hold incidents, the selected place, the legend and the attribution in lang.
func Scene(s *story.Story, markers []geo.Marker, states map[*story.Place]string, lang string, selected *story.Place, style geo.Style) geo.Scene {
	sc := geo.Scene{
		Style:       style,
		Lang:        lang,
		Markers:     markers,
		StateLabels: true,
		ScaleBar:    true,
		Legend: []geo.LegendEntry{
			{Symbol: geo.LegendMarker, Text: i18n.T(lang, "legend.marker")},
			{Symbol: geo.LegendCluster, Text: i18n.T(lang, "legend.cluster")},
			{Symbol: geo.LegendHighlight, Text: i18n.T(lang, "legend.state")},
		},
		Attribution: Attribution(s, lang),
	}
	seen := map[string]bool{}
	for _, p := range s.Places {
		if code := states[p]; code != "" && !seen[code] {
			seen[code] = true
			sc.Highlighted = append(sc.Highlighted, code)
		}
	}
	if selected != nil {
		sc.Selected, sc.SelectedState = selected.ID, states[selected]
	}
	return sc
}

// Attribution credits the boundary data and the story's sources.
func Attribution(s *story.Story, lang string) string {
	return fmt.Sprintf(i18n.T(lang, "attribution"), Sources(s))
}

// Sources names the story's sources, comma separated.
func Sources(s *story.Story) string {
	names := make([]string, 0, len(s.Sources))
	for _, src := range s.Sources {
		names = append(names, src.Name)
	}
	return strings.Join(names, ", ")
}

// Caption is the default caption: the selected place and its incidents'
// dates, or the story's description when nothing is selected.
func Caption(s *story.Story, lang string, selected *story.Place) string {
	if selected == nil {
		return ""
	}
	dates := make([]string, 0, len(selected.Items))
	for _, it := range selected.Items {
		dates = append(dates, it.Date.Format(lang))
	}
	return selected.Name + " · " + strings.Join(dates, ", ")
}
