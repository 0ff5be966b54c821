package appstate_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sovmap/geo/appstate"
	"sovmap/geo/geotest"
	"sovmap/geo/story"
	"sovmap/geo/storyedit"
	"sovmap/geo/storyfile"
)

// tenThousandStory is a story file of 10,000 incidents at 10,000 places
// spread over Mexico.
func tenThousandStory() []byte {
	var b strings.Builder
	b.WriteString(`{"type":"FeatureCollection","sources":[{"id":"s","name":"Synthetic"}],"features":[`)
	for i := 0; i < 10000; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		lon, lat := -106+float64(i%100)*0.09, 17.5+float64(i/100)*0.09
		fmt.Fprintf(&b, `{"type":"Feature","id":"e%d","geometry":{"type":"Point","coordinates":[%.4f,%.4f]},"properties":{"kind":"incident","place":"p%d","place_name":"Place %d","location_precision":"town","date":"2025-%02d-%02d","date_precision":"day","title":"Incident %d","summary":"A synthetic incident.","killed":%d,"source":"s"}}`,
			i, lon, lat, i, i, 1+i%12, 1+i%28, i, i%5)
	}
	b.WriteString("]}")
	return []byte(b.String())
}

// BenchmarkOpenTenThousand opens a story of 10,000 incidents as the window
// does: parse and validate, find each place's state on the map, work out
// what shows and cluster it (goal: under 1 s).
func BenchmarkOpenTenThousand(b *testing.B) {
	m := geotest.Map(b)
	data := tenThousandStory()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		s, err := storyfile.Parse("ten-thousand.geojson", data)
		if err != nil {
			b.Fatal(err)
		}
		st := appstate.New(s, "en")
		st.SetMap(m)
		if len(st.Shown().Places) != 10000 {
			b.Fatal("lost places")
		}
	}
}

// BenchmarkOpenACLED opens a generated ACLED export of 200,000 rows (about
// 93 MB, the real column layout: a whole country's history) as the window
// does: read it, find each place's state, work out what shows and build
// the clustering index (goal: under 3 s).
func BenchmarkOpenACLED(b *testing.B) {
	m := geotest.Map(b)
	path := filepath.Join(b.TempDir(), "mexico.csv")
	if err := os.WriteFile(path, geotest.ACLEDRows(200000), 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		s, _, err := storyfile.Read(context.Background(), path, storyfile.Options{})
		if err != nil {
			b.Fatal(err)
		}
		st := appstate.New(s, "en")
		st.SetMap(m)
		if st.Shown().Placed != 200000 {
			b.Fatal("lost incidents")
		}
	}
}

// BenchmarkEditTenThousand is one edit of a 10,000-incident story as the
// window makes it: the edited document's story made (storyedit) and shown
// in place of the last (Revise: located, filtered and clustered again).
// The window runs it on the UI goroutine below 20,000 items (ui's
// bigRevision), on another above.
func BenchmarkEditTenThousand(b *testing.B) {
	m := geotest.Map(b)
	s, err := storyfile.Parse("ten-thousand.geojson", tenThousandStory())
	if err != nil {
		b.Fatal(err)
	}
	st := appstate.New(s, "en")
	st.SetMap(m)
	d := storyedit.Open(s)
	id := s.Items[5000].ID
	n := 0
	for b.Loop() {
		it := d.Item(id)
		n++
		it.Title = story.Text{"en": fmt.Sprintf("Edit %d", n)}
		if err := d.Replace(id, it); err != nil {
			b.Fatal(err)
		}
		st.Revise(d.Story(), id)
		if st.Item() == nil || st.Item().Title["en"] != it.Title["en"] {
			b.Fatal("the edit is not shown")
		}
	}
}

// BenchmarkEditTwoHundredThousand is one edit of a 200,000-row ACLED
// export, in its two parts: the edited document's story made (Story,
// sharing with the last what the edit left unchanged), and
// that story prepared to be shown (Prepare: located, filtered and
// clustered), which the window runs off the UI goroutine.
func BenchmarkEditTwoHundredThousand(b *testing.B) {
	m := geotest.Map(b)
	s, _, err := storyfile.ParseBytes("mexico.csv", geotest.ACLEDRows(200000), storyfile.Options{})
	if err != nil {
		b.Fatal(err)
	}
	d := storyedit.Open(s)
	id := s.Items[100000].ID
	b.Run("Story", func(b *testing.B) {
		for b.Loop() {
			it := d.Item(id)
			it.Title = story.Text{"en": "Edited"}
			if err := d.Replace(id, it); err != nil {
				b.Fatal(err)
			}
			rev := d.Freeze().Make()
			if len(rev.Story().Items) != len(s.Items) {
				b.Fatal("lost items")
			}
			d.Adopt(rev) // as the window does with each story it shows
		}
	})
	edited := d.Story()
	b.Run("Prepare", func(b *testing.B) {
		for b.Loop() {
			appstate.Prepare(edited, m)
		}
	})
}
