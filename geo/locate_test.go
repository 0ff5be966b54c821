package geo_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"sovmap/geo"
	"sovmap/geo/geotest"
)

func TestStoryPlacesInTheirMunicipalities(t *testing.T) {
	m := geotest.Map(t)
	for _, p := range geotest.Places {
		t.Run(p.ID, func(t *testing.T) {
			loc := m.Locate(geo.MexicoLCC.Forward(p.LonLat))
			if loc.Municipality == nil || loc.Municipality.Code != p.Municipality() || loc.State.Code != p.State || loc.Offshore {
				t.Errorf("%s at %v is in %+v, want municipality %s of %s", p.ID, p.LonLat, loc, p.Municipality(), p.State)
			}
		})
	}
}

func TestLocate(t *testing.T) {
	m := geotest.Map(t)
	tests := []struct {
		name     string
		lonLat   orb.Point
		muni     string // "" outside Mexico
		offshore bool
		country  string
	}{
		{"Guadalajara's centre", orb.Point{-103.3496, 20.6767}, "14039", false, ""},
		{"the Zócalo", orb.Point{-99.1332, 19.4326}, "09015", false, ""},
		{"Isla Mujeres' town, on its island", orb.Point{-86.7319, 21.2319}, "23003", false, ""},
		// Shapely on INEGI's own polygons says San Quintín too.
		{"Isla Guadalupe, 250 km off Baja California", orb.Point{-118.29, 29.03}, "02006", false, ""},
		// 8.5 km from Manzanillo's coast, 6.9 km from Bahía de Banderas'
		// (Nayarit) and 7.2 km from Puerto Vallarta's, by Shapely.
		{"8 km off Manzanillo", orb.Point{-104.40, 18.98}, "06007", true, ""},
		{"in the Bay of Banderas", orb.Point{-105.32, 20.62}, "18020", true, ""},
		{"60 km off Puerto Vallarta", orb.Point{-105.85, 20.62}, "", false, ""},
		{"the middle of the Gulf", orb.Point{-91, 25}, "", false, ""},
		{"El Paso", orb.Point{-106.44, 31.76}, "", false, "USA"},
		{"Guatemala City", orb.Point{-90.51, 14.64}, "", false, "GTM"},
		{"off Brownsville, nearer Texas than Mexico", orb.Point{-97.12, 26.06}, "", false, "USA"},
		{"the far side of the world", orb.Point{100, -30}, "", false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			loc := m.Locate(geo.MexicoLCC.Forward(tc.lonLat))
			got := ""
			if loc.Municipality != nil {
				got = loc.Municipality.Code
				if loc.State != loc.Municipality.State {
					t.Errorf("state %v is not the municipality's", loc.State)
				}
			}
			country := ""
			if loc.Country != nil {
				country = loc.Country.Code
			}
			if got != tc.muni || loc.Offshore != tc.offshore || country != tc.country {
				t.Errorf("%v: municipality %q offshore %v country %q, want %q %v %q", tc.lonLat, got, loc.Offshore, country, tc.muni, tc.offshore, tc.country)
			}
			if loc.InMexico() != (tc.muni != "") {
				t.Errorf("InMexico() = %v", loc.InMexico())
			}
		})
	}
	for _, tc := range tests {
		at := geo.MexicoLCC.Forward(tc.lonLat)
		if one, loc := m.LocateOne(at), m.Locate(at); one != loc {
			t.Errorf("%s: LocateOne says %+v, Locate %+v", tc.name, one, loc)
		}
	}
	for _, p := range []orb.Point{{math.NaN(), 0}, {math.Inf(1), 0}, {1e12, 1e12}} {
		if loc := m.LocateOne(p); loc != (geo.Location{}) {
			t.Errorf("LocateOne: %v is located in %+v", p, loc)
		}
		if loc := m.Locate(p); loc != (geo.Location{}) {
			t.Errorf("%v is located in %+v", p, loc)
		}
	}
}

// The ray cast answers as testing each municipality's shape does, for
// random points over the whole map and near every border.
func TestLocateMatchesTheShapes(t *testing.T) {
	m := geotest.Map(t)
	shapes := make([]orb.MultiPolygon, len(m.Municipalities))
	for i, mu := range m.Municipalities {
		shapes[i] = m.Geometry(mu, 0)
	}
	slow := func(p orb.Point) *geo.Region {
		for i, mu := range m.Municipalities {
			if mu.Bound.Contains(p) && planar.MultiPolygonContains(shapes[i], p) {
				return mu
			}
		}
		return nil
	}
	rng := rand.New(rand.NewPCG(8, 9))
	n, inside := 0, 0
	check := func(p orb.Point) {
		n++
		loc := m.Locate(p)
		if n%20 == 0 {
			if one := m.LocateOne(p); one != loc {
				t.Fatalf("at %v: LocateOne says %+v, Locate %+v", p, one, loc)
			}
		}
		want := slow(p)
		got := loc.Municipality
		if loc.Offshore {
			got = nil
		}
		if want != got {
			t.Fatalf("at %v (%v): the ray says %v, the shapes %v", p, geo.MexicoLCC.Inverse(p), name(got), name(want))
		}
		if got != nil {
			inside++
		}
	}
	b := m.Bound.Pad(100e3)
	for range 20000 {
		check(orb.Point{b.Min[0] + rng.Float64()*(b.Max[0]-b.Min[0]), b.Min[1] + rng.Float64()*(b.Max[1]-b.Min[1])})
	}
	// Points a few tens of metres from every 200th vertex of every arc.
	for _, a := range m.Arcs(0) {
		for i := 0; i < len(a); i += 200 {
			check(orb.Point{a[i][0] + rng.NormFloat64()*30, a[i][1] + rng.NormFloat64()*30})
		}
	}
	if inside < n/4 {
		t.Errorf("only %d of %d points in a municipality: the test did not test much", inside, n)
	}
}

func name(r *geo.Region) string {
	if r == nil {
		return "nothing"
	}
	return r.Code + " " + r.Name
}

// No sliver of sea opens between Mexico and its neighbours: just off
// every stretch of the land border lie a municipality on one side and
// the neighbour on the other.
func TestNoSliverAlongTheBorder(t *testing.T) {
	m := geotest.Map(t)
	arcs := m.Arcs(0)
	checked := 0
	for _, i := range m.ArcsOf(geo.NationalBorder) {
		left, right := m.ArcSides(i)
		a := arcs[i]
		for s := 0; s+1 < len(a); s += 5 {
			p, q := a[s], a[s+1]
			d := math.Hypot(q[0]-p[0], q[1]-p[1])
			if d < 5 {
				continue
			}
			mid := orb.Point{(p[0] + q[0]) / 2, (p[1] + q[1]) / 2}
			// 2 m to the left and to the right of the segment.
			nx, ny := -(q[1]-p[1])/d*2, (q[0]-p[0])/d*2
			for k, side := range [2]*geo.Region{left, right} {
				sign := 1.0
				if k == 1 {
					sign = -1
				}
				at := orb.Point{mid[0] + sign*nx, mid[1] + sign*ny}
				loc := m.Locate(at)
				got := loc.Municipality
				if side.Kind == geo.Country {
					got = loc.Country
				}
				if got != side {
					t.Errorf("2 m off the border at %v: %+v, want %s", geo.MexicoLCC.Inverse(at), loc, name(side))
				}
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Errorf("checked the border at only %d places", checked)
	}
}

func BenchmarkLocate(b *testing.B) {
	m := geotest.Map(b)
	rng := rand.New(rand.NewPCG(1, 1))
	pts := make([]orb.Point, 4096)
	for i := range pts {
		pts[i] = orb.Point{m.Bound.Min[0] + rng.Float64()*(m.Bound.Max[0]-m.Bound.Min[0]), m.Bound.Min[1] + rng.Float64()*(m.Bound.Max[1]-m.Bound.Min[1])}
	}
	m.Locate(pts[0])
	i := 0
	for b.Loop() {
		m.Locate(pts[i%len(pts)])
		i++
	}
}

// BenchmarkLocatorBuild is the index's first use, on the full map.
func BenchmarkLocatorBuild(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		m, err := geo.LoadMap(assetsMap(), 0)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		m.Locate(m.Bound.Center())
	}
}

func BenchmarkLocateOne(b *testing.B) {
	m := geotest.Map(b)
	p := geo.MexicoLCC.Forward(orb.Point{-103.8491667, 20.6852778})
	for b.Loop() {
		m.LocateOne(p)
	}
}
