// Package ui is Sovmap's desktop interface: the main window with the map,
// the details panel and the timeline, wired to one shared model.
package ui

import (
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"sovmap/assets"
	"sovmap/assets/story"
	"sovmap/geo"
	"sovmap/ui/i18n"
)

// AppID is the application's reverse-DNS ID, as in FyneApp.toml; preferences
// are stored under it.
const AppID = "org.sovmap.Sovmap"

// Preference keys.
const (
	prefWidth   = "window.width"
	prefHeight  = "window.height"
	prefLang    = "language"
	prefViewX   = "view.x"
	prefViewY   = "view.y"
	prefViewRes = "view.res"
)

// Window is Sovmap's main window and its parts.
type Window struct {
	fyne.Window
	app      fyne.App
	model    *model
	mapView  *mapView
	details  *details
	timeline *timeline
	// MapLoaded is closed once the map has loaded and is shown.
	MapLoaded chan struct{}
}

// NewWindow builds the main window for a story. The map loads in the
// background; the window shows at once.
func NewWindow(a fyne.App, s *story.Story) (*Window, error) {
	// The coarse map decodes on another core while the widgets are built.
	quick := make(chan mapResult, 1)
	go func() {
		m, err := geo.LoadMapLevels(assets.Map(), geo.MexicoLCC, quickLevel)
		quick <- mapResult{m, err}
	}()
	prefs := a.Preferences()
	lang := prefs.StringWithFallback(prefLang, systemLanguage())
	if !i18n.Known(lang) {
		lang = "en"
	}
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon()))
	w := &Window{Window: a.NewWindow("Sovmap — " + s.Title.In(lang)), app: a, model: newModel(s, lang), MapLoaded: make(chan struct{})}
	w.mapView = newMapView(w.model)
	w.details = newDetails(w.model)
	w.timeline = newTimeline(w.model)
	w.SetContent(w.layout())
	w.Resize(fyne.NewSize(
		clampPref(prefs.FloatWithFallback(prefWidth, 1280), 640, 8192),
		clampPref(prefs.FloatWithFallback(prefHeight, 800), 400, 8192)))
	w.SetMainMenu(w.menu())
	w.addShortcuts()
	w.model.onChange(w.languageChanged)
	w.mapView.onViewChange = func(vp geo.Viewport) {
		prefs.SetFloat(prefViewX, vp.Center[0])
		prefs.SetFloat(prefViewY, vp.Center[1])
		prefs.SetFloat(prefViewRes, vp.Res)
	}
	w.SetOnClosed(func() {
		size := w.Canvas().Size()
		prefs.SetFloat(prefWidth, float64(size.Width))
		prefs.SetFloat(prefHeight, float64(size.Height))
	})
	a.Settings().AddListener(func(fyne.Settings) { w.mapView.Refresh() })
	if r := <-quick; r.err != nil {
		return nil, fmt.Errorf("the embedded map could not be read: %w", r.err)
	} else {
		w.showMap(r.m)
	}
	w.SetOnDropped(w.dropped)
	go w.loadFullMap()
	return w, nil
}

type mapResult struct {
	m   *geo.Map
	err error
}

func clampPref(v, lo, hi float64) float32 {
	if v != v || v < lo || v > hi { // NaN or out of range: a corrupt preference
		return float32(lo + (hi-lo)/8)
	}
	return float32(v)
}

// quickLevel is the level of detail shown while the rest loads: fine
// enough for the whole country on a large screen.
const quickLevel = 4

// showMap puts a loaded map on screen.
func (w *Window) showMap(gm *geo.Map) {
	for _, st := range gm.States {
		stateNames[st.Code] = st.Name
	}
	w.restoreView(gm)
	w.mapView.setMap(gm)
	w.updateStates()
}

// loadFullMap decodes every level of detail off the UI goroutine and swaps
// it in when ready.
func (w *Window) loadFullMap() {
	gm, err := geo.LoadMap(assets.Map(), geo.MexicoLCC)
	fyne.Do(func() {
		if err != nil {
			w.mapFailed(err)
			return
		}
		w.mapView.setMap(gm)
		w.updateStates()
		close(w.MapLoaded)
	})
}

func (w *Window) mapFailed(err error) {
	dialog.ShowError(fmt.Errorf("the embedded map could not be read: %w", err), w)
}

// restoreView puts back the last session's view, if it is a sane one.
func (w *Window) restoreView(gm *geo.Map) {
	prefs := w.app.Preferences()
	res := prefs.FloatWithFallback(prefViewRes, 0)
	c := orb.Point{prefs.FloatWithFallback(prefViewX, 0), prefs.FloatWithFallback(prefViewY, 0)}
	grown := gm.Bound.Pad(2e6)
	if res >= geo.MinResolution && res <= geo.MaxResolution && grown.Contains(c) {
		w.mapView.restore(c, res)
	}
}

func (w *Window) layout() fyne.CanvasObject {
	lang := w.model.lang
	zoomIn := widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { w.mapView.zoom(keyZoom) })
	zoomOut := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { w.mapView.zoom(1 / keyZoom) })
	reset := widget.NewButtonWithIcon("", theme.ViewRestoreIcon(), w.mapView.reset)
	_ = lang
	buttons := container.NewVBox(zoomIn, zoomOut, reset)
	overlay := container.NewBorder(container.NewHBox(layout.NewSpacer(), container.NewPadded(buttons)), nil, nil, nil)
	mapArea := container.NewStack(w.mapView, overlay)
	side := container.NewVSplit(w.details.scroll, w.timeline.content)
	side.Offset = 0.42
	split := container.NewHSplit(mapArea, side)
	split.Offset = 0.64
	return split
}

func (w *Window) menu() *fyne.MainMenu {
	lang := w.model.lang
	quit := fyne.NewMenuItem(tr(lang, "menu.quit"), func() { w.app.Quit() })
	quit.IsQuit = true
	open := fyne.NewMenuItem(tr(lang, "menu.openstory"), w.showOpenStoryDialog)
	open.Shortcut = openShortcut
	exportStory := fyne.NewMenuItem(tr(lang, "menu.exportstory"), w.showExportStoryDialog)
	shot := fyne.NewMenuItem(tr(lang, "menu.screenshot"), w.showScreenshotDialog)
	shot.Shortcut = screenshotShortcut
	exportMap := fyne.NewMenuItem(tr(lang, "menu.exportmap"), w.showExportDialog)
	exportMap.Shortcut = exportShortcut
	zoomIn := fyne.NewMenuItem(tr(lang, "zoom.in"), func() { w.mapView.zoom(keyZoom) })
	zoomIn.Shortcut = zoomInShortcut
	zoomOut := fyne.NewMenuItem(tr(lang, "zoom.out"), func() { w.mapView.zoom(1 / keyZoom) })
	zoomOut.Shortcut = zoomOutShortcut
	reset := fyne.NewMenuItem(tr(lang, "zoom.reset"), w.mapView.reset)
	reset.Shortcut = resetShortcut
	var langs []*fyne.MenuItem
	for _, code := range i18n.Languages {
		item := fyne.NewMenuItem(i18n.Names[code], func() { w.setLanguage(code) })
		item.Checked = code == lang
		langs = append(langs, item)
	}
	language := fyne.NewMenuItem(tr(lang, "menu.language"), nil)
	language.ChildMenu = fyne.NewMenu("", langs...)
	about := fyne.NewMenuItem(tr(lang, "menu.about"), func() {
		dialog.ShowInformation(tr(lang, "menu.about"), fmt.Sprintf(tr(lang, "about.body"), storySources(w.model.story)), w)
	})
	return fyne.NewMainMenu(
		fyne.NewMenu(tr(lang, "menu.file"), open, exportStory, fyne.NewMenuItemSeparator(), shot, exportMap, fyne.NewMenuItemSeparator(), quit),
		fyne.NewMenu(tr(lang, "menu.view"), zoomIn, zoomOut, reset, fyne.NewMenuItemSeparator(), language),
		fyne.NewMenu(tr(lang, "menu.help"), about),
	)
}

var (
	zoomInShortcut     = &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault}
	zoomOutShortcut    = &desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: fyne.KeyModifierShortcutDefault}
	resetShortcut      = &desktop.CustomShortcut{KeyName: fyne.Key0, Modifier: fyne.KeyModifierShortcutDefault}
	screenshotShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	exportShortcut     = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	openShortcut       = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
)

// addShortcuts puts the menu shortcuts on the canvas too, and the keys that
// work anywhere no widget has the focus: arrows step through the story,
// Escape clears, Home resets, + and − zoom.
func (w *Window) addShortcuts() {
	c := w.Canvas()
	c.AddShortcut(zoomInShortcut, func(fyne.Shortcut) { w.mapView.zoom(keyZoom) })
	c.AddShortcut(zoomOutShortcut, func(fyne.Shortcut) { w.mapView.zoom(1 / keyZoom) })
	c.AddShortcut(resetShortcut, func(fyne.Shortcut) { w.mapView.reset() })
	c.AddShortcut(screenshotShortcut, func(fyne.Shortcut) { w.showScreenshotDialog() })
	c.AddShortcut(exportShortcut, func(fyne.Shortcut) { w.showExportDialog() })
	c.AddShortcut(openShortcut, func(fyne.Shortcut) { w.showOpenStoryDialog() })
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		switch e.Name {
		case fyne.KeyLeft, fyne.KeyUp:
			w.model.step(-1)
		case fyne.KeyRight, fyne.KeyDown:
			w.model.step(1)
		case fyne.KeyEscape:
			w.model.clear()
		case fyne.KeyHome:
			w.mapView.reset()
		}
	})
	c.SetOnTypedRune(w.mapView.TypedRune)
}

func (w *Window) setLanguage(code string) {
	w.app.Preferences().SetString(prefLang, code)
	w.model.setLang(code)
}

func (w *Window) languageChanged() {
	w.SetTitle("Sovmap — " + w.model.story.Title.In(w.model.lang))
	w.SetMainMenu(w.menu())
}

// SelectPlace selects the place with the given id, if the story has it.
func (w *Window) SelectPlace(id string) {
	if p := w.model.story.PlaceByID(id); p != nil {
		w.model.selectPlace(p)
	}
}

// ReportFirstFrame prints, once, how long after start the first complete
// frame (map, markers and panels) was drawn: for the start-up benchmark.
func (w *Window) ReportFirstFrame(start time.Time) {
	done := false
	w.mapView.onFrame = func() {
		if !done && w.mapView.gmap != nil {
			done = true
			fmt.Fprintf(os.Stderr, "first-frame %.1f ms\n", float64(time.Since(start).Microseconds())/1000)
		}
	}
}
