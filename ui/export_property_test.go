package ui

import (
	"fmt"
	"image"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"sovmap/geo/appstate"
	"sovmap/geo/export"
	"sovmap/geo/render"
	"sovmap/geo/scene"
	"sovmap/geo/story"
	"sovmap/geo/storyfile"
)

// What the window shows is what it exports, for any state: after random
// filters, selections, pans and zooms, the export's scene at the window's
// size equals the window's last frame (but for the pointer's hover and the
// focus ring, which only the window has), an export at twice the size
// draws the same markers, and the rendered export shows exactly the
// window's markers: one at each, and none elsewhere.
func TestExportIsTheWindowsMap(t *testing.T) {
	w := newTestWindow(t)
	w.state.SetStory(spreadPlaces(t)) // enough places to cluster
	st := w.state
	first, last, _ := st.Story().Span()
	rng := rand.New(rand.NewPCG(10, 20))
	drawn := 0
	for trial := 0; trial < 40; trial++ {
		switch rng.IntN(5) {
		case 0:
			from := first + rng.IntN(last-first+1)
			st.SetFilter(appstate.Filter{Dates: true, From: from, To: from + rng.IntN(last-from+1)})
		case 1:
			places := st.Story().Places
			st.SelectPlace(places[rng.IntN(len(places))])
		case 2:
			st.Pan(rng.Float64()*200-100, rng.Float64()*200-100)
		case 3: // about a place, so that clusters split and merge
			p := st.Story().Places[rng.IntN(len(st.Story().Places))]
			x, y := st.View().ToUnits(st.Map().Proj.Forward(p.Point))
			st.ZoomAbout(x, y, math.Pow(2, rng.Float64()*4-1.5))
		case 4:
			st.ClearSelection()
		}
		capture(w) // draws the window's frame
		winView, win := w.mapView.lastFrame()
		win.Hover, win.Focused = "", ""
		o := export.Options{Width: winView.Width, Height: winView.Height, Furniture: scene.WindowFurniture}
		plan, err := export.NewPlan(st, o)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(plan.Scene, win) || plan.View != winView {
			t.Fatalf("trial %d: the export's scene differs from the window's:\nwindow %+v\nexport %+v", trial, win, plan.Scene)
		}
		o.Width, o.Height = 2*winView.Width, 2*winView.Height
		o.Furniture = scene.Furniture{} // no legend: its symbols are markers too
		big, err := export.NewPlan(st, o)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(big.Scene.Markers, win.Markers) {
			t.Fatalf("trial %d: at twice the size the markers differ", trial)
		}
		img := image.NewRGBA(image.Rect(0, 0, o.Width, o.Height))
		render.NewRenderer(st.Map()).Render(img, big.View, &big.Scene)
		checkMarkersDrawn(t, trial, img, big)
		drawn += len(win.Markers)

		// The print layout (the exports' default) fits the window's view
		// into the frame between its bands: every marker the window draws
		// in its view is drawn there, inside the frame.
		o = export.DefaultOptions(st)
		o.Width, o.Height = 2*winView.Width, 2*winView.Height
		printed, err := export.NewPlan(st, o)
		if err != nil {
			t.Fatal(err)
		}
		frame := printed.Scene.MapFrame
		if frame.Empty() {
			t.Fatalf("trial %d: no print layout at %dx%d", trial, o.Width, o.Height)
		}
		for _, m := range win.Markers {
			x, y := winView.ToPixel(m.At)
			if x < 0 || y < 0 || x >= float64(winView.Width) || y >= float64(winView.Height) {
				continue // outside the window's view
			}
			if !slices.Contains(printed.Scene.Markers, m) {
				t.Fatalf("trial %d: the window's marker %q (%d places) is not in the print export", trial, m.ID, m.Places)
			}
			// A marker on the window's last row may round onto the frame's edge.
			if px, py := printed.Pixel(m.At); !image.Pt(int(px), int(py)).In(frame.Inset(-1)) {
				t.Fatalf("trial %d: marker %q at (%.0f, %.0f), outside the print frame %v", trial, m.ID, px, py, frame)
			}
		}
	}
	if drawn < 40*5 {
		t.Errorf("only %d markers over 40 states: the test did not test much", drawn)
	}
}

// spreadPlaces is a story of 300 places over Mexico, a third of them in
// a tight group, on days over four months.
func spreadPlaces(t *testing.T) *story.Story {
	t.Helper()
	var b strings.Builder
	b.WriteString(`{"type":"FeatureCollection","sources":[{"id":"s","name":"Synthetic"}],"features":[`)
	for i := 0; i < 300; i++ {
		lon, lat := -106+float64(i%20)*0.9, 17+float64(i/20)*0.8
		if i%3 == 0 {
			lon, lat = -103.35+float64(i%10)*0.03, 20.67+float64(i%7)*0.03
		}
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"type":"Feature","id":"e%d","geometry":{"type":"Point","coordinates":[%f,%f]},"properties":{"kind":"incident","place":"p%d","place_name":"P%d","location_precision":"town","date":"2025-%02d-%02d","date_precision":"day","title":"T","summary":"S","source":"s"}}`,
			i, lon, lat, i, i, 1+i%4, 1+i%28)
	}
	b.WriteString("]}")
	s, err := storyfile.Parse("spread.geojson", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// checkMarkersDrawn checks that every marker of the plan within the image
// is drawn (its colour fills much of its disc: a cluster's count sits in
// its middle), and that every pixel of marker colour lies at a marker.
func checkMarkersDrawn(t *testing.T, trial int, img *image.RGBA, plan export.Plan) {
	t.Helper()
	st := plan.Scene.Style
	b := img.Bounds()
	reach := (st.MarkerSize*2.5 + 12) * st.Scale // a cluster's disc, a badge
	var centres [][2]float64
	var selected [][2]float64
	for _, m := range plan.Scene.Markers {
		if x, y := plan.View.ToPixel(m.At); m.ID == plan.Scene.Selected {
			selected = append(selected, [2]float64{x, y})
		}
	}
	for _, m := range plan.Scene.Markers {
		x, y := plan.View.ToPixel(m.At)
		centres = append(centres, [2]float64{x, y})
		rad := st.MarkerSize * st.Scale
		if x < rad || y < rad || x >= float64(b.Dx())-rad || y >= float64(b.Dy())-rad {
			continue // partly outside the image
		}
		covered := false
		for _, c := range selected {
			// The selected marker, its ring and its name are drawn
			// over whatever they overlap.
			covered = covered || (m.ID != plan.Scene.Selected && math.Hypot(c[0]-x, c[1]-y) < 2*reach)
		}
		if covered {
			continue
		}
		filled, disc := 0, 0
		for dy := -rad; dy <= rad; dy++ {
			for dx := -rad; dx <= rad; dx++ {
				if dx*dx+dy*dy <= rad*rad {
					disc++
					if img.RGBAAt(int(x+dx), int(y+dy)) == st.Marker {
						filled++
					}
				}
			}
		}
		if filled < disc/3 {
			t.Errorf("trial %d: marker %q at (%.0f, %.0f) is not drawn there: %d of %d pixels", trial, m.ID, x, y, filled, disc)
		}
	}
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			if img.RGBAAt(x, y) != st.Marker {
				continue
			}
			near := false
			for _, c := range centres {
				near = near || math.Hypot(c[0]-float64(x), c[1]-float64(y)) <= reach
			}
			if !near {
				t.Fatalf("trial %d: marker colour at (%d, %d), where no marker of the window is", trial, x, y)
			}
		}
	}
}
