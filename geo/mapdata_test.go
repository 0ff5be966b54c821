package geo_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"sovmap/geo"
	"sovmap/geo/geotest"
)

func TestStatesAndMunicipalities(t *testing.T) {
	m := geotest.Map(t)
	want := map[string]string{
		"MX-AGU": "Aguascalientes", "MX-BCN": "Baja California", "MX-BCS": "Baja California Sur",
		"MX-CAM": "Campeche", "MX-CHH": "Chihuahua", "MX-CHP": "Chiapas", "MX-CMX": "Ciudad de México",
		"MX-COA": "Coahuila de Zaragoza", "MX-COL": "Colima", "MX-DUR": "Durango", "MX-GRO": "Guerrero",
		"MX-GUA": "Guanajuato", "MX-HID": "Hidalgo", "MX-JAL": "Jalisco", "MX-MEX": "Estado de México",
		"MX-MIC": "Michoacán de Ocampo", "MX-MOR": "Morelos", "MX-NAY": "Nayarit", "MX-NLE": "Nuevo León",
		"MX-OAX": "Oaxaca", "MX-PUE": "Puebla", "MX-QUE": "Querétaro", "MX-ROO": "Quintana Roo",
		"MX-SIN": "Sinaloa", "MX-SLP": "San Luis Potosí", "MX-SON": "Sonora", "MX-TAB": "Tabasco",
		"MX-TAM": "Tamaulipas", "MX-TLA": "Tlaxcala", "MX-VER": "Veracruz de Ignacio de la Llave", "MX-YUC": "Yucatán",
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
		if m.StateByKey(s.Key) != s {
			t.Errorf("%s is not found by its key %q", code, s.Key)
		}
	}
	// The counts the INEGI folder's README checked, and Mulegé rebuilt.
	if len(m.Municipalities) != 2475 {
		t.Errorf("%d municipalities, want 2,475", len(m.Municipalities))
	}
	perState := map[string]int{}
	for _, mu := range m.Municipalities {
		if mu.State == nil || !strings.HasPrefix(mu.Code, mu.State.Key) {
			t.Errorf("municipality %s (%s) is in state %v", mu.Code, mu.Name, mu.State)
			continue
		}
		perState[mu.State.Code]++
	}
	for code, n := range map[string]int{"MX-OAX": 570, "MX-PUE": 217, "MX-VER": 212, "MX-JAL": 125, "MX-MEX": 125, "MX-CHP": 124, "MX-CMX": 16, "MX-BCN": 7, "MX-BCS": 5} {
		if perState[code] != n {
			t.Errorf("%s has %d municipalities, want %d", code, perState[code], n)
		}
	}
	if mu := m.MunicipalityByKey("03002"); mu == nil || mu.Name != "Mulegé" || mu.State.Code != "MX-BCS" {
		t.Errorf("Mulegé is %v", mu)
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

func TestLevelOfDetail(t *testing.T) {
	m := geotest.Map(t)
	tests := []struct {
		res  float64
		want int
	}{
		{1, 0},    // finer than any level: the finest
		{4, 0},    // 2 m is half a pixel
		{20, 1},   // the closest zoom: 10 m
		{250, 4},  // 80 m
		{2000, 7}, // whole country at 1920x1080: 640 m
		{1e6, len(m.Tolerances) - 1},
	}
	for _, tt := range tests {
		if got := m.Level(tt.res); got != tt.want {
			t.Errorf("Level(%v) = %d, want %d", tt.res, got, tt.want)
		}
		if lvl := m.Level(tt.res); lvl > 0 && m.Tolerances[lvl] > tt.res/2 {
			t.Errorf("at %v m/px the chosen tolerance %v exceeds half a pixel", tt.res, m.Tolerances[lvl])
		}
	}
}

func TestLoadMapErrors(t *testing.T) {
	full := fstest.MapFS{}
	fs.WalkDir(assetsMap(), ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			raw, _ := fs.ReadFile(assetsMap(), path)
			full[path] = &fstest.MapFile{Data: raw}
		}
		return nil
	})
	without := func(name string) fstest.MapFS {
		c := fstest.MapFS{}
		for k, v := range full {
			if k != name {
				c[k] = v
			}
		}
		return c
	}
	corrupt := func(name string, data []byte) fstest.MapFS {
		c := without(name)
		c[name] = &fstest.MapFile{Data: data}
		return c
	}
	tests := []struct {
		name string
		fsys fs.FS
		want string
	}{
		{"an empty folder", fstest.MapFS{}, geo.ManifestFile},
		{"no shapes", without(geo.ShapesFile), geo.ShapesFile},
		{"a level missing", without(geo.LevelFile(3)), geo.LevelFile(3)},
		{"a level that is not one", corrupt(geo.LevelFile(2), []byte("not a level")), geo.LevelFile(2)},
		{"a manifest that is not gzip", corrupt(geo.ManifestFile, []byte("{}")), geo.ManifestFile},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := geo.LoadMap(tc.fsys, 0)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one naming %s", err, tc.want)
			}
		})
	}
	if _, err := geo.LoadMap(full, 0); err != nil {
		t.Errorf("the copied folder itself does not load: %v", err)
	}
	for _, bad := range []int{-1, 99} {
		if _, err := geo.LoadMap(assetsMap(), bad); err == nil {
			t.Errorf("level %d gave no error", bad)
		}
	}
}

func TestLoadCoarseLevels(t *testing.T) {
	full := geotest.Map(t)
	n, err := geo.Levels(assetsMap())
	if err != nil {
		t.Fatal(err)
	}
	quick, err := geo.LoadMap(assetsMap(), geo.QuickLevel)
	if err != nil {
		t.Fatal(err)
	}
	if len(quick.Tolerances) != n-geo.QuickLevel || quick.Tolerances[0] != full.Tolerances[geo.QuickLevel] {
		t.Errorf("quick map tolerances %v, want the full map's from level %d: %v", quick.Tolerances, geo.QuickLevel, full.Tolerances)
	}
	if len(quick.States) != 32 || len(quick.Municipalities) != 2475 {
		t.Errorf("quick map has %d states and %d municipalities", len(quick.States), len(quick.Municipalities))
	}
	for _, p := range geotest.Places {
		if s := quick.StateAt(geo.MexicoLCC.Forward(p.LonLat)); s == nil || s.Code != p.State {
			t.Errorf("quick map puts %s in %v, want %s", p.ID, s, p.State)
		}
	}
}

func TestEmbeddedSize(t *testing.T) {
	total := 0
	fs.WalkDir(assetsMap(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if info.Size() >= 3<<20 {
			t.Errorf("%s is %d bytes, over 3 MiB", path, info.Size())
		}
		total += int(info.Size())
		return nil
	})
	if total >= 8e6 {
		t.Errorf("the embedded geography is %d bytes, over 8 MB", total)
	}
}

func BenchmarkLoadMap(b *testing.B) {
	for b.Loop() {
		if _, err := geo.LoadMap(assetsMap(), 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadMapQuick loads the coarse levels the window starts with.
func BenchmarkLoadMapQuick(b *testing.B) {
	for b.Loop() {
		if _, err := geo.LoadMap(assetsMap(), geo.QuickLevel); err != nil {
			b.Fatal(err)
		}
	}
}
