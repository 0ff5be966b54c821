package geo_test

import (
	"bytes"
	"encoding/xml"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"sovmap/geo"
	"sovmap/geo/pixeltest"
)

var writeRenders = flag.Bool("write-renders", false, "write the test renders to testdata/out for a look")

func storyScene(m *geo.Map) *geo.Scene {
	sc := &geo.Scene{
		Style:       geo.LightStyle(1),
		Lang:        "en",
		Highlighted: []string{"MX-MOR", "MX-JAL", "MX-VER"},
		StateLabels: true,
		ScaleBar:    true,
		Legend: []geo.LegendEntry{
			{Symbol: geo.LegendMarker, Text: "Incident location"},
			{Symbol: geo.LegendCluster, Text: "Several incidents"},
			{Symbol: geo.LegendHighlight, Text: "State with incidents"},
		},
		Attribution: "Boundaries: Natural Earth (public domain) · Story: Reuters, May 2025",
	}
	names := map[string]string{"huitzilac": "Huitzilac", "teuchitlan": "Teuchitlán", "teocaltiche": "Teocaltiche", "coxquihui": "Coxquihui"}
	for _, p := range places {
		n := 1
		if p.id == "teocaltiche" {
			n = 2
		}
		sc.Markers = append(sc.Markers, geo.Marker{ID: p.id, Label: names[p.id], At: m.Proj.Forward(p.lonlat), Count: n})
	}
	return sc
}

func render(t testing.TB, m *geo.Map, vp geo.Viewport, sc *geo.Scene, name string) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, vp.Width, vp.Height))
	r := geo.NewRenderer(m)
	defer r.Close()
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
	m := embeddedMap(t)
	for _, size := range [][2]int{{1280, 800}, {640, 400}} {
		vp := wholeCountry(m, size[0], size[1])
		plain := &geo.Scene{Style: geo.LightStyle(1)}
		img := render(t, m, vp, plain, "plain")
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
	m := embeddedMap(t)
	vp := wholeCountry(m, 1280, 800)
	sc := storyScene(m)
	sc.Selected = "huitzilac"
	sc.SelectedState = "MX-MOR"
	img := render(t, m, vp, sc, "story")
	for _, p := range places {
		if got := pixelAt(img, vp, p.lonlat); got != sc.Style.Marker {
			t.Errorf("marker colour at %s is %v, want %v", p.id, got, sc.Style.Marker)
		}
	}
	if got := pixelAt(img, vp, orb.Point{-105.0, 20.3}); got != sc.Style.Highlight {
		t.Errorf("Jalisco (with incidents) is %v, want the highlight %v", got, sc.Style.Highlight)
	}
	if got := pixelAt(img, vp, orb.Point{-106.5, 28.5}); got != sc.Style.Land {
		t.Errorf("Chihuahua (no incidents) is %v, want land %v", got, sc.Style.Land)
	}
	// The selection ring sits around Huitzilac's marker.
	x, y := vp.LonLatToPixel(places[0].lonlat)
	ring := img.RGBAAt(int(x), int(y+sc.Style.MarkerSize+4.5))
	if ring != sc.Style.Selection {
		t.Errorf("selection ring pixel is %v, want %v", ring, sc.Style.Selection)
	}
}

func TestRenderOverlaysDrawn(t *testing.T) {
	m := embeddedMap(t)
	vp := wholeCountry(m, 1280, 800)
	sc := storyScene(m)
	with := render(t, m, vp, sc, "overlays")
	sc.Legend, sc.ScaleBar, sc.Attribution = nil, false, ""
	without := render(t, m, vp, sc, "no-overlays")
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
	m := embeddedMap(t)
	vp := wholeCountry(m, 800, 600)
	x, y := vp.LonLatToPixel(places[1].lonlat) // Teuchitlán
	vp = vp.ZoomAbout(x, y, 1e6)               // to the resolution limit
	sc := &geo.Scene{Style: geo.LightStyle(1)}
	img := render(t, m, vp, sc, "deep-zoom")
	// Teuchitlán is inland in Jalisco: the whole view is land.
	for _, px := range [][2]int{{0, 0}, {799, 0}, {0, 599}, {799, 599}, {400, 300}} {
		if got := img.RGBAAt(px[0], px[1]); got != sc.Style.Land {
			t.Errorf("pixel %v at deep zoom is %v, want land", px, got)
		}
	}
}

func TestWriteSVG(t *testing.T) {
	m := embeddedMap(t)
	vp := wholeCountry(m, 1200, 800)
	sc := storyScene(m)
	sc.Title, sc.Caption, sc.NorthArrow = "A title & more", "Teocaltiche · 28 Apr 2025", true
	r := geo.NewRenderer(m)
	defer r.Close()
	var buf bytes.Buffer
	if err := r.WriteSVG(&buf, vp, sc); err != nil {
		t.Fatal(err)
	}
	if *writeRenders {
		os.MkdirAll(filepath.Join("testdata", "out"), 0o755)
		os.WriteFile(filepath.Join("testdata", "out", "story.svg"), buf.Bytes(), 0o644)
	}
	var doc struct {
		Width  string `xml:"width,attr"`
		Height string `xml:"height,attr"`
		Groups []struct {
			ID    string `xml:"id,attr"`
			Paths []struct {
				ID    string `xml:"id,attr"`
				Class string `xml:"class,attr"`
				D     string `xml:"d,attr"`
			} `xml:"path"`
			Texts   []string   `xml:"text"`
			Circles []struct{} `xml:"circle"`
		} `xml:"g"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("the SVG is not XML: %v", err)
	}
	if doc.Width != "1200" || doc.Height != "800" {
		t.Errorf("size %sx%s, want 1200x800", doc.Width, doc.Height)
	}
	states := map[string]bool{}
	var texts []string
	circles := 0
	for _, g := range doc.Groups {
		for _, p := range g.Paths {
			if p.Class == "state" {
				if states[p.ID] {
					t.Errorf("state %s drawn twice", p.ID)
				}
				states[p.ID] = true
				if !strings.HasPrefix(p.D, "M") || !strings.HasSuffix(p.D, "Z") {
					t.Errorf("state %s path data %.40q…", p.ID, p.D)
				}
			}
		}
		texts = append(texts, g.Texts...)
		circles += len(g.Circles)
	}
	if len(states) != 32 {
		t.Errorf("%d state elements, want 32", len(states))
	}
	all := strings.Join(texts, "|")
	for _, want := range []string{"Teocaltiche", "Chihuahua", "A title & more", "Boundaries: Natural Earth", "Incident location", "N"} {
		if !strings.Contains(all, want) {
			t.Errorf("no text %q in the SVG", want)
		}
	}
	if circles < 8 {
		t.Errorf("%d circles, want the markers (and their rings)", circles)
	}
}
