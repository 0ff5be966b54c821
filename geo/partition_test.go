package geo_test

import (
	"math"
	"slices"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"sovmap/geo"
	"sovmap/geo/geotest"
)

// coverage scans a level of the map along horizontal lines and measures
// how much length is covered by no municipality while inside a state (a
// gap), by two or more municipalities (an overlap), or by a municipality
// of another state than the one there (a state and its municipalities
// disagree). Each region's rings are taken even-odd, as the renderer and
// the point location take them.
type coverage struct {
	gap, overlap, mismatch, inside float64
}

// crossing is where a line meets a region's ring.
type crossing struct {
	x      float64
	region int32
}

func scanLevel(m *geo.Map, lvl int, rows int) coverage {
	arcs := m.Arcs(lvl)
	b := m.Bound
	step := (b.Max[1] - b.Min[1]) / float64(rows)
	// The crossings of each line, of the municipalities' rings and of
	// the states'.
	munis := make([][]crossing, rows)
	states := make([][]crossing, rows)
	add := func(lines [][]crossing, region int32, r *geo.Region) {
		for _, poly := range r.Rings() {
			for _, ring := range poly {
				var pts orb.Ring
				pts = ringPoints(pts, arcs, ring)
				for i := 0; i+1 < len(pts); i++ {
					p, q := pts[i], pts[i+1]
					lo, hi := math.Min(p[1], q[1]), math.Max(p[1], q[1])
					// The lines are at the middle of each step, so that
					// none runs through a vertex on the 1 m grid.
					first := int(math.Ceil((lo-b.Min[1])/step - 0.5))
					for k := max(first, 0); k < rows; k++ {
						y := b.Min[1] + (float64(k)+0.5)*step
						if y >= hi {
							break
						}
						if y < lo {
							continue
						}
						x := p[0] + (y-p[1])*(q[0]-p[0])/(q[1]-p[1])
						lines[k] = append(lines[k], crossing{x, region})
					}
				}
			}
		}
	}
	stateIndex := map[*geo.Region]int32{}
	for i, s := range m.States {
		stateIndex[s] = int32(i)
		add(states, int32(i), s)
	}
	muniState := make([]int32, len(m.Municipalities))
	for i, mu := range m.Municipalities {
		muniState[i] = stateIndex[mu.State]
		add(munis, int32(i), mu)
	}
	var c coverage
	for k := range rows {
		c.add(munis[k], states[k], muniState, len(m.Municipalities), len(m.States))
	}
	c.gap *= step
	c.overlap *= step
	c.mismatch *= step
	c.inside *= step
	return c
}

// add sweeps one line: between consecutive crossings, how many
// municipalities and states are inside.
func (c *coverage) add(munis, states []crossing, muniState []int32, nm, ns int) {
	type event struct {
		x     float64
		muni  bool
		index int32
	}
	var ev []event
	for _, x := range munis {
		ev = append(ev, event{x.x, true, x.region})
	}
	for _, x := range states {
		ev = append(ev, event{x.x, false, x.region})
	}
	slices.SortFunc(ev, func(a, b event) int {
		switch {
		case a.x < b.x:
			return -1
		case a.x > b.x:
			return 1
		}
		return 0
	})
	inM := make([]bool, nm)
	inS := make([]bool, ns)
	nM, nS := 0, 0
	var lastM, lastS int32 = -1, -1
	for i, e := range ev {
		if e.muni {
			inM[e.index] = !inM[e.index]
			if inM[e.index] {
				nM++
				lastM = e.index
			} else {
				nM--
			}
		} else {
			inS[e.index] = !inS[e.index]
			if inS[e.index] {
				nS++
				lastS = e.index
			} else {
				nS--
			}
		}
		if i+1 == len(ev) {
			break
		}
		w := ev[i+1].x - e.x
		if w <= 0 {
			continue
		}
		switch {
		case nM >= 2 || nS >= 2:
			c.overlap += w

		case nM == 0 && nS == 1, nM == 1 && nS == 0:
			c.gap += w

		case nM == 1 && nS == 1:
			c.inside += w
			// Which municipality and state: the last to come in is the
			// only one in.
			m := lastM
			if !inM[m] {
				for j, in := range inM {
					if in {
						m = int32(j)
						break
					}
				}
			}
			s := lastS
			if !inS[s] {
				for j, in := range inS {
					if in {
						s = int32(j)
						break
					}
				}
			}
			if muniState[m] != s {
				c.mismatch += w
			}
		}
	}
}

// ringPoints appends the points of a ring of arcs (as topology.RingPoints).
func ringPoints(dst orb.Ring, arcs []orb.LineString, ring []int32) orb.Ring {
	for _, ref := range ring {
		i, back := int(ref), false
		if ref < 0 {
			i, back = int(^ref), true
		}
		a := arcs[i]
		for j := range a {
			p := a[j]
			if back {
				p = a[len(a)-1-j]
			}
			if len(dst) == 0 || dst[len(dst)-1] != p {
				dst = append(dst, p)
			}
		}
	}
	if len(dst) > 0 && dst[0] != dst[len(dst)-1] {
		dst = append(dst, dst[0])
	}
	return dst
}

// No two municipalities overlap and no gap opens between them, and the
// states are their municipalities, at every level of detail: measured
// along 2,000 lines across the country, the lengths covered twice, not
// at all, or by the wrong state, are nil to a millionth.
func TestMunicipalitiesPartitionTheStates(t *testing.T) {
	if testing.Short() {
		t.Skip("scans every level")
	}
	m := geotest.Map(t)
	for lvl := range m.Tolerances {
		c := scanLevel(m, lvl, 2000)
		bad := (c.gap + c.overlap + c.mismatch) / c.inside
		t.Logf("level %d (%g m): %.0f km² scanned; gaps %.0f m², overlaps %.0f m², wrong state %.0f m²",
			lvl, m.Tolerances[lvl], c.inside/1e6, c.gap, c.overlap, c.mismatch)
		if bad > 1e-6 {
			t.Errorf("level %d (%g m): gaps %.0f m², overlaps %.0f m², wrong state %.0f m², of %.0f km²",
				lvl, m.Tolerances[lvl], c.gap, c.overlap, c.mismatch, c.inside/1e6)
		}
	}
}

// Each state's area is the sum of its municipalities' areas, within 0.1%,
// at every level (a ring that simplification turned inside out, or lost,
// would change one and not the other).
func TestStateAreasAreTheirMunicipalities(t *testing.T) {
	m := geotest.Map(t)
	for lvl := range m.Tolerances {
		sum := map[*geo.Region]float64{}
		for _, mu := range m.Municipalities {
			sum[mu.State] += planar.Area(m.Geometry(mu, lvl))
		}
		for _, s := range m.States {
			area := planar.Area(m.Geometry(s, lvl))
			if math.Abs(sum[s]-area) > 1e-3*area {
				t.Errorf("level %d: %s is %.1f km², its municipalities %.1f km²", lvl, s.Name, area/1e6, sum[s]/1e6)
			}
		}
	}
}
