package export

import (
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"sovmap/assets/story"
	"sovmap/geo"
)

// Format is an output file format.
type Format string

// The formats the map exports to.
const (
	PNG Format = "png"
	SVG Format = "svg"
)

// ClusterRadius is how close, in points, two of n markers come before they
// merge: when their symbols would touch; with hundreds of places, twice
// that, so a dense map stays legible (and quick to draw).
func ClusterRadius(n int) float64 {
	if n > 300 {
		return 40
	}
	return 20
}

// MaxSide is the largest width or height of an export, pixels.
const MaxSide = 16384

// Preset is a named output size.
type Preset struct {
	Name          string
	Width, Height int
}

// Presets are the sizes offered in the export dialog.
var Presets = []Preset{
	{"1920 × 1080 (Full HD)", 1920, 1080},
	{"3840 × 2160 (4K)", 3840, 2160},
	{"A4 landscape, 300 dpi (3508 × 2480)", 3508, 2480},
}

// Options says what to export.
type Options struct {
	Width, Height int
	Format        Format
	Lang          string
	Title         string
	Caption       string
	Select        string // a place id, or "" for none
	Legend        bool
	ScaleBar      bool
	NorthArrow    bool
	Attribution   bool
	// View, when set, is the projected area to show (the window's view);
	// otherwise all of Mexico.
	View *geo.Viewport
}

// DefaultOptions are the export's defaults: 1920x1080 PNG with the story's
// title, every decoration on.
func DefaultOptions(s *story.Story, lang string) Options {
	return Options{Width: 1920, Height: 1080, Format: PNG, Lang: lang, Title: s.Title.In(lang),
		Legend: true, ScaleBar: true, NorthArrow: true, Attribution: true}
}

// FormatFor picks the format from a file name's extension.
func FormatFor(path string) (Format, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".png":
		return PNG, nil
	case ".svg":
		return SVG, nil
	}
	return "", fmt.Errorf("%s: unknown image type %q (use .png or .svg)", path, filepath.Ext(path))
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
		return 0, 0, fmt.Errorf("size %q is not WIDTHxHEIGHT, e.g. 1920x1080", s)
	}
	return w, h, CheckSize(w, h)
}

// CheckSize accepts sizes from 1 to MaxSide pixels a side.
func CheckSize(w, h int) error {
	if w < 1 || h < 1 || w > MaxSide || h > MaxSide {
		return fmt.Errorf("size %dx%d is out of range: each side must be 1 to %d pixels", w, h, MaxSide)
	}
	return nil
}

// scaleFor sizes lines and text to the output: one point per pixel at
// 720 pixels on the short side, proportionally more above.
func scaleFor(w, h int) float64 {
	return math.Max(1, float64(min(w, h))/720)
}

// Plan is one export worked out: the view at the output size and the scene.
type Plan struct {
	View  geo.Viewport
	Scene geo.Scene
}

// NewPlan works out the view and the scene of an export.
func NewPlan(s *story.Story, m *geo.Map, o Options) (Plan, error) {
	if err := CheckSize(o.Width, o.Height); err != nil {
		return Plan{}, err
	}
	var sel *story.Place
	if o.Select != "" {
		if sel = s.PlaceByID(o.Select); sel == nil {
			return Plan{}, fmt.Errorf("no place %q in the story (places: %s)", o.Select, placeIDs(s))
		}
	}
	scale := scaleFor(o.Width, o.Height)
	bound, margin := m.Bound, 24*scale
	if o.View != nil {
		bound, margin = o.View.Bound(), 0
	}
	vp := geo.Fit(m.Proj, bound, o.Width, o.Height, margin)
	keep := ""
	if sel != nil {
		keep = sel.ID
	}
	var c geo.Clusterer
	markers := c.Cluster(vp, Markers(s, m), ClusterRadius(len(s.Places))*scale, keep, nil)
	sc := Scene(s, markers, PlaceStates(s, m), o.Lang, sel, geo.LightStyle(scale))
	sc.Title, sc.Caption, sc.NorthArrow = o.Title, o.Caption, o.NorthArrow
	if !o.Legend {
		sc.Legend = nil
	}
	sc.ScaleBar = o.ScaleBar
	if !o.Attribution {
		sc.Attribution = ""
	}
	return Plan{View: vp, Scene: sc}, nil
}

func placeIDs(s *story.Story) string {
	ids := make([]string, 0, len(s.Places))
	for _, p := range s.Places {
		ids = append(ids, p.ID)
	}
	return strings.Join(ids, ", ")
}

// Encode draws the plan with r and writes it to w in format f.
func (p Plan) Encode(w io.Writer, r *geo.Renderer, f Format) error {
	switch f {
	case SVG:
		return r.WriteSVG(w, p.View, &p.Scene)
	case PNG:
		img := image.NewRGBA(image.Rect(0, 0, p.View.Width, p.View.Height))
		r.Render(img, p.View, &p.Scene)
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		return enc.Encode(w, img)
	}
	return fmt.Errorf("unknown format %q", f)
}

// Map exports the story's map to path, in the format its extension names.
func Map(path string, s *story.Story, m *geo.Map, o Options) error {
	f, err := FormatFor(path)
	if err != nil {
		return err
	}
	o.Format = f
	plan, err := NewPlan(s, m, o)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	r := geo.NewRenderer(m)
	defer r.Close()
	return WriteFile(path, func(w io.Writer) error { return plan.Encode(w, r, f) })
}

// WriteFile writes a file through a temporary file in the same folder,
// synced and renamed into place: a failure at any point leaves no partial
// file and leaves an existing file as it was.
func WriteFile(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return fmt.Errorf("%s is a folder", path)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write in %s: %w", dir, unwrapPath(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	return nil
}

// unwrapPath drops the temporary file's name from an error, which would
// only confuse: the message names the file the user chose.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
