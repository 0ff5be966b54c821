package topology

import (
	"math"

	"github.com/paulmach/orb"
)

// Quantize is a copy of shapes with every coordinate rounded to a whole
// multiple of q, as Encode stores them. Build then drops what rounding
// makes redundant (repeated points, spikes) and joins boundaries that
// rounding made share their vertices; Repair mends what it made touch.
func Quantize(shapes []orb.MultiPolygon, q float64) []orb.MultiPolygon {
	out := make([]orb.MultiPolygon, len(shapes))
	for i, mp := range shapes {
		c := mp.Clone()
		for _, poly := range c {
			for _, r := range poly {
				for j, p := range r {
					r[j] = orb.Point{math.Round(p[0]/q) * q, math.Round(p[1]/q) * q}
				}
			}
		}
		out[i] = c
	}
	return out
}
