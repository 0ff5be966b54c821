package storyfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"sovmap/assets"
	"sovmap/geo/story"
)

// The shape of a feature as encoding/json writes it: what featureJSON's
// bytes are held to.
type (
	outFeature struct {
		Type       string    `json:"type"`
		ID         string    `json:"id"`
		Geometry   *outPoint `json:"geometry"`
		Properties outProps  `json:"properties"`
	}
	outPoint struct {
		Type        string     `json:"type"`
		Coordinates [2]float64 `json:"coordinates"`
	}
	outProps struct {
		Kind              story.Kind      `json:"kind"`
		Side              story.Side      `json:"side,omitempty"`
		Place             string          `json:"place,omitempty"`
		PlaceName         string          `json:"place_name,omitempty"`
		State             string          `json:"state,omitempty"`
		Municipality      string          `json:"municipality,omitempty"`
		Country           string          `json:"country,omitempty"`
		LocationPrecision string          `json:"location_precision,omitempty"`
		LocationNote      story.Text      `json:"location_note,omitempty"`
		Date              string          `json:"date,omitempty"`
		DatePrecision     story.Precision `json:"date_precision"`
		DateNote          story.Text      `json:"date_note,omitempty"`
		Category          story.Text      `json:"category,omitempty"`
		Title             story.Text      `json:"title"`
		Summary           story.Text      `json:"summary"`
		Victims           story.Text      `json:"victims,omitempty"`
		Killed            *int            `json:"killed,omitempty"`
		Actor             string          `json:"actor,omitempty"`
		SourceURL         string          `json:"source_url,omitempty"`
		Source            any             `json:"source"`
		Fields            []story.Field   `json:"fields,omitempty"`
	}
)

// outFeatureOf is an item as encoding/json writes it.
func outFeatureOf(it *story.Item) outFeature {
	p := outProps{Kind: it.Kind, Side: it.Side, LocationPrecision: it.LocationPrecision, LocationNote: it.LocationNote,
		Date: it.Date.ISO(), DatePrecision: it.Date.Precision, DateNote: it.DateNote, Category: it.Category,
		Title: it.Title, Summary: it.Summary, Victims: it.Victims, Actor: it.Actor, SourceURL: it.SourceURL, Fields: it.Fields}
	if it.KilledOK {
		k := it.Killed
		p.Killed = &k
	}
	ids := make([]string, len(it.Sources))
	for i, src := range it.Sources {
		ids[i] = src.ID
	}
	p.Source = ids
	if len(ids) == 1 {
		p.Source = ids[0]
	}
	f := outFeature{Type: "Feature", ID: it.ID, Properties: p}
	if pl := it.Place; pl != nil {
		f.Geometry = &outPoint{Type: "Point", Coordinates: [2]float64{pl.Point[0], pl.Point[1]}}
		f.Properties.Place, f.Properties.PlaceName = pl.ID, pl.Name
		f.Properties.State, f.Properties.Municipality, f.Properties.Country = pl.State, pl.Municipality, pl.Country
	}
	return f
}

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
	// What a user's file may hold that a plain story does not: every kind
	// of character JSON escapes, texts empty or in three languages, no
	// source or three, coordinates that need an exponent or are -0.
	odd := "quote \" back \\ tab \t nl \n cr \r bs \b ff \f nul \x00 us \x1f del \x7f ls \u2028 ps \u2029 bad \xff\xfe é 漢 🙂 <&>"
	srcs := []*story.Source{{ID: "a", Name: story.Text{"en": "A"}}, {ID: "b\"q", Name: story.Text{"en": "B"}}, {ID: "c", Name: story.Text{"en": "C"}}}
	awkward := &story.Story{Title: story.Text{"en": odd, "es": "ñ", "fr": "ç"}, Sources: srcs}
	for i, pt := range []orb.Point{{1e-7, -2e-9}, {-0.0, 0}, {1e21, 123456789.125}, {-99.123456789012345, 19.5}} {
		it := &story.Item{ID: fmt.Sprintf("odd-%d%s", i, odd), Kind: story.Incident, Side: story.Side(odd),
			Title: story.Text{"es": odd, "en": "x", "zz": ""}, Summary: story.Text{}, Category: story.Text{},
			Victims: story.Text{"en": odd}, DateNote: story.Text{"en": odd}, LocationNote: story.Text{"en": odd},
			Killed: i - 1, KilledOK: i != 2, Actor: odd, SourceURL: "https://x.test/?a=1&b=<2>", LocationPrecision: odd,
			Sources: srcs[:i%4], Fields: []story.Field{{Name: odd, Value: odd}, {Name: "", Value: ""}},
			Date: story.Date{Year: 2025, Month: 1 + i, Day: 2, Precision: story.Day}}
		if i < 3 {
			it.Place = &story.Place{ID: odd, Name: odd, State: odd, Municipality: odd, Country: odd, Point: pt}
		}
		awkward.Items = append(awkward.Items, it)
	}
	for _, tc := range []struct {
		name string
		s    *story.Story
	}{{"built-in", builtIn}, {"one item", one}, {"empty", &story.Story{}}, {"awkward", awkward}, {"10,000 items", big}} {
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

// A place whose coordinates are not numbers JSON can hold is an error
// naming the item, not a file JSON readers refuse.
func TestWriteGeoJSONRefusesCoordinatesJSONCannotHold(t *testing.T) {
	for _, pt := range []orb.Point{{math.NaN(), 19}, {-99, math.Inf(1)}} {
		s := &story.Story{Items: []*story.Item{{ID: "bad", Kind: story.Incident, Place: &story.Place{ID: "p", Name: "P", Point: pt}}}}
		err := WriteGeoJSON(io.Discard, s)
		if err == nil || !strings.Contains(err.Error(), `"bad"`) {
			t.Errorf("coordinates %v: %v, want an error naming the item", pt, err)
		}
	}
}
