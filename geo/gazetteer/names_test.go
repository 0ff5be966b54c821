package gazetteer_test

import (
	"testing"

	"sovmap/geo/gazetteer"
	"sovmap/geo/geotest"
)

// Files name states and municipalities in many ways: ACLED in English
// and without accents, UCDP with "state" and "municipality" after them,
// spreadsheets with INEGI's full names. Each finds its area, with the
// precision that leaves, and whatever is unknown is not guessed.
func TestNamesFindPlace(t *testing.T) {
	m := geotest.Map(t)
	n := gazetteer.NewNames(m)
	tests := []struct {
		state, muni string
		code, prec  string
	}{
		{"Jalisco", "Teuchitlan", "14095", "municipality"},
		{"Jalisco state", "Teocaltiche municipality", "14091", "municipality"},
		{"Veracruz", "Coxquihui", "30050", "municipality"},
		{"Veracruz de Ignacio de la Llave", "Coxquihui", "30050", "municipality"},
		{"MORELOS", "HUITZILAC", "17009", "municipality"},
		{"Mexico City", "", "MX-CMX", "region"},
		{"Ciudad de México", "Cuauhtémoc", "09015", "municipality"},
		{"Chihuahua", "Cuauhtemoc", "08017", "municipality"}, // the same name, another state
		{"Mexico", "Ecatepec de Morelos", "15033", "municipality"},
		{"Michoacan", "Nowhere", "MX-MIC", "region"}, // a municipality not known: the state it names
		{"Atlantis", "Teuchitlan", "", ""},
		{"", "Teuchitlan", "", ""},
	}
	for _, tt := range tests {
		pt, prec, code, ok := n.FindPlace(tt.state, tt.muni)
		if code != tt.code || prec != tt.prec || ok != (tt.code != "") {
			t.Errorf("%q, %q: %s (%s), %v; want %s (%s)", tt.state, tt.muni, code, prec, ok, tt.code, tt.prec)
			continue
		}
		if !ok {
			continue
		}
		// The point lies in the area it stands for.
		loc := m.Locate(m.Proj.Forward(pt))
		if got := loc.State.Code; prec == "region" && got != code {
			t.Errorf("%q: the point is in %s", tt.state, got)
		}
		if prec == "municipality" && (loc.Municipality == nil || loc.Municipality.Code != code) {
			t.Errorf("%q, %q: the point is in %+v", tt.state, tt.muni, loc.Municipality)
		}
	}
}
