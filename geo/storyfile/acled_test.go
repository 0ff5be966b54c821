package storyfile_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"sovmap/geo/geotest"
	"sovmap/geo/story"
	"sovmap/geo/storyfile"
)

func TestReadACLEDSample(t *testing.T) {
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
		{"MEX1002", "week of 14 Apr 2025", "Teocaltiche", "town", 1},
		{"MEX1004", "Apr 2025", "Coxquihui", "nearby", 1},
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
	it := s.ItemByID("MEX1002")
	if it.Category.In("en") != "Violence against civilians" || it.Title.In("en") != "Attack" ||
		it.Actor != "Unidentified Armed Group (Mexico) / Police Forces of Mexico (2024-)" {
		t.Errorf("MEX1002: category %q, title %q, actor %q", it.Category.In("en"), it.Title.In("en"), it.Actor)
	}
	want := []story.Field{{Name: "event_type", Value: "Violence against civilians"}, {Name: "sub_event_type", Value: "Attack"},
		{Name: "actor1", Value: "Unidentified Armed Group (Mexico)"}, {Name: "actor2", Value: "Police Forces of Mexico (2024-)"}, {Name: "fatalities", Value: "1"}}
	if !reflect.DeepEqual(it.Fields, want) {
		t.Errorf("MEX1002's fields %v, want %v", it.Fields, want)
	}
	if len(s.Sources) != 2 || s.Sources[0].ID != "synthetic-wire" || s.Credit.In("en") != "Data: ACLED, acleddata.com" {
		t.Errorf("sources %+v, credit %v", s.Sources, s.Credit)
	}
}

// acledVintages are small files in the exact layouts ACLED has exported
// over the years (the real ones, in testdata/real, are not committed).
var acledVintages = []struct {
	name, data string
	items      int
	check      func(*testing.T, *story.Story)
}{
	{
		// 2015: upper-case headers, GWNO, ALLY_ACTOR, dates as
		// 01-January-2015, notes of several lines, an empty ADMIN2.
		name: "2015",
		data: "GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,EVENT_TYPE,ACTOR1,ALLY_ACTOR_1,INTER1,ACTOR2,ALLY_ACTOR_2,INTER2,INTERACTION,COUNTRY,ADMIN1,ADMIN2,ADMIN3,LOCATION,LATITUDE,LONGITUDE,GEO_PRECISION,SOURCE,NOTES,FATALITIES\n" +
			"70,1MEX,1,01-January-2015,2015,1,Riots/Protests,Rioters (Mexico),,5,,,0,50,Mexico,Jalisco,,Guadalajara,Guadalajara,20.67,-103.35,1,Synthetic,\"A first line.\nA second line.\",0\n" +
			"70,2MEX,2,12-February-2015,2015,2,Violence against civilians,Unidentified Armed Group (Mexico),,3,Civilians (Mexico),,7,37,Mexico,Morelos,Cuernavaca,,Cuernavaca,18.92,-99.23,2,Synthetic,Notes.,2\n",
		items: 2,
		check: func(t *testing.T, s *story.Story) {
			if d := s.ItemByID("1MEX").Date.Format("en"); d != "1 Jan 2015" {
				t.Errorf("01-January-2015 read as %s", d)
			}
			if it := s.ItemByID("2MEX"); it.Date.Format("en") != "week of 12 Feb 2015" || it.Summary.In("en") != "Notes." {
				t.Errorf("2MEX: %s, %q", it.Date.Format("en"), it.Summary.In("en"))
			}
		},
	},
	{
		// 2016, as pandas saves it: an unnamed index column first, the
		// columns in alphabetical order, ISO dates, an empty id column.
		name: "2016-pandas",
		data: ",actor1,actor2,admin1,admin2,admin3,ally_actor_1,ally_actor_2,country,data_id,event_date,event_id_cnty,event_id_no_cnty,event_type,fatalities,geo_precision,gwno,inter1,inter2,interaction,latitude,location,longitude,notes,source,time_precision,year\n" +
			"0,Protesters (Mexico),,Oaxaca,Oaxaca de Juarez,,,,Mexico,83522,2016-07-02,8188RTA,,Riots/Protests,0,1,70,6,0,60,17.06,Oaxaca,-96.72,Teachers marched.,Synthetic,1,2016\n",
		items: 1,
		check: func(t *testing.T, s *story.Story) {
			if it := s.ItemByID("8188RTA"); it == nil || it.Date.ISO() != "2016-07-02" || it.Place.Name != "Oaxaca" {
				t.Errorf("the pandas row: %+v", it)
			}
		},
	},
	{
		// 2020, re-saved by Excel: data_id first, 9-May-20 dates, empty
		// cells, several countries, CRLF line ends and a byte-order mark.
		name: "2020-excel",
		data: "\ufeffdata_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3\r\n" +
			"7079936,484,MEX17991,17991,9-May-20,2020,2,Violence against civilians,Attack,Unidentified Gang (Mexico),,3,Civilians (Mexico),,7,37,Central America,Mexico,Chihuahua,Cuauhtemoc,,Cuauhtemoc,28.4063,-106.866,2,Tiempo,Subnational,\"Around 9 May 2020, a man was found dead.\",1,1589232621,MEX\r\n" +
			"7079168,376,ISR1786,1786,9-May-20,2020,1,Protests,Peaceful protest,Protesters (Israel),,6,,,0,60,Middle East,Israel,Haifa,Haifa,,Haifa,32.8184,34.9885,1,Jerusalem Post,National,Interns protested.,0,1589220519,ISR\r\n",
		items: 2,
		check: func(t *testing.T, s *story.Story) {
			it := s.ItemByID("MEX17991")
			if it == nil || it.Date.Format("en") != "week of 9 May 2020" || it.Place.Country != "Mexico" {
				t.Errorf("9-May-20 in 2020: %+v", it)
			}
		},
	},
	{
		// 2022: NA for missing values, dates as 07 December 2022, source
		// lists separated by semicolons, no id for one row (data_id absent:
		// its line is its id).
		name: "2022-NA",
		data: "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n" +
			"MEX1,07 December 2022,2022,1,Political violence,Battles,Armed clash,Unidentified Armed Group (Mexico),NA,3,Police Forces of Mexico (2018-),NA,1,13,NA,484,Central America,Mexico,Guanajuato,Celaya,NA,Celaya,20.52,-100.81,2,Zona Franca; Milenio; Zona Franca,Subnational-National,Three officers died.,3,NA,1670870898\n" +
			"NA,08 December 2022,2022,1,Demonstrations,Protests,Peaceful protest,Protesters (Mexico),NA,6,NA,NA,0,60,NA,484,Central America,Mexico,Jalisco,Guadalajara,NA,Guadalajara,20.67,-103.35,1,Milenio,National,A march.,0,NA,1670870898\n",
		items: 2,
		check: func(t *testing.T, s *story.Story) {
			it := s.ItemByID("MEX1")
			if len(it.Sources) != 2 || it.Sources[0].Name.In("en") != "Zona Franca" || it.Sources[1].Name.In("en") != "Milenio" {
				t.Errorf("sources %v, want Zona Franca and Milenio once each", it.Sources)
			}
			for _, f := range it.Fields {
				if f.Value == "NA" {
					t.Errorf("field %s kept NA as a value", f.Name)
				}
			}
			if s.ItemByID("line-3") == nil {
				t.Error("the row with no id has no id from its line")
			}
		},
	},
}

func TestReadACLEDVintages(t *testing.T) {
	for _, v := range acledVintages {
		t.Run(v.name, func(t *testing.T) {
			s, rep, err := storyfile.ParseBytes(v.name+".csv", []byte(v.data), storyfile.Options{Strict: true})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Format != "ACLED CSV" || rep.Items != v.items || rep.Skipped != 0 {
				t.Errorf("report %+v, want %d ACLED items", rep, v.items)
			}
			v.check(t, s)
		})
	}
}

// One bad row is skipped and reported with the line an editor shows (a
// note of several lines counted), never the whole file refused; reading
// strictly, it is an error naming that line.
func TestACLEDBadRows(t *testing.T) {
	header := "event_id_cnty,event_date,year,time_precision,event_type,latitude,longitude,geo_precision,notes,fatalities\n"
	good := func(id string) string { return id + ",2025-01-13,2025,1,Battles,20.5,-103.5,1,fine,2\n" }
	tests := []struct {
		name, row, want string
	}{
		{"bad date", "E9,2025-13-01,2025,1,Battles,20.5,-103.5,1,x,2\n", `date "2025-13-01" is not a date`},
		{"date of another year", "E9,2024-01-13,2025,1,Battles,20.5,-103.5,1,x,2\n", "not in the row's year 2025"},
		{"bad precision", "E9,2025-01-13,2025,7,Battles,20.5,-103.5,1,x,2\n", `time_precision "7"`},
		{"latitude a word", "E9,2025-01-13,2025,1,Battles,north,-103.5,1,x,2\n", "are not both numbers"},
		{"latitude missing", "E9,2025-01-13,2025,1,Battles,,-103.5,1,x,2\n", "are not both numbers"},
		{"out of range", "E9,2025-01-13,2025,1,Battles,120.5,-103.5,1,x,2\n", "out of range"},
		{"negative fatalities", "E9,2025-01-13,2025,1,Battles,20.5,-103.5,1,x,-2\n", `fatalities "-2"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The bad row comes after a note of three lines: it starts on line 5.
			data := header + "E1,2025-01-12,2025,1,Battles,20.5,-103.5,1,\"one\ntwo\nthree\",0\n" + tt.row + good("E2")
			s, rep, err := storyfile.ParseBytes("bad.csv", []byte(data), storyfile.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Items) != 2 || rep.Skipped != 1 || len(rep.Problems) != 1 {
				t.Fatalf("%d items, report %+v; want 2 kept and 1 skipped", len(s.Items), rep)
			}
			if p := rep.Problems[0]; p.Line != 5 || !strings.Contains(p.Why.String(), tt.want) {
				t.Errorf("problem %q, want line 5: %q", p, tt.want)
			}
			if sum := rep.Summary().String(); !strings.HasPrefix(sum, "bad.csv: 2 items loaded, 1 row skipped (line 5: ") {
				t.Errorf("summary %q", sum)
			}
			_, _, err = storyfile.ParseBytes("bad.csv", []byte(data), storyfile.Options{Strict: true})
			if err == nil || !strings.HasPrefix(err.Error(), "bad.csv: line 5: ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("strict: %v", err)
			}
		})
	}
}

func TestACLEDFiles(t *testing.T) {
	header := "event_id_cnty,event_date,latitude,longitude\n"
	tests := []struct {
		name, data string
		items      int
		merged     int
		want       string // an error
	}{
		{"empty", "", 0, 0, "file is empty"},
		{"header only", header, 0, 0, "the story has no items"},
		{"every row bad", header + "E1,someday,20,-100\nE2,never,20,-100\n", 0, 0, "nothing could be used: line 2: event E1: date \"someday\""},
		{"repeated rows", header + "E1,2025-01-13,20,-100\nE1,2025-01-13,20,-100\nE2,2025-01-14,20,-100\n", 2, 1, ""},
		{"no coordinates", header + "E1,2025-01-13,,\n", 1, 0, ""},
		{"not a story", "a,b,c\n1,2,3\n", 0, 0, "not a story table: a CSV needs latitude and longitude columns"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, rep, err := storyfile.ParseBytes("f.csv", []byte(tt.data), storyfile.Options{})
			if tt.want != "" {
				if err == nil || !strings.HasPrefix(err.Error(), "f.csv: ") || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("error %v, want %q", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Items) != tt.items || rep.Merged != tt.merged {
				t.Errorf("%d items, %d merged; want %d and %d", len(s.Items), rep.Merged, tt.items, tt.merged)
			}
		})
	}
}

// Dates in every form the files above use, and the ambiguous ones: the
// year column decides a two-digit year; a date with a day over 12 tells
// the file's order of day and month.
func TestACLEDDates(t *testing.T) {
	tests := []struct {
		name  string
		dates []string // event_date, year
		want  []string
		note  string
	}{
		{"iso", []string{"2025-01-13", "2025"}, []string{"2025-01-13"}, ""},
		{"acled", []string{"13 January 2025", "2025", "07 December 2022", "2022"}, []string{"2025-01-13", "2022-12-07"}, ""},
		{"old acled", []string{"01-January-2015", "2015"}, []string{"2015-01-01"}, ""},
		{"excel", []string{"9-May-20", "2020", "9-May-99", "1999"}, []string{"2020-05-09", "1999-05-09"}, ""},
		{"day first", []string{"13/01/2025", "2025", "02/03/2025", "2025"}, []string{"2025-01-13", "2025-03-02"}, ""},
		{"month first", []string{"01/13/2025", "2025", "02/03/2025", "2025"}, []string{"2025-01-13", "2025-02-03"}, ""},
		{"ambiguous", []string{"02/03/2025", "2025"}, []string{"2025-03-02"}, "read day first"},
		{"spanish", []string{"13 de enero de 2025", "2025"}, []string{"2025-01-13"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString("event_id_cnty,event_date,year,latitude,longitude\n")
			for i := 0; i < len(tt.dates); i += 2 {
				fmt.Fprintf(&b, "E%d,%s,%s,20,-100\n", i, tt.dates[i], tt.dates[i+1])
			}
			s, rep, err := storyfile.ParseBytes("d.csv", []byte(b.String()), storyfile.Options{Strict: true})
			if err != nil {
				t.Fatal(err)
			}
			for i, want := range tt.want {
				if got := s.ItemByID(fmt.Sprintf("E%d", 2*i)).Date.ISO(); got != want {
					t.Errorf("%s read as %s, want %s", tt.dates[2*i], got, want)
				}
			}
			if notes := noteText(rep, " "); !strings.Contains(notes, tt.note) || (tt.note == "" && notes != "") {
				t.Errorf("notes %q, want %q", notes, tt.note)
			}
		})
	}
}

// Opening an exported story gives back exactly the same story.
func TestRoundTripGeoJSON(t *testing.T) {
	plain, _, err := storyfile.ParseBytes("points.geojson", []byte(plainGeoJSON), storyfile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	acled, err := storyfile.ReadFile(filepath.Join("testdata", "acled-sample.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]*story.Story{"built-in": geotest.BuiltInStory(t), "acled": acled, "plain GeoJSON": plain} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := storyfile.WriteGeoJSON(&buf, s); err != nil {
				t.Fatal(err)
			}
			back, rep, err := storyfile.ParseBytes("story.geojson", buf.Bytes(), storyfile.Options{})
			if err != nil {
				t.Fatalf("the exported file does not open: %v", err)
			}
			if rep.Format != "Sovmap GeoJSON" {
				t.Errorf("read back as %s", rep.Format)
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
	// The CSV keeps what its columns hold: compare those.
	for i, it := range s.Items {
		b := back.Items[i]
		if it.ID != b.ID || it.Date != b.Date || it.Title.In("en") != b.Title.In("en") || it.Category.In("en") != b.Category.In("en") ||
			it.Killed != b.Killed || it.Actor != b.Actor || (it.Place == nil) != (b.Place == nil) ||
			(it.Place != nil && (it.Place.Point != b.Place.Point || it.Place.Name != b.Place.Name)) {
			t.Errorf("item %d changed on the way through CSV:\n%+v\n%+v", i, it, b)
		}
	}
}
