package export

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"html/template"
	"io"
	"strings"

	"sovmap/assets"
	"sovmap/assets/i18n"
	"sovmap/geo"
	"sovmap/geo/appstate"
	"sovmap/geo/atomicfile"
	"sovmap/geo/phrase"
	"sovmap/geo/render"
	"sovmap/geo/scene"
	"sovmap/geo/story"
)

// An interactive page is one self-contained HTML file: the map as inline
// SVG, drawn from the same scene as every export; its markers open the
// place's incidents beside it; the timeline, with the same linked
// selection and dates as precise as they are known; both languages; the
// attribution. It loads nothing: no script, font, style or tile from
// anywhere (its Content-Security-Policy allows nothing but what is inline),
// so it works opened from disk, offline, and inside an iframe.

// MaxPageItems is the most incidents and events a page holds: a page is
// for a story, and a whole country's history is for the app. Filter the
// story (dates, category) to fewer.
const MaxPageItems = 10000

// pageSymbol is the size of a legend symbol under the page's map, pixels.
const pageSymbol = 22

// pageSize is the map's size in the page, pixels (the page scales it).
var pageSize = [2]int{960, 640}

// PagePlan is an interactive page worked out from the state: the map's
// plan and the story's data, in every language.
type PagePlan struct {
	Map  Plan
	Data pageData
}

type pageData struct {
	Lang        string                       `json:"lang"`
	Selected    string                       `json:"selected,omitempty"` // the place selected in the window
	Languages   map[string]string            `json:"languages"`          // code -> name in itself
	UI          map[string]map[string]string `json:"ui"`
	Title       map[string]string            `json:"title"`
	Description map[string]string            `json:"description"`
	// Filters says, by language, what narrows the page ("" for the
	// whole story).
	Filters map[string]string `json:"filters"`
	Places  []pagePlace       `json:"places"`
	Items   []pageItem        `json:"items"`
	// Key is, by language, the map's legend and attribution, which the
	// page writes under the map where the map's own are too small to read
	// (a phone) or cut off (the map zoomed in).
	Key map[string]pageKey `json:"key,omitempty"`
}

type pageKey struct {
	Legend      []pageLegend `json:"legend"`
	Attribution string       `json:"attribution"`
}

type pageLegend struct {
	Symbol string `json:"symbol"` // a small SVG document
	Text   string `json:"text"`
}

type pagePlace struct {
	ID    string            `json:"id"`
	Name  string            `json:"name"`
	Where map[string]string `json:"where"`
}

type pageItem struct {
	ID    string                  `json:"id"`
	Place string                  `json:"place,omitempty"`
	Side  map[string]string       `json:"side"`
	Kind  string                  `json:"kind"`
	Date  map[string]string       `json:"date"`
	Title map[string]string       `json:"title"`
	Lines map[string][]scene.Line `json:"lines"`
	Dated bool                    `json:"dated"`
}

// pageUI are the interface texts the page's script uses.
var pageUI = []string{"timeline", "undated", "page.hint", "page.map", "page.details", "menu.language", "zoom.in", "zoom.out", "zoom.reset"}

// NewPagePlan works out the page of what st shows: the items the filter
// shows, the map as the window shows it (no title on the map: the page
// has it), with the options' furniture.
func NewPagePlan(st *appstate.Session, o Options) (PagePlan, error) {
	shown := st.Shown()
	if n := len(shown.Items); n > MaxPageItems {
		return PagePlan{}, phrase.Errorf("the page would hold %d incidents and events; an interactive page holds at most %d: filter the story (dates, category) to fewer", n, MaxPageItems)
	}
	o.Width, o.Height, o.Outlines = pageSize[0], pageSize[1], false
	o.Furniture.Title, o.Furniture.Caption = "", ""
	plan, err := NewPlan(st, o)
	if err != nil {
		return PagePlan{}, err
	}
	// The page shows the selection itself, and lets the reader change it:
	// the map carries none of its own.
	plan.Scene.Selected, plan.Scene.SelectedState = "", ""
	// The map's words in every language, for the page's language switch.
	plan.SVG.Translations = map[string]render.Translation{}
	for _, lang := range i18n.Languages {
		if lang == st.Lang() {
			continue
		}
		lo := o
		lo.Lang = lang
		other, err := NewPlan(st, lo)
		if err != nil {
			return PagePlan{}, err
		}
		other.Scene.Selected, other.Scene.SelectedState = "", ""
		plan.SVG.Translations[lang] = render.Translation{View: other.View, Scene: &other.Scene}
	}
	s := st.Story()
	d := pageData{Lang: st.Lang(), Languages: map[string]string{}, UI: map[string]map[string]string{},
		Title: texts(s.Title), Description: texts(s.Description), Filters: map[string]string{}}
	if p := st.Place(); p != nil {
		d.Selected = p.ID
	}
	for _, lang := range i18n.Languages {
		d.Languages[lang] = i18n.Names[lang]
		d.Filters[lang] = scene.FilterNote(st, lang)
		d.UI[lang] = map[string]string{}
		for _, key := range pageUI {
			d.UI[lang][key] = i18n.T(lang, key)
		}
	}
	seen := map[*story.Place]bool{}
	for _, it := range shown.Items {
		pi := pageItem{ID: it.ID, Kind: string(it.Kind), Side: map[string]string{}, Date: map[string]string{},
			Title: map[string]string{}, Lines: map[string][]scene.Line{}, Dated: it.Date.Dated()}
		side := string(it.Side)
		if it.Kind == story.Incident {
			side = "incident"
		}
		for _, lang := range i18n.Languages {
			pi.Side[lang] = i18n.T(lang, "side."+side)
			pi.Date[lang] = it.Date.Format(lang)
			pi.Title[lang] = scene.Marked(it.Title, lang, st.Writes(lang))
			pi.Lines[lang] = scene.ItemLines(it, lang, st.Writes(lang))
		}
		if p := it.Place; p != nil {
			pi.Place = p.ID
			if !seen[p] {
				seen[p] = true
				pp := pagePlace{ID: p.ID, Name: p.Name, Where: map[string]string{}}
				for _, lang := range i18n.Languages {
					pp.Where[lang] = scene.Where(st, p, lang)
				}
				d.Places = append(d.Places, pp)
			}
		}
		d.Items = append(d.Items, pi)
	}
	return PagePlan{Map: plan, Data: d}, nil
}

// texts is a text in every language.
func texts(t story.Text) map[string]string {
	out := map[string]string{}
	for _, lang := range i18n.Languages {
		out[lang] = t.In(lang)
	}
	return out
}

//go:embed page.html
var pageHTML string

var pageTemplate = template.Must(template.New("page").Parse(pageHTML))

// Encode writes the page to w, drawing its map with r.
func (p PagePlan) Encode(w io.Writer, r *render.Renderer) error {
	var svg bytes.Buffer
	if err := r.WriteSVG(&svg, p.Map.View, &p.Map.Scene, p.Map.SVG); err != nil {
		return err
	}
	body := svg.String()
	if i := strings.Index(body, "<svg"); i >= 0 {
		body = body[i:] // the XML prolog has no place inside HTML
	}
	d := p.Data
	d.Key = map[string]pageKey{}
	scenes := map[string]*render.Scene{p.Map.Scene.Lang: &p.Map.Scene}
	for lang, t := range p.Map.SVG.Translations {
		scenes[lang] = t.Scene
	}
	for lang, sc := range scenes {
		k := pageKey{Attribution: sc.Attribution, Legend: []pageLegend{}}
		for _, e := range sc.Legend {
			k.Legend = append(k.Legend, pageLegend{Symbol: r.LegendSymbolSVG(sc, e, pageSymbol), Text: e.Text})
		}
		d.Key[lang] = k
	}
	data, err := json.Marshal(d) // escapes <, > and &: safe inside <script>
	if err != nil {
		return err
	}
	return pageTemplate.Execute(w, map[string]any{
		"Lang":     p.Data.Lang,
		"Title":    p.Data.Title[p.Data.Lang],
		"Map":      template.HTML(body), // our own SVG, its texts escaped by WriteSVG
		"Data":     template.JS(data),   // JSON, with <, > and & escaped
		"Software": "Sovmap " + assets.Version,
	})
}

// Write draws the page with m's renderer and writes it to path
// atomically; when ctx is done, it stops and writes nothing.
func (p PagePlan) Write(ctx context.Context, path string, m *geo.Map) error {
	r := render.NewRenderer(m)
	return atomicfile.WriteFileContext(ctx, path, func(w io.Writer) error { return p.Encode(w, r) })
}
