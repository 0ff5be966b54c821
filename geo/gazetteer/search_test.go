package gazetteer_test

import (
	"strings"
	"sync"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"sovmap/assets"
	"sovmap/geo/gazetteer"
	"sovmap/geo/geotest"
)

var (
	gazOnce sync.Once
	gaz     *gazetteer.Gazetteer
	gazErr  error
)

func loadGazetteer(tb testing.TB) *gazetteer.Gazetteer {
	tb.Helper()
	m := geotest.Map(tb)
	gazOnce.Do(func() { gaz, gazErr = gazetteer.Load(assets.Map(), m) })
	if gazErr != nil {
		tb.Fatal(gazErr)
	}
	return gaz
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"Teuchitlán":                      "teuchitlan",
		"  SAN   Juan-Bautista  Tuxtepec": "san juan bautista tuxtepec",
		"Ñuu Savi":                        "nuu savi",
		"Coahuila de Zaragoza":            "coahuila de zaragoza",
		"D.F.":                            "d f",
		"":                                "",
	} {
		if got := gazetteer.Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFind(t *testing.T) {
	g := loadGazetteer(t)
	// Seats of their municipality's own name are found as the municipality.
	if g.Len() < 50000 {
		t.Errorf("the gazetteer knows %d places", g.Len())
	}
	tests := []struct {
		query string
		first string // the first result's key
		kind  gazetteer.Kind
	}{
		{"teuchitlan", "14095", gazetteer.KindMunicipality},
		{"Teuchitlán", "14095", gazetteer.KindMunicipality},
		{"TEOCALTICHE", "14091", gazetteer.KindMunicipality},
		{"coxquihui", "30050", gazetteer.KindMunicipality},
		{"huitzilac", "17009", gazetteer.KindMunicipality},
		{"cdmx", "09", gazetteer.KindState},
		{"df", "09", gazetteer.KindState},
		{"ciudad de mexico", "09", gazetteer.KindState},
		{"edomex", "15", gazetteer.KindState},
		{"guadalajara", "14039", gazetteer.KindMunicipality},
		{"teocaltiche jalisco", "14091", gazetteer.KindMunicipality},
		{"mulege", "03002", gazetteer.KindMunicipality},
		{"santa rosalia mulege", "030020001", gazetteer.KindLocality},
		// The city's name is the query; the state's, INEGI's "Veracruz
		// de Ignacio de la Llave", starts with it: the city first.
		{"veracruz", "30193", gazetteer.KindMunicipality},
		{"san juan del rio", "22016", gazetteer.KindMunicipality},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			got := g.Find(tc.query, 10)
			if len(got) == 0 {
				t.Fatal("nothing found")
			}
			if got[0].Key != tc.first || got[0].Kind != tc.kind {
				t.Errorf("first %s %s %q, want %s %s", got[0].Kind, got[0].Key, got[0].Name, tc.kind, tc.first)
			}
			for _, p := range got {
				if p.State == nil || (p.Kind != gazetteer.KindState && p.Municipality == nil) {
					t.Errorf("%s %q has no state or municipality", p.Key, p.Name)
				}
			}
		})
	}
	for _, q := range []string{"", "   ", "zzzzqqq", strings.Repeat("a", 100000)} {
		if got := g.Find(q, 10); len(got) != 0 {
			t.Errorf("%.20q found %d places", q, len(got))
		}
	}
	if got := g.Find("san", 10); len(got) != 10 {
		t.Errorf("\"san\" found %d places, want the limit of 10", len(got))
	}
	// Population weighs against exactness: the first San Juan is not a
	// hamlet of that very name.
	if got := g.Find("san juan", 3); len(got) == 0 || got[0].Pop < 100000 {
		t.Errorf("\"san juan\" first found %+v", got)
	}
	if got := g.Find("veracruz", 3); len(got) < 2 || got[1].Kind != gazetteer.KindState {
		t.Errorf("\"veracruz\" does not find the state second: %+v", got)
	}
}

func BenchmarkFind(b *testing.B) {
	g := loadGazetteer(b)
	for _, q := range []string{"t", "teuchitlan", "san juan", "ciudad de mexico", "zzzz"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				g.Find(q, 10)
			}
		})
	}
}

func BenchmarkLoad(b *testing.B) {
	m := geotest.Map(b)
	for b.Loop() {
		if _, err := gazetteer.Load(assets.Map(), m); err != nil {
			b.Fatal(err)
		}
	}
}

// slowNormalize is Normalize by decomposing every letter, the way the fast
// path must agree with.
func slowNormalize(s string) string {
	var words []string
	var cur []rune
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur = append(cur, unicode.ToLower(r))
		default:
			if len(cur) > 0 {
				words = append(words, string(cur))
				cur = nil
			}
		}
	}
	if len(cur) > 0 {
		words = append(words, string(cur))
	}
	return strings.Join(words, " ")
}

func TestNormalizeAgreesWithDecomposing(t *testing.T) {
	names := []string{"Ñandú", "Œuvre", "Ġdansk", "Ærø", "İstanbul", "Ǆ", "ﬁn", "٣ 三"}
	for _, l := range embeddedLocalities(t) {
		names = append(names, l.Name)
	}
	for _, n := range names {
		if got, want := gazetteer.Normalize(n), slowNormalize(n); got != want {
			t.Errorf("Normalize(%q) = %q, decomposing gives %q", n, got, want)
		}
	}
}
