package gazetteer_test

import (
	"compress/gzip"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"sovmap/assets"
	"sovmap/geo"
	"sovmap/geo/gazetteer"
	"sovmap/geo/geotest"
)

func embeddedLocalities(tb testing.TB) []gazetteer.Locality {
	tb.Helper()
	f, err := assets.Map().Open(gazetteer.File)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	locs, err := gazetteer.DecodeLocalities(zr)
	if err != nil {
		tb.Fatal(err)
	}
	return locs
}

// Every one of INEGI's localities falls in its own municipality (its
// key's first five digits) on the map, but the 162 whose points lie in
// another municipality in INEGI's own polygons too, listed with the
// municipality in testdata/localities-elsewhere.tsv.
func TestLocalitiesInTheirMunicipalities(t *testing.T) {
	m := geotest.Map(t)
	locs := embeddedLocalities(t)
	if len(locs) != 50608 {
		t.Errorf("%d localities, want the 50,608 INEGI's file names and places", len(locs))
	}
	elsewhere := map[string]string{}
	raw, err := os.ReadFile(filepath.Join("testdata", "localities-elsewhere.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		elsewhere[f[0]] = f[2]
	}
	found := 0
	for _, l := range locs {
		loc := m.Locate(geo.MexicoLCC.Forward(l.LonLat))
		got := ""
		if loc.Municipality != nil && !loc.Offshore {
			got = loc.Municipality.Code
		}
		want := l.MunicipalityKey()
		if w, ok := elsewhere[l.Key]; ok {
			want = w
			found++
		}
		if got != want {
			t.Errorf("%s %s at %v is in %q, want %q", l.Key, l.Name, l.LonLat, got, want)
		}
	}
	if found != len(elsewhere) {
		t.Errorf("%d of the %d listed exceptions are localities of the file", found, len(elsewhere))
	}
}

// The built-in story's places stand at INEGI's municipal seats: the seat's
// coordinates, to INEGI's ten-millionth of a degree, and so in its
// municipality.
func TestStoryPlacesAreTheSeats(t *testing.T) {
	byKey := map[string]gazetteer.Locality{}
	for _, l := range embeddedLocalities(t) {
		byKey[l.Key] = l
	}
	s := geotest.BuiltInStory(t)
	for _, want := range geotest.Places {
		seat, ok := byKey[want.Locality]
		if !ok {
			t.Errorf("%s: no locality %s", want.ID, want.Locality)
			continue
		}
		p := s.PlaceByID(want.ID)
		if p == nil {
			t.Errorf("no place %s in the story", want.ID)
			continue
		}
		for i, v := range []orb.Point{p.Point, want.LonLat} {
			if math.Abs(v[0]-seat.LonLat[0]) > 1e-7 || math.Abs(v[1]-seat.LonLat[1]) > 1e-7 {
				t.Errorf("%s (%d): at %v, INEGI's seat %s %s at %v", want.ID, i, v, seat.Key, seat.Name, seat.LonLat)
			}
		}
	}
}
