// Package geotest holds what the tests of Sovmap's packages share about the
// map: the embedded map, loaded once, and the built-in story's places as
// facts.md gives them.
package geotest

import (
	"bytes"
	"fmt"
	"strconv"
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
	loadOnce.Do(func() { loadedMap, loadErr = geo.LoadMap(assets.Map(), 0) })
	if loadErr != nil {
		tb.Fatal(loadErr)
	}
	return loadedMap
}

// Place is one of the built-in story's places.
type Place struct {
	ID, Name, State string
	// Locality is INEGI's key of the municipal seat; its first five
	// digits are the municipality's.
	Locality string
	LonLat   orb.Point
}

// Municipality is the key of the place's municipality.
func (p Place) Municipality() string { return p.Locality[:5] }

// Places are the built-in story's places, as facts.md gives them: the
// municipal seats, with INEGI's keys and coordinates.
var Places = []Place{
	{"huitzilac", "Huitzilac", "MX-MOR", "170090001", orb.Point{-99.2674528, 19.0290331}},
	{"teuchitlan", "Teuchitlán", "MX-JAL", "140950001", orb.Point{-103.8491667, 20.6852778}},
	{"teocaltiche", "Teocaltiche", "MX-JAL", "140910001", orb.Point{-102.5702778, 21.4344444}},
	{"coxquihui", "Coxquihui", "MX-VER", "300500001", orb.Point{-97.5862706, 20.1847372}},
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
func State(tb testing.TB, s *story.Story, w, h float64) *appstate.Session {
	tb.Helper()
	if s == nil {
		s = BuiltInStory(tb)
	}
	st := appstate.New(s, "en")
	st.SetMap(Map(tb))
	st.SetViewSize(w, h)
	return st
}

// ACLEDRows is an ACLED export of n rows over Mexico, in the real column
// layout, about 500 bytes a row as ACLED's are.
func ACLEDRows(n int) []byte {
	var b bytes.Buffer
	b.WriteString("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n")
	types := []string{"Battles,Armed clash", "Violence against civilians,Attack", "Protests,Peaceful protest", "Riots,Mob violence", "Explosions/Remote violence,Grenade", "Strategic developments,Arrests"}
	for i := 0; i < n; i++ {
		lat, lon := 16+float64(i%97)*0.13, -115+float64(i%89)*0.3
		day, month, year := 1+i%28, 1+(i/28)%12, 2018+(i/336)%8
		b.WriteString("MEX" + itoa(i))
		b.WriteString(",")
		b.WriteString(itoa(year) + "-" + pad(month) + "-" + pad(day) + "," + itoa(year) + ",1,Political violence,")
		b.WriteString(types[i%len(types)])
		b.WriteString(",Unidentified Armed Group (Mexico),,3,Civilians (Mexico),,7,37,Civilian targeting,484,Central America,Mexico,State ")
		b.WriteString(itoa(i%32) + ",Municipality " + itoa(i%500) + ",,Place " + itoa(i%8000) + ",")
		b.WriteString(ftoa(lat) + "," + ftoa(lon) + ",1,El Universal; Milenio; Reforma,National,\"On this day, in Place ")
		b.WriteString(itoa(i%8000) + ", armed men attacked a group of people in the street. The victims were taken to a hospital; the authorities opened an investigation. 2 fatalities.\",2,,1700000000\n")
	}
	return b.Bytes()
}

func itoa(i int) string     { return strconv.Itoa(i) }
func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 4, 64) }
func pad(i int) string      { return fmt.Sprintf("%02d", i) }
