// Command gen writes Sovmap's embedded map (assets/map) from INEGI's Marco
// Geoestadístico (Mexico's municipalities and localities) and, for the
// neighbouring countries, Natural Earth's 1:10m countries, which
// github.com/sams96/rgeo ships in its module files. It is run by
// `make generate INEGI=folder` (`go generate ./assets`); the app itself
// never needs it, rgeo or INEGI's raw files.
//
// What it does:
//
//   - reads the 2,474 municipalities INEGI's public copy holds and
//     rebuilds the one it lacks, Mulegé, from Baja California Sur's
//     outline and its neighbours' edges;
//   - puts INEGI's border in place of Natural Earth's in the United
//     States, Guatemala and Belize, so that they meet Mexico exactly;
//   - projects everything to INEGI's Lambert conic (EPSG:6372), rounds it
//     to a 1 m grid and builds one arc topology (package topology), each
//     shared boundary stored once; mends what rounding made touch;
//   - makes the 32 states and the national outline from the same arcs;
//   - simplifies the arcs for each level of detail, each level from the
//     one finer, never letting two arcs cross, so that neighbours stay
//     gap-free and overlap-free at every level;
//   - finds a label point inside each area, and writes the manifest, the
//     shapes, the levels and the gazetteer of localities.
//
// Running it again writes byte-identical files.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/paulmach/orb"

	"sovmap/geo"
	"sovmap/geo/atomicfile"
	"sovmap/geo/gazetteer"
	"sovmap/geo/topology"
)

// tolerances are the levels of detail: how far, at most, each level's
// lines stray from INEGI's (on a 1 m grid), in metres. The finest (2 m)
// places points in their municipality; the closest zoom (20 m a pixel)
// draws the next (10 m); each further level doubles, to the coarsest,
// which draws the whole continent.
var tolerances = []float64{2, 10, 20, 40, 80, 160, 320, 640, 1280, 2560}

const (
	// quantum is the grid the coordinates are rounded to, metres.
	quantum = 1.0
	// snap is how near a vertex must come to another boundary's segment
	// to be joined to it, metres: rounding to the grid moves a point by
	// up to 0.71 m, so two lines that coincide in the source may come out
	// up to 1.42 m apart.
	snap = 1.5
	// maxRepair is how far Repair may move a vertex to mend a crossing
	// that rounding made, metres: 0.06 mm at INEGI's 1:50,000.
	maxRepair = 3.0
	// maxFile is the most one generated file may hold.
	maxFile = 3 << 20
)

// sources name the data and its terms, for the manifest.
var sources = []string{
	"Boundaries of Mexico's states and municipalities: INEGI, Marco Geoestadístico 2025 (simplified); Términos de Libre Uso de la Información del INEGI; statistical, not legal, boundaries",
	"Mulegé (03002) rebuilt from Baja California Sur's outline, Mapas de México en GeoJSON (INEGI AGEE 2025, simplified)",
	"Other countries: Natural Earth 1:10m (public domain)",
}

func main() {
	out := flag.String("out", "map", "folder to write the map into")
	inegi := flag.String("inegi", os.Getenv("INEGI"), "folder of INEGI's Marco Geoestadístico (municipios.geojsonl.xz, localidades.csv.xz, bcs-state.geojson)")
	flag.Parse()
	if *inegi == "" {
		fmt.Fprintln(os.Stderr, "gen: say where INEGI's data is: -inegi FOLDER or INEGI=FOLDER (see the README)")
		os.Exit(2)
	}
	if err := run(*inegi, *out, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// run reads INEGI's folder and Natural Earth and writes the map into out,
// logging its steps to log.
func run(inegi, out string, log io.Writer) error {
	start := time.Now()
	step := func(format string, args ...any) {
		fmt.Fprintf(log, "gen: %5.1fs "+format+"\n", append([]any{time.Since(start).Seconds()}, args...)...)
	}
	munis, err := readMunicipalities(inegi)
	if err != nil {
		return err
	}
	locs, empty, err := readLocalities(inegi)
	if err != nil {
		return err
	}
	step("%d localities (%d rows with only a key left out)", len(locs), empty)
	bcs, err := readState(inegi)
	if err != nil {
		return err
	}
	for _, m := range munis {
		m.shape = projected(m.shape)
	}
	mulege, err := rebuildMulege(munis, projected(bcs))
	if err != nil {
		return fmt.Errorf("rebuilding Mulegé: %w", err)
	}
	for _, l := range locs {
		if l.key[:5] == mulegeKey {
			mulege.pop += l.pop // its localities: the census' count for it is not in the copy
		}
	}
	munis = append(munis, mulege)
	sort.Slice(munis, func(i, j int) bool { return munis[i].key < munis[j].key })
	step("%d municipalities", len(munis))

	countries, neMexico, cuts, err := neighbours()
	if err != nil {
		return err
	}
	shapes := make([]orb.MultiPolygon, len(munis))
	for i, m := range munis {
		shapes[i] = m.shape
	}
	national, err := outline(shapes)
	if err != nil {
		return fmt.Errorf("the municipalities: %w", err)
	}
	border := openRing(largest(national)[0])
	neVertices := map[orb.Point]bool{}
	for _, p := range projected(neMexico.shape) {
		for _, r := range p {
			for _, q := range r {
				neVertices[q] = true
			}
		}
	}
	for _, c := range countries {
		c.shape = projected(c.shape)
		spliced := spliceBorder(c.shape, neVertices, border)
		if want := c.code == "USA" || c.code == "GTM" || c.code == "BLZ"; spliced != want {
			return fmt.Errorf("%s: border with Mexico replaced: %v, want %v", c.code, spliced, want)
		}
		shapes = append(shapes, c.shape)
	}
	for i, p := range cuts {
		cuts[i] = round(geo.MexicoLCC.Forward(p))
	}
	step("%d neighbouring countries", len(countries))

	topology.RepairLog = func(round, crossings, inserts, skipped int) {
		step("repair round %d: %d crossings, %d arcs to join, %d places left alone", round, crossings, inserts, skipped)
	}
	t, err := topology.Build(topology.Quantize(shapes, quantum), cuts...)
	if err != nil {
		return err
	}
	left, err := t.Repair(snap, maxRepair)
	if err != nil {
		return err
	}
	// Natural Earth's coast is coarse: next to the border it can cut across
	// INEGI's (Guatemala at the Suchiate's mouth, Belize at Bacalar
	// Chico). A neighbour lies under Mexico on the map, so that overlap
	// never shows; a crossing of any other arc is a fault.
	countryOnly := countryArcs(t, len(munis))
	if err := onlyCountryCrossings(left, countryOnly); err != nil {
		return fmt.Errorf("after repair: %w", err)
	}
	step("topology: %d arcs; %d places where a neighbour's coast crosses Mexico's", len(t.Arcs), len(left))

	// States, then Mexico whole, from the municipalities' arcs.
	var records []geo.RegionRecord
	byState := map[string][]int{}
	for i, m := range munis {
		byState[m.key[:2]] = append(byState[m.key[:2]], i)
	}
	stateCode := map[string]string{}
	for _, s := range states {
		stateCode[s.key] = s.iso
	}
	for _, m := range munis {
		records = append(records, geo.RegionRecord{Kind: "municipality", Code: m.key, Name: m.name, Parent: stateCode[m.key[:2]], Pop: m.pop})
	}
	for _, c := range countries {
		records = append(records, geo.RegionRecord{Kind: "country", Code: c.code, Name: c.name, NameES: c.nameES,
			Label: point(geo.MexicoLCC.Forward(c.label))})
	}
	all := make([]int, len(munis))
	for i := range all {
		all[i] = i
	}
	for _, s := range states {
		members := byState[s.key]
		if len(members) == 0 {
			return fmt.Errorf("state %s has no municipalities", s.key)
		}
		t.Shapes = append(t.Shapes, t.Dissolve(members))
		short := []string{s.common, s.abbr}
		if s.common == s.name {
			short = short[1:]
		}
		records = append(records, geo.RegionRecord{Kind: "state", Code: s.iso, Key: s.key, Name: s.name, Short: short})
	}
	t.Shapes = append(t.Shapes, t.Dissolve(all))
	records = append(records, geo.RegionRecord{Kind: "nation", Code: "MEX", Name: "Mexico", NameES: "México"})
	if len(byState) != 32 {
		return fmt.Errorf("municipalities in %d states, want 32", len(byState))
	}

	// The levels of detail, each from the one finer.
	levels := []topology.Level{topology.Full(t.Arcs)}
	for _, tol := range tolerances {
		lv := topology.Simplify(t.Arcs, levels[len(levels)-1], tol)
		if err := onlyCountryCrossings(topology.Crossings(lv.Arcs(t.Arcs)), countryOnly); err != nil {
			return fmt.Errorf("level of %g m: %w", tol, err)
		}
		levels = append(levels, lv)
		step("level of %g m: %d points", tol, lv.Points())
	}
	levels = levels[1:]

	// Label points, on a level fine enough for the smallest areas.
	labelArcs := levels[2].Arcs(t.Arcs)
	for i := range records {
		if records[i].Kind == "country" {
			continue
		}
		mp := topology.ShapeGeometry(labelArcs, t.Shapes[i])
		poly := largest(mp)
		if poly == nil {
			return fmt.Errorf("%s has no area", records[i].Code)
		}
		b := poly.Bound()
		records[i].Label = point(polylabel(poly, math.Max(b.Max[0]-b.Min[0], b.Max[1]-b.Min[1])/200))
	}
	var unstroked []int32
	for i, a := range t.Arcs {
		if len(a) > 0 && alongCut(a) {
			unstroked = append(unstroked, int32(i))
		}
	}

	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	manifest := geo.Manifest{Format: geo.ManifestFormat, Projection: "EPSG:6372 (INEGI Lambert conformal conic)", Quantum: quantum,
		Tolerances: tolerances, Sources: sources, Regions: records, Unstroked: unstroked}
	raw, err := json.Marshal(manifest)
	if err != nil {
		return err
	}
	if err := writeGzip(filepath.Join(out, geo.ManifestFile), func(w io.Writer) error { _, err := w.Write(raw); return err }); err != nil {
		return err
	}
	if err := writeGzip(filepath.Join(out, geo.ShapesFile), func(w io.Writer) error { return topology.EncodeShapes(w, t.Shapes) }); err != nil {
		return err
	}
	for k := range levels {
		var coarser topology.Level
		if k+1 < len(levels) {
			coarser = levels[k+1]
		}
		err := writeRaw(filepath.Join(out, geo.LevelFile(k)), func(w io.Writer) error {
			return topology.EncodeLevel(w, t.Arcs, levels[k], coarser, quantum)
		})
		if err != nil {
			return err
		}
	}
	if err := writeLocalities(filepath.Join(out, gazetteer.File), locs); err != nil {
		return err
	}
	step("written to %s", out)
	return nil
}

// countryArcs flags the arcs that only neighbouring countries follow
// (shapes from firstCountry on, before any state is added).
func countryArcs(t *topology.Topology, firstCountry int) []bool {
	mexican := make([]bool, len(t.Arcs))
	for _, s := range t.Shapes[:firstCountry] {
		for _, poly := range s {
			for _, r := range poly {
				for _, ref := range r {
					i, _ := topology.Arc(ref)
					mexican[i] = true
				}
			}
		}
	}
	only := make([]bool, len(t.Arcs))
	for i := range only {
		only[i] = !mexican[i]
	}
	return only
}

// onlyCountryCrossings fails on a crossing of two arcs of Mexico's.
func onlyCountryCrossings(crossings []topology.Crossing, countryOnly []bool) error {
	for _, c := range crossings {
		if !countryOnly[c.A] && !countryOnly[c.B] {
			return fmt.Errorf("two of Mexico's boundaries cross at %v", geo.MexicoLCC.Inverse(c.At))
		}
	}
	return nil
}

// writeLocalities writes the gazetteer's localities.
func writeLocalities(name string, locs []locality) error {
	var rows []gazetteer.Locality
	for _, l := range locs {
		rows = append(rows, gazetteer.Locality{Key: l.key, Name: l.name, Urban: l.urban, LonLat: orb.Point{l.lon, l.lat}, Pop: l.pop})
	}
	return writeGzip(name, func(w io.Writer) error { return gazetteer.EncodeLocalities(w, rows) })
}

// projected is a copy of mp in INEGI's Lambert conic, metres.
func projected(mp orb.MultiPolygon) orb.MultiPolygon {
	c := mp.Clone()
	for _, p := range c {
		for _, r := range p {
			for i := range r {
				r[i] = geo.MexicoLCC.Forward(r[i])
			}
		}
	}
	return c
}

func round(p orb.Point) orb.Point {
	return orb.Point{math.Round(p[0]/quantum) * quantum, math.Round(p[1]/quantum) * quantum}
}

func point(p orb.Point) [2]float64 { return [2]float64{math.Round(p[0]), math.Round(p[1])} }

// alongCut reports whether the projected arc runs along the edge the
// countries were cut to: every point of it within a few metres of it.
func alongCut(a orb.LineString) bool {
	for _, p := range a {
		ll := geo.MexicoLCC.Inverse(p)
		b := contextBound
		const near = 1e-4 // degrees, about 10 m
		if math.Abs(ll[0]-b.Min[0]) > near && math.Abs(ll[0]-b.Max[0]) > near && math.Abs(ll[1]-b.Min[1]) > near && math.Abs(ll[1]-b.Max[1]) > near {
			return false
		}
	}
	return true
}

// writeRaw writes what write writes, atomically; it refuses a file over
// maxFile.
func writeRaw(name string, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if buf.Len() > maxFile {
		return fmt.Errorf("%s would be %d bytes, over the %d a generated file may hold", name, buf.Len(), maxFile)
	}
	return atomicfile.WriteFile(name, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err })
}

// writeGzip writes what write writes, gzip-compressed, atomically, with a
// fixed header so that reruns are byte-identical; it refuses a file over
// maxFile.
func writeGzip(name string, write func(io.Writer) error) error {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	if err := errors.Join(write(zw), zw.Close()); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if buf.Len() > maxFile {
		return fmt.Errorf("%s would be %d bytes, over the %d a generated file may hold", name, buf.Len(), maxFile)
	}
	return atomicfile.WriteFile(name, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err })
}
