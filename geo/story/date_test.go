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
		{Date{Year: 2025, Month: 4, Day: 14, Precision: Day}, timeDay(2025, 4, 14), timeDay(2025, 4, 14), true},
		// c. 14 April: a week either side (the police chief, "two weeks"
		// before 28 April, stays in 15–30 April and in 1–13 April).
		{Date{Year: 2025, Month: 4, Day: 14, Precision: Approximate}, timeDay(2025, 4, 7), timeDay(2025, 4, 21), true},
		{Date{Year: 2025, Month: 3, Day: 10, Precision: Week}, timeDay(2025, 3, 7), timeDay(2025, 3, 13), true},
		{Date{Year: 2025, Month: 4, Precision: Month}, timeDay(2025, 4, 1), timeDay(2025, 4, 30), true},
		{Date{Year: 2024, Month: 2, Precision: Month}, timeDay(2024, 2, 1), timeDay(2024, 2, 29), true},
		{Date{Year: 2025, Month: 12, Precision: Month}, timeDay(2025, 12, 1), timeDay(2025, 12, 31), true},
		{NewRange(2025, 4, 28, 2025, 5, 3), timeDay(2025, 4, 28), timeDay(2025, 5, 3), true},
		{Date{Year: 2023, Precision: Year}, timeDay(2023, 1, 1), timeDay(2023, 12, 31), true},
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
	d := Date{Year: 2025, Month: 4, Day: 14, Precision: Day}
	for b.Loop() {
		d.Days()
	}
}

// Weeks and ranges write as they are known, in both languages, and read
// back from a story file as they were written.
func TestWeeksAndRanges(t *testing.T) {
	tests := []struct {
		d      Date
		en, es string
		iso    string
	}{
		{Date{Year: 2025, Month: 3, Day: 10, Precision: Week}, "week of 10 Mar 2025", "semana del 10 mar 2025", "2025-03-10"},
		{NewRange(2025, 5, 2, 2025, 5, 6), "2–6 May 2025", "2–6 may 2025", "2025-05-02/2025-05-06"},
		{NewRange(2025, 4, 28, 2025, 5, 3), "28 Apr – 3 May 2025", "28 abr – 3 may 2025", "2025-04-28/2025-05-03"},
		{NewRange(2024, 12, 28, 2025, 1, 3), "28 Dec 2024 – 3 Jan 2025", "28 dic 2024 – 3 ene 2025", "2024-12-28/2025-01-03"},
		{Date{Year: 2023, Precision: Year}, "2023", "2023", "2023"},
	}
	for _, tt := range tests {
		if en, es := tt.d.Format("en"), tt.d.Format("es"); en != tt.en || es != tt.es {
			t.Errorf("%+v: %q, %q; want %q, %q", tt.d, en, es, tt.en, tt.es)
		}
		if tt.d.ISO() != tt.iso {
			t.Errorf("%+v: ISO %q, want %q", tt.d, tt.d.ISO(), tt.iso)
		}
		if back, err := ParseDate(tt.iso, tt.d.Precision); err != nil || back != tt.d {
			t.Errorf("ParseDate(%q, %s) = %+v, %v", tt.iso, tt.d.Precision, back, err)
		}
	}
	for _, bad := range []string{"2025-05-06/2025-05-02", "2025-05-02/2025-05-02", "2025-05-02", "2025-05-02/May"} {
		if _, err := ParseDate(bad, Range); err == nil {
			t.Errorf("ParseDate(%q, range): no error", bad)
		}
	}
}
