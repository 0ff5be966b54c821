package story

import (
	"fmt"
	"sovmap/geo/phrase"
	"strings"
	"time"
)

// Precision says how exactly a date is known.
type Precision string

// The date precisions a story may use.
const (
	Day         Precision = "day"         // the exact day is known
	Approximate Precision = "approximate" // about that day ("two weeks before…"): ApproxDays either side
	Week        Precision = "week"        // only the week is known: the three days either side of the day given
	Month       Precision = "month"       // only the month is known
	Year        Precision = "year"        // only the year is known (a statistic of 2023)
	Range       Precision = "range"       // some day between the date and its end
	Undated     Precision = "undated"     // the source gives no date
)

// ApproxDays is how far either side of an approximate day the event may
// lie: filters, play and the time axis keep an approximate item over the
// whole span. A report's "about two weeks before" is within a week of the
// day it gives.
const ApproxDays = 7

// Date is a calendar date together with how precisely it is known. Fields
// finer than the precision are zero (a Month date has Day 0; Undated has
// none). A Range runs from the date to EndYear, EndMonth, EndDay, both
// included; the End fields are zero for every other precision.
type Date struct {
	Year, Month, Day          int
	Precision                 Precision
	EndYear, EndMonth, EndDay int
}

// ParseDate reads "YYYY-MM-DD" (day, approximate, week), "YYYY-MM"
// (month), "YYYY" (year) or "YYYY-MM-DD/YYYY-MM-DD" (range, as ISO 8601
// writes an interval); an undated item has no date at all.
func ParseDate(s string, p Precision) (Date, error) {
	d := Date{Precision: p}
	switch p {
	case Undated:
		if s != "" {
			return d, phrase.Errorf("date %q given with precision %q", s, p)
		}
		return d, nil
	case Day, Approximate, Week:
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			return d, phrase.Errorf("date %q is not a real day (want YYYY-MM-DD)", s)
		}
		d.Year, d.Month, d.Day = t.Year(), int(t.Month()), t.Day()
	case Month:
		t, err := time.Parse("2006-01", s)
		if err != nil {
			return d, phrase.Errorf("date %q is not a month (want YYYY-MM)", s)
		}
		d.Year, d.Month = t.Year(), int(t.Month())
	case Year:
		t, err := time.Parse("2006", s)
		if err != nil {
			return d, phrase.Errorf("date %q is not a year (want YYYY)", s)
		}
		d.Year = t.Year()
	case Range:
		from, to, ok := strings.Cut(s, "/")
		a, errA := time.Parse("2006-01-02", from)
		b, errB := time.Parse("2006-01-02", to)
		switch {
		case !ok || errA != nil || errB != nil:
			return d, phrase.Errorf("date %q is not a range of days (want YYYY-MM-DD/YYYY-MM-DD)", s)
		case !b.After(a):
			return d, phrase.Errorf("date %q is not a range: its end is not after its start", s)
		}
		return NewRange(a.Year(), int(a.Month()), a.Day(), b.Year(), int(b.Month()), b.Day()), nil
	default:
		return d, phrase.Errorf("unknown date precision %q (want day, approximate, week, month, year, range or undated)", p)
	}
	return d, nil
}

// NewRange is the range of days from one day to a later one, both
// included.
func NewRange(y, m, d, endY, endM, endD int) Date {
	return Date{Year: y, Month: m, Day: d, Precision: Range, EndYear: endY, EndMonth: endM, EndDay: endD}
}

// Dated reports whether the date is known at least to the month.
func (d Date) Dated() bool { return d.Precision != Undated }

// Before orders dates for the timeline: by year, month, then day, a month
// date standing before the days of that month; undated dates come last.
func (d Date) Before(o Date) bool {
	if d.Dated() != o.Dated() {
		return d.Dated()
	}
	if d.Year != o.Year {
		return d.Year < o.Year
	}
	if d.Month != o.Month {
		return d.Month < o.Month
	}
	return d.Day < o.Day
}

var monthAbbr = map[string][12]string{
	"en": {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
	"es": {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"},
}

var dateWords = map[string]struct{ circa, week, undated string }{
	"en": {"c.", "week of", "Undated"},
	"es": {"aprox.", "semana del", "Sin fecha"},
}

// Format writes the date the way the app shows it, never more exact than it
// is known: "13 Jan 2025", "c. 14 Apr 2025", "week of 10 Mar 2025", "Apr
// 2025", "2023", "2–6 May 2025", "28 Apr – 3 May 2025", "Undated" (and the Spanish
// forms for lang "es").
func (d Date) Format(lang string) string {
	months, ok := monthAbbr[lang]
	if !ok {
		lang, months = "en", monthAbbr["en"]
	}
	words := dateWords[lang]
	switch d.Precision {
	case Day:
		return fmt.Sprintf("%d %s %d", d.Day, months[d.Month-1], d.Year)
	case Approximate:
		return fmt.Sprintf("%s %d %s %d", words.circa, d.Day, months[d.Month-1], d.Year)
	case Week:
		return fmt.Sprintf("%s %d %s %d", words.week, d.Day, months[d.Month-1], d.Year)
	case Month:
		return fmt.Sprintf("%s %d", months[d.Month-1], d.Year)
	case Year:
		return fmt.Sprintf("%d", d.Year)
	case Range:
		switch {
		case d.Year == d.EndYear && d.Month == d.EndMonth:
			return fmt.Sprintf("%d–%d %s %d", d.Day, d.EndDay, months[d.Month-1], d.Year)
		case d.Year == d.EndYear:
			return fmt.Sprintf("%d %s – %d %s %d", d.Day, months[d.Month-1], d.EndDay, months[d.EndMonth-1], d.Year)
		}
		return fmt.Sprintf("%d %s %d – %d %s %d", d.Day, months[d.Month-1], d.Year, d.EndDay, months[d.EndMonth-1], d.EndYear)
	}
	return words.undated
}

// ISO is the date as written in a story file: "2025-04-14", "2025-04",
// "2025", "2025-05-02/2025-05-06" or "".
func (d Date) ISO() string {
	switch d.Precision {
	case Day, Approximate, Week:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case Year:
		return fmt.Sprintf("%04d", d.Year)
	case Range:
		return fmt.Sprintf("%04d-%02d-%02d/%04d-%02d-%02d", d.Year, d.Month, d.Day, d.EndYear, d.EndMonth, d.EndDay)
	}
	return ""
}

// Days is the span of days the date may be, as days since 1 January 1970,
// both included: one day; ApproxDays either side of an approximate day;
// three either side of a week's day; a whole month or year; a range from its start
// to its end. ok is false for Undated.
func (d Date) Days() (first, last int, ok bool) {
	if !d.Dated() {
		return 0, 0, false
	}
	first = civilDay(d.Year, max(d.Month, 1), max(d.Day, 1))
	last = first
	switch d.Precision {
	case Approximate:
		first, last = first-ApproxDays, last+ApproxDays
	case Week:
		first, last = first-3, last+3
	case Month:
		last = civilDay(d.Year, d.Month+1, 1) - 1
	case Year:
		last = civilDay(d.Year+1, 1, 1) - 1
	case Range:
		last = max(first, civilDay(d.EndYear, d.EndMonth, d.EndDay))
	}
	return first, last, true
}

// Exact reports whether the date is a single known day.
func (d Date) Exact() bool { return d.Precision == Day }

// civilDay is the day number (days since 1 January 1970) of a date in the
// proleptic Gregorian calendar, months and days beyond their range
// carried over as time.Date does. It is arithmetic (Howard Hinnant's
// days_from_civil), a few nanoseconds where time.Date takes a hundred:
// filters call Days for every item of a story on every change.
func civilDay(y, m, d int) int {
	m--
	y += floorDiv(m, 12)
	m -= floorDiv(m, 12) * 12 // 0..11, January first
	if m < 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400               // 0..399
	doy := (153*((m+10)%12) + 2) / 5 // days from 1 March to the month's start
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe + d - 1 - 719468
}

// floorDiv is a/b rounded down, b > 0.
func floorDiv(a, b int) int {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q
}

// DayString writes a day number (days since 1 January 1970) as a date.
func DayString(day int, lang string) string {
	t := time.Unix(int64(day)*86400, 0).UTC()
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Precision: Day}.Format(lang)
}
