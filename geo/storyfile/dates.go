package storyfile

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"sovmap/geo/phrase"
	"sovmap/geo/story"
)

// dateReader reads the dates of one file. Files write dates in many forms
// ("2025-01-13", "13 January 2025", ACLED's old "01-January-2015", Excel's
// "9-May-20", "13/01/2025"); where a form is ambiguous it uses what else
// the row says (its year) and what the file has shown so far (the order of
// day and month in its slashed dates).
type dateReader struct {
	order     dayOrder
	ambiguous int // slashed dates read before the order was known
	// pending are the dates read day first only for want of a sign,
	// turned month first at settle if a later date shows the file writes
	// the month first: the whole column decides, not its first rows.
	pending []pendingDate
	last    pendingDate // the parts of the last date read, if ambiguous
	epochs  int         // dates given as time since 1970
	// unread counts the dates that could not be read, where the item is
	// kept undated (plain files); unreadExample is the first.
	unread        int
	unreadExample string
}

// pendingDate is an ambiguous date as written: 01/02/2025 is a, b = 1, 2.
type pendingDate struct {
	dst  *story.Date
	a, b int
}

// set reads s into dst, as read does, remembering dst if the order of its
// day and month is not yet known.
func (d *dateReader) set(dst *story.Date, s string, prec story.Precision, year int, needMonth bool) error {
	d.last = pendingDate{}
	v, err := d.read(s, prec, year, needMonth)
	if err != nil {
		return err
	}
	*dst = v
	if d.last.a != 0 && v.Precision != story.Undated {
		d.last.dst = dst
		d.pending = append(d.pending, d.last)
	}
	return nil
}

// setOrUndated is set for a plain file's optional date: a date that
// cannot be read leaves the item undated, counted for the note, rather
// than losing the row (a column of times of day, a form no one writes).
func (d *dateReader) setOrUndated(dst *story.Date, s string) {
	if err := d.set(dst, s, story.Day, 0, false); err != nil {
		*dst = story.Date{Precision: story.Undated}
		if d.unread == 0 {
			d.unreadExample = clip(strings.TrimSpace(s), 40)
		}
		d.unread++
	}
}

// settle turns the ambiguous dates month first if the file, read whole,
// writes the month first; every date of the column then follows one
// order.
func (d *dateReader) settle() {
	if d.order == monthFirst {
		for _, p := range d.pending {
			if p.dst.Precision == story.Month {
				p.dst.Month = p.a
			} else {
				p.dst.Month, p.dst.Day = p.a, p.b
			}
		}
	}
	d.pending = nil
}

// dayOrder is the order of day and month in a file's slashed dates.
type dayOrder int

const (
	orderUnknown dayOrder = iota
	dayFirst              // 13/01/2025, as most of the world writes
	monthFirst            // 01/13/2025, as the US writes
)

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
	// Spanish, for spreadsheets written in Mexico.
	"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
	"agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
	"ene": 1, "abr": 4, "ago": 8, "dic": 12,
}

// read reads a date of the given precision. year, if not 0, is the row's
// year: it decides two-digit years, and a date of another year is an
// error. Without a day, the date is a month; a bare year is a year, and
// nothing no date (undated), unless needMonth says the date must be a
// month or a day.
func (d *dateReader) read(s string, prec story.Precision, year int, needMonth bool) (story.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" && !needMonth {
		return story.Date{Precision: story.Undated}, nil
	}
	y, m, day, err := d.parts(s, year)
	if err != nil {
		return story.Date{}, err
	}
	if y < 1 || y > 9999 {
		return story.Date{}, skipf("date %q is not a date Sovmap can read (such as 2025-01-13 or 13 January 2025)", s)
	}
	if year != 0 && y != year {
		return story.Date{}, skipf("event_date %q is not in the row's year %d", s, year)
	}
	if m == 0 {
		if needMonth {
			return story.Date{}, skipf("date %q has no month or day", s)
		}
		return story.Date{Year: y, Precision: story.Year}, nil
	}
	if day == 0 || prec == story.Month {
		return story.Date{Year: y, Month: m, Precision: story.Month}, nil
	}
	if _, err := time.Parse("2006-1-2", fmt.Sprintf("%d-%d-%d", y, m, day)); err != nil {
		return story.Date{}, skipf("date %q is not a real day", s)
	}
	return story.Date{Year: y, Month: m, Day: day, Precision: prec}, nil
}

// parts splits a date into year, month and day (0 where not given).
func (d *dateReader) parts(s string, year int) (y, m, day int, err error) {
	bad := skipf("date %q is not a date Sovmap can read (such as 2025-01-13 or 13 January 2025)", s)
	if s == "" {
		return 0, 0, 0, skipf("no date")
	}
	// An ISO date, perhaps with a time after it.
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		t, err := time.Parse("2006-01-02", s[:10])
		if err != nil || (len(s) > 10 && s[10] != 'T' && s[10] != ' ') {
			return 0, 0, 0, bad
		}
		return t.Year(), int(t.Month()), t.Day(), nil
	}
	if y, m, day, epoch, ok := epochDate(s); ok {
		if epoch {
			d.epochs++
		}
		return y, m, day, nil
	}
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '-' || r == '/' || r == '.' || r == ','
	})
	words = dropWord(words, "de") // "13 de enero de 2025"
	nums := make([]int, len(words))
	month := -1
	for i, w := range words {
		if v, ok := months[w]; ok && month < 0 {
			nums[i], month = v, i
			continue
		}
		n, err := strconv.Atoi(w)
		if err != nil || n < 0 {
			return 0, 0, 0, bad
		}
		nums[i] = n
	}
	switch {
	case len(words) == 1 && len(s) == 4 && month < 0: // a year only
		return nums[0], 0, 0, nil
	case len(words) == 2 && month < 0 && len(words[0]) == 4: // 2025-01
		return nums[0], nums[1], 0, checkMonth(nums[1], bad)
	case len(words) == 2 && month >= 0: // January 2025, Jan-25
		return d.fullYear(nums[1-month], words[1-month], year), nums[month], 0, nil
	case len(words) != 3:
		return 0, 0, 0, bad
	case month == 1: // 13 January 2025, 9-May-20
		return d.fullYear(nums[2], words[2], year), nums[1], nums[0], nil
	case month == 0: // January 13 2025
		return d.fullYear(nums[2], words[2], year), nums[0], nums[1], nil
	case month > 1:
		return 0, 0, 0, bad
	case len(words[0]) == 4: // 2025/01/13
		return nums[0], nums[1], nums[2], checkMonth(nums[1], bad)
	}
	// Day and month in numbers: 13/01/2025 or 01/13/2025. A dot is
	// always day first; otherwise what the file has shown decides.
	y = d.fullYear(nums[2], words[2], year)
	a, b := nums[0], nums[1]
	switch {
	case strings.Contains(s, "."):
		return y, b, a, checkMonth(b, bad)
	case a > 12 && b <= 12:
		d.learn(dayFirst)
		return y, b, a, nil
	case b > 12 && a <= 12:
		d.learn(monthFirst)
		return y, a, b, nil
	case a > 12 || b > 12 || a == 0 || b == 0:
		return 0, 0, 0, bad
	case d.order == monthFirst:
		return y, a, b, nil
	}
	d.ambiguous++
	d.last = pendingDate{a: a, b: b}
	return y, b, a, nil // day first until the file says otherwise
}

// epochDate reads a date written as a number: 20250113 (a day, as
// GDELT and many exports write it), or a time since 1970 in seconds or,
// from 10^11 on, milliseconds (USGS's earthquake feeds, JavaScript's
// Date), taken as a day in UTC.
func epochDate(s string) (y, m, day int, epoch, ok bool) {
	if len(s) == 8 && allDigits(s) {
		y, _ = strconv.Atoi(s[:4])
		m, _ = strconv.Atoi(s[4:6])
		day, _ = strconv.Atoi(s[6:])
		if y >= 1000 && m >= 1 && m <= 12 && day >= 1 && day <= 31 {
			return y, m, day, false, true
		}
		return 0, 0, 0, false, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || v < 1e8 || v > 1e14 || len(s) < 9 {
		return 0, 0, 0, false, false // a year, a count, or not a number
	}
	if v >= 1e11 {
		v /= 1000
	}
	t := time.Unix(int64(v), 0).UTC()
	return t.Year(), int(t.Month()), t.Day(), true, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// learn records the order a date showed. One file should keep one order;
// where it changes after dates were read the other way, those earlier
// ambiguous dates may be wrong, which the report says.
func (d *dateReader) learn(o dayOrder) {
	if d.order == orderUnknown {
		d.order = o
	}
}

// notes say how the file's dates were understood, where that was a guess
// or a choice, once the column is settled.
func (d *dateReader) notes(column string) []phrase.Text {
	d.settle()
	var out []phrase.Text
	switch {
	case d.ambiguous == 0:
	case d.order == monthFirst:
		out = append(out, count(d.ambiguous, "the file writes the month first (as 12/31/2025): its %s date such as 01/02/2025 was read as 2 January",
			"the file writes the month first (as 12/31/2025): its %s dates such as 01/02/2025 were read as 2 January"))
	case d.order == orderUnknown:
		out = append(out, count(d.ambiguous, "%s date such as 01/02/2025 could be day or month first; it was read day first (1 February)",
			"%s dates such as 01/02/2025 could be day or month first; they were read day first (1 February)"))
	}
	if d.epochs > 0 {
		out = append(out, count(d.epochs, "%s date given as time since 1970 was read as a day in UTC",
			"%s dates given as time since 1970 were read as days in UTC"))
	}
	if d.unread > 0 {
		if column != "" {
			out = append(out, count(d.unread, "%s value in the column %q could not be read as a date (%q); that item is undated",
				"%s values in the column %q could not be read as dates (such as %q); those items are undated", column, d.unreadExample))
		} else {
			out = append(out, count(d.unread, "%s value could not be read as a date (%q); that item is undated",
				"%s values could not be read as dates (such as %q); those items are undated", d.unreadExample))
		}
	}
	return out
}

// fullYear makes a two-digit year whole: in the row's year's century when
// it has one, else the nearest past century.
func (d *dateReader) fullYear(n int, written string, year int) int {
	if len(written) > 2 {
		return n
	}
	if year != 0 {
		return year/100*100 + n
	}
	now := time.Now().Year()
	y := now/100*100 + n
	if y > now {
		y -= 100
	}
	return y
}

func checkMonth(m int, bad error) error {
	if m < 1 || m > 12 {
		return bad
	}
	return nil
}

func dropWord(words []string, w string) []string {
	out := words[:0]
	for _, x := range words {
		if x != w {
			out = append(out, x)
		}
	}
	return out
}
