// Package timeaxis lays a story's time out on a strip of pixels, at any
// size of story: the span of days the strip shows (a date far from all the
// others, such as a "no end" 9999-12-31, is set aside as an outlier rather
// than stretching the strip over millennia), ticks spaced to the strip's
// width (days, weeks, months, years or longer steps), and counts of items
// per pixel column, so a lane of a hundred thousand items draws as a
// density histogram in time proportional to its width.
//
// Days are counted from 1 January 1970 (UTC), as story.Date.Days does.
package timeaxis

import (
	"math"
	"slices"
	"time"
)

// Range is the days an item may have happened on, first and last
// included.
type Range struct{ First, Last int }

// Span is what the strip shows: days First to Last, with Before dated
// items set aside as far earlier than the rest and After as far later.
type Span struct {
	First, Last   int
	Before, After int
	// OK is false when there is nothing dated to show.
	OK bool
}

// Days is the number of days the span covers.
func (s Span) Days() int { return s.Last - s.First + 1 }

// Holds reports whether r overlaps the span.
func (s Span) Holds(r Range) bool { return s.OK && r.Last >= s.First && r.First <= s.Last }

// Outlier thresholds: a date is set aside when it lies further from the
// story's median date than outlierFences times the median distance of all
// dates from it, and at least a year, and only while what is set aside at
// that end is a small share of the story: at most one item in
// outlierShare, or two.
const (
	outlierFences = 10
	minExtent     = 365
	outlierShare  = 20
)

// SpanOf finds the span that shows the items whose days are given. Items
// are placed by their middle day; those set aside lie beyond fences at ten
// times the median absolute deviation (at least a year) from the median,
// when they are few (see outlierShare), so one sentinel date cannot hide
// behind another at the other end. The span reaches from the first to the
// last day of the items kept, and no further than a fence that set items
// aside. It sorts two copies of the middles: O(n log n).
func SpanOf(ranges []Range) Span {
	n := len(ranges)
	if n == 0 {
		return Span{}
	}
	mids := make([]int, n)
	for i, r := range ranges {
		mids[i] = middle(r)
	}
	slices.Sort(mids)
	median := mids[n/2]
	dev := make([]int, n)
	for i, m := range mids {
		dev[i] = abs(m - median)
	}
	slices.Sort(dev)
	// At least a year: a story of one spring keeps its dates of that
	// year; a statistic of two years before is set aside and counted.
	fence := max(outlierFences*dev[n/2], minExtent)
	budget := max(2, n/outlierShare)
	low, high := math.MinInt, math.MaxInt
	if below, _ := slices.BinarySearch(mids, median-fence); below > 0 && below <= budget {
		low = median - fence
	}
	if above, _ := slices.BinarySearch(mids, median+fence+1); above < n && n-above <= budget {
		high = median + fence
	}
	s := Span{OK: true, First: math.MaxInt, Last: math.MinInt}
	for _, r := range ranges {
		switch mid := middle(r); {
		case mid < low:
			s.Before++
		case mid > high:
			s.After++
		default:
			s.First = min(s.First, max(r.First, low))
			s.Last = max(s.Last, min(r.Last, high))
		}
	}
	return s
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// middle is a range's middle day.
func middle(r Range) int { return r.First + (r.Last-r.First)/2 }

// Step is the distance between ticks: a number of days, or of months.
type Step struct {
	Days, Months int
}

// Unit names what a step's ticks are labelled with.
func (s Step) Unit() Unit {
	switch {
	case s.Months >= 12:
		return Years
	case s.Months > 0:
		return Months
	default:
		return Days
	}
}

// Unit is what a tick's label gives: the day, the month or the year.
type Unit int

// The units of tick labels.
const (
	Days Unit = iota
	Months
	Years
)

// steps are the tick steps, finest first.
var steps = []Step{
	{Days: 1}, {Days: 7}, {Months: 1}, {Months: 3}, {Months: 6},
	{Months: 12}, {Months: 24}, {Months: 60}, {Months: 120}, {Months: 240},
	{Months: 600}, {Months: 1200}, {Months: 2400}, {Months: 6000}, {Months: 12000},
}

// approxDays is a step's length in days, for choosing one.
func (s Step) approxDays() float64 { return float64(s.Days) + float64(s.Months)*30.44 }

// ChooseStep picks the finest step whose ticks lie at least gap pixels
// apart when the span is drawn width pixels wide.
func ChooseStep(sp Span, width, gap float64) Step {
	perDay := width / float64(max(sp.Days(), 1))
	for _, st := range steps {
		if st.approxDays()*perDay >= gap {
			return st
		}
	}
	return steps[len(steps)-1]
}

// Ticks are the days within the span on which step's ticks fall: Mondays
// for weeks, first days of months, of quarters and of years (years that
// are multiples of the step). Their number is at most the span's length
// over the step's, so at most width/gap and a few when the step was chosen
// by ChooseStep.
func Ticks(sp Span, st Step) []int {
	if !sp.OK {
		return nil
	}
	var out []int
	if st.Months == 0 {
		d := sp.First
		if st.Days == 7 { // Monday: 1 January 1970 was a Thursday
			d += ((0-(d+3))%7 + 7) % 7
		}
		for ; d <= sp.Last; d += st.Days {
			out = append(out, d)
		}
		return out
	}
	t := time.Unix(int64(sp.First)*86400, 0).UTC()
	months := t.Year()*12 + int(t.Month()) - 1
	if r := months % st.Months; r != 0 || t.Day() != 1 {
		months += st.Months - r
	}
	for ; ; months += st.Months {
		d := int(time.Date(months/12, time.Month(months%12+1), 1, 0, 0, 0, 0, time.UTC).Unix() / 86400)
		if d > sp.Last {
			return out
		}
		out = append(out, d)
	}
}

// Bins counts items per pixel column of a strip showing a span: column c
// holds the items whose days overlap that column's days. Add is O(1) and
// Counts O(columns): a difference array.
type Bins struct {
	span  Span
	diff  []int32
	count []int32
	done  bool
}

// NewBins makes bins for columns columns showing sp.
func NewBins(sp Span, columns int) *Bins {
	columns = max(columns, 0)
	return &Bins{span: sp, diff: make([]int32, columns+1), count: make([]int32, columns)}
}

// Column is the column day d starts in; it may lie outside 0..columns-1.
// Day d covers the columns from Column(d) to Column(d+1)-1, and at least
// Column(d) when the columns are fewer than the days.
func (b *Bins) Column(d int) int {
	n := len(b.count)
	days := b.span.Days()
	if days <= 0 {
		return 0
	}
	off := d - b.span.First
	if off < 0 {
		return -1 - (-off-1)*n/days // floor for days before the span
	}
	return off * n / days
}

// Add counts an item over the columns of its days; items outside the span
// are not counted.
func (b *Bins) Add(r Range) {
	if !b.span.Holds(r) || len(b.count) == 0 {
		return
	}
	c0 := max(b.Column(r.First), 0)
	c1 := min(max(b.Column(r.Last+1)-1, b.Column(r.Last)), len(b.count)-1)
	b.diff[c0]++
	b.diff[c1+1]--
	b.done = false
}

// Counts is the number of items in each column.
func (b *Bins) Counts() []int32 {
	if !b.done {
		var run int32
		for i := range b.count {
			run += b.diff[i]
			b.count[i] = run
		}
		b.done = true
	}
	return b.count
}

// Max is the largest count of a column.
func (b *Bins) Max() int32 {
	var m int32
	for _, c := range b.Counts() {
		m = max(m, c)
	}
	return m
}
