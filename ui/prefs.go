package ui

import (
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"github.com/paulmach/orb"

	"sovmap/assets/i18n"
	"sovmap/geo"
	"sovmap/geo/appstate"
)

// Preference keys.
const (
	prefWidth   = "window.width"
	prefHeight  = "window.height"
	prefLang    = "language"
	prefViewX   = "view.x"
	prefViewY   = "view.y"
	prefViewRes = "view.res"
)

// The window's default size and its smallest, in units.
const (
	defaultWidth, defaultHeight = 1280, 800
	minWidth, minHeight         = 640, 400
)

// prefs reads and writes Sovmap's preferences. Any value out of range, as
// a corrupt or hand-edited file may hold, reads as the default.
type prefs struct{ p fyne.Preferences }

func newPrefs(p fyne.Preferences) prefs { return prefs{p} }

// languageOverride is the language the command line asks for (--lang): it
// is used for this run and never saved, so that a scripted --screenshot
// --lang es leaves the next normal launch in the language it had.
var languageOverride string

// language is the command line's language, else the saved one, else the
// system's when Sovmap speaks it, else English.
func (p prefs) language() string {
	if i18n.Known(languageOverride) {
		return languageOverride
	}
	if l := p.p.String(prefLang); i18n.Known(l) {
		return l
	}
	return systemLanguage()
}

// systemLanguage is the system locale's language when we speak it, else English.
func systemLanguage() string {
	l := strings.ToLower(lang.SystemLocale().LanguageString())
	for _, code := range i18n.Languages {
		if strings.HasPrefix(l, code) {
			return code
		}
	}
	return "en"
}

// windowSize is the saved window size, within what the screen (w x h
// units, or 0 when unknown) can show.
func (p prefs) windowSize(screen fyne.Size) fyne.Size {
	w := p.p.FloatWithFallback(prefWidth, defaultWidth)
	h := p.p.FloatWithFallback(prefHeight, defaultHeight)
	if !inRange(w, minWidth, 16384) || !inRange(h, minHeight, 16384) {
		w, h = defaultWidth, defaultHeight
	}
	if screen.Width > 0 && screen.Height > 0 {
		// Leave room for panels and a title bar, and never go below the
		// smallest size the layout works at.
		w = math.Max(math.Min(w, float64(screen.Width)*0.95), minWidth)
		h = math.Max(math.Min(h, float64(screen.Height)*0.9), minHeight)
	}
	return fyne.NewSize(float32(w), float32(h))
}

func inRange(v, lo, hi float64) bool { return v >= lo && v <= hi } // false for NaN

func (p prefs) saveWindowSize(s fyne.Size) {
	p.p.SetFloat(prefWidth, float64(s.Width))
	p.p.SetFloat(prefHeight, float64(s.Height))
}

// restoreView puts back the last session's view, if it is a sane one: a
// resolution within the zoom limits and a centre near Mexico.
func (p prefs) restoreView(st *appstate.Session) {
	res := p.p.FloatWithFallback(prefViewRes, 0)
	c := orb.Point{p.p.FloatWithFallback(prefViewX, math.NaN()), p.p.FloatWithFallback(prefViewY, math.NaN())}
	if !inRange(res, geo.MinResolution, geo.MaxResolution) || st.Map() == nil || !st.Map().Bound.Pad(2e6).Contains(c) {
		return
	}
	st.SetView(c, res)
}

// follow saves the view and the language whenever they change.
func (p prefs) follow(st *appstate.Session) {
	st.Listen(appstate.ViewChanged|appstate.LanguageChanged, func(c appstate.Change) {
		if c&appstate.LanguageChanged != 0 {
			p.p.SetString(prefLang, st.Lang())
		}
		if c&appstate.ViewChanged != 0 {
			v := st.View()
			if v.Whole {
				p.p.RemoveValue(prefViewRes)
				return
			}
			p.p.SetFloat(prefViewX, v.Center[0])
			p.p.SetFloat(prefViewY, v.Center[1])
			p.p.SetFloat(prefViewRes, v.Res)
		}
	})
}
