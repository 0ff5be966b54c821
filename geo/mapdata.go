package geo

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"sort"
	"sync"

	"github.com/paulmach/orb"

	"sovmap/geo/topology"
)

// RegionKind tells the map's areas apart.
type RegionKind int

// The kinds of region on the map.
const (
	State        RegionKind = iota // one of Mexico's 32 states
	Country                        // a neighbouring country, shown for context
	Municipality                   // one of Mexico's 2,475 municipalities
	Nation                         // Mexico whole
)

// Region is one area of the map. Its shape is a set of rings of the map's
// shared arcs (see package topology), the same at every level of detail.
type Region struct {
	Kind RegionKind
	// Code is INEGI's five-digit key for a municipality (14095), ISO
	// 3166-2 for a state (MX-JAL), ISO 3166-1 alpha-3 for a country.
	Code string
	// Key is INEGI's key of a state (14) or a municipality (as Code).
	Key    string
	Name   string // INEGI's name for Mexico's areas, the English name for a country
	NameES string // a country's Spanish name; Mexico's areas: Name
	// Short are shorter names for a map's label where Name does not fit.
	Short []string
	// State is a municipality's state; nil for other regions.
	State *Region
	Pop   int       // a municipality's population, 2020 census
	Label orb.Point // where its name goes, projected
	Bound orb.Bound // projected bound

	rings  topology.Shape
	base   bool          // a municipality or a country: a side of the arcs
	coarse []boundedRing // a state's, the nation's or a country's rings at the coarsest level
}

// boundedRing is a ring with its bound, so that a point far from it is
// ruled out without walking it.
type boundedRing struct {
	r orb.Ring
	b orb.Bound
}

// RoughlyContains reports whether the projected point p lies inside the
// region at the map's coarsest level of detail (kilometres): enough to
// place a label inside a country or state. It is false for a
// municipality.
func (r *Region) RoughlyContains(p orb.Point) bool {
	if !r.Bound.Contains(p) {
		return false
	}
	// Even-odd over every ring: inside an island, or a ring but not its
	// hole.
	in := false
	for _, br := range r.coarse {
		if !br.b.Contains(p) {
			continue
		}
		ring := br.r
		for i := 0; i+1 < len(ring); i++ {
			a, c := ring[i], ring[i+1]
			if (a[1] > p[1]) != (c[1] > p[1]) && p[0] < a[0]+(p[1]-a[1])/(c[1]-a[1])*(c[0]-a[0]) {
				in = !in
			}
		}
	}
	return in
}

// Rings are the region's polygons as rings of the map's arcs.
func (r *Region) Rings() topology.Shape { return r.rings }

// InMexico reports whether the region is one of Mexico's.
func (r *Region) InMexico() bool { return r.Kind != Country }

// ArcClass is what an arc of the map divides, which says how it is drawn.
type ArcClass uint8

// The classes of arc.
const (
	MunicipalBorder ArcClass = iota // between two municipalities of one state
	StateBorder                     // between two states
	Coast                           // Mexico's coast, islands' too
	NationalBorder                  // between Mexico and a neighbouring country
	CountryBorder                   // a neighbouring country's other borders and coasts
	CutEdge                         // where a country was cut to the map's area: never drawn
	arcClasses
)

// Map is the embedded map: Mexico's municipalities, states and outline
// from INEGI, and the neighbouring countries from Natural Earth, over one
// set of shared arcs at several levels of detail, projected with Proj.
type Map struct {
	Proj           *LambertConic
	Regions        []*Region // every region, in the map file's order
	Municipalities []*Region // sorted by key
	States         []*Region // sorted by code
	Countries      []*Region // sorted by code
	Nation         *Region   // Mexico whole
	// Whole is Nation as a list of one, for what takes lists of regions.
	Whole []*Region
	// ByPopulation are the municipalities, most populous first: the
	// order their names go on the map, where they fit.
	ByPopulation []*Region
	// Tolerances say how far each loaded level's lines may lie from
	// INEGI's, metres; index 0 is the finest level loaded.
	Tolerances []float64
	Bound      orb.Bound // projected bound of Mexico
	// Sources name the data and its terms.
	Sources []string

	levels [][]orb.LineString // the arcs, per loaded level
	sides  [][2]int32         // per arc, the base regions to its left and right (-1: none)
	class  []ArcClass
	bounds []orb.Bound // per arc, at the finest loaded level (a coarser arc's lies within)
	// extent is the bound of every drawn arc with the territorial sea
	// around: a point outside lies in no region, nor off one.
	extent orb.Bound
	byArc  [arcClasses][]int32
	byCode map[string]*Region

	locateOnce sync.Once
	locate     *locator // finds the region of a point; built on first use
}

// Arcs are the map's arcs at level of detail lvl, projected.
func (m *Map) Arcs(lvl int) []orb.LineString { return m.levels[lvl] }

// ArcsOf are the indices of the arcs of class c.
func (m *Map) ArcsOf(c ArcClass) []int32 { return m.byArc[c] }

// ArcBound is the bound of arc i at every level.
func (m *Map) ArcBound(i int32) orb.Bound { return m.bounds[i] }

// ArcSides are the municipalities or countries to the left and right of
// arc i, as it runs; nil where there is none (the sea, or beyond the map).
func (m *Map) ArcSides(i int32) (left, right *Region) {
	s := m.sides[i]
	if s[0] >= 0 {
		left = m.Regions[s[0]]
	}
	if s[1] >= 0 {
		right = m.Regions[s[1]]
	}
	return left, right
}

// Levels is how many levels of detail the whole map has.
func Levels(fsys fs.FS) (int, error) {
	man, err := readManifest(fsys)
	if err != nil {
		return 0, err
	}
	return len(man.Tolerances), nil
}

// LoadMap reads the map from fsys, as the generator in assets/gen writes
// it, with its levels of detail from the coarsest down to level finest of
// the file (0: every level). A map of a few coarse levels loads in a few
// milliseconds and is enough for a first look at the country; its point
// location then works at that level's detail.
func LoadMap(fsys fs.FS, finest int) (*Map, error) {
	// The manifest and shapes are read on another goroutine while the
	// levels are: the manifest's JSON, 2,500 regions, is a third of the
	// coarse levels' load.
	type contents struct {
		man    *Manifest
		shapes []topology.Shape
		err    error
	}
	got := make(chan contents, 1)
	go func() {
		man, err := readManifest(fsys)
		var shapes []topology.Shape
		if err == nil {
			shapes, err = readShapes(fsys)
		}
		got <- contents{man, shapes, err}
	}()
	// The level files there are, each level built on the one coarser.
	n := 0
	for n < maxLevels {
		if _, err := fs.Stat(fsys, LevelFile(n)); err != nil {
			break
		}
		n++
	}
	levels := make([][]orb.LineString, max(n-finest, 0))
	var coarser []orb.LineString
	var levelErr error
	for lvl := n - 1; lvl >= max(finest, 0); lvl-- {
		raw, err := readLevel(fsys, lvl)
		if err == nil {
			coarser, err = topology.DecodeLevel(bytesReader(raw), coarser)
		}
		if err != nil {
			levelErr = fmt.Errorf("map data %s: %w", LevelFile(lvl), err)
			break
		}
		levels[lvl-finest] = coarser
	}
	c := <-got
	if c.err != nil {
		return nil, c.err
	}
	man, shapes := c.man, c.shapes
	switch want := len(man.Tolerances); {
	case finest < 0 || finest >= want:
		return nil, fmt.Errorf("map data: no level %d (levels 0 to %d)", finest, want-1)
	case n < want:
		_, err := fs.Stat(fsys, LevelFile(n))
		return nil, fmt.Errorf("map data: %w", err)
	case n > want:
		return nil, fmt.Errorf("map data: %d level files for the manifest's %d levels", n, want)
	case levelErr != nil:
		return nil, levelErr
	case len(shapes) != len(man.Regions):
		return nil, fmt.Errorf("map data: %d shapes for %d regions", len(shapes), len(man.Regions))
	}
	m := &Map{Proj: MexicoLCC, Tolerances: man.Tolerances[finest:], Sources: man.Sources, byCode: map[string]*Region{}, levels: levels}
	m.bounds = make([]orb.Bound, len(m.levels[0]))
	for i, a := range m.levels[0] {
		if len(a) > 0 {
			m.bounds[i] = lineBound(a)
		}
	}
	if err := m.addRegions(man, shapes); err != nil {
		return nil, err
	}
	m.classify(man.Unstroked)
	return m, nil
}

// addRegions makes the regions of the manifest, checking that their
// shapes refer to arcs there are.
func (m *Map) addRegions(man *Manifest, shapes []topology.Shape) error {
	arcs := m.levels[0]
	parent := map[*Region]string{}
	for i, rec := range man.Regions {
		r := &Region{Code: rec.Code, Key: rec.Key, Name: rec.Name, NameES: rec.NameES, Short: rec.Short, Pop: rec.Pop,
			Label: orb.Point{rec.Label[0], rec.Label[1]}, rings: shapes[i]}
		if r.NameES == "" {
			r.NameES = r.Name
		}
		switch rec.Kind {
		case "municipality":
			r.Kind, r.base, r.Key = Municipality, true, rec.Code
			parent[r] = rec.Parent
			m.Municipalities = append(m.Municipalities, r)
		case "state":
			r.Kind = State
			m.States = append(m.States, r)
		case "nation":
			r.Kind = Nation
			m.Nation = r
		case "country":
			r.Kind, r.base = Country, true
			m.Countries = append(m.Countries, r)
		default:
			return fmt.Errorf("map data: region %s: unknown kind %q", rec.Code, rec.Kind)
		}
		r.Bound = orb.Bound{Min: orb.Point{1e300, 1e300}, Max: orb.Point{-1e300, -1e300}}
		for _, poly := range r.rings {
			for _, ring := range poly {
				for _, ref := range ring {
					a, _ := topology.Arc(ref)
					if len(arcs[a]) > 0 {
						b := m.bounds[a]
						r.Bound.Min = orb.Point{min(r.Bound.Min[0], b.Min[0]), min(r.Bound.Min[1], b.Min[1])}
						r.Bound.Max = orb.Point{max(r.Bound.Max[0], b.Max[0]), max(r.Bound.Max[1], b.Max[1])}
					}
				}
			}
		}
		if r.Kind != Municipality {
			for _, poly := range topology.ShapeGeometry(m.levels[len(m.levels)-1], r.rings) {
				for _, ring := range poly {
					r.coarse = append(r.coarse, boundedRing{ring, lineBound(orb.LineString(ring))})
				}
			}
		}
		m.Regions = append(m.Regions, r)
		m.byCode[r.Code] = r
	}
	for _, r := range m.Municipalities {
		r.State = m.byCode[parent[r]]
		if r.State == nil || r.State.Kind != State {
			return fmt.Errorf("map data: municipality %s has no state", r.Code)
		}
	}
	byCode := func(rs []*Region) {
		sort.Slice(rs, func(i, j int) bool { return rs[i].Code < rs[j].Code })
	}
	byCode(m.Municipalities)
	m.ByPopulation = slices.Clone(m.Municipalities)
	slices.SortStableFunc(m.ByPopulation, func(a, b *Region) int { return b.Pop - a.Pop })
	byCode(m.States)
	byCode(m.Countries)
	if len(m.States) == 0 || m.Nation == nil {
		return errors.New("map data: no states")
	}
	m.Bound = m.Nation.Bound
	m.Whole = []*Region{m.Nation}
	return nil
}

// classify finds each arc's sides and class, and its bound.
func (m *Map) classify(unstroked []int32) {
	arcs := m.levels[0]
	m.sides = make([][2]int32, len(arcs))
	for i := range m.sides {
		m.sides[i] = [2]int32{-1, -1}
	}
	for ri, r := range m.Regions {
		if !r.base {
			continue
		}
		for _, poly := range r.rings {
			for _, ring := range poly {
				for _, ref := range ring {
					a, back := topology.Arc(ref)
					if back {
						m.sides[a][1] = int32(ri)
					} else {
						m.sides[a][0] = int32(ri)
					}
				}
			}
		}
	}
	cut := make([]bool, len(arcs))
	for _, i := range unstroked {
		if int(i) < len(cut) && i >= 0 {
			cut[i] = true
		}
	}
	m.class = make([]ArcClass, len(arcs))
	defer func() { m.extent = m.extent.Pad(TerritorialSea * 1.1) }()
	muni := func(i int32) *Region {
		if i >= 0 && m.Regions[i].Kind == Municipality {
			return m.Regions[i]
		}
		return nil
	}
	for i, a := range arcs {
		if len(a) == 0 {
			continue // merged into another by the generator
		}
		l, r := muni(m.sides[i][0]), muni(m.sides[i][1])
		var c ArcClass
		switch open := m.sides[i][0] < 0 || m.sides[i][1] < 0; {
		case cut[i]:
			c = CutEdge
		case l != nil && r != nil && l.State == r.State:
			c = MunicipalBorder
		case l != nil && r != nil:
			c = StateBorder
		case (l != nil || r != nil) && open:
			c = Coast
		case l != nil || r != nil:
			c = NationalBorder
		default:
			c = CountryBorder
		}
		m.class[i] = c
		m.byArc[c] = append(m.byArc[c], int32(i))
		if c != CutEdge {
			if m.extent.IsZero() {
				m.extent = m.bounds[i]
			}
			m.extent = m.extent.Union(m.bounds[i])
		}
	}
}

// lineBound is the bound of a line (orb's Bound, without its checks).
func lineBound(l orb.LineString) orb.Bound {
	b := orb.Bound{Min: l[0], Max: l[0]}
	for _, p := range l[1:] {
		b.Min[0], b.Min[1] = min(b.Min[0], p[0]), min(b.Min[1], p[1])
		b.Max[0], b.Max[1] = max(b.Max[0], p[0]), max(b.Max[1], p[1])
	}
	return b
}

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }

func readManifest(fsys fs.FS) (*Manifest, error) {
	raw, err := readGzip(fsys, ManifestFile)
	if err != nil {
		return nil, err
	}
	var man Manifest
	if err := json.Unmarshal(raw, &man); err != nil {
		return nil, fmt.Errorf("map data %s: %w", ManifestFile, err)
	}
	if man.Format != ManifestFormat {
		return nil, fmt.Errorf("map data %s: format %d, want %d", ManifestFile, man.Format, ManifestFormat)
	}
	if len(man.Tolerances) == 0 {
		return nil, fmt.Errorf("map data %s: no levels of detail", ManifestFile)
	}
	return &man, nil
}

func readShapes(fsys fs.FS) ([]topology.Shape, error) {
	raw, err := readGzip(fsys, ShapesFile)
	if err != nil {
		return nil, err
	}
	shapes, err := topology.DecodeShapes(bytesReader(raw), 1<<22)
	if err != nil {
		return nil, fmt.Errorf("map data %s: %w", ShapesFile, err)
	}
	return shapes, nil
}

// maxLevelFile bounds what a level's file may hold (the finest is 2 MB),
// and maxLevels how many levels a map may have (it has ten).
const (
	maxLevelFile = 64 << 20
	maxLevels    = 64
)

// readLevel reads level lvl's file.
func readLevel(fsys fs.FS, lvl int) ([]byte, error) {
	name := LevelFile(lvl)
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("map data: %w", err)
	}
	if info.Size() > maxLevelFile {
		return nil, fmt.Errorf("map data %s: %d bytes, over %d", name, info.Size(), maxLevelFile)
	}
	raw, err := fs.ReadFile(fsys, name) // read at once, into a buffer of its size
	if err != nil {
		return nil, fmt.Errorf("map data: %w", err)
	}
	return raw, nil
}

// readGzip reads and decompresses one file of the map.
func readGzip(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("map data: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("map data %s: %w", name, err)
	}
	raw, err := io.ReadAll(io.LimitReader(zr, 256<<20))
	if err != nil {
		return nil, fmt.Errorf("map data %s: %w", name, err)
	}
	return raw, nil
}

// Level is the coarsest level of detail whose lines stay within half a
// pixel at res metres per pixel.
func (m *Map) Level(res float64) int {
	lvl := 0
	for i, tol := range m.Tolerances {
		if tol <= res/2 {
			lvl = i
		}
	}
	return lvl
}

// Geometry is region r's shape at level lvl as orb geometry: rings
// collapsed by simplification left out. It allocates; drawing follows the
// rings' arcs instead.
func (m *Map) Geometry(r *Region, lvl int) orb.MultiPolygon {
	return topology.ShapeGeometry(m.levels[lvl], r.rings)
}

// StateByCode finds a state by its ISO 3166-2 code, or nil.
func (m *Map) StateByCode(code string) *Region {
	if r := m.byCode[code]; r != nil && r.Kind == State {
		return r
	}
	return nil
}

// MunicipalityByKey finds a municipality by INEGI's five-digit key, or nil.
func (m *Map) MunicipalityByKey(key string) *Region {
	if r := m.byCode[key]; r != nil && r.Kind == Municipality {
		return r
	}
	return nil
}

// StateByKey finds a state by INEGI's two-digit key, or nil.
func (m *Map) StateByKey(key string) *Region {
	for _, s := range m.States {
		if s.Key == key {
			return s
		}
	}
	return nil
}
