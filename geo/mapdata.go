package geo

import (
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"
)

// RegionKind tells a Mexican state from a neighbouring country.
type RegionKind int

// The kinds of region on the map.
const (
	State   RegionKind = iota // one of Mexico's 32 states
	Country                   // a neighbouring country, shown for context
)

// Region is one area of the map, in projected metres, at every level of detail.
type Region struct {
	Kind   RegionKind
	Code   string    // ISO 3166-2 for states (MX-JAL), ISO 3166-1 alpha-3 for countries
	Name   string    // the state's Spanish name, or the country's English name
	NameES string    // the country's Spanish name (states: same as Name)
	Label  orb.Point // where its name goes, projected
	Bound  orb.Bound // projected bound at full detail

	shapes   []orb.MultiPolygon // per level; nil where the region vanishes at that level
	outlines [][]orb.LineString // per level: the edges to stroke (clip edges left out)
	full     orb.MultiPolygon   // level 0, for hit-testing
}

// Shape is the region's projected geometry at level of detail lvl; nil
// where the region vanishes at that level.
func (r *Region) Shape(lvl int) orb.MultiPolygon { return r.shapes[lvl] }

// Outlines are the region's edges to stroke at level of detail lvl: its
// rings, less the edges where a neighbouring country was cut to the map's
// area.
func (r *Region) Outlines(lvl int) []orb.LineString { return r.outlines[lvl] }

// Contains reports whether the projected point p lies inside the region at
// full detail.
func (r *Region) Contains(p orb.Point) bool {
	return r.Bound.Contains(p) && planar.MultiPolygonContains(r.full, p)
}

// Map is the embedded map: Mexico's states and the neighbouring countries at
// several levels of detail, all projected with Proj.
type Map struct {
	Proj       *LambertConic
	States     []*Region // sorted by code
	Countries  []*Region // sorted by code
	Tolerances []float64 // simplification tolerance of each level, metres; level 0 is full detail
	Bound      orb.Bound // projected bound of Mexico

	indexOnce sync.Once
	index     *stateIndex // finds the state of a point; built on first use
}

// LoadMap reads the levels of detail level0.geojson.gz, level1.geojson.gz, …
// from fsys, as the generator in assets/gen writes them, and projects them.
func LoadMap(fsys fs.FS, proj *LambertConic) (*Map, error) {
	return LoadMapLevels(fsys, proj)
}

// LoadMapLevels reads only the given levels of detail (all when none are
// given), finest first. A map of one coarse level loads several times
// faster than the whole and is enough for a first look at the country;
// hit-testing then works at that level's detail.
func LoadMapLevels(fsys fs.FS, proj *LambertConic, only ...int) (*Map, error) {
	m := &Map{Proj: proj}
	levels, err := readLevels(fsys, proj, only)
	if err != nil {
		return nil, err
	}
	byCode := map[string]*Region{}
	for lvl, fc := range levels {
		m.Tolerances = append(m.Tolerances, fc.Tolerance)
		for i := range fc.Features {
			if err := m.addFeature(byCode, lvl, &fc.Features[i]); err != nil {
				return nil, fmt.Errorf("map data level%d.geojson.gz: feature %d: %w", lvl, i, err)
			}
		}
	}
	nlevels := len(m.Tolerances)
	m.Bound = orb.Bound{Min: orb.Point{1e300, 1e300}, Max: orb.Point{-1e300, -1e300}}
	for _, r := range byCode {
		for len(r.shapes) < nlevels {
			r.shapes = append(r.shapes, nil)
			r.outlines = append(r.outlines, nil)
		}
		r.full = r.shapes[0]
		r.Bound = r.full.Bound()
		if r.Kind == State {
			m.States = append(m.States, r)
			m.Bound = m.Bound.Union(r.Bound)
		} else {
			m.Countries = append(m.Countries, r)
		}
	}
	byName := func(rs []*Region) func(i, j int) bool {
		return func(i, j int) bool { return rs[i].Code < rs[j].Code }
	}
	sort.Slice(m.States, byName(m.States))
	sort.Slice(m.Countries, byName(m.Countries))
	if len(m.States) == 0 {
		return nil, errors.New("map data: no states")
	}
	return m, nil
}

// readLevels reads level0.geojson.gz, level1.geojson.gz, … until one is
// missing, decoding and projecting them in parallel.
func readLevels(fsys fs.FS, proj *LambertConic, only []int) ([]*levelJSON, error) {
	var names []string
	for lvl := 0; ; lvl++ {
		name := fmt.Sprintf("level%d.geojson.gz", lvl)
		if _, err := fs.Stat(fsys, name); err != nil {
			if errors.Is(err, fs.ErrNotExist) && lvl > 0 {
				break
			}
			return nil, fmt.Errorf("map data %s: %w", name, err)
		}
		names = append(names, name)
	}
	if len(only) > 0 {
		var picked []string
		for i, lvl := range only {
			if lvl < 0 || lvl >= len(names) || (i > 0 && lvl <= only[i-1]) {
				return nil, fmt.Errorf("map data: no level %d (levels 0 to %d, in order)", lvl, len(names)-1)
			}
			picked = append(picked, names[lvl])
		}
		names = picked
	}
	levels := make([]*levelJSON, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() {
			levels[i], errs[i] = readLevel(fsys, name)
			if errs[i] != nil {
				errs[i] = fmt.Errorf("map data %s: %w", name, errs[i])
				return
			}
			for j := range levels[i].Features {
				levels[i].Features[j].project(proj)
			}
		})
	}
	wg.Wait()
	return levels, errors.Join(errs...)
}

// levelJSON is the shape of one level file.
type levelJSON struct {
	Type      string        `json:"type"`
	Tolerance float64       `json:"tolerance_m"`
	Features  []featureJSON `json:"features"`
}

type featureJSON struct {
	Properties geojson.Properties `json:"properties"`
	Geometry   multiPolygonJSON   `json:"geometry"`
	outlines   []orb.LineString   // projected edges to stroke
}

// project turns the feature's lon/lat rings into projected ones in place,
// orients them for filling, and finds the edges to stroke: every ring, but
// for countries cut to the context area, not the cut edges.
func (f *featureJSON) project(proj *LambertConic) {
	clipEdges, hasClip := clipBound(f.Properties)
	for _, poly := range f.Geometry.Coordinates.mp {
		for i, ring := range poly {
			if hasClip {
				f.outlines = append(f.outlines, openEdges(ring, clipEdges, proj.Forward)...)
			}
			for j, p := range ring {
				ring[j] = proj.Forward(p)
			}
			orientRing(ring, i == 0)
			if !hasClip {
				f.outlines = append(f.outlines, orb.LineString(ring))
			}
		}
	}
}

func readLevel(fsys fs.FS, name string) (*levelJSON, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	var lvl levelJSON
	if err := json.Unmarshal(raw, &lvl); err != nil {
		return nil, err
	}
	if lvl.Type != "FeatureCollection" {
		return nil, fmt.Errorf("type is %q, want FeatureCollection", lvl.Type)
	}
	return &lvl, nil
}

func (m *Map) addFeature(byCode map[string]*Region, lvl int, f *featureJSON) error {
	code, ok := f.Properties["id"].(string)
	if !ok || code == "" {
		return errors.New("no id")
	}
	r := byCode[code]
	if r == nil {
		if lvl != 0 {
			return fmt.Errorf("%s is not in level 0", code)
		}
		r = &Region{Code: code}
		switch kind, _ := f.Properties["kind"].(string); kind {
		case "state":
			r.Kind = State
		case "country":
			r.Kind = Country
		default:
			return fmt.Errorf("%s: unknown kind %q", code, kind)
		}
		r.Name, _ = f.Properties["name"].(string)
		r.NameES, _ = f.Properties["name_es"].(string)
		if r.NameES == "" {
			r.NameES = r.Name
		}
		if lbl, ok := f.Properties["label"].([]any); ok && len(lbl) == 2 {
			lon, _ := lbl[0].(float64)
			lat, _ := lbl[1].(float64)
			r.Label = m.Proj.Forward(orb.Point{lon, lat})
		}
		byCode[code] = r
	}
	if t := f.Geometry.Type; t != "Polygon" && t != "MultiPolygon" {
		return fmt.Errorf("%s: geometry is a %q, want a Polygon or MultiPolygon", code, t)
	}
	mp, outlines := f.Geometry.Coordinates.mp, f.outlines
	for len(r.shapes) < lvl {
		r.shapes = append(r.shapes, nil)
		r.outlines = append(r.outlines, nil)
	}
	r.shapes = append(r.shapes, mp)
	r.outlines = append(r.outlines, outlines)
	return nil
}

// orientRing makes outer rings counter-clockwise and holes clockwise, so
// that the rasterizer's signed coverage cuts holes out.
func orientRing(r orb.Ring, outer bool) {
	if (r.Orientation() == orb.CCW) != outer {
		r.Reverse()
	}
}

func clipBound(p geojson.Properties) (orb.Bound, bool) {
	c, ok := p["clip"].([]any)
	if !ok || len(c) != 4 {
		return orb.Bound{}, false
	}
	var v [4]float64
	for i := range v {
		v[i], _ = c[i].(float64)
	}
	return orb.Bound{Min: orb.Point{v[0], v[1]}, Max: orb.Point{v[2], v[3]}}, true
}

// openEdges splits a lon/lat ring into projected line strings, leaving out
// the segments that lie along the clip box: they are cuts, not borders.
func openEdges(ring orb.Ring, box orb.Bound, project orb.Projection) []orb.LineString {
	onBox := func(a, b orb.Point) bool {
		return (a[0] == b[0] && (a[0] == box.Min[0] || a[0] == box.Max[0])) ||
			(a[1] == b[1] && (a[1] == box.Min[1] || a[1] == box.Max[1]))
	}
	var out []orb.LineString
	var cur orb.LineString
	for i := 1; i < len(ring); i++ {
		a, b := ring[i-1], ring[i]
		if onBox(a, b) {
			if len(cur) > 1 {
				out = append(out, cur)
			}
			cur = nil
			continue
		}
		if len(cur) == 0 {
			cur = append(cur, project(a))
		}
		cur = append(cur, project(b))
	}
	if len(cur) > 1 {
		out = append(out, cur)
	}
	return out
}

// Level is the coarsest level of detail whose simplification stays within
// half a pixel at res metres per pixel.
func (m *Map) Level(res float64) int {
	lvl := 0
	for i, tol := range m.Tolerances {
		if tol <= res/2 {
			lvl = i
		}
	}
	return lvl
}

// StateAt is the state that holds the projected point p, or nil. The
// first call builds an index of the states (milliseconds); after it, most
// points are answered from a grid cell and the rest by testing the one or
// two states whose borders pass near. It is safe for concurrent use.
func (m *Map) StateAt(p orb.Point) *Region {
	m.indexOnce.Do(func() { m.index = newStateIndex(m.States) })
	if i := m.index.at(p); i >= 0 {
		return m.States[i]
	}
	return nil
}

// StateByCode finds a state by its ISO 3166-2 code, or nil.
func (m *Map) StateByCode(code string) *Region {
	i := sort.Search(len(m.States), func(i int) bool { return m.States[i].Code >= code })
	if i < len(m.States) && m.States[i].Code == code {
		return m.States[i]
	}
	return nil
}
