// Package ui is Sovmap's desktop interface: the main window with the map,
// the details panel and the timeline, all views of one app state
// (geo/appstate), and the command line that starts it.
package ui

import (
	"fmt"
	"image/color"
	"os"
	"sync"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sovmap/assets"
	"sovmap/assets/i18n"
	"sovmap/geo"
	"sovmap/geo/appstate"
	"sovmap/geo/gazetteer"
	"sovmap/geo/phrase"
	"sovmap/geo/story"
	"sovmap/ui/native"
)

// AppID is the application's reverse-DNS ID, as in FyneApp.toml; preferences
// are stored under it.
const AppID = "org.sovmap.Sovmap"

// Window is Sovmap's main window and its parts.
type Window struct {
	fyne.Window
	app      fyne.App
	state    *appstate.Session
	mapView  *mapView
	details  *details
	timeline *timeline
	notice   *notice
	story    narrative
	flight   flight // the view's smooth moves
	search   *search
	edit     *editor
	// side is the panel beside the map: the details, or the item form
	// while an item is written.
	side, sideDetails *fyne.Container
	editBar           *editBar
	// cancelOp, while a long operation runs behind a dialog, cancels it
	// (Escape does).
	cancelOp func()
	// placeholder says the story shown stands in for the command line's
	// file until it is read: if it cannot be, the window says why, and
	// the story becomes an empty one of no name.
	placeholder bool
	// dismissOp, while a message is shown, closes it (Enter and Escape
	// do).
	dismissOp func()
	// confirmOp, while a yes-or-no question is asked, answers it: Enter
	// yes, Escape no.
	confirmOp func(yes bool)
	// shortcuts are the window's keyboard shortcuts and their actions.
	shortcuts map[fyne.Shortcut]func()
	// drawn is set once the first frame is drawn: the native window
	// exists then, and its class is fixed (see setTitle).
	drawn bool
	// MapLoaded is closed once the full map has loaded and is shown, or
	// has failed to load; MapErr then says which.
	MapLoaded chan struct{}
	MapErr    error
}

// NewWindow builds the main window for a story. The map loads in the
// background; the window shows at once.
func NewWindow(a fyne.App, s *story.Story) (*Window, error) {
	fonts, quick := loadAhead()
	p := newPrefs(a.Preferences())
	st := appstate.New(s, p.language())
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.WindowIcon()))
	w := &Window{Window: a.NewWindow(appName), app: a, state: st, MapLoaded: make(chan struct{})}
	<-fonts
	w.mapView = newMapView(st)
	w.details = newDetails(st)
	w.notice = newNotice(w)
	w.timeline = newTimeline(st, w.globalKey, w.globalRune)
	w.story.w = w
	w.flight.state = st
	w.search = newSearch(w)
	w.edit = newEditor(w)
	w.editBar = newEditBar(w)
	w.mapView.secondary = w.mapMenu
	w.details.startStory = w.story.start
	w.details.tell = w.story.step
	w.details.leaveStory = w.story.stop
	w.details.writing = func() bool { return w.edit.doc != nil && w.edit.shown == st.Story() }
	w.timeline.step = w.step
	w.mapView.otherKey = w.globalKey
	// The canvas takes the window's size before the content, so the
	// content's first full layout is at that size; the details' text is
	// then wrapped once, at its real width.
	w.SetContent(canvas.NewRectangle(color.Transparent))
	w.Resize(p.windowSize(screenSize(w.Canvas())))
	w.SetContent(w.layout())
	w.SetMainMenu(w.menu())
	w.addShortcuts()
	w.setTitle()
	fyneLanguage(st.Lang())
	st.Listen(appstate.LanguageChanged, func(appstate.Change) {
		fyneLanguage(st.Lang())
		w.SetMainMenu(w.menu())
		w.search.refreshLanguage()
	})
	st.Listen(appstate.StoryChanged|appstate.LanguageChanged, func(appstate.Change) { w.setTitle() })
	p.follow(st)
	w.SetOnClosed(func() {
		p.saveWindowSize(w.Canvas().Size())
		w.edit.closed()
	})
	w.SetCloseIntercept(w.quit)
	w.refreshEditBar()
	st.Listen(appstate.SelectionChanged|appstate.StoryChanged, func(appstate.Change) { w.refreshEditBar() })
	a.Settings().AddListener(func(fyne.Settings) { w.mapView.Refresh() })
	r := <-quick
	if r.err != nil {
		return nil, phrase.Errorf("the embedded map could not be read: %w", r.err)
	}
	st.SetMap(r.m)
	p.restoreView(st)
	w.details.refresh()
	w.SetOnDropped(w.dropped)
	// The finer levels of detail are not needed for the first frame; read
	// on both cores while it is drawn, they would delay it. So they load
	// once it is drawn, or after a moment if no frame comes (no display).
	var once sync.Once
	load := func() { once.Do(func() { go w.loadFullMap() }) }
	w.mapView.firstFrame = func() {
		w.drawn = true
		w.setTitle()
		load()
	}
	time.AfterFunc(time.Second, load)
	return w, nil
}

// loadAhead loads, on one other goroutine, what the window needs first:
// the theme's regular and bold faces (fonts closes when they are loaded),
// then the coarse map (sent on quick). Meanwhile the caller's goroutine
// connects to the display (a.NewWindow starts GLFW) and builds the
// widgets: without the faces, the first text measured loads them on the
// UI goroutine, about 35 ms of start-up. Nothing may measure text until
// fonts is closed; Fyne's measuring is not safe from two goroutines.
//
// One goroutine, not two: the main goroutine and the X server need the
// other core, and with the faces and the map loading side by side the
// first frame came later (median of 15 alternating runs: 167 ms, against
// 158 ms in turn).
func loadAhead() (fonts <-chan struct{}, quick <-chan mapResult) {
	f, q := make(chan struct{}), make(chan mapResult, 1)
	go func() {
		for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
			fyne.MeasureText("Sovmap", theme.TextSize(), style)
		}
		close(f)
		m, err := geo.LoadMap(assets.Map(), geo.QuickLevel)
		q <- mapResult{m, err}
	}()
	return f, q
}

type mapResult struct {
	m   *geo.Map
	err error
}

// loadFullMap decodes every level of detail off the UI goroutine and swaps
// it in when ready; either way MapLoaded closes.
func (w *Window) loadFullMap() {
	m, err := geo.LoadMap(assets.Map(), 0)
	var gaz *gazetteer.Gazetteer
	if err == nil {
		m.Locate(m.Bound.Center()) // builds the point index here, not on the UI goroutine
		gaz, err = gazetteer.Load(assets.Map(), m)
	}
	fyne.DoAndWait(func() {
		if err != nil {
			w.MapErr = phrase.Errorf("the embedded map could not be read: %w", err)
			showError(w.state.Lang(), w.MapErr, w)
			close(w.MapLoaded)
			return
		}
		w.search.setGazetteer(gaz)
	})
	if err == nil {
		w.giveMap(m)
	}
}

// giveMap gives the session map m, off the UI goroutine: locating the
// story's places on the finer map takes seconds for 200,000 of them. If
// the story changes meanwhile, the new one is located. MapLoaded closes
// once the map is the session's.
func (w *Window) giveMap(m *geo.Map) {
	defer close(w.MapLoaded)
	for {
		var job appstate.MapJob
		fyne.DoAndWait(func() { job = w.state.MapJob(m) })
		res := job.Run()
		applied := false
		fyne.DoAndWait(func() { applied = w.state.SetMapped(res) })
		if applied {
			return
		}
	}
}

// WaitForMap waits until the full map has loaded, or failed to, or until
// timeout has passed.
func (w *Window) WaitForMap(timeout time.Duration) error {
	select {
	case <-w.MapLoaded:
		return w.MapErr
	case <-time.After(timeout):
		return phrase.New("the map did not load in time")
	}
}

// appName is the window's class (X11 WM_CLASS), whatever the story: docks
// tie the window to the launcher's StartupWMClass by it.
const appName = "Sovmap"

// setTitle names the story in the window's title. GLFW takes the X11 window
// class from the title the window is created with, so until the first frame
// (when the window surely exists) the title stays the class alone.
func (w *Window) setTitle() {
	title := w.state.Story().Title.In(w.state.Lang())
	dirty := w.edit != nil && w.edit.dirty()
	switch {
	case !w.drawn || (title == "" && !dirty):
		w.SetTitle(appName)
	case dirty:
		// An asterisk before the name marks unsaved changes, as most
		// desktop editors do.
		w.SetTitle(appName + " — *" + clipText(w.edit.title(), 120))
	default:
		w.SetTitle(appName + " — " + clipText(title, 120))
	}
}

func (w *Window) layout() fyne.CanvasObject {
	st := w.state
	zoomIn := widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { st.Zoom(keyZoom) })
	zoomOut := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { st.Zoom(1 / keyZoom) })
	reset := widget.NewButtonWithIcon("", theme.ViewRestoreIcon(), st.ShowAll)
	buttons := container.NewVBox(zoomIn, zoomOut, reset)
	// The writing buttons under the view's, at the right: the legend
	// keeps the top left.
	buttons.Add(widget.NewSeparator())
	buttons.Add(w.editBar.content)
	top := container.NewHBox(layout.NewSpacer(), container.NewPadded(w.search.content), container.NewPadded(buttons))
	overlay := container.NewBorder(top, nil, nil, nil)
	mapArea := container.NewStack(w.mapView, overlay)
	// The map over the timeline and the date strip; the details the whole
	// height beside them, where a place's incidents are read unbroken.
	below := container.NewHSplit(w.timeline.content, container.NewVScroll(w.timeline.filter.content))
	below.Offset = 0.6
	left := container.NewVSplit(mapArea, below)
	left.Offset = 0.62
	w.sideDetails = container.NewBorder(w.notice.box, nil, nil, nil, w.details.scroll)
	w.side = container.NewStack(w.sideDetails)
	split := container.NewHSplit(left, w.side)
	split.Offset = 0.64
	return split
}

// step moves through the story: by the narrative's fly-to while it is
// told, else by moving the selection.
func (w *Window) step(delta int) {
	if w.story.on {
		w.story.step(delta)
		return
	}
	w.state.Step(delta)
}

// SelectPlace selects the place with the given id, if the story has it.
func (w *Window) SelectPlace(id string) {
	if p := w.state.Story().PlaceByID(id); p != nil {
		w.state.SelectPlace(p)
	}
}

// State is the window's app state.
func (w *Window) State() *appstate.Session { return w.state }

// ReportFirstFrame prints, once, how long after start the first complete
// frame (map, markers and panels) was drawn: for the start-up benchmark.
func (w *Window) ReportFirstFrame(start time.Time) {
	w.onFirstFrame(func() {
		fmt.Fprintf(os.Stderr, "first-frame %.1f ms\n", float64(time.Since(start).Microseconds())/1000)
	})
}

// tr is the interface text for key in lang.
func tr(lang, key string) string { return i18n.T(lang, key) }

// screenSize is the screen's size in units, or zero where it cannot be
// known.
func screenSize(c fyne.Canvas) fyne.Size {
	w, h := native.ScreenSize()
	scale := c.Scale()
	if scale <= 0 {
		scale = 1
	}
	return fyne.NewSize(float32(w)/scale, float32(h)/scale)
}

// clipText shortens a text to at most n characters, with an ellipsis:
// for titles and names in places where a file's text could be any length.
func clipText(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
