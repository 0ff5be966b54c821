package geo

// StateAtPixel is the state under pixel (x, y), or nil.
func (m *Map) StateAtPixel(vp Viewport, x, y float64) *Region {
	return m.StateAt(vp.FromPixel(x, y))
}
