package storyfile_test

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"sovmap/assets"
	"sovmap/geo/story"
	"sovmap/geo/storyfile"
)

// bounded runs read and fails t if one input took more than two seconds
// or allocated more than 64 times its size (and 64 MiB): the work of
// reading must stay proportional to what is read.
func bounded(t *testing.T, size int, read func()) {
	sample := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(sample)
	before := sample[0].Value.Uint64()
	start := time.Now()
	read()
	metrics.Read(sample)
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("%d bytes took %v to read", size, d)
	}
	if a := sample[0].Value.Uint64() - before; a > uint64(64*size)+64<<20 {
		t.Fatalf("%d bytes allocated %d bytes to read", size, a)
	}
}

// checkStory fails t if an accepted story breaks an invariant the rest of
// the app relies on.
func checkStory(t *testing.T, s *story.Story) {
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
		if p := it.Place; p != nil && story.CheckLonLat(p.Point) != nil {
			t.Fatalf("place %q at %v", p.ID, p.Point)
		}
		if len(it.Fields) > storyfile.MaxFields {
			t.Fatalf("%d fields", len(it.Fields))
		}
		_ = it.Date.Format("en") // never panics on an accepted date
	}
	for _, p := range s.Places {
		if len(p.Items) == 0 {
			t.Fatalf("place %q without incidents", p.ID)
		}
	}
}

// FuzzParse feeds the strict reader of Sovmap's own files arbitrary bytes:
// it must never panic or hang, every error must name the file, and every
// story it accepts must hold its invariants. Seeds: testdata/fuzz/FuzzParse
// and the cases below.
func FuzzParse(f *testing.F) {
	f.Add(assets.Story())
	f.Add([]byte(minimal))
	f.Add([]byte(`{"type":"FeatureCollection","sources":[{"id":"s","name":"S"}],"features":[{"type":"Feature","id":"e","geometry":null,"properties":{"kind":"event","date_precision":"undated","title":"T","summary":"S","source":"s"}}]}`))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","id":1}]}`))
	f.Add([]byte(`[[[[[[[[[[]]]]]]]]]]`))
	f.Add([]byte("\xff\xfe"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s *story.Story
		var err error
		bounded(t, len(data), func() { s, err = storyfile.Parse("fuzz.geojson", data) })
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.geojson: ") || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error is not one line naming the file: %v", err)
			}
			return
		}
		checkStory(t, s)
	})
}

// FuzzRead feeds the lenient reader of any story file (GeoJSON from
// elsewhere, ACLED or plain CSV) arbitrary bytes, with the same checks,
// and that the report adds up.
func FuzzRead(f *testing.F) {
	f.Add([]byte(plainGeoJSON))
	f.Add([]byte(acledVintages[0].data))
	f.Add([]byte(acledVintages[1].data))
	f.Add([]byte("lat;lon;name\n19,4;-99,1;Zócalo\n"))
	f.Add([]byte("latitude,longitude\n\"19\"\"\",-99\n"))
	// A file of each kind people open (testdata/formats).
	formats, _ := filepath.Glob(filepath.Join("testdata", "formats", "*.*"))
	for _, p := range formats {
		if data, err := os.ReadFile(p); err == nil && !strings.HasSuffix(p, ".md") {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var s *story.Story
		var rep storyfile.Report
		var err error
		bounded(t, len(data), func() { s, rep, err = storyfile.ParseBytes("fuzz", data, storyfile.Options{}) })
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz: ") || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error is not one line naming the file: %v", err)
			}
			return
		}
		checkStory(t, s)
		if rep.Items != len(s.Items) || len(rep.Problems) > rep.Skipped {
			t.Fatalf("report %+v for %d items", rep, len(s.Items))
		}
	})
}

// FuzzParseACLED: what the reader accepts as ACLED CSV writes back and
// reads again as the same items.
func FuzzParseACLED(f *testing.F) {
	f.Add([]byte(strings.Join(storyfile.ACLEDColumns, ",") + "\nE1,2025-01-13,1,Battles,Armed clash,A,B,Jalisco,X,Y,20.5,-103.5,1,S,notes,2,Mexico\n"))
	f.Add([]byte("event_id_cnty,event_date\nE1,13 January 2025\n"))
	for _, v := range acledVintages {
		f.Add([]byte(v.data))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, rep, err := storyfile.ParseBytes("fuzz.csv", data, storyfile.Options{})
		if err != nil || rep.Format != "ACLED CSV" {
			return
		}
		var buf bytes.Buffer
		if err := storyfile.WriteACLED(&buf, s); err != nil {
			t.Fatal(err)
		}
		back, _, err := storyfile.ParseBytes("fuzz.csv", buf.Bytes(), storyfile.Options{Strict: true})
		if err != nil {
			t.Fatalf("what was read does not read again after writing: %v\n%s", err, buf.String())
		}
		if len(back.Items) != len(s.Items) {
			t.Fatalf("%d items, then %d", len(s.Items), len(back.Items))
		}
	})
}
