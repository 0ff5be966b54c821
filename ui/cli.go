package ui

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"sovmap/assets"
	"sovmap/assets/i18n"
	"sovmap/geo"
	"sovmap/geo/appstate"
	"sovmap/geo/atomicfile"
	"sovmap/geo/export"
	"sovmap/geo/gazetteer"
	"sovmap/geo/phrase"
	"sovmap/geo/story"
	"sovmap/geo/storyfile"
	"sovmap/geo/video"
	"sovmap/ui/native"
)

// exportMemoryLimit is the memory the collector works to keep an export
// from the command line within (a soft limit; GOMEMLIMIT overrides it):
// 200,000 ACLED rows exported to PNG peaked at 632–637 MB without it, and
// at 543 MB in 3.1 s with it (2.9–3.0 s without).
const exportMemoryLimit = 512 << 20

// cmdline is what the command line asked for.
type cmdline struct {
	export, screenshot string
	find, where        string
	limit              int
	storyFile          string
	size, selectPlace  string
	lang, title        string
	from, to           string
	category, actor    string
	country            string
	strict, outlines   bool
	noInset            bool
	play               bool // a video of the time play, not the narrative
	width, height      int
	dpi                int
	dates              appstate.Filter // the date range, if given
	// words is the language of the messages, the export's and the
	// window's: --lang, else the system's.
	words string
}

// parseArgs reads the command line, its help and errors in lang. It
// returns flag.ErrHelp for --help.
func parseArgs(args []string, s *story.Story, stdout io.Writer, lang string) (*cmdline, error) {
	args0 := args
	c := &cmdline{}
	fs := flag.NewFlagSet("sovmap", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.storyFile, "story", "", sayf(lang, "open the story in `FILE` (GeoJSON, CSV, KML, KMZ or GPX) instead of the built-in one"))
	fs.StringVar(&c.export, "export", "", sayf(lang, "write the map to `FILE` (.png or .svg), an interactive page (.html), or the story told as a video (.gif, .mp4, .webm, or a folder/ of PNG frames), without opening a window"))
	fs.StringVar(&c.screenshot, "screenshot", "", sayf(lang, "open the window and save a screenshot of it as `FILE` (.png)"))
	fs.StringVar(&c.size, "size", "1920x1080", sayf(lang, "the export's size in pixels, `WxH` (1 to 16384 a side)"))
	fs.IntVar(&c.dpi, "dpi", export.DefaultDPI, sayf(lang, "the print resolution a PNG export records, `N` dots per inch (1 to 2400)"))
	fs.BoolVar(&c.noInset, "no-inset", false, sayf(lang, "leave out the locator map that a zoomed-in export shows"))
	fs.BoolVar(&c.play, "play", false, sayf(lang, "with --export to a video: the time play (a range of dates sweeping the story), not the narrative"))
	fs.BoolVar(&c.outlines, "outlines", false, sayf(lang, "draw an SVG export's text as outlines (the same in every program) rather than as editable text"))
	fs.StringVar(&c.selectPlace, "select", "", sayf(lang, "select `PLACE`: %s", strings.Join(placeIDs(s), ", ")))
	fs.StringVar(&c.lang, "lang", "", sayf(lang, "the language of the window and the export, `LANG`: en or es (default: the system's)"))
	fs.StringVar(&c.title, "title", "", sayf(lang, "the export's title, `TEXT` (default: the story's)"))
	fs.StringVar(&c.from, "from", "", sayf(lang, "show only what happened from `DATE` (YYYY-MM-DD) on, as the date filter does"))
	fs.StringVar(&c.to, "to", "", sayf(lang, "show only what happened up to `DATE` (YYYY-MM-DD)"))
	fs.StringVar(&c.category, "category", "", sayf(lang, "show only incidents of `CATEGORY` (an event type of conflict data)"))
	fs.StringVar(&c.actor, "actor", "", sayf(lang, "show only items whose actor contains `TEXT`"))
	fs.StringVar(&c.country, "country", "", sayf(lang, "show only incidents in `COUNTRY` (conflict data of several countries shows Mexico by default; \"all\" for every one)"))
	fs.BoolVar(&c.strict, "strict", false, sayf(lang, "refuse a story file with any row that cannot be used"))
	fs.StringVar(&c.find, "find", "", sayf(lang, "print the places named `NAME` (accents and case do not matter) and exit"))
	fs.IntVar(&c.limit, "limit", 10, sayf(lang, "print at most `N` places with --find"))
	fs.StringVar(&c.where, "where", "", sayf(lang, "print where `LAT,LON` lies (- : each line of standard input) and exit"))
	// Flags may come before or after a plain file argument.
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(stdout, i18n.T(lang, "cli.usage"))
				printFlags(stdout, fs, lang)
				return nil, err
			}
			return nil, flagError(err)
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	switch {
	case len(files) > 1:
		return nil, phrase.Errorf("one story file at a time: %q and %q given", files[0], files[1])
	case len(files) == 1 && c.storyFile != "":
		return nil, phrase.Errorf("a story file given twice: --story %q and %q", c.storyFile, files[0])
	case len(files) == 1:
		c.storyFile = files[0] // as a file manager's "Open with" gives it
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	for _, name := range []string{"story", "export", "screenshot"} {
		if f := fs.Lookup(name); set[name] && strings.TrimSpace(f.Value.String()) == "" {
			return nil, phrase.Errorf("--%s needs a file name", name)
		}
	}
	if n := storyFlags(args0); n > 1 {
		return nil, phrase.New("--story given more than once: one story file at a time")
	}
	lookups := 0
	for _, f := range []string{"find", "where", "export", "screenshot"} {
		if set[f] {
			lookups++
		}
	}
	switch {
	case lookups > 1:
		return nil, phrase.New("one of --find, --where, --export and --screenshot at a time")
	case set["find"] && strings.TrimSpace(c.find) == "":
		return nil, phrase.New("--find needs a name")
	case set["where"] && strings.TrimSpace(c.where) == "":
		return nil, phrase.New("--where needs LAT,LON, or - to read them from standard input")
	case set["limit"] && !set["find"]:
		return nil, phrase.New("--limit goes with --find")
	case c.limit < 1 || c.limit > 10000:
		return nil, phrase.Errorf("--limit %d: want 1 to 10,000", c.limit)
	case (set["find"] || set["where"]) && c.storyFile != "":
		return nil, phrase.New("--find and --where look up the map, not a story file")
	case c.export != "" && c.screenshot != "":
		return nil, phrase.New("--export and --screenshot cannot be used together")
	case set["size"] && c.export == "":
		return nil, phrase.New("--size goes with --export")
	case set["title"] && c.export == "":
		return nil, phrase.New("--title goes with --export")
	case set["dpi"] && c.export == "":
		return nil, phrase.New("--dpi goes with --export")
	case c.noInset && c.export == "":
		return nil, phrase.New("--no-inset goes with --export")
	case c.play && !isVideo(c.export):
		return nil, phrase.New("--play goes with --export to a video (.gif, .mp4, .webm or a folder/)")
	case c.outlines && !strings.EqualFold(filepath.Ext(c.export), ".svg"):
		return nil, phrase.New("--outlines goes with --export FILE.svg")
	case c.lang != "" && !i18n.Known(c.lang):
		return nil, phrase.Errorf("--lang %q: want en or es", c.lang)
	case c.selectPlace != "" && c.storyFile == "" && s.PlaceByID(c.selectPlace) == nil:
		return nil, phrase.Errorf("--select %q: no such place (places: %s)", c.selectPlace, strings.Join(placeIDs(s), ", "))
	}
	if c.from != "" || c.to != "" {
		var err error
		if c.dates, err = parseRange(c.from, c.to); err != nil {
			return nil, err
		}
	}
	if c.export != "" {
		var err error
		if c.width, c.height, err = export.ParseSize(c.size); err != nil {
			return nil, phrase.Errorf("--size: %w", err)
		}
		if _, isVideo := video.KindFor(c.export); !isVideo {
			if _, err := export.FormatFor(c.export); err != nil {
				return nil, phrase.Errorf("--export %w", err)
			}
		}
		if err := export.CheckDPI(c.dpi); err != nil {
			return nil, phrase.Errorf("--dpi: %w", err)
		}
	}
	if c.screenshot != "" && !strings.EqualFold(strings.TrimSpace(c.screenshot[max(0, len(c.screenshot)-4):]), ".png") {
		return nil, phrase.Errorf("--screenshot %s: the screenshot is a PNG; name it .png", c.screenshot)
	}
	return c, nil
}

// runVideoExport writes the story's narrative as a video (--export
// story.gif, .mp4, .webm, or a folder/ of PNG frames), with its progress
// on stderr when that is a terminal; Ctrl-C stops it and leaves no file.
func runVideoExport(c *cmdline, st *appstate.Session, o export.Options) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var progress func(done, total int)
	if fi, err := os.Stderr.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		last := -1
		progress = func(done, total int) {
			if pct := done * 100 / max(1, total); pct != last {
				last = pct
				fmt.Fprint(os.Stderr, "\rsovmap: "+sayf(c.words, "%s: %d%% (%d of %d frames)", c.export, pct, done, total))
			}
		}
	}
	motion := video.Narrative
	if c.play {
		motion = video.Play
	}
	err := video.WriteMotion(ctx, c.export, st, o, motion, progress)
	if progress != nil {
		fmt.Fprintln(os.Stderr)
	}
	switch {
	case ctx.Err() != nil:
		fmt.Fprintln(os.Stderr, "sovmap:", sayf(c.words, "%s: stopped; nothing was written", c.export))
		return 130
	case err != nil:
		fmt.Fprintln(os.Stderr, "sovmap:", sayf(c.words, "%s: %v", c.export, err))
		return 1
	}
	return 0
}

// isVideo reports whether an export's path names a video.
func isVideo(path string) bool {
	_, ok := video.KindFor(path)
	return path != "" && ok
}

// same reports whether two paths name one existing file (a link or
// another spelling included).
func same(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

// storyFlags counts the --story flags of a command line (the flag package
// lets the last win; a second is a mistake to say).
func storyFlags(args []string) int {
	n := 0
	for _, a := range args {
		if a == "--" {
			break
		}
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if strings.HasPrefix(a, "-") && name == "story" {
			n++
		}
	}
	return n
}

// parseRange reads --from and --to as a date filter; either may be left
// out for an open end.
func parseRange(from, to string) (appstate.Filter, error) {
	f := appstate.Filter{Dates: true, From: math.MinInt32, To: math.MaxInt32}
	for _, d := range []struct {
		flag, value string
		day         *int
	}{{"--from", from, &f.From}, {"--to", to, &f.To}} {
		if d.value == "" {
			continue
		}
		t, err := time.Parse("2006-01-02", strings.TrimSpace(d.value))
		if err != nil {
			return f, phrase.Errorf("%s %q: want a date as YYYY-MM-DD", d.flag, d.value)
		}
		*d.day = int(t.Unix() / 86400)
	}
	if f.From > f.To {
		return f, phrase.Errorf("--from %s is after --to %s", from, to)
	}
	return f, nil
}

func placeIDs(s *story.Story) []string {
	ids := make([]string, 0, len(s.Places))
	for _, p := range s.Places {
		ids = append(ids, p.ID)
	}
	return ids
}

// Main runs Sovmap with the command-line arguments (without the program
// name) and returns the exit code: 0 on success, 1 when the work failed,
// 2 for a bad command line.
func Main(args []string, start time.Time) int {
	quietLocale()
	lang := commandLanguage(args)
	onSignal(lang)
	s, err := storyfile.Parse("built-in story", assets.Story())
	if err != nil {
		fmt.Fprintln(os.Stderr, "sovmap:", say(lang, err))
		return 1
	}
	c, err := parseArgs(args, s, os.Stdout, lang)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "sovmap:", sayf(lang, "%v (see sovmap --help)", err))
		return 2
	}
	c.words = lang
	if c.export != "" && os.Getenv("GOMEMLIMIT") == "" {
		// An export is batch work: no window waits on the collector, so it
		// keeps the process small at a little of its time.
		debug.SetMemoryLimit(exportMemoryLimit)
	}
	switch {
	case c.find != "":
		if err := runFind(c.find, c.limit, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "sovmap:", say(lang, err))
			return 1
		}
		return 0
	case c.where != "":
		invalid, err := runWhere(c.where, os.Stdin, os.Stdout, os.Stderr, lang)
		if err != nil {
			fmt.Fprintln(os.Stderr, "sovmap:", say(lang, err))
			return 1
		}
		if invalid > 0 {
			return 1
		}
		return 0
	}
	// A story file opened in the window alone (no selection, filter or
	// screenshot to apply once it is in) opens as File › Open does: the
	// window at once, the file read and prepared behind a progress bar,
	// so that a large one never holds the window back.
	progressive := c.storyFile != "" && c.export == "" && c.screenshot == "" && c.selectPlace == "" &&
		!c.strict && !c.dates.Dates && c.category == "" && c.actor == "" && c.country == ""
	var exportMap *geo.Map // an export's map, loaded once for the names and the drawing
	if c.storyFile != "" && !progressive {
		var rep storyfile.Report
		o := storyfile.Options{Strict: c.strict}
		level := geo.QuickLevel // the window loads its own; the names need no finer one
		if c.export != "" {
			level = 0
		}
		if m, err := geo.LoadMap(assets.Map(), level); err == nil {
			o.Names = gazetteer.NewNames(m) // rows given by names only are placed on the map's areas
			if c.export != "" {
				exportMap = m
			}
		}
		s, rep, err = storyfile.Read(context.Background(), c.storyFile, o)
		if err != nil {
			fmt.Fprintln(os.Stderr, "sovmap:", say(lang, err))
			return 1
		}
		if rep.Skipped > 0 || rep.Merged > 0 {
			fmt.Fprintln(os.Stderr, "sovmap:", rep.Summary().In(i18n.Phrases(lang)))
		}
		if c.selectPlace != "" && s.PlaceByID(c.selectPlace) == nil {
			fmt.Fprintln(os.Stderr, "sovmap:", sayf(lang, "--select %q: no such place in %s (see sovmap --help)", c.selectPlace, c.storyFile))
			return 2
		}
	}
	if c.export != "" {
		return runExportCommand(c, s, exportMap)
	}
	if err := native.CheckDisplay(); err != nil {
		fmt.Fprintln(os.Stderr, "sovmap:", sayf(lang, "%v; use --export for headless output", err))
		return 1
	}
	limitWindowMemory() // pauseGC keeps it, and puts it back at the first frame
	resumeGC := pauseGC()
	a := app.NewWithID(AppID)
	languageOverride = c.lang // for this run only: the preferences keep the user's
	if progressive {
		// Until the file is read, the window shows an empty story of its
		// name; a file that cannot be opened is said in the window (a
		// double click has no terminal) and on stderr.
		name := filepath.Base(c.storyFile)
		s = &story.Story{Title: story.Text{"en": name, "es": name}}
	}
	w, err := NewWindow(a, s)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sovmap:", say(lang, err))
		return 1
	}
	if progressive {
		w.placeholder = true
		// After the first frame, not inside it: the frame is being painted
		// when firstFrame runs, and the progress dialog changes the window.
		w.onFirstFrame(func() { go fyne.Do(func() { w.OpenStory(c.storyFile) }) })
	}
	w.onFirstFrame(resumeGC)
	if c.storyFile == "" && c.screenshot == "" {
		// Work a Sovmap that died left unsaved is offered back; a launch
		// with a file to open, or only to take a screenshot, is about
		// that file.
		w.onFirstFrame(func() { go fyne.Do(w.edit.offerRestore) })
	}
	c.applyFilter(w.state)
	if c.selectPlace != "" {
		w.SelectPlace(c.selectPlace)
	}
	if os.Getenv("SOVMAP_REPORT_FIRST_FRAME") != "" {
		w.ReportFirstFrame(start)
	}
	if os.Getenv("SOVMAP_REPORT_STALLS") != "" {
		w.onFirstFrame(func() { go fyne.Do(func() { w.reportStalls(os.Stderr) }) })
	}
	code := 0
	if c.screenshot != "" {
		go func() {
			err := w.WaitForMap(time.Minute)
			if err == nil {
				// Two frames' time for the full map to be drawn and shown.
				time.Sleep(500 * time.Millisecond)
			}
			fyne.Do(func() {
				if err == nil {
					err = w.SaveScreenshot(c.screenshot)
				}
				if err != nil {
					fmt.Fprintln(os.Stderr, "sovmap:", say(lang, err))
					code = 1
				}
				a.Quit()
			})
		}()
	}
	w.ShowAndRun()
	return code
}

// applyFilter puts the command line's filters on the state's, which for a
// story of several countries starts at Mexico.
func (c *cmdline) applyFilter(st *appstate.Session) {
	f := st.Filter()
	if c.dates.Dates {
		f.Dates, f.From, f.To = true, c.dates.From, c.dates.To
	}
	if c.category != "" {
		f.Category = c.category
	}
	if c.actor != "" {
		f.Actor = c.actor
	}
	switch {
	case strings.EqualFold(c.country, "all"):
		f.Country = ""
	case c.country != "":
		f.Country = c.country
	}
	st.SetFilter(f)
}

// quietLocale keeps Fyne from logging, at every start, that it cannot
// parse a "C.UTF-8" or "POSIX" locale: those mean English, which it is
// told through LANGUAGE (which only says which language to speak).
func quietLocale() {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		loc := os.Getenv(v)
		if loc == "" {
			continue
		}
		if (strings.HasPrefix(loc, "C.") || strings.HasPrefix(loc, "POSIX.")) && os.Getenv("LANGUAGE") == "" {
			os.Setenv("LANGUAGE", "en")
		}
		return
	}
}

// onSignal makes Ctrl-C, SIGTERM and SIGHUP stop Sovmap cleanly: the
// temporary files of writes under way are removed (where the system has
// unnamed ones there are none to remove), and it exits with status 130.
func onSignal(lang string) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		<-sig
		atomicfile.RemoveTemporary()
		fmt.Fprintln(os.Stderr, "sovmap:", sayf(lang, "interrupted"))
		os.Exit(130)
	}()
}

// commandLanguage is the language the command line speaks: --lang's,
// when it is one Sovmap speaks, else the system's. It is read before the
// flags are parsed, so that their errors and help are in it too.
func commandLanguage(args []string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if !hasValue && i+1 < len(args) {
			value = args[i+1]
		}
		if i18n.Known(value) {
			return value
		}
	}
	return systemLanguage()
}

// invalidFlagValue is how the flag package says a value cannot be read.
var invalidFlagValue = regexp.MustCompile(`^invalid (?:boolean )?value ("(?:[^"\\]|\\.)*") for (?:flag )?-([\w-]+): `)

// flagError is an error of the flag package as a phrase, so that the
// command line says it in its language; the package's words are English.
func flagError(err error) error {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return phrase.Errorf("there is no flag %s", "--"+strings.TrimLeft(rest, "-"))
	}
	if rest, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return phrase.Errorf("%s needs a value", "--"+strings.TrimLeft(rest, "-"))
	}
	if m := invalidFlagValue.FindStringSubmatch(msg); m != nil {
		return phrase.Errorf("--%s %s: not a value it takes", m[2], m[1])
	}
	return err
}

// printFlags lists the flags for --help, in lang: flag.PrintDefaults
// would say "default" in English and name each flag with one dash.
func printFlags(out io.Writer, fs *flag.FlagSet, lang string) {
	fs.VisitAll(func(f *flag.Flag) {
		arg, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if arg != "" {
			line += " " + arg
		}
		fmt.Fprintf(out, "%s\n    \t%s", line, usage)
		if f.DefValue != "" && f.DefValue != "false" {
			fmt.Fprint(out, sayf(lang, " (default: %s)", f.DefValue))
		}
		fmt.Fprintln(out)
	})
}

// runExportCommand writes the map for --export, with no window: the state
// is the one a window of the export's size (in units) would have. m is
// the whole map where the story's reading loaded it; nil loads it.
func runExportCommand(c *cmdline, s *story.Story, m *geo.Map) int {
	lang := c.words
	if same(c.export, c.storyFile) {
		fmt.Fprintln(os.Stderr, "sovmap:", sayf(lang, "--export %s is the story file itself: name another file", c.export))
		return 1
	}
	if m == nil {
		var err error
		if m, err = geo.LoadMap(assets.Map(), 0); err != nil {
			fmt.Fprintln(os.Stderr, "sovmap:", sayf(lang, "the embedded map could not be read: %v", err))
			return 1
		}
	}
	st := appstate.New(s, lang)
	st.SetMap(m)
	k := export.ScaleFor(c.width, c.height)
	st.SetViewSize(float64(c.width)/k, float64(c.height)/k)
	c.applyFilter(st)
	if out := st.Shown(); out.Outside > 0 {
		fmt.Fprintln(os.Stderr, "sovmap:", sayf(lang, "%d of %d incidents are outside Mexico", out.Outside, out.Placed))
	}
	if len(st.Shown().Items) == 0 && len(s.Items) > 0 {
		fmt.Fprintln(os.Stderr, "sovmap:", sayf(lang, "no item of the story's %d matches the filter: the export shows none", len(s.Items)))
	}
	if p := s.PlaceByID(c.selectPlace); p != nil {
		st.SelectPlace(p)
	}
	o := export.DefaultOptions(st)
	o.Width, o.Height, o.DPI, o.Outlines = c.width, c.height, c.dpi, c.outlines
	o.Furniture.Inset = !c.noInset
	if c.title != "" {
		o.Furniture.Title = c.title
	}
	if _, isVideo := video.KindFor(c.export); isVideo {
		return runVideoExport(c, st, o)
	}
	if f, _ := export.FormatFor(c.export); f == export.HTML {
		if err := export.Map(c.export, st, o); err != nil {
			fmt.Fprintln(os.Stderr, "sovmap:", say(lang, err))
			return 1
		}
		return 0
	}
	plan, err := export.NewPlan(st, o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sovmap:", sayf(lang, "%s: %v", c.export, err))
		return 1
	}
	if err := plan.Write(context.Background(), c.export, st.Map()); err != nil {
		fmt.Fprintln(os.Stderr, "sovmap:", say(lang, err))
		return 1
	}
	if note := missingGlyphsNote(lang, &plan.Scene); note != "" {
		fmt.Fprintln(os.Stderr, "sovmap:", note)
	}
	return 0
}
