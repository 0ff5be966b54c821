package geo

import "math"

// MarkerAt is the index of the marker nearest to pixel (x, y) within radius
// pixels, or -1. Markers drawn later win ties, as they are drawn on top.
func MarkerAt(vp Viewport, markers []Marker, x, y, radius float64) int {
	best, bestD := -1, math.Inf(1)
	for i, m := range markers {
		mx, my := vp.ToPixel(m.At)
		if d := math.Hypot(mx-x, my-y); d <= radius && d <= bestD {
			best, bestD = i, d
		}
	}
	return best
}

// StateAtPixel is the state under pixel (x, y), or nil.
func (m *Map) StateAtPixel(vp Viewport, x, y float64) *Region {
	return m.StateAt(vp.FromPixel(x, y))
}
