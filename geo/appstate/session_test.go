package appstate_test

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"sovmap/geo/appstate"
	"sovmap/geo/geotest"
	"sovmap/geo/story"
	"sovmap/geo/storyedit"
	"sovmap/geo/storyfile"

	"github.com/paulmach/orb"
)

// newState is the built-in story's state in a 1000 x 700 unit view.
func newState(t testing.TB) *appstate.Session { return geotest.State(t, nil, 1000, 700) }

func day(t testing.TB, iso string) int {
	t.Helper()
	tm, err := time.Parse("2006-01-02", iso)
	if err != nil {
		t.Fatal(err)
	}
	return int(tm.Unix() / 86400)
}

// Each change tells the listeners its kinds, and only those; setting what
// is already set tells no one.
func TestChangesAreTyped(t *testing.T) {
	april := func(t *testing.T) appstate.Filter {
		return appstate.Filter{Dates: true, From: day(t, "2025-04-01"), To: day(t, "2025-05-31")}
	}
	tests := []struct {
		name   string
		before func(*testing.T, *appstate.Session)
		do     func(*testing.T, *appstate.Session)
		want   appstate.Change
	}{
		{"select a place", nil, func(t *testing.T, st *appstate.Session) { st.SelectPlace(st.Story().PlaceByID("coxquihui")) }, appstate.SelectionChanged},
		{"select it again", func(t *testing.T, st *appstate.Session) { st.SelectPlace(st.Story().PlaceByID("coxquihui")) },
			func(t *testing.T, st *appstate.Session) { st.SelectPlace(st.Story().PlaceByID("coxquihui")) }, 0},
		{"select an event", nil, func(t *testing.T, st *appstate.Session) { st.SelectItem(st.Story().ItemByID("wsj-report")) }, appstate.SelectionChanged},
		{"clear nothing", nil, func(t *testing.T, st *appstate.Session) { st.ClearSelection() }, 0},
		{"step", nil, func(t *testing.T, st *appstate.Session) { st.Step(1) }, appstate.SelectionChanged},
		{"filter", nil, func(t *testing.T, st *appstate.Session) { st.SetFilter(april(t)) }, appstate.FilterChanged},
		{"same filter", func(t *testing.T, st *appstate.Session) { st.SetFilter(april(t)) },
			func(t *testing.T, st *appstate.Session) { st.SetFilter(april(t)) }, 0},
		{"filter hides the selection", func(t *testing.T, st *appstate.Session) { st.SelectPlace(st.Story().PlaceByID("huitzilac")) },
			func(t *testing.T, st *appstate.Session) { st.SetFilter(april(t)) }, appstate.FilterChanged | appstate.SelectionChanged},
		{"a range of the whole story is no filter", nil,
			func(t *testing.T, st *appstate.Session) {
				st.SetFilter(appstate.Filter{Dates: true, From: day(t, "2000-01-01"), To: day(t, "2030-01-01")})
			}, 0},
		{"language", nil, func(t *testing.T, st *appstate.Session) { st.SetLanguage("es") }, appstate.LanguageChanged},
		{"same language", nil, func(t *testing.T, st *appstate.Session) { st.SetLanguage("en") }, 0},
		{"pan", nil, func(t *testing.T, st *appstate.Session) { st.Pan(10, 0) }, appstate.ViewChanged},
		{"zoom", nil, func(t *testing.T, st *appstate.Session) { st.Zoom(2) }, appstate.ViewChanged},
		{"show all when all shows", nil, func(t *testing.T, st *appstate.Session) { st.ShowAll() }, 0},
		{"resize", nil, func(t *testing.T, st *appstate.Session) { st.SetViewSize(800, 600) }, 0},
		{"new story", nil, func(t *testing.T, st *appstate.Session) { st.SetStory(geotest.BuiltInStory(t)) },
			appstate.StoryChanged | appstate.FilterChanged | appstate.SelectionChanged},
		{"same map", nil, func(t *testing.T, st *appstate.Session) { st.SetMap(st.Map()) }, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := newState(t)
			if tt.before != nil {
				tt.before(t, st)
			}
			var got []appstate.Change
			st.Listen(appstate.AnyChange, func(c appstate.Change) { got = append(got, c) })
			tt.do(t, st)
			switch {
			case tt.want == 0 && len(got) != 0:
				t.Errorf("changes %v, want none", got)
			case tt.want != 0 && (len(got) != 1 || got[0] != tt.want):
				t.Errorf("changes %v, want one of kinds %v", got, tt.want)
			}
		})
	}
}

// A listener hears only the kinds it asked for.
func TestListenersHearWhatTheyAskFor(t *testing.T) {
	st := newState(t)
	menus, panels := 0, 0
	st.Listen(appstate.LanguageChanged, func(appstate.Change) { menus++ })
	st.Listen(appstate.SelectionChanged|appstate.LanguageChanged, func(appstate.Change) { panels++ })
	st.SelectPlace(st.Story().PlaceByID("teocaltiche"))
	st.Pan(5, 5)
	st.SetFilter(appstate.Filter{Dates: true, From: day(t, "2025-04-01"), To: day(t, "2025-05-31")})
	if menus != 0 || panels != 1 {
		t.Errorf("a selection, a pan and a filter: menus rebuilt %d times, panels %d; want 0 and 1", menus, panels)
	}
	st.SetLanguage("es")
	if menus != 1 || panels != 2 {
		t.Errorf("after a language change: menus %d, panels %d; want 1 and 2", menus, panels)
	}
}

func TestShown(t *testing.T) {
	st := newState(t)
	sh := st.Shown()
	if len(sh.Places) != 4 || len(sh.Items) != len(st.Story().Items) {
		t.Fatalf("unfiltered: %d places, %d items", len(sh.Places), len(sh.Items))
	}
	if got := sh.Highlighted; len(got) != 3 || got[0] != "MX-JAL" || got[1] != "MX-MOR" || got[2] != "MX-VER" {
		t.Errorf("highlighted %v, want Jalisco, Morelos, Veracruz", got)
	}
	st.SetFilter(appstate.Filter{Dates: true, From: day(t, "2025-04-02"), To: day(t, "2025-05-31")})
	sh = st.Shown()
	if len(sh.Places) != 2 || sh.Count(st.Story().PlaceByID("teocaltiche")) != 2 || sh.Count(st.Story().PlaceByID("huitzilac")) != 0 {
		t.Errorf("from 2 April: places %v", sh.Places)
	}
	if got := sh.Highlighted; len(got) != 2 || got[0] != "MX-JAL" || got[1] != "MX-VER" {
		t.Errorf("from 2 April highlighted %v, want Jalisco and Veracruz", got)
	}
	for _, it := range sh.Items {
		if f, _, dated := it.Date.Days(); dated && f < day(t, "2025-04-01") {
			t.Errorf("%s shows from 2 April", it.ID)
		}
	}
}

func TestStepStopsAtTheEnds(t *testing.T) {
	st := newState(t)
	items := st.Shown().Items
	st.Step(-1)
	if st.Item() != items[len(items)-1] {
		t.Errorf("back from nothing selected %v, want the last item", st.Item())
	}
	st.Step(1)
	if st.Item() != items[len(items)-1] {
		t.Errorf("past the end: %v", st.Item())
	}
	st.SelectItem(items[0])
	st.Step(-1)
	if st.Item() != items[0] {
		t.Errorf("before the start: %v", st.Item())
	}
}

// Selecting a place outside the view brings it into view, as one change.
func TestSelectionComesIntoView(t *testing.T) {
	st := newState(t)
	p := st.Story().PlaceByID("coxquihui")
	st.ZoomAbout(0, 0, 8) // the top-left corner of Mexico: Baja California
	var got appstate.Change
	st.Listen(appstate.AnyChange, func(c appstate.Change) { got |= c })
	st.SelectPlace(p)
	if got != appstate.SelectionChanged|appstate.ViewChanged {
		t.Errorf("changes %v, want selection and view together", got)
	}
	x, y := st.View().ToUnits(st.Map().Proj.Forward(p.Point))
	if x < 0 || y < 0 || x > 1000 || y > 700 {
		t.Errorf("Coxquihui is at (%.0f, %.0f), outside the view", x, y)
	}
}

func TestViewSizeFollowsTheWindow(t *testing.T) {
	st := newState(t)
	whole := st.View()
	st.SetViewSize(2000, 1400)
	if v := st.View(); !v.Whole || v.Res >= whole.Res {
		t.Errorf("a larger window showing all of Mexico: %+v, want a finer resolution than %v", v, whole.Res)
	}
	st.Zoom(2)
	res := st.View().Res
	st.SetViewSize(1000, 700)
	if v := st.View(); v.Whole || v.Res != res {
		t.Errorf("a zoomed view resized: %+v, want its resolution %v kept", v, res)
	}
}

// Categories get colours by how common they are, the rest share "other";
// a place whose shown incidents differ in category gets the plain colour,
// and a filter never changes a category's colour.
func TestCategoryColours(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"type":"FeatureCollection","sources":[{"id":"s","name":"S"}],"features":[`)
	n := 0
	add := func(place string, lon float64, date, category string) {
		if n > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"type":"Feature","id":"e%d","geometry":{"type":"Point","coordinates":[%f,20]},"properties":{"kind":"incident","place":%q,"place_name":%q,"location_precision":"town","date":%q,"date_precision":"day","category":%q,"title":"T","summary":"S","source":"s"}}`,
			n, lon, place, place, date, category)
		n++
	}
	// Nine categories: "c0" once, the others twice or more.
	for c := 0; c < 9; c++ {
		for k := 0; k <= min(c, 2); k++ {
			add(fmt.Sprintf("p%d", c), -105+float64(c), fmt.Sprintf("2025-01-%02d", 1+c), fmt.Sprintf("c%d", c))
		}
	}
	add("mixed", -90, "2025-02-01", "c1")
	add("mixed", -90, "2025-03-01", "c2")
	b.WriteString("]}")
	s, err := storyfile.Parse("cats.geojson", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	st := geotest.State(t, s, 1000, 700)
	got := map[string]int{}
	for _, c := range st.Categories() {
		got[c.Name["en"]] = c.Colour
	}
	// Counts: c0 1, c1 3 (two, and the mixed place's), c2 4, c3 to c8 3
	// each. The seven commonest are c2 and, of those with 3, the first six
	// seen (c1, c3 to c7); c0 and c8 share "other".
	other := appstate.CategoryColours + 1
	seen := map[int]bool{}
	for name, c := range got {
		switch name {
		case "c0", "c8":
			if c != other {
				t.Errorf("category %s has colour %d, want the shared %d", name, c, other)
			}
		default:
			if c < 1 || c > appstate.CategoryColours || seen[c] {
				t.Errorf("category %s has colour %d: want its own, 1 to %d", name, c, appstate.CategoryColours)
			}
			seen[c] = true
		}
	}
	sh := st.Shown()
	mixed := st.Story().PlaceByID("mixed")
	if c := sh.Colours[sh.Index(mixed)]; c != 0 {
		t.Errorf("a place of two categories has colour %d, want 0", c)
	}
	// From mid-February the mixed place shows only its March incident, of
	// c2: it takes c2's colour.
	st.SetFilter(appstate.Filter{Dates: true, From: day(t, "2025-02-15"), To: day(t, "2025-12-31")})
	sh = st.Shown()
	if c := sh.Colours[sh.Index(mixed)]; int(c) != got["c2"] {
		t.Errorf("filtered to its c2 incident, the mixed place has colour %d, want c2's %d", c, got["c2"])
	}
	for _, c := range st.Categories() {
		if c.Colour != got[c.Name["en"]] {
			t.Errorf("the filter changed %s's colour", c.Name["en"])
		}
	}
}

// A place at the South Pole (where Mexico's conic projection runs off to
// infinity) gets no marker and does not move the view when selected; it
// counts as outside Mexico.
func TestUnmappablePlace(t *testing.T) {
	doc := `{"type":"FeatureCollection","features":[
 {"type":"Feature","id":"pole","geometry":{"type":"Point","coordinates":[0,-90]},"properties":{"name":"Pole"}},
 {"type":"Feature","id":"mx","geometry":{"type":"Point","coordinates":[-99,19]},"properties":{"name":"CDMX"}}]}`
	s, _, err := storyfile.ParseBytes("pole.geojson", []byte(doc), storyfile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st := geotest.State(t, s, 1000, 700)
	sh := st.Shown()
	if len(sh.Places) != 1 || sh.Places[0].Name != "CDMX" || sh.Outside != 1 {
		t.Errorf("shown places %v, outside %d: want CDMX only, the pole outside", sh.Places, sh.Outside)
	}
	before := st.View()
	st.SelectPlace(s.PlaceByID("pole"))
	if v := st.View(); v != before {
		t.Errorf("selecting the pole moved the view to %+v", v)
	}
	st.SetView(orb.Point{math.NaN(), 0}, 100)
	if v := st.View(); v != before {
		t.Errorf("a NaN centre was taken: %+v", v)
	}
}

// An edit's new version of the story keeps the view, the filter and the
// edited item's selection.
func TestReviseKeepsViewFilterAndSelection(t *testing.T) {
	st := geotest.State(t, nil, 800, 500)
	st.ZoomAbout(300, 200, 3)
	f := appstate.Filter{Category: "Political violence"}
	st.SetFilter(f)
	d := storyedit.Open(st.Story())
	var id string
	for _, it := range st.Shown().Items {
		if it.Place != nil {
			id = it.ID
			break
		}
	}
	st.SelectItem(st.Story().ItemByID(id))
	view := st.View()
	it := d.Item(id)
	it.Title = story.Text{"en": "Edited"}
	if err := d.Replace(id, it); err != nil {
		t.Fatal(err)
	}
	st.Revise(d.Story(), id)
	if st.View() != view {
		t.Errorf("view %+v, want %+v", st.View(), view)
	}
	if st.Filter().Category != f.Category {
		t.Errorf("filter %+v, want category %q", st.Filter(), f.Category)
	}
	if got := st.Item(); got == nil || got.ID != id || got.Title.In("en") != "Edited" {
		t.Errorf("selected %+v, want the edited item %q", got, id)
	}
}

// Extent, what the opening says of a story, comes from the tables worked
// out when it was prepared: the item starting first, the one ending last
// (a month ends after a later day in it; an undated item is neither), and
// the number of incidents; ItemIsIncident reads the same tables.
func TestExtent(t *testing.T) {
	date := func(s string, p story.Precision) story.Date {
		d, err := story.ParseDate(s, p)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	items := []*story.Item{
		{ID: "undated", Kind: story.Event, Title: story.Text{"en": "a"}, Date: story.Date{Precision: story.Undated}},
		{ID: "march", Kind: story.Incident, Title: story.Text{"en": "b"}, Date: date("2025-03", story.Month)},
		{ID: "day", Kind: story.Incident, Title: story.Text{"en": "c"}, Date: date("2025-03-20", story.Day)},
		{ID: "first", Kind: story.Event, Title: story.Text{"en": "d"}, Date: date("2025-01-05", story.Day)},
	}
	for _, tc := range []struct {
		name               string
		items              []*story.Item
		earliest, latest   string
		incidents          int
		dated              bool
		incidentByPosition []bool
	}{
		{"dated and undated", items, "first", "march", 2, true, nil},
		{"undated only", items[:1], "", "", 0, false, []bool{false}},
		{"none", nil, "", "", 0, false, nil},
	} {
		s := &story.Story{Items: append([]*story.Item(nil), tc.items...)}
		s.Order()
		st := appstate.New(s, "en")
		earliest, latest, incidents, dated := st.Extent()
		if dated != tc.dated || incidents != tc.incidents {
			t.Errorf("%s: dated %v, %d incidents; want %v, %d", tc.name, dated, incidents, tc.dated, tc.incidents)
		}
		if dated && (earliest.ID != tc.earliest || latest.ID != tc.latest) {
			t.Errorf("%s: from %s to %s, want %s to %s", tc.name, earliest.ID, latest.ID, tc.earliest, tc.latest)
		}
		for i, it := range s.Items {
			if got := st.ItemIsIncident(i); got != (it.Kind == story.Incident) {
				t.Errorf("%s: item %s an incident: %v", tc.name, it.ID, got)
			}
		}
	}
}
