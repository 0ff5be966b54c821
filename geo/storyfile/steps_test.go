package storyfile_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"sovmap/geo/geotest"
	"sovmap/geo/storyfile"
)

// A story's narrative order is saved with it and read back; a file whose
// order names an item it does not have, or one twice, is refused with the
// file and line named.
func TestStepsRoundTrip(t *testing.T) {
	s := geotest.BuiltInStory(t)
	for _, it := range slices.Backward(s.Items) {
		s.Steps = append(s.Steps, it.ID)
	}
	var buf bytes.Buffer
	if err := storyfile.WriteGeoJSON(&buf, s); err != nil {
		t.Fatal(err)
	}
	back, _, err := storyfile.ParseBytes("story.geojson", buf.Bytes(), storyfile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(back.Steps, s.Steps) {
		t.Fatalf("steps read back as %v, want %v", back.Steps, s.Steps)
	}
	first := s.Items[0].ID
	for _, tc := range []struct{ steps, want string }{
		{`["nobody"]`, `steps: "nobody" is not an item of the story`},
		{`["` + first + `", "` + first + `"]`, `steps: "` + first + `" is told twice`},
		{`{"a": 1}`, "steps must be a list of item ids"},
	} {
		doc := strings.Replace(buf.String(), `"steps": [`, `"steps": `+tc.steps+`, "old": [`, 1)
		at := strings.Index(doc, `"steps"`)
		line := fmt.Sprintf("story.geojson: line %d: ", strings.Count(doc[:at], "\n")+1)
		if _, _, err := storyfile.ParseBytes("story.geojson", []byte(doc), storyfile.Options{}); err == nil || !strings.Contains(err.Error(), line+tc.want) {
			t.Errorf("steps %s: got %v, want %q", tc.steps, err, tc.want)
		}
	}
	// A plain GeoJSON's own "steps" member is no narrative of Sovmap's.
	plain := `{"type":"FeatureCollection","steps":3,"features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[-99,19]},"properties":{"name":"A"}}]}`
	if p, _, err := storyfile.ParseBytes("p.geojson", []byte(plain), storyfile.Options{}); err != nil || p.Steps != nil {
		t.Errorf("a plain file's steps: %v, %v", err, p)
	}
}
