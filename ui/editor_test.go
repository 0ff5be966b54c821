package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sovmap/geo/appstate"
	"sovmap/geo/export"
	"sovmap/geo/recovery"
	"sovmap/geo/story"
	"sovmap/geo/storyedit"
	"sovmap/geo/storyfile"
)

// newEditingWindow is a test window whose recovery files go to a folder of
// the test's own, and whose autosave the test drives (Fyne's test driver
// runs fyne.Do on the goroutine that calls it, so a timer's copy would
// race the test).
func newEditingWindow(t *testing.T) (*Window, string) {
	t.Helper()
	dir := t.TempDir()
	t.Setenv(recovery.DirEnv, dir)
	w := newTestWindow(t)
	w.edit.manual = true
	return w, dir
}

// closeOverlays closes the dialogs open over the window.
func closeOverlays(w *Window) {
	for w.Canvas().Overlays().Top() != nil {
		w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	}
}

// fillItem writes an item's fields into the open form.
type fillItem struct {
	event           bool
	title, titleES  string
	summary         string
	datePrec, date  string
	dateEnd         string
	place           string // a name for the gazetteer
	source, address string
}

func (f fillItem) into(t *testing.T, form *itemForm) {
	t.Helper()
	if f.event {
		form.kind.SetSelectedIndex(slices.Index(form.kinds, string(story.Event)))
	}
	form.title.en.SetText(f.title)
	form.title.es.SetText(f.titleES)
	form.summary.en.SetText(f.summary)
	form.datePrec.SetSelectedIndex(slices.Index(form.datePrecs, f.datePrec))
	form.date.SetText(f.date)
	form.dateEnd.SetText(f.dateEnd)
	if f.place != "" {
		form.query.SetText(f.place)
		if len(form.results) == 0 {
			t.Fatalf("the gazetteer finds no %q", f.place)
		}
		form.choose(form.results[0])
	}
	form.sourceName.en.SetText(f.source)
	form.sourceURL.SetText(f.address)
}

// A story written in the window: a new story, two incidents placed by the
// gazetteer and an undated event, a wrong date said at its field and
// nothing changed by it, undo and redo, an edit of a field, and a save
// that opens again as the same story, field by field.
func TestWriteAStoryInTheWindow(t *testing.T) {
	w, _ := newEditingWindow(t)
	st := w.state
	w.edit.newStory()
	closeOverlays(w) // the title dialog; the title is set below
	if len(st.Story().Items) != 0 || w.edit.dirty() {
		t.Fatalf("a new story has %d items, unsaved %v", len(st.Story().Items), w.edit.dirty())
	}
	w.edit.change(func(d *storyedit.Doc) error {
		d.SetMeta(storyedit.Meta{Title: story.Text{"en": "My story", "es": "Mi historia"}})
		return nil
	})
	if got := w.Title(); got != "Sovmap — *My story" {
		t.Errorf("window title %q, want the unsaved mark", got)
	}
	items := []fillItem{
		{title: "Attack in Teocaltiche", titleES: "Ataque en Teocaltiche", summary: "Two people were hurt.", datePrec: "week", date: "2025-04-28",
			place: "Teocaltiche", source: "El Informador", address: "https://example.org/a"},
		{title: "Raid in Huitzilac", datePrec: "range", date: "2025-05-02", dateEnd: "2025-05-06", place: "Huitzilac", source: "Reuters"},
		{event: true, title: "Talks announced", datePrec: "undated", source: "Reuters"},
	}
	for i, f := range items {
		w.edit.addItem(nil)
		form := w.edit.form
		if form == nil {
			t.Fatal("Add item opened no form")
		}
		f.into(t, form)
		form.apply()
		if w.edit.form != nil {
			t.Fatalf("item %d: the form stayed open: %v", i, visibleProblems(form))
		}
		if n := len(st.Story().Items); n != i+1 {
			t.Fatalf("after item %d the story has %d items", i, n)
		}
		if sel := st.Item(); sel == nil || sel.Title.In("en") != f.title {
			t.Errorf("item %d: the new item is not selected (%v)", i, sel)
		}
	}
	teo := itemTitled(t, st.Story(), "Attack in Teocaltiche")
	if teo.LocationPrecision != "municipality" || st.AreaOf(teo.Place) == nil || st.AreaOf(teo.Place).Name != "Teocaltiche" {
		t.Errorf("a municipality found by name: precision %q, area %v", teo.LocationPrecision, st.AreaOf(teo.Place))
	}
	if teo.Date.Precision != story.Week || teo.Date.Format("en") != "week of 28 Apr 2025" {
		t.Errorf("the week: %+v", teo.Date)
	}

	// A day that does not exist: said at the date, and nothing changes.
	w.edit.addItem(nil)
	form := w.edit.form
	fillItem{title: "Bad date", datePrec: "day", date: "2025-02-30", source: "Reuters", address: "not an address"}.into(t, form)
	form.apply()
	if w.edit.form == nil || len(st.Story().Items) != 3 {
		t.Fatal("an item with a day that does not exist was added")
	}
	probs := visibleProblems(form)
	if !strings.Contains(probs["date"], "not a real day") || !strings.Contains(probs["source_url"], "web address") {
		t.Errorf("problems at the fields: %q", probs)
	}
	form.dateEnd.SetText("")
	form.datePrec.SetSelectedIndex(slices.Index(form.datePrecs, "range"))
	form.date.SetText("2025-03-10")
	form.dateEnd.SetText("2025-03-01")
	form.sourceURL.SetText("")
	form.apply()
	if probs := visibleProblems(form); !strings.Contains(probs["date"], "ends before it starts") {
		t.Errorf("a range ending before it starts: %q", probs)
	}
	w.edit.closeForm()

	// Undo and redo; Ctrl+Z in a text field undoes the typing, not the story.
	w.undoKey()
	if len(st.Story().Items) != 2 || !w.edit.canRedo() {
		t.Fatalf("undo left %d items", len(st.Story().Items))
	}
	w.redoKey()
	if len(st.Story().Items) != 3 {
		t.Fatalf("redo left %d items", len(st.Story().Items))
	}
	st.SelectItem(itemTitled(t, st.Story(), "Raid in Huitzilac"))
	w.edit.editItem()
	w.edit.form.summary.es.SetText("Un operativo.")
	w.Canvas().Focus(w.edit.form.summary.esField)
	w.undoKey()
	if len(st.Story().Items) != 3 {
		t.Fatal("Ctrl+Z in a text field undid a change to the story")
	}
	w.edit.form.summary.es.SetText("Un operativo.")
	w.editKey() // Ctrl+Enter applies
	raid := itemTitled(t, st.Story(), "Raid in Huitzilac")
	if raid.Summary["es"] != "Un operativo." || st.Item() != raid {
		t.Errorf("the edit: summary %q, selected %v", raid.Summary["es"], st.Item())
	}

	// Save, and open again.
	path := filepath.Join(t.TempDir(), "mine.geojson")
	saved := make(chan struct{})
	w.edit.write(path, func() { close(saved) })
	<-saved
	if w.edit.dirty() || w.Title() != "Sovmap — My story" {
		t.Errorf("after saving: unsaved %v, title %q", w.edit.dirty(), w.Title())
	}
	again, rep, err := storyfile.Read(context.Background(), path, storyfile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Format != storyfile.OwnFormatName {
		t.Errorf("saved as %q", rep.Format)
	}
	if a, b := geojsonOf(t, again), geojsonOf(t, st.Story()); a != b {
		t.Errorf("the saved story opens as another:\n%s\nwant\n%s", a, b)
	}
	for _, tt := range []struct{ got, want string }{
		{itemTitled(t, again, "Attack in Teocaltiche").Title["es"], "Ataque en Teocaltiche"},
		{itemTitled(t, again, "Attack in Teocaltiche").Sources[0].Name.In("en"), "El Informador"},
		{itemTitled(t, again, "Attack in Teocaltiche").Sources[0].URL, "https://example.org/a"},
		{itemTitled(t, again, "Raid in Huitzilac").Date.Format("en"), "2–6 May 2025"},
		{itemTitled(t, again, "Raid in Huitzilac").Place.Name, "Huitzilac"},
		{string(itemTitled(t, again, "Talks announced").Kind), "event"},
		{itemTitled(t, again, "Talks announced").Date.Format("en"), "Undated"},
		{again.Title["es"], "Mi historia"},
	} {
		if tt.got != tt.want {
			t.Errorf("opened again: %q, want %q", tt.got, tt.want)
		}
	}
	if w.recent()[0] != path {
		t.Errorf("Open recent: %v", w.recent())
	}
	// Opened again, it exports as the window's story does: PNG, SVG and
	// the page, byte for byte, with the same view and selection.
	reopened := appstate.New(again, "en")
	reopened.SetMap(st.Map())
	v := st.View()
	reopened.SetViewSize(v.Width, v.Height)
	reopened.SetView(v.Center, v.Res)
	reopened.SelectItem(again.ItemByID(st.Item().ID))
	dir := t.TempDir()
	for _, ext := range []string{".png", ".svg", ".html"} {
		o := export.DefaultOptions(st)
		o.Width, o.Height = 800, 500
		a, b := filepath.Join(dir, "window"+ext), filepath.Join(dir, "reopened"+ext)
		if err := export.Map(a, st, o); err != nil {
			t.Fatal(err)
		}
		if err := export.Map(b, reopened, o); err != nil {
			t.Fatal(err)
		}
		ba, _ := os.ReadFile(a)
		bb, _ := os.ReadFile(b)
		if !bytes.Equal(ba, bb) {
			t.Errorf("the %s export of the story opened again differs from the window's", ext)
		}
	}
}

// A file of another format is never written: its items are edited, and
// Save asks where; a Sovmap story is saved where it came from.
func TestEditingAnOpenedFile(t *testing.T) {
	w, _ := newEditingWindow(t)
	dir := t.TempDir()
	csv := filepath.Join(dir, "events.csv")
	if err := os.WriteFile(csv, []byte("name,lat,lon,date\nZócalo,19.43,-99.13,2025-01-13\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	<-w.OpenStory(csv)
	if w.edit.path != "" || w.edit.suggestPath() == csv || !strings.HasSuffix(w.edit.suggestPath(), ".sovmap.geojson") {
		t.Errorf("a CSV opened: saves to %q, suggests %q", w.edit.path, w.edit.suggestPath())
	}
	w.state.SelectItem(w.state.Story().Items[0])
	w.edit.deleteSelected()
	if len(w.state.Story().Items) != 0 || !w.edit.dirty() {
		t.Fatal("the CSV's item was not deleted")
	}
	if sameFile(csv, filepath.Join(dir, ".", "events.csv")) != true {
		t.Error("sameFile does not see one file")
	}
	own := filepath.Join(dir, "own.geojson")
	var b bytes.Buffer
	storyfile.WriteGeoJSON(&b, builtInStory(t))
	os.WriteFile(own, b.Bytes(), 0o644)
	w.edit.doc = nil // the changes given up, as Don't save does
	<-w.OpenStory(own)
	if w.edit.path != own {
		t.Errorf("a Sovmap story opened: saves to %q", w.edit.path)
	}
	csvAfter, _ := os.ReadFile(csv)
	if string(csvAfter) != "name,lat,lon,date\nZócalo,19.43,-99.13,2025-01-13\n" {
		t.Error("the CSV opened was changed")
	}
}

// Unsaved work is copied to the window's own recovery file; two windows
// never list each other's as left; a copy left by a window gone is
// offered at the next launch and restored as unsaved work.
func TestAutosaveAndRestore(t *testing.T) {
	w, dir := newEditingWindow(t)
	st := w.state
	st.SelectItem(st.Story().Items[0])
	gone := st.Item().ID
	w.edit.deleteSelected()
	<-w.edit.autosave()
	if left, _ := recovery.Left(dir); len(left) != 0 {
		t.Errorf("a live window's copy is listed as left: %v", left)
	}
	copies, _ := filepath.Glob(filepath.Join(dir, "*.geojson"))
	if len(copies) != 1 {
		t.Fatalf("recovery copies: %v", copies)
	}
	// The window dies: its copy stays, its lock goes.
	for _, ext := range []string{".geojson", ".json"} {
		b, err := os.ReadFile(strings.TrimSuffix(copies[0], ".geojson") + ext)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "dead-1"+ext), b, 0o644)
	}
	want := geojsonOf(t, st.Story())

	w2 := newTestWindow(t)
	w2.edit.manual = true
	w2.edit.offerRestore()
	if w2.confirmOp == nil {
		t.Fatal("no offer to restore")
	}
	w2.confirmOp(true)
	<-w2.edit.inflight // the restored work's own copy, written at once
	if !w2.edit.dirty() || !strings.HasPrefix(w2.Title(), "Sovmap — *") {
		t.Errorf("restored work is not unsaved: title %q", w2.Title())
	}
	if got := geojsonOf(t, w2.state.Story()); got != want {
		t.Error("the restored story is not the one copied")
	}
	if w2.state.Story().ItemByID(gone) != nil {
		t.Error("the deleted item came back")
	}
	if _, err := os.Stat(filepath.Join(dir, "dead-1.geojson")); !os.IsNotExist(err) {
		t.Error("the restored copy was not removed")
	}
	closeOverlays(w2)
	// Saving clears the window's copy.
	saved := make(chan struct{})
	w.edit.write(filepath.Join(t.TempDir(), "s.geojson"), func() { close(saved) })
	<-saved
	if left, _ := filepath.Glob(copies[0]); len(left) != 0 {
		t.Error("the copy stayed after saving")
	}
}

// The writing works with a story of bigStoryRows (10,000) items: an edit is shown, and
// undone, without the story being opened again.
func TestEditAtScale(t *testing.T) {
	if testing.Short() {
		t.Skip("a 10,000-item story")
	}
	w, _ := newEditingWindow(t)
	openBigStory(t, w) // bigStoryRows of ACLED's layout
	st := w.state
	n := len(st.Story().Items)
	st.SelectItem(st.Story().Items[n/2])
	w.edit.editItem()
	w.edit.form.title.en.SetText("Changed")
	w.edit.form.apply()
	if st.Item() == nil || st.Item().Title.In("en") != "Changed" || len(st.Story().Items) != n {
		t.Fatalf("the edit at scale: %v", st.Item())
	}
	w.undoKey()
	if itemTitledOK(st.Story(), "Changed") {
		t.Error("undo at scale left the change")
	}
}

// An edit of a large story is shown off the UI goroutine: the call
// returns with the title marking the change and the story shown as it
// was; the result, applied on the UI goroutine (played by the test),
// shows the edit with the item selected and the filter kept. Of two edits
// made before the first is ready, only the last's result is shown; undo
// takes back the last edit the same way.
func TestBigEditIsShownOffTheUIGoroutine(t *testing.T) {
	if testing.Short() {
		t.Skip("a 10,000-item story")
	}
	w, _ := newEditingWindow(t)
	openBigStory(t, w)
	defer func(n int) { bigRevision = n }(bigRevision)
	bigRevision = 1000
	ui := make(chan func(), 4)
	w.edit.apply = func(f func()) {
		done := make(chan struct{})
		ui <- func() { f(); close(done) }
		<-done
	}
	st := w.state
	n := len(st.Story().Items)
	st.SetFilter(appstate.Filter{Category: "Battles"})
	shownBefore := len(st.Shown().Items)
	first, second := st.Shown().Items[0], st.Shown().Items[1]
	before := st.Story()
	for _, it := range []*story.Item{first, second} {
		st.SelectItem(it)
		w.edit.deleteSelected()
	}
	if st.Story() != before || !strings.HasPrefix(w.Title(), "Sovmap — *") {
		t.Fatalf("before the results: the story shown changed (%v), title %q", st.Story() != before, w.Title())
	}
	for range 2 { // in whichever order they are ready
		(<-ui)()
		if got := len(st.Story().Items); got == n-1 {
			t.Fatal("the superseded edit was shown")
		}
	}
	if got := len(st.Story().Items); got != n-2 || len(st.Shown().Items) != shownBefore-2 || st.Filter().Category != "Battles" {
		t.Fatalf("after the edits: %d items (want %d), %d shown (want %d), filter %+v", got, n-2, len(st.Shown().Items), shownBefore-2, st.Filter())
	}
	w.undoKey()
	(<-ui)()
	if got := len(st.Story().Items); got != n-1 || st.Item() == nil || st.Item().ID != second.ID {
		t.Errorf("after undo: %d items (want %d), selected %v (want %s)", got, n-1, st.Item(), second.ID)
	}
	if !w.edit.dirty() || !w.edit.canUndo() {
		t.Error("after undo, one deletion is left to undo")
	}
}

func visibleProblems(f *itemForm) map[string]string {
	out := map[string]string{}
	for field, l := range f.problems {
		if l.Visible() {
			out[field] = l.Text
		}
	}
	return out
}

func itemTitled(t *testing.T, s *story.Story, title string) *story.Item {
	t.Helper()
	for _, it := range s.Items {
		if it.Title.In("en") == title {
			return it
		}
	}
	t.Fatalf("no item %q", title)
	return nil
}

func itemTitledOK(s *story.Story, title string) bool {
	for _, it := range s.Items {
		if it.Title.In("en") == title {
			return true
		}
	}
	return false
}

func geojsonOf(t *testing.T, s *story.Story) string {
	t.Helper()
	var b bytes.Buffer
	if err := storyfile.WriteGeoJSON(&b, s); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// The form's place field is worked by keyboard: Down chooses the next
// place found, Enter takes it.
func TestPlaceFieldByKeyboard(t *testing.T) {
	w, _ := newEditingWindow(t)
	w.edit.addItem(nil)
	f := w.edit.form
	test.Type(f.query, "san juan")
	if len(f.results) < 2 {
		t.Fatalf("%d places found for san juan", len(f.results))
	}
	second := f.results[1]
	w.edit.addItem(nil) // Ctrl+I again: the form open stays, with its text
	if w.edit.form != f || f.query.Text != "san juan" {
		t.Fatal("a second Add item replaced the form being written")
	}
	f.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	f.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f.place == nil || f.place.Name != second.Name || f.place.Point != second.LonLat {
		t.Errorf("Down, Enter placed the item at %+v, want %s", f.place, second.Name)
	}
}

// The item form is worked by keyboard: Tab leaves a summary as it leaves
// a one-line field, the form scrolls to the field that takes the
// keyboard and to the first problem, and problems are said in the
// window's language.
func TestFormFollowsTheKeyboard(t *testing.T) {
	w, _ := newEditingWindow(t)
	w.state.SetLanguage("es")
	w.edit.addItem(nil)
	f := w.edit.form
	if tab, ok := f.summary.enField.(fyne.Tabbable); !ok || tab.AcceptsTab() {
		t.Error("Tab types a tab character into the summary instead of moving on")
	}
	shows := func(o fyne.CanvasObject) bool {
		d := fyne.CurrentApp().Driver()
		top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(f.scroll).Y
		return top >= 0 && top+o.Size().Height <= f.scroll.Size().Height
	}
	if shows(f.sourceURL) {
		t.Fatal("the form is short enough to show every field: nothing to scroll")
	}
	for _, o := range []fyne.Focusable{f.sourceURL, f.title.enField, f.victims.esField, f.datePrec, f.query} {
		w.Canvas().Focus(o)
		if !shows(o.(fyne.CanvasObject)) {
			t.Errorf("%T took the keyboard out of sight (scrolled to %v)", o, f.scroll.Offset)
		}
	}
	w.Canvas().Focus(f.sourceURL)
	f.title.en.SetText("")
	f.apply()
	p := f.problems["title"]
	if !p.Visible() || !shows(p) {
		t.Errorf("the title's problem is not in view (shown: %v)", p.Visible())
	}
	if !strings.HasPrefix(p.Text, "dé un título") {
		t.Errorf("the Spanish window says the problem as %q", p.Text)
	}
}
