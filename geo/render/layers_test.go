package render_test

import (
	"fmt"
	"image"
	"math/rand/v2"
	"reflect"
	"testing"

	"sovmap/geo"
	"sovmap/geo/geotest"
	"sovmap/geo/render"
)

// After any sequence of pans, zooms, hovers, selections and changes of
// the highlighted states, a frame drawn by Layers equals a frame drawn from
// scratch by Render, but for anti-aliasing: no channel of any pixel
// differs by more than 2 levels of 255.
func TestLayersEqualFromScratch(t *testing.T) {
	m := geotest.Map(t)
	const w, h = 640, 400
	states := []string{"MX-JAL", "MX-MOR", "MX-VER", "MX-CHH", "MX-OAX", "MX-MEX", "MX-CMX", "MX-SON", "MX-YUC"}
	for seed := uint64(1); seed <= 8; seed++ {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 7))
			vp := geotest.WholeCountry(m, w, h)
			sc := storyScene(m)
			layers := render.NewLayers(render.NewRenderer(m))
			scratch := render.NewRenderer(m)
			got := image.NewRGBA(image.Rect(0, 0, w, h))
			want := image.NewRGBA(image.Rect(0, 0, w, h))
			all := sc.Markers
			var actions []string
			for step := 0; step < 60; step++ {
				var what string
				switch rng.IntN(9) {
				case 0, 1:
					dx, dy := rng.IntN(121)-60, rng.IntN(81)-40
					vp = vp.Pan(float64(dx), float64(dy))
					what = fmt.Sprintf("pan %d,%d", dx, dy)
				case 2:
					f := 0.7 + rng.Float64()*0.8
					vp = vp.ZoomAbout(rng.Float64()*w, rng.Float64()*h, f)
					what = fmt.Sprintf("zoom %.2f", f)
				case 3:
					sc.Hover = states[rng.IntN(len(states))]
					what = "hover " + sc.Hover
				case 4:
					sc.Hover = ""
					what = "no hover"
				case 5:
					sc.SelectedState = states[rng.IntN(len(states))]
					sc.Selected = sc.Markers[rng.IntN(len(sc.Markers))].ID
					what = "select in " + sc.SelectedState
					if rng.IntN(3) == 0 {
						sc.SelectedState, sc.Selected = "", ""
						what = "select nothing"
					}
				case 6:
					n := rng.IntN(4)
					sc.Highlighted = nil
					for range n {
						sc.Highlighted = append(sc.Highlighted, states[rng.IntN(len(states))])
					}
					what = fmt.Sprint("highlight ", sc.Highlighted)
				case 7:
					sc.Focused = ""
					if rng.IntN(2) == 0 {
						sc.Focused = sc.Markers[rng.IntN(len(sc.Markers))].ID
					}
					what = "focus " + sc.Focused
				case 8: // a filter: some of the markers
					sc.Markers = all[:1+rng.IntN(len(all))]
					what = fmt.Sprint(len(sc.Markers), " markers")
				}
				actions = append(actions, what)
				layers.Render(got, vp, sc)
				scratch.Render(want, vp, sc)
				if n, worst, at := differBeyond(got, want, 2); n > 0 {
					t.Fatalf("after %v: %d pixels differ by more than 2 levels (worst %d at %v)", actions, n, worst, at)
				}
			}
		})
	}
}

// differBeyond counts the pixels of a and b where a channel differs by more
// than tol, and gives the largest difference and where it is.
func differBeyond(a, b *image.RGBA, tol int) (n, worst int, at image.Point) {
	for y := 0; y < a.Rect.Dy(); y++ {
		for x := 0; x < a.Rect.Dx(); x++ {
			i := y*a.Stride + 4*x
			for c := 0; c < 4; c++ {
				d := int(a.Pix[i+c]) - int(b.Pix[i+c])
				if d < 0 {
					d = -d
				}
				if d > worst {
					worst, at = d, image.Pt(x, y)
				}
				if d > tol {
					n++
					break
				}
			}
		}
	}
	return n, worst, at
}

// Layers draws a frame with no allocation once warm, whatever changed.
func TestLayersAllocateNothing(t *testing.T) {
	m := geotest.Map(t)
	vp := geotest.WholeCountry(m, 800, 500)
	sc := storyScene(m)
	layers := render.NewLayers(render.NewRenderer(m))
	img := image.NewRGBA(image.Rect(0, 0, 800, 500))
	views := []geo.Viewport{vp, vp.Pan(5, -3), vp.Pan(5, -3).Pan(-12, 7), vp.ZoomAbout(400, 250, 1.2)}
	hovers := []string{"", "MX-JAL", "MX-VER"}
	selections := [][2]string{{"", ""}, {"teocaltiche", "MX-JAL"}, {"huitzilac", "MX-MOR"}, {"teocaltiche", "MX-JAL"}}
	i := 0
	frame := func() {
		sc.Hover = hovers[i%len(hovers)]
		sc.Selected, sc.SelectedState = selections[i%len(selections)][0], selections[i%len(selections)][1]
		layers.Render(img, views[i%len(views)], sc)
		i++
	}
	for range 24 {
		frame()
	}
	if n := testing.AllocsPerRun(48, frame); n != 0 {
		t.Errorf("%v allocations a frame, want 0", n)
	}
}

// Layers tells scenes apart by every field of the style: a field added to
// Style must be added to its comparison too.
func TestLayersCompareEveryStyleField(t *testing.T) {
	if n := reflect.TypeFor[render.Style]().NumField(); n != 26 {
		t.Errorf("Style has %d fields; sameStyle in layers.go compares 26", n)
	}
}
