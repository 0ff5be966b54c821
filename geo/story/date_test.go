package story

import (
	"math/rand/v2"
	"testing"
	"time"
)

// timeDay is the day number time.Date gives, the reference civilDay is
// held to.
func timeDay(y, m, d int) int {
	return int(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func TestCivilDayMatchesTime(t *testing.T) {
	cases := [][3]int{
		{1970, 1, 1}, {1969, 12, 31}, {2000, 2, 29}, {1900, 3, 1}, {2100, 2, 28},
		{2025, 4, 14}, {9999, 12, 31}, {1, 1, 1}, {0, 3, 1}, {-1, 12, 31},
		{2025, 13, 1}, {2025, 0, 1}, {2025, 2, 31}, {2024, -13, 5},
	}
	r := rand.New(rand.NewPCG(7, 8))
	for range 100_000 {
		cases = append(cases, [3]int{r.IntN(12000) - 1000, 1 + r.IntN(12), 1 + r.IntN(31)})
	}
	for _, c := range cases {
		if got, want := civilDay(c[0], c[1], c[2]), timeDay(c[0], c[1], c[2]); got != want {
			t.Fatalf("civilDay(%d, %d, %d) = %d, time.Date gives %d", c[0], c[1], c[2], got, want)
		}
	}
}

func TestDays(t *testing.T) {
	tests := []struct {
		d           Date
		first, last int
		ok          bool
	}{
		{Date{2025, 4, 14, Day}, timeDay(2025, 4, 14), timeDay(2025, 4, 14), true},
		{Date{2025, 4, 14, Approximate}, timeDay(2025, 4, 14), timeDay(2025, 4, 14), true},
		{Date{2025, 4, 0, Month}, timeDay(2025, 4, 1), timeDay(2025, 4, 30), true},
		{Date{2024, 2, 0, Month}, timeDay(2024, 2, 1), timeDay(2024, 2, 29), true},
		{Date{2025, 12, 0, Month}, timeDay(2025, 12, 1), timeDay(2025, 12, 31), true},
		{Date{Precision: Undated}, 0, 0, false},
	}
	for _, tt := range tests {
		f, l, ok := tt.d.Days()
		if f != tt.first || l != tt.last || ok != tt.ok {
			t.Errorf("%+v.Days() = %d, %d, %v; want %d, %d, %v", tt.d, f, l, ok, tt.first, tt.last, tt.ok)
		}
	}
}

func BenchmarkDays(b *testing.B) {
	d := Date{2025, 4, 14, Day}
	for b.Loop() {
		d.Days()
	}
}
