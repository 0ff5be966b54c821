package story

import (
	"fmt"
	"time"
)

// Precision says how exactly a date is known.
type Precision string

// The date precisions a story may use.
const (
	Day         Precision = "day"         // the exact day is known
	Approximate Precision = "approximate" // about that day ("two weeks before…")
	Month       Precision = "month"       // only the month is known
	Undated     Precision = "undated"     // the source gives no date
)

// Date is a calendar date together with how precisely it is known. Fields
// finer than the precision are zero (a Month date has Day 0; Undated has none).
type Date struct {
	Year, Month, Day int
	Precision        Precision
}

// ParseDate reads "YYYY-MM-DD" (day, approximate) or "YYYY-MM" (month); an
// undated item has no date at all.
func ParseDate(s string, p Precision) (Date, error) {
	d := Date{Precision: p}
	switch p {
	case Undated:
		if s != "" {
			return d, fmt.Errorf("date %q given with precision %q", s, p)
		}
		return d, nil
	case Day, Approximate:
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			return d, fmt.Errorf("date %q is not a real day (want YYYY-MM-DD)", s)
		}
		d.Year, d.Month, d.Day = t.Year(), int(t.Month()), t.Day()
	case Month:
		t, err := time.Parse("2006-01", s)
		if err != nil {
			return d, fmt.Errorf("date %q is not a month (want YYYY-MM)", s)
		}
		d.Year, d.Month = t.Year(), int(t.Month())
	default:
		return d, fmt.Errorf("unknown date precision %q (want day, approximate, month or undated)", p)
	}
	return d, nil
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

var dateWords = map[string]struct{ circa, undated string }{
	"en": {"c.", "Undated"},
	"es": {"aprox.", "Sin fecha"},
}

// Format writes the date the way the app shows it, never more exact than it
// is known: "13 Jan 2025", "c. 14 Apr 2025", "Apr 2025", "Undated" (and the
// Spanish forms for lang "es").
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
	case Month:
		return fmt.Sprintf("%s %d", months[d.Month-1], d.Year)
	}
	return words.undated
}

// ISO is the date as written in a story file: "2025-04-14", "2025-04" or "".
func (d Date) ISO() string {
	switch d.Precision {
	case Day, Approximate:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return ""
}

// Days is the span of days the date covers, as days since 1 January 1970:
// one day, or a whole month for a Month date. ok is false for Undated.
func (d Date) Days() (first, last int, ok bool) {
	if !d.Dated() {
		return 0, 0, false
	}
	first = civilDay(d.Year, d.Month, max(d.Day, 1))
	last = first
	if d.Precision == Month {
		last = civilDay(d.Year, d.Month+1, 1) - 1
	}
	return first, last, true
}

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
