package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"sovmap/geo/geotest"
	"sovmap/geo/render"
	"sovmap/geo/story"
	"sovmap/geo/storyfile"
)

const acledSample = "../geo/storyfile/testdata/acled-sample.csv"

func TestOpenStoryFromCSV(t *testing.T) {
	w := newTestWindow(t)
	<-w.OpenStory(acledSample)
	if w.state.Story().ItemByID("MEX1001") == nil {
		t.Fatal("the CSV story is not shown")
	}
	capture(w)
	if _, sc := w.mapView.lastFrame(); len(w.state.Story().Places) != 5 || len(sc.Markers) < 3 {
		t.Errorf("%d places, %d markers drawn, want 5 places", len(w.state.Story().Places), len(sc.Markers))
	}
	if len(w.timeline.rows) != 7 {
		t.Errorf("%d timeline rows, want 7", len(w.timeline.rows))
	}
	w.SelectPlace("el-paso-texas")
	if got := detailsText(w); !strings.Contains(got, "Outside Mexico") || !strings.Contains(got, "Peaceful protest") {
		t.Errorf("El Paso's details:\n%s", got)
	}
	w.SelectPlace("teocaltiche-jalisco")
	if got := detailsText(w); !strings.Contains(got, "Municipality: Teocaltiche, Jalisco") {
		t.Errorf("Teocaltiche's details:\n%s", got)
	}
	if !strings.Contains(w.Title(), "acled-sample") {
		t.Errorf("window title %q", w.Title())
	}
}

func TestOpenBadStoryKeepsTheCurrentOne(t *testing.T) {
	w := newTestWindow(t)
	before := w.state.Story()
	bad := filepath.Join(t.TempDir(), "bad.geojson")
	if err := os.WriteFile(bad, []byte(`{"type": "FeatureCollection", "features": [{]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{bad, filepath.Join(t.TempDir(), "missing.csv"), t.TempDir()} {
		<-w.OpenStory(path)
		// The error dialog shows; the story stays.
		if len(w.Canvas().Overlays().List()) == 0 {
			t.Errorf("opening %s showed no error", path)
		}
		if w.state.Story() != before {
			t.Fatalf("opening %s replaced the story", path)
		}
		w.Canvas().Overlays().Top().Hide()
		for len(w.Canvas().Overlays().List()) > 0 {
			w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
		}
	}
}

func TestDropStoryFile(t *testing.T) {
	w := newTestWindow(t)
	abs, err := filepath.Abs(acledSample)
	if err != nil {
		t.Fatal(err)
	}
	<-w.openDropped([]fyne.URI{storage.NewFileURI(abs)})
	if w.state.Story().ItemByID("USA2001") == nil {
		t.Error("the dropped story is not shown")
	}
}

func TestStoryFileFlag(t *testing.T) {
	s, err := storyfile.ReadFile(acledSample)
	if err != nil {
		t.Fatal(err)
	}
	c, err := parseArgs([]string{"--story", acledSample, "--select", "el-paso-texas", "--export", "x.png"}, s, nil, "en")
	if err != nil || c.storyFile != acledSample || c.selectPlace != "el-paso-texas" {
		t.Errorf("parseArgs: %+v, %v", c, err)
	}
}

// manyPlaces makes a story of n places scattered around Guadalajara.
func manyPlaces(t *testing.T, n int) *story.Story {
	t.Helper()
	var b strings.Builder
	b.WriteString(`{"type":"FeatureCollection","sources":[{"id":"s","name":"Synthetic"}],"features":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		lon, lat := -103.35+float64(i%25)*0.02, 20.67+float64(i/25)*0.02
		fmt.Fprintf(&b, `{"type":"Feature","id":"e%d","geometry":{"type":"Point","coordinates":[%f,%f]},"properties":{"kind":"incident","place":"p%d","place_name":"P%d","location_precision":"town","date":"2025-01-%02d","date_precision":"day","title":"T","summary":"S","source":"s"}}`, i, lon, lat, i, i, 1+i%28)
	}
	b.WriteString("]}")
	s, err := storyfile.Parse("many.geojson", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestMarkersCluster(t *testing.T) {
	w := newTestWindow(t)
	w.state.SetStory(manyPlaces(t, 400))
	capture(w)
	v := w.mapView
	_, shown := v.markers()
	if len(shown) >= 400 || len(shown) == 0 {
		t.Fatalf("%d markers drawn for 400 close places, want clusters", len(shown))
	}
	total := 0
	var big render.Marker
	for _, m := range shown {
		total += max(m.Count, 1)
		if m.Places > big.Places {
			big = m
		}
	}
	if total != 400 {
		t.Errorf("clusters count %d incidents, want 400", total)
	}
	before := w.state.View().Res
	x, y := w.state.View().ToUnits(big.At)
	v.Tapped(&fyne.PointEvent{Position: fyne.NewPos(float32(x), float32(y))})
	if w.state.View().Res >= before || w.state.Place() != nil {
		t.Errorf("tapping a cluster: resolution %v (was %v), selected %v; want a zoom and no selection", w.state.View().Res, before, w.state.Place())
	}
	// The built-in story's places are apart at the whole-country view.
	w.state.SetStory(builtInStory(t))
	w.state.ShowAll()
	capture(w)
	if _, shown := v.markers(); len(shown) != 4 {
		t.Errorf("the built-in story shows %d markers, want its 4 places", len(shown))
	}
}

// Opening a story can be cancelled: the dialog's Cancel (or Escape) stops
// the reading and keeps the story shown.
func TestOpenStoryCancel(t *testing.T) {
	w := newTestWindow(t)
	before := w.state.Story()
	path := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(path, geotest.ACLEDRows(100000), 0o644); err != nil {
		t.Fatal(err)
	}
	done := w.OpenStory(path)
	if w.cancelOp == nil {
		t.Fatal("no way to cancel while the story opens")
	}
	w.globalKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("cancelling did not end the opening")
	}
	if w.state.Story() != before {
		t.Error("a cancelled opening replaced the story")
	}
	if len(w.Canvas().Overlays().List()) != 0 {
		t.Error("a dialog is still shown after cancelling")
	}
}
