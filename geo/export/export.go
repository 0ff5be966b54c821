// Package export writes what the app state shows as pictures for an
// article: the map as PNG or SVG at any size, with title, caption, legend,
// scale bar, north arrow and attribution, drawn from the one scene the
// window draws (geo/scene), and written so that a failure never leaves a
// partial or damaged file.
package export

import (
	"context"
	"image"
	"image/png"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/paulmach/orb"

	"sovmap/assets"
	"sovmap/geo"
	"sovmap/geo/appstate"
	"sovmap/geo/atomicfile"
	"sovmap/geo/phrase"
	"sovmap/geo/render"
	"sovmap/geo/scene"
)

// Format is an output file format.
type Format string

// The formats the map exports to.
const (
	PNG  Format = "png"
	SVG  Format = "svg"
	HTML Format = "html" // the interactive page (page.go)
)

// MaxSide is the largest width or height of an export, pixels.
const MaxSide = 16384

// Preset is a named output size, with the resolution a PNG of it records.
type Preset struct {
	Name          string
	Width, Height int
	DPI           int
}

// Presets are the sizes offered in the export dialog.
var Presets = []Preset{
	{"1920 × 1080 (Full HD)", 1920, 1080, DefaultDPI},
	{"3840 × 2160 (4K)", 3840, 2160, DefaultDPI},
	{"A4 landscape, 300 dpi (3508 × 2480)", 3508, 2480, 300},
}

// DefaultDPI is the resolution a PNG records unless told otherwise: a
// screen's.
const DefaultDPI = 96

// MaxDPI is the highest resolution a PNG may record.
const MaxDPI = 2400

// Options says how to export.
type Options struct {
	Width, Height int
	// DPI is the print resolution a PNG records (pHYs); 0 is DefaultDPI.
	DPI int
	// Outlines draws an SVG's text as the glyphs' outlines, the same in
	// every consumer, rather than as editable text.
	Outlines bool
	// Print lays the furniture out around the map, never over it (the
	// default); otherwise it floats over the map, as in the window.
	Print     bool
	Furniture scene.Furniture
	// Lang is the language of the map's words; "" is the state's.
	Lang string
}

// CheckDPI accepts resolutions from 1 to MaxDPI.
func CheckDPI(dpi int) error {
	if dpi < 1 || dpi > MaxDPI {
		return phrase.Errorf("resolution %d dpi is out of range: 1 to %d", dpi, MaxDPI)
	}
	return nil
}

// DefaultOptions are the export's defaults for what st shows: 1920x1080
// with the story's title, the default caption and every decoration.
func DefaultOptions(st *appstate.Session) Options {
	return Options{Width: 1920, Height: 1080, DPI: DefaultDPI, Print: true, Furniture: scene.Furniture{
		Title: st.Story().Title.In(st.Lang()), Caption: scene.Caption(st),
		Legend: true, ScaleBar: true, NorthArrow: true, Attribution: true, Inset: true}}
}

// FormatFor picks the format from a file name's extension.
func FormatFor(path string) (Format, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".png":
		return PNG, nil
	case ".svg":
		return SVG, nil
	case ".html", ".htm":
		return HTML, nil
	}
	return "", phrase.Errorf("%s: unknown file type %q (use .png, .svg, or .html for an interactive page)", path, filepath.Ext(path))
}

// ParseSize reads "WIDTHxHEIGHT", e.g. "1920x1080".
func ParseSize(s string) (w, h int, err error) {
	ws, hs, ok := strings.Cut(strings.ToLower(strings.TrimSpace(s)), "x")
	if ok {
		w, err = strconv.Atoi(ws)
		if err == nil {
			h, err = strconv.Atoi(hs)
		}
	}
	if !ok || err != nil {
		return 0, 0, phrase.Errorf("size %q is not WIDTHxHEIGHT, e.g. 1920x1080", s)
	}
	return w, h, CheckSize(w, h)
}

// CheckSize accepts sizes from 1 to MaxSide pixels a side.
func CheckSize(w, h int) error {
	if w < 1 || h < 1 || w > MaxSide || h > MaxSide {
		return phrase.Errorf("size %dx%d is out of range: each side must be 1 to %d pixels", w, h, MaxSide)
	}
	return nil
}

// ScaleFor is how many pixels an export w x h pixels large gives a point
// (a screen unit) when it stands for a window of its own: one at 720
// pixels on the short side, proportionally more above. The command line
// sizes its view with it.
func ScaleFor(w, h int) float64 {
	return math.Max(1, float64(min(w, h))/720)
}

// Plan is one export worked out: the view at the output size, the scene,
// and what a PNG records about itself.
type Plan struct {
	View  geo.Viewport
	Scene render.Scene
	Info  PNGInfo
	SVG   render.SVGOptions
}

// NewPlan works out an export of what st shows (its view fitted into the
// output) with the options' size and furniture. It reads st, so it runs
// where st is used; the plan can then be drawn anywhere.
func NewPlan(st *appstate.Session, o Options) (Plan, error) {
	if err := CheckSize(o.Width, o.Height); err != nil {
		return Plan{}, err
	}
	if st.Map() == nil {
		return Plan{}, phrase.New("the map has not loaded yet")
	}
	dpi := o.DPI
	if dpi == 0 {
		dpi = DefaultDPI
	}
	if err := CheckDPI(dpi); err != nil {
		return Plan{}, err
	}
	vp, sc := scene.Build(st, scene.Frame{Width: o.Width, Height: o.Height, Furniture: o.Furniture, Print: o.Print, Lang: o.Lang})
	title := o.Furniture.Title
	if title == "" {
		title = st.Story().Title.In(st.Lang())
	}
	info := PNGInfo{DPI: dpi, Title: title, Source: scene.Attribution(st), Software: "Sovmap " + assets.Version}
	return Plan{View: vp, Scene: sc, Info: info, SVG: render.SVGOptions{Outlines: o.Outlines}}, nil
}

// Pixel is where a projected point lands in the exported image: in the
// map's view, moved into its frame in a print layout.
func (p Plan) Pixel(pt orb.Point) (x, y float64) {
	x, y = p.View.ToPixel(pt)
	return x + float64(p.Scene.MapFrame.Min.X), y + float64(p.Scene.MapFrame.Min.Y)
}

// Encode draws the plan with r and writes it to w in format f; when ctx
// is done, it stops drawing and returns ctx's error.
func (p Plan) Encode(ctx context.Context, w io.Writer, r *render.Renderer, f Format) error {
	switch f {
	case SVG:
		return r.WriteSVG(w, p.View, &p.Scene, p.SVG)
	case PNG:
		size := image.Pt(p.View.Width, p.View.Height)
		if !p.Scene.MapFrame.Empty() {
			size = p.Scene.Page
		}
		img := image.NewRGBA(image.Rectangle{Max: size})
		if err := r.RenderContext(ctx, img, p.View, &p.Scene); err != nil {
			return err
		}
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		return enc.Encode(newMetaWriter(w, p.Info), img)
	}
	return phrase.Errorf("unknown format %q", f)
}

// Write draws the plan with m's renderer and writes it to path, in the
// format its extension names, atomically; when ctx is done, it stops and
// writes nothing.
func (p Plan) Write(ctx context.Context, path string, m *geo.Map) error {
	f, err := FormatFor(path)
	if err != nil {
		return err
	}
	r := render.NewRenderer(m)
	return atomicfile.WriteFileContext(ctx, path, func(w io.Writer) error { return p.Encode(ctx, w, r, f) })
}

// Map exports what st shows to path, in the format its extension names.
func Map(path string, st *appstate.Session, o Options) error {
	if _, err := FormatFor(path); err != nil {
		return err
	}
	if f, _ := FormatFor(path); f == HTML {
		page, err := NewPagePlan(st, o)
		if err != nil {
			return phrase.Errorf("%s: %w", path, err)
		}
		return page.Write(context.Background(), path, st.Map())
	}
	plan, err := NewPlan(st, o)
	if err != nil {
		return phrase.Errorf("%s: %w", path, err)
	}
	return plan.Write(context.Background(), path, st.Map())
}
