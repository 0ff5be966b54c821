package storyfile_test

import (
	"strings"
	"testing"

	"sovmap/assets"
	"sovmap/geo/story"
	"sovmap/geo/storyfile"
)

func TestBuiltInStoryValidates(t *testing.T) {
	s, err := storyfile.Parse("story.geojson", assets.Story())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		state string
		items int
	}{
		"huitzilac":   {"MX-MOR", 1},
		"teuchitlan":  {"MX-JAL", 1},
		"teocaltiche": {"MX-JAL", 2},
		"coxquihui":   {"MX-VER", 1},
	}
	if len(s.Places) != len(want) {
		t.Fatalf("got %d places, want %d", len(s.Places), len(want))
	}
	for id, w := range want {
		p := s.PlaceByID(id)
		if p == nil {
			t.Errorf("place %s missing", id)
			continue
		}
		if p.State != w.state || len(p.Items) != w.items {
			t.Errorf("place %s: state %s with %d items, want %s with %d", id, p.State, len(p.Items), w.state, w.items)
		}
	}
	for _, it := range s.Items {
		if len(it.Sources) != 1 || it.Sources[0].Name.In("en") == "" {
			t.Errorf("%s has no named source", it.ID)
		}
		for _, lang := range []string{"en", "es"} {
			if it.Summary[lang] == "" || it.Title[lang] == "" {
				t.Errorf("%s has no %s title or summary", it.ID, lang)
			}
		}
	}
}

func TestTimelineOrder(t *testing.T) {
	s, err := storyfile.Parse("story.geojson", assets.Story())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range s.Items {
		got = append(got, it.ID)
	}
	want := []string{
		"homicides-context", // 2023: the year, before 2025's days
		"huitzilac-shooting", "teuchitlan-ranch", "coxquihui-candidate", "teocaltiche-police-chief",
		"troops-call", "teocaltiche-council-secretary", "wsj-report", "sheinbaum-rejects",
		"nsc-statement", "cartels-designated", "sovereignty-reform",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("timeline order\n got %v\nwant %v", got, want)
	}
	seenUndated := false
	for _, it := range s.Items {
		if !it.Date.Dated() {
			seenUndated = true
		} else if seenUndated {
			t.Errorf("dated item %s after an undated one", it.ID)
		}
	}
}

func TestDateFormat(t *testing.T) {
	tests := []struct {
		iso  string
		prec story.Precision
		en   string
		es   string
	}{
		{"2025-01-13", story.Day, "13 Jan 2025", "13 ene 2025"},
		{"2025-04-14", story.Approximate, "c. 14 Apr 2025", "aprox. 14 abr 2025"},
		{"2025-04", story.Month, "Apr 2025", "abr 2025"},
		{"", story.Undated, "Undated", "Sin fecha"},
	}
	for _, tt := range tests {
		t.Run(tt.en, func(t *testing.T) {
			doc := strings.Replace(minimal, `"date": "2025-01-13", "date_precision": "day"`,
				`"date": "`+tt.iso+`", "date_precision": "`+string(tt.prec)+`"`, 1)
			if tt.iso == "" {
				doc = strings.Replace(doc, `"date": "", `, ``, 1)
			}
			s, err := storyfile.Parse("t.geojson", []byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			d := s.Items[0].Date
			if got := d.Format("en"); got != tt.en {
				t.Errorf("en: got %q, want %q", got, tt.en)
			}
			if got := d.Format("es"); got != tt.es {
				t.Errorf("es: got %q, want %q", got, tt.es)
			}
			if got := d.ISO(); got != tt.iso {
				t.Errorf("ISO: got %q, want %q", got, tt.iso)
			}
		})
	}
}

const minimal = `{"type": "FeatureCollection",
 "sources": [{"id": "src", "name": "A source"}],
 "features": [{"type": "Feature", "id": "a",
   "geometry": {"type": "Point", "coordinates": [-99.2, 19.0]},
   "properties": {"kind": "incident", "place": "p", "place_name": "P", "state": "MX-MOR",
     "location_precision": "town", "date": "2025-01-13", "date_precision": "day",
     "title": "T", "summary": "S", "source": "src"}}]}`

func TestParseErrors(t *testing.T) {
	edit := func(old, new string) string {
		if !strings.Contains(minimal, old) {
			panic("test edit does not apply: " + old)
		}
		return strings.Replace(minimal, old, new, 1)
	}
	tests := []struct {
		name, doc, want string
	}{
		{"empty", "  ", "bad.geojson: file is empty"},
		{"not json", "{nope", "not valid JSON"},
		{"not utf8", "{\"title\": \"\xff\"}", "not UTF-8 text"},
		{"wrong type", edit(`"FeatureCollection"`, `"Feature"`), `type is "Feature"`},
		{"missing id", edit(`"id": "a",`, ``), "feature 1: missing id"},
		{"impossible date", edit(`2025-01-13`, `2025-02-30`), `item "a": date "2025-02-30" is not a real day`},
		{"unknown precision", edit(`"date_precision": "day"`, `"date_precision": "fortnight"`), `item "a": unknown date precision "fortnight"`},
		{"month with day", edit(`"date_precision": "day"`, `"date_precision": "month"`), `is not a month`},
		{"unknown kind", edit(`"kind": "incident"`, `"kind": "rumour"`), `unknown kind "rumour"`},
		{"line geometry", edit(`{"type": "Point", "coordinates": [-99.2, 19.0]}`, `{"type": "LineString", "coordinates": [[-99.2, 19.0], [-99, 19]]}`), "want a Point"},
		{"out of range", edit(`[-99.2, 19.0]`, `[-99.2, 95]`), "out of range"},
		{"unknown source", edit(`"source": "src"`, `"source": "other"`), `source "other" is not in the story's sources`},
		{"no title", edit(`"title": "T",`, ``), "missing title"},
		{"bad location precision", edit(`"town"`, `"street"`), `unknown location_precision "street"`},
		{"negative killed", edit(`"source": "src"`, `"source": "src", "killed": -1`), "killed is -1"},
		{"wrong field type", edit(`"title": "T"`, `"title": 5`), "title"},
		{"no items", `{"type": "FeatureCollection", "features": []}`, "no items"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := storyfile.Parse("bad.geojson", []byte(tt.doc))
			if err == nil {
				t.Fatalf("no error, want one containing %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), "bad.geojson: ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to start with the file name and contain %q", err, tt.want)
			}
		})
	}
}

func TestDuplicateIDs(t *testing.T) {
	feature := minimal[strings.Index(minimal, `{"type": "Feature",`):strings.LastIndex(minimal, `]}`)]
	doc := strings.Replace(minimal, feature, feature+", "+feature, 1)
	_, err := storyfile.Parse("dup.geojson", []byte(doc))
	if err == nil || !strings.Contains(err.Error(), `item "a": id "a" used twice`) {
		t.Fatalf("got %v, want an id-used-twice error", err)
	}
}
