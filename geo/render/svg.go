package render

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"

	"sovmap/geo"
	"sovmap/geo/topology"

	gotext "github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/paulmach/orb"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// SVGOptions says how to write an SVG.
type SVGOptions struct {
	// Outlines draws text as paths (the glyphs' outlines), so that every
	// consumer shows exactly the export's letters; otherwise text stays
	// editable, in the Go fonts embedded as @font-face data.
	Outlines bool
	// Translations are the scene again in other languages, by language
	// code, for a page to switch between: the same view of the same
	// markers and areas, with their own words. Each language's words and
	// markers (the layers over the map, and a print layout's furniture)
	// are groups of class "lang" with its code in data-lang, the scene's
	// own shown and the others display="none", their ids prefixed with
	// their code ("es-marker-ID"). The map's geometry is written once for
	// the translations of the scene's own frame; one whose print layout
	// frames the map otherwise (its legend is longer) is written whole, in
	// one such group.
	Translations map[string]Translation
}

// Translation is the scene in another language (SVGOptions), drawn in the
// view View.
type Translation struct {
	View  geo.Viewport
	Scene *Scene
}

// svgNS are the namespaces the document uses beyond SVG's: Inkscape's, for
// groups it shows as layers, and Dublin Core's and RDF's, for the metadata.
const svgNS = `xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" ` +
	`xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/"`

// WriteSVG writes the view vp of the map and the scene as an SVG document of
// vp.Width by vp.Height: vectors from the same geometry and the same layout
// as Render, clipped to the frame, in one group per layer (countries,
// states, highlights, labels, markers, furniture) that Inkscape shows as
// layers: one <path> per state (its id the ISO code) and per country, one
// group per marker (its id the place's), and one element per label with its
// halo under it (paint-order). The title, caption and attribution are also
// the document's <title>, <desc> and <metadata>.
func (r *Renderer) WriteSVG(w io.Writer, vp geo.Viewport, sc *Scene, o SVGOptions) error {
	bw := bufio.NewWriter(w)
	page, err := svgPage(vp, sc)
	if err != nil {
		return err
	}
	var shared []language // drawn over the scene's own map
	var whole []language  // drawn whole, in a frame of their own
	for _, lang := range slices.Sorted(maps.Keys(o.Translations)) {
		t := o.Translations[lang]
		if lang == sc.Lang || t.Scene == nil {
			continue
		}
		if tp, err := svgPage(t.View, t.Scene); err != nil || tp != page {
			return fmt.Errorf("geo: WriteSVG: the %s translation's page differs", lang)
		}
		if t.View == vp && t.Scene.MapFrame == sc.MapFrame {
			shared = append(shared, language{lang, t.View, t.Scene})
		} else {
			whole = append(whole, language{lang, t.View, t.Scene})
		}
	}
	s := &svgSurface{w: bw, width: page.X, outlines: o.Outlines, r: r}
	fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8"?>
<svg %s width="%d" height="%d" viewBox="0 0 %d %d">
`, svgNS, page.X, page.Y, page.X, page.Y)
	if sc.Title != "" {
		fmt.Fprintf(bw, "<title>%s</title>\n", xmlText(sc.Title))
	}
	if sc.Caption != "" {
		fmt.Fprintf(bw, "<desc>%s</desc>\n", xmlText(sc.Caption))
	}
	fmt.Fprintf(bw, `<metadata><rdf:RDF><rdf:Description rdf:about=""><dc:title>%s</dc:title><dc:source>%s</dc:source><dc:creator>Sovmap</dc:creator></rdf:Description></rdf:RDF></metadata>
`, xmlText(sc.Title), xmlText(sc.Attribution))
	fmt.Fprintf(bw, `<defs><clipPath id="frame"><rect width="%d" height="%d"/></clipPath>`, vp.Width, vp.Height)
	for _, l := range whole {
		fmt.Fprintf(bw, `<clipPath id="%s-frame"><rect width="%d" height="%d"/></clipPath>`, xmlText(l.code), l.view.Width, l.view.Height)
	}
	if !o.Outlines {
		writeFontFaces(bw)
	}
	bw.WriteString("</defs>\n")
	if len(shared)+len(whole) > 0 {
		s.mainLang = sc.Lang
	}
	s.drawing(vp, sc, page, shared)
	for _, l := range whole {
		fmt.Fprintf(bw, `<g class="lang" data-lang="%s" display="none">`+"\n", xmlText(l.code))
		s.prefix = l.code + "-"
		s.drawing(l.view, l.scene, page, nil)
		s.prefix = ""
		bw.WriteString("</g>\n")
	}
	bw.WriteString("</svg>\n")
	return bw.Flush()
}

// language is a translation of the scene (SVGOptions.Translations).
type language struct {
	code  string
	view  geo.Viewport
	scene *Scene
}

// svgPage is the size of the page that scene sc of view vp draws: the
// view's, or a print layout's page, which must hold the map's frame.
func svgPage(vp geo.Viewport, sc *Scene) (image.Point, error) {
	if sc.MapFrame.Empty() {
		return image.Pt(vp.Width, vp.Height), nil
	}
	if sc.MapFrame.Dx() != vp.Width || sc.MapFrame.Dy() != vp.Height || !sc.MapFrame.In(image.Rectangle{Max: sc.Page}) {
		return image.Point{}, fmt.Errorf("geo: WriteSVG: the map frame %v and the view %dx%d differ, or leave the page %v", sc.MapFrame, vp.Width, vp.Height, sc.Page)
	}
	return sc.Page, nil
}

// drawing writes one scene of view vp on its page: a print layout's paper,
// the map's geometry clipped to its frame and, over it, the words and
// markers; then a print layout's frame line and the furniture in the
// bands. shared are translations drawn over the same geometry: each
// language's words in its own group (SVGOptions.Translations). The ids
// start with the surface's prefix.
func (s *svgSurface) drawing(vp geo.Viewport, sc *Scene, page image.Point, shared []language) {
	r, bw, st, p := s.r, s.w, &sc.Style, s.prefix
	print := !sc.MapFrame.Empty()
	if print {
		fmt.Fprintf(bw, `<rect id="%spaper" width="%d" height="%d" fill="%s"/>
<g id="%smap" transform="translate(%d %d)" clip-path="url(#%sframe)">
`, p, page.X, page.Y, hex(opaque(st.Panel)), p, sc.MapFrame.Min.X, sc.MapFrame.Min.Y, p)
	} else {
		fmt.Fprintf(bw, `<g id="%smap" clip-path="url(#%sframe)">`+"\n", p, p)
	}
	fmt.Fprintf(bw, `<rect id="%ssea" width="%d" height="%d" fill="%s"/>
`, p, vp.Width, vp.Height, hex(st.Sea))
	s.land(vp, sc, p)
	bounds := image.Rect(0, 0, vp.Width, vp.Height)
	s.inEach(sc, shared, func(sc *Scene) {
		if print {
			r.placed = r.placed[:0]
			r.reserveMarkerLabels(vp, sc)
		} else {
			r.layout(vp, sc, bounds)
		}
		r.onLand(s, bounds, vp, sc, func(id, name string) { s.layer(id, name, "") })
		if !print {
			s.layer("furniture", "Title, legend, scale and attribution", "")
			r.overlays(s, bounds, vp, sc)
		}
		s.closeLayer()
	})
	bw.WriteString("</g>\n")
	if !print {
		return
	}
	f := sc.MapFrame
	line := math.Max(1, math.Round(st.Scale))
	fmt.Fprintf(bw, `<rect id="%sframe-line" x="%g" y="%g" width="%g" height="%g" fill="none" stroke="%s" stroke-width="%g"/>`+"\n",
		p, float64(f.Min.X)-line/2, float64(f.Min.Y)-line/2, float64(f.Dx())+line, float64(f.Dy())+line, hex(st.StateBorder), line)
	s.inEach(sc, shared, func(sc *Scene) {
		s.layer("furniture", "Title, legend, scale and attribution", "")
		r.printLayout(s, page.X, page.Y, vp, sc)
		s.closeLayer()
	})
}

// inEach writes f of the scene, and, with translations, of each of them,
// in the groups a page switches between (SVGOptions.Translations).
func (s *svgSurface) inEach(sc *Scene, shared []language, f func(*Scene)) {
	if s.mainLang == "" || s.prefix != "" {
		f(sc)
		return
	}
	fmt.Fprintf(s.w, `<g class="lang" data-lang="%s">`+"\n", xmlText(sc.Lang))
	f(sc)
	s.w.WriteString("</g>\n")
	for _, l := range shared {
		fmt.Fprintf(s.w, `<g class="lang" data-lang="%s" display="none">`+"\n", xmlText(l.code))
		s.prefix = l.code + "-"
		f(l.scene)
		s.prefix = ""
		s.w.WriteString("</g>\n")
	}
}

// land writes the map's layers (MapLayers) of view vp, each a group whose
// id (and its paths') start with prefix: the map's, Inkscape layers, or
// the locator's, plain groups. A fill layer writes one path per region
// in view, its id the region's code; a stroke layer one path of the arcs
// it draws, each once, or, with SVGPaths, one path per region in view (each
// municipality its own, its id its INEGI key).
func (s *svgSurface) land(vp geo.Viewport, sc *Scene, prefix string) {
	bw := s.w
	st := &sc.Style
	m := s.r.Map
	view := vp.Bound()
	for i := range MapLayers {
		l := &MapLayers[i]
		if !l.ShownAt(vp, &sc.Style) {
			continue
		}
		arcs := m.Arcs(l.Level(m, vp))
		mode := ""
		if prefix == "" {
			mode = fmt.Sprintf(` inkscape:groupmode="layer" inkscape:label="%s"`, xmlText(l.Label))
		}
		if l.Stroke != nil {
			// A translucent stroke's opacity goes on its group, so that
			// where two municipalities' paths share a boundary it is not
			// drawn darker, as the raster draws it once.
			if c, _ := l.Stroke(st); c.A < 0xff {
				mode += opacity("opacity", c)
			}
		}
		fmt.Fprintf(bw, `<g id="%s%s"%s stroke-linejoin="round">`+"\n", prefix, l.ID, mode)
		switch {
		case l.FillColor != nil:
			for _, reg := range l.Regions(m) {
				fill := l.FillColor(sc, reg)
				if fill.A == 0 || !reg.Bound.Intersects(view) {
					continue
				}
				fmt.Fprintf(bw, `<path id="%s%s" class="%s" data-name="%s" fill="%s" fill-rule="evenodd" d="`,
					prefix, xmlText(l.SVGID(reg)), regionClass(reg), xmlText(reg.Name), hex(fill))
				s.rings(vp, arcs, reg.Rings())
				bw.WriteString(`"/>` + "\n")
			}
		case l.SVGPaths:
			c, w := l.Stroke(st)
			for _, reg := range l.Regions(m) {
				if !reg.Bound.Intersects(view) {
					continue
				}
				fmt.Fprintf(bw, `<path id="%s%s" class="%s" data-name="%s" fill="none" stroke="%s" stroke-width="%.2f" d="`,
					prefix, xmlText(l.SVGID(reg)), regionClass(reg), xmlText(reg.Name), hex(c), strokeWidth(st, w))
				s.rings(vp, arcs, reg.Rings())
				bw.WriteString(`"/>` + "\n")
			}
		default:
			c, w := l.Stroke(st)
			fmt.Fprintf(bw, `<path class="border" fill="none" stroke="%s" stroke-width="%.2f" d="`, hex(c), strokeWidth(st, w))
			pad := view.Pad(strokeWidth(st, w) * vp.Res)
			for _, class := range l.Lines {
				for _, ai := range m.ArcsOf(class) {
					if m.ArcBound(ai).Intersects(pad) {
						s.path(vp, arcs[ai], false)
					}
				}
			}
			bw.WriteString(`"/>` + "\n")
		}
		bw.WriteString("</g>\n")
	}
}

// regionClass is a region's class in the SVG.
func regionClass(r *geo.Region) string {
	switch r.Kind {
	case geo.State:
		return "state"
	case geo.Municipality:
		return "municipality"
	case geo.Nation:
		return "nation"
	}
	return "country"
}

// rings writes the path data of a region's rings of arcs, in pixels.
func (s *svgSurface) rings(vp geo.Viewport, arcs []orb.LineString, shape topology.Shape) {
	for _, poly := range shape {
		for _, ring := range poly {
			s.ringBuf = topology.RingPoints(s.ringBuf[:0], arcs, ring)
			if len(s.ringBuf) >= 4 {
				s.path(vp, orb.LineString(s.ringBuf), true)
			}
		}
	}
}

// locator writes the locator map: the land of vp in a group translated to
// box and clipped to it, the area outlined, and a hairline around.
func (s *svgSurface) locator(box image.Rectangle, vp geo.Viewport, sc *Scene, area image.Rectangle) {
	st := &sc.Style
	line := math.Max(1, math.Round(st.Scale))
	p := s.prefix
	fmt.Fprintf(s.w, `<g id="%slocator" transform="translate(%d %d)"><clipPath id="%slocator-clip"><rect width="%d" height="%d"/></clipPath>
<g clip-path="url(#%slocator-clip)"><rect width="%d" height="%d" fill="%s"/>
`, p, box.Min.X, box.Min.Y, p, box.Dx(), box.Dy(), p, box.Dx(), box.Dy(), hex(st.Sea))
	s.land(vp, sc, p+"locator-")
	fmt.Fprintf(s.w, `<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="%s" stroke-width="%g"/></g>
<rect width="%d" height="%d" fill="none" stroke="%s" stroke-width="%g"/></g>
`, area.Min.X, area.Min.Y, area.Dx(), area.Dy(), hex(st.Selection), line, box.Dx(), box.Dy(), hex(st.StateBorder), line)
}

// writeFontFaces embeds the Go fonts, so that editable text shows in them
// wherever @font-face is read (browsers); other consumers fall back to
// DejaVu Sans or their sans-serif.
func writeFontFaces(w *bufio.Writer) {
	w.WriteString("<style>\n")
	for _, f := range []struct {
		weight string
		ttf    []byte
	}{{"normal", goregular.TTF}, {"bold", gobold.TTF}} {
		fmt.Fprintf(w, "@font-face { font-family: %q; font-weight: %s; src: url(data:font/ttf;base64,", svgFontFamily, f.weight)
		enc := base64.NewEncoder(base64.StdEncoding, w)
		enc.Write(f.ttf)
		enc.Close()
		w.WriteString(") format(\"truetype\"); }\n")
	}
	fmt.Fprintf(w, "text { font-family: %q, \"DejaVu Sans\", sans-serif; }\n</style>", svgFontFamily)
}

// svgFontFamily names the embedded Go fonts in an SVG.
const svgFontFamily = "Sovmap Go"

// svgSurface writes markers, labels and overlays as SVG elements.
type svgSurface struct {
	w        *bufio.Writer
	buf      []byte
	width    int  // the document's, pixels
	outlines bool // text as paths
	r        *Renderer
	open     bool     // a layer group is open
	ringBuf  orb.Ring // a ring's points, reused
	prefix   string   // starts the ids of a translation's layers ("es-")
	mainLang string   // the scene's language, where it has translations
}

// layer closes the open layer group, if any, and opens the one named id.
func (s *svgSurface) layer(id, label, attrs string) {
	if s.open {
		s.w.WriteString("</g>\n")
	}
	fmt.Fprintf(s.w, `<g id="%s%s" inkscape:groupmode="layer" inkscape:label="%s" %s>`+"\n", s.prefix, id, xmlText(label), attrs)
	s.open = true
}

// closeLayer closes the open layer group, if any.
func (s *svgSurface) closeLayer() {
	if s.open {
		s.w.WriteString("</g>\n")
		s.open = false
	}
}

// marker opens and closes the group of one marker, which carries the
// place's id.
func (s *svgSurface) marker(id string, open bool) {
	if open {
		fmt.Fprintf(s.w, `<g class="marker" id="%smarker-%s">`+"\n", s.prefix, xmlText(id))
	} else {
		s.w.WriteString("</g>\n")
	}
}

func (s *svgSurface) num(v float64) {
	s.buf = strconv.AppendFloat(s.buf[:0], math.Round(v*100)/100, 'f', -1, 64)
	s.w.Write(s.buf)
}

// polygons writes the path data of a multipolygon in pixels.
func (s *svgSurface) polygons(vp geo.Viewport, mp orb.MultiPolygon) {
	for _, poly := range mp {
		for _, ring := range poly {
			s.path(vp, orb.LineString(ring), true)
		}
	}
}

// lines writes the path data of open lines in pixels.
func (s *svgSurface) lines(vp geo.Viewport, ls []orb.LineString) {
	for _, l := range ls {
		s.path(vp, l, false)
	}
}

func (s *svgSurface) path(vp geo.Viewport, l orb.LineString, closed bool) {
	var px, py float64
	for i, p := range l {
		x, y := vp.ToPixel(p)
		if i > 0 && i < len(l)-1 && math.Abs(x-px) < 0.25 && math.Abs(y-py) < 0.25 {
			continue // below what any display shows
		}
		if i == 0 {
			s.w.WriteString("M")
		} else {
			s.w.WriteString("L")
		}
		s.num(x)
		s.w.WriteByte(' ')
		s.num(y)
		px, py = x, y
	}
	if closed {
		s.w.WriteString("Z")
	}
}

func (s *svgSurface) panel(r image.Rectangle, c color.RGBA) {
	if c.A == 0 {
		return
	}
	fmt.Fprintf(s.w, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s"%s/>`+"\n",
		r.Min.X, r.Min.Y, r.Dx(), r.Dy(), hex(c), opacity("fill-opacity", c))
}

func (s *svgSurface) disc(cx, cy, outer, inner float64, c color.RGBA) {
	if inner > 0 {
		fmt.Fprintf(s.w, `<circle cx="%.2f" cy="%.2f" r="%.2f" fill="none" stroke="%s" stroke-width="%.2f"/>`+"\n",
			cx, cy, (outer+inner)/2, hex(c), outer-inner)
		return
	}
	fmt.Fprintf(s.w, `<circle cx="%.2f" cy="%.2f" r="%.2f" fill="%s"%s stroke="none"/>`+"\n", cx, cy, outer, hex(c), opacity("fill-opacity", c))
}

func (s *svgSurface) text(g *glyphRun, at image.Point, fg color.RGBA, h color.RGBA, halo bool) {
	x, y := at.X+g.pad, at.Y+g.ascent
	haloAttrs := ""
	if halo { // the halo is the element's own stroke, painted under its fill
		haloAttrs = fmt.Sprintf(` stroke="%s"%s stroke-width="%d" stroke-linejoin="round" paint-order="stroke"`,
			hex(h), opacity("stroke-opacity", h), 2*g.pad)
	}
	if s.outlines {
		s.w.WriteString(`<path d="`)
		s.glyphPath(g, float64(x), float64(y))
		fmt.Fprintf(s.w, `" fill="%s"%s><title>%s</title></path>`+"\n", hex(fg), haloAttrs, xmlText(g.str))
		return
	}
	weight := "normal"
	if g.bold {
		weight = "bold"
	}
	anchor := ""
	if width := g.Size().X - 2*g.pad; x+width > s.width/2 {
		// Right half: grow leftwards, away from the edge, whatever the
		// font a consumer substitutes.
		x, anchor = x+width, ` text-anchor="end"`
	}
	fmt.Fprintf(s.w, `<text x="%d" y="%d" font-size="%d" font-weight="%s"%s fill="%s"%s>%s</text>`+"\n",
		x, y, g.size, weight, anchor, hex(fg), haloAttrs, xmlText(g.str))
}

// glyphPath writes the path data of the label's glyph outlines, its
// baseline starting at (x, y): where Render draws them.
func (s *svgSurface) glyphPath(g *glyphRun, x, y float64) {
	emit := func(op byte, pts ...float64) {
		s.w.WriteByte(op)
		for i, v := range pts {
			if i > 0 {
				s.w.WriteByte(' ')
			}
			s.num(v)
		}
	}
	if goFontCovers(g.str) {
		// The Go font, advanced and kerned as the hinted raster does.
		face := s.r.text.face(g.size, g.bold)
		f := regularFont
		if g.bold {
			f = boldFont
		}
		var buf sfnt.Buffer
		pen := fixed.I(0)
		prev := rune(-1)
		for _, c := range g.str {
			if prev >= 0 {
				pen += face.Kern(prev, c)
			}
			prev = c
			idx, err := f.GlyphIndex(&buf, c)
			if err == nil {
				segs, err := f.LoadGlyph(&buf, idx, fixed.I(g.size), nil)
				if err == nil {
					ox := x + float64(pen)/64
					for _, sg := range segs {
						p := func(i int) (float64, float64) {
							return ox + float64(sg.Args[i].X)/64, y + float64(sg.Args[i].Y)/64
						}
						switch sg.Op {
						case sfnt.SegmentOpMoveTo:
							x0, y0 := p(0)
							emit('M', x0, y0)
						case sfnt.SegmentOpLineTo:
							x0, y0 := p(0)
							emit('L', x0, y0)
						case sfnt.SegmentOpQuadTo:
							x0, y0 := p(0)
							x1, y1 := p(1)
							emit('Q', x0, y0, x1, y1)
						case sfnt.SegmentOpCubeTo:
							x0, y0 := p(0)
							x1, y1 := p(1)
							x2, y2 := p(2)
							emit('C', x0, y0, x1, y1, x2, y2)
						}
					}
				}
			}
			adv, _ := face.GlyphAdvance(c)
			pen += adv
		}
		return
	}
	line := shapeLine(s.r.text.shaping(g.bold), g.str, g.size)
	pen := x
	for _, run := range line.runs {
		scale := float64(run.Size) / 64 / float64(run.Face.Upem())
		for _, gl := range run.Glyphs {
			if outline, ok := run.Face.GlyphData(gl.GlyphID).(gotext.GlyphOutline); ok {
				gx, gy := pen+float64(gl.XOffset)/64, y-float64(gl.YOffset)/64
				for _, sg := range outline.Segments {
					p := func(i int) (float64, float64) {
						return gx + float64(sg.Args[i].X)*scale, gy - float64(sg.Args[i].Y)*scale
					}
					switch sg.Op {
					case ot.SegmentOpMoveTo:
						x0, y0 := p(0)
						emit('M', x0, y0)
					case ot.SegmentOpLineTo:
						x0, y0 := p(0)
						emit('L', x0, y0)
					case ot.SegmentOpQuadTo:
						x0, y0 := p(0)
						x1, y1 := p(1)
						emit('Q', x0, y0, x1, y1)
					case ot.SegmentOpCubeTo:
						x0, y0 := p(0)
						x1, y1 := p(1)
						x2, y2 := p(2)
						emit('C', x0, y0, x1, y1, x2, y2)
					}
				}
			}
			pen += float64(gl.XAdvance) / 64
		}
	}
}

func (s *svgSurface) polygon(pts [][2]float64, c color.RGBA) {
	s.w.WriteString(`<polygon points="`)
	for i, p := range pts {
		if i > 0 {
			s.w.WriteByte(' ')
		}
		s.num(p[0])
		s.w.WriteByte(',')
		s.num(p[1])
	}
	fmt.Fprintf(s.w, `" fill="%s"/>`+"\n", hex(c))
}

// hex writes a colour as #rrggbb, undoing premultiplied alpha.
func hex(c color.RGBA) string {
	o := opaque(c)
	return fmt.Sprintf("#%02x%02x%02x", o.R, o.G, o.B)
}

func opacity(attr string, c color.RGBA) string {
	if c.A == 0xff {
		return ""
	}
	return fmt.Sprintf(` %s="%.3f"`, attr, float64(c.A)/255)
}

func xmlText(s string) string {
	var b []byte
	w := &byteWriter{&b}
	xml.EscapeText(w, []byte(s))
	return string(b)
}

type byteWriter struct{ b *[]byte }

func (w *byteWriter) Write(p []byte) (int, error) {
	*w.b = append(*w.b, p...)
	return len(p), nil
}

func (s *svgSurface) outline(reg *geo.Region, vp geo.Viewport, width float64, c color.RGBA) {
	fmt.Fprintf(s.w, `<path id="%sselected-%s" class="selected-area" fill="none" stroke="%s" stroke-width="%.2f" stroke-linejoin="round" d="`,
		s.prefix, xmlText(reg.Code), hex(c), width)
	m := s.r.Map
	s.rings(vp, m.Arcs(m.Level(vp.Res)), reg.Rings())
	s.w.WriteString(`"/>` + "\n")
}

func (s *svgSurface) area(reg *geo.Region, vp geo.Viewport, fill, stroke color.RGBA, width float64) {
	fmt.Fprintf(s.w, `<path id="%sarea-%s" class="incident-area" fill="%s"%s fill-rule="evenodd" stroke="%s" stroke-width="%.2f" stroke-linejoin="round" d="`,
		s.prefix, xmlText(reg.Code), hex(fill), opacity("fill-opacity", fill), hex(stroke), width)
	m := s.r.Map
	s.rings(vp, m.Arcs(m.Level(vp.Res)), reg.Rings())
	s.w.WriteString(`"/>` + "\n")
}

// LegendSymbolSVG is the symbol of legend entry e as the scene's legend
// draws it, as a small SVG document of its own (size pixels square, the
// symbol at the scene's scale): a page writes its legend in HTML beside
// a map too small to read the map's own.
func (r *Renderer) LegendSymbolSVG(sc *Scene, e LegendEntry, size int) string {
	var b bytes.Buffer
	bw := bufio.NewWriter(&b)
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" aria-hidden="true">`, size, size, size, size)
	s := &svgSurface{w: bw, width: size, r: r}
	r.legendSymbol(s, sc, e, float64(size)/2, float64(size)/2)
	bw.WriteString("</svg>")
	bw.Flush()
	return b.String()
}
