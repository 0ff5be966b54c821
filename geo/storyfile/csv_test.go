package storyfile_test

import (
	"strings"
	"testing"

	"sovmap/geo/story"
	"sovmap/geo/storyfile"
)

// Plain tables with coordinates open as QGIS's delimited-text layer would
// take them: any of its names for the coordinate columns, commas or
// semicolons (with decimal commas), names, dates and categories where
// there are columns for them, the rest as fields.
func TestReadPlainCSV(t *testing.T) {
	tests := []struct {
		name, data string
		check      func(*testing.T, *story.Story)
	}{
		{"lat/lon with a name and a date", "id,name,lat,lon,date,crowd\nz1,Zócalo,19.4326,-99.1332,2025-01-13,5000\n",
			func(t *testing.T, s *story.Story) {
				it := s.ItemByID("z1")
				if it.Title.In("en") != "Zócalo" || it.Date.ISO() != "2025-01-13" || it.Place.Point[1] != 19.4326 {
					t.Errorf("%+v", it)
				}
				if len(it.Fields) != 1 || it.Fields[0] != (story.Field{Name: "crowd", Value: "5000"}) {
					t.Errorf("fields %v", it.Fields)
				}
			}},
		{"x/y, no name, no date", "X,Y\n-99.1,19.4\n",
			func(t *testing.T, s *story.Story) {
				it := s.Items[0]
				if it.Title.In("en") != "Row 1" || it.Date.Dated() || it.Place == nil {
					t.Errorf("%+v", it)
				}
			}},
		{"semicolons and decimal commas", "nombre;latitud;longitud;fecha;tipo\nZócalo;19,4326;-99,1332;13/01/2025;Protesta\n",
			func(t *testing.T, s *story.Story) {
				it := s.Items[0]
				if it.Place.Point != [2]float64{-99.1332, 19.4326} || it.Date.ISO() != "2025-01-13" || it.Category.In("en") != "Protesta" {
					t.Errorf("%+v at %v", it, it.Place.Point)
				}
			}},
		{"Windows-1252, as Excel saves on Windows", "name,lat,lng\nQuer\xe9taro,20.59,-100.39\n",
			func(t *testing.T, s *story.Story) {
				if got := s.Items[0].Title.In("en"); got != "Querétaro" {
					t.Errorf("name %q", got)
				}
			}},
		{"quoted fields with commas, quotes and newlines", "name,lat,lon,notes\n\"Ciudad de México, centro\",19.43,-99.13,\"He said \"\"no\"\".\nThen left.\"\n",
			func(t *testing.T, s *story.Story) {
				it := s.Items[0]
				if it.Title.In("en") != "Ciudad de México, centro" || it.Summary.In("en") != "He said \"no\".\nThen left." {
					t.Errorf("%q / %q", it.Title.In("en"), it.Summary.In("en"))
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, rep, err := storyfile.ParseBytes("table.csv", []byte(tt.data), storyfile.Options{Strict: true})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Format != "CSV" {
				t.Errorf("read as %s", rep.Format)
			}
			tt.check(t, s)
		})
	}
}

// Rows with coordinates missing or malformed are never points at 0°.
func TestPlainCSVBadCoordinates(t *testing.T) {
	data := "name,lat,lon\ngood,19.4,-99.1\nno lat,,-99.1\nnull,null,-99.1\nword,north,-99\nfar,95,-99\n"
	s, rep, err := storyfile.ParseBytes("t.csv", []byte(data), storyfile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Items) != 1 || rep.Skipped != 4 {
		t.Fatalf("%d items, %d skipped; want 1 and 4: %v", len(s.Items), rep.Skipped, rep.Problems)
	}
	for i, p := range rep.Problems {
		if p.Line != i+3 {
			t.Errorf("problem %d on line %d, want %d", i, p.Line, i+3)
		}
	}
	if !strings.Contains(rep.Problems[3].Why.String(), "out of range") {
		t.Errorf("latitude 95: %q", rep.Problems[3].Why)
	}
}
