package appstate_test

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"sovmap/geo/appstate"
	"sovmap/geo/geotest"
	"sovmap/geo/story"
	"sovmap/geo/storyfile"
)

// referenceShown works out what a filter shows the plain way, item by item
// and place by place through the story's own lists, as the session did
// before it kept its tables by index.
type referenceShown struct {
	items          []*story.Item
	places         []*story.Place
	counts         []int32
	colours        []int32
	highlighted    []string
	placed, outide int
	// sources are those the shown items cite, most cited first, in the
	// order first cited among equals; unplaced counts the shown incidents
	// of no place.
	sources  []*story.Source
	unplaced int
}

func reference(st *appstate.Session) referenceShown {
	f := st.Filter()
	colour := map[string]int{}
	for _, c := range st.Categories() {
		colour[c.Name.In("en")] = c.Colour
	}
	var r referenceShown
	cited := map[*story.Source]int{}
	for _, it := range st.Story().Items {
		if f.Shows(it) {
			r.items = append(r.items, it)
			for _, src := range it.Sources {
				if cited[src] == 0 {
					r.sources = append(r.sources, src)
				}
				cited[src]++
			}
			if it.Kind == story.Incident && it.Place == nil {
				r.unplaced++
			}
		}
	}
	slices.SortStableFunc(r.sources, func(a, b *story.Source) int { return cited[b] - cited[a] })
	codes := map[string]bool{}
	for _, p := range st.Story().Places {
		n, c := 0, -1
		for _, it := range p.Items {
			if !f.Shows(it) {
				continue
			}
			n++
			switch k := colour[it.Category.In("en")]; {
			case c == -1:
				c = k
			case c != k:
				c = -2
			}
		}
		if n == 0 {
			continue
		}
		r.placed += n
		loc, known := st.LocationOf(p)
		if known && loc.State == nil {
			r.outide += n
		}
		if loc.State != nil && !codes[loc.State.Code] {
			codes[loc.State.Code] = true
			r.highlighted = append(r.highlighted, loc.State.Code)
		}
		if st.Map() != nil && !appstate.Mappable(st.Map(), p) {
			continue
		}
		r.places, r.counts, r.colours = append(r.places, p), append(r.counts, int32(n)), append(r.colours, int32(max(c, 0)))
	}
	slices.Sort(r.highlighted)
	return r
}

// What the session shows agrees with the plain reckoning under random
// filters (dates, category, actor, country), on the built-in story and on
// a conflict data file of 3,000 rows, and every place's count and index
// and every item's ShowsItem agree with the lists.
func TestShownAgreesWithThePlainWay(t *testing.T) {
	m := geotest.Map(t)
	acled, _, err := storyfile.ParseBytes("acled.csv", mixedRows(3000), storyfile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rnd := rand.New(rand.NewPCG(9, 10))
	for _, s := range []*story.Story{geotest.BuiltInStory(t), acled} {
		st := appstate.New(s, "en")
		st.SetMap(m)
		first, last, _ := s.Span()
		var actors []string
		for _, it := range s.Items {
			if it.Actor != "" && len(actors) < 20 {
				actors = append(actors, it.Actor)
			}
		}
		for trial := range 60 {
			var f appstate.Filter
			if rnd.IntN(3) > 0 {
				f.Dates = true
				f.From = first + rnd.IntN(last-first+1)
				f.To = f.From + rnd.IntN(last-f.From+1)
			}
			if cats := st.Categories(); len(cats) > 0 && rnd.IntN(3) == 0 {
				f.Category = cats[rnd.IntN(len(cats))].Name.In("en")
			}
			if len(actors) > 0 && rnd.IntN(4) == 0 {
				a := actors[rnd.IntN(len(actors))]
				f.Actor = a[:1+rnd.IntN(len(a))]
			}
			if rnd.IntN(5) == 0 {
				f.Country = "Mexico"
			}
			st.SetFilter(f)
			want, got := reference(st), st.Shown()
			if !slices.Equal(got.Items, want.items) || !slices.Equal(got.Places, want.places) ||
				!slices.Equal(got.Counts, want.counts) || !slices.Equal(got.Colours, want.colours) ||
				!slices.Equal(got.Highlighted, want.highlighted) || got.Placed != want.placed || got.Outside != want.outide ||
				!slices.Equal(got.Sources, want.sources) || got.Unplaced != want.unplaced {
				t.Fatalf("%s, trial %d, filter %+v: shown %d items, %d places (%d placed, %d outside), highlighted %v; the plain way %d, %d (%d, %d), %v",
					s.Title.In("en"), trial, f, len(got.Items), len(got.Places), got.Placed, got.Outside, got.Highlighted,
					len(want.items), len(want.places), want.placed, want.outide, want.highlighted)
			}
			for i, p := range got.Places {
				if got.Index(p) != i || got.Count(p) != int(got.Counts[i]) {
					t.Fatalf("place %s: index %d count %d, listed at %d with %d", p.ID, got.Index(p), got.Count(p), i, got.Counts[i])
				}
			}
			for i, it := range s.Items {
				if got.ShowsItem(i) != st.Filter().Shows(it) {
					t.Fatalf("item %d: ShowsItem %v, the filter says %v", i, got.ShowsItem(i), !got.ShowsItem(i))
				}
			}
		}
	}
}

// mixedRows is an ACLED file of n rows whose first tenth come again twice,
// at the same places, as two other kinds of event: places of one category
// and of several; two rows in five cite other sources than the rest.
func mixedRows(n int) []byte {
	lines := strings.Split(strings.TrimSuffix(string(geotest.ACLEDRows(n)), "\n"), "\n")
	kind := regexp.MustCompile(`Political violence,[^,]+,[^,]+,`)
	out := append([]string(nil), lines...)
	// Some rows cite other sources, or the same in another order, so that
	// shown sources are counted through several lists.
	for i := 1; i < len(out); i++ {
		if other := []string{"", "Reforma", "Milenio; El Universal", "", "La Jornada; Reforma; Milenio"}[i%5]; other != "" {
			out[i] = strings.Replace(out[i], "El Universal; Milenio; Reforma", other, 1)
		}
	}
	for i, line := range lines[1 : 1+n/10] {
		for k, typ := range []string{"Battles,Armed clash", "Riots,Mob violence"} {
			row := strings.Replace(line, "MEX", fmt.Sprintf("MEXB%dK%d", i, k), 1)
			out = append(out, kind.ReplaceAllString(row, "Political violence,"+typ+","))
		}
	}
	return []byte(strings.Join(out, "\n") + "\n")
}

// The steps are the shown items in the order the story is told: by date
// without an order of the writer's, else in that order, a filter's hidden
// items passed over; Tell walks them and stops at either end.
func TestStepsFollowTheStorysOrder(t *testing.T) {
	s := geotest.BuiltInStory(t)
	st := appstate.New(s, "en")
	if got := st.Shown().Steps; !slices.Equal(got, st.Shown().Items) {
		t.Fatal("no order of the writer's, yet the steps are not the timeline")
	}
	told := slices.Clone(s.Items)
	slices.Reverse(told)
	r := *s
	for _, it := range told {
		r.Steps = append(r.Steps, it.ID)
	}
	st.SetStory(&r)
	for _, f := range []appstate.Filter{{}, {Category: "Political violence"}} {
		st.SetFilter(f)
		var want []*story.Item
		for _, it := range told {
			if st.Filter().Shows(it) {
				want = append(want, it)
			}
		}
		if got := st.Shown().Steps; !slices.Equal(got, want) {
			t.Fatalf("filter %+v: steps %d, want %d in the writer's order", f, len(got), len(want))
		}
		st.ClearSelection()
		for i, it := range want {
			if !st.Tell(1) || st.Item() != it { // from no step: the first
				t.Fatalf("filter %+v: step %d is %v, want %s", f, i+1, st.Item(), it.ID)
			}
			if n, of := st.StepOf(it); n != i || of != len(want) {
				t.Errorf("StepOf step %d: %d of %d", i+1, n, of)
			}
		}
		if st.Tell(1) || st.Item() != want[len(want)-1] {
			t.Error("Tell went past the last step")
		}
	}
}
