package render

import (
	"fmt"
	"image"
	"math/rand/v2"
	"testing"

	"sovmap/geo"
	"sovmap/geo/geotest"
)

// checkNames holds the markers' names of a laid-out frame to the rules:
// inside the picture, over no other name, clear of every marker and its
// selection ring, and, unless crowded out, nearer its own marker than any
// other. It returns how many names were drawn and how many crowded.
func checkNames(t *testing.T, what string, r *Renderer, vp geo.Viewport, sc *Scene) (drawn, crowded int) {
	t.Helper()
	frame := image.Rect(0, 0, vp.Width, vp.Height)
	for i, a := range r.spots {
		if !a.ok {
			continue
		}
		drawn++
		name := sc.Markers[i].Label
		if !a.box.In(frame) {
			t.Errorf("%s: %q at %v leaves the picture %v", what, name, a.box, frame)
		}
		for j, b := range r.spots {
			if j != i && b.ok && a.box.Overlaps(b.box) {
				t.Errorf("%s: %q and %q overlap", what, name, sc.Markers[j].Label)
			}
		}
		for j, c := range r.centres {
			if d := rectDist(a.box, c[0], c[1]); d < c[2] {
				t.Errorf("%s: %q is %.1f px from the centre of marker %q, inside its ring of %.1f", what, name, d, sc.Markers[j].Label, c[2])
			}
		}
		if a.crowded {
			crowded++
		} else if !r.nearestIs(a.box, i) {
			t.Errorf("%s: %q sits nearer another marker than its own", what, name)
		}
	}
	return drawn, crowded
}

// The story's four places, at the sizes the window and the exports draw
// them, each selected in turn: every name drawn, none crowded, and each
// kept to the rules (the old placement put Teuchitlán's beside the
// Teocaltiche marker, under its name).
func TestStoryNamesKeepToTheirMarkers(t *testing.T) {
	m := geotest.Map(t)
	names := map[string]string{"huitzilac": "Huitzilac", "teuchitlan": "Teuchitlán", "teocaltiche": "Teocaltiche", "coxquihui": "Coxquihui"}
	for _, size := range [][2]int{{1920, 1080}, {1280, 720}, {960, 640}, {768, 420}, {640, 480}} {
		for _, scale := range []float64{1, 2} {
			for _, sel := range []string{"", "huitzilac", "teuchitlan", "teocaltiche", "coxquihui"} {
				sc := &Scene{Style: LightStyle(scale), Lang: "en", Selected: sel}
				for _, p := range geotest.Places {
					n := 1
					if p.ID == "teocaltiche" {
						n = 2
					}
					sc.Markers = append(sc.Markers, Marker{ID: p.ID, Label: names[p.ID], At: m.Proj.Forward(p.LonLat), Count: n})
				}
				vp := geo.Fit(m.Proj, m.Bound, size[0], size[1], 10)
				r := NewRenderer(m)
				r.layout(vp, sc, image.Rect(0, 0, size[0], size[1]))
				what := fmt.Sprintf("%dx%d at %gx, %q selected", size[0], size[1], scale, sel)
				drawn, crowded := checkNames(t, what, r, vp, sc)
				if drawn != len(sc.Markers) || crowded > 0 {
					t.Errorf("%s: %d of %d names drawn, %d crowded", what, drawn, len(sc.Markers), crowded)
				}
			}
		}
	}
}

// Any crowd of markers: whatever is drawn keeps to the rules.
func TestCrowdedNamesKeepToTheRules(t *testing.T) {
	m := geotest.Map(t)
	vp := geo.Fit(m.Proj, m.Bound, 1280, 720, 10)
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 3))
		sc := &Scene{Style: LightStyle(1), Lang: "en"}
		cx, cy := 200+rng.Float64()*880, 120+rng.Float64()*480
		spread := 10 + rng.Float64()*150
		for i := range 2 + rng.IntN(12) {
			x, y := cx+(rng.Float64()-0.5)*spread, cy+(rng.Float64()-0.5)*spread
			sc.Markers = append(sc.Markers, Marker{ID: fmt.Sprint(i), Label: fmt.Sprintf("Place %d", i), At: vp.FromPixel(x, y), Count: 1 + rng.IntN(3)})
		}
		if rng.IntN(2) == 0 {
			sc.Selected = "0"
		}
		r := NewRenderer(m)
		r.layout(vp, sc, image.Rect(0, 0, vp.Width, vp.Height))
		checkNames(t, fmt.Sprintf("seed %d", seed), r, vp, sc)
	}
}
