package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// Zoom limits, as metres per pixel: from about a whole continent on a laptop
// screen down to streets, well past where the 1:10m data runs out of detail.
const (
	MaxResolution = 20000.0
	MinResolution = 20.0
)

// Viewport maps projected metres to pixels and back for an image of a given
// pixel size. Pixel (0,0) is the top-left corner; y grows downwards.
// The zero value is not usable: build one with Fit or set all fields.
type Viewport struct {
	Proj   *LambertConic
	Center orb.Point // projected centre of the view, metres
	Res    float64   // metres per pixel
	Width  int       // pixels
	Height int       // pixels
}

// Fit returns the viewport of the given pixel size that shows the projected
// bound b whole, centred, with margin pixels left free on every side.
func Fit(proj *LambertConic, b orb.Bound, width, height int, margin float64) Viewport {
	w := math.Max(float64(width)-2*margin, 1)
	h := math.Max(float64(height)-2*margin, 1)
	res := math.Max((b.Max[0]-b.Min[0])/w, (b.Max[1]-b.Min[1])/h)
	return Viewport{Proj: proj, Center: b.Center(), Res: clampRes(res), Width: width, Height: height}
}

func clampRes(res float64) float64 {
	return math.Min(math.Max(res, MinResolution), MaxResolution)
}

// ToPixel turns a projected point into pixel coordinates.
func (v Viewport) ToPixel(p orb.Point) (x, y float64) {
	return (p[0]-v.Center[0])/v.Res + float64(v.Width)/2,
		float64(v.Height)/2 - (p[1]-v.Center[1])/v.Res
}

// FromPixel turns pixel coordinates into a projected point.
func (v Viewport) FromPixel(x, y float64) orb.Point {
	return orb.Point{
		v.Center[0] + (x-float64(v.Width)/2)*v.Res,
		v.Center[1] - (y-float64(v.Height)/2)*v.Res,
	}
}

// LonLatToPixel projects a lon/lat point (degrees) and turns it into pixels.
func (v Viewport) LonLatToPixel(ll orb.Point) (x, y float64) {
	return v.ToPixel(v.Proj.Forward(ll))
}

// PixelToLonLat turns pixel coordinates into lon/lat (degrees).
func (v Viewport) PixelToLonLat(x, y float64) orb.Point {
	return v.Proj.Inverse(v.FromPixel(x, y))
}

// Pan moves the view so that the content moves by (dx, dy) pixels, as when
// the map is dragged by that much.
func (v Viewport) Pan(dx, dy float64) Viewport {
	v.Center[0] -= dx * v.Res
	v.Center[1] += dy * v.Res
	return v
}

// ZoomAbout scales the view by factor (above 1 zooms in) keeping the point
// under pixel (x, y) where it is. The resolution stays within
// [MinResolution, MaxResolution].
func (v Viewport) ZoomAbout(x, y, factor float64) Viewport {
	anchor := v.FromPixel(x, y)
	v.Res = clampRes(v.Res / factor)
	// Put the anchor back under (x, y) at the new resolution.
	v.Center[0] = anchor[0] - (x-float64(v.Width)/2)*v.Res
	v.Center[1] = anchor[1] + (y-float64(v.Height)/2)*v.Res
	return v
}

// Resize changes the pixel size and keeps the centre and resolution.
func (v Viewport) Resize(width, height int) Viewport {
	v.Width, v.Height = width, height
	return v
}

// Bound is the projected area the viewport shows.
func (v Viewport) Bound() orb.Bound {
	return orb.Bound{Min: v.FromPixel(0, float64(v.Height)), Max: v.FromPixel(float64(v.Width), 0)}
}

// GroundResolution is the true ground distance, in metres, that one pixel
// spans at the centre of the view (the projection's scale corrected).
func (v Viewport) GroundResolution() float64 {
	lat := v.Proj.Inverse(v.Center)[1]
	return v.Res / v.Proj.ScaleFactor(lat)
}
