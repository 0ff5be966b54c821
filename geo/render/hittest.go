package render

import (
	"math"

	"sovmap/geo"
)

// MarkerAt is the index of the marker nearest to pixel (x, y) within radius
// pixels, or -1. Markers drawn later win ties, as they are drawn on top.
func MarkerAt(vp geo.Viewport, markers []Marker, x, y, radius float64) int {
	best, bestD := -1, math.Inf(1)
	for i, m := range markers {
		mx, my := vp.ToPixel(m.At)
		if d := math.Hypot(mx-x, my-y); d <= radius && d <= bestD {
			best, bestD = i, d
		}
	}
	return best
}
