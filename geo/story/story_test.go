package story

import (
	"slices"
	"strings"
	"testing"
)

func TestNarrativeOrder(t *testing.T) {
	// The timeline: a b c d e.
	for _, tc := range []struct {
		steps string // space-separated ids
		want  string
	}{
		{"", "a b c d e"},
		{"e d c b a", "e d c b a"},
		{"c a", "c d e a b"},       // b follows a; d, e follow c
		{"b a", "b c d e a"},       // a unlisted? no: a is listed; c, d, e follow b
		{"d", "a b c d e"},         // a, b, c come first (none before them), e after d
		{"x e y e a", "e a b c d"}, // unknown ids and the second e passed over
		{"e", "a b c d e"},         // a..d first, in their order
		{"c b a e d", "c b a e d"}, // all listed
		{"a c", "a b c d e"},       // b follows a
		{"e a", "e a b c d"},       // b, c, d follow a
	} {
		s := &Story{}
		for _, id := range strings.Fields("a b c d e") {
			s.Items = append(s.Items, &Item{ID: id})
		}
		s.Steps = strings.Fields(tc.steps)
		var got []string
		for _, i := range s.NarrativeOrder() {
			got = append(got, s.Items[i].ID)
		}
		if !slices.Equal(got, strings.Fields(tc.want)) {
			t.Errorf("steps %q: told %v, want %s", tc.steps, got, tc.want)
		}
	}
}

// Every item is told exactly once, whatever Steps holds.
func TestNarrativeOrderIsAPermutation(t *testing.T) {
	s := &Story{}
	for i := range 200 {
		s.Items = append(s.Items, &Item{ID: string(rune('A'+i%26)) + strings.Repeat("x", i/26)})
	}
	for seed := range 50 {
		s.Steps = nil
		for k := 0; k < seed*3; k++ {
			s.Steps = append(s.Steps, s.Items[(k*7919+seed*31)%len(s.Items)].ID)
		}
		seen := make([]bool, len(s.Items))
		order := s.NarrativeOrder()
		if len(order) != len(s.Items) {
			t.Fatalf("seed %d: %d items told of %d", seed, len(order), len(s.Items))
		}
		for _, i := range order {
			if seen[i] {
				t.Fatalf("seed %d: item %d told twice", seed, i)
			}
			seen[i] = true
		}
	}
}
