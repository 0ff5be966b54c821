package geo

import (
	"io/fs"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"sovmap/geo/topology"
)

// Location is where a point lies on the map.
type Location struct {
	// Municipality is the municipality the point lies in, or, at sea
	// within Mexico's territorial sea, the one whose coast is nearest;
	// nil outside Mexico.
	Municipality *Region
	State        *Region // the municipality's state
	// Offshore is set for a point at sea, within the territorial sea
	// off Municipality's coast.
	Offshore bool
	// Country is, outside Mexico, the neighbouring country the point
	// lies in or off whose coast it lies; nil at sea or beyond the map.
	Country *Region
}

// InMexico reports whether the point is in Mexico: on its land, or in its
// territorial sea.
func (l Location) InMexico() bool { return l.Municipality != nil }

// TerritorialSea is how far Mexico's territorial sea reaches from its
// coast, metres on the ground: 12 nautical miles (here from the coast's
// line itself, not from the straight baselines the law draws across bays,
// so it is a little narrower there).
const TerritorialSea = 12 * 1852.0

// Locate finds where the projected point p lies: the municipality and
// state (at the finest level of detail loaded), or off whose coast, or the
// neighbouring country. The first call builds an index of the arcs (tens
// of milliseconds); after it, a point takes about a microsecond. It is
// safe for concurrent use.
func (m *Map) Locate(p orb.Point) Location {
	m.locateOnce.Do(func() { m.locate = newLocator(m) })
	return m.locate.at(p)
}

// StateAt is the state that holds the projected point p, on its land or in
// its territorial sea, or nil.
func (m *Map) StateAt(p orb.Point) *Region { return m.Locate(p).State }

// locator finds the region of a point by casting a ray from it towards
// the east: the first arc the ray meets has the point's region on one of
// its sides (the left, if the arc runs north there). A grid of cells lists
// the edges that pass through each, so the ray only meets the edges of the
// cells it crosses.
type locator struct {
	m      *Map
	arcs   []orb.LineString
	bound  orb.Bound
	cell   float64
	nx, ny int
	from   []int32   // edges of cell c: edges[from[c]:from[c+1]]
	edges  []edgeRef // an edge is a segment of an arc
}

type edgeRef struct{ arc, seg int32 }

// locatorCell is the side of the locator's cells, metres: small enough
// that a cell of Oaxaca's small municipalities holds some hundreds of
// edges, large enough that a ray crosses the widest municipality in a few
// dozen cells.
const locatorCell = 4000.0

func newLocator(m *Map) *locator {
	ix := &locator{m: m, arcs: m.levels[0], cell: locatorCell, bound: m.extent}
	ix.nx = int(math.Ceil((ix.bound.Max[0]-ix.bound.Min[0])/ix.cell)) + 1
	ix.ny = int(math.Ceil((ix.bound.Max[1]-ix.bound.Min[1])/ix.cell)) + 1
	count := make([]int32, ix.nx*ix.ny+1)
	ix.eachEdgeCell(func(c int, _ edgeRef) { count[c+1]++ })
	for c := 1; c < len(count); c++ {
		count[c] += count[c-1]
	}
	ix.from = count
	ix.edges = make([]edgeRef, count[len(count)-1])
	next := append([]int32(nil), count[:len(count)-1]...)
	ix.eachEdgeCell(func(c int, e edgeRef) {
		ix.edges[next[c]] = e
		next[c]++
	})
	return ix
}

// eachEdgeCell calls f for every edge and every cell its box covers.
func (ix *locator) eachEdgeCell(f func(cell int, e edgeRef)) {
	for ai, a := range ix.arcs {
		if ix.m.class[ai] == CutEdge {
			continue
		}
		for s := 0; s+1 < len(a); s++ {
			p, q := a[s], a[s+1]
			x0, y0 := ix.cellOf(orb.Point{math.Min(p[0], q[0]), math.Min(p[1], q[1])})
			x1, y1 := ix.cellOf(orb.Point{math.Max(p[0], q[0]), math.Max(p[1], q[1])})
			for y := y0; y <= y1; y++ {
				for x := x0; x <= x1; x++ {
					f(y*ix.nx+x, edgeRef{int32(ai), int32(s)})
				}
			}
		}
	}
}

func (ix *locator) cellOf(p orb.Point) (int, int) {
	x := int(math.Floor((p[0] - ix.bound.Min[0]) / ix.cell))
	y := int(math.Floor((p[1] - ix.bound.Min[1]) / ix.cell))
	return min(max(x, 0), ix.nx-1), min(max(y, 0), ix.ny-1)
}

// region kinds a ray looks for.
const (
	wantMunicipality = iota
	wantCountry
)

func (ix *locator) at(p orb.Point) Location {
	if !ix.bound.Contains(p) { // beyond every region and its waters (NaN too)
		return Location{}
	}
	if r := ix.ray(p, wantMunicipality); r != nil {
		return Location{Municipality: r, State: r.State}
	}
	if r := ix.ray(p, wantCountry); r != nil {
		return Location{Country: r}
	}
	// At sea: Mexico's, if its coast is within the territorial sea and
	// no other country's coast is nearer.
	reach := TerritorialSea * ix.m.Proj.ScaleFactor(ix.m.Proj.Inverse(p)[1])
	mx, dm := ix.nearestCoast(p, reach, wantMunicipality)
	other, do := ix.nearestCoast(p, reach, wantCountry)
	switch {
	case mx != nil && (other == nil || dm <= do):
		return Location{Municipality: mx, State: mx.State, Offshore: true}
	case other != nil:
		return Location{Country: other}
	}
	return Location{}
}

// side is the region of the wanted kind on the given side of arc a (0
// left, 1 right), or -1.
func (ix *locator) side(a int32, side int, want int) int32 {
	r := ix.m.sides[a][side]
	if r < 0 {
		return -1
	}
	if k := ix.m.Regions[r].Kind; (want == wantMunicipality) != (k == Municipality) {
		return -1
	}
	return r
}

// ray casts a ray east from p and returns the region of the wanted kind
// that holds p, or nil.
func (ix *locator) ray(p orb.Point, want int) *Region {
	if !ix.bound.Contains(p) {
		return nil
	}
	cx, cy := ix.cellOf(p)
	y := p[1]
	best := math.Inf(1)
	found := int32(-1)
	for x := cx; x < ix.nx; x++ {
		c := cy*ix.nx + x
		for _, e := range ix.edges[ix.from[c]:ix.from[c+1]] {
			if ix.side(e.arc, 0, want) < 0 && ix.side(e.arc, 1, want) < 0 {
				continue
			}
			a, b := ix.arcs[e.arc][e.seg], ix.arcs[e.arc][e.seg+1]
			if (a[1] <= y) == (b[1] <= y) {
				continue
			}
			cross := a[0] + (y-a[1])*(b[0]-a[0])/(b[1]-a[1])
			if cross < p[0] || cross >= best {
				continue
			}
			best = cross
			if b[1] > a[1] { // running north: p is to its left
				found = ix.side(e.arc, 0, want)
			} else {
				found = ix.side(e.arc, 1, want)
			}
		}
		if best <= ix.bound.Min[0]+float64(x+1)*ix.cell {
			break // nothing in a cell further east can be nearer
		}
	}
	if found < 0 {
		return nil
	}
	return ix.m.Regions[found]
}

// nearestCoast is the region of the wanted kind whose coast (an arc with
// it on one side and the sea on the other) is nearest p within reach, and
// how far it is; nil if none is.
func (ix *locator) nearestCoast(p orb.Point, reach float64, want int) (*Region, float64) {
	x0, y0 := ix.cellOf(orb.Point{p[0] - reach, p[1] - reach})
	x1, y1 := ix.cellOf(orb.Point{p[0] + reach, p[1] + reach})
	best := reach
	found := int32(-1)
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			c := y*ix.nx + x
			for _, e := range ix.edges[ix.from[c]:ix.from[c+1]] {
				s := ix.m.sides[e.arc]
				var r int32
				switch {
				case s[1] < 0:
					r = ix.side(e.arc, 0, want)
				case s[0] < 0:
					r = ix.side(e.arc, 1, want)
				default:
					continue // a border between two regions, not a coast
				}
				if r < 0 {
					continue
				}
				a, b := ix.arcs[e.arc][e.seg], ix.arcs[e.arc][e.seg+1]
				if d := planar.DistanceFromSegment(a, b, p); d <= best {
					best, found = d, r
				}
			}
		}
	}
	if found < 0 {
		return nil, 0
	}
	return ix.m.Regions[found], best
}

// LocateOne finds where p lies as Locate does, without building Locate's
// index: it walks the arcs that pass p's latitude, which for one point or
// a few (a command line's) is much faster than building the index first.
func (m *Map) LocateOne(p orb.Point) Location {
	if !m.extent.Contains(p) { // beyond every region and its waters (NaN too)
		return Location{}
	}
	s := scan{m: m, arcs: m.levels[0]}
	b := m.bounds
	s.keep = func(i int) bool { return len(s.arcs[i]) > 1 && m.class[i] != CutEdge }
	if r := s.ray(p, wantMunicipality); r != nil {
		return Location{Municipality: r, State: r.State}
	}
	if r := s.ray(p, wantCountry); r != nil {
		return Location{Country: r}
	}
	lat := m.Proj.Inverse(p)[1]
	if math.IsNaN(lat) {
		return Location{}
	}
	reach := TerritorialSea * m.Proj.ScaleFactor(lat)
	near := orb.Bound{Min: p, Max: p}.Pad(reach)
	s.keep = func(i int) bool { return len(s.arcs[i]) > 1 && m.class[i] != CutEdge && b[i].Intersects(near) }
	mx, dm := s.nearestCoast(p, reach, wantMunicipality)
	other, do := s.nearestCoast(p, reach, wantCountry)
	switch {
	case mx != nil && (other == nil || dm <= do):
		return Location{Municipality: mx, State: mx.State, Offshore: true}
	case other != nil:
		return Location{Country: other}
	}
	return Location{}
}

// scan is LocateOne's walk over the arcs keep keeps.
type scan struct {
	m    *Map
	arcs []orb.LineString
	keep func(arc int) bool
	pad  float64 // how far the arcs may stray from the map's bounds of them
}

func (s *scan) side(a int32, side int, want int) int32 {
	return (&locator{m: s.m}).side(a, side, want)
}

func (s *scan) ray(p orb.Point, want int) *Region {
	if found, _ := s.crossing(p, math.Inf(1), want); found >= 0 {
		return s.m.Regions[found]
	}
	return nil
}

// crossing casts a ray east from p, to x = limit, over the arcs s keeps
// that have a region of the wanted kind on a side: the region of that
// kind facing p across the first it crosses (-1 where the side facing p
// is none of that kind); crossed is false where it crosses none.
func (s *scan) crossing(p orb.Point, limit float64, want int) (found int32, crossed bool) {
	y := p[1]
	best := limit
	found = -1
	for ai, a := range s.arcs {
		b := s.m.bounds[ai].Pad(s.pad)
		if y < b.Min[1] || y > b.Max[1] || b.Max[0] < p[0] || !s.keep(ai) {
			continue
		}
		if s.side(int32(ai), 0, want) < 0 && s.side(int32(ai), 1, want) < 0 {
			continue
		}
		for k := 0; k+1 < len(a); k++ {
			q, r := a[k], a[k+1]
			if (q[1] <= y) == (r[1] <= y) {
				continue
			}
			cross := q[0] + (y-q[1])*(r[0]-q[0])/(r[1]-q[1])
			if cross < p[0] || cross >= best {
				continue
			}
			best, crossed = cross, true
			if r[1] > q[1] {
				found = s.side(int32(ai), 0, want)
			} else {
				found = s.side(int32(ai), 1, want)
			}
		}
	}
	return found, crossed
}

func (s *scan) nearestCoast(p orb.Point, reach float64, want int) (*Region, float64) {
	best := reach
	found := int32(-1)
	for ai, a := range s.arcs {
		if !s.keep(ai) {
			continue
		}
		sd := s.m.sides[ai]
		var r int32
		switch {
		case sd[1] < 0:
			r = s.side(int32(ai), 0, want)
		case sd[0] < 0:
			r = s.side(int32(ai), 1, want)
		default:
			continue
		}
		if r < 0 {
			continue
		}
		for k := 0; k+1 < len(a); k++ {
			if d := planar.DistanceFromSegment(a[k], a[k+1], p); d <= best {
				best, found = d, r
			}
		}
	}
	if found < 0 {
		return nil, 0
	}
	return s.m.Regions[found], best
}

// locateLevel is the level of detail LocateIn tries first: its lines lie
// within 320 m of INEGI's, and it and the coarser levels are an eighth of
// the map's data to read.
const locateLevel = 6

// LocateIn finds where p (projected) lies as the whole map's LocateOne
// does, reading no more of the map in fsys than it takes: a point inside
// a municipality and farther from every boundary than the coarse level's
// lines may lie from INEGI's is answered from the coarse levels alone
// (the boundaries lie within that tolerance of these lines, so the point
// is on the same side of each); one nearer a boundary, or at sea near
// enough to a coast for the coarse lines to leave it in doubt, from the
// finest lines of the few arcs near it (see locateCoarse); only where
// these fail, from the whole map. It returns the map whose regions it
// answers with.
func LocateIn(fsys fs.FS, p orb.Point) (Location, *Map, error) {
	// A map of fewer levels has no coarse ones to try (LoadMap refuses).
	if m, err := LoadMap(fsys, locateLevel); err == nil {
		if loc, ok := m.locateCoarse(p, func(lvl int) ([]byte, error) { return readLevel(fsys, lvl) }); ok {
			return loc, m, nil
		}
	}
	m, err := LoadMap(fsys, 0)
	if err != nil {
		return Location{}, nil, err
	}
	return m.LocateOne(p), m, nil
}

// locateCoarse places p with coarse map m (levels from locateLevel) as
// the whole map's LocateOne would, where it can be sure to: farther than
// the coarse lines may lie from the finest (margin) from every line, p is
// on the same side of each, so in the same municipality or country; at
// sea, the nearest coast must be nearer than the territorial sea's reach
// and the next coast of another region farther, each by twice that, or
// every coast beyond the reach by as much; nearer a boundary it reads the
// finest lines of the arcs near p (locateNearBoundary, with the level
// files level gives). ok is false where none of these holds.
func (m *Map) locateCoarse(p orb.Point, level func(lvl int) ([]byte, error)) (loc Location, ok bool) {
	// The coarse lines' distance from INEGI's, and the finest level's own
	// (they may stand apart by both), with a metre's rounding.
	margin := m.Tolerances[0] + 2 + 1
	if !m.extent.Contains(p) {
		return Location{}, true // beyond every region and its waters at any level
	}
	if m.nearArc(p, margin) {
		return m.locateNearBoundary(p, margin, level)
	}
	s := scan{m: m, arcs: m.levels[0]}
	s.keep = func(i int) bool { return len(s.arcs[i]) > 1 && m.class[i] != CutEdge }
	if r := s.ray(p, wantMunicipality); r != nil {
		return Location{Municipality: r, State: r.State}, true
	}
	if r := s.ray(p, wantCountry); r != nil {
		return Location{Country: r}, true
	}
	lat := m.Proj.Inverse(p)[1]
	if math.IsNaN(lat) {
		return Location{}, false
	}
	// At sea: the coasts within reach, and a margin, nearest first by
	// region.
	reach := TerritorialSea * m.Proj.ScaleFactor(lat)
	near := orb.Bound{Min: p, Max: p}.Pad(reach + margin)
	best := map[int32]float64{}
	for i, a := range s.arcs {
		if !s.keep(i) || !m.coast(i) || !m.bounds[i].Intersects(near) {
			continue
		}
		r := max(m.sides[i][0], m.sides[i][1])
		for k := 0; k+1 < len(a); k++ {
			if d := planar.DistanceFromSegment(a[k], a[k+1], p); d <= reach+margin {
				if b, seen := best[r]; !seen || d < b {
					best[r] = d
				}
			}
		}
	}
	first, second := int32(-1), math.Inf(1)
	for r, d := range best {
		switch {
		case first < 0 || d < best[first] || d == best[first] && r < first:
			if first >= 0 {
				second = min(second, best[first])
			}
			first = r
		default:
			second = min(second, d)
		}
	}
	switch {
	case first < 0:
		return Location{}, true // no coast within reach, whichever lines
	case best[first]+margin >= reach || second-best[first] <= 2*margin:
		// Too near the sea's edge, or two coasts too near alike: measured
		// on their finest lines.
		arcs, ok := m.finestOf(level, func(i int) bool { return m.coast(i) && m.bounds[i].Intersects(near) })
		if !ok {
			return Location{}, false
		}
		return m.offshore(p, reach, arcs), true
	}
	if r := m.Regions[first]; r.Kind == Municipality {
		return Location{Municipality: r, State: r.State, Offshore: true}, true
	} else {
		return Location{Country: r}, true
	}
}

// locateNearBoundary places p, a point of coarse map m (levels from
// locateLevel) within margin of a line, as the whole map's LocateOne
// does, from the finest lines of only the arcs near it. It looks east of
// p for a point q farther than margin from every line (so on the same
// side of each at every level, and m's rays from it are the whole map's),
// reads the finest lines of the arcs whose coarse lines pass within
// margin of the way from p to q (the only ones whose finest lines can
// cross it) and of the coasts within the territorial sea's reach, and
// casts LocateOne's rays east from p: the first of those lines crossed
// before q decides; crossing none, the ray goes on from q as m's does. At
// sea, the nearest coast is measured on its finest lines. ok is false
// where no such q lies near.
func (m *Map) locateNearBoundary(p orb.Point, margin float64, level func(lvl int) ([]byte, error)) (loc Location, ok bool) {
	var q orb.Point
	for d := 2 * margin; d <= 64*margin && !ok; d *= 2 {
		q = orb.Point{p[0] + d, p[1]}
		ok = !m.nearArc(q, margin)
	}
	lat := m.Proj.Inverse(p)[1]
	if !ok || math.IsNaN(lat) {
		return Location{}, false
	}
	way := orb.Bound{Min: p, Max: q}.Pad(margin)
	sea := TerritorialSea * m.Proj.ScaleFactor(lat)
	near := orb.Bound{Min: p, Max: p}.Pad(sea + margin)
	arcs, ok := m.finestOf(level, func(i int) bool {
		return m.bounds[i].Intersects(way) || m.coast(i) && m.bounds[i].Intersects(near)
	})
	if !ok {
		return Location{}, false
	}
	coarse := scan{m: m, arcs: m.levels[0]}
	coarse.keep = func(i int) bool { return len(coarse.arcs[i]) > 1 && m.class[i] != CutEdge }
	// LocateOne's rays from p to q over the finest lines near it (their
	// bounds, the coarse lines', padded by the margin), then on from q.
	fine := scan{m: m, arcs: arcs, pad: margin}
	fine.keep = func(i int) bool { return arcs[i] != nil }
	ray := func(want int) *Region {
		found, crossed := fine.crossing(p, q[0], want)
		switch {
		case !crossed:
			return coarse.ray(q, want)
		case found < 0:
			return nil
		}
		return m.Regions[found]
	}
	if r := ray(wantMunicipality); r != nil {
		return Location{Municipality: r, State: r.State}, true
	}
	if r := ray(wantCountry); r != nil {
		return Location{Country: r}, true
	}
	return m.offshore(p, sea, arcs), true
}

// finestOf is the finest lines of coarse map m's arcs (m loaded from
// locateLevel) that pick picks
// (nil for the others, and for arcs cut or merged away), read with the
// level files level gives; ok is false where one cannot be read.
func (m *Map) finestOf(level func(lvl int) ([]byte, error), pick func(arc int) bool) (arcs []orb.LineString, ok bool) {
	coarse := m.levels[0]
	want := make([]bool, len(coarse))
	arcs = make([]orb.LineString, len(coarse))
	sizes := make([]int32, len(coarse))
	for i, a := range coarse {
		sizes[i] = int32(len(a))
		if len(a) > 1 && m.class[i] != CutEdge && pick(i) {
			want[i], arcs[i] = true, a
		}
	}
	for lvl := locateLevel - 1; lvl >= 0; lvl-- { // m's finest is locateLevel
		raw, err := level(lvl)
		if err != nil {
			return nil, false
		}
		if arcs, sizes, err = topology.RefineSome(raw, arcs, sizes, want); err != nil {
			return nil, false
		}
	}
	return arcs, true
}

// offshore places p, at sea, as LocateOne does: the nearest coast within
// the territorial sea's reach (sea, metres), a municipality's before a
// country's where they are as near, measured on arcs, the finest lines of
// (at least) every coast whose coarse lines come within that reach and
// the margin of the coarse lines (nil for other arcs).
func (m *Map) offshore(p orb.Point, sea float64, arcs []orb.LineString) Location {
	ix := &locator{m: m}
	// nearestCoast's walk, on these lines.
	nearest := func(want int) (int32, float64) {
		best, found := sea, int32(-1)
		for i, a := range arcs {
			if a == nil || !m.coast(i) || ix.side(int32(i), 0, want) < 0 && ix.side(int32(i), 1, want) < 0 {
				continue
			}
			for k := 0; k+1 < len(a); k++ {
				if d := planar.DistanceFromSegment(a[k], a[k+1], p); d <= best {
					best, found = d, max(m.sides[i][0], m.sides[i][1])
				}
			}
		}
		return found, best
	}
	mx, dm := nearest(wantMunicipality)
	other, do := nearest(wantCountry)
	switch {
	case mx >= 0 && (other < 0 || dm <= do):
		r := m.Regions[mx]
		return Location{Municipality: r, State: r.State, Offshore: true}
	case other >= 0:
		return Location{Country: m.Regions[other]}
	}
	return Location{}
}

// coast reports whether arc i has a region on one side only: a coast, or
// where a country was cut to the area around Mexico.
func (m *Map) coast(i int) bool { return (m.sides[i][0] >= 0) != (m.sides[i][1] >= 0) }

// nearArc reports whether an arc of the finest level loaded passes within
// d metres of p.
func (m *Map) nearArc(p orb.Point, d float64) bool {
	near := orb.Bound{Min: p, Max: p}.Pad(d)
	for i, a := range m.levels[0] {
		if len(a) < 2 || !m.bounds[i].Intersects(near) {
			continue
		}
		for j := 1; j < len(a); j++ {
			if planar.DistanceFromSegment(a[j-1], a[j], p) <= d {
				return true
			}
		}
	}
	return false
}
