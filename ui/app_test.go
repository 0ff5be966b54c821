package ui

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sovmap/geo/geotest"
	"sovmap/geo/pixeltest"
	"sovmap/geo/render"
	"sovmap/geo/story"
)

func builtInStory(t testing.TB) *story.Story { return geotest.BuiltInStory(t) }

// newTestWindow opens the main window on Fyne's test driver at 1280x800
// and draws it once, so the map has a view.
func newTestWindow(t testing.TB) *Window {
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
	if err := w.WaitForMap(time.Minute); err != nil {
		t.Fatal(err)
	}
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

// markerPos is where place id's marker is, in the map view's units.
func markerPos(t *testing.T, w *Window, id string) fyne.Position {
	t.Helper()
	p := w.state.Story().PlaceByID(id)
	if p == nil {
		t.Fatalf("no place %s", id)
	}
	x, y := w.state.View().ToUnits(w.state.Map().Proj.Forward(p.Point))
	return fyne.NewPos(float32(x), float32(y))
}

// detailsText is all the text the details panel shows, a line to a
// paragraph.
func detailsText(w *Window) string {
	var b strings.Builder
	var write func([]widget.RichTextSegment)
	write = func(segs []widget.RichTextSegment) {
		for _, s := range segs {
			if l, ok := s.(*widget.ListSegment); ok {
				write(l.Items)
				continue
			}
			b.WriteString(s.Textual())
			if _, link := s.(*widget.HyperlinkSegment); !s.Inline() || link {
				b.WriteString("\n")
			}
		}
	}
	write(w.details.head.Segments)
	write(w.details.body.Segments)
	return b.String()
}

// With nothing selected, the panel opens on the story: its headline, the
// dates it covers, what it holds, its sources, and a button that starts
// it; how to use the map is in the Help menu.
func TestOpeningIntroducesTheStory(t *testing.T) {
	w := newTestWindow(t)
	got := detailsText(w)
	for _, want := range []string{w.state.Story().Title.In("en"), "From 2023 to 3 May 2025", "4 places, 5 incidents", "Reuters, early May 2025"} {
		if !strings.Contains(got, want) {
			t.Errorf("the opening has no %q:\n%s", want, got)
		}
	}
	var start *widget.Button
	for _, o := range w.details.box.Objects {
		if c, ok := o.(*fyne.Container); ok {
			for _, b := range c.Objects {
				if btn, ok := b.(*widget.Button); ok && btn.Text == "Start the story" {
					start = btn
				}
			}
		}
	}
	if start == nil {
		t.Fatal("no Start the story button")
	}
	test.Tap(start)
	if it := w.state.Item(); it == nil || it != w.state.Shown().Items[0] {
		t.Errorf("Start the story selected %v, want the first item", it)
	}
	if head := w.details.head.Segments[0].(*widget.TextSegment); !w.story.on || head.Style != widget.RichTextStyleHeading {
		t.Error("the story started, but the panel does not show the item as a slide")
	}
	w.globalKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.story.on || w.state.Item() != nil {
		t.Error("Escape did not leave the story")
	}
	help := w.MainMenu().Items[3].Items[0] // File, Edit, View, Help
	if help.Label != "How to use the map" {
		t.Errorf("the Help menu's first item is %q", help.Label)
	}
	if !strings.HasPrefix(w.Title(), "Sovmap") {
		t.Errorf("window title %q does not start with Sovmap", w.Title())
	}
}

func TestMarkerTapShowsAllIncidentsOfThePlace(t *testing.T) {
	w := newTestWindow(t)
	test.TapAt(w.mapView, markerPos(t, w, "teocaltiche").AddXY(3, -2))
	if w.state.Place() == nil || w.state.Place().ID != "teocaltiche" {
		t.Fatalf("selected place %v, want teocaltiche", w.state.Place())
	}
	got := detailsText(w)
	for _, want := range []string{"Teocaltiche", "Municipality: Teocaltiche, Jalisco", "c. 14 Apr 2025 — Police chief shot dead",
		"28 Apr 2025 — Council secretary shot dead", "Source: Reuters", "two weeks before 28 April"} {
		if !strings.Contains(got, want) {
			t.Errorf("details lack %q:\n%s", want, got)
		}
	}
	// The timeline selects the place's first incident.
	if w.state.Item() == nil || w.state.Item().ID != "teocaltiche-police-chief" {
		t.Errorf("timeline item %v, want teocaltiche-police-chief", w.state.Item())
	}
}

func TestTapAwayFromMarkersSelectsNothing(t *testing.T) {
	w := newTestWindow(t)
	test.TapAt(w.mapView, fyne.NewPos(5, 300))
	if w.state.Place() != nil {
		t.Errorf("tap on the sea selected %s", w.state.Place().ID)
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
	if w.state.Place() == nil || w.state.Place().ID != "huitzilac" {
		t.Fatalf("selected place %v, want huitzilac", w.state.Place())
	}
	img := capture(w)
	// The selection ring is drawn around Huitzilac's marker on the map.
	pos := markerPos(t, w, "huitzilac")
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(w.mapView).Add(pos)
	st := render.LightStyle(1)
	if n := countColor(img, abs, 16, st.Selection); n < 40 {
		t.Errorf("%d pixels of the selection ring around Huitzilac's marker, want at least 40", n)
	}
	other := fyne.CurrentApp().Driver().AbsolutePositionForObject(w.mapView).Add(markerPos(t, w, "coxquihui"))
	if n := countColor(img, other, 16, st.Selection); n != 0 {
		t.Errorf("%d selection pixels around Coxquihui, which is not selected", n)
	}
	// An event with no place shows in details only.
	w.timeline.list.Select(rowOf(t, w, "sheinbaum-rejects"))
	if w.state.Place() != nil || w.state.Item() == nil || w.state.Item().ID != "sheinbaum-rejects" {
		t.Errorf("event selected place %v item %v", w.state.Place(), w.state.Item())
	}
	if !strings.Contains(detailsText(w), "Sheinbaum announces she rejected the proposal") {
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
	items := w.state.Story().Items
	test.Tap(w.timeline.next)
	test.Tap(w.timeline.next)
	if w.state.Item() != items[1] {
		t.Fatalf("after next twice: %v, want %s", w.state.Item(), items[1].ID)
	}
	test.Tap(w.timeline.prev)
	if w.state.Item() != items[0] {
		t.Fatalf("after previous: %v, want %s", w.state.Item(), items[0].ID)
	}
	// The arrow keys do the same when no widget has the focus.
	w.Canvas().Unfocus()
	key := w.Canvas().OnTypedKey()
	key(&fyne.KeyEvent{Name: fyne.KeyRight})
	key(&fyne.KeyEvent{Name: fyne.KeyRight})
	if w.state.Item() != items[2] {
		t.Errorf("after two right arrows: %v, want %s", w.state.Item(), items[2].ID)
	}
	// Stepping past the end stays on the last item.
	for range items {
		key(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	if w.state.Item() != items[len(items)-1] {
		t.Errorf("past the end: %v", w.state.Item())
	}
	key(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.state.Item() != nil || w.state.Place() != nil {
		t.Errorf("Escape left %v selected", w.state.Item())
	}
}

func TestKeyboardSelectsMarkers(t *testing.T) {
	w := newTestWindow(t)
	v := w.mapView
	w.Canvas().Focus(v)
	if !v.focused {
		t.Fatal("the map cannot take the focus")
	}
	key := func(k fyne.KeyName) { v.TypedKey(&fyne.KeyEvent{Name: k}) }
	// The arrows move to the nearest marker on their side of the map, not
	// in date order: Coxquihui is the easternmost place, Huitzilac the
	// nearest west of it, Teuchitlán the westernmost, Teocaltiche just
	// north-east of Teuchitlán.
	steps := []struct {
		key  fyne.KeyName
		want string
	}{
		{fyne.KeyRight, "coxquihui"}, {fyne.KeyRight, "coxquihui"}, // nothing further east
		{fyne.KeyLeft, "huitzilac"}, {fyne.KeyLeft, "teuchitlan"}, {fyne.KeyLeft, "teuchitlan"},
		{fyne.KeyUp, "teocaltiche"}, {fyne.KeyDown, "teuchitlan"}, {fyne.KeyRight, "teocaltiche"},
	}
	for i := 0; i < 3; i++ { // from wherever the ring starts, go east
		key(fyne.KeyRight)
	}
	for _, s := range steps {
		key(s.key)
		if v.focus != s.want {
			t.Fatalf("after %s the focus ring is on %q, want %q", s.key, v.focus, s.want)
		}
	}
	capture(w)
	if _, sc := v.lastFrame(); sc.Focused != "teocaltiche" {
		t.Errorf("focus ring drawn on %q", sc.Focused)
	}
	key(fyne.KeyReturn)
	if p := w.state.Place(); p == nil || p.ID != "teocaltiche" {
		t.Errorf("Enter selected %v, want teocaltiche", p)
	}
	// The window's keys work with the map focused too.
	key(fyne.KeyEscape)
	if w.state.Place() != nil {
		t.Error("Escape did not clear the selection")
	}
}

// The window's keys work wherever the focus is: on the timeline's list as
// with nothing focused; Ctrl+Q is a shortcut.
func TestWindowKeysWorkWithTheTimelineFocused(t *testing.T) {
	w := newTestWindow(t)
	items := w.state.Shown().Items
	test.Tap(w.timeline.next) // select the first item
	w.Canvas().Focus(w.timeline.list)
	w.timeline.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if w.state.Item() != items[1] {
		t.Errorf("Right on the focused timeline selected %v, want %s", w.state.Item(), items[1].ID)
	}
	before := w.state.View()
	w.timeline.list.TypedRune('+')
	if w.state.View().Res >= before.Res {
		t.Error("+ on the focused timeline did not zoom in")
	}
	w.timeline.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	if !w.state.View().Whole {
		t.Error("Home on the focused timeline did not show all of Mexico")
	}
	w.timeline.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.state.Item() != nil {
		t.Error("Escape on the focused timeline did not clear the selection")
	}
	// Shortcuts work from the canvas too, and Quit has Ctrl+Q.
	res := w.state.View().Res
	w.Canvas().(fyne.Shortcutable).TypedShortcut(zoomInShortcut)
	if w.state.View().Res >= res {
		t.Error("Ctrl+= on the canvas did not zoom in")
	}
	file := w.MainMenu().Items[0].Items
	if quit := file[len(file)-1]; !quit.IsQuit || quit.Shortcut != quitShortcut {
		t.Errorf("the File menu ends with %q (shortcut %v), want Quit with Ctrl+Q", quit.Label, quit.Shortcut)
	}
}

func TestPanAndZoom(t *testing.T) {
	w := newTestWindow(t)
	st := w.state
	before := st.View()
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(w.mapView).AddXY(200, 200)
	test.Drag(w.Canvas(), at, 40, 10)
	after := st.View()
	if dx := (before.Center[0] - after.Center[0]) / after.Res; dx < 39.9 || dx > 40.1 {
		t.Errorf("drag by 40 moved the view by %v units", dx)
	}
	anchor := after.FromUnits(200, 200)
	// test.Scroll sends no position, so the event is made by hand.
	w.mapView.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(200, 200)}, Scrolled: fyne.Delta{DY: 30}})
	if st.View().Res >= before.Res {
		t.Errorf("scrolling up did not zoom in: %v m/unit", st.View().Res)
	}
	moved := st.View().FromUnits(200, 200)
	if abs(anchor[0]-moved[0]) > 1e-6*before.Res || abs(anchor[1]-moved[1]) > 1e-6*before.Res {
		t.Errorf("zoom moved the point under the pointer from %v to %v", anchor, moved)
	}
	st.ShowAll()
	if got := st.View(); got != before {
		t.Errorf("show all gave %+v, want %+v", got, before)
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
	w.state.SetLanguage("es")
	if got := detailsText(w); !strings.Contains(got, "Del 2023 al 3 may 2025") {
		t.Errorf("Spanish details:\n%s", got)
	}
	if w.timeline.title.Text != tr("es", "timeline") || w.timeline.next.Text != "Siguiente" || w.MainMenu().Items[0].Label != "Archivo" {
		t.Errorf("timeline not in Spanish: %q %q", w.timeline.title.Text, w.timeline.next.Text)
	}
	w.timeline.list.Select(rowOf(t, w, "coxquihui-candidate"))
	if got := detailsText(w); !strings.Contains(got, "abr 2025 — Asesinan a un candidato a alcalde") {
		t.Errorf("Spanish incident:\n%s", got)
	}
	if w.app.Preferences().String(prefLang) != "es" {
		t.Error("the language was not remembered")
	}
	// Place and state names stay in Spanish in both languages.
	if !strings.Contains(detailsText(w), "Municipio: Coxquihui, Veracruz de Ignacio de la Llave") {
		t.Errorf("state name:\n%s", detailsText(w))
	}
}

func TestCorruptPreferencesFallBack(t *testing.T) {
	tests := []struct {
		name   string
		set    func(fyne.Preferences)
		width  float32
		height float32
	}{
		{"negative width", func(p fyne.Preferences) { p.SetFloat(prefWidth, -5) }, defaultWidth, defaultHeight},
		{"huge width", func(p fyne.Preferences) { p.SetFloat(prefWidth, -5000); p.SetFloat(prefHeight, 1e9) }, defaultWidth, defaultHeight},
		{"not a number", func(p fyne.Preferences) { p.SetFloat(prefHeight, math.NaN()) }, defaultWidth, defaultHeight},
		{"sane", func(p fyne.Preferences) { p.SetFloat(prefWidth, 900); p.SetFloat(prefHeight, 700) }, 900, 700},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			p := a.Preferences()
			p.SetString(prefLang, "xx")
			p.SetFloat(prefViewRes, 1e300)
			p.SetFloat(prefViewX, math.Inf(1))
			tt.set(p)
			w, err := NewWindow(a, builtInStory(t))
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			if err := w.WaitForMap(time.Minute); err != nil {
				t.Fatal(err)
			}
			if w.state.Lang() != "en" {
				t.Errorf("unknown language preference gave %q", w.state.Lang())
			}
			if !w.state.View().Whole {
				t.Errorf("an absurd saved view was restored: %+v", w.state.View())
			}
			if got := w.Canvas().Size(); got.Width != tt.width || got.Height != tt.height {
				t.Errorf("window %v, want %vx%v", got, tt.width, tt.height)
			}
		})
	}
	// Never larger than the screen.
	got := newPrefs(test.NewTempApp(t).Preferences()).windowSize(fyne.NewSize(1024, 700))
	if got.Width > 1024 || got.Height > 700 {
		t.Errorf("on a 1024x700 screen the window is %v", got)
	}
}

// Previous stops at the first item and Next at the last, as the buttons
// show; with nothing selected both start the story from an end.
func TestStepButtonsStopAtTheEnds(t *testing.T) {
	w := newTestWindow(t)
	st := w.state
	items := st.Shown().Items
	for _, tc := range []struct {
		name       string
		do         func()
		prev, next bool // enabled
	}{
		{"nothing selected", st.ClearSelection, true, true},
		{"the first item", func() { st.SelectItem(items[0]) }, false, true},
		{"the second item", func() { st.SelectItem(items[1]) }, true, true},
		{"the last item", func() { st.SelectItem(items[len(items)-1]) }, true, false},
		{"cleared again", st.ClearSelection, true, true},
	} {
		tc.do()
		if prev, next := !w.timeline.prev.Disabled(), !w.timeline.next.Disabled(); prev != tc.prev || next != tc.next {
			t.Errorf("%s: Previous enabled %v, Next enabled %v; want %v, %v", tc.name, prev, next, tc.prev, tc.next)
		}
	}
}

// Enter closes a message such as "Saved to …".
func TestEnterClosesAMessage(t *testing.T) {
	w := newTestWindow(t)
	w.showMessage("Export", "Saved to /tmp/x.png")
	if !w.modal() {
		t.Fatal("the message did not show")
	}
	w.globalKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if w.modal() {
		t.Error("Enter left the message open")
	}
}

// A marker's tooltip names the place, the dates of its incidents and the
// first headline, and never covers another marker or its name, or the
// furniture: hovering every marker, in the whole country and closer in, in
// either language; and with the pointer just above and left of every
// marker's box, where the first choice, below and right, would cover it.
func TestMarkerTooltip(t *testing.T) {
	w := newTestWindow(t)
	w.Resize(newPrefs(w.app.Preferences()).windowSize(fyne.NewSize(1280, 800)))
	v := w.mapView
	capture(w)
	at := markerPos(t, w, "teocaltiche")
	v.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}})
	want := []string{"Teocaltiche", "c. 14 Apr 2025 – 28 Apr 2025 (2 incidents)", "Police chief shot dead"}
	for i, line := range want {
		if tt := v.tipText[i]; !tt.Visible() || tt.Text != line {
			t.Errorf("tooltip line %d: %q (shown %v), want %q", i, tt.Text, tt.Visible(), line)
		}
	}
	covers := func(what string, ptr fyne.Position) {
		t.Helper()
		scale := float32(v.lastView.Width) / v.Size().Width
		pos, box := v.tipBox.Position(), v.tipBox.Size()
		r := image.Rect(int(pos.X*scale), int(pos.Y*scale), int((pos.X+box.Width)*scale), int((pos.Y+box.Height)*scale))
		pointer := image.Pt(int(ptr.X*scale), int(ptr.Y*scale))
		for _, q := range v.layers.Renderer().MarkerBoxes() {
			if q.Overlaps(r) && !pointer.In(q.Inset(-16)) {
				t.Errorf("%s: the tooltip at %v covers %v", what, r, q)
			}
		}
	}
	hovered := 0
	for _, lang := range []string{"en", "es"} {
		w.state.SetLanguage(lang)
		for _, zoom := range []float64{1, 2.5} {
			w.state.ShowAll()
			if zoom > 1 {
				jalisco := markerPos(t, w, "teuchitlan")
				w.state.ZoomAbout(float64(jalisco.X), float64(jalisco.Y), zoom)
			}
			capture(w)
			for _, p := range w.state.Story().Places {
				ptr := markerPos(t, w, p.ID)
				v.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: ptr}})
				if !v.tipBox.Visible() {
					continue // under a cluster's other marker, or out of view
				}
				hovered++
				covers(fmt.Sprintf("%s, zoom %g, over %s", lang, zoom, p.Name), ptr)
			}
		}
	}
	if hovered < 12 {
		t.Errorf("only %d markers hovered", hovered)
	}
	w.state.ShowAll()
	capture(w)
	tried := 0
	scale := float32(v.lastView.Width) / v.Size().Width
	for _, p := range v.layers.Renderer().MarkerBoxes() {
		ptr := fyne.NewPos(float32(p.Min.X)/scale-10, float32(p.Min.Y)/scale-10)
		if ptr.X < 200 || ptr.Y < 100 || ptr.X > v.Size().Width-200 || ptr.Y > v.Size().Height-100 {
			continue // near an edge: fewer places to go
		}
		tried++
		v.showTip(placeTip(w.state.Story().PlaceByID("teocaltiche"), "en"), ptr)
		covers(fmt.Sprintf("pointer at %v", ptr), ptr)
	}
	if tried == 0 {
		t.Error("no box away from the edges to test against")
	}
}

// Over a dialog, Home and the zoom keys and shortcuts leave the map alone.
func TestKeysWaitWhileADialogIsOpen(t *testing.T) {
	w := newTestWindow(t)
	w.state.Zoom(2)
	before := w.state.View()
	w.showMessage("Export", "Saved")
	w.globalKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	w.globalRune('+')
	w.runShortcut(zoomInShortcut)
	w.runShortcut(resetShortcut)
	if w.state.View() != before {
		t.Errorf("the view changed under a dialog: %+v, was %+v", w.state.View(), before)
	}
}

// Without a dialog, the shortcuts act.
func TestShortcutsAct(t *testing.T) {
	w := newTestWindow(t)
	before := w.state.View().Res
	w.runShortcut(zoomInShortcut)
	if w.state.View().Res >= before {
		t.Error("the zoom-in shortcut did not zoom in")
	}
}
