package storyfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"sovmap/assets"
	"sovmap/geo/story"
)

// wholeCollection is Sovmap's GeoJSON as encoding/json writes it from the
// whole collection at once: what WriteGeoJSON wrote before it streamed,
// the reference its bytes are held to.
func wholeCollection(t *testing.T, s *story.Story) []byte {
	t.Helper()
	type collection struct {
		outHead
		Features []outFeature `json:"features"`
	}
	c := collection{outHead: outHead{Type: "FeatureCollection", Sovmap: ownVersion, Title: s.Title,
		Description: s.Description, Credit: s.Credit, Sources: s.Sources, Steps: s.Steps}, Features: []outFeature{}}
	for _, it := range s.Items {
		c.Features = append(c.Features, outFeatureOf(it))
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// WriteGeoJSON writes a feature at a time, and its bytes are those of
// the whole collection encoded at once: for the built-in story (steps,
// sources, both languages, "<" and "&" left as they are), a story of one
// item, an empty one, and 10,000 items.
func TestWriteGeoJSONStreamsTheSameBytes(t *testing.T) {
	builtIn, err := Parse("built-in", assets.Story())
	if err != nil {
		t.Fatal(err)
	}
	// 10,000 items, the built-in story's again and again under new ids.
	big := &story.Story{Sources: builtIn.Sources}
	for i := range 10_000 {
		it := *builtIn.Items[i%len(builtIn.Items)]
		it.ID = fmt.Sprintf("%s-%d", it.ID, i)
		big.Items = append(big.Items, &it)
	}
	one := &story.Story{Title: story.Text{"en": "A <b> & c"}, Items: builtIn.Items[:1]}
	for _, tc := range []struct {
		name string
		s    *story.Story
	}{{"built-in", builtIn}, {"one item", one}, {"empty", &story.Story{}}, {"10,000 items", big}} {
		var got bytes.Buffer
		if err := WriteGeoJSON(&got, tc.s); err != nil {
			t.Fatal(err)
		}
		if want := wholeCollection(t, tc.s); !bytes.Equal(got.Bytes(), want) {
			i := 0
			for i < min(got.Len(), len(want)) && got.Bytes()[i] == want[i] {
				i++
			}
			t.Errorf("%s: the bytes differ from the whole collection's at %d of %d:\n%q\nwant\n%q", tc.name, i, len(want),
				got.Bytes()[max(0, i-40):min(got.Len(), i+40)], want[max(0, i-40):min(len(want), i+40)])
		}
	}

	// Streaming: 10,000 items (10 MB and more) reach the writer in chunks of the
	// buffer's size, never as one encoding of the whole file; and a writer
	// that fails stops the writing.
	w := &chunks{}
	if err := WriteGeoJSON(w, big); err != nil {
		t.Fatal(err)
	}
	if w.writes < 100 || w.largest > 128<<10 {
		t.Errorf("%d writes, the largest %d bytes: not written as it goes", w.writes, w.largest)
	}
	failing := &chunks{failAfter: 3}
	if err := WriteGeoJSON(failing, big); err == nil || failing.writes > 4 {
		t.Errorf("a failing writer: %v after %d writes", err, failing.writes)
	}
}

// chunks is a writer that counts its writes and their largest size; past
// failAfter writes (if set) it fails.
type chunks struct {
	writes, largest, failAfter int
}

func (c *chunks) Write(p []byte) (int, error) {
	c.writes++
	c.largest = max(c.largest, len(p))
	if c.failAfter > 0 && c.writes > c.failAfter {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}
