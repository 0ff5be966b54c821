package scene_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"sovmap/geo/appstate"
	"sovmap/geo/geotest"
	"sovmap/geo/render"
	"sovmap/geo/scene"
	"sovmap/geo/story"
)

func newState(t testing.TB) *appstate.Session { return geotest.State(t, nil, 800, 500) }

func day(t *testing.T, iso string) int {
	tm, err := time.Parse("2006-01-02", iso)
	if err != nil {
		t.Fatal(err)
	}
	return int(tm.Unix() / 86400)
}

func ids(ms []render.Marker) string {
	var out []string
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return strings.Join(out, " ")
}

func TestBuild(t *testing.T) {
	st := newState(t)
	st.SelectPlace(st.Story().PlaceByID("teocaltiche"))
	vp, sc := scene.Build(st, scene.Frame{Width: 1600, Height: 1000, Furniture: scene.WindowFurniture})
	if vp.Width != 1600 || sc.Style.Scale != 2 {
		t.Errorf("an 800x500 view in 1600x1000 pixels: %dx%d at scale %v, want scale 2", vp.Width, vp.Height, sc.Style.Scale)
	}
	if got := ids(sc.Markers); got != "huitzilac teuchitlan coxquihui teocaltiche" {
		t.Errorf("markers %q, want the places in the story's order, the selected one last", got)
	}
	if sc.Selected != "teocaltiche" || sc.SelectedState != "MX-JAL" {
		t.Errorf("selection %q in %q", sc.Selected, sc.SelectedState)
	}
	if sc.Hover != "" || sc.Focused != "" {
		t.Error("a built scene has a hover or a focus ring: those are the window's alone")
	}
	// The story's incidents are known only to their municipalities: each
	// place is its municipality, drawn as an area.
	if got := fmt.Sprint(sc.Areas); got != "[{14091 3} {14095 2} {17009 1} {30050 3}]" {
		t.Errorf("areas %s", got)
	}
	// The legend names each category drawn, in its colour, with the
	// symbol it is drawn with, and says what the areas mean.
	want := []render.LegendEntry{
		{Symbol: render.LegendArea, Text: "Not attributed in the report", Category: 1},
		{Symbol: render.LegendArea, Text: "Drug cartel (the report's word)", Category: 2},
		{Symbol: render.LegendArea, Text: "Political violence", Category: 3},
		{Symbol: render.LegendNote, Text: "Ring and shading: known only to the municipality or state"},
		{Symbol: render.LegendCluster, Text: "Several incidents"},
		{Symbol: render.LegendHighlight, Text: "State with incidents"},
	}
	if !reflect.DeepEqual(sc.Legend, want) {
		t.Errorf("legend %v, want %v", sc.Legend, want)
	}
	for _, m := range sc.Markers {
		if wantCat := map[string]int{"huitzilac": 1, "teuchitlan": 2, "teocaltiche": 3, "coxquihui": 3}[m.ID]; m.Category != wantCat {
			t.Errorf("%s drawn in colour %d, want %d", m.ID, m.Category, wantCat)
		}
	}
	if !strings.Contains(sc.Attribution, "INEGI, Marco Geoestadístico 2025") || !strings.Contains(sc.Attribution, "Natural Earth") || !strings.Contains(sc.Attribution, "Reuters") {
		t.Errorf("attribution %q", sc.Attribution)
	}
}

// The legend lists only what the map draws.
func TestLegendListsWhatIsDrawn(t *testing.T) {
	st := newState(t)
	// From 1 to 20 April: Teocaltiche keeps one incident, no place has two.
	st.SetFilter(appstate.Filter{Dates: true, From: day(t, "2025-04-01"), To: day(t, "2025-04-20")})
	_, sc := scene.Build(st, scene.Frame{Width: 800, Height: 500, Furniture: scene.WindowFurniture})
	for _, e := range sc.Legend {
		if e.Symbol == render.LegendCluster {
			t.Errorf("legend lists %q with no place of several incidents drawn", e.Text)
		}
	}
	_, sc = scene.Build(st, scene.Frame{Width: 800, Height: 500})
	if sc.Legend != nil || sc.Attribution != "" || sc.ScaleBar {
		t.Error("furniture drawn that the frame did not ask for")
	}
}

// Frames of one view at any size of its shape draw the same markers,
// clustered the same way: an export is the window's map.
func TestSameMarkersAtAnySize(t *testing.T) {
	st := newState(t)
	st.ZoomAbout(400, 250, 0.5) // out, so that places cluster
	_, want := scene.Build(st, scene.Frame{Width: 800, Height: 500})
	for _, size := range [][2]int{{1600, 1000}, {3200, 2000}, {400, 250}} {
		_, got := scene.Build(st, scene.Frame{Width: size[0], Height: size[1]})
		if !reflect.DeepEqual(got.Markers, want.Markers) {
			t.Errorf("at %dx%d markers %+v, want %+v", size[0], size[1], got.Markers, want.Markers)
		}
	}
	clusters := 0
	for _, m := range want.Markers {
		if m.Places > 1 {
			clusters++
		}
	}
	if clusters == 0 {
		t.Errorf("zoomed out, no cluster: %+v", want.Markers)
	}
}

func TestCaption(t *testing.T) {
	st := newState(t)
	if got := scene.Caption(st); got != "" {
		t.Errorf("caption with nothing selected or filtered: %q", got)
	}
	st.SelectPlace(st.Story().PlaceByID("teocaltiche"))
	if got := scene.Caption(st); got != "Teocaltiche · c. 14 Apr 2025, 28 Apr 2025" {
		t.Errorf("caption %q", got)
	}
	// c. 14 April may be any day from 7 to 21 April: a range that overlaps
	// that span keeps it, one after it does not.
	st.SetFilter(appstate.Filter{Dates: true, From: day(t, "2025-04-15"), To: day(t, "2025-04-30")})
	if got := scene.Caption(st); got != "Teocaltiche · c. 14 Apr 2025, 28 Apr 2025 · Shown: 15 Apr 2025 to 30 Apr 2025" {
		t.Errorf("caption with a date range overlapping c. 14 Apr: %q", got)
	}
	st.SetFilter(appstate.Filter{Dates: true, From: day(t, "2025-04-01"), To: day(t, "2025-04-13")})
	if got := scene.Caption(st); got != "Teocaltiche · c. 14 Apr 2025 · Shown: 1 Apr 2025 to 13 Apr 2025" {
		t.Errorf("caption with a date range before c. 14 Apr: %q", got)
	}
	st.SetFilter(appstate.Filter{Dates: true, From: day(t, "2025-04-22"), To: day(t, "2025-05-03")})
	if got := scene.Caption(st); got != "Teocaltiche · 28 Apr 2025 · Shown: 22 Apr 2025 to 3 May 2025" {
		t.Errorf("caption with a date range %q", got)
	}
	st.SetLanguage("es")
	if got := scene.Caption(st); got != "Teocaltiche · 28 abr 2025 · Se muestra: del 22 abr 2025 al 3 may 2025" {
		t.Errorf("Spanish caption %q", got)
	}
}

// The details say what is known of a date that is not a day, with the
// days the filters take it to cover.
func TestDateKnown(t *testing.T) {
	tests := []struct {
		d      story.Date
		en, es string
	}{
		{story.Date{Year: 2025, Month: 4, Day: 14, Precision: story.Day}, "", ""},
		{story.Date{Year: 2025, Month: 4, Day: 14, Precision: story.Approximate}, "about that day: any day from 7 Apr 2025 to 21 Apr 2025", "hacia ese día: cualquier día del 7 abr 2025 al 21 abr 2025"},
		{story.Date{Year: 2025, Month: 3, Day: 10, Precision: story.Week}, "only the week: 7 Mar 2025 to 13 Mar 2025", "solo la semana: del 7 mar 2025 al 13 mar 2025"},
		{story.Date{Year: 2025, Month: 4, Precision: story.Month}, "only the month", "solo el mes"},
		{story.NewRange(2025, 5, 2, 2025, 5, 6), "some day from 2 May 2025 to 6 May 2025", "algún día del 2 may 2025 al 6 may 2025"},
		{story.Date{Precision: story.Undated}, "the source gives no date", "la fuente no da fecha"},
	}
	for _, tt := range tests {
		if en, es := scene.DateKnown(tt.d, "en"), scene.DateKnown(tt.d, "es"); en != tt.en || es != tt.es {
			t.Errorf("%+v: %q, %q; want %q, %q", tt.d, en, es, tt.en, tt.es)
		}
	}
}

// A place known only to be near is a marker with a halo of NearRadius,
// and the legend says what the halo means; a place known as a point has
// neither halo nor area.
func TestNearHalo(t *testing.T) {
	src := &story.Source{ID: "s", Name: story.Text{"en": "S"}}
	near := &story.Place{ID: "near", Name: "Cuernavaca", Point: [2]float64{-99.234, 18.924}}
	at := &story.Place{ID: "at", Name: "Zócalo", Point: [2]float64{-99.133, 19.433}}
	s := &story.Story{Title: story.Text{"en": "T"}, Sources: []*story.Source{src}, Places: []*story.Place{near, at}}
	for i, p := range []*story.Place{near, at} {
		prec := map[int]string{0: "nearby", 1: "town"}[i]
		s.Items = append(s.Items, &story.Item{ID: p.ID, Kind: story.Incident, Title: story.Text{"en": p.Name}, Summary: story.Text{"en": "x"},
			Date: story.Date{Year: 2025, Month: 1, Day: 13, Precision: story.Day}, Place: p, LocationPrecision: prec, Sources: []*story.Source{src}})
	}
	s.Order()
	st := geotest.State(t, s, 1000, 700)
	st.ShowAll() // the two places fill the view: they do not cluster
	st.SelectPlace(near)
	_, sc := scene.Build(st, scene.Frame{Width: 1000, Height: 700, Furniture: scene.WindowFurniture})
	if got := ids(sc.Markers); got != "near at" {
		t.Fatalf("markers %q, want both places", got)
	}
	for _, m := range sc.Markers {
		if want := map[string]float64{"near": appstate.NearRadius}[m.ID]; m.Halo != want || m.Area != "" {
			t.Errorf("%s: halo %v, area %q; want halo %v", m.ID, m.Halo, m.Area, want)
		}
	}
	if !slices.ContainsFunc(sc.Legend, func(e render.LegendEntry) bool { return e.Symbol == render.LegendHalo }) {
		t.Errorf("legend %v has no halo", sc.Legend)
	}
}

// Every active filter is in the caption, in the caption's language, and a
// title's line breaks are spaces.
func TestCaptionNamesEveryFilter(t *testing.T) {
	st := newState(t)
	st.SetFilter(appstate.Filter{Category: "Political violence", Actor: "gang"})
	if got := scene.Caption(st); got != "Category: Political violence · Actor: gang" {
		t.Errorf("caption %q", got)
	}
	st.SetLanguage("es")
	if got := scene.Caption(st); got != "Categoría: Violencia política · Actor: gang" {
		t.Errorf("Spanish caption %q", got)
	}
	_, sc := scene.Build(st, scene.Frame{Width: 800, Height: 600, Furniture: scene.Furniture{Title: "Two\nlines\r\n\tand a tab"}})
	if sc.Title != "Two lines and a tab" {
		t.Errorf("title %q", sc.Title)
	}
}

// An area stays an area however far out the view is: the places of one
// municipality are one marker at its heart at every zoom, a cluster of
// areas leaves every area drawn, and a filter that hides an area's
// incidents takes its area away.
func TestAreasStayAreasWhenClustered(t *testing.T) {
	src := &story.Source{ID: "s", Name: story.Text{"en": "S"}}
	seat := &story.Place{ID: "seat", Name: "Huitzilac", Point: [2]float64{-99.2672, 19.0281}}
	north := &story.Place{ID: "north", Name: "Tres Marías", Point: [2]float64{-99.2472, 19.0481}}
	jal := &story.Place{ID: "jal", Name: "Jalisco", Point: [2]float64{-103.35, 20.67}}
	town := &story.Place{ID: "town", Name: "Cuernavaca", Point: [2]float64{-99.234, 18.924}}
	s := &story.Story{Title: story.Text{"en": "T"}, Sources: []*story.Source{src}, Places: []*story.Place{seat, north, jal, town}}
	for i, p := range s.Places {
		prec := []string{"municipality", "municipality", "region", "town"}[i]
		s.Items = append(s.Items, &story.Item{ID: p.ID, Kind: story.Incident, Title: story.Text{"en": p.Name}, Summary: story.Text{"en": "x"},
			Date: story.Date{Year: 2025, Month: 1, Day: 10 + i, Precision: story.Day}, Place: p, LocationPrecision: prec, Sources: []*story.Source{src}})
	}
	s.Order()
	st := geotest.State(t, s, 1000, 700)
	areas := func(sc render.Scene) string {
		var out []string
		for _, a := range sc.Areas {
			out = append(out, a.Code)
		}
		return strings.Join(out, " ")
	}
	heart := st.AreaOf(seat).Label
	for _, zoom := range []float64{0, 1, 0.5, 0.25, 0.125} {
		st.ShowAll()
		st.ZoomAbout(500, 350, zoom)
		if zoom == 0 {
			// Close in, 2.8 km between the two places filling the view.
			st.SetView(heart, 5)
		}
		_, sc := scene.Build(st, scene.Frame{Width: 1000, Height: 700, Furniture: scene.WindowFurniture})
		if got := areas(sc); got != "MX-JAL 17009" {
			t.Errorf("zoom %v: areas %q, want Jalisco's, then Huitzilac's", zoom, got)
		}
		seatAndNorth := 0
		for _, m := range sc.Markers {
			if (m.ID == "seat" || m.ID == "north") && m.Places == 1 {
				t.Errorf("zoom %v: %s drawn apart from the municipality it stands for: %+v", zoom, m.ID, sc.Markers)
			}
			if m.Places >= 2 {
				seatAndNorth++
			}
		}
		if seatAndNorth == 0 {
			t.Errorf("zoom %v: the municipality's two places are not one marker: %+v", zoom, sc.Markers)
		}
		if zoom == 0 && !slices.ContainsFunc(sc.Markers, func(m render.Marker) bool {
			return m.Area == "17009" && m.Places == 2 && m.Count == 2 && m.Label == "Huitzilac" && m.At == heart
		}) {
			t.Errorf("close in: the municipality's places are not its ring: %+v", sc.Markers)
		}
		if !slices.ContainsFunc(sc.Legend, func(e render.LegendEntry) bool {
			return e.Text == "Ring and shading: known only to the municipality or state"
		}) {
			t.Errorf("zoom %v: legend %v does not explain the areas", zoom, sc.Legend)
		}
	}
	// Selected, a place of the area is its marker still, not a second
	// marker on the first.
	st.SelectPlace(north)
	st.SetView(heart, 5)
	_, sc := scene.Build(st, scene.Frame{Width: 1000, Height: 700, Furniture: scene.WindowFurniture})
	if got := ids(sc.Markers); got != "north town" || sc.Markers[0].Places != 2 || sc.SelectedArea != "17009" {
		t.Errorf("with Tres Marías selected: markers %+v, selected area %q", sc.Markers, sc.SelectedArea)
	}
	sh := st.Shown()
	if len(sh.Areas) != 2 || sh.Areas[1].Incidents != 2 || sh.Areas[0].Incidents != 1 {
		t.Errorf("shown areas %+v, want Jalisco with 1 incident, Huitzilac with 2", sh.Areas)
	}
	st.SetFilter(appstate.Filter{Dates: true, From: day(t, "2025-01-12"), To: day(t, "2025-01-13")})
	_, sc = scene.Build(st, scene.Frame{Width: 1000, Height: 700, Furniture: scene.WindowFurniture})
	if got := areas(sc); got != "MX-JAL" {
		t.Errorf("filtered to Jalisco's day and the town's: areas %q", got)
	}
}
