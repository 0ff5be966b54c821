package storyfile

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paulmach/orb"
	"golang.org/x/text/encoding/charmap"

	"sovmap/geo/phrase"
	"sovmap/geo/story"
)

// builder makes a story from the rows or features of a file, whatever its
// format: it keeps the items, one place per location, one source per name,
// ids unique and within the limits, and the report of what was skipped.
type builder struct {
	s      *story.Story
	src    source
	strict bool
	rep    *Report

	ids map[string]*story.Item
	// merge, if set, joins a row repeating an id into the item read
	// first (conflict data's one row per actor), instead of dropping it.
	merge    func(first, again *story.Item)
	places   map[string]*story.Place // by the file's own key of a location
	placeIDs map[string]bool
	nextID   map[string]int             // for each id base, the next number to try
	sources  map[string]*story.Source   // by id
	byName   map[string]*story.Source   // by name
	strs     map[string]string          // interned strings
	texts    map[string]story.Text      // interned one-language texts
	lists    map[string][]*story.Source // source lists as files write them

	problems []pendingProblem
	latin1   bool // some text was not UTF-8 and was read as Windows-1252
	controls bool // some text held direction or control characters, removed
	// nullIsland counts the items whose coordinates were 0, 0, kept
	// with no place.
	nullIsland int
}

// pendingProblem is a problem whose line is known by byte offset only,
// until the end of the file.
type pendingProblem struct {
	Problem
	offset int64 // -1 when Line is already known
}

func newBuilder(src source, strict bool, rep *Report) *builder {
	return &builder{s: &story.Story{}, src: src, strict: strict, rep: rep,
		ids: map[string]*story.Item{}, places: map[string]*story.Place{}, placeIDs: map[string]bool{}, nextID: map[string]int{},
		sources: map[string]*story.Source{}, byName: map[string]*story.Source{},
		strs: map[string]string{}, texts: map[string]story.Text{}, lists: map[string][]*story.Source{}}
}

// errSkip marks a row's problem, not the file's: the row is skipped.
type rowError struct{ why phrase.Text }

func (e rowError) Error() string { return e.why.String() }

// skipf is a row's problem: the row is skipped (or, reading strictly, the
// file is refused).
func skipf(format string, args ...any) error { return rowError{phrase.F(format, args...)} }

// skip records that a row or feature could not be used. Reading strictly
// it returns the error that refuses the file.
func (b *builder) skip(line int, offset int64, what phrase.Text, why error) error {
	var re rowError
	if !errors.As(why, &re) {
		return why // the file's problem, not the row's
	}
	if b.strict {
		if line == 0 && offset >= 0 {
			line = b.src.lines([]int64{offset})[0]
		}
		return phrase.Errorf("%s: %v", b.src.name(), Problem{Line: line, What: what, Why: re.why}.Text())
	}
	b.rep.Skipped++
	if len(b.problems) < maxProblems {
		if line > 0 {
			offset = -1
		}
		b.problems = append(b.problems, pendingProblem{Problem{Line: line, What: what, Why: re.why}, offset})
	}
	return nil
}

// add keeps an item, unless its id was seen (a repeated row of merged
// exports, kept once) or the file holds too many.
func (b *builder) add(it *story.Item) error {
	if first := b.ids[it.ID]; first != nil {
		switch {
		case b.merge != nil:
			b.merge(first, it)
		case b.strict:
			return skipf("id %q used twice", it.ID)
		}
		b.rep.Merged++
		return nil
	}
	if len(b.s.Items) >= MaxItems {
		return phrase.Errorf("%s: more than %d items; Sovmap reads at most that many", b.src.name(), MaxItems)
	}
	b.ids[it.ID] = it
	b.s.Items = append(b.s.Items, it)
	return nil
}

// place finds or makes the place of a location; key tells locations apart
// (the file's place id, or its name, state and point). All incidents at one
// place must agree on its point.
func (b *builder) place(key, id, name, state, muni, country string, pt orb.Point) (*story.Place, error) {
	if p := b.places[key]; p != nil {
		if p.Point != pt || p.Name != name {
			return nil, skipf("place %q differs from its earlier incidents (name or point)", p.ID)
		}
		return p, nil
	}
	if id == "" || b.placeIDs[id] {
		id = b.uniquePlaceID(slug(name + " " + state))
	}
	b.placeIDs[id] = true
	p := &story.Place{ID: id, Name: b.intern(name), State: b.intern(state), Municipality: b.intern(muni),
		Country: b.intern(country), Point: pt}
	b.places[key] = p
	return p, nil
}

// uniquePlaceID is base, or base-2, base-3, … the first not taken; it
// remembers where it got to for each base, so that thousands of places of
// one name (different points) cost no more than one each.
func (b *builder) uniquePlaceID(base string) string {
	id, n := base, b.nextID[base]
	if n == 0 {
		n = 2
	}
	for b.placeIDs[id] {
		id = base + "-" + strconv.Itoa(n)
		n++
	}
	b.nextID[base] = n
	return id
}

// sourceNamed finds or makes the source of a name.
func (b *builder) sourceNamed(name string) *story.Source {
	if s := b.byName[name]; s != nil {
		return s
	}
	id := uniqueID(slug(name), func(s string) bool { return b.sources[s] != nil })
	s := &story.Source{ID: id, Name: story.Text{"en": name}}
	b.sources[id], b.byName[name] = s, s
	b.s.Sources = append(b.s.Sources, s)
	return s
}

// sourceList finds or makes the sources of a list such as conflict data
// gives it ("Zona Franca; Milenio"), each once.
func (b *builder) sourceList(list string) []*story.Source {
	if l, ok := b.lists[list]; ok {
		return l
	}
	var out []*story.Source
	for _, name := range strings.Split(list, ";") {
		if name = strings.TrimSpace(name); name != "" {
			if s := b.sourceNamed(name); !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	b.lists[list] = out
	return out
}

// intern keeps one copy of strings that rows repeat (names, actors).
func (b *builder) intern(s string) string {
	if v, ok := b.strs[s]; ok {
		return v
	}
	b.strs[s] = s
	return s
}

// text is an English text, one map for each distinct value: rows repeat
// event types and titles, and a map a row costs far more than its string.
func (b *builder) text(s string) story.Text {
	if s == "" {
		return nil
	}
	if t, ok := b.texts[s]; ok {
		return t
	}
	t := story.Text{"en": s}
	b.texts[s] = t
	return t
}

// cell turns a field's bytes into text: UTF-8 as it is, anything else read
// as Windows-1252 (what spreadsheets on Windows save); without the
// characters clean removes.
func (b *builder) cell(f []byte) string {
	if utf8.Valid(f) {
		return b.clean(string(f))
	}
	b.latin1 = true
	out, err := charmap.Windows1252.NewDecoder().Bytes(f)
	if err != nil {
		return b.clean(strings.ToValidUTF8(string(f), "\uFFFD"))
	}
	return b.clean(string(out))
}

// clean removes from a text the characters that would make it show one
// way in a panel and another on a map or in a file: the controls that
// override or embed a writing direction (U+202A–U+202E, U+2066–U+2069,
// the direction marks) and other control characters but tab and newline.
// Text in right-to-left scripts keeps its direction: that comes from its
// letters, not from these.
func (b *builder) clean(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	b.controls = true
	return strings.Map(func(r rune) rune {
		if unsafeRune(r) {
			return -1
		}
		return r
	}, s)
}

func unsafeRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}

// cleanText is clean for each language of a text.
func (b *builder) cleanText(t story.Text) story.Text {
	for lang, s := range t {
		if c := b.clean(s); c != s {
			t[lang] = c
		}
	}
	return t
}

// finish orders the story and resolves the report's line numbers. A file
// of which nothing could be used is an error.
func (b *builder) finish(format string) (*story.Story, error) {
	b.rep.Format = format
	b.rep.Items = len(b.s.Items)
	var offsets []int64
	for _, p := range b.problems {
		if p.offset >= 0 {
			offsets = append(offsets, p.offset)
		}
	}
	slices.Sort(offsets)
	lines := b.src.lines(offsets)
	for _, p := range b.problems {
		if p.offset >= 0 {
			i, _ := slices.BinarySearch(offsets, p.offset)
			p.Line = lines[i]
		}
		b.rep.Problems = append(b.rep.Problems, p.Problem)
	}
	if b.latin1 {
		b.rep.Notes = append(b.rep.Notes, phrase.F("some text was not UTF-8 and was read as Windows-1252"))
	}
	if b.nullIsland > 0 {
		b.rep.Notes = append(b.rep.Notes, count(b.nullIsland,
			"%s item had 0, 0 for coordinates, which marks a place not known; it is on the timeline, not the map",
			"%s items had 0, 0 for coordinates, which marks a place not known; they are on the timeline, not the map"))
	}
	if b.controls {
		b.rep.Notes = append(b.rep.Notes, phrase.F("some text held invisible direction or control characters; they were removed so that it shows the same everywhere"))
	}
	if len(b.s.Items) == 0 {
		if len(b.rep.Problems) > 0 {
			return nil, phrase.Errorf("%s: nothing could be used: %v", b.src.name(), b.rep.Problems[0].Text())
		}
		return nil, phrase.Errorf("%s: the story has no items", b.src.name())
	}
	b.s.Order()
	return b.s, nil
}

// lonLat makes a point of two numbers, refusing what is not a position on
// Earth: a missing, non-finite or out-of-range coordinate is an error for
// the row, never a point at 0°.
func lonLat(lon, lat float64) (orb.Point, error) {
	p := orb.Point{lon, lat}
	if err := story.CheckLonLat(p); err != nil {
		return p, skipf("%v", err)
	}
	return p, nil
}

// number reads a coordinate or a count as a file writes it: "19.03",
// "-99.26", or with a decimal comma ("19,03") as spreadsheets in many
// locales do.
func number(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	v, err := strconv.ParseFloat(s, 64)
	if err != nil && strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		v, err = strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	}
	return v, err == nil && !math.IsNaN(v) && !math.IsInf(v, 0)
}

// missing reports whether a cell holds no value: empty, or how R, pandas
// and spreadsheets write one.
func missing(s string) bool {
	switch strings.TrimSpace(s) {
	case "", "NA", "N/A", "NaN", "nan", "NULL", "null", "None", "#N/A":
		return true
	}
	return false
}

// clip shortens a text to at most n bytes, at a character boundary, with
// an ellipsis: what the details panel shows of a long value.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
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
		if b.Len() > 80 {
			break
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
