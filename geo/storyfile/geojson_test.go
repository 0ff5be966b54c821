package storyfile_test

import (
	"strings"
	"testing"

	"sovmap/geo/story"
	"sovmap/geo/storyfile"
)

// plainGeoJSON is GeoJSON from elsewhere: points with a name and a date,
// ids of both kinds or none, properties Sovmap does not know, and features
// it cannot mark.
const plainGeoJSON = `{"type": "FeatureCollection", "features": [
 {"type": "Feature", "id": 7, "geometry": {"type": "Point", "coordinates": [-99.13, 19.43]},
  "properties": {"name": "Zócalo", "date": "2025-01-13", "crowd": 5000, "organiser": "unions", "nested": {"a": [1, 2]}}},
 {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-103.35, 20.67, 1560]},
  "properties": {"title": "Guadalajara", "date": "2025-02", "description": "A march."}},
 {"type": "Feature", "id": "line", "geometry": {"type": "LineString", "coordinates": [[-99, 19], [-98, 20]]},
  "properties": {"name": "A road"}},
 {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-98.2, 19.04]},
  "properties": {"Name": "Puebla", "event_date": "13 January 2025", "category": "Protests"}}
]}`

func TestReadPlainGeoJSON(t *testing.T) {
	s, rep, err := storyfile.ParseBytes("points.geojson", []byte(plainGeoJSON), storyfile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Format != "GeoJSON" || rep.Items != 3 || rep.Skipped != 1 {
		t.Fatalf("report %+v, want 3 GeoJSON items and the line skipped", rep)
	}
	if p := rep.Problems[0]; p.Line != 6 || p.What.String() != `item "line"` || p.Why.String() != "geometry is a LineString, want a Point" {
		t.Errorf("problem %q", p)
	}
	zocalo := s.ItemByID("7")
	if zocalo == nil || zocalo.Title.In("en") != "Zócalo" || zocalo.Date.ISO() != "2025-01-13" || zocalo.Place.Name != "Zócalo" {
		t.Fatalf("the feature with a numeric id: %+v", zocalo)
	}
	want := []story.Field{{Name: "crowd", Value: "5000"}, {Name: "nested", Value: `{"a": [1, 2]}`}, {Name: "organiser", Value: "unions"}}
	if len(zocalo.Fields) != len(want) {
		t.Fatalf("fields %v, want %v", zocalo.Fields, want)
	}
	for i := range want {
		if zocalo.Fields[i] != want[i] {
			t.Errorf("field %d is %v, want %v", i, zocalo.Fields[i], want[i])
		}
	}
	gdl := s.ItemByID("feature-2")
	if gdl == nil || gdl.Date.Format("en") != "Feb 2025" || gdl.Summary.In("en") != "A march." {
		t.Errorf("the feature with no id: %+v", gdl)
	}
	if pu := s.ItemByID("feature-4"); pu == nil || pu.Date.ISO() != "2025-01-13" || pu.Category.In("en") != "Protests" {
		t.Errorf("Puebla: %+v", pu)
	}
	if len(s.Sources) != 1 || s.Sources[0].Name.In("en") != "points.geojson" || s.Credit.In("en") != "Data: points.geojson" {
		t.Errorf("sources %v, credit %v: want the file named", s.Sources, s.Credit)
	}
}

// What a hostile or broken GeoJSON file gets: a one-line error naming the
// file and, where there is one, the line; never a point at 0°, never the
// decoder's Go type names.
func TestGeoJSONErrors(t *testing.T) {
	feature := func(geometry, props string) string {
		return `{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "a",
 "geometry": ` + geometry + `, "properties": {"title": "T"` + props + `}}]}`
	}
	point := `{"type": "Point", "coordinates": [-99, 19]}`
	tests := []struct {
		name, doc, want string
	}{
		{"no coordinates", feature(`{"type": "Point", "coordinates": []}`, ""), "coordinates [] are not [longitude, latitude]"},
		{"one coordinate", feature(`{"type": "Point", "coordinates": [-102.5]}`, ""), "are not [longitude, latitude]"},
		{"null coordinate", feature(`{"type": "Point", "coordinates": [null, 21.4]}`, ""), "are not [longitude, latitude]"},
		{"text coordinate", feature(`{"type": "Point", "coordinates": ["-99", 19]}`, ""), "are not [longitude, latitude]"},
		{"trailing garbage", feature(point, "") + ` and more`, "line 2: unexpected text after the end of the story"},
		{"second document", feature(point, "") + "\n" + feature(point, ""), "line 3: unexpected { after the end of the story"},
		{"wrong type deep down", feature(point, `, "killed": "five"`), `line 1: item "a": killed is a text, want a number`},
		{"title an array", feature(point, `, "summary": ["x"]`), "summary is a list, want a text or an object of language to text"},
		{"features an object", `{"type": "FeatureCollection", "features": {}}`, "features is not a list"},
		{"not an object", `[1, 2]`, "not a GeoJSON FeatureCollection"},
		{"cut short", `{"type": "FeatureCollection", "features": [{"type": "Feature"`, "the file ends in the middle of the story"},
		{"nested deep", `{"type": "FeatureCollection", "features": [` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `]}`, "nested more than 64 deep"},
		{"not utf-8", "{\"title\": \"M\xe9xico\"}", "not UTF-8 text"},
		{"no features", `{"type": "FeatureCollection", "features": []}`, "the story has no items"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := storyfile.ParseBytes("bad.geojson", []byte(tt.doc), storyfile.Options{Strict: true})
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "bad.geojson: ") || !strings.Contains(msg, tt.want) || strings.Contains(msg, "\n") {
				t.Errorf("error %q, want one line naming the file and saying %q", msg, tt.want)
			}
			for _, goName := range []string{"float64", "story.", "storyfile.", "json.", "[]interface"} {
				if strings.Contains(msg, goName) {
					t.Errorf("error %q shows Go's name %q", msg, goName)
				}
			}
		})
	}
}

// A file in Notepad's UTF-8 (with a byte-order mark) opens, as CSV does.
func TestGeoJSONWithByteOrderMark(t *testing.T) {
	s, _, err := storyfile.ParseBytes("bom.geojson", []byte("\ufeff"+plainGeoJSON), storyfile.Options{})
	if err != nil || len(s.Items) != 3 {
		t.Fatalf("%v", err)
	}
}

// Direction overrides and control characters are removed from every text,
// so that a name shows the same in the panel, on the map and in a file;
// right-to-left text keeps its letters. The report says so.
func TestControlCharactersRemoved(t *testing.T) {
	doc := `{"type": "FeatureCollection", "title": "A\u202etitle", "features": [{"type": "Feature",
 "geometry": {"type": "Point", "coordinates": [-99, 19]}, "properties": {"name": "ab\u202Ecd\u0007", "notes": "שלום עולם"}}]}`
	s, rep, err := storyfile.ParseBytes("rtl.geojson", []byte(doc), storyfile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	it := s.Items[0]
	if it.Title.In("en") != "abcd" || it.Place.Name != "abcd" || s.Title.In("en") != "Atitle" {
		t.Errorf("title %q, place %q, story %q", it.Title.In("en"), it.Place.Name, s.Title.In("en"))
	}
	if it.Summary.In("en") != "שלום עולם" {
		t.Errorf("the Hebrew notes: %q", it.Summary.In("en"))
	}
	if len(rep.Notes) != 1 || !strings.Contains(rep.Notes[0].String(), "direction or control characters") {
		t.Errorf("notes %v", rep.Notes)
	}
	csv := "name,lat,lon\n\"x\u202ey\",19,-99\n"
	s, _, err = storyfile.ParseBytes("rtl.csv", []byte(csv), storyfile.Options{})
	if err != nil || s.Items[0].Title.In("en") != "xy" {
		t.Errorf("CSV: %v %q", err, s.Items[0].Title.In("en"))
	}
}
