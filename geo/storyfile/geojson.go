package storyfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"unicode/utf8"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"sovmap/geo/story"
)

// MaxFileSize is the largest story file Parse accepts.
const MaxFileSize = 32 << 20

// The file's JSON shape, for reading and writing alike.
type fileCollection struct {
	Type        string          `json:"type"`
	Title       story.Text      `json:"title,omitempty"`
	Description story.Text      `json:"description,omitempty"`
	Sources     []*story.Source `json:"sources"`
	Features    []fileFeature   `json:"features"`
}

type fileFeature struct {
	Type       string            `json:"type"`
	ID         any               `json:"id"`
	Geometry   *geojson.Geometry `json:"geometry"`
	Properties fileProperties    `json:"properties"`
}

type fileProperties struct {
	Kind              story.Kind      `json:"kind"`
	Side              story.Side      `json:"side,omitempty"`
	Place             string          `json:"place,omitempty"`
	PlaceName         string          `json:"place_name,omitempty"`
	State             string          `json:"state,omitempty"`
	Municipality      string          `json:"municipality,omitempty"`
	Actor             string          `json:"actor,omitempty"`
	Category          story.Text      `json:"category,omitempty"`
	SourceURL         string          `json:"source_url,omitempty"`
	LocationPrecision string          `json:"location_precision,omitempty"`
	LocationNote      story.Text      `json:"location_note,omitempty"`
	Date              string          `json:"date,omitempty"`
	DatePrecision     story.Precision `json:"date_precision"`
	DateNote          story.Text      `json:"date_note,omitempty"`
	Title             story.Text      `json:"title"`
	Summary           story.Text      `json:"summary"`
	Victims           story.Text      `json:"victims,omitempty"`
	Killed            *float64        `json:"killed,omitempty"`
	Source            string          `json:"source"`
}

// Parse reads and validates a story file's contents. name is the file's name
// and starts every error message, which also names the item and the problem.
func Parse(name string, data []byte) (*story.Story, error) {
	fail := func(format string, args ...any) error {
		return fmt.Errorf("%s: "+format, append([]any{name}, args...)...)
	}
	if err := checkText(name, data); err != nil {
		return nil, err
	}
	var fc fileCollection
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&fc); err != nil {
		return nil, fail("not a valid story: %s", jsonProblem(err))
	}
	if fc.Type != "FeatureCollection" {
		return nil, fail("type is %q, want \"FeatureCollection\"", fc.Type)
	}
	s := &story.Story{Title: fc.Title, Description: fc.Description}
	sources := map[string]*story.Source{}
	for i, src := range fc.Sources {
		if src == nil || src.ID == "" || src.Name.In("en") == "" {
			return nil, fail("source %d: needs an id and a name", i+1)
		}
		if sources[src.ID] != nil {
			return nil, fail("source %q: id used twice", src.ID)
		}
		sources[src.ID] = src
		s.Sources = append(s.Sources, src)
	}
	ids := map[string]bool{}
	places := map[string]*story.Place{}
	for i, f := range fc.Features {
		item, err := item(s, f, sources, places)
		if err != nil {
			label := fmt.Sprintf("feature %d", i+1)
			if id, ok := f.ID.(string); ok && id != "" {
				label = fmt.Sprintf("item %q", id)
			}
			return nil, fail("%s: %v", label, err)
		}
		if ids[item.ID] {
			return nil, fail("item %q: id used twice", item.ID)
		}
		ids[item.ID] = true
		s.Items = append(s.Items, item)
	}
	if len(s.Items) == 0 {
		return nil, fail("the story has no items")
	}
	s.Order()
	return s, nil
}

// checkText refuses what no story file can be: too large, empty, or not
// UTF-8 text.
func checkText(name string, data []byte) error {
	switch {
	case len(data) > MaxFileSize:
		return fmt.Errorf("%s: file is %d bytes; the limit is %d", name, len(data), MaxFileSize)
	case len(bytes.TrimSpace(data)) == 0:
		return fmt.Errorf("%s: file is empty", name)
	case !utf8.Valid(data):
		return fmt.Errorf("%s: file is not UTF-8 text", name)
	}
	return nil
}

func jsonProblem(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("JSON syntax error at byte %d: %v", syn.Offset, syn)
	case errors.As(err, &typ):
		return fmt.Sprintf("%s has the wrong type (%s, want %s)", typ.Field, typ.Value, typ.Type)
	}
	return err.Error()
}

func item(s *story.Story, f fileFeature, sources map[string]*story.Source, places map[string]*story.Place) (*story.Item, error) {
	id, ok := f.ID.(string)
	if !ok || id == "" {
		return nil, errors.New("missing id (a non-empty string)")
	}
	if f.Type != "Feature" {
		return nil, fmt.Errorf("type is %q, want \"Feature\"", f.Type)
	}
	p := f.Properties
	it := &story.Item{ID: id, Kind: p.Kind, Side: p.Side, DateNote: p.DateNote, Title: p.Title,
		Summary: p.Summary, Victims: p.Victims, LocationPrecision: p.LocationPrecision, LocationNote: p.LocationNote,
		Actor: p.Actor, SourceURL: p.SourceURL, Category: p.Category}
	var err error
	if it.Date, err = story.ParseDate(p.Date, p.DatePrecision); err != nil {
		return nil, err
	}
	if it.Title.In("en") == "" {
		return nil, errors.New("missing title")
	}
	if it.Summary.In("en") == "" {
		return nil, errors.New("missing summary")
	}
	if p.Killed != nil {
		k := *p.Killed
		if k < 0 || k != math.Trunc(k) || k > 1e7 {
			return nil, fmt.Errorf("killed is %v, want a whole number from 0", k)
		}
		it.Killed, it.KilledOK = int(k), true
	}
	if it.Source = sources[p.Source]; it.Source == nil {
		return nil, fmt.Errorf("source %q is not in the story's sources", p.Source)
	}
	switch it.Kind {
	case story.Incident:
		if f.Geometry == nil {
			return it, nil // no place: on the timeline only
		}
		pt, ok := f.Geometry.Coordinates.(orb.Point)
		if !ok {
			return nil, fmt.Errorf("geometry is a %s, want a Point", f.Geometry.Type)
		}
		if err := story.CheckLonLat(pt); err != nil {
			return nil, err
		}
		switch it.LocationPrecision {
		case "town", "municipality", "region":
		default:
			return nil, fmt.Errorf("unknown location_precision %q (want town, municipality or region)", it.LocationPrecision)
		}
		if it.Place, err = place(s, p, pt, places); err != nil {
			return nil, err
		}
	case story.Event:
		if f.Geometry != nil {
			return nil, errors.New("a timeline event has null geometry")
		}
	default:
		return nil, fmt.Errorf("unknown kind %q (want incident or event)", it.Kind)
	}
	return it, nil
}

// place finds or makes the item's place; all incidents at one place must
// agree on its name, state and point.
func place(s *story.Story, p fileProperties, pt orb.Point, places map[string]*story.Place) (*story.Place, error) {
	if p.Place == "" || p.PlaceName == "" {
		return nil, errors.New("an incident needs a place id and a place_name")
	}
	pl := places[p.Place]
	if pl == nil {
		pl = &story.Place{ID: p.Place, Name: p.PlaceName, State: p.State, Municipality: p.Municipality, Point: pt}
		places[p.Place] = pl
		s.Places = append(s.Places, pl)
		return pl, nil
	}
	if pl.Name != p.PlaceName || pl.State != p.State || pl.Municipality != p.Municipality || pl.Point != pt {
		return nil, fmt.Errorf("place %q differs from its earlier incidents (name, state or point)", p.Place)
	}
	return pl, nil
}
