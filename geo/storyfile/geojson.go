package storyfile

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"sovmap/geo/phrase"
	"sovmap/geo/story"
)

// OwnFormat is the member that marks a story file as Sovmap's own, read
// strictly: {"type": "FeatureCollection", "sovmap": 1, …}.
const OwnFormat = "sovmap"

// OwnFormatName is what a Report's Format says of a Sovmap story file.
const OwnFormatName = "Sovmap GeoJSON"

// readGeoJSON reads a GeoJSON FeatureCollection, one feature at a time.
// Sovmap's own files (marked by OwnFormat) must be right throughout; any
// other file's points open with sensible defaults, and features that
// cannot be used (not points, bad coordinates) are skipped and reported.
func readGeoJSON(br *bufio.Reader, src source, base string, o Options, rep *Report) (*story.Story, error) {
	if p, _ := br.Peek(3); bytes.Equal(p, []byte("\ufeff")) { // as Notepad writes
		br.Discard(3)
	}
	lim := &jsonLimiter{r: br}
	dec := json.NewDecoder(lim)
	b := newBuilder(src, o.Strict, rep)
	r := &geoReader{b: b, dec: dec, lim: lim, src: src, base: base, own: o.own}
	if err := r.collection(); err != nil {
		return nil, err
	}
	if err := r.resolveSources(); err != nil {
		return nil, err
	}
	rep.Notes = append(rep.Notes, r.dates.notes("")...)
	format := "GeoJSON"
	if r.own {
		format = OwnFormatName
	} else if b.s.Credit == nil {
		b.s.Credit = story.Text{"en": "Data: " + base, "es": "Datos: " + base}
	}
	b.cleanText(b.s.Title)
	b.cleanText(b.s.Description)
	if b.s.Title == nil {
		b.s.Title = story.Text{"en": strings.TrimSuffix(strings.TrimSuffix(base, ".json"), ".geojson")}
	}
	s, err := b.finish(format)
	if err != nil || !r.own || r.steps == nil {
		return s, err
	}
	if s.Steps, err = r.readSteps(s); err != nil {
		return nil, err
	}
	return s, nil
}

// readSteps reads the own format's narrative order: each of the story's
// item ids at most once.
func (r *geoReader) readSteps(s *story.Story) ([]string, error) {
	var ids []string
	if err := json.Unmarshal(r.steps, &ids); err != nil {
		return nil, r.fail(r.stepsAt, "steps must be a list of item ids")
	}
	known := make(map[string]bool, len(s.Items))
	for _, it := range s.Items {
		known[it.ID] = true
	}
	told := make(map[string]bool, len(ids))
	for _, id := range ids {
		switch {
		case !known[id]:
			return nil, r.fail(r.stepsAt, "steps: %q is not an item of the story", clip(id, 60))
		case told[id]:
			return nil, r.fail(r.stepsAt, "steps: %q is told twice", clip(id, 60))
		}
		told[id] = true
	}
	return ids, nil
}

// geoReader holds one GeoJSON file's reading.
type geoReader struct {
	b       *builder
	dec     *json.Decoder
	lim     *jsonLimiter
	src     source
	base    string
	own     bool                     // the file is Sovmap's own
	typ     string                   // the collection's type
	refs    map[*story.Item][]string // source ids, resolved at the end
	index   int                      // features read
	fileSrc *story.Source            // the source of a plain file's items
	dates   dateReader               // a plain file's dates, one order for all
	// steps is the own format's narrative order (see story.Story.Steps),
	// read whole and checked once the items are known; stepsAt its offset.
	steps   json.RawMessage
	stepsAt int64
	keys    map[string]bool // the other top-level members, to name what a file is
}

// fail is an error for the whole file at a byte offset.
func (r *geoReader) fail(offset int64, format string, args ...any) error {
	line := r.src.lines([]int64{offset})[0]
	return phrase.Errorf("%s: line %d: %v", r.src.name(), line, phrase.F(format, args...))
}

// jsonFail explains a decoding error in words, with its line.
func (r *geoReader) jsonFail(err error) error {
	var syn *json.SyntaxError
	var lim *limitError
	switch {
	case errors.As(err, &lim):
		return r.fail(lim.offset, "%v", lim.why)
	case errors.As(err, &syn):
		return r.fail(syn.Offset, "not valid JSON: %v", syn)
	case errors.Is(err, io.ErrUnexpectedEOF) || err == io.EOF:
		return phrase.Errorf("%s: the file ends in the middle of the story", r.src.name())
	}
	return phrase.Errorf("%s: %v", r.src.name(), bare(err))
}

// collection reads the top-level object member by member.
func (r *geoReader) collection() error {
	tok, err := r.dec.Token()
	if err != nil {
		return r.jsonFail(err)
	}
	if tok != json.Delim('{') {
		return r.fail(r.dec.InputOffset(), "not a GeoJSON FeatureCollection: it starts with %v, not an object", tok)
	}
	for r.dec.More() {
		tok, err := r.dec.Token()
		if err != nil {
			return r.jsonFail(err)
		}
		key, _ := tok.(string)
		at := r.dec.InputOffset()
		if err := r.member(key, at); err != nil {
			return err
		}
	}
	if _, err := r.dec.Token(); err != nil { // the closing brace
		return r.jsonFail(err)
	}
	// Nothing may follow the story: a second document or stray text is a
	// damaged file, not something to ignore.
	if tok, err := r.dec.Token(); err != io.EOF {
		if err != nil {
			var lim *limitError
			if !errors.As(err, &lim) {
				return r.fail(r.dec.InputOffset(), "unexpected text after the end of the story")
			}
			return r.jsonFail(err)
		}
		return r.fail(r.dec.InputOffset(), "unexpected %v after the end of the story", tok)
	}
	if r.typ != "FeatureCollection" {
		if kind := jsonKind(r.keys); kind != "" && r.typ == "" {
			return phrase.Errorf("%s: %s", r.src.name(), kind)
		}
		return phrase.Errorf("%s: type is %q, want \"FeatureCollection\"", r.src.name(), r.typ)
	}
	return nil
}

// jsonKind names, by its top-level members, a JSON file that is not
// GeoJSON but that people open as if it were, with what to do.
func jsonKind(keys map[string]bool) string {
	switch {
	case keys["datasets"] && keys["config"], keys["datasets"] && keys["info"]:
		return "a kepler.gl map (its data is not GeoJSON): in kepler.gl, export the data (Export > Data) as CSV, and open that"
	case keys["data"] && keys["count"] && (keys["success"] || keys["status"] || keys["last_update"]):
		return "JSON from ACLED's API: download the data as CSV (ACLED's export tool, or the API's _format=csv) and open that"
	case keys["data"] && keys["columns"] && keys["index"]:
		return "a table saved by pandas (to_json orient=split): save it with to_csv and open that"
	}
	return ""
}

// member reads one member of the collection.
func (r *geoReader) member(key string, at int64) error {
	var err error
	switch key {
	case "type":
		err = r.dec.Decode(&r.typ)
	case OwnFormat:
		var v any
		err = r.dec.Decode(&v)
		r.own, r.b.strict = true, true
		if r.b.rep.Skipped > 0 { // features read before the marker
			return phrase.Errorf("%s: %s", r.src.name(), r.b.rep.Problems[0])
		}
	case "title":
		err = r.dec.Decode(&r.b.s.Title)
	case "description":
		err = r.dec.Decode(&r.b.s.Description)
	case "credit":
		err = r.dec.Decode(&r.b.s.Credit)
	case "sources":
		var sources []*story.Source
		if err = r.dec.Decode(&sources); err == nil {
			err = r.addSources(sources, at)
		}
	case "steps":
		r.stepsAt = at
		err = r.dec.Decode(&r.steps)
	case "features":
		return r.features()
	default:
		if r.keys == nil {
			r.keys = map[string]bool{}
		}
		if len(r.keys) < 64 {
			r.keys[key] = true
		}
		var skip json.RawMessage
		err = r.dec.Decode(&skip)
	}
	if err != nil {
		var typ *json.UnmarshalTypeError
		if errors.As(err, &typ) {
			return r.fail(at, "%s is %v, want %v", key, kindOf(typ.Value), wanted(typ))
		}
		return r.jsonFail(err)
	}
	return nil
}

func (r *geoReader) addSources(sources []*story.Source, at int64) error {
	for i, s := range sources {
		if s == nil || s.ID == "" || s.Name.In("en") == "" {
			return r.fail(at, "source %d needs an id and a name", i+1)
		}
		if r.b.sources[s.ID] != nil {
			return r.fail(at, "source %q: id used twice", s.ID)
		}
		r.b.sources[s.ID] = s
		r.b.byName[s.Name.In("en")] = s
		r.b.s.Sources = append(r.b.s.Sources, s)
	}
	return nil
}

// features reads the features array, one feature at a time.
func (r *geoReader) features() error {
	tok, err := r.dec.Token()
	if err != nil {
		return r.jsonFail(err)
	}
	if tok != json.Delim('[') {
		return r.fail(r.dec.InputOffset(), "features is not a list")
	}
	for r.dec.More() {
		r.index++
		at := r.dec.InputOffset()
		var f rawFeature
		err := r.dec.Decode(&f)
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &typ): // the feature was read whole; it is skipped
			err = skipf("%v is %v, want %v", fieldName(typ.Field), kindOf(typ.Value), wanted(typ))
		case err != nil:
			return r.jsonFail(err)
		default:
			var it *story.Item
			if it, err = r.feature(&f); err == nil {
				err = r.b.add(it)
			}
		}
		if err != nil {
			if err = r.b.skip(0, at, r.label(&f), err); err != nil {
				return err
			}
		}
	}
	_, err = r.dec.Token() // ]
	if err != nil {
		return r.jsonFail(err)
	}
	return nil
}

// label names a feature in messages: by its id, else its number.
func (r *geoReader) label(f *rawFeature) phrase.Text {
	if id := idOf(f.ID); id != "" {
		return phrase.F("item %q", clip(id, 60))
	}
	return phrase.F("feature %d", r.index)
}

// rawFeature is a feature as a file gives it; its properties are read one
// by one, so that every problem can be said in words.
type rawFeature struct {
	Type       string                     `json:"type"`
	ID         json.RawMessage            `json:"id"`
	Geometry   *rawGeometry               `json:"geometry"`
	Properties map[string]json.RawMessage `json:"properties"`
}

type rawGeometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

// idOf reads a feature id: a string, or a number as written.
func idOf(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

// props reads a feature's properties by name, saying in words what is
// wrong with any.
type props struct {
	b    *builder
	m    map[string]json.RawMessage
	used map[string]bool
}

// str reads the first of the named properties that is present, as text;
// numbers are taken as written.
func (p *props) str(names ...string) (string, error) {
	for _, name := range names {
		raw, ok := p.m[name]
		if !ok {
			continue
		}
		p.used[name] = true
		var s string
		if err := json.Unmarshal(raw, &s); err == nil {
			return strings.TrimSpace(p.b.clean(s)), nil
		}
		var n json.Number
		if err := json.Unmarshal(raw, &n); err == nil {
			return n.String(), nil
		}
		if string(raw) == "null" {
			return "", nil
		}
		return "", skipf("%s is %v, want a text", name, kindOfRaw(raw))
	}
	return "", nil
}

// text reads the first named property that is present as a Text: a string
// or an object of language to string.
func (p *props) text(names ...string) (story.Text, error) {
	for _, name := range names {
		raw, ok := p.m[name]
		if !ok {
			continue
		}
		p.used[name] = true
		var t story.Text
		if err := json.Unmarshal(raw, &t); err != nil {
			if string(raw) == "null" {
				return nil, nil
			}
			return nil, skipf("%s is %v, want a text or an object of language to text", name, kindOfRaw(raw))
		}
		return p.b.cleanText(t), nil
	}
	return nil, nil
}

// number reads a number property, if present.
func (p *props) number(name string) (float64, bool, error) {
	raw, ok := p.m[name]
	if !ok || string(raw) == "null" {
		p.used[name] = ok
		return 0, false, nil
	}
	p.used[name] = true
	var v float64
	if err := json.Unmarshal(raw, &v); err != nil {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			if f, ok := number(s); ok {
				return f, true, nil
			}
		}
		return 0, false, skipf("%s is %v, want a number", name, kindOfRaw(raw))
	}
	return v, true, nil
}

// feature makes an item of a feature: strictly for Sovmap's own files,
// with defaults for anything else.
func (r *geoReader) feature(f *rawFeature) (*story.Item, error) {
	if f.Type != "Feature" {
		return nil, skipf("type is %q, want \"Feature\"", f.Type)
	}
	p := &props{b: r.b, m: f.Properties, used: map[string]bool{}}
	id := idOf(f.ID)
	if id == "" && !r.own {
		id, _ = p.str("id")
	}
	if id == "" {
		if r.own {
			return nil, skipf("missing id (a non-empty string)")
		}
		id = "feature-" + strconv.Itoa(r.index)
	}
	it := &story.Item{ID: clip(id, 200)}
	kind, err := p.str("kind")
	if err != nil {
		return it, err
	}
	it.Kind = story.Kind(kind)
	if kind == "" && !r.own {
		it.Kind = story.Incident
	}
	side, err := p.str("side")
	if err != nil {
		return it, err
	}
	it.Side = story.Side(side)
	if err := r.date(p, it); err != nil {
		return it, err
	}
	titles := []string{"title"}
	if !r.own {
		titles = plainTitleNames
	}
	if it.Title, err = p.text(titles...); err != nil {
		return it, err
	}
	summaries := []string{"summary"}
	if !r.own {
		summaries = []string{"summary", "description", "Description", "notes", "descripcion"}
	}
	if it.Summary, err = p.text(summaries...); err != nil {
		return it, err
	}
	switch {
	case it.Title.In("en") == "" && r.own:
		return it, skipf("missing title")
	case it.Title.In("en") == "":
		it.Title = story.Text{"en": it.ID}
	}
	// A summary is optional: a story written in the app may give a
	// timeline event its title alone. A plain file's title stands in for
	// its missing description; Sovmap's own keeps what was written.
	if it.Summary.In("en") == "" && !r.own {
		it.Summary = it.Title
	}
	for _, t := range []struct {
		dst   *story.Text
		names []string
	}{
		{&it.Victims, []string{"victims"}},
		{&it.DateNote, []string{"date_note"}},
		{&it.LocationNote, []string{"location_note"}},
		{&it.Category, []string{"category", "event_type"}},
	} {
		if *t.dst, err = p.text(t.names...); err != nil {
			return it, err
		}
	}
	if it.Actor, err = p.str("actor"); err != nil {
		return it, err
	}
	if it.SourceURL, err = p.str("source_url"); err != nil {
		return it, err
	}
	if k, ok, err := p.number("killed"); err != nil {
		return it, err
	} else if ok {
		if k < 0 || k != math.Trunc(k) || k > 1e7 {
			return it, skipf("killed is %v, want a whole number from 0", k)
		}
		it.Killed, it.KilledOK = int(k), true
	}
	if err := r.sources(p, it); err != nil {
		return it, err
	}
	if err := r.geometry(f, p, it); err != nil {
		return it, err
	}
	if !r.own {
		r.fields(p, it)
	} else if raw, ok := p.m["fields"]; ok {
		if err := json.Unmarshal(raw, &it.Fields); err != nil || len(it.Fields) > MaxFields {
			return it, skipf("fields is not a list of at most %d {\"name\", \"value\"} objects", MaxFields)
		}
	}
	return it, nil
}

// date reads an item's date: Sovmap's own date and precision, or a plain
// file's date in any common form (a day, a month, or none).
func (r *geoReader) date(p *props, it *story.Item) error {
	date, err := p.str("date")
	if err != nil {
		return err
	}
	prec, err := p.str("date_precision")
	if err != nil {
		return err
	}
	if r.own || prec != "" {
		d, err := story.ParseDate(date, story.Precision(prec))
		if err != nil {
			return skipf("%v", err)
		}
		it.Date = d
		return nil
	}
	if date == "" {
		if date, err = p.str(plainDateNames...); err != nil {
			return err
		}
	}
	if r.b.strict {
		return r.dates.set(&it.Date, date, story.Day, 0, false)
	}
	r.dates.setOrUndated(&it.Date, date)
	return nil
}

// plainDateNames are the properties a plain file's date may be in, after
// "date": USGS's feeds give "time" in milliseconds since 1970.
var plainDateNames = withCases("event_date", "time", "datetime", "fecha", "timestamp")

// plainTitleNames are the properties a plain file's item may be named by.
var plainTitleNames = withCases("title", "name", "nombre", "titulo", "título", "place_name", "nom_loc", "nomgeo",
	"localidad", "municipio", "nom_mun", "place", "lugar", "location", "label")

// withCases is each name as written, Capitalised and in CAPITALS, as
// exports name their columns.
func withCases(names ...string) []string {
	var out []string
	for _, n := range names {
		out = append(out, n, strings.ToUpper(n[:1])+n[1:], strings.ToUpper(n))
	}
	return out
}

// sources reads the source ids an item cites (resolved once the file's
// sources are known); a plain file's items cite the file.
func (r *geoReader) sources(p *props, it *story.Item) error {
	raw, ok := p.m["source"]
	p.used["source"] = true
	var ids []string
	if ok {
		var one string
		if err := json.Unmarshal(raw, &one); err == nil {
			ids = []string{one}
		} else if err := json.Unmarshal(raw, &ids); err != nil {
			return skipf("source is %v, want a source id or a list of them", kindOfRaw(raw))
		}
	}
	if len(ids) == 0 && r.own {
		return skipf(`source "" is not in the story's sources`)
	}
	if len(ids) == 0 {
		if r.fileSrc == nil {
			r.fileSrc = r.b.sourceNamed(r.base)
		}
		it.Sources = []*story.Source{r.fileSrc}
		return nil
	}
	if r.refs == nil {
		r.refs = map[*story.Item][]string{}
	}
	r.refs[it] = ids
	return nil
}

// resolveSources links every item to the sources it cites, now that the
// file's sources are all read. A plain file's unknown source names become
// sources of their own.
func (r *geoReader) resolveSources() error {
	for _, it := range r.b.s.Items {
		ids, ok := r.refs[it]
		if !ok {
			continue
		}
		for _, id := range ids {
			s := r.b.sources[id]
			switch {
			case s == nil && r.own:
				return phrase.Errorf("%s: item %q: source %q is not in the story's sources", r.src.name(), it.ID, id)
			case s == nil:
				s = r.b.sourceNamed(id)
			}
			it.Sources = append(it.Sources, s)
		}
	}
	return nil
}

// geometry places an item: a Point is its place; no geometry leaves it on
// the timeline only; any other geometry is not a place Sovmap can mark.
func (r *geoReader) geometry(f *rawFeature, p *props, it *story.Item) error {
	if f.Geometry == nil {
		if it.Kind != story.Incident && it.Kind != story.Event {
			return skipf("unknown kind %q (want incident or event)", it.Kind)
		}
		return nil
	}
	if it.Kind == story.Event {
		return skipf("a timeline event has null geometry")
	}
	if it.Kind != story.Incident {
		return skipf("unknown kind %q (want incident or event)", it.Kind)
	}
	if f.Geometry.Type != "Point" {
		return skipf("geometry is a %s, want a Point", f.Geometry.Type)
	}
	var c []*float64
	if err := json.Unmarshal(f.Geometry.Coordinates, &c); err != nil || len(c) < 2 || len(c) > 3 || c[0] == nil || c[1] == nil {
		return skipf("coordinates %s are not [longitude, latitude]", clip(string(f.Geometry.Coordinates), 60))
	}
	pt, ok, err := r.b.point(*c[0], *c[1])
	if !ok && (r.own || err != nil) {
		if err == nil {
			err = skipf("coordinates 0, 0 are not a place in a story")
		}
		return err
	}
	if !ok {
		return nil // 0, 0: a place not known, on the timeline only
	}
	it.LocationPrecision, _ = p.str("location_precision")
	switch it.LocationPrecision {
	case "town", "municipality", "nearby", "region", Unstated:
	case "":
		if r.own {
			return skipf(`unknown location_precision "" (want town, municipality, nearby or region)`)
		}
		it.LocationPrecision = Unstated // a plain file says nothing of it
	default:
		return skipf("unknown location_precision %q (want town, municipality, nearby or region)", it.LocationPrecision)
	}
	placeID, err := p.str("place")
	if err != nil {
		return err
	}
	name, err := p.str("place_name")
	if err != nil {
		return err
	}
	state, _ := p.str("state")
	muni, _ := p.str("municipality")
	country, _ := p.str("country")
	if r.own && (placeID == "" || name == "") {
		return skipf("an incident needs a place id and a place_name")
	}
	if !r.own {
		// A plain file's place is a name, often one many points share
		// (USGS's "10 km SSW of Pinotepa"): never an id.
		if name == "" {
			name = placeID
		}
		placeID = ""
	}
	if name == "" {
		name = it.Title.In("en")
	}
	key := placeID
	if key == "" {
		key = fmt.Sprintf("%s\x00%v\x00%v", name, pt[0], pt[1])
	}
	pl, err := r.b.place(key, placeID, name, state, muni, country, pt)
	if err != nil {
		return err
	}
	if r.own && (pl.State != state || pl.Municipality != muni) {
		return skipf("place %q differs from its earlier incidents (name, state or point)", placeID)
	}
	it.Place = pl
	return nil
}

// fields keeps a plain file's other properties for the details panel.
func (r *geoReader) fields(p *props, it *story.Item) {
	for name, raw := range p.m {
		if p.used[name] || len(it.Fields) >= MaxFields {
			continue
		}
		v, err := p.str(name)
		if err != nil { // an object or a list: shown as written
			v = string(raw)
		}
		if v != "" && v != "null" {
			it.Fields = append(it.Fields, story.Field{Name: r.b.intern(clip(name, 80)), Value: r.b.intern(clip(v, MaxFieldText))})
		}
	}
	sortFields(it.Fields)
}

// kindOf names a JSON value's kind as encoding/json gives it.
func kindOf(v string) phrase.Text {
	switch {
	case v == "string":
		return phrase.F("a text")
	case v == "number" || strings.HasPrefix(v, "number "):
		return phrase.F("a number")
	case v == "bool":
		return phrase.F("true or false")
	case v == "array":
		return phrase.F("a list")
	case v == "object":
		return phrase.F("an object")
	}
	return phrase.F("%s", v)
}

// kindOfRaw names a raw JSON value's kind.
func kindOfRaw(raw json.RawMessage) phrase.Text {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 {
		return phrase.F("nothing")
	}
	switch t[0] {
	case '"':
		return phrase.F("a text")
	case '{':
		return phrase.F("an object")
	case '[':
		return phrase.F("a list")
	case 't', 'f':
		return phrase.F("true or false")
	case 'n':
		return phrase.F("null")
	}
	return phrase.F("a number")
}

// wanted names what a field should have been, in words, not Go types.
func wanted(e *json.UnmarshalTypeError) phrase.Text {
	switch e.Type.Kind().String() {
	case "string":
		return phrase.F("a text")
	case "float64", "int", "int64":
		return phrase.F("a number")
	case "map", "struct":
		if e.Type.Name() == "Text" {
			return phrase.F("a text or an object of language to text")
		}
		return phrase.F("an object")
	case "slice":
		return phrase.F("a list")
	case "bool":
		return phrase.F("true or false")
	}
	return phrase.F("another kind of value")
}

// fieldName turns encoding/json's field path into the file's member name.
func fieldName(path string) phrase.Text {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return phrase.F("%s", path[i+1:])
	}
	if path == "" {
		return phrase.F("the feature")
	}
	return phrase.F("%s", path)
}

// jsonLimiter passes a JSON document through, refusing it when arrays and
// objects nest deeper than MaxDepth or a string is longer than
// MaxFieldBytes: the work of reading stays proportional to the file.
type jsonLimiter struct {
	r        io.Reader
	offset   int64
	depth    int
	inString bool
	escape   bool
	strLen   int
	err      error
	partial  []byte // the start of a character cut at the end of a read
}

// limitError is a limit broken at a byte offset.
type limitError struct {
	offset int64
	why    phrase.Text
}

func (e *limitError) Error() string { return e.why.String() }

func (l *jsonLimiter) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	n, err := l.r.Read(p)
	if bad := l.checkUTF8(p[:n]); bad >= 0 {
		l.err = &limitError{l.offset + int64(bad), phrase.F("the file is not UTF-8 text, as GeoJSON must be (save it as UTF-8)")}
		return 0, l.err
	}
	for i, c := range p[:n] {
		if l.inString {
			l.strLen++
			switch {
			case l.escape:
				l.escape = false
			case c == '\\':
				l.escape = true
			case c == '"':
				l.inString = false
			}
			if l.strLen > MaxFieldBytes {
				l.err = &limitError{l.offset + int64(i), phrase.F("a text longer than %d MiB", MaxFieldBytes>>20)}
				return i, l.err
			}
			continue
		}
		switch c {
		case '"':
			l.inString, l.strLen = true, 0
		case '[', '{':
			if l.depth++; l.depth > MaxDepth {
				l.err = &limitError{l.offset + int64(i), phrase.F("nested more than %d deep: not a story file", MaxDepth)}
				return i, l.err
			}
		case ']', '}':
			l.depth--
		}
	}
	l.offset += int64(n)
	return n, err
}

// checkUTF8 returns the offset in p of the first byte that is not UTF-8,
// or -1; a character cut at the end of p is checked with the next read.
func (l *jsonLimiter) checkUTF8(p []byte) int {
	start := 0
	if len(l.partial) > 0 { // finish the cut character
		need := 4 - len(l.partial)
		buf := append(l.partial, p[:min(need, len(p))]...)
		if !utf8.FullRune(buf) {
			l.partial = buf
			return -1
		}
		r, size := utf8.DecodeRune(buf)
		if r == utf8.RuneError && size <= 1 {
			return 0
		}
		start = size - len(l.partial)
		l.partial = l.partial[:0]
	}
	for i := start; i < len(p); {
		if p[i] < utf8.RuneSelf {
			i++
			continue
		}
		if !utf8.FullRune(p[i:]) {
			l.partial = append(l.partial[:0], p[i:]...)
			return -1
		}
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}
