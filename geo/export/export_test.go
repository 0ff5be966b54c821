package export_test

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/color"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"sovmap/geo/appstate"
	"sovmap/geo/export"
	"sovmap/geo/geotest"
	"sovmap/geo/pixeltest"
	"sovmap/geo/render"
	"sovmap/geo/scene"
)

// newState is the state of a window w x h units large showing the
// built-in story.
func newState(tb testing.TB, w, h float64) *appstate.Session { return geotest.State(tb, nil, w, h) }

func TestExportPNG(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		w, h int
	}{
		{"full-hd", 1920, 1080},
		{"a4", 3508, 2480},
		{"small-portrait", 400, 700},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := export.ScaleFor(tt.w, tt.h)
			st := newState(t, float64(tt.w)/k, float64(tt.h)/k)
			st.SelectPlace(st.Story().PlaceByID("teocaltiche"))
			o := export.DefaultOptions(st)
			o.Width, o.Height = tt.w, tt.h
			path := filepath.Join(dir, tt.name+".png")
			if err := export.Map(path, st, o); err != nil {
				t.Fatal(err)
			}
			img := pixeltest.DecodePNG(t, path)
			if b := img.Bounds(); b.Dx() != tt.w || b.Dy() != tt.h {
				t.Fatalf("size %v, want %dx%d", b.Size(), tt.w, tt.h)
			}
			plan, err := export.NewPlan(st, o)
			if err != nil {
				t.Fatal(err)
			}
			style := plan.Scene.Style
			at := func(lon, lat float64) color.Color {
				x, y := plan.Pixel(plan.View.Proj.Forward(orb.Point{lon, lat}))
				return img.At(int(x), int(y))
			}
			if c := at(-104.9, 29.6); !pixeltest.SameRGB(c, style.Land) {
				t.Errorf("Chihuahua is %v, want land %v", c, style.Land)
			}
			if c := at(-93, 24); !pixeltest.SameRGB(c, style.Sea) {
				t.Errorf("the Gulf of Mexico is %v, want sea %v", c, style.Sea)
			}
			// Teocaltiche's incidents are political violence, known only to
			// the municipality: a ring in its category's colour at the
			// municipality's heart.
			want := style.CategoryColor(3)
			for _, m := range plan.Scene.Markers {
				if m.ID != "teocaltiche" {
					continue
				}
				x, y := plan.Pixel(m.At)
				ring := 0.75 * style.MarkerSize * style.Scale
				inRing := 0 // of the eight points halfway round the ring, those in its colour
				for a := range 8 {
					px, py := x+ring*math.Cos(float64(a)*math.Pi/4), y+ring*math.Sin(float64(a)*math.Pi/4)
					if pixeltest.SameRGB(img.At(int(math.Round(px)), int(math.Round(py))), want) {
						inRing++
					}
				}
				if m.Area != "14091" || inRing < 4 {
					t.Errorf("Teocaltiche's marker (area %q): %d of 8 points round its ring in %v", m.Area, inRing, want)
				}
				if c := img.At(int(x), int(y)); pixeltest.SameRGB(c, want) {
					t.Errorf("Teocaltiche's marker is a pin (%v at its centre), want a ring", c)
				}
			}
			// The decorations are in the image: compare with a bare export.
			bare := o
			bare.Furniture = scene.Furniture{}
			barePath := filepath.Join(dir, tt.name+"-bare.png")
			if err := export.Map(barePath, st, bare); err != nil {
				t.Fatal(err)
			}
			plain := pixeltest.DecodePNG(t, barePath)
			u := int(float64(min(tt.w, tt.h)) / 720 * 10)
			corners := map[string]image.Rectangle{
				"title and legend": image.Rect(u, u, 12*u, 12*u),
				"attribution":      image.Rect(tt.w-10*u, tt.h-3*u, tt.w-u, tt.h-u),
			}
			for what, r := range corners {
				if n := pixeltest.Differ(img, plain, r); n < r.Dx()*r.Dy()/5 {
					t.Errorf("%s area: %d of %d pixels differ from a bare export", what, n, r.Dx()*r.Dy())
				}
			}
		})
	}
}

func TestExportSVG(t *testing.T) {
	st := newState(t, 1280, 720)
	st.SetLanguage("es")
	path := filepath.Join(t.TempDir(), "map.svg")
	o := export.DefaultOptions(st)
	if err := export.Map(path, st, o); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(bytes.NewReader(raw))
	states, texts := 0, []string{}
	var inText bool
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not XML: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			inText = el.Name.Local == "text"
			for _, a := range el.Attr {
				if el.Name.Local == "path" && a.Name.Local == "class" && a.Value == "state" {
					states++
				}
			}
		case xml.CharData:
			if inText {
				texts = append(texts, string(el))
			}
		}
	}
	if states != 32 {
		t.Errorf("%d state elements, want 32", states)
	}
	all := strings.Join(texts, "|")
	for _, want := range []string{o.Furniture.Title, "Límites: INEGI", "Teocaltiche"} {
		if !strings.Contains(all, want) {
			t.Errorf("no text %q in the SVG", want)
		}
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		w, h int
		ok   bool
	}{
		{"1920x1080", 1920, 1080, true},
		{" 800X600 ", 800, 600, true},
		{"16384x1", 16384, 1, true},
		{"0x100", 0, 0, false},
		{"-5x100", 0, 0, false},
		{"16385x100", 0, 0, false},
		{"100", 0, 0, false},
		{"axb", 0, 0, false},
	}
	for _, tt := range tests {
		w, h, err := export.ParseSize(tt.in)
		if (err == nil) != tt.ok || (tt.ok && (w != tt.w || h != tt.h)) {
			t.Errorf("ParseSize(%q) = %d, %d, %v", tt.in, w, h, err)
		}
	}
}

// The failure cases: each gives a clear error, leaves no file behind (no
// temporary either) and keeps an existing file as it was.
func TestExportFailuresLoseNothing(t *testing.T) {
	st := newState(t, 1280, 720)
	dir := t.TempDir()
	existing := filepath.Join(dir, "existing.png")
	original := []byte("an earlier export, not to be lost")
	folder := filepath.Join(dir, "folder.png")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	afile := filepath.Join(dir, "plain-file")
	if err := os.WriteFile(afile, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string
		opts func(*export.Options)
		want string
	}{
		{"zero size", existing, func(o *export.Options) { o.Width = 0 }, "out of range"},
		{"negative size", existing, func(o *export.Options) { o.Height = -3 }, "out of range"},
		{"too large", existing, func(o *export.Options) { o.Width = 16385 }, "out of range"},
		{"unknown type", filepath.Join(dir, "map.gif"), nil, "unknown file type"},
		{"folder missing", filepath.Join(dir, "no", "such", "map.png"), nil, "cannot write in"},
		{"parent is a file", filepath.Join(afile, "map.png"), nil, "cannot write in"},
		{"target is a folder", folder, nil, "is a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := os.WriteFile(existing, original, 0o644); err != nil {
				t.Fatal(err)
			}
			o := export.DefaultOptions(st)
			if tt.opts != nil {
				tt.opts(&o)
			}
			err := export.Map(tt.path, st, o)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
			if got, _ := os.ReadFile(existing); !bytes.Equal(got, original) {
				t.Error("the existing file was changed")
			}
			leftovers, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
			if len(leftovers) > 0 {
				t.Errorf("temporary files left: %v", leftovers)
			}
		})
	}
}

// On a real full disk: a 64 KiB tmpfs, where one is allowed (root).
func TestExportToFullDisk(t *testing.T) {
	st := newState(t, 1280, 720)
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small tmpfs here: %v %s", err, out)
	}
	defer exec.Command("umount", dir).Run()
	path := filepath.Join(dir, "map.png")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := export.Map(path, st, export.DefaultOptions(st))
	if err == nil || !strings.Contains(err.Error(), "no space left on device") {
		t.Fatalf("error %v, want no space left", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("the old file now holds %d bytes", len(got))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the disk holds %d entries, want only the old file", len(entries))
	}
}

// BenchmarkExport4K is a 3840x2160 PNG export end to end: plan, render,
// encode, write and rename.
func BenchmarkExport4K(b *testing.B) {
	st := newState(b, 1280, 720)
	dir := b.TempDir()
	o := export.DefaultOptions(st)
	o.Width, o.Height = 3840, 2160
	path := filepath.Join(dir, "map.png")
	for b.Loop() {
		if err := export.Map(path, st, o); err != nil {
			b.Fatal(err)
		}
	}
}

// A zoomed-in export shows a locator map (Mexico, the area outlined) in
// its bottom band; the whole country needs none, and it can be turned off.
func TestExportLocatorWhenZoomedIn(t *testing.T) {
	st := newState(t, 1280, 720)
	o := export.DefaultOptions(st)
	o.Width, o.Height = 1600, 1000
	whole, err := export.NewPlan(st, o)
	if err != nil {
		t.Fatal(err)
	}
	if whole.Scene.Inset {
		t.Error("the whole country's export has a locator map")
	}
	st.ZoomAbout(640, 360, 4)
	zoomed, err := export.NewPlan(st, o)
	if err != nil {
		t.Fatal(err)
	}
	if !zoomed.Scene.Inset || zoomed.Scene.MapFrame.Empty() {
		t.Fatalf("a zoomed-in export has no locator map (inset %v, frame %v)", zoomed.Scene.Inset, zoomed.Scene.MapFrame)
	}
	// Its legend lists only what its frame draws.
	for _, e := range zoomed.Scene.Legend {
		if e.Symbol != render.LegendMarker {
			continue
		}
		drawn := false
		for _, m := range zoomed.Scene.Markers {
			drawn = drawn || (m.Places <= 1 && m.Category == e.Category)
		}
		if !drawn {
			t.Errorf("the legend lists %q, which the zoomed export does not draw", e.Text)
		}
	}
	path := filepath.Join(t.TempDir(), "zoomed.png")
	if err := export.Map(path, st, o); err != nil {
		t.Fatal(err)
	}
	img := pixeltest.DecodePNG(t, path)
	// The locator sits at the bottom right, below the frame: its sea and
	// the outline of the area, in the selection colour, are there.
	style := zoomed.Scene.Style
	box := image.Rect(o.Width*3/4, zoomed.Scene.MapFrame.Max.Y, o.Width, o.Height)
	sea, outline := 0, 0
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			switch c := img.At(x, y); {
			case pixeltest.SameRGB(c, style.Sea):
				sea++
			case pixeltest.SameRGB(c, style.Selection):
				outline++
			}
		}
	}
	if sea < 1000 || outline < 40 {
		t.Errorf("no locator at the bottom right: %d sea pixels, %d of the outline", sea, outline)
	}
	o.Furniture.Inset = false
	off, err := export.NewPlan(st, o)
	if err != nil {
		t.Fatal(err)
	}
	if off.Scene.Inset {
		t.Error("the locator map turned off, but drawn")
	}
}
