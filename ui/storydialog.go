package ui

import (
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"sovmap/geo/atomicfile"
	"sovmap/geo/storyfile"
)

// OpenStory reads a story file off the UI goroutine behind a progress
// dialog, then shows it; on any error it says what is wrong and keeps the
// story it had. The channel closes once that is done.
func (w *Window) OpenStory(path string) <-chan struct{} {
	done := make(chan struct{})
	lang := w.state.Lang()
	prog := dialog.NewCustomWithoutButtons(tr(lang, "story.opening"),
		container.NewVBox(widget.NewLabel(filepath.Base(path)), widget.NewProgressBarInfinite()), w)
	prog.Show()
	go func() {
		s, err := storyfile.ReadFile(path)
		fyne.Do(func() {
			defer close(done)
			prog.Hide()
			if err != nil {
				dialog.ShowError(err, w)
				return
			}
			w.state.SetStory(s)
		})
	}()
	return done
}

// showOpenStoryDialog picks a story file: Sovmap's GeoJSON or ACLED-style CSV.
func (w *Window) showOpenStoryDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close() // story.ReadFile reads it, bounded
		w.OpenStory(path)
	}, w)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".geojson", ".json", ".csv"}))
	d.Show()
}

// dropped opens the first file dropped on the window.
func (w *Window) dropped(_ fyne.Position, uris []fyne.URI) {
	w.openDropped(uris)
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
				w.runExport(path, func() error {
					return atomicfile.WriteFile(path, func(out io.Writer) error { return write(out, s) })
				})
			})
		}, w)
	field.entry.OnSubmitted = func(string) { form.Submit() }
	form.Resize(fyne.NewSize(560, form.MinSize().Height))
	form.Show()
}
