// Package geotest holds what the tests of Sovmap's packages share about the
// map: the embedded map, loaded once, and the built-in story's places as
// facts.md gives them.
package geotest

import (
	"sync"
	"testing"

	"github.com/paulmach/orb"

	"sovmap/assets"
	"sovmap/geo"
	"sovmap/geo/appstate"
	"sovmap/geo/story"
	"sovmap/geo/storyfile"
)

var (
	loadOnce  sync.Once
	loadedMap *geo.Map
	loadErr   error
)

// Map loads the embedded map once for all tests and benchmarks of a
// package, failing tb if it does not load.
func Map(tb testing.TB) *geo.Map {
	tb.Helper()
	loadOnce.Do(func() { loadedMap, loadErr = geo.LoadMap(assets.Map(), geo.MexicoLCC) })
	if loadErr != nil {
		tb.Fatal(loadErr)
	}
	return loadedMap
}

// Place is one of the built-in story's places.
type Place struct {
	ID, Name, State string
	LonLat          orb.Point
}

// Places are the built-in story's places, as facts.md gives them.
var Places = []Place{
	{"huitzilac", "Huitzilac", "MX-MOR", orb.Point{-99.2669, 19.0281}},
	{"teuchitlan", "Teuchitlán", "MX-JAL", orb.Point{-103.8486, 20.6847}},
	{"teocaltiche", "Teocaltiche", "MX-JAL", orb.Point{-102.5833, 21.4333}},
	{"coxquihui", "Coxquihui", "MX-VER", orb.Point{-97.5833, 20.1833}},
}

// WholeCountry is the view of all of Mexico at w x h pixels, as the window
// first shows it.
func WholeCountry(m *geo.Map, w, h int) geo.Viewport {
	return geo.Fit(m.Proj, m.Bound, w, h, 24)
}

// BuiltInStory parses the built-in story, failing tb if it does not parse.
func BuiltInStory(tb testing.TB) *story.Story {
	tb.Helper()
	s, err := storyfile.Parse("story.geojson", assets.Story())
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// State is the state of a window showing s (the built-in story when nil)
// in English with the map loaded, its map view w x h units large.
func State(tb testing.TB, s *story.Story, w, h float64) *appstate.State {
	tb.Helper()
	if s == nil {
		s = BuiltInStory(tb)
	}
	st := appstate.New(s, "en")
	st.SetMap(Map(tb))
	st.SetViewSize(w, h)
	return st
}
