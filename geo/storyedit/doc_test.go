package storyedit_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"sovmap/geo/geotest"
	"sovmap/geo/story"
	"sovmap/geo/storyedit"
	"sovmap/geo/storyfile"
)

// written is the story as Sovmap's file format writes it: two stories
// that write the same bytes are the same story.
func written(t testing.TB, s *story.Story) string {
	t.Helper()
	var b bytes.Buffer
	if err := storyfile.WriteGeoJSON(&b, s); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// randomItem is an incident or event with random fields, at one of a few
// places (so that items share places), citing one of a few sources.
func randomItem(r *rand.Rand) *story.Item {
	n := r.IntN(1000)
	it := &story.Item{
		Kind:    story.Event,
		Side:    []story.Side{story.SideMexico, story.SideUS, story.SidePress, story.SideContext}[r.IntN(4)],
		Title:   story.Text{"en": fmt.Sprintf("Item %d", n)},
		Summary: story.Text{"en": "What happened.", "es": "Lo que pasó."},
		Date:    story.Date{Year: 2025, Month: 1 + r.IntN(12), Day: 1 + r.IntN(28), Precision: story.Day},
		Sources: []*story.Source{{ID: "", Name: story.Text{"en": []string{"Reuters", "El Universal", "Milenio"}[r.IntN(3)]}}},
	}
	if r.IntN(4) == 0 { // a summary is optional
		it.Summary = nil
	}
	switch r.IntN(4) {
	case 0:
		it.Date = story.Date{Year: 2025, Month: 1 + r.IntN(12), Precision: story.Month}
	case 1:
		it.Date = story.Date{Precision: story.Undated}
	}
	if r.IntN(3) > 0 {
		it.Kind, it.Side = story.Incident, ""
		k := r.IntN(4)
		it.Place = &story.Place{Name: fmt.Sprintf("Place %d", k), Point: [2]float64{-99 - float64(k), 19 + float64(k)}}
		it.LocationPrecision = []string{"town", "municipality", "nearby", "region"}[r.IntN(4)]
		it.Category = story.Text{"en": "Attack"}
	}
	return it
}

// Any sequence of edits, undone, gives back the story byte for byte as
// opened; each undo gives back the story as it was before that edit, and
// redoing them all the story as edited. Dirty follows the saved state.
func TestUndoRedoProperty(t *testing.T) {
	base := geotest.BuiltInStory(t)
	opened := written(t, base)
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 7))
		d := storyedit.Open(base)
		states := []string{written(t, d.Story())}
		if states[0] != opened {
			t.Fatalf("seed %d: the opened document writes another story than the one opened", seed)
		}
		steps := 1 + r.IntN(30)
		for range steps {
			ids := itemIDs(d)
			switch op := r.IntN(6); {
			case op == 0 || len(ids) == 0:
				d.Add(randomItem(r))
			case op == 1:
				d.Delete(ids[r.IntN(len(ids))])
			case op == 5:
				// A narrative order of some of the items (or by date again);
				// the items deleted after it drop out of it.
				var order []string
				for _, i := range r.Perm(len(ids))[:r.IntN(len(ids)+1)] {
					order = append(order, ids[i])
				}
				d.SetSteps(order, ids[0])
			case op == 2:
				d.SetMeta(storyedit.Meta{Title: story.Text{"en": fmt.Sprintf("Title %d", r.IntN(100))}})
			default:
				id := ids[r.IntN(len(ids))]
				it := d.Item(id)
				it.Title = story.Text{"en": fmt.Sprintf("Changed %d", r.IntN(100)), "es": "Cambiado"}
				if it.Place != nil && r.IntN(2) == 0 {
					it.Place.Point[0] += 0.01 // moved: no longer the place it shared
				}
				if err := d.Replace(id, it); err != nil {
					t.Fatal(err)
				}
			}
			states = append(states, written(t, d.Story()))
		}
		if !d.Dirty() {
			t.Fatalf("seed %d: %d edits and nothing unsaved", seed, steps)
		}
		for i := steps; i > 0; i-- {
			if !d.Undo() {
				t.Fatalf("seed %d: undo %d refused", seed, steps-i+1)
			}
			if got := written(t, d.Story()); got != states[i-1] {
				t.Fatalf("seed %d: undoing edit %d does not give back the story before it", seed, i)
			}
		}
		if d.Undo() || d.Dirty() {
			t.Fatalf("seed %d: all undone, yet more to undo (%v) or unsaved changes (%v)", seed, d.CanUndo(), d.Dirty())
		}
		for d.Redo() {
		}
		if got := written(t, d.Story()); got != states[steps] {
			t.Fatalf("seed %d: redoing every edit does not give the edited story", seed)
		}
		// What was saved opens again as the same story.
		again, err := storyfile.Parse("saved.geojson", []byte(states[steps]))
		if err != nil {
			t.Fatalf("seed %d: the edited story, saved, does not open: %v", seed, err)
		}
		if got := written(t, again); got != states[steps] {
			t.Fatalf("seed %d: the edited story, saved and opened, is another story", seed)
		}
	}
	if written(t, base) != opened {
		t.Error("editing changed the story the document was opened from")
	}
}

func itemIDs(d *storyedit.Doc) []string {
	var ids []string
	for _, it := range d.Story().Items {
		ids = append(ids, it.ID)
	}
	return ids
}

// Saving marks the document clean; an edit after it, dirty; undoing back
// to the saved state, clean again; a new edit after undoing drops the
// redo.
func TestDirty(t *testing.T) {
	d := storyedit.New()
	if d.Dirty() || d.CanUndo() || d.CanRedo() {
		t.Fatal("a new document has changes")
	}
	id := d.Add(&story.Item{Kind: story.Event, Title: story.Text{"en": "A"}, Sources: []*story.Source{{Name: story.Text{"en": "S"}}}})
	d.MarkSaved(d.Version())
	it := d.Item(id)
	it.Title = story.Text{"en": "B"}
	d.Replace(id, it)
	if !d.Dirty() {
		t.Error("changed after saving, not dirty")
	}
	d.Undo()
	if d.Dirty() {
		t.Error("undone back to the saved state, still dirty")
	}
	d.Undo()
	if !d.Dirty() || !d.CanRedo() {
		t.Error("undone past the save: clean, or nothing to redo")
	}
	d.Add(&story.Item{Kind: story.Event, Title: story.Text{"en": "C"}})
	if d.CanRedo() {
		t.Error("a new edit after undoing left something to redo")
	}
	if err := d.Delete("nonesuch"); err == nil {
		t.Error("deleting an item that is not there: no error")
	}
}

// Places and sources an edit has split keep unique ids: one of them its
// own, the other a new one.
func TestSplitPlacesKeepUniqueIDs(t *testing.T) {
	d := storyedit.Open(geotest.BuiltInStory(t))
	s := d.Story()
	var first *story.Item
	for _, it := range s.Items {
		if it.Place != nil && len(it.Place.Items) > 1 {
			first = it
			break
		}
	}
	if first == nil {
		t.Fatal("the built-in story has no place of several incidents")
	}
	moved := d.Item(first.ID)
	moved.Place.Point[1] += 0.05
	d.Replace(first.ID, moved)
	seen := map[string]bool{}
	for _, p := range d.Story().Places {
		if seen[p.ID] {
			t.Errorf("two places of id %q", p.ID)
		}
		seen[p.ID] = true
	}
	if !seen[first.Place.ID] || len(seen) != len(s.Places)+1 {
		t.Errorf("places %v: want the %d places and one more, the first keeping %q", seen, len(s.Places), first.Place.ID)
	}
	if _, err := storyfile.Parse("x.geojson", []byte(written(t, d.Story()))); err != nil {
		t.Errorf("the story with a split place does not open: %v", err)
	}
}

func TestCheck(t *testing.T) {
	src := []*story.Source{{Name: story.Text{"en": "Reuters"}, URL: "https://www.reuters.com/x"}}
	ok := func() *story.Item {
		return &story.Item{Kind: story.Incident, Title: story.Text{"en": "T"}, Sources: src,
			Place: &story.Place{Name: "Huitzilac", Point: [2]float64{-99.27, 19.03}}, Date: story.Date{Year: 2025, Month: 4, Day: 14, Precision: story.Day}}
	}
	tests := []struct {
		name  string
		edit  func(*story.Item)
		field string
	}{
		{"fine", func(*story.Item) {}, ""},
		{"no title", func(it *story.Item) { it.Title = story.Text{"en": " "} }, "title"},
		{"Spanish title only", func(it *story.Item) { it.Title = story.Text{"es": "Tiroteo"} }, ""},
		{"no source", func(it *story.Item) { it.Sources = nil }, "sources"},
		{"not a web address", func(it *story.Item) { it.SourceURL = "reuters dot com" }, "source_url"},
		{"a file address", func(it *story.Item) { it.SourceURL = "file:///etc/passwd" }, "source_url"},
		{"range backwards", func(it *story.Item) { it.Date = story.NewRange(2025, 5, 6, 2025, 5, 2) }, "date"},
		{"event with a place", func(it *story.Item) { it.Kind = story.Event }, "place"},
		{"place with no name", func(it *story.Item) { it.Place.Name = "" }, "place"},
		{"place off the globe", func(it *story.Item) { it.Place.Point = [2]float64{-200, 19} }, "place"},
		{"summary too long", func(it *story.Item) { it.Summary = story.Text{"en": strings.Repeat("a", storyedit.MaxText+1)} }, "summary"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := ok()
			tt.edit(it)
			got := storyedit.Check(it, "en")
			switch {
			case tt.field == "" && len(got) > 0:
				t.Errorf("problems %v, want none", got)
			case tt.field != "" && (len(got) == 0 || got[0].Field != tt.field):
				t.Errorf("problems %v, want one with %s", got, tt.field)
			}
			// The same problems, said in Spanish in the Spanish window.
			es := storyedit.Check(it, "es")
			for i := range min(len(es), len(got)) {
				if es[i].Field != got[i].Field || es[i].Message == got[i].Message || es[i].Message == "" || strings.Contains(es[i].Message, "%!") {
					t.Errorf("in Spanish: %v, in English: %v", es[i], got[i])
				}
			}
			if len(es) != len(got) {
				t.Errorf("%d problems in Spanish, %d in English", len(es), len(got))
			}
		})
	}
}

// Touched names the item to select after each step: the one added,
// changed or brought back; none after a deletion or a title change.
// A save of an older version leaves later changes unsaved, and a restored
// document is unsaved until saved.
func TestTouchedAndSavedVersions(t *testing.T) {
	d := storyedit.New()
	src := []*story.Source{{Name: story.Text{"en": "S"}}}
	a := d.Add(&story.Item{Kind: story.Event, Title: story.Text{"en": "A"}, Sources: src})
	saving := d.Version()
	b := d.Add(&story.Item{Kind: story.Event, Title: story.Text{"en": "B"}, Sources: src})
	steps := []struct {
		name string
		do   func()
		want string
	}{
		{"add", func() {}, b},
		{"undo the add", func() { d.Undo() }, ""},
		{"redo the add", func() { d.Redo() }, b},
		{"delete", func() { d.Delete(a) }, ""},
		{"undo the delete", func() { d.Undo() }, a},
		{"retitle", func() { d.SetMeta(storyedit.Meta{Title: story.Text{"en": "T"}}) }, ""},
		{"replace", func() { it := d.Item(a); it.Title = story.Text{"en": "A2"}; d.Replace(a, it) }, a},
		{"undo the replace", func() { d.Undo() }, a},
	}
	for _, s := range steps {
		s.do()
		if got := d.Touched(); got != s.want {
			t.Errorf("after %s: touched %q, want %q", s.name, got, s.want)
		}
	}
	d.MarkSaved(saving)
	if !d.Dirty() {
		t.Error("a save of an older version left the later changes clean")
	}
	d.MarkSaved(d.Version())
	d.MarkUnsaved()
	if !d.Dirty() {
		t.Error("marked unsaved, yet clean")
	}
}
