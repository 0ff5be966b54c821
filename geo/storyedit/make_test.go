package storyedit_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"sovmap/geo/geotest"
	"sovmap/geo/story"
	"sovmap/geo/storyedit"
	"sovmap/geo/storyfile"
)

// shape is a story as its reader sees it, ids of places and sources
// aside: the items in order with their places and sources, the places
// in order with their items, the sources in order. Two stories of one
// shape show, write and read back the same but for those ids.
func shape(s *story.Story) string {
	var b strings.Builder
	place := func(p *story.Place) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprintf("%s|%s|%s|%s|%v", p.Name, p.State, p.Municipality, p.Country, p.Point)
	}
	source := func(src *story.Source) string { return fmt.Sprintf("%v|%s", src.Name, src.URL) }
	for _, it := range s.Items {
		fmt.Fprintf(&b, "item %s %q %v at %s from", it.ID, it.Title.In("en"), it.Date, place(it.Place))
		for _, src := range it.Sources {
			b.WriteString(" " + source(src))
		}
		b.WriteString("\n")
	}
	for _, p := range s.Places {
		fmt.Fprintf(&b, "place %s:", place(p))
		for _, it := range p.Items {
			b.WriteString(" " + it.ID)
		}
		b.WriteString("\n")
	}
	for _, src := range s.Sources {
		b.WriteString("source " + source(src) + "\n")
	}
	fmt.Fprintf(&b, "steps %v\n", s.Steps)
	return b.String()
}

// wellFormed reports what is wrong with s as a story: places or sources
// sharing an id, an item's place not listed, or a place not listing it.
func wellFormed(s *story.Story) error {
	places, sources := map[string]bool{}, map[string]bool{}
	listed := map[*story.Place]bool{}
	for _, p := range s.Places {
		if places[p.ID] {
			return fmt.Errorf("two places of id %q", p.ID)
		}
		places[p.ID], listed[p] = true, true
	}
	for _, src := range s.Sources {
		if sources[src.ID] {
			return fmt.Errorf("two sources of id %q", src.ID)
		}
		sources[src.ID] = true
	}
	for _, it := range s.Items {
		if p := it.Place; p != nil {
			if !listed[p] {
				return fmt.Errorf("item %s: its place %q is not the story's", it.ID, p.ID)
			}
			found := false
			for _, o := range p.Items {
				found = found || o == it
			}
			if !found {
				return fmt.Errorf("item %s: its place %q does not list it", it.ID, p.ID)
			}
		}
	}
	return nil
}

// A story made from the one shown, sharing what is unchanged, is the story
// made anew, in any sequence of edits, undos, redos and adoptions, from
// the built-in story and from one of 400 incidents at 12 places; the
// stories it is made from are never changed.
func TestMakeSharesAndAgrees(t *testing.T) {
	many := manyAtFewPlaces(t, 400, 12)
	for _, opened := range []*story.Story{geotest.BuiltInStory(t), many} {
		before := written(t, opened)
		for seed := range uint64(60) {
			r := rand.New(rand.NewPCG(seed, 11))
			d := storyedit.Open(opened)
			var shown []*story.Story
			for step := range 25 {
				ids := itemIDs(d)
				switch op := r.IntN(9); {
				case op == 0 || len(ids) == 0:
					d.Add(randomItem(r))
				case op <= 2:
					d.Delete(ids[r.IntN(len(ids))])
				case op == 3:
					d.Undo()
				case op == 4:
					d.Redo()
				case op == 5:
					d.SetSteps([]string{ids[r.IntN(len(ids))]}, "")
				default:
					id := ids[r.IntN(len(ids))]
					it := d.Item(id)
					it.Title = story.Text{"en": fmt.Sprintf("Changed %d", step)}
					switch {
					case it.Place != nil && r.IntN(3) == 0:
						it.Place.Point[0] += 0.01 // away from the place it shared
					case r.IntN(3) == 0:
						it.Date = story.Date{Year: 2024, Month: 1 + r.IntN(12), Day: 1 + r.IntN(28), Precision: story.Day}
					}
					if err := d.Replace(id, it); err != nil {
						t.Fatal(err)
					}
				}
				rev := d.Freeze().Make()
				got, want := rev.Story(), storyedit.MakeAll(d.Freeze())
				if g, w := shape(got), shape(want); g != w {
					t.Fatalf("seed %d step %d: the story made from the last differs from the story made anew:\n%s", seed, step, firstDifference(g, w))
				}
				if err := wellFormed(got); err != nil {
					t.Fatalf("seed %d step %d: %v", seed, step, err)
				}
				if r.IntN(2) == 0 {
					d.Adopt(rev)
				}
				shown = append(shown, got)
			}
			if written(t, opened) != before {
				t.Fatalf("seed %d: making stories changed the one opened", seed)
			}
			for i, s := range shown {
				if err := wellFormed(s); err != nil {
					t.Fatalf("seed %d: story %d, once later ones were made: %v", seed, i, err)
				}
			}
		}
	}
}

// An edit of one item of a large story makes new only that item and the
// items at its place: every other item is the one shown before.
func TestMakeCopiesOnlyWhatChanged(t *testing.T) {
	s := manyAtFewPlaces(t, 10000, 2000)
	d := storyedit.Open(s)
	target := s.Items[5000]
	it := d.Item(target.ID)
	it.Title = story.Text{"en": "Edited"}
	if err := d.Replace(target.ID, it); err != nil {
		t.Fatal(err)
	}
	rev := d.Freeze().Make()
	d.Adopt(rev)
	got := rev.Story()
	old := map[*story.Item]bool{}
	for _, it := range s.Items {
		old[it] = true
	}
	fresh := 0
	for _, it := range got.Items {
		if !old[it] {
			fresh++
		}
	}
	if want := len(target.Place.Items); fresh != want {
		t.Errorf("%d items new after editing one of a place of %d: want %d", fresh, want, want)
	}
	// Adopted: another edit elsewhere shares the first one's items too.
	other := got.Items[100]
	d.Delete(other.ID)
	again := d.Freeze().Make().Story()
	shared := map[*story.Item]bool{}
	for _, it := range got.Items {
		shared[it] = true
	}
	fresh = 0
	for _, it := range again.Items {
		if !shared[it] {
			fresh++
		}
	}
	if want := len(other.Place.Items) - 1; fresh != want {
		t.Errorf("%d items new after deleting one of a place of %d: want %d", fresh, len(other.Place.Items), want)
	}
}

// manyAtFewPlaces is a story of n incidents at k places, read from a file
// as a user's would be.
func manyAtFewPlaces(t testing.TB, n, k int) *story.Story {
	t.Helper()
	var b strings.Builder
	b.WriteString(`{"type":"FeatureCollection","sources":[{"id":"s","name":"Synthetic"},{"id":"t","name":"Other"}],"features":[`)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		p := i % k
		fmt.Fprintf(&b, `{"type":"Feature","id":"e%d","geometry":{"type":"Point","coordinates":[%.3f,%.3f]},"properties":{"kind":"incident","place":"p%d","place_name":"Place %d","location_precision":"town","date":"2025-%02d-%02d","date_precision":"day","title":"Incident %d","source":"%s"}}`,
			i, -106+float64(p%50)*0.2, 17.5+float64(p/50)*0.2, p, p, 1+i%12, 1+i%28, i, []string{"s", "t"}[i%2])
	}
	b.WriteString("]}")
	s, err := storyfile.Parse("many.geojson", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func firstDifference(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n  got  %s\n  want %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("%d lines against %d", len(al), len(bl))
}
