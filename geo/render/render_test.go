package render_test

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"sovmap/geo"
	"sovmap/geo/geotest"
	"sovmap/geo/pixeltest"
	"sovmap/geo/render"
)

var writeRenders = flag.Bool("write-renders", false, "write the test renders to testdata/out for a look")

func storyScene(m *geo.Map) *render.Scene {
	sc := &render.Scene{
		Style:       render.LightStyle(1),
		Lang:        "en",
		Highlighted: []string{"MX-MOR", "MX-JAL", "MX-VER"},
		StateLabels: true,
		ScaleBar:    true,
		Legend: []render.LegendEntry{
			{Symbol: render.LegendMarker, Text: "Incident location"},
			{Symbol: render.LegendCluster, Text: "Several incidents"},
			{Symbol: render.LegendHighlight, Text: "State with incidents"},
		},
		Attribution: "Boundaries: Natural Earth (public domain) · Story: Reuters, May 2025",
	}
	names := map[string]string{"huitzilac": "Huitzilac", "teuchitlan": "Teuchitlán", "teocaltiche": "Teocaltiche", "coxquihui": "Coxquihui"}
	for _, p := range geotest.Places {
		n := 1
		if p.ID == "teocaltiche" {
			n = 2
		}
		sc.Markers = append(sc.Markers, render.Marker{ID: p.ID, Label: names[p.ID], At: m.Proj.Forward(p.LonLat), Count: n})
	}
	return sc
}

func draw(t testing.TB, m *geo.Map, vp geo.Viewport, sc *render.Scene, name string) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, vp.Width, vp.Height))
	r := render.NewRenderer(m)
	r.Render(img, vp, sc)
	if *writeRenders {
		dir := filepath.Join("testdata", "out")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		f, err := os.Create(filepath.Join(dir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
	}
	return img
}

func pixelAt(img *image.RGBA, vp geo.Viewport, ll orb.Point) color.RGBA {
	x, y := vp.LonLatToPixel(ll)
	return img.RGBAAt(int(x), int(y))
}

func TestRenderColours(t *testing.T) {
	m := geotest.Map(t)
	for _, size := range [][2]int{{1280, 800}, {640, 400}} {
		vp := geotest.WholeCountry(m, size[0], size[1])
		plain := &render.Scene{Style: render.LightStyle(1)}
		img := draw(t, m, vp, plain, "plain")
		st := plain.Style
		checks := []struct {
			what string
			at   orb.Point
			want color.RGBA
		}{
			{"land inside Jalisco", orb.Point{-103.3, 20.0}, st.Land},
			{"land inside Chihuahua", orb.Point{-106.5, 28.5}, st.Land},
			{"sea in the Gulf of Mexico", orb.Point{-93, 24}, st.Sea},
			{"sea in the Pacific", orb.Point{-108, 17}, st.Sea},
			{"a neighbour: Texas", orb.Point{-99, 31.5}, st.Neighbour},
			{"a neighbour: Guatemala", orb.Point{-90.3, 15.6}, st.Neighbour},
		}
		for _, c := range checks {
			if got := pixelAt(img, vp, c.at); got != c.want {
				t.Errorf("%dx%d: %s at %v is %v, want %v", size[0], size[1], c.what, c.at, got, c.want)
			}
		}
	}
}

func TestRenderMarkersAndHighlights(t *testing.T) {
	m := geotest.Map(t)
	vp := geotest.WholeCountry(m, 1280, 800)
	sc := storyScene(m)
	sc.Selected = "huitzilac"
	sc.SelectedState = "MX-MOR"
	img := draw(t, m, vp, sc, "story")
	for _, p := range geotest.Places {
		if got := pixelAt(img, vp, p.LonLat); got != sc.Style.Marker {
			t.Errorf("marker colour at %s is %v, want %v", p.ID, got, sc.Style.Marker)
		}
	}
	if got := pixelAt(img, vp, orb.Point{-105.0, 20.3}); got != sc.Style.Highlight {
		t.Errorf("Jalisco (with incidents) is %v, want the highlight %v", got, sc.Style.Highlight)
	}
	if got := pixelAt(img, vp, orb.Point{-106.5, 28.5}); got != sc.Style.Land {
		t.Errorf("Chihuahua (no incidents) is %v, want land %v", got, sc.Style.Land)
	}
	// The selection ring sits around Huitzilac's marker.
	x, y := vp.LonLatToPixel(geotest.Places[0].LonLat)
	ring := img.RGBAAt(int(x), int(y+sc.Style.MarkerSize+4.5))
	if ring != sc.Style.Selection {
		t.Errorf("selection ring pixel is %v, want %v", ring, sc.Style.Selection)
	}
}

func TestRenderOverlaysDrawn(t *testing.T) {
	m := geotest.Map(t)
	vp := geotest.WholeCountry(m, 1280, 800)
	sc := storyScene(m)
	with := draw(t, m, vp, sc, "overlays")
	sc.Legend, sc.ScaleBar, sc.Attribution = nil, false, ""
	without := draw(t, m, vp, sc, "no-overlays")
	regions := map[string]image.Rectangle{
		"legend":      image.Rect(8, 8, 150, 60),
		"scale bar":   image.Rect(8, 800-50, 150, 800-8),
		"attribution": image.Rect(1280-300, 800-25, 1280-8, 800-8),
	}
	for name, r := range regions {
		differ := pixeltest.Differ(with, without, r)
		if differ < r.Dx()*r.Dy()/4 {
			t.Errorf("%s area: only %d of %d pixels changed", name, differ, r.Dx()*r.Dy())
		}
	}
}

func TestRenderDeepZoomStaysCorrect(t *testing.T) {
	m := geotest.Map(t)
	vp := geotest.WholeCountry(m, 800, 600)
	x, y := vp.LonLatToPixel(geotest.Places[1].LonLat) // Teuchitlán
	vp = vp.ZoomAbout(x, y, 1e6)                       // to the resolution limit
	sc := &render.Scene{Style: render.LightStyle(1)}
	img := draw(t, m, vp, sc, "deep-zoom")
	// Teuchitlán is inland in Jalisco: the whole view is land.
	for _, px := range [][2]int{{0, 0}, {799, 0}, {0, 599}, {799, 599}, {400, 300}} {
		if got := img.RGBAAt(px[0], px[1]); got != sc.Style.Land {
			t.Errorf("pixel %v at deep zoom is %v, want land", px, got)
		}
	}
}

// svgDoc is what the tests read of an SVG export.
type svgDoc struct {
	Width  string `xml:"width,attr"`
	Height string `xml:"height,attr"`
	Title  string `xml:"title"`
	Desc   string `xml:"desc"`
	Source string `xml:"metadata>RDF>Description>source"`
	Clip   struct {
		ClipPath string     `xml:"clip-path,attr"`
		Layers   []svgGroup `xml:"g"`
	} `xml:"g"`
}

type svgGroup struct {
	ID        string `xml:"id,attr"`
	GroupMode string `xml:"groupmode,attr"`
	Paths     []struct {
		ID         string `xml:"id,attr"`
		Class      string `xml:"class,attr"`
		Fill       string `xml:"fill,attr"`
		D          string `xml:"d,attr"`
		PaintOrder string `xml:"paint-order,attr"`
		Title      string `xml:"title"`
	} `xml:"path"`
	Texts []struct {
		Text       string `xml:",chardata"`
		PaintOrder string `xml:"paint-order,attr"`
		TextLength string `xml:"textLength,attr"`
	} `xml:"text"`
	Circles []struct{} `xml:"circle"`
	Groups  []svgGroup `xml:"g"`
}

// texts lists the group's texts, its own and its subgroups': the text of
// <text> elements, or the titles of outlined text's paths.
func (g *svgGroup) texts() []string {
	var out []string
	for _, t := range g.Texts {
		out = append(out, t.Text)
	}
	for _, p := range g.Paths {
		if p.Title != "" {
			out = append(out, p.Title)
		}
	}
	for i := range g.Groups {
		out = append(out, g.Groups[i].texts()...)
	}
	return out
}

func TestWriteSVG(t *testing.T) {
	m := geotest.Map(t)
	vp := geotest.WholeCountry(m, 1200, 800)
	sc := storyScene(m)
	sc.Title, sc.Caption, sc.NorthArrow = "A title & more", "Teocaltiche · 28 Apr 2025", true
	sc.Selected, sc.SelectedState = "teocaltiche", "MX-JAL"
	r := render.NewRenderer(m)
	for _, outlines := range []bool{false, true} {
		var buf bytes.Buffer
		if err := r.WriteSVG(&buf, vp, sc, render.SVGOptions{Outlines: outlines}); err != nil {
			t.Fatal(err)
		}
		if *writeRenders {
			os.MkdirAll(filepath.Join("testdata", "out"), 0o755)
			os.WriteFile(filepath.Join("testdata", "out", fmt.Sprintf("story-outlines-%v.svg", outlines)), buf.Bytes(), 0o644)
		}
		var doc svgDoc
		if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatalf("the SVG is not XML: %v", err)
		}
		if doc.Width != "1200" || doc.Height != "800" {
			t.Errorf("size %sx%s, want 1200x800", doc.Width, doc.Height)
		}
		if doc.Title != sc.Title || doc.Desc != sc.Caption || doc.Source != sc.Attribution || doc.Clip.ClipPath != "url(#frame)" {
			t.Errorf("title %q, desc %q, source %q, clip %q", doc.Title, doc.Desc, doc.Source, doc.Clip.ClipPath)
		}
		if bytes.Contains(buf.Bytes(), []byte("textLength")) {
			t.Error("the SVG sizes text with textLength, which librsvg ignores")
		}
		states, highlights := map[string]bool{}, 0
		layers := []string{}
		var texts []string
		markers, circles, haloed := map[string]bool{}, 0, 0
		for i := range doc.Clip.Layers {
			l := &doc.Clip.Layers[i]
			if l.GroupMode != "layer" {
				t.Errorf("group %s is not an Inkscape layer", l.ID)
			}
			layers = append(layers, l.ID)
			for _, p := range l.Paths {
				switch p.Class {
				case "state":
					if states[p.ID] {
						t.Errorf("state %s drawn twice", p.ID)
					}
					states[p.ID] = true
					if !strings.HasPrefix(p.D, "M") || !strings.HasSuffix(p.D, "Z") {
						t.Errorf("state %s path data %.40q…", p.ID, p.D)
					}
					if p.Fill != "" && p.Fill != hexColour(sc.Style.Land) {
						highlights++
					}
				}
				if p.PaintOrder == "stroke" {
					haloed++
				}
			}
			for _, tx := range l.Texts {
				if tx.PaintOrder == "stroke" {
					haloed++
				}
			}
			for _, g := range l.Groups {
				markers[g.ID] = true
				circles += len(g.Circles)
			}
			texts = append(texts, l.texts()...)
		}
		if got := strings.Join(layers, " "); got != "countries country-borders land states state-borders areas labels markers furniture" {
			t.Errorf("layers %q", got)
		}
		if len(states) != 32 || highlights != 3 {
			t.Errorf("%d state elements and %d in another colour than land's, want 32 and 3 (Morelos, Jalisco, Veracruz; Jalisco selected)", len(states), highlights)
		}
		all := strings.Join(texts, "|")
		for _, want := range []string{"Teocaltiche", "Chihuahua", "A title & more", "Boundaries: Natural Earth", "Incident location", "N", "United States of America"} {
			if !strings.Contains(all, want) {
				t.Errorf("outlines %v: no text %q in the SVG", outlines, want)
			}
		}
		for _, p := range geotest.Places {
			if !markers["marker-"+p.ID] {
				t.Errorf("no marker group for %s", p.ID)
			}
		}
		if circles < 8 || haloed < 5 {
			t.Errorf("%d circles in the markers, %d haloed labels", circles, haloed)
		}
		hasText := bytes.Contains(buf.Bytes(), []byte("<text "))
		if outlines == hasText {
			t.Errorf("outlines %v, but <text> elements: %v", outlines, hasText)
		}
		if !outlines && !bytes.Contains(buf.Bytes(), []byte("@font-face")) {
			t.Error("editable text, but no font embedded")
		}
		checkWithXmllint(t, buf.Bytes())
	}
}

// checkWithXmllint has xmllint (libxml2-utils) check the document is
// well-formed XML with its namespaces declared. CI installs it; elsewhere
// the check is skipped when it is missing.
func checkWithXmllint(t *testing.T, doc []byte) {
	t.Helper()
	if _, err := exec.LookPath("xmllint"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("xmllint is not installed (libxml2-utils)")
		}
		t.Log("xmllint is not installed: skipping its check")
		return
	}
	cmd := exec.Command("xmllint", "--noout", "--nowarning", "-")
	cmd.Stdin = bytes.NewReader(doc)
	if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("xmllint: %v\n%s", err, out)
	}
}

func TestMarkerAt(t *testing.T) {
	m := geotest.Map(t)
	vp := geotest.WholeCountry(m, 1920, 1080)
	var markers []render.Marker
	for _, p := range geotest.Places {
		markers = append(markers, render.Marker{ID: p.ID, At: m.Proj.Forward(p.LonLat)})
	}
	for i, p := range geotest.Places {
		x, y := vp.LonLatToPixel(p.LonLat)
		if got := render.MarkerAt(vp, markers, x+5, y-5, 12); got != i {
			t.Errorf("near %s found marker %d, want %d", p.ID, got, i)
		}
	}
	if got := render.MarkerAt(vp, markers, 5, 5, 12); got != -1 {
		t.Errorf("a corner found marker %d", got)
	}
}

// Clusters have no ID; with nothing selected or focused, every one of
// them is drawn, and none with a selection or focus ring.
func TestRenderClustersWithNothingSelected(t *testing.T) {
	m := geotest.Map(t)
	vp := geotest.WholeCountry(m, 800, 600)
	sc := &render.Scene{Style: render.LightStyle(1)}
	for _, p := range geotest.Places[:2] {
		sc.Markers = append(sc.Markers, render.Marker{At: m.Proj.Forward(p.LonLat), Count: 3, Places: 2})
	}
	img := draw(t, m, vp, sc, "clusters")
	for _, p := range geotest.Places[:2] {
		x, y := vp.LonLatToPixel(p.LonLat)
		n, ring := 0, 0
		for dy := -12; dy <= 12; dy++ {
			for dx := -12; dx <= 12; dx++ {
				switch img.RGBAAt(int(x)+dx, int(y)+dy) {
				case sc.Style.Marker:
					n++
				case sc.Style.Selection, sc.Style.Label:
					ring++
				}
			}
		}
		if n < 100 || ring > 0 {
			t.Errorf("cluster at %s: %d marker pixels, %d of a ring; want it drawn, with no ring", p.ID, n, ring)
		}
	}
}

// A frame allocates nothing once the renderer is warm.
func TestRenderAllocatesNothing(t *testing.T) {
	m := geotest.Map(t)
	vp := geotest.WholeCountry(m, 640, 400)
	sc := storyScene(m)
	sc.Selected, sc.SelectedState = "teocaltiche", "MX-JAL"
	r := render.NewRenderer(m)
	img := image.NewRGBA(image.Rect(0, 0, 640, 400))
	r.Render(img, vp, sc)
	if n := testing.AllocsPerRun(5, func() { r.Render(img, vp, sc) }); n != 0 {
		t.Errorf("a frame allocates %v times, want 0", n)
	}
}

// A renderer needs no closing: once unused, its helper goroutine stops.
func TestRendererHelperStops(t *testing.T) {
	m := geotest.Map(t)
	img := image.NewRGBA(image.Rect(0, 0, 64, 64))
	vp := geotest.WholeCountry(m, 64, 64)
	before := runtime.NumGoroutine()
	for i := 0; i < 20; i++ {
		render.NewRenderer(m).Render(img, vp, &render.Scene{Style: render.LightStyle(1)})
	}
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		runtime.GC()
		if runtime.NumGoroutine() <= before {
			return
		}
	}
	t.Errorf("goroutines %d after 20 unused renderers, %d before", runtime.NumGoroutine(), before)
}

// A title of a million characters (a file may hold one) is drawn cut short,
// at the cost of a short one.
func TestHugeTextIsCut(t *testing.T) {
	m := geotest.Map(t)
	vp := geotest.WholeCountry(m, 800, 600)
	sc := &render.Scene{Style: render.LightStyle(1), Title: strings.Repeat("x", 1_000_000), Attribution: strings.Repeat("y", 1_000_000)}
	start := time.Now()
	draw(t, m, vp, sc, "huge-title")
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("a frame with a huge title took %v", d)
	}
}

// The United States is named whenever it is in view, even where the
// point its name usually goes is not: along the border, zoomed in.
func TestUnitedStatesNamedWhenInView(t *testing.T) {
	m := geotest.Map(t)
	var us *geo.Region
	for _, c := range m.Countries {
		if c.Code == "USA" {
			us = c
		}
	}
	// Ciudad Juárez and El Paso, across the border.
	vp := geotest.WholeCountry(m, 1000, 700)
	vp.Center = m.Proj.Forward(orb.Point{-106.45, 31.5})
	vp.Res /= 4
	if vp.Bound().Contains(us.Label) {
		t.Fatal("the test view holds the United States' label point: move it")
	}
	sc := &render.Scene{Style: render.LightStyle(1), Lang: "en", StateLabels: true}
	var buf bytes.Buffer
	if err := render.NewRenderer(m).WriteSVG(&buf, vp, sc, render.SVGOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), ">United States of America</text>") {
		t.Error("the United States, in view, is not named")
	}
}

// The selected place's name stays readable: in both themes its colour
// has a contrast ratio of at least 4.5 (WCAG AA) against its halo laid
// over any land colour it may sit on.
func TestSelectedLabelContrast(t *testing.T) {
	lum := func(c color.RGBA) float64 {
		ch := func(v uint8) float64 {
			s := float64(v) / 255
			if s <= 0.03928 {
				return s / 12.92
			}
			return math.Pow((s+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(c.R) + 0.7152*ch(c.G) + 0.0722*ch(c.B)
	}
	over := func(top, under color.RGBA) color.RGBA { // premultiplied top over opaque under
		a := float64(top.A) / 255
		f := func(t, u uint8) uint8 { return uint8(math.Round(float64(t) + float64(u)*(1-a))) }
		return color.RGBA{f(top.R, under.R), f(top.G, under.G), f(top.B, under.B), 0xff}
	}
	for name, st := range map[string]render.Style{"light": render.LightStyle(1), "dark": render.DarkStyle(1)} {
		for _, land := range []color.RGBA{st.Land, st.Highlight, st.SelectedLand, st.Hover, st.Neighbour, st.Sea} {
			bg := over(st.Halo, land)
			l1, l2 := lum(st.Selection), lum(bg)
			ratio := (math.Max(l1, l2) + 0.05) / (math.Min(l1, l2) + 0.05)
			if ratio < 4.5 {
				t.Errorf("%s theme: the selected label %v on its halo over %v has contrast %.2f, want at least 4.5", name, st.Selection, land, ratio)
			}
		}
	}
}

// hexColour is a colour as the SVG writes it.
func hexColour(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// An area an incident is known only to is filled in its category's colour
// and outlined in it, over whatever the land is (a highlighted state
// too); what lies outside it is not touched.
func TestRenderAreas(t *testing.T) {
	m := geotest.Map(t)
	vp := geotest.WholeCountry(m, 1280, 800)
	for _, highlighted := range []bool{false, true} {
		sc := &render.Scene{Style: render.LightStyle(1), Areas: []render.Area{{Code: "MX-SON", Category: 1}, {Code: "14091", Category: 2}}}
		if highlighted {
			sc.Highlighted = []string{"MX-SON", "MX-JAL"}
		}
		plain := *sc
		plain.Areas = nil
		with, without := draw(t, m, vp, sc, "areas"), draw(t, m, vp, &plain, "no-areas")
		for _, c := range []struct {
			what   string
			at     orb.Point
			filled bool
		}{
			{"inside Sonora", orb.Point{-110.5, 29.5}, true},
			{"inside Teocaltiche's municipality", orb.Point{-102.58, 21.43}, true},
			{"inside Chihuahua", orb.Point{-106.5, 28.5}, false},
			{"inside Jalisco, away from Teocaltiche", orb.Point{-105.0, 20.3}, false},
		} {
			got, under := pixelAt(with, vp, c.at), pixelAt(without, vp, c.at)
			if (got != under) != c.filled {
				t.Errorf("highlighted %v: %s is %v over %v, filled should be %v", highlighted, c.what, got, under, c.filled)
			}
		}
		// Sonora's fill leans to its category's colour (blue).
		if got, under := pixelAt(with, vp, orb.Point{-110.5, 29.5}), pixelAt(without, vp, orb.Point{-110.5, 29.5}); int(got.B)-int(under.B) <= int(got.R)-int(under.R) {
			t.Errorf("highlighted %v: Sonora's fill %v does not lean to the category's blue", highlighted, got)
		}
		// A print layout draws the map's areas as the window does.
		const pad = 30
		printed := *sc
		printed.MapFrame = image.Rect(pad, pad, pad+vp.Width, pad+vp.Height)
		page := image.NewRGBA(image.Rect(0, 0, vp.Width+2*pad, vp.Height+2*pad))
		render.NewRenderer(m).Render(page, vp, &printed)
		for _, ll := range []orb.Point{{-110.5, 29.5}, {-102.58, 21.43}, {-106.5, 28.5}} {
			x, y := vp.LonLatToPixel(ll)
			if got, want := page.RGBAAt(int(x)+pad, int(y)+pad), pixelAt(with, vp, ll); got != want {
				t.Errorf("highlighted %v: the print layout at %v is %v, the window's %v", highlighted, ll, got, want)
			}
		}
		// And so does an SVG: a path of each area, in the areas' layer.
		var svg bytes.Buffer
		if err := render.NewRenderer(m).WriteSVG(&svg, vp, sc, render.SVGOptions{}); err != nil {
			t.Fatal(err)
		}
		doc := svg.String()
		areas, labels := strings.Index(doc, `<g id="areas"`), strings.Index(doc, `<g id="labels"`)
		for _, id := range []string{`id="area-MX-SON"`, `id="area-14091"`} {
			if i := strings.Index(doc, id); i < areas || i > labels || areas < 0 {
				t.Errorf("highlighted %v: the SVG has no %s in its areas layer", highlighted, id)
			}
		}
	}
}
