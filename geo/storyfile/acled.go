package storyfile

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"

	"sovmap/geo/story"

	"github.com/paulmach/orb"
)

// ACLEDColumns are the columns of conflict-event data in ACLED's layout
// that Sovmap reads and writes.
var ACLEDColumns = []string{
	"event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
	"actor1", "actor2", "admin1", "admin2", "location", "latitude", "longitude",
	"geo_precision", "source", "notes", "fatalities",
}

// ACLED's precision codes, and ours.
var (
	timePrecisions = map[string]story.Precision{"1": story.Day, "2": story.Approximate, "3": story.Month}
	geoPrecisions  = map[string]string{"1": "town", "2": "municipality", "3": "region"}
)

// ParseACLED reads conflict-event data in ACLED's column layout (a header
// line naming at least event_id_cnty and event_date; other columns of the
// layout are optional, unknown ones are ignored). Each row is an incident;
// rows at the same location, state and point share a place; a row with no
// coordinates stays on the timeline only. name starts every error.
func ParseACLED(name string, data []byte) (*story.Story, error) {
	fail := func(format string, args ...any) error {
		return fmt.Errorf("%s: "+format, append([]any{name}, args...)...)
	}
	if err := checkText(name, data); err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	header, err := r.Read()
	if err != nil {
		return nil, fail("cannot read the header line: %v", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	for _, need := range []string{"event_id_cnty", "event_date"} {
		if _, ok := col[need]; !ok {
			return nil, fail("no %s column: is this conflict-event data in ACLED's layout?", need)
		}
	}
	s := &story.Story{Title: story.Text{"en": strings.TrimSuffix(baseName(name), ".csv")}}
	sources := map[string]*story.Source{}
	places := map[string]*story.Place{}
	placeIDs := map[string]bool{}
	ids := map[string]bool{}
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fail("line %d: %v", pe.Line, pe.Err)
			}
			return nil, fail("line %d: %v", line, err)
		}
		get := func(c string) string {
			if i, ok := col[c]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		it, err := acledItem(get, s, sources, places, placeIDs)
		if err != nil {
			return nil, fail("line %d: %v", line, err)
		}
		if ids[it.ID] {
			return nil, fail("line %d: event %q appears twice", line, it.ID)
		}
		ids[it.ID] = true
		s.Items = append(s.Items, it)
	}
	if len(s.Items) == 0 {
		return nil, fail("no events after the header line")
	}
	s.Order()
	return s, nil
}

func baseName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}

func acledItem(get func(string) string, s *story.Story, sources map[string]*story.Source, places map[string]*story.Place, placeIDs map[string]bool) (*story.Item, error) {
	id := get("event_id_cnty")
	if id == "" {
		return nil, errors.New("empty event_id_cnty")
	}
	prec := story.Day
	if tp := get("time_precision"); tp != "" {
		var ok bool
		if prec, ok = timePrecisions[tp]; !ok {
			return nil, fmt.Errorf("event %s: time_precision %q is not 1, 2 or 3", id, tp)
		}
	}
	day, err := parseACLEDDate(get("event_date"))
	if err != nil {
		return nil, fmt.Errorf("event %s: %v", id, err)
	}
	it := &story.Item{ID: id, Kind: story.Incident, Date: story.Date{Year: day.Year(), Month: int(day.Month()), Day: day.Day(), Precision: prec}}
	if prec == story.Month {
		it.Date.Day = 0
	}
	title := get("sub_event_type")
	if title == "" {
		title = get("event_type")
	}
	if title == "" {
		title = "Event " + id
	}
	it.Title = story.Text{"en": title}
	summary := get("notes")
	if summary == "" {
		summary = strings.Trim(get("event_type")+": "+get("sub_event_type"), ": ")
	}
	if summary == "" {
		summary = title
	}
	it.Summary = story.Text{"en": summary}
	it.Actor = get("actor1")
	if a2 := get("actor2"); a2 != "" {
		it.Actor += " / " + a2
	}
	if f := get("fatalities"); f != "" {
		n, err := strconv.Atoi(f)
		if err != nil || n < 0 || n > 1e7 {
			return nil, fmt.Errorf("event %s: fatalities %q is not a whole number from 0", id, f)
		}
		it.Killed, it.KilledOK = n, true
		it.Victims = story.Text{"en": strconv.Itoa(n) + " killed", "es": strconv.Itoa(n) + " muertos"}
	}
	srcName := get("source")
	if srcName == "" {
		srcName = "Unknown source"
	}
	if it.Source = sources[srcName]; it.Source == nil {
		it.Source = &story.Source{ID: uniqueID(slug(srcName), func(id string) bool { return sourceTaken(s, id) }), Name: story.Text{"en": srcName}}
		sources[srcName] = it.Source
		s.Sources = append(s.Sources, it.Source)
	}
	lat, lon := get("latitude"), get("longitude")
	if lat == "" && lon == "" {
		return it, nil // no place: on the timeline only
	}
	y, errY := strconv.ParseFloat(lat, 64)
	x, errX := strconv.ParseFloat(lon, 64)
	if errY != nil || errX != nil {
		return nil, fmt.Errorf("event %s: latitude %q, longitude %q are not numbers", id, lat, lon)
	}
	pt := orb.Point{x, y}
	if err := story.CheckLonLat(pt); err != nil {
		return nil, fmt.Errorf("event %s: %v", id, err)
	}
	it.LocationPrecision = "town"
	if gp := get("geo_precision"); gp != "" {
		var ok bool
		if it.LocationPrecision, ok = geoPrecisions[gp]; !ok {
			return nil, fmt.Errorf("event %s: geo_precision %q is not 1, 2 or 3", id, gp)
		}
	}
	loc := get("location")
	if loc == "" {
		loc = fmt.Sprintf("%.4f, %.4f", y, x)
	}
	key := strings.Join([]string{loc, get("admin1"), get("admin2"), lat, lon}, "\x00")
	if it.Place = places[key]; it.Place == nil {
		// Two places of one name and state: the point tells them apart, so
		// the id does not depend on the order of the rows.
		pid := slug(loc + " " + get("admin1"))
		if placeIDs[pid] {
			pid = slug(fmt.Sprintf("%s %s %.4f %.4f", loc, get("admin1"), y, x))
		}
		placeIDs[pid] = true
		it.Place = &story.Place{ID: pid, Name: loc, State: get("admin1"), Municipality: get("admin2"), Point: pt}
		places[key] = it.Place
	}
	return it, nil
}

func sourceTaken(s *story.Story, id string) bool {
	for _, src := range s.Sources {
		if src.ID == id {
			return true
		}
	}
	return false
}

// parseACLEDDate reads "2025-01-13" or ACLED's "13 January 2025".
func parseACLEDDate(v string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2 January 2006", "02 January 2006"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("event_date %q is not a date (want 2025-01-13 or 13 January 2025)", v)
}

// slug makes an id from a name: lower-case letters and digits joined by dashes.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			dash = false
		case unicode.IsLetter(r): // keep accented letters readable: á → a
			b.WriteRune(foldAccent(r))
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if out == "" {
		out = "item"
	}
	return out
}

func foldAccent(r rune) rune {
	const from, to = "áàâäãéèêëíìîïóòôöõúùûüñç", "aaaaaeeeeiiiiooooouuuunc"
	if i := strings.IndexRune(from, r); i >= 0 {
		return []rune(to)[len([]rune(from[:i]))]
	}
	return r
}

// uniqueID returns base, or base-2, base-3, … the first that taken refuses.
func uniqueID(base string, taken func(string) bool) string {
	id := base
	for n := 2; taken(id); n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	return id
}

// WriteACLED writes the story's items as CSV in ACLED's column layout.
// Each item is a row; one with no place has empty coordinates. What the
// layout has no column for (Spanish text, notes on dates, events' sides)
// is not written: GeoJSON keeps everything.
func WriteACLED(w io.Writer, s *story.Story) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(ACLEDColumns); err != nil {
		return err
	}
	tp := map[story.Precision]string{story.Day: "1", story.Approximate: "2", story.Month: "3"}
	gp := map[string]string{"town": "1", "municipality": "2", "region": "3"}
	for _, it := range s.Items {
		date := ""
		switch it.Date.Precision {
		case story.Day, story.Approximate:
			date = it.Date.ISO()
		case story.Month:
			date = fmt.Sprintf("%04d-%02d-01", it.Date.Year, it.Date.Month)
		}
		row := make([]string, len(ACLEDColumns))
		row[0], row[1], row[2] = it.ID, date, tp[it.Date.Precision]
		row[4] = it.Title.In("en")
		a1, a2, _ := strings.Cut(it.Actor, " / ")
		row[5], row[6] = a1, a2
		if p := it.Place; p != nil {
			row[7], row[8], row[9] = p.State, p.Municipality, p.Name
			row[10] = strconv.FormatFloat(p.Point[1], 'f', -1, 64)
			row[11] = strconv.FormatFloat(p.Point[0], 'f', -1, 64)
			row[12] = gp[it.LocationPrecision]
		}
		if it.Source != nil {
			row[13] = it.Source.Name.In("en")
		}
		row[14] = it.Summary.In("en")
		if it.KilledOK {
			row[15] = strconv.Itoa(it.Killed)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
