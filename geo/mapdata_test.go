package geo_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"sovmap/geo"
	"sovmap/geo/geotest"

	"github.com/paulmach/orb"
)

func TestAllStatesPresent(t *testing.T) {
	m := geotest.Map(t)
	want := map[string]string{
		"MX-AGU": "Aguascalientes", "MX-BCN": "Baja California", "MX-BCS": "Baja California Sur",
		"MX-CAM": "Campeche", "MX-CHH": "Chihuahua", "MX-CHP": "Chiapas", "MX-CMX": "Ciudad de México",
		"MX-COA": "Coahuila", "MX-COL": "Colima", "MX-DUR": "Durango", "MX-GRO": "Guerrero",
		"MX-GUA": "Guanajuato", "MX-HID": "Hidalgo", "MX-JAL": "Jalisco", "MX-MEX": "Estado de México",
		"MX-MIC": "Michoacán", "MX-MOR": "Morelos", "MX-NAY": "Nayarit", "MX-NLE": "Nuevo León",
		"MX-OAX": "Oaxaca", "MX-PUE": "Puebla", "MX-QUE": "Querétaro", "MX-ROO": "Quintana Roo",
		"MX-SIN": "Sinaloa", "MX-SLP": "San Luis Potosí", "MX-SON": "Sonora", "MX-TAB": "Tabasco",
		"MX-TAM": "Tamaulipas", "MX-TLA": "Tlaxcala", "MX-VER": "Veracruz", "MX-YUC": "Yucatán",
		"MX-ZAC": "Zacatecas",
	}
	if len(m.States) != 32 {
		t.Errorf("got %d states, want 32", len(m.States))
	}
	for code, name := range want {
		s := m.StateByCode(code)
		if s == nil {
			t.Errorf("state %s (%s) missing", code, name)
			continue
		}
		if s.Name != name {
			t.Errorf("%s is named %q, want %q", code, s.Name, name)
		}
		for lvl := range m.Tolerances {
			if lvl < 4 && len(s.Shape(lvl)) == 0 {
				t.Errorf("%s has no shape at level %d", code, lvl)
			}
		}
	}
	for _, gone := range []string{"MX-DIF", "MX-X01~"} {
		if m.StateByCode(gone) != nil {
			t.Errorf("%s should not be a state", gone)
		}
	}
	for _, c := range []string{"USA", "GTM", "BLZ"} {
		found := false
		for _, r := range m.Countries {
			found = found || r.Code == c
		}
		if !found {
			t.Errorf("neighbour %s missing", c)
		}
	}
}

func TestPlacesInsideTheirStates(t *testing.T) {
	m := geotest.Map(t)
	for _, p := range geotest.Places {
		t.Run(p.ID, func(t *testing.T) {
			got := m.StateAt(geo.MexicoLCC.Forward(p.LonLat))
			if got == nil || got.Code != p.State {
				t.Errorf("%s at %v lies in %v, want %s", p.ID, p.LonLat, got, p.State)
			}
		})
	}
}

func TestLevelOfDetail(t *testing.T) {
	m := geotest.Map(t)
	tests := []struct {
		res  float64
		want int
	}{
		{20, 0},   // streets: full detail
		{250, 1},  // tolerance 125 m is half a pixel
		{1000, 3}, // 500 m
		{2000, 4}, // whole country at 1920x1080
		{1e6, len(m.Tolerances) - 1},
	}
	for _, tt := range tests {
		if got := m.Level(tt.res); got != tt.want {
			t.Errorf("Level(%v) = %d, want %d", tt.res, got, tt.want)
		}
		if tol := m.Tolerances[m.Level(tt.res)]; tol > tt.res/2 {
			t.Errorf("at %v m/px the chosen tolerance %v exceeds half a pixel", tt.res, tol)
		}
	}
}

func TestLoadMapErrors(t *testing.T) {
	_, err := geo.LoadMap(emptyFS{}, geo.MexicoLCC)
	if err == nil {
		t.Fatal("loading an empty folder gave no error")
	}
}

func TestLoadMapLevels(t *testing.T) {
	quick, err := geo.LoadMapLevels(assetsMap(), geo.MexicoLCC, 4)
	if err != nil {
		t.Fatal(err)
	}
	full := geotest.Map(t)
	if len(quick.Tolerances) != 1 || quick.Tolerances[0] != full.Tolerances[4] {
		t.Errorf("quick map tolerances %v, want [%v]", quick.Tolerances, full.Tolerances[4])
	}
	if len(quick.States) != 32 {
		t.Errorf("quick map has %d states", len(quick.States))
	}
	for _, p := range geotest.Places {
		if s := quick.StateAt(geo.MexicoLCC.Forward(p.LonLat)); s == nil || s.Code != p.State {
			t.Errorf("quick map puts %s in %v, want %s", p.ID, s, p.State)
		}
	}
	for _, bad := range [][]int{{99}, {3, 2}, {-1}} {
		if _, err := geo.LoadMapLevels(assetsMap(), geo.MexicoLCC, bad...); err == nil {
			t.Errorf("levels %v gave no error", bad)
		}
	}
}

func BenchmarkLoadMap(b *testing.B) {
	for b.Loop() {
		if _, err := geo.LoadMap(assetsMap(), geo.MexicoLCC); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadMapQuick loads the one coarse level the window starts with.
func BenchmarkLoadMapQuick(b *testing.B) {
	for b.Loop() {
		if _, err := geo.LoadMapLevels(assetsMap(), geo.MexicoLCC, 4); err != nil {
			b.Fatal(err)
		}
	}
}

// The state index answers as testing every state's full shape does, for
// points all over the map (near every border among them) and far off it.
func TestStateIndexMatchesTheShapes(t *testing.T) {
	m := geotest.Map(t)
	rng := rand.New(rand.NewPCG(8, 9))
	b := m.Bound.Pad(100e3)
	slow := func(p orb.Point) *geo.Region {
		for _, s := range m.States {
			if s.Contains(p) {
				return s
			}
		}
		return nil
	}
	n, inside := 0, 0
	check := func(p orb.Point) {
		n++
		want, got := slow(p), m.StateAt(p)
		if want != got {
			t.Fatalf("at %v: index says %v, the shapes %v", p, got, want)
		}
		if got != nil {
			inside++
		}
	}
	for i := 0; i < 100000; i++ {
		check(orb.Point{b.Min[0] + rng.Float64()*(b.Max[0]-b.Min[0]), b.Min[1] + rng.Float64()*(b.Max[1]-b.Min[1])})
	}
	// Points a few hundred metres from every 50th vertex of every border.
	for _, s := range m.States {
		for _, poly := range s.Shape(0) {
			for _, ring := range poly {
				for i := 0; i < len(ring); i += 50 {
					check(orb.Point{ring[i][0] + rng.NormFloat64()*300, ring[i][1] + rng.NormFloat64()*300})
				}
			}
		}
	}
	check(orb.Point{1e12, 1e12})
	check(orb.Point{math.NaN(), 0})
	if inside < n/4 {
		t.Errorf("only %d of %d points in a state: the test did not test much", inside, n)
	}
}

func BenchmarkStateAt(b *testing.B) {
	m := geotest.Map(b)
	rng := rand.New(rand.NewPCG(1, 1))
	pts := make([]orb.Point, 4096)
	for i := range pts {
		pts[i] = orb.Point{m.Bound.Min[0] + rng.Float64()*(m.Bound.Max[0]-m.Bound.Min[0]), m.Bound.Min[1] + rng.Float64()*(m.Bound.Max[1]-m.Bound.Min[1])}
	}
	m.StateAt(pts[0])
	i := 0
	for b.Loop() {
		m.StateAt(pts[i%len(pts)])
		i++
	}
}
