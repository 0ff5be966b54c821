package ui

import (
	"bufio"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"

	"github.com/paulmach/orb"

	"sovmap/assets"
	"sovmap/geo"
	"sovmap/geo/gazetteer"
	"sovmap/geo/phrase"
)

// The command line's gazetteer: --find prints the places of a name,
// --where the municipality and state of coordinates, as tab-separated
// lines with a header, for analysts and scripts.

// findHeader and whereHeader name the columns of --find and --where.
const (
	findHeader  = "kind\tkey\tname\tmunicipality_key\tmunicipality\tstate_key\tstate\tlatitude\tlongitude\tpopulation"
	whereHeader = "latitude\tlongitude\twhere\tstate_key\tstate\tmunicipality_key\tmunicipality\tcountry\tin_words"
)

// runFind prints the places named query, best first, at most limit.
func runFind(query string, limit int, stdout io.Writer) error {
	// The coarse levels hold every region's name and key: enough, and
	// several times faster to load than the whole map.
	m, err := geo.LoadMap(assets.Map(), geo.QuickLevel)
	if err != nil {
		return phrase.Errorf("the embedded map could not be read: %w", err)
	}
	g, err := gazetteer.Load(assets.Map(), m)
	if err != nil {
		return phrase.Errorf("the embedded gazetteer could not be read: %w", err)
	}
	w := bufio.NewWriter(stdout)
	fmt.Fprintln(w, findHeader)
	for _, p := range g.Find(query, limit) {
		mk, mn := "", ""
		if p.Municipality != nil {
			mk, mn = p.Municipality.Code, p.Municipality.Name
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.7f\t%.7f\t%d\n", p.Kind, p.Key, tsv(p.Name), mk, tsv(mn),
			p.State.Key, tsv(p.State.Name), p.LonLat[1], p.LonLat[0], p.Pop)
	}
	return w.Flush()
}

// maxWhereLine bounds a line of coordinates read from standard input.
const maxWhereLine = 4096

// runWhere prints where each point lies (its columns the same in every
// language, for scripts; its messages in lang): the one given, or, for "-", each
// line of stdin ("LAT,LON", or separated by a tab or spaces). A line that
// is not a point gets a row marked "invalid" (so that the output keeps
// the input's lines) and a message on stderr; it reports how many there
// were.
func runWhere(arg string, stdin io.Reader, stdout, stderr io.Writer, lang string) (invalid int, err error) {
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	if arg != "-" {
		// One point: as little of the map read as it takes, and nothing
		// collected (the process ends with the answer; what it allocates,
		// the coarse levels and a few lines of the finest, is bounded by
		// the map: about 40 MB, which a collection would only walk: 10 of
		// its 50 ms).
		defer debug.SetGCPercent(debug.SetGCPercent(-1))
		p, err := parseLatLon(arg)
		if err != nil {
			return 0, phrase.Errorf("--where %q: %w", arg, err)
		}
		loc, m, err := geo.LocateIn(assets.Map(), geo.MexicoLCC.Forward(p))
		if err != nil {
			return 0, phrase.Errorf("the embedded map could not be read: %w", err)
		}
		fmt.Fprintln(w, whereHeader)
		writeWhere(w, m, p, loc)
		return 0, nil
	}
	m, err := geo.LoadMap(assets.Map(), 0)
	if err != nil {
		return 0, phrase.Errorf("the embedded map could not be read: %w", err)
	}
	fmt.Fprintln(w, whereHeader)
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 0, maxWhereLine), maxWhereLine)
	line := 0
	// The points are read a batch at a time and located on every core
	// (Locate is safe for concurrent use), then written in their order.
	batch := make([]wherePoint, 0, whereBatch)
	flush := func() {
		locateAll(m, batch)
		for _, q := range batch {
			if q.invalid {
				fmt.Fprintln(w, "\t\tinvalid\t\t\t\t\t\t")
			} else {
				writeWhere(w, m, q.p, q.loc)
			}
		}
		batch = batch[:0]
	}
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || (line == 1 && strings.HasPrefix(strings.ToLower(text), "lat")) {
			continue // a blank line, or a header
		}
		p, err := parseLatLon(text)
		if err != nil {
			invalid++
			fmt.Fprintln(stderr, "sovmap:", sayf(lang, "standard input, line %d: %q: %v", line, clipText(text, 60), err))
		}
		if batch = append(batch, wherePoint{p: p, invalid: err != nil}); len(batch) == whereBatch {
			flush()
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return invalid, phrase.Errorf("standard input, line %d: %w", line+1, err)
	}
	return invalid, nil
}

// whereBatch is how many points of standard input --where locates at once.
const whereBatch = 4096

// wherePoint is a point of --where's input (lon, lat) and where it lies.
type wherePoint struct {
	p       orb.Point
	loc     geo.Location
	invalid bool // the line was not a point
}

// locateAll locates the valid points of batch, a share of them on each
// core.
func locateAll(m *geo.Map, batch []wherePoint) {
	n := runtime.GOMAXPROCS(0)
	per := (len(batch) + n - 1) / n
	var wg sync.WaitGroup
	for from := 0; from < len(batch); from += per {
		part := batch[from:min(from+per, len(batch))]
		wg.Go(func() {
			for i := range part {
				if !part[i].invalid {
					part[i].loc = m.Locate(m.Proj.Forward(part[i].p))
				}
			}
		})
	}
	wg.Wait()
}

// parseLatLon reads "LAT,LON" (or separated by a tab, a semicolon or
// spaces), in decimal degrees.
func parseLatLon(s string) (orb.Point, error) {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\t' || r == ' ' })
	if len(f) != 2 {
		return orb.Point{}, phrase.Errorf("want latitude and longitude, as LAT,LON")
	}
	lat, err1 := strconv.ParseFloat(f[0], 64)
	lon, err2 := strconv.ParseFloat(f[1], 64)
	switch {
	case err1 != nil || err2 != nil:
		return orb.Point{}, phrase.Errorf("want two numbers, latitude and longitude, as LAT,LON")
	case !(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180):
		return orb.Point{}, phrase.Errorf("latitude %g, longitude %g: out of range (latitude -90 to 90, longitude -180 to 180)", lat, lon)
	}
	return orb.Point{lon, lat}, nil
}

// writeWhere prints one row of --where.
func writeWhere(w io.Writer, m *geo.Map, p orb.Point, loc geo.Location) {
	where, sk, sn, mk, mn, country, words := "outside", "", "", "", "", "", "outside Mexico"
	switch {
	case loc.Municipality != nil:
		sk, sn, mk, mn, country = loc.State.Key, loc.State.Name, loc.Municipality.Code, loc.Municipality.Name, "Mexico"
		where, words = "in", mn+", "+sn
		if loc.Offshore {
			where, words = "offshore", "off the coast of "+mn+", "+sn
		}
	case loc.Country != nil:
		country = loc.Country.Name
		words = "outside Mexico (" + country + ")"
	default:
		words = "outside Mexico (at sea, or beyond the map)"
	}
	fmt.Fprintf(w, "%.7f\t%.7f\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", p[1], p[0], where, sk, tsv(sn), mk, tsv(mn), tsv(country), tsv(words))
}

// tsv keeps tabs and newlines out of a cell.
func tsv(s string) string { return cellBreaks.Replace(s) }

var cellBreaks = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")
