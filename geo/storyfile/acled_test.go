package storyfile_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"sovmap/assets"
	"sovmap/geo/story"
	"sovmap/geo/storyfile"
)

func TestParseACLED(t *testing.T) {
	s, err := storyfile.ReadFile(filepath.Join("testdata", "acled-sample.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Items) != 7 {
		t.Fatalf("%d items, want 7", len(s.Items))
	}
	tests := []struct {
		id, date, place, precision string
		killed                     int
	}{
		{"MEX1001", "13 Jan 2025", "Huitzilac", "town", 5},
		{"MEX1002", "c. 14 Apr 2025", "Teocaltiche", "town", 1},
		{"MEX1004", "Apr 2025", "Coxquihui", "municipality", 1},
		{"MEX1005", "5 Mar 2025", "Teuchitlan", "region", 0},
		{"MEX1006", "10 Feb 2025", "", "", -1},
		{"USA2001", "11 Feb 2025", "El Paso", "town", 0},
	}
	for _, tt := range tests {
		it := s.ItemByID(tt.id)
		if it == nil {
			t.Errorf("%s missing", tt.id)
			continue
		}
		if got := it.Date.Format("en"); got != tt.date {
			t.Errorf("%s date %q, want %q", tt.id, got, tt.date)
		}
		name := ""
		if it.Place != nil {
			name = it.Place.Name
		}
		if name != tt.place || it.LocationPrecision != tt.precision {
			t.Errorf("%s at %q (%s), want %q (%s)", tt.id, name, it.LocationPrecision, tt.place, tt.precision)
		}
		if (tt.killed >= 0) != it.KilledOK || (it.KilledOK && it.Killed != tt.killed) {
			t.Errorf("%s killed %d (%v), want %d", tt.id, it.Killed, it.KilledOK, tt.killed)
		}
	}
	if p := s.PlaceByID("teocaltiche-jalisco"); p == nil || len(p.Items) != 2 {
		t.Errorf("Teocaltiche's two rows should share one place: %+v", p)
	}
	if it := s.ItemByID("MEX1002"); it.Summary.In("en") != "Violence against civilians: Attack" || it.Actor != "Unidentified Armed Group (Mexico) / Police Forces of Mexico (2024-)" {
		t.Errorf("MEX1002 summary %q actor %q", it.Summary.In("en"), it.Actor)
	}
	if len(s.Sources) != 2 || s.Sources[0].ID != "synthetic-wire" {
		t.Errorf("sources %+v", s.Sources)
	}
}

func TestACLEDErrors(t *testing.T) {
	header := strings.Join(storyfile.ACLEDColumns, ",") + "\n"
	row := "E1,2025-01-13,1,Battles,Armed clash,A,B,Jalisco,X,Y,20.5,-103.5,1,S,notes,2\n"
	tests := []struct {
		name, data, want string
	}{
		{"empty", "", "bad.csv: file is empty"},
		{"not acled", "a,b\n1,2\n", "no event_id_cnty column"},
		{"header only", header, "no events"},
		{"bad date", header + strings.Replace(row, "2025-01-13", "2025-13-01", 1), `line 2: event E1: event_date "2025-13-01" is not a date`},
		{"bad precision", header + strings.Replace(row, ",1,Battles", ",7,Battles", 1), `time_precision "7"`},
		{"bad latitude", header + strings.Replace(row, "20.5", "north", 1), "are not numbers"},
		{"out of range", header + strings.Replace(row, "20.5", "120.5", 1), "out of range"},
		{"bad fatalities", header + strings.Replace(row, ",2\n", ",-2\n", 1), `fatalities "-2"`},
		{"duplicate", header + row + row, `line 3: event "E1" appears twice`},
		{"ragged", header + "E1,2025-01-13\n", "line 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := storyfile.ParseACLED("bad.csv", []byte(tt.data))
			if err == nil || !strings.HasPrefix(err.Error(), "bad.csv: ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// Opening an exported story gives back exactly the same story.
func TestRoundTripGeoJSON(t *testing.T) {
	for _, name := range []string{"built-in", "acled"} {
		t.Run(name, func(t *testing.T) {
			var s *story.Story
			var err error
			if name == "built-in" {
				s, err = storyfile.Parse("story.geojson", assets.Story())
			} else {
				s, err = storyfile.ReadFile(filepath.Join("testdata", "acled-sample.csv"))
			}
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := storyfile.WriteGeoJSON(&buf, s); err != nil {
				t.Fatal(err)
			}
			back, err := storyfile.Parse("story.geojson", buf.Bytes())
			if err != nil {
				t.Fatalf("the exported file does not open: %v", err)
			}
			if !reflect.DeepEqual(s, back) {
				t.Errorf("the story changed on the way through GeoJSON")
			}
		})
	}
}

func TestRoundTripACLED(t *testing.T) {
	path := filepath.Join("testdata", "acled-sample.csv")
	s, err := storyfile.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), filepath.Base(path)) // same name: the title comes from it
	var buf bytes.Buffer
	if err := storyfile.WriteACLED(&buf, s); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	back, err := storyfile.ReadFile(out)
	if err != nil {
		t.Fatalf("the exported CSV does not open: %v", err)
	}
	if !reflect.DeepEqual(s, back) {
		t.Errorf("the story changed on the way through CSV:\n%s", buf.String())
	}
}
