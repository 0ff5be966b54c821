package render_test

import (
	"bytes"
	"image/color"
	"regexp"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"sovmap/geo"
	"sovmap/geo/geotest"
	"sovmap/geo/render"
	"sovmap/geo/topology"
)

// jaliscoBorders are points in the middle of the boundaries between two of
// Jalisco's municipalities (a vertex halfway along each arc), projected.
func jaliscoBorders(m *geo.Map) []orb.Point {
	var pts []orb.Point
	arcs := m.Arcs(0)
	for _, i := range m.ArcsOf(geo.MunicipalBorder) {
		l, r := m.ArcSides(i)
		a := arcs[i]
		if l == nil || r == nil || l.State.Code != "MX-JAL" || r.State.Code != "MX-JAL" || len(a) < 3 {
			continue
		}
		pts = append(pts, a[len(a)/2])
	}
	return pts
}

// darker reports whether c is darker than land: a line is drawn there.
func darker(c, land color.RGBA) bool {
	return int(c.R)+int(c.G)+int(c.B) < int(land.R)+int(land.G)+int(land.B)-6
}

func TestMunicipalBordersShowAsTheViewClosesIn(t *testing.T) {
	m := geotest.Map(t)
	pts := jaliscoBorders(m)
	if len(pts) < 150 {
		t.Fatalf("%d boundaries between Jalisco's municipalities, want over 150", len(pts))
	}
	sc := &render.Scene{Style: render.LightStyle(1)}
	land := sc.Style.Land
	cases := []struct {
		name    string
		vp      geo.Viewport
		min     float64 // the share of boundary points drawn darker than land, at least…
		max     float64 // …and at most
		visible bool
	}{
		{"whole country", geotest.WholeCountry(m, 1920, 1080), 0, 0.1, false},
		{"Jalisco", geo.Fit(m.Proj, m.StateByCode("MX-JAL").Bound, 1920, 1080, 20), 0.9, 1, true},
		{"Jalisco at print scale 2", geo.Fit(m.Proj, m.StateByCode("MX-JAL").Bound, 960, 540, 10), 0, 0.1, false},
	}
	for _, c := range cases {
		st := sc.Style
		if strings.Contains(c.name, "print scale") {
			st = render.LightStyle(2) // a view of 400 m a pixel is 800 m a point
		}
		s := &render.Scene{Style: st}
		img := draw(t, m, c.vp, s, "municipal-"+strings.ReplaceAll(c.name, " ", "-"))
		// The municipal layer's lines may stray two pixels from the data.
		drawn := 0
		for _, p := range pts {
			x, y := c.vp.ToPixel(p)
		search:
			for dy := -2; dy <= 2; dy++ {
				for dx := -2; dx <= 2; dx++ {
					if darker(img.RGBAAt(int(x)+dx, int(y)+dy), land) {
						drawn++
						break search
					}
				}
			}
		}
		share := float64(drawn) / float64(len(pts))
		if share < c.min || share > c.max {
			t.Errorf("%s (%.0f m a pixel): %d of %d municipal boundary points drawn (%.2f), want a share in [%.1f, %.1f]",
				c.name, c.vp.Res, drawn, len(pts), share, c.min, c.max)
		}
		if got := render.MapLayers[4].ShownAt(c.vp, &st); got != c.visible {
			t.Errorf("%s: municipal layer shown %v, want %v", c.name, got, c.visible)
		}
	}
}

func TestSelectedMunicipalityOutlined(t *testing.T) {
	m := geotest.Map(t)
	teo := m.MunicipalityByKey("14091")
	if teo == nil {
		t.Fatal("no municipality 14091 (Teocaltiche)")
	}
	vp := geo.Fit(m.Proj, teo.Bound, 1200, 900, 100)
	sc := &render.Scene{Style: render.LightStyle(1)}
	plain := draw(t, m, vp, sc, "teocaltiche-plain")
	sc.SelectedArea = "14091"
	img := draw(t, m, vp, sc, "teocaltiche-selected")
	// On Teocaltiche's boundary (its arcs' vertices), the outline; well
	// inside and outside it, the same pixels as without a selection.
	on, n := 0, 0
	arcs := m.Arcs(m.Level(vp.Res))
	for _, poly := range teo.Rings() {
		for _, ring := range poly {
			for _, ref := range ring {
				i, _ := topology.Arc(ref)
				for _, p := range arcs[i] {
					x, y := vp.ToPixel(p)
					n++
					if c := img.RGBAAt(int(x), int(y)); near(c, sc.Style.Selection, 40) {
						on++
					}
				}
			}
		}
	}
	if n == 0 || float64(on) < 0.9*float64(n) {
		t.Errorf("%d of %d of Teocaltiche's boundary vertices in the selection colour, want 90%%", on, n)
	}
	for _, ll := range []orb.Point{{-102.5703, 21.4344}, {-102.29, 21.88}} { // its seat, and Aguascalientes
		x, y := vp.LonLatToPixel(ll)
		if a, b := img.RGBAAt(int(x), int(y)), plain.RGBAAt(int(x), int(y)); a != b {
			t.Errorf("at %v the selection changed %v to %v", ll, b, a)
		}
	}
	// The SVG outlines it too, and writes each municipality in view as its
	// own path, named by its key.
	var buf bytes.Buffer
	if err := render.NewRenderer(m).WriteSVG(&buf, vp, sc, render.SVGOptions{}); err != nil {
		t.Fatal(err)
	}
	svg := buf.String()
	for _, want := range []string{`id="selected-14091"`, `id="mun-14091"`, `id="mun-01001"`, `id="municipalities"`} {
		if !strings.Contains(svg, want) {
			t.Errorf("no %s in the SVG", want)
		}
	}
	ids := regexp.MustCompile(`id="mun-(\d{5})"`).FindAllStringSubmatch(svg, -1)
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id[1]] {
			t.Errorf("municipality %s written twice", id[1])
		}
		seen[id[1]] = true
	}
	if len(seen) < 10 || len(seen) > 400 {
		t.Errorf("%d municipalities in the SVG of Teocaltiche's view, want those in view (10 to 400)", len(seen))
	}
}

func TestWholeCountrySVGHasNoMunicipalities(t *testing.T) {
	m := geotest.Map(t)
	var buf bytes.Buffer
	sc := &render.Scene{Style: render.LightStyle(1)}
	if err := render.NewRenderer(m).WriteSVG(&buf, geotest.WholeCountry(m, 1920, 1080), sc, render.SVGOptions{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), `id="mun-`) {
		t.Error("the whole country's SVG writes municipalities, which it does not draw")
	}
}

func TestHitTestNamesMunicipalityAndState(t *testing.T) {
	m := geotest.Map(t)
	cases := []struct {
		ll   orb.Point
		want []string // codes, the topmost layer's first
	}{
		{orb.Point{-103.8491667, 20.6852778}, []string{"14095", "MX-JAL"}}, // Teuchitlán's seat
		{orb.Point{-105.4, 21.0}, []string{"18020", "MX-NAY"}},             // the sea off Bahía de Banderas
		{orb.Point{-99.0, 31.5}, []string{"USA"}},                          // Texas
		{orb.Point{-110.0, 12.0}, nil},                                     // the open Pacific
	}
	for _, c := range cases {
		var got []string
		for _, r := range render.HitTest(m, m.Proj.Forward(c.ll)) {
			got = append(got, r.Code)
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("HitTest(%v) = %v, want %v", c.ll, got, c.want)
		}
	}
}

// near reports whether a and b differ by at most d in each channel.
func near(a, b color.RGBA, d int) bool {
	abs := func(v int) int {
		if v < 0 {
			return -v
		}
		return v
	}
	return abs(int(a.R)-int(b.R)) <= d && abs(int(a.G)-int(b.G)) <= d && abs(int(a.B)-int(b.B)) <= d
}
