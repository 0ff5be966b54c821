package gazetteer

import (
	"cmp"
	"compress/gzip"
	"fmt"
	"io/fs"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paulmach/orb"
	"golang.org/x/text/unicode/norm"

	"sovmap/geo"
)

// Kind is what a place found is.
type Kind int

// The kinds of place.
const (
	KindState Kind = iota
	KindMunicipality
	KindLocality
)

// String names the kind, for the command line's output.
func (k Kind) String() string {
	switch k {
	case KindState:
		return "state"
	case KindMunicipality:
		return "municipality"
	}
	return "locality"
}

// Place is one place the gazetteer knows.
type Place struct {
	Kind Kind
	Key  string // INEGI's key: 2 digits a state, 5 a municipality, 9 a locality
	Name string // as INEGI writes it
	// Municipality and State are the regions the place is in (a state's
	// Municipality is nil; a municipality's is itself).
	Municipality *geo.Region
	State        *geo.Region
	// LonLat is a locality's own coordinates, a municipality's seat's, or
	// a state's label point.
	LonLat orb.Point
	Pop    int // 2020 census
}

// Area is the region a place stands for: its municipality, or its state.
func (p *Place) Area() *geo.Region {
	if p.Municipality != nil {
		return p.Municipality
	}
	return p.State
}

// Gazetteer finds places by name.
type Gazetteer struct {
	places []Place
	words  map[*geo.Region][]string // a region's name, normalised, as words
	names  [][]string               // each place's name, normalised, as words
	within [][]string               // the words of its municipality's and state's names
	whole  []string                 // each place's whole name, normalised
}

// aliases are other names people search by, normalised, for INEGI's keys.
var aliases = map[string]string{
	"cdmx": "09", "df": "09", "d f": "09", "distrito federal": "09", "mexico city": "09",
	"edomex": "15", "edo mex": "15", "state of mexico": "15",
}

// Load reads the gazetteer's localities from the map's folder, with the
// map for their municipalities and states.
func Load(fsys fs.FS, m *geo.Map) (*Gazetteer, error) {
	f, err := fsys.Open(File)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("gazetteer %s: %w", File, err)
	}
	locs, err := DecodeLocalities(zr)
	if err != nil {
		return nil, err
	}
	return New(m, locs), nil
}

// New makes the gazetteer of the map's states and municipalities and of
// locs. A municipality stands at its seat (locality 0001) where locs has
// it; a seat of the municipality's own name is found as the municipality.
func New(m *geo.Map, locs []Locality) *Gazetteer {
	g := &Gazetteer{words: map[*geo.Region][]string{}}
	seats := map[string]orb.Point{}
	for _, l := range locs {
		if strings.HasSuffix(l.Key, "0001") {
			seats[l.Key[:5]] = l.LonLat
		}
	}
	statePop := map[*geo.Region]int{}
	for _, mu := range m.Municipalities {
		statePop[mu.State] += mu.Pop
	}
	for _, s := range m.States {
		g.add(Place{Kind: KindState, Key: s.Key, Name: s.Name, State: s, LonLat: m.Proj.Inverse(s.Label), Pop: statePop[s]})
	}
	for _, mu := range m.Municipalities {
		at, ok := seats[mu.Code]
		if !ok {
			at = m.Proj.Inverse(mu.Label)
		}
		g.add(Place{Kind: KindMunicipality, Key: mu.Code, Name: mu.Name, Municipality: mu, State: mu.State, LonLat: at, Pop: mu.Pop})
	}
	for _, l := range locs {
		mu := m.MunicipalityByKey(l.MunicipalityKey())
		if mu == nil {
			continue
		}
		if strings.HasSuffix(l.Key, "0001") && Normalize(l.Name) == Normalize(mu.Name) {
			continue // the seat of its name: the municipality, which stands at it, is found
		}
		g.add(Place{Kind: KindLocality, Key: l.Key, Name: l.Name, Municipality: mu, State: mu.State, LonLat: l.LonLat, Pop: l.Pop})
	}
	return g
}

func (g *Gazetteer) add(p Place) {
	whole := Normalize(p.Name)
	var within []string
	switch p.Kind {
	case KindLocality:
		within = append(slices.Clip(g.regionWords(p.Municipality)), g.regionWords(p.State)...)
	case KindMunicipality:
		within = g.regionWords(p.State)
	}
	g.places = append(g.places, p)
	g.whole = append(g.whole, whole)
	g.names = append(g.names, strings.Fields(whole))
	g.within = append(g.within, within)
}

// regionWords are a region's name's words, normalised once.
func (g *Gazetteer) regionWords(r *geo.Region) []string {
	w, ok := g.words[r]
	if !ok {
		w = strings.Fields(Normalize(r.Name))
		g.words[r] = w
	}
	return w
}

// Len is how many places the gazetteer knows.
func (g *Gazetteer) Len() int { return len(g.places) }

// Normalize is s as the gazetteer compares names: lower case, without
// accents (á is a, ñ is n), and with anything but letters and digits as
// single spaces. Spanish letters take a fast path; any other is
// decomposed (NFD) and its marks dropped.
func Normalize(s string) string {
	b := make([]byte, 0, len(s))
	space := false
	emit := func(r rune) {
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
			emit(r)
		case r < utf8.RuneSelf && r >= 'A' && r <= 'Z':
			emit(r + ('a' - 'A'))
		case r < utf8.RuneSelf:
			space = true
		case folded[r] != 0:
			emit(folded[r])
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			for _, d := range norm.NFD.String(string(r)) {
				if !unicode.Is(unicode.Mn, d) {
					emit(d)
				}
			}
		default:
			space = true
		}
	}
	return string(b)
}

// folded are the accented letters of Spanish and its neighbours, as
// Normalize takes them.
var folded = func() map[rune]rune {
	m := map[rune]rune{}
	for base, accented := range map[rune]string{
		'a': "áàâäãåÁÀÂÄÃÅ", 'e': "éèêëÉÈÊË", 'i': "íìîïÍÌÎÏ", 'o': "óòôöõÓÒÔÖÕ",
		'u': "úùûüÚÙÛÜ", 'n': "ñÑ", 'c': "çÇ", 'y': "ýÿÝ",
	} {
		for _, r := range accented {
			m[r] = base
		}
	}
	return m
}()

// maxQuery bounds a query, in bytes: no place's name is longer.
const maxQuery = 200

// Find is the places whose name matches query, best first, at most limit:
// accent- and case-blind, each word of the query the start of a word of the
// place's name (or, after the first, of its municipality's or state's:
// "teocaltiche jalisco"), or a common other name ("cdmx", "df"). A name
// that is the query comes first, then one that starts with it, then one
// whose words start with its words, then one matched through its
// municipality or state. How well a name matches weighs against how many
// people live there: a place ten times as populous as another passes it
// by one and a half of those steps, so that San Juan del Río (300,000)
// comes before a hamlet called San Juan.
func (g *Gazetteer) Find(query string, limit int) []Place {
	if len(query) > maxQuery {
		query = query[:maxQuery]
	}
	q := Normalize(query)
	if q == "" || limit <= 0 {
		return nil
	}
	words := strings.Fields(q)
	type hit struct {
		i     int
		tier  int
		score float64
	}
	var hits []hit
	if key, ok := aliases[q]; ok {
		for i, p := range g.places {
			if p.Kind == KindState && p.Key == key {
				hits = append(hits, hit{i, -1, math.Inf(1)})
			}
		}
	}
	for i, name := range g.names {
		tier := -1
		switch whole := g.whole[i]; {
		case whole == q:
			tier = 0
		case strings.HasPrefix(whole, q):
			tier = 1
		case allPrefix(words, name, nil):
			tier = 2
		case prefixOfAny(words[0], name) && allPrefix(words[1:], name, g.within[i]):
			tier = 3
		}
		if tier >= 0 {
			hits = append(hits, hit{i, tier, math.Log10(float64(g.places[i].Pop)+1) - 1.5*float64(tier)})
		}
	}
	slices.SortFunc(hits, func(a, b hit) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		pa, pb := &g.places[a.i], &g.places[b.i]
		if c := cmp.Compare(pa.Kind, pb.Kind); c != 0 {
			return c
		}
		return cmp.Compare(pa.Key, pb.Key)
	})
	out := make([]Place, 0, min(limit, len(hits)))
	seen := map[int]bool{}
	for _, h := range hits {
		if len(out) == limit {
			break
		}
		if !seen[h.i] {
			seen[h.i] = true
			out = append(out, g.places[h.i])
		}
	}
	return out
}

// allPrefix reports whether each word starts some word of a or of b.
func allPrefix(words, a, b []string) bool {
	for _, w := range words {
		if !prefixOfAny(w, a) && !prefixOfAny(w, b) {
			return false
		}
	}
	return true
}

func prefixOfAny(w string, words []string) bool {
	for _, x := range words {
		if strings.HasPrefix(x, w) {
			return true
		}
	}
	return false
}
