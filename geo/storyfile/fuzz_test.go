package storyfile_test

import (
	"strings"
	"testing"

	"sovmap/assets"
	"sovmap/geo/story"
	"sovmap/geo/storyfile"
)

// FuzzParse feeds the story parser arbitrary bytes: it must never panic or
// hang, every error must name the file, and every story it accepts must hold
// its invariants. Seeds: testdata/fuzz/FuzzParse and the cases below.
func FuzzParse(f *testing.F) {
	f.Add(assets.Story())
	f.Add([]byte(minimal))
	f.Add([]byte(`{"type":"FeatureCollection","sources":[{"id":"s","name":"S"}],"features":[{"type":"Feature","id":"e","geometry":null,"properties":{"kind":"event","date_precision":"undated","title":"T","summary":"S","source":"s"}}]}`))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","id":1}]}`))
	f.Add([]byte(`[[[[[[[[[[]]]]]]]]]]`))
	f.Add([]byte("\xff\xfe"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := storyfile.Parse("fuzz.geojson", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.geojson: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		ids := map[string]bool{}
		for i, it := range s.Items {
			if ids[it.ID] {
				t.Fatalf("id %q accepted twice", it.ID)
			}
			ids[it.ID] = true
			if i > 0 && it.Date.Before(s.Items[i-1].Date) {
				t.Fatalf("items out of order at %d", i)
			}
			if it.Kind == story.Event && it.Place != nil {
				t.Fatalf("event %q with a place", it.ID)
			}
			_ = it.Date.Format("en") // never panics on an accepted date
		}
		for _, p := range s.Places {
			if len(p.Items) == 0 {
				t.Fatalf("place %q without incidents", p.ID)
			}
		}
	})
}

// FuzzParseACLED: the CSV reader never panics, names the file in every
// error, and what it accepts writes back and reads again as the same items.
func FuzzParseACLED(f *testing.F) {
	f.Add([]byte(strings.Join(storyfile.ACLEDColumns, ",") + "\nE1,2025-01-13,1,Battles,Armed clash,A,B,Jalisco,X,Y,20.5,-103.5,1,S,notes,2\n"))
	f.Add([]byte("event_id_cnty,event_date\nE1,13 January 2025\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := storyfile.ParseACLED("fuzz.csv", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.csv: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		var buf strings.Builder
		if err := storyfile.WriteACLED(&buf, s); err != nil {
			t.Fatal(err)
		}
		back, err := storyfile.ParseACLED("fuzz.csv", []byte(buf.String()))
		if err != nil {
			t.Fatalf("what was read does not read again after writing: %v\n%s", err, buf.String())
		}
		if len(back.Items) != len(s.Items) {
			t.Fatalf("%d items, then %d", len(s.Items), len(back.Items))
		}
	})
}
