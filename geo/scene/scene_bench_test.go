package scene_test

import (
	"context"
	"fmt"
	"image"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"sovmap/geo/appstate"
	"sovmap/geo/export"
	"sovmap/geo/geotest"
	"sovmap/geo/render"
	"sovmap/geo/scene"
	"sovmap/geo/storyfile"
)

// incidentsStory is a story of n incidents at n places spread over
// Mexico's land.
func incidentsStory(tb testing.TB, n int) *appstate.Session {
	tb.Helper()
	m := geotest.Map(tb)
	rng := rand.New(rand.NewPCG(7, 7))
	var b strings.Builder
	b.WriteString(`{"type":"FeatureCollection","sources":[{"id":"s","name":"Synthetic"}],"features":[`)
	for i := 0; i < n; {
		lon, lat := -117+rng.Float64()*31, 14.5+rng.Float64()*18
		if m.StateAt(m.Proj.Forward([2]float64{lon, lat})) == nil {
			continue
		}
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"type":"Feature","id":"e%d","geometry":{"type":"Point","coordinates":[%.5f,%.5f]},"properties":{"kind":"incident","place":"p%d","place_name":"Place %d","location_precision":"town","date":"2025-01-%02d","date_precision":"day","title":"T","summary":"S","source":"s"}}`, i, lon, lat, i, i, 1+i%28)
		i++
	}
	b.WriteString("]}")
	s, err := storyfile.Parse("synthetic.geojson", []byte(b.String()))
	if err != nil {
		tb.Fatal(err)
	}
	return geotest.State(tb, s, 1920, 1080)
}

// BenchmarkFrameTenThousand is one frame of a pan and zoom at 1920x1080
// with 10,000 incidents: the scene (clusters read from the index) and its
// rendering (goal: under 16 ms).
func BenchmarkFrameTenThousand(b *testing.B) {
	st := incidentsStory(b, 10000)
	r := render.NewRenderer(st.Map())
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	frame := func(i int) {
		if i%32 == 0 {
			st.ShowAll()
		}
		st.ZoomAbout(1100, 620, 1.1)
		st.Pan(7, -3)
		vp, sc := scene.Build(st, scene.Frame{Width: 1920, Height: 1080, Furniture: scene.WindowFurniture})
		r.Render(img, vp, &sc)
	}
	for i := 0; i < 32; i++ {
		frame(i)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		frame(i)
		i++
	}
}

// acledState is the state of a window 1920x1080 units large showing a
// generated ACLED export of n rows.
func acledState(tb testing.TB, n int) *appstate.Session {
	s, _, err := storyfile.ParseBytes("mexico.csv", geotest.ACLEDRows(n), storyfile.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return geotest.State(tb, s, 1920, 1080)
}

// BenchmarkFrame200k is one frame of a pan and zoom at 1920x1080 with
// 200,000 incidents, a whole country's history (goal: under 16 ms).
func BenchmarkFrame200k(b *testing.B) {
	st := acledState(b, 200000)
	r := render.NewRenderer(st.Map())
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	frame := func(i int) {
		if i%32 == 0 {
			st.ShowAll()
		}
		st.ZoomAbout(1100, 620, 1.1)
		st.Pan(7, -3)
		vp, sc := scene.Build(st, scene.Frame{Width: 1920, Height: 1080, Furniture: scene.WindowFurniture})
		r.Render(img, vp, &sc)
	}
	for i := 0; i < 32; i++ {
		frame(i)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		frame(i)
		i++
	}
}

// BenchmarkExport200k exports what a window shows of 200,000 incidents,
// with a place selected, as a 3840x2160 PNG: the plan, the drawing and the
// encoding (goal: under 1 s).
func BenchmarkExport200k(b *testing.B) {
	st := acledState(b, 200000)
	st.SelectPlace(st.Story().Places[len(st.Story().Places)/2])
	o := export.DefaultOptions(st)
	o.Width, o.Height = 3840, 2160
	for b.Loop() {
		plan, err := export.NewPlan(st, o)
		if err != nil {
			b.Fatal(err)
		}
		if err := plan.Encode(context.Background(), io.Discard, render.NewRenderer(st.Map()), export.PNG); err != nil {
			b.Fatal(err)
		}
	}
}
