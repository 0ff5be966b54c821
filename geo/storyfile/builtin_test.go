package storyfile_test

import (
	"strings"
	"testing"

	"sovmap/geo/geotest"
	"sovmap/geo/story"
)

// The built-in story says only what its source says: every date and its
// precision, every location's precision and every category as the report
// (../shared/story/source-article.txt) and facts.md give them. This test
// keeps them from drifting back.
func TestBuiltInStoryFacts(t *testing.T) {
	s := geotest.BuiltInStory(t)
	tests := []struct {
		id, date  string
		precision story.Precision
		side      story.Side
		place     string // place id; "" for an event
		category  string // English category of an incident
	}{
		{"huitzilac-shooting", "2025-01-13", story.Day, "", "huitzilac", "Not attributed in the report"},
		{"teuchitlan-ranch", "2025-03-05", story.Day, "", "teuchitlan", "Drug cartel (the report's word)"},
		{"teocaltiche-police-chief", "2025-04-14", story.Approximate, "", "teocaltiche", "Political violence"},
		{"teocaltiche-council-secretary", "2025-04-28", story.Day, "", "teocaltiche", "Political violence"},
		{"coxquihui-candidate", "2025-04", story.Month, "", "coxquihui", "Political violence"},
		{"troops-call", "2025-04-16", story.Day, story.SideUS, "", ""},
		{"wsj-report", "2025-05-02", story.Day, story.SidePress, "", ""},
		{"sheinbaum-rejects", "2025-05-03", story.Day, story.SideMexico, "", ""},
		{"nsc-statement", "", story.Undated, story.SideUS, "", ""},
		{"cartels-designated", "", story.Undated, story.SideUS, "", ""},
		{"sovereignty-reform", "", story.Undated, story.SideMexico, "", ""},
		{"homicides-context", "2023", story.Year, story.SideContext, "", ""},
	}
	if len(s.Items) != len(tests) {
		t.Errorf("%d items, want %d", len(s.Items), len(tests))
	}
	for _, tt := range tests {
		it := s.ItemByID(tt.id)
		if it == nil {
			t.Errorf("no item %s", tt.id)
			continue
		}
		if it.Date.ISO() != tt.date || it.Date.Precision != tt.precision {
			t.Errorf("%s: date %q (%s), want %q (%s)", tt.id, it.Date.ISO(), it.Date.Precision, tt.date, tt.precision)
		}
		if tt.place == "" {
			if it.Kind != story.Event || it.Side != tt.side || it.Place != nil {
				t.Errorf("%s: %s of side %q at %v, want an event of side %q with no place", tt.id, it.Kind, it.Side, it.Place, tt.side)
			}
			continue
		}
		if it.Kind != story.Incident || it.Place == nil || it.Place.ID != tt.place {
			t.Fatalf("%s: want an incident at %s", tt.id, tt.place)
		}
		// The report names only municipalities: the marker stands for one.
		if it.LocationPrecision != "municipality" {
			t.Errorf("%s: location precision %q, want municipality", tt.id, it.LocationPrecision)
		}
		if it.Category["en"] != tt.category || it.Category["es"] == "" {
			t.Errorf("%s: category %v, want %q in English and a Spanish one", tt.id, it.Category, tt.category)
		}
	}
	// What the report does not say, the story must not say either.
	for _, it := range s.Items {
		for lang, text := range map[string]string{
			"title en": it.Title["en"], "summary en": it.Summary["en"], "location en": it.LocationNote["en"],
			"title es": it.Title["es"], "summary es": it.Summary["es"], "location es": it.LocationNote["es"],
		} {
			for _, wrong := range []string{"White House", "Casa Blanca", "phone", "telefónica", "outside the town", "fuera del pueblo"} {
				if strings.Contains(text, wrong) {
					t.Errorf("%s %s says %q, which the report does not", it.ID, lang, wrong)
				}
			}
		}
		for _, lang := range []string{"en", "es"} {
			if it.Title[lang] == "" || it.Summary[lang] == "" {
				t.Errorf("%s has no %s title or summary", it.ID, lang)
			}
		}
	}
	checks := []struct{ id, lang, want string }{
		{"troops-call", "en", "unilateral military action"},
		{"troops-call", "en", `"We want to help Mexico because you cannot govern a country under those circumstances."`},
		{"troops-call", "en", "The Wall Street Journal"},
		{"sheinbaum-rejects", "en", "announced that she had rejected"},
		// Her words, not the writer's paraphrase in quotation marks; her
		// remarks answered the Journal; she offered collaboration, which
		// "should" rest on mutual respect; full names on first mention.
		{"sheinbaum-rejects", "en", "Claudia Sheinbaum"},
		{"sheinbaum-rejects", "en", "illegal weapons"},
		{"sheinbaum-rejects", "en", "answered The Wall Street Journal's report of 2 May"},
		{"sheinbaum-rejects", "en", "collaboration"},
		{"sheinbaum-rejects", "en", "should rest on mutual respect"},
		{"troops-call", "en", "Donald Trump"},
		{"nsc-statement", "en", "National Security Council"},
		{"nsc-statement", "en", "Mexico should step up its fight against drugs"},
		{"nsc-statement", "en", "foreign terrorist organizations"},
		{"nsc-statement", "es", "la frontera suroeste entre EE. UU. y México"},
		{"wsj-report", "es", "informa sobre la llamada"},
		{"homicides-context", "en", "About 30,000 homicides"},
		{"homicides-context", "en", "National Guard"},
		{"homicides-context", "en", "still severe"},
		{"teocaltiche-police-chief", "es", "cuando había salido con su esposa"},
		{"teocaltiche-council-secretary", "es", "mientras comía en un restaurante"},
		{"sovereignty-reform", "es", "narcotráfico"},
		{"sovereignty-reform", "es", "reforma constitucional en materia de soberanía"},
	}
	for _, c := range checks {
		it := s.ItemByID(c.id)
		text := it.Title[c.lang] + " " + it.Summary[c.lang]
		if !strings.Contains(text, c.want) {
			t.Errorf("%s (%s) lacks %q", c.id, c.lang, c.want)
		}
	}
	// The rejection was of a proposal, by the president: the headline
	// says so.
	if !strings.Contains(s.Title["en"], "proposal") || !strings.Contains(s.Title["en"], "Sheinbaum") {
		t.Errorf("the headline %q does not say the president rejected a proposal", s.Title["en"])
	}
	if d := s.Description["en"]; !strings.Contains(d, "based on a Reuters report") || strings.Contains(d, "Our own summary of a Reuters") {
		t.Errorf("the standfirst does not credit the write-up as based on Reuters: %q", d)
	}
	for _, it := range s.Items {
		for _, lang := range []string{"en", "es"} {
			if strings.Contains(it.Summary[lang], `"a key aspect`) || strings.Contains(it.Summary[lang], `"un aspecto clave`) {
				t.Errorf("%s (%s) quotes the writer's paraphrase as Sheinbaum's words", it.ID, lang)
			}
		}
	}
	if nsc := s.ItemByID("nsc-statement"); !strings.Contains(nsc.Title["es"], "Consejo de Seguridad Nacional de EE. UU.") {
		t.Errorf("the NSC statement's Spanish title %q", nsc.Title["es"])
	}
	// The title does not call it all cartel violence, in either language;
	// the credit says it is based on Reuters, in both.
	for _, lang := range []string{"en", "es"} {
		if title := strings.ToLower(s.Title[lang]); strings.Contains(title, "cartel") || strings.Contains(title, "cártel") {
			t.Errorf("title %q calls it cartel violence", s.Title[lang])
		}
		if len(s.Sources) != 1 || !strings.HasPrefix(s.Sources[0].Name[lang], "Reuters") {
			t.Errorf("sources %v: want one, Reuters, named in %s", s.Sources, lang)
		}
	}
	if s.Sources[0].Name["es"] == s.Sources[0].Name["en"] {
		t.Error("the source's name is the same in Spanish as in English")
	}
}
