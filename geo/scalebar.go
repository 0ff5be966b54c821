package geo

import (
	"math"
	"strconv"
	"sync"

	"github.com/paulmach/orb"
)

// ScaleBar is a scale bar that fits in maxPixels: a round ground length and
// the pixels it spans at the centre of the view.
type ScaleBar struct {
	Metres float64
	Pixels float64
	Text   string // "200 km", "500 m"
}

// NewScaleBar picks the longest 1, 2 or 5 times a power of ten that spans
// at most maxPixels at the view's centre, using the true ground distance
// (the projection's scale factor at that latitude corrected for).
func NewScaleBar(vp Viewport, maxPixels float64) ScaleBar {
	ground := vp.GroundResolution()
	limit := maxPixels * ground
	p := math.Pow(10, math.Floor(math.Log10(limit)))
	length := p
	for _, m := range [...]float64{5, 2, 1} {
		if m*p <= limit {
			length = m * p
			break
		}
	}
	return ScaleBar{Metres: length, Pixels: length / ground, Text: distanceText(length)}
}

// distanceTexts keeps the few distinct scale bar labels, so a frame
// formats none.
var distanceTexts sync.Map // float64 → string

func distanceText(metres float64) string {
	if s, ok := distanceTexts.Load(metres); ok {
		return s.(string)
	}
	text := strconv.FormatFloat(metres, 'f', -1, 64) + " m"
	if metres >= 1000 {
		text = strconv.FormatFloat(metres/1000, 'f', -1, 64) + " km"
	}
	distanceTexts.Store(metres, text)
	return text
}

// NorthAngle is the direction of true north at the view's centre, in
// radians clockwise from straight up. A conic projection's meridians
// converge, so north is straight up only on the central meridian.
func NorthAngle(vp Viewport) float64 {
	c := vp.Proj.Inverse(vp.Center)
	north := vp.Proj.Forward(orb.Point{c[0], math.Min(c[1]+0.1, 89.9)})
	return math.Atan2(north[0]-vp.Center[0], north[1]-vp.Center[1])
}
