package storyfile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"sovmap/geo/phrase"
	"sovmap/geo/story"
)

// csvTable is a CSV file's header, its rows read one at a time.
type csvTable struct {
	sc    *csvScanner
	b     *builder
	col   map[string]int // lower-case column name → index
	names []string       // the columns as the header gives them
	rec   [][]byte       // the current row
	line  int            // the line it starts on
	// finder places rows given by names only; nil: they stay off the map.
	finder NameFinder
	// byName and unplaced count the rows so placed, and those with
	// neither coordinates nor a name finder knows.
	byName, unplaced int
	victims          map[int]story.Text // the victims' text of each count of deaths, kept once
}

// placeByName places a row that gives no coordinates by its state and
// municipality names, where the file's finder knows them: at that area,
// with the precision it leaves and a note saying so. ok is false where
// there is no finder, or no name it knows.
func (t *csvTable) placeByName(it *story.Item, state, muni, country string) (bool, error) {
	if t.finder == nil || state == "" || (country != "" && gazetteerCountry(country) != "MEX") {
		t.unplaced++
		return false, nil
	}
	pt, prec, code, ok := t.finder.FindPlace(state, muni)
	if !ok {
		t.unplaced++
		return false, nil
	}
	t.byName++
	it.LocationPrecision = prec
	names := state
	if muni != "" {
		names = muni + ", " + state
	}
	it.LocationNote = t.b.text("placed by its names (" + names + "): the file gives no coordinates")
	name := muni
	if prec != "municipality" || name == "" {
		name = state
	}
	var err error
	it.Place, err = t.b.place("\x00area\x00"+code, "", name, state, muni, country, pt)
	return true, err
}

// gazetteerCountry is "MEX" for the names files give Mexico.
func gazetteerCountry(c string) string {
	switch strings.ToLower(strings.TrimSpace(c)) {
	case "mexico", "méxico", "mex", "mx", "484":
		return "MEX"
	}
	return c
}

// placeNotes say how rows without coordinates were placed.
func (t *csvTable) placeNotes() []phrase.Text {
	var out []phrase.Text
	if t.byName > 0 {
		out = append(out, count(t.byName, "%s row with no coordinates: placed by municipality or state name, as an area",
			"%s rows with no coordinates: placed by municipality or state name, as areas"))
	}
	if t.unplaced > 0 {
		out = append(out, count(t.unplaced, "%s row with no coordinates and no place name Sovmap knows: on the timeline, not the map",
			"%s rows with no coordinates and no place name Sovmap knows: on the timeline, not the map"))
	}
	return out
}

// column is the index of a column, -1 when the file has none of that name.
func (t *csvTable) column(name string) int {
	if i, ok := t.col[name]; ok {
		return i
	}
	return -1
}

// get is a column's value in the current row, as text, "" where missing.
func (t *csvTable) get(name string) string { return t.at(t.column(name)) }

// at is the value of column i in the current row, as text, "" where
// missing. Values that rows repeat (names, actors, types) are kept once.
func (t *csvTable) at(i int) string {
	if i < 0 || i >= len(t.rec) {
		return ""
	}
	v := bytes.TrimSpace(t.rec[i])
	if len(v) > MaxFieldBytes {
		v = v[:MaxFieldBytes]
	}
	if len(v) > 1 && v[0] == '\'' && bytes.IndexByte(formulaStarts, v[1]) >= 0 {
		v = v[1:] // the apostrophe a spreadsheet-safe export put before a formula's sign
	}
	if missing(string(v)) { // no allocation: the conversion is only compared
		return ""
	}
	if s, ok := t.b.strs[string(v)]; ok { // nor here: a map look-up
		return s
	}
	s := t.b.cell(v)
	if len(s) <= 200 { // short values repeat; long ones (notes) do not
		t.b.strs[s] = s
	}
	return s
}

// first is the first of the named columns the file has, and its value.
func (t *csvTable) first(names ...string) (string, bool) {
	for _, n := range names {
		if _, ok := t.col[n]; ok {
			return t.get(n), true
		}
	}
	return "", false
}

func (t *csvTable) has(name string) bool { _, ok := t.col[name]; return ok }

// readCSV reads a CSV story: ACLED's layout if its header has ACLED's
// columns, else any table with latitude and longitude columns.
func readCSV(br *bufio.Reader, src source, base string, o Options, rep *Report) (*story.Story, error) {
	head, _ := br.Peek(64 << 10)
	if bytes.HasPrefix(head, []byte("\ufeff")) {
		br.Discard(3)
		head = head[3:]
	}
	comma := sniffComma(head)
	t := &csvTable{sc: newCSVScanner(br, comma, MaxColumns, MaxRecord), b: newBuilder(src, o.Strict, rep), col: map[string]int{}, finder: o.Names}
	header, _, err := t.sc.next()
	switch {
	case errors.Is(err, errTooManyFields) || errors.Is(err, errRecordTooLarge):
		return nil, phrase.Errorf("%s: the header line has more than %d columns or is over %d MiB: not a story table", src.name(), MaxColumns, MaxRecord>>20)
	case err == io.EOF:
		return nil, phrase.Errorf("%s: file is empty", src.name())
	case err != nil:
		return nil, phrase.Errorf("%s: reading failed: %w", src.name(), bare(err))
	}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(t.b.cell(h)))
		t.names = append(t.names, name)
		if name == "" || strings.HasPrefix(name, "unnamed:") { // a saved table's row index
			continue
		}
		if _, dup := t.col[name]; !dup {
			t.col[name] = i
		}
	}
	switch {
	case t.has("event_date") && (t.has("event_id_cnty") || t.has("data_id") || t.has("event_type")):
		return t.readACLED(base)
	case t.isUCDP():
		return t.readUCDP(base)
	case latColumn(t.names, t.col) != "":
		return t.readPlain(base)
	}
	var quoted []string
	for _, n := range t.names[:min(len(t.names), 12)] {
		quoted = append(quoted, strconv.Quote(clip(n, 40)))
	}
	shown := strings.Join(quoted, ", ")
	if len(t.names) > 12 {
		shown += ", …"
	}
	return nil, phrase.Errorf("%s: not a story table: a CSV needs latitude and longitude columns (lat or latitude or y; lon, lng, long, longitude or x; or a pair such as location_lat, location_lon), or ACLED's columns (event_id_cnty, event_date…); this one, separated by %s, has %s",
		src.name(), describeComma(comma), shown)
}

// rows calls row for each row after the header, skipping (and reporting)
// the rows it refuses and the rows over the limits.
func (t *csvTable) rows(row func() (*story.Item, error)) error {
	for {
		rec, line, err := t.sc.next()
		if err == io.EOF {
			return nil
		}
		t.line = line
		switch {
		case errors.Is(err, errRecordTooLarge):
			err = t.b.skip(line, 0, phrase.Text{}, skipf("the row is longer than %d MiB", MaxRecord>>20))
		case errors.Is(err, errTooManyFields):
			err = t.b.skip(line, 0, phrase.Text{}, skipf("the row has more than %d fields", MaxColumns))
		case errors.Is(err, errUnclosedQuote):
			// Everything after the quote was read as one field: the rows
			// it swallowed are lost, and the report says how many lines.
			err = t.b.skip(line, 0, phrase.Text{}, skipf("a quote opened in this row is never closed: the rest of the file (to line %d) was read as one field and not used", t.sc.endLine))
		case err != nil:
			return phrase.Errorf("%s: line %d: reading failed: %w", t.b.src.name(), line, bare(err))
		case len(rec) == 1 && len(rec[0]) == 0:
			continue // an empty line
		case len(rec) != len(t.names):
			// A field too many or too few: a separator inside an unquoted
			// value, or a value lost; every column after it would be read
			// from the wrong one.
			err = t.b.skip(line, 0, phrase.Text{}, skipf("the row has %d fields where the header has %d", len(rec), len(t.names)))
		default:
			t.rec = rec
			var it *story.Item
			it, err = row()
			if err == nil {
				err = t.b.add(it)
			}
			if err != nil {
				var what phrase.Text
				if it != nil {
					what = phrase.F("event %s", it.ID)
				}
				err = t.b.skip(line, 0, what, err)
			}
		}
		if err != nil {
			return err
		}
	}
}

// ACLED's precision codes, and Sovmap's.
var (
	timePrecisions = map[string]story.Precision{"1": story.Day, "2": story.Week, "3": story.Month}
	// ACLED's 2 is a place near the event (ACLED's codebook: the event
	// happened near the town named, or in an area it stands for).
	geoPrecisions = map[string]string{"1": "town", "2": "nearby", "3": "region"}
)

// acledFields are the columns of conflict data the details panel shows.
var acledFields = []string{"event_type", "sub_event_type", "disorder_type", "actor1", "assoc_actor_1", "ally_actor_1",
	"actor2", "assoc_actor_2", "ally_actor_2", "civilian_targeting", "fatalities", "admin3", "source_scale", "tags"}

// readACLED reads conflict-event data in ACLED's column layout, of any
// vintage: upper- or lower-case headers in any order, an index column
// first, dates in any of ACLED's and spreadsheets' forms, NA for missing
// values. Each row is an incident; rows at the same location share a
// place; a row with no coordinates stays on the timeline. Rows repeating
// an id are kept once.
func (t *csvTable) readACLED(base string) (*story.Story, error) {
	b := t.b
	b.s.Title = story.Text{"en": strings.TrimSuffix(base, ".csv")}
	b.s.Credit = story.Text{"en": "Data: ACLED, acleddata.com", "es": "Datos: ACLED, acleddata.com"}
	var dates dateReader
	c := t.column
	var (
		idCol, dataID, precCol, yearCol, dateCol   = c("event_id_cnty"), c("data_id"), c("time_precision"), c("year"), c("event_date")
		typeCol, subCol, notesCol, actor1, actor2  = c("event_type"), c("sub_event_type"), c("notes"), c("actor1"), c("actor2")
		deadCol, sourceCol, latCol, lonCol, geoCol = c("fatalities"), c("source"), c("latitude"), c("longitude"), c("geo_precision")
		locCol, admin1Col, admin2Col, countryCol   = c("location"), c("admin1"), c("admin2"), c("country")
		ownPrecCol, ownEndCol, dateNoteCol         = c("date_precision"), c("date_end"), c("date_note")
		ownPlaceCol, placeNoteCol                  = c("location_precision"), c("location_note")
		fieldCols                                  []int
	)
	for _, name := range acledFields {
		fieldCols = append(fieldCols, c(name))
	}
	conflict := conflictColumns{dead: deadCol, deadName: "fatalities", fields: fieldCols, names: acledFields, source: sourceCol, data: "ACLED",
		victims: func(n int) story.Text {
			return story.Text{"en": strconv.Itoa(n) + " killed", "es": strconv.Itoa(n) + " muertos"}
		}}
	actorRows := 0
	b.merge = func(first, again *story.Item) {
		if mergeActors(first, again) {
			actorRows++
		}
	}
	err := t.rows(func() (*story.Item, error) {
		id := t.at(idCol)
		if id == "" {
			id = t.at(dataID)
		}
		if id == "" {
			id = "line-" + strconv.Itoa(t.line)
		}
		it := &story.Item{ID: id, Kind: story.Incident}
		prec := story.Day
		if tp := t.at(precCol); tp != "" {
			var ok bool
			if prec, ok = timePrecisions[tp]; !ok {
				return it, skipf("time_precision %q is not 1, 2 or 3", tp)
			}
		}
		year := 0
		if y := t.at(yearCol); y != "" {
			if v, err := strconv.Atoi(y); err == nil && v > 0 && v < 10000 {
				year = v
			}
		}
		var err error
		// Conflict data dates every event; Sovmap's own CSV leaves undated
		// events' dates empty.
		if err = dates.set(&it.Date, t.at(dateCol), prec, year, false); err != nil {
			return it, err
		}
		if own := t.at(ownPrecCol); own != "" {
			// Sovmap's export: its precision in words says more than
			// ACLED's codes (approximate, a range).
			if it.Date, err = story.ParseDate(ownDate(t.at(dateCol), t.at(ownEndCol), story.Precision(own)), story.Precision(own)); err != nil {
				return it, skipf("%v", err)
			}
		}
		if note := t.at(dateNoteCol); note != "" {
			it.DateNote = b.text(note)
		}
		eventType, subType := t.at(typeCol), t.at(subCol)
		title := subType
		if title == "" {
			title = eventType
		}
		if title == "" {
			title = "Event " + id
		}
		it.Title = b.text(title)
		it.Category = b.text(eventType)
		if notes := t.at(notesCol); notes != "" {
			it.Summary = story.Text{"en": notes} // notes are each their own
		} else {
			it.Summary = it.Title
		}
		it.Actor = t.at(actor1)
		if a2 := t.at(actor2); a2 != "" {
			it.Actor = b.intern(it.Actor + " / " + a2)
		}
		if err := t.conflictRow(it, conflict); err != nil {
			return it, err
		}
		lat, lon := t.at(latCol), t.at(lonCol)
		if lat == "" && lon == "" {
			_, err := t.placeByName(it, t.at(admin1Col), t.at(admin2Col), t.at(countryCol))
			return it, err // placed by its names, or on the timeline only
		}
		y, okY := number(lat)
		x, okX := number(lon)
		if !okY || !okX {
			return it, skipf("latitude %q, longitude %q are not both numbers", lat, lon)
		}
		pt, ok, err := b.point(x, y)
		if !ok {
			return it, err // no place: 0, 0, the usual mark of an unknown one
		}
		it.LocationPrecision = Unstated
		if gp := t.at(geoCol); gp != "" {
			var ok bool
			if it.LocationPrecision, ok = geoPrecisions[gp]; !ok {
				return it, skipf("geo_precision %q is not 1, 2 or 3", gp)
			}
		}
		if own := t.at(ownPlaceCol); own != "" {
			it.LocationPrecision = own
		}
		if note := t.at(placeNoteCol); note != "" {
			it.LocationNote = b.text(note)
		}
		loc, admin1, admin2 := t.at(locCol), t.at(admin1Col), t.at(admin2Col)
		if loc == "" {
			loc = fmt.Sprintf("%.4f, %.4f", y, x)
		}
		key := loc + "\x00" + admin1 + "\x00" + admin2 + "\x00" + lat + "\x00" + lon
		it.Place, err = b.place(key, "", loc, admin1, admin2, t.at(countryCol), pt)
		return it, err
	})
	if err != nil {
		return nil, err
	}
	b.rep.Notes = append(b.rep.Notes, dates.notes("")...)
	b.rep.Notes = append(b.rep.Notes, t.placeNotes()...)
	if actorRows > 0 {
		b.rep.Notes = append(b.rep.Notes, count(actorRows,
			"%s row repeats an event with another actor (one row per actor, as ACLED's newer exports write them); each event keeps all its actors",
			"%s rows repeat an event with another actor (one row per actor, as ACLED's newer exports write them); each event keeps all its actors"))
	}
	return b.finish("ACLED CSV")
}

// isoDay is a date as YYYY-MM-DD where it was read as a day (whatever the
// file wrote: 13/01/2025), else as the file wrote it.
func isoDay(d story.Date, written string) string {
	if d.Day > 0 {
		return d.ISO()[:10]
	}
	return written
}

// ownDate is a date as ParseDate reads it for a precision, from the day
// Sovmap's CSV export writes in event_date and the end in date_end.
func ownDate(day, end string, p story.Precision) string {
	switch p {
	case story.Month:
		if len(day) >= 7 {
			return day[:7]
		}
	case story.Year:
		if len(day) >= 4 {
			return day[:4]
		}
	case story.Range:
		return day + "/" + end
	case story.Undated:
		return ""
	}
	return day
}

// conflictColumns are the columns conflict data's rows share the reading
// of: a count of deaths, fields for the details, the sources.
type conflictColumns struct {
	dead     int    // the deaths' column
	deadName string // its name, for messages
	victims  func(n int) story.Text
	fields   []int    // the columns shown as fields
	names    []string // their names
	source   int      // the sources' column ("A; B")
	data     string   // the source of a row that names none
}

// conflictRow reads what conflict data's rows share into it: the deaths
// (a whole number, the victims' text kept once a count), the fields, and
// the sources, the dataset itself where the row names none.
func (t *csvTable) conflictRow(it *story.Item, c conflictColumns) error {
	if f := t.at(c.dead); f != "" {
		n, err := strconv.Atoi(f)
		if err != nil || n < 0 || n > 1e7 {
			return skipf("%s %q is not a whole number from 0", c.deadName, f)
		}
		it.Killed, it.KilledOK = n, true
		if t.victims == nil {
			t.victims = map[int]story.Text{}
		}
		if it.Victims = t.victims[n]; it.Victims == nil {
			it.Victims = c.victims(n)
			t.victims[n] = it.Victims
		}
	}
	for i, col := range c.fields {
		if v := t.at(col); v != "" {
			it.Fields = append(it.Fields, story.Field{Name: c.names[i], Value: clip(v, MaxFieldText)})
		}
	}
	it.Sources = t.b.sourceList(t.at(c.source))
	if len(it.Sources) == 0 {
		it.Sources = []*story.Source{t.b.sourceNamed(c.data)}
	}
	return nil
}

// mergeActors joins into an event the actors of a row repeating it:
// ACLED's newer exports give an event one row per actor, which differ only
// in their actor columns. Each actor is kept once, in the order read; the
// other columns are the first row's. It reports whether the row added an
// actor.
func mergeActors(first, again *story.Item) bool {
	added := false
	if again.Actor != "" && again.Actor != first.Actor {
		parts := strings.Split(first.Actor, " / ")
		for _, a := range strings.Split(again.Actor, " / ") {
			if a != "" && !slices.Contains(parts, a) && len(parts) < MaxFields {
				parts = append(parts, a)
				added = true
			}
		}
		if parts[0] == "" {
			parts = parts[1:]
		}
		first.Actor = strings.Join(parts, " / ")
	}
	for _, f := range again.Fields {
		if !strings.Contains(f.Name, "actor") {
			continue
		}
		i := slices.IndexFunc(first.Fields, func(g story.Field) bool { return g.Name == f.Name })
		switch {
		case i < 0 && len(first.Fields) < MaxFields:
			first.Fields = append(first.Fields, f)
			added = true
		case i >= 0 && !slices.Contains(strings.Split(first.Fields[i].Value, "; "), f.Value):
			first.Fields[i].Value = clip(first.Fields[i].Value+"; "+f.Value, MaxFieldText)
			added = true
		}
	}
	return added
}

// Unstated is the location precision of a place whose file says nothing
// of how precise it is: never "the town itself".
const Unstated = "unstated"

// knownPrecision reports whether p is one of Sovmap's location precisions.
func knownPrecision(p string) bool {
	switch p {
	case "town", "nearby", "municipality", "region", Unstated:
		return true
	}
	return false
}

// The column names taken whole for coordinates.
var (
	latNames = []string{"latitude", "lat", "y", "lat_dd", "ycoord", "y_coord", "point_y", "latitud"}
	lonNames = []string{"longitude", "lon", "lng", "long", "x", "lon_dd", "long_dd", "xcoord", "x_coord", "point_x", "longitud"}
)

// coordPairs are the parts of names that mark a pair of coordinate
// columns, longitude's then latitude's, as QGIS's delimited-text layer
// pairs them: a column whose name contains the first ("location_lon",
// "location/lon") and the column named the same with the second in its
// place ("location_lat").
var coordPairs = [][2]string{{"longitude", "latitude"}, {"longitud", "latitud"}, {"lon", "lat"}, {"lng", "lat"}, {"long", "lat"}, {"x", "y"}}

// coordColumns are the pairs of columns (latitude, longitude) that may
// hold a table's coordinates, the likeliest first: whole names, then
// names paired as QGIS pairs them.
func coordColumns(names []string, col map[string]int) [][2]string {
	var out [][2]string
	seen := map[[2]string]bool{}
	add := func(lat, lon string) {
		if p := [2]string{lat, lon}; !seen[p] && lat != lon {
			seen[p] = true
			out = append(out, p)
		}
	}
	if lat, lon := firstName(col, latNames), firstName(col, lonNames); lat != "" && lon != "" {
		add(lat, lon)
	}
	for _, pair := range coordPairs {
		for _, name := range names {
			i := strings.Index(name, pair[0])
			if i < 0 {
				continue
			}
			lat := name[:i] + pair[1] + name[i+len(pair[0]):]
			if _, ok := col[lat]; ok {
				add(lat, name)
			}
		}
	}
	return out
}

// latColumn and lonColumn are the likeliest coordinate columns.
func latColumn(names []string, col map[string]int) string {
	if c := coordColumns(names, col); len(c) > 0 {
		return c[0][0]
	}
	return ""
}

func firstName(col map[string]int, names []string) string {
	for _, n := range names {
		if _, ok := col[n]; ok {
			return n
		}
	}
	return ""
}

// Optional columns of a plain table.
var (
	dateNames     = []string{"date", "event_date", "fecha", "datetime", "time", "day", "fecha_hecho", "fecha_evento", "fecha_incidente"}
	titleNames    = []string{"title", "name", "titulo", "título", "nombre", "nom_loc", "nomgeo", "localidad", "municipio", "nom_mun", "place", "place_name", "location", "lugar", "label"}
	summaryNames  = []string{"description", "summary", "notes", "desc", "descripcion", "descripción", "text"}
	categoryNames = []string{"category", "event_type", "type", "categoria", "categoría", "tipo", "delito", "categoria_delito"}
	idNames       = []string{"id", "event_id", "fid", "uid"}
)

// readPlain reads any table with latitude and longitude columns: each row
// an incident at its point, dated and named from the columns that say so,
// its other columns shown as fields. Of several pairs of coordinate
// columns, the first row's values choose: decimal degrees before degrees,
// minutes and seconds. A date that cannot be read leaves its row undated.
func (t *csvTable) readPlain(base string) (*story.Story, error) {
	b := t.b
	b.s.Title = story.Text{"en": strings.TrimSuffix(base, ".csv")}
	b.s.Credit = story.Text{"en": "Data: " + base, "es": "Datos: " + base}
	src := b.sourceNamed(base)
	pairs := coordColumns(t.names, t.col)
	latCol, lonCol := pairs[0][0], pairs[0][1]
	chosen := len(pairs) == 1
	dateCol := dateColumn(t.names, t.col)
	titleCol := firstName(t.col, titleNames)
	summaryCol := firstName(t.col, summaryNames)
	categoryCol := firstName(t.col, categoryNames)
	idCol := firstName(t.col, idNames)
	precisionCol := firstName(t.col, []string{"location_precision", "precision", "precision_lugar"})
	datePrecCol, dateEndCol := firstName(t.col, []string{"date_precision"}), firstName(t.col, []string{"date_end", "end_date"})
	known := map[string]bool{}
	for _, c := range []string{dateCol, titleCol, summaryCol, categoryCol, idCol, precisionCol, datePrecCol, dateEndCol} {
		known[c] = true
	}
	var dates dateReader
	dmsRows := 0
	rowNo := 0
	err := t.rows(func() (*story.Item, error) {
		rowNo++
		if !chosen {
			latCol, lonCol, chosen = t.choosePair(pairs)
		}
		id := t.get(idCol)
		if id == "" {
			id = "row-" + strconv.Itoa(rowNo)
		}
		it := &story.Item{ID: b.intern(id), Kind: story.Incident, Sources: []*story.Source{src}}
		if b.strict {
			if err := dates.set(&it.Date, t.get(dateCol), story.Day, 0, false); err != nil {
				return it, err
			}
		} else {
			dates.setOrUndated(&it.Date, t.get(dateCol))
		}
		if p := story.Precision(t.get(datePrecCol)); p != "" {
			// The file says how precise its date is (day, approximate,
			// week, month, year, range with date_end, undated).
			d, err := story.ParseDate(ownDate(isoDay(it.Date, t.get(dateCol)), t.get(dateEndCol), p), p)
			if err != nil {
				return it, skipf("%s %q with %s %q: %v", dateCol, t.get(dateCol), datePrecCol, p, err)
			}
			it.Date = d
		}
		title := t.get(titleCol)
		if title == "" {
			title = t.get(categoryCol)
		}
		if title == "" {
			title = "Row " + strconv.Itoa(rowNo)
		}
		it.Title = b.text(title)
		it.Summary = b.text(t.get(summaryCol))
		if it.Summary == nil {
			it.Summary = it.Title
		}
		it.Category = b.text(t.get(categoryCol))
		for i, name := range t.names {
			if known[name] || name == latCol || name == lonCol || name == "" || len(it.Fields) >= MaxFields || i >= len(t.rec) {
				continue
			}
			if v := t.get(name); v != "" {
				it.Fields = append(it.Fields, story.Field{Name: b.intern(name), Value: b.intern(clip(v, MaxFieldText))})
			}
		}
		lat, lon := t.get(latCol), t.get(lonCol)
		if lat == "" && lon == "" {
			return it, nil
		}
		y, x, isDMS, ok := degrees(lat, lon)
		if !ok {
			return it, skipf("%s %q, %s %q are not both coordinates (decimal degrees, or degrees, minutes and seconds)", latCol, lat, lonCol, lon)
		}
		if isDMS {
			dmsRows++
		}
		pt, ok, err := b.point(x, y)
		if !ok {
			return it, err
		}
		it.LocationPrecision = Unstated
		if p := t.get(precisionCol); p != "" {
			if !knownPrecision(p) {
				return it, skipf("%s %q is not town, nearby, municipality or region", precisionCol, p)
			}
			it.LocationPrecision = p
		}
		name := t.get(titleCol)
		if name == "" {
			name = fmt.Sprintf("%.4f, %.4f", y, x)
		}
		it.Place, err = b.place(name+"\x00"+lat+"\x00"+lon, "", name, "", "", "", pt)
		return it, err
	})
	if err != nil {
		return nil, err
	}
	used := phrase.F("places from the columns %q (latitude) and %q (longitude)", latCol, lonCol)
	if dmsRows > 0 {
		used = count(dmsRows, "places from the columns %[2]q (latitude) and %[3]q (longitude), %[1]s row in degrees, minutes and seconds",
			"places from the columns %[2]q (latitude) and %[3]q (longitude), %[1]s rows of them in degrees, minutes and seconds", latCol, lonCol)
	}
	b.rep.Notes = append(b.rep.Notes, used)
	b.rep.Notes = append(b.rep.Notes, dates.notes(dateCol)...)
	return b.finish("CSV")
}

// dateColumn is the column a plain table's dates are in: one of the
// usual names, else the first whose name says "date" or "fecha" (Mexico
// City's open data: "fecha_hecho"), one of the event rather than of its
// record (fecha_hecho before fecha_inicio, the day a file was opened)
// where there are several.
func dateColumn(names []string, col map[string]int) string {
	if c := firstName(col, dateNames); c != "" {
		return c
	}
	var first, event string
	for _, n := range names {
		if !strings.Contains(n, "date") && !strings.Contains(n, "fecha") {
			continue
		}
		if strings.Contains(n, "prec") || strings.Contains(n, "updat") || strings.Contains(n, "creat") || strings.Contains(n, "modif") ||
			strings.Contains(n, "note") || strings.Contains(n, "end") {
			continue // about a date (its precision, its end) or about the record
		}
		if first == "" {
			first = n
		}
		for _, w := range []string{"event", "hecho", "incident", "occur", "suceso"} {
			if event == "" && strings.Contains(n, w) {
				event = n
			}
		}
	}
	if event != "" {
		return event
	}
	return first
}

// choosePair picks, by the current row, the pair of coordinate columns to
// read: the first whose values are both decimal degrees, else the first
// both in degrees, minutes and seconds; it is chosen once a row has values
// in any pair (done), the first pair meanwhile.
func (t *csvTable) choosePair(pairs [][2]string) (lat, lon string, done bool) {
	dmsAt := -1
	for i, p := range pairs {
		y, x := t.get(p[0]), t.get(p[1])
		if y == "" || x == "" {
			continue
		}
		_, okY := number(y)
		_, okX := number(x)
		if okY && okX {
			return p[0], p[1], true
		}
		if _, _, _, ok := degrees(y, x); ok && dmsAt < 0 {
			dmsAt = i
		}
	}
	if dmsAt >= 0 {
		return pairs[dmsAt][0], pairs[dmsAt][1], true
	}
	for _, p := range pairs {
		if t.get(p[0]) != "" || t.get(p[1]) != "" {
			return pairs[0][0], pairs[0][1], true // values, none readable: the likeliest pair says why
		}
	}
	return pairs[0][0], pairs[0][1], false
}
