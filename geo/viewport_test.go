package geo_test

import (
	"io/fs"
	"math"
	"testing"

	"github.com/paulmach/orb"

	"sovmap/geo"
	"sovmap/geo/geotest"
)

type emptyFS struct{}

func (emptyFS) Open(string) (fs.File, error) { return nil, fs.ErrNotExist }

func TestViewportRoundTrip(t *testing.T) {
	m := geotest.Map(t)
	for _, size := range [][2]int{{1280, 800}, {1920, 1080}, {3840, 2160}, {333, 777}} {
		vp := geotest.WholeCountry(m, size[0], size[1])
		for _, p := range geotest.Places {
			x, y := vp.LonLatToPixel(p.LonLat)
			back := vp.PixelToLonLat(x, y)
			if d := math.Max(math.Abs(back[0]-p.LonLat[0]), math.Abs(back[1]-p.LonLat[1])); d > 1e-9 {
				t.Errorf("%dx%d %s: round trip off by %g degrees", size[0], size[1], p.ID, d)
			}
		}
	}
}

func TestFitShowsAllOfMexico(t *testing.T) {
	m := geotest.Map(t)
	vp := geotest.WholeCountry(m, 1280, 800)
	for _, corner := range []orb.Point{m.Bound.Min, m.Bound.Max} {
		x, y := vp.ToPixel(corner)
		if x < 23.9 || y < 23.9 || x > 1280-23.9 || y > 800-23.9 {
			t.Errorf("corner %v at pixel (%.1f, %.1f) is outside the margin", corner, x, y)
		}
	}
}

func TestZoomAboutKeepsPointFixed(t *testing.T) {
	m := geotest.Map(t)
	vp := geotest.WholeCountry(m, 1280, 800)
	tests := []struct {
		x, y, factor float64
	}{
		{640, 400, 2}, {100, 700, 1.5}, {1279, 0, 0.5}, {300, 200, 1e6}, {300, 200, 1e-6},
	}
	for _, tt := range tests {
		before := vp.FromPixel(tt.x, tt.y)
		z := vp.ZoomAbout(tt.x, tt.y, tt.factor)
		after := z.FromPixel(tt.x, tt.y)
		if d := math.Hypot(before[0]-after[0], before[1]-after[1]); d > 1e-6 {
			t.Errorf("zoom %v about (%v,%v) moved the point by %v m", tt.factor, tt.x, tt.y, d)
		}
		if z.Res < geo.MinResolution || z.Res > geo.MaxResolution {
			t.Errorf("zoom %v gave resolution %v outside the limits", tt.factor, z.Res)
		}
	}
}

func TestPanMovesContent(t *testing.T) {
	m := geotest.Map(t)
	vp := geotest.WholeCountry(m, 800, 600)
	p := m.Proj.Forward(geotest.Places[0].LonLat)
	x0, y0 := vp.ToPixel(p)
	x1, y1 := vp.Pan(30, -20).ToPixel(p)
	if math.Abs(x1-x0-30) > 1e-9 || math.Abs(y1-y0+20) > 1e-9 {
		t.Errorf("pan by (30,-20) moved a point by (%v,%v)", x1-x0, y1-y0)
	}
}

func TestHitTestStateAtPlacePixels(t *testing.T) {
	m := geotest.Map(t)
	vp := geotest.WholeCountry(m, 1920, 1080)
	for _, p := range geotest.Places {
		x, y := vp.LonLatToPixel(p.LonLat)
		if s := m.StateAtPixel(vp, x, y); s == nil || s.Code != p.State {
			t.Errorf("state at %s's pixel = %v, want %s", p.ID, s, p.State)
		}
	}
	// The Gulf of Mexico is no state.
	x, y := vp.LonLatToPixel(orb.Point{-93, 24})
	if s := m.StateAtPixel(vp, x, y); s != nil {
		t.Errorf("the Gulf of Mexico hit %s", s.Code)
	}
}

func TestScaleBar(t *testing.T) {
	m := geotest.Map(t)
	vp := geotest.WholeCountry(m, 1280, 800)
	bar := geo.NewScaleBar(vp, 140)
	if bar.Pixels > 140 || bar.Pixels < 140/5 {
		t.Errorf("bar spans %v px, want between 28 and 140", bar.Pixels)
	}
	// A ground distance along the parallel through the centre checks the bar.
	c := m.Proj.Inverse(vp.Center)
	east := m.Proj.Forward(orb.Point{c[0] + 1, c[1]})
	west := m.Proj.Forward(orb.Point{c[0] - 1, c[1]})
	km := 2 * 111.32 * math.Cos(c[1]*math.Pi/180) // two degrees of longitude, km
	kmPerPixel := km / (math.Hypot(east[0]-west[0], east[1]-west[1]) / vp.Res)
	want := bar.Pixels * kmPerPixel * 1000
	if math.Abs(want-bar.Metres)/bar.Metres > 0.01 {
		t.Errorf("bar says %v m, ground distance is %v m", bar.Metres, want)
	}
}
