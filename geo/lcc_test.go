package geo_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/paulmach/orb"

	"sovmap/geo"
)

// Reference values from PROJ 9.1.1: cs2cs EPSG:4326 EPSG:6372.
func TestMexicoLCCMatchesPROJ(t *testing.T) {
	tests := []struct {
		lonlat, want orb.Point
	}{
		{orb.Point{-99.2669, 19.0281}, orb.Point{2787017.1931, 784135.5714}},
		{orb.Point{-103.8486, 20.6847}, orb.Point{2308218.1677, 965406.8299}},
		{orb.Point{-117.1, 32.5}, orb.Point{1073581.4127, 2345550.1528}},
		{orb.Point{-86.8, 21.1}, orb.Point{4069164.8762, 1093179.2502}},
	}
	for _, tt := range tests {
		got := geo.MexicoLCC.Forward(tt.lonlat)
		if math.Abs(got[0]-tt.want[0]) > 1e-3 || math.Abs(got[1]-tt.want[1]) > 1e-3 {
			t.Errorf("Forward(%v) = %.4f, want %.4f", tt.lonlat, got, tt.want)
		}
		back := geo.MexicoLCC.Inverse(got)
		if math.Abs(back[0]-tt.lonlat[0]) > 1e-10 || math.Abs(back[1]-tt.lonlat[1]) > 1e-10 {
			t.Errorf("Inverse(Forward(%v)) = %v", tt.lonlat, back)
		}
	}
}

func TestScaleFactorIsOneOnStandardParallels(t *testing.T) {
	for _, lat := range []float64{17.5, 29.5} {
		if k := geo.MexicoLCC.ScaleFactor(lat); math.Abs(k-1) > 1e-12 {
			t.Errorf("scale factor at %v = %v, want 1", lat, k)
		}
	}
	if k := geo.MexicoLCC.ScaleFactor(23.5); k >= 1 {
		t.Errorf("scale factor between the parallels = %v, want below 1", k)
	}
}

func ExampleLambertConic_Forward() {
	p := geo.MexicoLCC.Forward(orb.Point{-102, 12})
	fmt.Printf("%.3f %.3f\n", p[0], p[1])
	// Output: 2500000.000 0.000
}
