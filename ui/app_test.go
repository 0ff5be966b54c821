package ui

import (
	"image"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sovmap/assets"
	"sovmap/assets/story"
	"sovmap/geo/pixeltest"
)

func builtInStory(t *testing.T) *story.Story {
	t.Helper()
	s, err := story.Parse("story.geojson", assets.Story())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// newTestWindow opens the main window on Fyne's test driver at 1280x800
// and draws it once, so the map has a view.
func newTestWindow(t *testing.T) *Window {
	t.Helper()
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLang, "en")
	w, err := NewWindow(a, builtInStory(t))
	if err != nil {
		t.Fatal(err)
	}
	w.Resize(fyne.NewSize(1280, 800))
	w.Show()
	t.Cleanup(w.Close)
	// Fyne's test driver runs fyne.Do work on the goroutine that asks, so the
	// map's background load must be over before the test touches the window.
	<-w.MapLoaded
	capture(w)
	return w
}

func capture(w *Window) *image.NRGBA {
	img := w.Canvas().Capture()
	if n, ok := img.(*image.NRGBA); ok {
		return n
	}
	b := img.Bounds()
	out := image.NewNRGBA(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			out.Set(x, y, img.At(x, y))
		}
	}
	return out
}

// markerPos is where place id's marker is, in the map view's coordinates.
func markerPos(t *testing.T, w *Window, id string) fyne.Position {
	t.Helper()
	v := w.mapView
	for i, p := range v.places {
		if p.ID == id {
			x, y := v.vp.ToPixel(v.markers[i].At)
			return fyne.NewPos(float32(x)/v.scale, float32(y)/v.scale)
		}
	}
	t.Fatalf("no marker for %s", id)
	return fyne.Position{}
}

// detailsText is all the text the details panel shows.
func detailsText(w *Window) string {
	var b strings.Builder
	for _, o := range w.details.box.Objects {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

func TestEmptyStateExplainsTheMap(t *testing.T) {
	w := newTestWindow(t)
	got := detailsText(w)
	if !strings.Contains(got, "How to use the map") || !strings.Contains(got, "Click a red marker") {
		t.Errorf("details with nothing selected:\n%s", got)
	}
	if !strings.HasPrefix(w.Title(), "Sovmap") {
		t.Errorf("window title %q does not start with Sovmap", w.Title())
	}
}

func TestMarkerTapShowsAllIncidentsOfThePlace(t *testing.T) {
	w := newTestWindow(t)
	test.TapAt(w.mapView, markerPos(t, w, "teocaltiche").AddXY(3, -2))
	if w.model.place == nil || w.model.place.ID != "teocaltiche" {
		t.Fatalf("selected place %v, want teocaltiche", w.model.place)
	}
	got := detailsText(w)
	for _, want := range []string{"Teocaltiche", "State: Jalisco", "c. 14 Apr 2025 — Police chief shot dead",
		"28 Apr 2025 — Council secretary shot dead", "Source: Reuters", "two weeks before 28 April"} {
		if !strings.Contains(got, want) {
			t.Errorf("details lack %q:\n%s", want, got)
		}
	}
	// The timeline selects the place's first incident.
	if w.model.item == nil || w.model.item.ID != "teocaltiche-police-chief" {
		t.Errorf("timeline item %v, want teocaltiche-police-chief", w.model.item)
	}
}

func TestTapAwayFromMarkersSelectsNothing(t *testing.T) {
	w := newTestWindow(t)
	test.TapAt(w.mapView, fyne.NewPos(5, 300))
	if w.model.place != nil {
		t.Errorf("tap on the sea selected %s", w.model.place.ID)
	}
}

func rowOf(t *testing.T, w *Window, id string) int {
	t.Helper()
	for i, it := range w.timeline.rows {
		if it != nil && it.ID == id {
			return i
		}
	}
	t.Fatalf("no timeline row for %s", id)
	return -1
}

func TestTimelineSelectsOnTheMap(t *testing.T) {
	w := newTestWindow(t)
	w.timeline.list.Select(rowOf(t, w, "huitzilac-shooting"))
	if w.model.place == nil || w.model.place.ID != "huitzilac" {
		t.Fatalf("selected place %v, want huitzilac", w.model.place)
	}
	img := capture(w)
	// The selection ring is drawn around Huitzilac's marker on the map.
	pos := markerPos(t, w, "huitzilac")
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(w.mapView).Add(pos)
	st := w.mapView.style()
	if n := countColor(img, abs, 16, st.Selection); n < 40 {
		t.Errorf("%d pixels of the selection ring around Huitzilac's marker, want at least 40", n)
	}
	other := fyne.CurrentApp().Driver().AbsolutePositionForObject(w.mapView).Add(markerPos(t, w, "coxquihui"))
	if n := countColor(img, other, 16, st.Selection); n != 0 {
		t.Errorf("%d selection pixels around Coxquihui, which is not selected", n)
	}
	// An event with no place shows in details only.
	w.timeline.list.Select(rowOf(t, w, "sheinbaum-rejects"))
	if w.model.place != nil || w.model.item.ID != "sheinbaum-rejects" {
		t.Errorf("event selected place %v item %v", w.model.place, w.model.item)
	}
	if !strings.Contains(detailsText(w), "Sheinbaum rejects the proposal") {
		t.Errorf("details lack the event:\n%s", detailsText(w))
	}
}

// countColor counts the pixels of colour c within r of the point at.
func countColor(img image.Image, at fyne.Position, r int, c color.RGBA) int {
	n := 0
	for y := int(at.Y) - r; y <= int(at.Y)+r; y++ {
		for x := int(at.X) - r; x <= int(at.X)+r; x++ {
			if pixeltest.SameRGB(img.At(x, y), c) {
				n++
			}
		}
	}
	return n
}

func TestUndatedItemsFormTheLastGroup(t *testing.T) {
	w := newTestWindow(t)
	rows := w.timeline.rows
	header := -1
	for i, it := range rows {
		if it == nil {
			header = i
		}
	}
	if header < 0 {
		t.Fatal("no undated group header")
	}
	for i, it := range rows {
		if it == nil {
			continue
		}
		if dated := it.Date.Dated(); dated != (i < header) {
			t.Errorf("row %d (%s, dated %v) is on the wrong side of the undated header at %d", i, it.ID, dated, header)
		}
	}
}

func TestPreviousNextStepThroughTheStory(t *testing.T) {
	w := newTestWindow(t)
	items := w.model.story.Items
	test.Tap(w.timeline.next)
	test.Tap(w.timeline.next)
	if w.model.item != items[1] {
		t.Fatalf("after next twice: %v, want %s", w.model.item, items[1].ID)
	}
	test.Tap(w.timeline.prev)
	if w.model.item != items[0] {
		t.Fatalf("after previous: %v, want %s", w.model.item, items[0].ID)
	}
	// The arrow keys do the same when no widget has the focus.
	w.Canvas().Unfocus()
	key := w.Canvas().OnTypedKey()
	key(&fyne.KeyEvent{Name: fyne.KeyRight})
	key(&fyne.KeyEvent{Name: fyne.KeyRight})
	if w.model.item != items[2] {
		t.Errorf("after two right arrows: %v, want %s", w.model.item, items[2].ID)
	}
	// Stepping past the end stays on the last item.
	for range items {
		key(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	if w.model.item != items[len(items)-1] {
		t.Errorf("past the end: %v", w.model.item)
	}
	key(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.model.item != nil || w.model.place != nil {
		t.Errorf("Escape left %v selected", w.model.item)
	}
}

func TestKeyboardSelectsMarkers(t *testing.T) {
	w := newTestWindow(t)
	w.Canvas().Focus(w.mapView)
	if !w.mapView.focused {
		t.Fatal("the map cannot take the focus")
	}
	w.mapView.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	w.mapView.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	want := w.model.story.Places[1]
	if w.model.place != want {
		t.Errorf("right then Enter selected %v, want %s", w.model.place, want.ID)
	}
	if sc := w.mapView.scene(); sc.Focused != want.ID {
		t.Errorf("focus ring on %q, want %q", sc.Focused, want.ID)
	}
	w.mapView.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.model.place != nil {
		t.Error("Escape did not clear the selection")
	}
}

func TestPanAndZoom(t *testing.T) {
	w := newTestWindow(t)
	v := w.mapView
	before := v.vp
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(v).AddXY(200, 200)
	test.Drag(w.Canvas(), at, 40, 10)
	if v.vp.Center == before.Center {
		t.Fatal("drag did not pan")
	}
	if dx := (before.Center[0] - v.vp.Center[0]) / v.vp.Res / float64(v.scale); dx < 39.9 || dx > 40.1 {
		t.Errorf("drag by 40 moved the view by %v units", dx)
	}
	anchor := v.vp.FromPixel(float64(200*v.scale), float64(200*v.scale))
	// test.Scroll sends no position, so the event is made by hand.
	v.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(200, 200)}, Scrolled: fyne.Delta{DY: 30}})
	if v.vp.Res >= before.Res {
		t.Errorf("scrolling up did not zoom in: %v m/px", v.vp.Res)
	}
	after := v.vp.FromPixel(float64(200*v.scale), float64(200*v.scale))
	if abs(anchor[0]-after[0]) > 1e-6*v.vp.Res || abs(anchor[1]-after[1]) > 1e-6*v.vp.Res {
		t.Errorf("zoom moved the point under the pointer from %v to %v", anchor, after)
	}
	w.mapView.reset()
	capture(w)
	if v.vp.Res != before.Res || v.vp.Center != before.Center {
		t.Errorf("reset gave %v, want %v", v.vp, before)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestLanguageSwitch(t *testing.T) {
	w := newTestWindow(t)
	w.setLanguage("es")
	if got := detailsText(w); !strings.Contains(got, "Cómo usar el mapa") {
		t.Errorf("Spanish details:\n%s", got)
	}
	if w.timeline.title.Text != tr("es", "timeline") || w.timeline.next.Text != "Siguiente" {
		t.Errorf("timeline not in Spanish: %q %q", w.timeline.title.Text, w.timeline.next.Text)
	}
	w.timeline.list.Select(rowOf(t, w, "coxquihui-candidate"))
	if got := detailsText(w); !strings.Contains(got, "abr 2025 — Asesinan a candidato a alcalde") {
		t.Errorf("Spanish incident:\n%s", got)
	}
	if w.app.Preferences().String(prefLang) != "es" {
		t.Error("the language was not remembered")
	}
	// Place and state names stay in Spanish in both languages.
	if !strings.Contains(detailsText(w), "Estado: Veracruz") {
		t.Errorf("state name:\n%s", detailsText(w))
	}
}

func TestCorruptPreferencesFallBack(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLang, "xx")
	a.Preferences().SetFloat(prefWidth, -5)
	a.Preferences().SetFloat(prefViewRes, 1e300)
	w, err := NewWindow(a, builtInStory(t))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	<-w.MapLoaded
	if w.model.lang != "en" {
		t.Errorf("unknown language preference gave %q", w.model.lang)
	}
	if w.mapView.pending != nil {
		t.Error("an absurd saved view was restored")
	}
}
