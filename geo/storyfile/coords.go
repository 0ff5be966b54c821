package storyfile

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paulmach/orb"
)

// degrees reads a row's latitude and longitude: decimal degrees ("19.43",
// "-99,13"), or degrees, minutes and seconds as tables write them
// (19°25'45.6"N, 99 08 00 W, N 19:25:45, 99º08'O in Spanish), isDMS then
// true.
func degrees(lat, lon string) (y, x float64, isDMS, ok bool) {
	y, okY := number(lat)
	x, okX := number(lon)
	if okY && okX {
		return y, x, false, true
	}
	if !okY {
		y, okY = dms(lat, "N", "S")
	}
	if !okX {
		x, okX = dms(lon, "E", "WO")
	}
	return y, x, true, okY && okX
}

// dms reads one coordinate in degrees, minutes and seconds: up to three
// numbers (only the last with a fraction; minutes and seconds under 60),
// separated by degree, minute and second marks, colons or spaces, with a
// sign or a hemisphere letter (pos, or one of neg: west is W, or O for
// oeste) at either end. A lone number needs a mark or a letter: plain
// numbers are decimal degrees, read by number.
func dms(s, pos, neg string) (float64, bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" || len(s) > 64 {
		return 0, false
	}
	sign, marked := 1.0, false
	hemisphere := func(r rune) bool {
		switch {
		case strings.ContainsRune(pos, r):
		case strings.ContainsRune(neg, r):
			sign = -1
		default:
			return false
		}
		marked = true
		return true
	}
	if r, n := utf8.DecodeLastRuneInString(s); hemisphere(r) {
		s = strings.TrimSpace(s[:len(s)-n])
	} else if r, n := utf8.DecodeRuneInString(s); hemisphere(r) {
		s = strings.TrimSpace(s[n:])
	}
	if strings.HasPrefix(s, "-") {
		if marked && sign < 0 {
			return 0, false // -99 W: a sign and a letter both saying west
		}
		sign, s = -sign, s[1:]
	}
	parts := strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case '°', 'º', '\'', '′', '’', '"', '″', '”', ':', 'D', 'M', 'S':
			marked = true
			return true
		}
		return unicode.IsSpace(r)
	})
	if len(parts) == 0 || len(parts) > 3 || (len(parts) == 1 && !marked) {
		return 0, false
	}
	var v [3]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(p, 64)
		if err != nil || f < 0 || (i < len(parts)-1 && strings.Contains(p, ".")) || (i > 0 && f >= 60) {
			return 0, false
		}
		v[i] = f
	}
	return sign * (v[0] + v[1]/60 + v[2]/3600), true
}

// point makes the place of an item from its coordinates: ok is false, with
// no error, for 0, 0 (in the Gulf of Guinea, and how many tools write an
// unknown place), which is counted for the report and left off the map;
// coordinates off the Earth are the row's error.
func (b *builder) point(lon, lat float64) (orb.Point, bool, error) {
	if lon == 0 && lat == 0 {
		b.nullIsland++
		return orb.Point{}, false, nil
	}
	p, err := lonLat(lon, lat)
	return p, err == nil, err
}
