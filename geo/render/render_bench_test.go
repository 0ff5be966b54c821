package render_test

import (
	"fmt"
	"image"
	"math"
	"testing"

	"sovmap/geo"
	"sovmap/geo/geotest"
	"sovmap/geo/render"
)

// BenchmarkRender draws the whole-country view with the story's markers,
// labels and overlays: one frame of the window or of an export.
func BenchmarkRender(b *testing.B) {
	m := geotest.Map(b)
	for _, size := range [][2]int{{1280, 800}, {1920, 1080}, {3840, 2160}} {
		b.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(b *testing.B) {
			vp := geotest.WholeCountry(m, size[0], size[1])
			sc := storyScene(m)
			sc.Selected, sc.SelectedState = "teocaltiche", "MX-JAL"
			r := render.NewRenderer(m)
			img := image.NewRGBA(image.Rect(0, 0, size[0], size[1]))
			r.Render(img, vp, sc) // warm the caches
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				r.Render(img, vp, sc)
			}
		})
	}
}

// BenchmarkRenderJalisco draws, from scratch at 1920x1080, a view of
// Jalisco: its 125 municipalities' boundaries and names, and those of its
// neighbours, with the story's markers and Teocaltiche's municipality
// outlined (goal: under 1.5 × the whole country's frame).
func BenchmarkRenderJalisco(b *testing.B) {
	m := geotest.Map(b)
	vp := geo.Fit(m.Proj, m.StateByCode("MX-JAL").Bound, 1920, 1080, 20)
	sc := storyScene(m)
	sc.Selected, sc.SelectedState, sc.SelectedArea = "teocaltiche", "MX-JAL", "14091"
	r := render.NewRenderer(m)
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	r.Render(img, vp, sc)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r.Render(img, vp, sc)
	}
}

// BenchmarkRenderPanZoom draws frames of a pan and zoom at 1920x1080, as a
// user's drag or scroll makes them.
func BenchmarkRenderPanZoom(b *testing.B) {
	m := geotest.Map(b)
	start := geotest.WholeCountry(m, 1920, 1080)
	sc := storyScene(m)
	r := render.NewRenderer(m)
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	views := make([]geo.Viewport, 0, 64)
	vp := start
	for i := 0; i < 32; i++ {
		vp = vp.ZoomAbout(1100, 620, 1.1).Pan(7, -3)
		views = append(views, vp)
	}
	for _, v := range views {
		r.Render(img, v, sc)
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		r.Render(img, views[i%len(views)], sc)
		i++
	}
}

// BenchmarkLayers draws window frames at 3840x2160 through Layers, for
// each kind of change: the hovered state alternating (the land kept, two
// state boxes drawn again), one step of a drag (the land shifted, two
// strips drawn), and a selection change.
func BenchmarkLayers(b *testing.B) {
	m := geotest.Map(b)
	const w, h = 3840, 2160
	start := geotest.WholeCountry(m, w, h)
	for _, bc := range []struct {
		name  string
		frame func(i int, vp *geo.Viewport, sc *render.Scene)
	}{
		{"hover", func(i int, vp *geo.Viewport, sc *render.Scene) {
			sc.Hover = [2]string{"MX-ZAC", "MX-AGU"}[i%2]
		}},
		{"select", func(i int, vp *geo.Viewport, sc *render.Scene) {
			sc.Selected, sc.SelectedState = [2]string{"teocaltiche", "huitzilac"}[i%2], [2]string{"MX-JAL", "MX-MOR"}[i%2]
		}},
		{"drag", func(i int, vp *geo.Viewport, sc *render.Scene) {
			// Back and forth, so the view stays on the country.
			d := [2]float64{9, -9}[(i/40)%2]
			*vp = vp.Pan(d, d/3*2)
		}},
	} {
		b.Run(fmt.Sprintf("%s/%dx%d", bc.name, w, h), func(b *testing.B) {
			vp := start
			sc := storyScene(m)
			l := render.NewLayers(render.NewRenderer(m))
			img := image.NewRGBA(image.Rect(0, 0, w, h))
			for i := range 4 {
				bc.frame(i, &vp, sc)
				l.Render(img, vp, sc)
			}
			b.ReportAllocs()
			b.ResetTimer()
			i := 0
			for b.Loop() {
				bc.frame(i, &vp, sc)
				l.Render(img, vp, sc)
				i++
			}
		})
	}
}

// BenchmarkFlyTo draws the frames of a narrative step's fly-to at
// 1920x1080 through Layers, as the window does: from the whole country to
// Huitzilac four times closer, the centre along a line and the scale
// evenly in its logarithm, 54 frames (0.9 s at 60 a second). A frame must
// stay under 16 ms.
func BenchmarkFlyTo(b *testing.B) {
	m := geotest.Map(b)
	start := geotest.WholeCountry(m, 1920, 1080)
	target := m.Proj.Forward(geotest.Places[0].LonLat)
	const frames = 54
	views := make([]geo.Viewport, frames)
	for i := range views {
		t := float64(i) / (frames - 1)
		v := start
		v.Center[0] += (target[0] - start.Center[0]) * t
		v.Center[1] += (target[1] - start.Center[1]) * t
		v.Res = start.Res * math.Pow(0.25, t)
		views[i] = v
	}
	sc := storyScene(m)
	l := render.NewLayers(render.NewRenderer(m))
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	for _, v := range views {
		l.Render(img, v, sc)
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		l.Render(img, views[i%frames], sc)
		i++
	}
}

// BenchmarkZoomMoving draws the frames of a wheel zoom at 3840x2160 as the
// window does while the zoom is in motion (Layers.RenderMoving): each a
// new scale, so nothing is kept from the last.
func BenchmarkZoomMoving(b *testing.B) {
	m := geotest.Map(b)
	start := geotest.WholeCountry(m, 3840, 2160)
	views := make([]geo.Viewport, 24)
	vp := start
	for i := range views {
		vp = vp.ZoomAbout(2000, 1200, 1.08)
		views[i] = vp
	}
	sc := storyScene(m)
	l := render.NewLayers(render.NewRenderer(m))
	img := image.NewRGBA(image.Rect(0, 0, 3840, 2160))
	for _, v := range views {
		l.RenderMoving(img, v, sc)
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		l.RenderMoving(img, views[i%len(views)], sc)
		i++
	}
}
