package timeaxis

import (
	"math/rand/v2"
	"testing"
	"time"
)

// day is the day number of a date.
func day(y, m, d int) int {
	return int(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func days(ds ...int) []Range {
	out := make([]Range, len(ds))
	for i, d := range ds {
		out[i] = Range{d, d}
	}
	return out
}

func TestSpanOf(t *testing.T) {
	spring := []int{day(2025, 2, 3), day(2025, 3, 10), day(2025, 4, 14), day(2025, 5, 2)}
	many := func(n int, extra ...int) []Range {
		r := rand.New(rand.NewPCG(1, 2))
		var out []Range
		for range n {
			d := day(2024, 1, 1) + r.IntN(730)
			out = append(out, Range{d, d})
		}
		return append(out, days(extra...)...)
	}
	tests := []struct {
		name          string
		in            []Range
		first, last   int
		before, after int
		ok            bool
	}{
		{name: "nothing dated", in: nil},
		{name: "one day", in: days(day(2025, 3, 1)), first: day(2025, 3, 1), last: day(2025, 3, 1), ok: true},
		{name: "the story's spring", in: days(spring...), first: spring[0], last: spring[3], ok: true},
		{name: "a month reaches its last day", in: append(days(spring[0]), Range{day(2025, 4, 1), day(2025, 4, 30)}),
			first: spring[0], last: day(2025, 4, 30), ok: true},
		{name: "no end: 9999-12-31", in: days(append(spring, day(9999, 12, 31))...),
			first: spring[0], last: spring[3], after: 1, ok: true},
		{name: "a statistic of two years before: the year 2023", in: append(days(spring...), Range{day(2023, 1, 1), day(2023, 12, 31)}),
			first: spring[0], last: spring[3], before: 1, ok: true},
		{name: "a year before, within the fence", in: days(append(spring, day(2024, 6, 1))...),
			first: day(2024, 6, 1), last: spring[3], ok: true},
		{name: "a 1900 placeholder", in: days(append(spring, day(1900, 1, 1))...),
			first: spring[0], last: spring[3], before: 1, ok: true},
		{name: "both ends", in: days(append(spring, day(1, 1, 1), day(9999, 12, 31))...),
			first: spring[0], last: spring[3], before: 1, after: 1, ok: true},
		{name: "two at one end", in: days(append(spring, day(1, 1, 1), day(9999, 12, 31), day(9999, 1, 1))...),
			first: spring[0], last: spring[3], before: 1, after: 2, ok: true},
		{name: "three of seven are not set aside", in: days(append(spring, day(9999, 12, 31), day(9999, 12, 31), day(9999, 1, 1))...),
			first: spring[0], last: day(9999, 12, 31), ok: true},
		{name: "two items: neither is set aside", in: days(day(2025, 1, 1), day(9999, 12, 31)),
			first: day(2025, 1, 1), last: day(9999, 12, 31), ok: true},
		{name: "decades of real data are kept", in: days(day(1989, 1, 1), day(2000, 6, 1), day(2010, 1, 1), day(2025, 1, 1)),
			first: day(1989, 1, 1), last: day(2025, 1, 1), ok: true},
		{name: "a tail within ten extents is kept", in: many(1000, day(2030, 1, 1)),
			first: -1, last: day(2030, 1, 1), ok: true},
		{name: "a thousand items and a few sentinels", in: many(1000, day(9999, 12, 31), day(9999, 12, 31), day(9000, 1, 1)),
			first: -1, last: -1, after: 3, ok: true},
		{name: "a fifth of the story far off is not an outlier", in: many(80, day(2500, 1, 1), day(2500, 1, 1), day(2500, 1, 1), day(2500, 1, 1), day(2500, 1, 1),
			day(2500, 1, 1), day(2500, 1, 1), day(2500, 1, 1), day(2500, 1, 1), day(2500, 1, 1),
			day(2500, 1, 1), day(2500, 1, 1), day(2500, 1, 1), day(2500, 1, 1), day(2500, 1, 1),
			day(2500, 1, 1), day(2500, 1, 1), day(2500, 1, 1), day(2500, 1, 1), day(2500, 1, 1)),
			first: -1, last: day(2500, 1, 1), ok: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := SpanOf(tt.in)
			if s.OK != tt.ok || s.Before != tt.before || s.After != tt.after {
				t.Fatalf("SpanOf = %+v, want ok %v, %d before, %d after", s, tt.ok, tt.before, tt.after)
			}
			if tt.first >= 0 && s.OK && s.First != tt.first || tt.last >= 0 && s.OK && s.Last != tt.last {
				t.Errorf("span %d..%d, want %d..%d", s.First, s.Last, tt.first, tt.last)
			}
		})
	}
}

func TestTicks(t *testing.T) {
	tests := []struct {
		name       string
		first      int
		last       int
		width, gap float64
		step       Step
		wantFirst  int
		wantCount  int
	}{
		{"four months in 400 px: months", day(2025, 2, 3), day(2025, 5, 28), 400, 60, Step{Months: 1}, day(2025, 3, 1), 3},
		{"two weeks in 900 px: days", day(2025, 3, 3), day(2025, 3, 16), 900, 60, Step{Days: 1}, day(2025, 3, 3), 14},
		{"three months in 900 px: weeks", day(2025, 3, 1), day(2025, 5, 31), 900, 60, Step{Days: 7}, day(2025, 3, 3), 13},
		{"three years in 800 px: quarters", day(2022, 1, 15), day(2024, 12, 31), 800, 60, Step{Months: 3}, day(2022, 4, 1), 11},
		{"forty years in 700 px: five years", day(1985, 6, 1), day(2025, 5, 31), 700, 60, Step{Months: 60}, day(1990, 1, 1), 8},
		{"eight thousand years in 700 px", day(2000, 1, 1), day(9999, 12, 31), 700, 60, Step{Months: 12000}, day(2000, 1, 1), 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp := Span{First: tt.first, Last: tt.last, OK: true}
			st := ChooseStep(sp, tt.width, tt.gap)
			if st != tt.step {
				t.Fatalf("step %+v, want %+v", st, tt.step)
			}
			ticks := Ticks(sp, st)
			if len(ticks) != tt.wantCount || ticks[0] != tt.wantFirst {
				t.Fatalf("%d ticks from %d, want %d from %d", len(ticks), ticks[0], tt.wantCount, tt.wantFirst)
			}
			if maxTicks := int(tt.width/tt.gap) + 2; len(ticks) > maxTicks {
				t.Errorf("%d ticks in %.0f px: more than %d", len(ticks), tt.width, maxTicks)
			}
			for _, d := range ticks {
				if d < sp.First || d > sp.Last {
					t.Errorf("tick %d outside %d..%d", d, sp.First, sp.Last)
				}
			}
		})
	}
}

func TestBins(t *testing.T) {
	sp := Span{First: 0, Last: 99, OK: true} // 100 days in 10 columns
	b := NewBins(sp, 10)
	for _, r := range []Range{{0, 0}, {5, 9}, {9, 10}, {25, 54}, {-5, 3}, {98, 120}, {200, 210}, {-30, -20}} {
		b.Add(r)
	}
	want := []int32{4, 1, 1, 1, 1, 1, 0, 0, 0, 1}
	got := b.Counts()
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("counts %v, want %v", got, want)
		}
	}
	if b.Max() != 4 {
		t.Errorf("max %d, want 4", b.Max())
	}
}

// TestBinsMatchCounting holds the difference array to a direct count over
// random items, spans and widths.
func TestBinsMatchCounting(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		sp := Span{First: r.IntN(100) - 50, OK: true}
		sp.Last = sp.First + r.IntN(400)
		cols := 1 + r.IntN(300)
		b := NewBins(sp, cols)
		want := make([]int32, cols)
		for range 50 {
			f := sp.First - 60 + r.IntN(sp.Days()+120)
			it := Range{f, f + r.IntN(40)}
			b.Add(it)
			for c := range cols {
				// Column c holds the days that cover it.
				for d := it.First; d <= it.Last; d++ {
					if d >= sp.First && d <= sp.Last && c >= b.Column(d) && c <= max(b.Column(d), b.Column(d+1)-1) {
						want[c]++
						break
					}
				}
			}
		}
		got := b.Counts()
		for c := range cols {
			if got[c] != want[c] {
				t.Fatalf("span %+v, %d columns: column %d counts %d, want %d", sp, cols, c, got[c], want[c])
			}
		}
	}
}

// BenchmarkSpanAndBins200k is the axis's work for a story of 200,000
// items: the span (once per story) and the counts of one lane at 1,000
// columns (once per filter or width).
func BenchmarkSpanAndBins200k(b *testing.B) {
	r := rand.New(rand.NewPCG(5, 6))
	items := make([]Range, 200_000)
	for i := range items {
		d := day(2018, 1, 1) + r.IntN(2900)
		items[i] = Range{d, d + r.IntN(3)*15}
	}
	b.ReportAllocs()
	for b.Loop() {
		sp := SpanOf(items)
		bins := NewBins(sp, 1000)
		for _, it := range items {
			bins.Add(it)
		}
		bins.Max()
	}
}
