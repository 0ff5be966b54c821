package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"sovmap/assets/story"
)

// waitUntil runs the UI until ok holds, for work that comes back via fyne.Do.
func waitUntil(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		var done bool
		fyne.DoAndWait(func() { done = ok() })
		if done {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

const acledSample = "../assets/story/testdata/acled-sample.csv"

func TestOpenStoryFromCSV(t *testing.T) {
	w := newTestWindow(t)
	<-w.MapLoaded
	w.OpenStory(acledSample)
	waitUntil(t, "the CSV story", func() bool { return w.model.story.ItemByID("MEX1001") != nil })
	if n := len(w.mapView.markers); n != len(w.model.story.Places) || n != 5 {
		t.Errorf("%d markers for %d places, want 5", n, len(w.model.story.Places))
	}
	if len(w.timeline.rows) != 7 {
		t.Errorf("%d timeline rows, want 7", len(w.timeline.rows))
	}
	w.SelectPlace("el-paso-texas")
	if got := detailsText(w); !strings.Contains(got, "Outside Mexico") || !strings.Contains(got, "Peaceful protest") {
		t.Errorf("El Paso's details:\n%s", got)
	}
	w.SelectPlace("teocaltiche-jalisco")
	if got := detailsText(w); !strings.Contains(got, "State: Jalisco") {
		t.Errorf("Teocaltiche's details:\n%s", got)
	}
	if !strings.Contains(w.Title(), "acled-sample") {
		t.Errorf("window title %q", w.Title())
	}
}

func TestOpenBadStoryKeepsTheCurrentOne(t *testing.T) {
	w := newTestWindow(t)
	before := w.model.story
	bad := filepath.Join(t.TempDir(), "bad.geojson")
	if err := os.WriteFile(bad, []byte(`{"type": "FeatureCollection", "features": [{]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{bad, filepath.Join(t.TempDir(), "missing.csv"), t.TempDir()} {
		w.OpenStory(path)
		// The error dialog shows; the story stays.
		waitUntil(t, "the error", func() bool { return len(w.Canvas().Overlays().List()) > 0 })
		if w.model.story != before {
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
	w.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(abs)})
	waitUntil(t, "the dropped story", func() bool { return w.model.story.ItemByID("USA2001") != nil })
}

func TestStoryFileFlag(t *testing.T) {
	s, err := story.ReadFile(acledSample)
	if err != nil {
		t.Fatal(err)
	}
	c, err := parseArgs([]string{"--story", acledSample, "--select", "el-paso-texas", "--export", "x.png"}, s, nil)
	if err != nil || c.storyFile != acledSample || c.selectPlace != "el-paso-texas" {
		t.Errorf("parseArgs: %+v, %v", c, err)
	}
}
