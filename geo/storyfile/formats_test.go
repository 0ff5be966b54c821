package storyfile_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"sovmap/geo/appstate"
	"sovmap/geo/gazetteer"
	"sovmap/geo/geotest"
	"sovmap/geo/story"
	"sovmap/geo/storyfile"
)

// formats holds a file of each kind people were seen opening, as the
// tools that write them write them (testdata/formats/README.md says where
// each comes from).
const formats = "testdata/formats"

// readFormat reads one of the files, leniently or strictly.
func readFormat(t *testing.T, name string, strict bool) (*story.Story, storyfile.Report, error) {
	t.Helper()
	return storyfile.Read(t.Context(), filepath.Join(formats, name), storyfile.Options{Strict: strict})
}

// notes is a report's notes in one text, for looking things up in.
func notes(rep storyfile.Report) string { return noteText(rep, "\n") }

// noteText is the report's notes in English, joined by sep.
func noteText(rep storyfile.Report, sep string) string {
	var s []string
	for _, n := range rep.Notes {
		s = append(s, n.String())
	}
	return strings.Join(s, sep)
}

// Each kind of file opens with what it says: its dates, places, names and
// categories, and a note wherever reading it took a decision.
func TestFormatsOpen(t *testing.T) {
	tests := []struct {
		file   string
		format string
		check  func(*testing.T, *story.Story, storyfile.Report)
	}{
		{"usgs-greece-2024.geojson", "GeoJSON", func(t *testing.T, s *story.Story, rep storyfile.Report) {
			// USGS gives "time" in milliseconds since 1970: 1711696367809
			// is 2024-03-29 07:12:47 UTC.
			it := s.ItemByID("us7000m8q9")
			if it == nil || it.Date.ISO() != "2024-03-29" || it.Title.In("en") != "M 5.8 - 30 km NW of Filiatrá, Greece" {
				t.Fatalf("%+v", it)
			}
			if it.Place == nil || it.Place.Name != "30 km NW of Filiatrá, Greece" || it.Place.Point[0] != 21.3156 {
				t.Errorf("place %+v", it.Place)
			}
			if !strings.Contains(notes(rep), "2 dates given as time since 1970") {
				t.Errorf("notes %q", rep.Notes)
			}
		}},
		{"time-of-day.csv", "CSV", func(t *testing.T, s *story.Story, rep storyfile.Report) {
			if len(s.Items) != 2 || s.Items[0].Date.Dated() || s.Items[0].Place == nil {
				t.Fatalf("%d items, first %+v", len(s.Items), s.Items[0])
			}
			if !strings.Contains(notes(rep), `2 values in the column "time" could not be read as dates (such as "14:35")`) {
				t.Errorf("notes %q", rep.Notes)
			}
		}},
		{"dms.csv", "CSV", func(t *testing.T, s *story.Story, rep storyfile.Report) {
			z := s.Items[0].Place.Point
			if !near(z[1], 19+25.0/60+57.4/3600) || !near(z[0], -(99+7.0/60+59.5/3600)) {
				t.Errorf("Zócalo at %v", z)
			}
			if p := s.Items[1].Place.Point; !near(p[1], 19+2.0/60+36.0/3600) || !near(p[0], -(98+12.0/60+22.0/3600)) {
				t.Errorf("Puebla (O for oeste) at %v", p)
			}
			if !strings.Contains(notes(rep), "2 rows of them in degrees, minutes and seconds") {
				t.Errorf("notes %q", rep.Notes)
			}
		}},
		{"dms-and-decimal.csv", "CSV", func(t *testing.T, s *story.Story, rep storyfile.Report) {
			if p := s.Items[0].Place.Point; p != [2]float64{-99.1332, 19.4326} {
				t.Errorf("at %v, want the decimal columns' point", p)
			}
			if !strings.Contains(notes(rep), `"lat_dd" (latitude) and "lon_dd"`) {
				t.Errorf("notes %q", rep.Notes)
			}
		}},
		{"cdmx-location.csv", "CSV", func(t *testing.T, s *story.Story, rep storyfile.Report) {
			it := s.Items[0]
			if it.Place == nil || it.Place.Point != [2]float64{-99.1332, 19.4326} || it.Date.ISO() != "2025-01-13" {
				t.Errorf("%+v", it)
			}
			if !strings.Contains(notes(rep), `"location_lat" (latitude) and "location_lon"`) {
				t.Errorf("notes %q", rep.Notes)
			}
		}},
		{"cdmx-location-slash.csv", "CSV", func(t *testing.T, s *story.Story, rep storyfile.Report) {
			if it := s.Items[0]; it.Place == nil || it.Title.In("en") != "Bache" {
				t.Errorf("%+v", it)
			}
		}},
		{"null-island.csv", "CSV", func(t *testing.T, s *story.Story, rep storyfile.Report) {
			if len(s.Items) != 2 || s.Items[1].Place != nil || s.Items[1].Date.ISO() != "2025-01-14" {
				t.Fatalf("%+v", s.Items)
			}
			if !strings.Contains(notes(rep), "1 item had 0, 0 for coordinates") {
				t.Errorf("notes %q", rep.Notes)
			}
		}},
		{"month-first-late.csv", "CSV", func(t *testing.T, s *story.Story, rep storyfile.Report) {
			// 02/03/2025 is ambiguous; 12/25/2025, later, shows the file
			// writes the month first: the first is 3 February.
			if d := s.ItemByID("row-1").Date.ISO(); d != "2025-02-03" {
				t.Errorf("02/03/2025 read as %s, want 2025-02-03", d)
			}
			if !strings.Contains(notes(rep), "the file writes the month first") {
				t.Errorf("notes %q", rep.Notes)
			}
		}},
		{"excel-unicode-text.txt", "CSV", func(t *testing.T, s *story.Story, rep storyfile.Report) {
			it := s.Items[1]
			if it.Title.In("en") != "Teuchitlán" || it.Date.ISO() != "2025-03-05" || it.Place.Point != [2]float64{-103.849, 20.684} {
				t.Errorf("%+v at %v", it, it.Place)
			}
			if !strings.Contains(notes(rep), "UTF-16") {
				t.Errorf("notes %q", rep.Notes)
			}
		}},
		{"utf16-be.geojson", "GeoJSON", func(t *testing.T, s *story.Story, rep storyfile.Report) {
			if s.Items[0].Title.In("en") != "Zócalo" {
				t.Errorf("%+v", s.Items[0])
			}
		}},
		{"utf32-le.geojson", "GeoJSON", func(t *testing.T, s *story.Story, rep storyfile.Report) {
			if s.Items[0].Title.In("en") != "Zócalo" || !strings.Contains(notes(rep), "UTF-32") {
				t.Errorf("%+v; notes %q", s.Items[0], rep.Notes)
			}
		}},
		{"mymaps.kml", "KML", func(t *testing.T, s *story.Story, rep storyfile.Report) {
			checkKML(t, s, rep)
		}},
		{"google-earth.kmz", "KMZ", func(t *testing.T, s *story.Story, rep storyfile.Report) {
			checkKML(t, s, rep)
		}},
		{"osmand.gpx", "GPX", func(t *testing.T, s *story.Story, rep storyfile.Report) {
			if s.Title.In("en") != "Recorrido Huitzilac" || len(s.Items) != 2 {
				t.Fatalf("%q, %d items", s.Title.In("en"), len(s.Items))
			}
			h := s.Items[0]
			if h.Title.In("en") != "Huitzilac" || h.Summary.In("en") != "Cabecera municipal" || h.Date.ISO() != "2025-01-13" || h.Place.Point != [2]float64{-99.2672, 19.0281} {
				t.Errorf("%+v", h)
			}
		}},
		{"precision-columns.csv", "CSV", func(t *testing.T, s *story.Story, rep storyfile.Report) {
			want := map[string]string{"row-1": "c. 14 Apr 2025", "row-2": "Apr 2025", "row-3": "week of 10 Mar 2025", "row-4": "2–6 May 2025", "row-5": "2023"}
			for id, date := range want {
				if got := s.ItemByID(id).Date.Format("en"); got != date {
					t.Errorf("%s: %q, want %q", id, got, date)
				}
			}
			if p := s.ItemByID("row-1").LocationPrecision; p != "municipality" {
				t.Errorf("location precision %q", p)
			}
		}},
		{"ucdp-ged-mexico.csv", "UCDP GED CSV", func(t *testing.T, s *story.Story, rep storyfile.Report) {
			exact, month, week, year := s.ItemByID("510001"), s.ItemByID("510002"), s.ItemByID("510003"), s.ItemByID("510004")
			if exact.Date.ISO() != "2023-04-14" || exact.Date.Precision != story.Day || exact.Killed != 3 || exact.Actor != "CJNG / Sinaloa Cartel" ||
				exact.Place == nil || exact.Place.Municipality != "Teocaltiche municipality" || exact.LocationPrecision != "town" {
				t.Errorf("an exact event: %+v at %+v", exact, exact.Place)
			}
			if month.Date.Precision != story.Month || month.Date.Month != 3 || month.LocationPrecision != "municipality" {
				t.Errorf("a month, a municipality: %+v", month)
			}
			if week.Date != story.NewRange(2023, 5, 8, 2023, 5, 14) || week.Date.Format("en") != "8–14 May 2023" || week.Place != nil {
				t.Errorf("a week, the country only: %+v", week)
			}
			if year.Date != (story.Date{Year: 2023, Precision: story.Year}) || year.LocationPrecision != "region" {
				t.Errorf("a year, a state: %+v", year)
			}
			if !strings.Contains(notes(rep), "UCDP places 1 event only in a country") {
				t.Errorf("notes %q", rep.Notes)
			}
		}},
		{"acled-actor-rows.csv", "ACLED CSV", func(t *testing.T, s *story.Story, rep storyfile.Report) {
			it := s.ItemByID("MEX100")
			if len(s.Items) != 2 || it.Actor != "Unidentified Gang (Mexico) / Civilians (Mexico) / Police Forces of Mexico (2024-) Municipal Police" {
				t.Fatalf("%d items; actor %q", len(s.Items), it.Actor)
			}
			if !strings.Contains(notes(rep), "1 row repeat") {
				t.Errorf("notes %q", rep.Notes)
			}
			// The actor filter finds an event by its associated actors too.
			st := appstate.New(s, "en")
			st.SetFilter(appstate.Filter{Actor: "journalists"})
			for i, it := range st.Story().Items {
				if want := it.ID == "MEX100"; st.Shown().ShowsItem(i) != want {
					t.Errorf("the filter on an associated actor shows %s: %v", it.ID, !want)
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			s, rep, err := readFormat(t, tt.file, false)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Format != tt.format {
				t.Errorf("read as %q, want %q", rep.Format, tt.format)
			}
			tt.check(t, s, rep)
		})
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

// checkKML is what the My Maps export holds, read from KML or KMZ.
func checkKML(t *testing.T, s *story.Story, rep storyfile.Report) {
	t.Helper()
	if s.Title.In("en") != "Reportaje: Jalisco" || len(s.Items) != 2 {
		t.Fatalf("%q, %d items", s.Title.In("en"), len(s.Items))
	}
	r := s.Items[0]
	if r.Title.In("en") != "Rancho Izaguirre" || r.Category.In("en") != "Hallazgos" || r.Date.ISO() != "2025-03-05" ||
		r.Summary.In("en") != "Campo hallado por colectivos.\nFuente: nota de prensa" || r.Place.Point != [2]float64{-103.849, 20.684} {
		t.Errorf("%+v", r)
	}
	if len(r.Fields) != 1 || r.Fields[0] != (story.Field{Name: "municipio", Value: "Teuchitlán"}) {
		t.Errorf("fields %v", r.Fields)
	}
	// A time span of all April is April.
	if d := s.Items[1].Date; d.Precision != story.Month || d.Month != 4 {
		t.Errorf("Teocaltiche's span read as %+v", d)
	}
	if rep.Skipped != 1 || !strings.Contains(rep.Problems[0].Why.String(), "a line, not a point") || rep.Problems[0].Line != 22 {
		t.Errorf("%d skipped: %v", rep.Skipped, rep.Problems)
	}
}

// Files that are no story say what they are, and what to do.
func TestFormatsNamed(t *testing.T) {
	tests := []struct{ file, want string }{
		{"keplergl-map.json", "a kepler.gl map"},
		{"acled-api.json", "JSON from ACLED's API"},
		{"workbook-renamed.csv", "an Excel workbook (.xlsx)"},
		{"archive.zip", "a ZIP archive with no KML in it"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, _, err := readFormat(t, tt.file, false)
			if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "needs latitude") {
				t.Errorf("error %v, want one saying %q", err, tt.want)
			}
		})
	}
	for _, tt := range []struct{ name, data, want string }{
		{"report.pdf", "%PDF-1.7\n", "a PDF document"},
		{"data.csv.gz", "\x1f\x8b\x08\x00", "compressed with gzip"},
		{"page.csv", "<!DOCTYPE html><html><body>Not found</body></html>", "a web page"},
		{"layer.shp", "\x00\x00\x27\x0a\x00\x00", "an ESRI shapefile"},
		{"feed.xml", "<?xml version=\"1.0\"?><rss></rss>", "whose root is <rss>"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := storyfile.ParseBytes(tt.name, []byte(tt.data), storyfile.Options{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one saying %q", err, tt.want)
			}
		})
	}
}

// A quote never closed, and rows with a field too many or too few, are
// reported with their lines; reading strictly refuses the file.
func TestFormatsDamagedCSV(t *testing.T) {
	tests := []struct {
		file   string
		items  int
		lines  []int
		why    string
		strict string
	}{
		{"unclosed-quote.csv", 3, []int{5}, "never closed: the rest of the file (to line 101)", "line 5: a quote opened in this row is never closed"},
		{"field-count.csv", 1, []int{3, 4}, "fields where the header has 4", "line 3: the row has 5 fields where the header has 4"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			s, rep, err := readFormat(t, tt.file, false)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Items) != tt.items || rep.Skipped != len(tt.lines) {
				t.Fatalf("%d items, %d skipped: %v", len(s.Items), rep.Skipped, rep.Problems)
			}
			for i, line := range tt.lines {
				if p := rep.Problems[i]; p.Line != line || !strings.Contains(p.Why.String(), tt.why) && i == 0 {
					t.Errorf("problem %d: %v, want line %d saying %q", i, p, line, tt.why)
				}
			}
			if _, _, err := readFormat(t, tt.file, true); err == nil || !strings.Contains(err.Error(), tt.strict) {
				t.Errorf("strictly: %v, want %q", err, tt.strict)
			}
		})
	}
}

// A cell a spreadsheet would run as a formula is written as text.
func TestWriteACLEDFormulaSafe(t *testing.T) {
	s := &story.Story{Items: []*story.Item{{ID: "=1+1", Kind: story.Incident, Title: story.Text{"en": "@SUM(A1)"},
		Summary: story.Text{"en": `=HYPERLINK("http://example.invalid","click")`}, Actor: "-gang / +crew",
		Place: &story.Place{ID: "p", Name: "\tTab", Point: [2]float64{-99.13, 19.43}}, Date: story.Date{Precision: story.Undated}}}}
	var b bytes.Buffer
	if err := storyfile.WriteACLED(&b, s); err != nil {
		t.Fatal(err)
	}
	row := strings.Split(b.String(), "\n")[1]
	for _, want := range []string{`'=1+1`, `'@SUM(A1)`, `'-gang`, `'+crew`, `"'=HYPERLINK(""http://example.invalid"",""click"")"`, "'\tTab", ",19.43,-99.13,"} {
		if !strings.Contains(row, want) {
			t.Errorf("row %q lacks %q", row, want)
		}
	}
}

// What Sovmap's CSV export writes, Sovmap reads back: precisions ACLED's
// codes cannot say (approximate, a week, a range), and the notes.
func TestWriteACLEDRoundTrip(t *testing.T) {
	at := &story.Place{ID: "teocaltiche", Name: "Teocaltiche", State: "Jalisco", Point: [2]float64{-102.57, 21.43}}
	items := []*story.Item{
		{ID: "a", Date: story.Date{Year: 2025, Month: 4, Day: 14, Precision: story.Approximate}, DateNote: story.Text{"en": "two weeks before 28 April"}},
		{ID: "w", Date: story.Date{Year: 2025, Month: 3, Day: 10, Precision: story.Week}},
		{ID: "m", Date: story.Date{Year: 2025, Month: 4, Precision: story.Month}},
		{ID: "r", Date: story.NewRange(2025, 4, 28, 2025, 5, 3)},
		{ID: "y", Date: story.Date{Year: 2023, Precision: story.Year}},
		{ID: "u", Date: story.Date{Precision: story.Undated}},
	}
	for _, it := range items {
		it.Kind, it.Title, it.Summary, it.Place, it.LocationPrecision = story.Incident, story.Text{"en": "T " + it.ID}, story.Text{"en": "S"}, at, "municipality"
		it.LocationNote = story.Text{"en": "the report names the municipality only"}
	}
	var b bytes.Buffer
	if err := storyfile.WriteACLED(&b, &story.Story{Items: items}); err != nil {
		t.Fatal(err)
	}
	s, _, err := storyfile.ParseBytes("export.csv", b.Bytes(), storyfile.Options{Strict: true})
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	for _, want := range items {
		got := s.ItemByID(want.ID)
		if got == nil || got.Date != want.Date || got.DateNote.In("en") != want.DateNote.In("en") ||
			got.LocationPrecision != "municipality" || got.LocationNote.In("en") != want.LocationNote.In("en") {
			t.Errorf("%s: %+v, want date %+v", want.ID, got, want.Date)
		}
	}
}

// Rows with no coordinates but a municipality's or a state's names are
// placed at that area, with the precision that leaves and a note; what
// has no name Sovmap knows stays on the timeline, and the report says
// both.
func TestFormatsPlacedByNames(t *testing.T) {
	m := geotest.Map(t)
	s, rep, err := storyfile.Read(t.Context(), filepath.Join(formats, "acled-no-coordinates.csv"), storyfile.Options{Names: gazetteer.NewNames(m)})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ id, prec, muni string }{
		{"MEX200", "municipality", "14095"}, {"MEX201", "municipality", "14091"}, {"MEX202", "region", ""},
	} {
		it := s.ItemByID(tt.id)
		if it.Place == nil || it.LocationPrecision != tt.prec || !strings.Contains(it.LocationNote.In("en"), "the file gives no coordinates") {
			t.Errorf("%s: %+v", tt.id, it)
			continue
		}
		loc := m.Locate(m.Proj.Forward(it.Place.Point))
		if tt.muni != "" && (loc.Municipality == nil || loc.Municipality.Code != tt.muni) {
			t.Errorf("%s placed in %+v, want municipality %s", tt.id, loc.Municipality, tt.muni)
		}
	}
	if s.ItemByID("MEX203").Place != nil {
		t.Error("Atlantis was placed")
	}
	for _, want := range []string{"3 rows with no coordinates: placed by municipality or state name", "1 row with no coordinates and no place name"} {
		if !strings.Contains(notes(rep), want) {
			t.Errorf("notes %q lack %q", rep.Notes, want)
		}
	}
	// Without names to go by, none is placed, and the report says so.
	_, rep, err = readFormat(t, "acled-no-coordinates.csv", false)
	if err != nil || !strings.Contains(notes(rep), "4 rows with no coordinates and no place name") {
		t.Errorf("%v; notes %q", err, rep.Notes)
	}
}
