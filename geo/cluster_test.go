package geo_test

import (
	"fmt"
	"image"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"

	"sovmap/geo"
)

func TestCluster(t *testing.T) {
	m := embeddedMap(t)
	vp := wholeCountry(m, 1280, 800)
	at := func(x, y float64) orb.Point { return vp.FromPixel(x, y) }
	markers := []geo.Marker{
		{ID: "a", Label: "A", At: at(100, 100), Count: 1},
		{ID: "b", Label: "B", At: at(110, 100), Count: 2}, // overlaps a
		{ID: "c", Label: "C", At: at(400, 400), Count: 1},
		{ID: "d", Label: "D", At: at(405, 402), Count: 1}, // overlaps c, but is kept
		{ID: "far", At: at(-5000, 100), Count: 1},         // far off screen
	}
	var c geo.Clusterer
	got := c.Cluster(vp, markers, 24, "d", nil)
	if len(got) != 3 {
		t.Fatalf("%d markers after clustering, want 3: %+v", len(got), got)
	}
	ab := got[0]
	if ab.Places != 2 || ab.Count != 3 || ab.Label != "" {
		t.Errorf("a+b cluster %+v, want 2 places, 3 incidents, no label", ab)
	}
	if x, y := vp.ToPixel(ab.At); x < 104.9 || x > 105.1 || y < 99.9 || y > 100.1 {
		t.Errorf("cluster at (%.1f, %.1f), want their mean (105, 100)", x, y)
	}
	if got[1].ID != "c" || got[1].Places != 1 || got[2].ID != "d" {
		t.Errorf("c and the kept d: %+v %+v", got[1], got[2])
	}
	// Zoomed in, nothing overlaps.
	zoomed := vp.ZoomAbout(105, 100, 8)
	if n := len(c.Cluster(zoomed, markers[:2], 24, "", nil)); n != 2 {
		t.Errorf("zoomed in: %d markers, want a and b apart", n)
	}
}

// tenThousand makes 10,000 incidents spread over Mexico, as markers.
func tenThousand(m *geo.Map) []geo.Marker {
	rng := rand.New(rand.NewPCG(7, 7))
	var out []geo.Marker
	for len(out) < 10000 {
		p := orb.Point{-117 + rng.Float64()*31, 14.5 + rng.Float64()*18}
		q := m.Proj.Forward(p)
		if m.StateAt(q) == nil {
			continue
		}
		out = append(out, geo.Marker{ID: fmt.Sprint("e", len(out)), Label: fmt.Sprint("Place ", len(out)), At: q, Count: 1})
	}
	return out
}

// BenchmarkRenderTenThousand draws a frame of a pan/zoom with 10,000
// incidents, clustering included, at 1920x1080 (goal: under 16 ms).
func BenchmarkRenderTenThousand(b *testing.B) {
	m := embeddedMap(b)
	markers := tenThousand(m)
	r := geo.NewRenderer(m)
	defer r.Close()
	var c geo.Clusterer
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	sc := storyScene(m)
	vp := wholeCountry(m, 1920, 1080)
	var views []geo.Viewport
	for i := 0; i < 32; i++ {
		vp = vp.ZoomAbout(1100, 620, 1.1).Pan(7, -3)
		views = append(views, vp)
	}
	var shown []geo.Marker
	frame := func(v geo.Viewport) {
		shown = c.Cluster(v, markers, 40, "", shown)
		sc.Markers = shown
		r.Render(img, v, sc)
	}
	for _, v := range views {
		frame(v)
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		frame(views[i%len(views)])
		i++
	}
}
