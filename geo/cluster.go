package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// Clusterer merges markers that would overlap on screen into one marker
// each. It keeps its buffers between frames, so clustering allocates
// nothing once warm. It is not safe for concurrent use.
type Clusterer struct {
	cells map[[2]int]int // grid cell → index in the output of the cluster there
	sums  []orb.Point    // per output marker: sum of its members' positions
}

// Cluster returns the markers as they should be drawn at vp: a marker
// within radius pixels of an earlier one joins it, and a marker of several
// places has Places above 1, Count the sum of their incidents, no label, and
// sits at their mean position. The marker whose ID is keep is never merged
// (the selection stays itself). Markers well outside the view are left out.
// The result reuses out.
func (c *Clusterer) Cluster(vp Viewport, markers []Marker, radius float64, keep string, out []Marker) []Marker {
	if c.cells == nil {
		c.cells = map[[2]int]int{}
	}
	clear(c.cells)
	c.sums = c.sums[:0]
	out = out[:0]
	margin := 2 * radius
	for _, m := range markers {
		x, y := vp.ToPixel(m.At)
		if x < -margin || y < -margin || x > float64(vp.Width)+margin || y > float64(vp.Height)+margin {
			continue
		}
		if m.ID == keep {
			out = append(out, m)
			c.sums = append(c.sums, m.At)
			continue
		}
		cell := [2]int{int(math.Floor(x / radius)), int(math.Floor(y / radius))}
		joined := false
		for dx := -1; dx <= 1 && !joined; dx++ {
			for dy := -1; dy <= 1 && !joined; dy++ {
				i, ok := c.cells[[2]int{cell[0] + dx, cell[1] + dy}]
				if !ok {
					continue
				}
				cx, cy := vp.ToPixel(out[i].At)
				if math.Hypot(cx-x, cy-y) > radius {
					continue
				}
				o := &out[i]
				n := float64(max(o.Places, 1))
				c.sums[i] = orb.Point{c.sums[i][0] + m.At[0], c.sums[i][1] + m.At[1]}
				o.Places = int(n) + 1
				o.Count += max(m.Count, 1)
				o.At = orb.Point{c.sums[i][0] / (n + 1), c.sums[i][1] / (n + 1)}
				o.Label = ""
				joined = true
			}
		}
		if !joined {
			c.cells[cell] = len(out)
			m.Places = 1
			out = append(out, m)
			c.sums = append(c.sums, m.At)
		}
	}
	return out
}
