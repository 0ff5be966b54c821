package ui

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sovmap/geo"
	"sovmap/geo/appstate"
	"sovmap/geo/atomicfile"
	"sovmap/geo/gazetteer"
	"sovmap/geo/story"
	"sovmap/geo/storyfile"
)

// OpenStory reads a story file off the UI goroutine behind a progress
// dialog with a Cancel button (Escape cancels too), then shows it with a
// notice of what was used; on any error it says what is wrong and keeps
// the story it had. The channel closes once that is done.
func (w *Window) OpenStory(path string) <-chan struct{} {
	done := make(chan struct{})
	lang := w.state.Lang()
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	prog := dialog.NewCustom(tr(lang, "story.opening"), tr(lang, "export.cancel"),
		container.NewVBox(widget.NewLabel(clipText(filepath.Base(path), 80)), bar), w)
	prog.SetOnClosed(cancel) // the Cancel button, or Escape
	w.cancelOp = prog.Hide   // closing it cancels
	prog.Show()
	m := w.state.Map()
	go func() {
		var names storyfile.NameFinder
		if m != nil {
			names = gazetteer.NewNames(m) // rows given by names only are placed on the map's areas
		}
		progress := func(read, total int64) {
			if total > 0 {
				fyne.Do(func() { bar.SetValue(float64(read) / float64(total)) })
			}
		}
		s, rep, err := storyfile.Read(ctx, path, storyfile.Options{Progress: progress, Names: names})
		var prepared *appstate.Prepared
		if err == nil {
			prepared = w.prepare(s) // the heavy part, off the UI goroutine
			if len(s.Items) >= collectBeforeShowing {
				// Reading and preparing left garbage that the collector
				// would otherwise mark while the story is being shown,
				// taking a core from the UI goroutine then.
				runtime.GC()
			}
		}
		fyne.Do(func() {
			defer close(done)
			w.cancelOp = nil
			placeholder := w.placeholder
			w.placeholder = false
			cancelled := ctx.Err() != nil
			prog.Hide() // cancels ctx too, which is over by now
			switch {
			case cancelled:
				// The user asked: the story stays, nothing to say.
			case err != nil:
				if placeholder {
					fmt.Fprintln(os.Stderr, "sovmap:", say(lang, err))
					w.state.SetStory(&story.Story{})
				}
				showError(lang, err, w)
			default:
				w.state.SetPrepared(prepared)
				w.edit.opened(path, rep.Format)
				w.notice.report(rep, w.state.Shown())
				if len(w.state.Story().Items) >= collectBeforeShowing {
					limitWindowMemory() // collected before it was shown: the heap now is what it holds
				}
			}
		})
	}()
	return done
}

// collectBeforeShowing is the size of story, in items, from which the
// heap is collected after preparing it and before showing it: at 200,000
// rows the collection that otherwise fell as the story was shown kept the
// UI goroutine waiting 126 ms (2 cores).
const collectBeforeShowing = 20_000

// prepare prepares s, off the UI goroutine, for the map the window has
// when it is done: the finer map levels may have loaded while the file
// was read, and a story prepared for the coarse one would be located
// again on the UI goroutine (seconds for 200,000 places).
func (w *Window) prepare(s *story.Story) *appstate.Prepared {
	for {
		var m *geo.Map
		var res float64
		fyne.DoAndWait(func() { m, res = w.state.Map(), w.state.View().Res })
		p := appstate.Prepare(s, m)
		p.Warm(res) // the clusters the view draws, here rather than on the UI goroutine
		same := false
		fyne.DoAndWait(func() { same = w.state.Map() == m })
		if same {
			return p
		}
	}
}

// storyFiles lets the open dialog show only story files: regular files
// (never a pipe or a device, which the dialog would open, and wait on,
// before Sovmap could refuse it) with a story's extension.
type storyFiles struct{}

func (storyFiles) Matches(u fyne.URI) bool {
	switch strings.ToLower(u.Extension()) {
	case ".geojson", ".json", ".csv", ".tsv", ".txt", ".kml", ".kmz", ".gpx":
	default:
		return false
	}
	st, err := os.Stat(u.Path())
	return err == nil && st.Mode().IsRegular()
}

// showOpenStoryDialog picks a story file: GeoJSON, CSV (or tab-separated
// text), KML, KMZ or GPX.
func (w *Window) showOpenStoryDialog() {
	w.edit.askSave(w.pickStory)
}

// openAsking opens a story file, asking first about unsaved changes.
func (w *Window) openAsking(path string) {
	w.edit.askSave(func() { w.OpenStory(path) })
}

// pickStory asks for a story file and opens it.
func (w *Window) pickStory() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close() // storyfile.Read reads it, bounded
		w.OpenStory(path)
	}, w)
	d.SetFilter(storyFiles{})
	d.Show()
}

// dropped opens the first file dropped on the window, asking first about
// unsaved changes.
func (w *Window) dropped(_ fyne.Position, uris []fyne.URI) {
	w.edit.askSave(func() { w.openDropped(uris) })
}

// openDropped opens the first local file of uris; the channel closes once
// that is done (at once when there is none).
func (w *Window) openDropped(uris []fyne.URI) <-chan struct{} {
	for _, u := range uris {
		if u.Scheme() == "file" {
			return w.OpenStory(u.Path())
		}
	}
	done := make(chan struct{})
	close(done)
	return done
}

// showExportStoryDialog writes the story as GeoJSON or ACLED-style CSV.
func (w *Window) showExportStoryDialog() {
	lang := w.state.Lang()
	prefs := w.app.Preferences()
	dir := prefs.StringWithFallback(prefExportDir, defaultFolder())
	field := newPathField(w, lang, filepath.Join(dir, "sovmap-story.geojson"))
	formats := widget.NewRadioGroup([]string{"GeoJSON", "CSV"}, func(f string) {
		ext := ".geojson"
		if f == "CSV" {
			ext = ".csv"
		}
		field.entry.SetText(withExt(field.entry.Text, ext))
	})
	formats.Horizontal = true
	formats.SetSelected("GeoJSON")
	s := w.state.Story()
	form := dialog.NewForm(tr(lang, "menu.exportstory"), tr(lang, "export.save"), tr(lang, "export.cancel"),
		[]*widget.FormItem{
			widget.NewFormItem(tr(lang, "export.format"), formats),
			widget.NewFormItem(tr(lang, "export.file"), field.box),
		}, func(ok bool) {
			if !ok {
				return
			}
			path := strings.TrimSpace(field.entry.Text)
			prefs.SetString(prefExportDir, filepath.Dir(path))
			write := storyfile.WriteGeoJSON
			if formats.Selected == "CSV" {
				write = storyfile.WriteACLED
			}
			w.confirmWrite(path, func() {
				w.runExport(path, "", func(ctx context.Context) error {
					return atomicfile.WriteFileContext(ctx, path, func(out io.Writer) error { return write(out, s) })
				})
			})
		}, w)
	field.entry.OnSubmitted = func(string) { form.Submit() }
	form.Resize(fyne.NewSize(560, form.MinSize().Height))
	form.Show()
}
