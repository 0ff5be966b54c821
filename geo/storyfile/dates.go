package storyfile

import (
	"fmt"
	"strconv"
	"strings"
	"time"

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
// error. Without a day, the date is a month; a bare year, or nothing, has
// no date (undated), unless needMonth says the date must be a month or a
// day.
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
		return story.Date{Precision: story.Undated}, nil
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
	return y, b, a, nil // day first until the file says otherwise
}

// learn records the order a date showed. One file should keep one order;
// where it changes after dates were read the other way, those earlier
// ambiguous dates may be wrong, which the report says.
func (d *dateReader) learn(o dayOrder) {
	if d.order == orderUnknown {
		d.order = o
	}
}

// note says how the file's dates were understood, where that was a guess.
func (d *dateReader) note() string {
	switch {
	case d.ambiguous == 0:
		return ""
	case d.order == monthFirst:
		return fmt.Sprintf("%d dates such as 01/02/2025 were read day first before a later date showed the file writes the month first; check them", d.ambiguous)
	case d.order == orderUnknown:
		return fmt.Sprintf("%d dates such as 01/02/2025 could be day or month first; they were read day first (1 February)", d.ambiguous)
	}
	return ""
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
