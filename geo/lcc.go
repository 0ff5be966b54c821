package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// LambertConic is an ellipsoidal Lambert conformal conic projection with two
// standard parallels (EPSG method 9802), in metres.
type LambertConic struct {
	a, e         float64 // ellipsoid semi-major axis and eccentricity
	lon0         float64 // central meridian, radians
	n, f, rho0   float64 // cone constant, mapping constant, radius at the origin
	falseEasting float64
	falseNorth   float64
}

// MexicoLCC is INEGI's Lambert conformal conic for Mexico (EPSG:6372, on the
// GRS 1980 ellipsoid): standard parallels 17.5°N and 29.5°N, origin 12°N 102°W,
// false easting 2,500,000 m.
var MexicoLCC = NewLambertConic(6378137, 1/298.257222101, 17.5, 29.5, 12, -102, 2500000, 0)

// NewLambertConic builds the projection from the ellipsoid (semi-major axis in
// metres and flattening), the two standard parallels, the latitude and
// longitude of the origin (degrees) and the false easting and northing (metres).
func NewLambertConic(a, flattening, lat1, lat2, lat0, lon0, falseEasting, falseNorthing float64) *LambertConic {
	e := math.Sqrt(flattening * (2 - flattening))
	p := &LambertConic{a: a, e: e, lon0: rad(lon0), falseEasting: falseEasting, falseNorth: falseNorthing}
	phi1, phi2 := rad(lat1), rad(lat2)
	m1, m2 := p.m(phi1), p.m(phi2)
	t1, t2 := p.t(phi1), p.t(phi2)
	if lat1 == lat2 {
		p.n = math.Sin(phi1)
	} else {
		p.n = (math.Log(m1) - math.Log(m2)) / (math.Log(t1) - math.Log(t2))
	}
	p.f = m1 / (p.n * math.Pow(t1, p.n))
	p.rho0 = p.rho(rad(lat0))
	return p
}

func rad(deg float64) float64 { return deg * math.Pi / 180 }
func deg(rad float64) float64 { return rad * 180 / math.Pi }

func (p *LambertConic) m(phi float64) float64 {
	s := math.Sin(phi)
	return math.Cos(phi) / math.Sqrt(1-p.e*p.e*s*s)
}

func (p *LambertConic) t(phi float64) float64 {
	s := math.Sin(phi)
	return math.Tan(math.Pi/4-phi/2) / math.Pow((1-p.e*s)/(1+p.e*s), p.e/2)
}

func (p *LambertConic) rho(phi float64) float64 {
	return p.a * p.f * math.Pow(p.t(phi), p.n)
}

// Forward projects a lon/lat point (degrees) to easting/northing in metres.
func (p *LambertConic) Forward(ll orb.Point) orb.Point {
	r := p.rho(rad(ll[1]))
	theta := p.n * (rad(ll[0]) - p.lon0)
	return orb.Point{
		p.falseEasting + r*math.Sin(theta),
		p.falseNorth + p.rho0 - r*math.Cos(theta),
	}
}

// Inverse takes easting/northing in metres back to lon/lat in degrees.
func (p *LambertConic) Inverse(xy orb.Point) orb.Point {
	x := xy[0] - p.falseEasting
	y := p.rho0 - (xy[1] - p.falseNorth)
	sign := 1.0
	if p.n < 0 {
		sign = -1
	}
	r := sign * math.Hypot(x, y)
	theta := math.Atan2(sign*x, sign*y)
	t := math.Pow(r/(p.a*p.f), 1/p.n)
	phi := math.Pi/2 - 2*math.Atan(t)
	for i := 0; i < 15; i++ {
		s := math.Sin(phi)
		next := math.Pi/2 - 2*math.Atan(t*math.Pow((1-p.e*s)/(1+p.e*s), p.e/2))
		done := math.Abs(next-phi) < 1e-14
		phi = next
		if done {
			break
		}
	}
	return orb.Point{deg(theta/p.n + p.lon0), deg(phi)}
}

// ScaleFactor is the projection's point scale at latitude lat (degrees): the
// map distance for one metre on the ground, along any direction (it is
// conformal). It is exactly 1 on the standard parallels.
func (p *LambertConic) ScaleFactor(lat float64) float64 {
	phi := rad(lat)
	return p.rho(phi) * p.n / (p.a * p.m(phi))
}
