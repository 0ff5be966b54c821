package ui

import (
	"context"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sovmap/geo"
	"sovmap/geo/appstate"
	"sovmap/geo/export"
	"sovmap/geo/phrase"
	"sovmap/geo/story"
	"sovmap/geo/video"
)

// videoSizes are the sizes a video is offered in: where it goes (a
// landscape player, a square feed, a portrait story), the first the
// default.
var videoSizes = []string{"1920x1080", "1080x1080", "1080x1920", "1280x720"}

// showExportVideoDialog asks where to write the story told as a video,
// in what format and size, then writes it behind a progress bar with
// Cancel.
func (w *Window) showExportVideoDialog() {
	lang := w.state.Lang()
	prefs := w.app.Preferences()
	dir := prefs.StringWithFallback(prefExportDir, defaultFolder())
	field := newPathField(w, lang, filepath.Join(dir, "sovmap-story.mp4"))
	formats := widget.NewRadioGroup([]string{"MP4", "WebM", "GIF"}, func(f string) {
		field.entry.SetText(withExt(field.entry.Text, "."+strings.ToLower(f)))
	})
	formats.Horizontal = true
	formats.SetSelected("MP4")
	sizes := widget.NewSelect(videoSizes, nil)
	sizes.SetSelected(videoSizes[0])
	motions := widget.NewRadioGroup([]string{tr(lang, "video.narrative"), tr(lang, "video.play")}, nil)
	motions.SetSelected(motions.Options[0])
	form := dialog.NewForm(tr(lang, "menu.exportvideo"), tr(lang, "export.save"), tr(lang, "export.cancel"),
		[]*widget.FormItem{
			widget.NewFormItem(tr(lang, "video.what"), motions),
			widget.NewFormItem(tr(lang, "export.format"), formats),
			widget.NewFormItem(tr(lang, "export.size"), sizes),
			widget.NewFormItem(tr(lang, "export.file"), field.box),
		}, func(ok bool) {
			if !ok {
				return
			}
			path := strings.TrimSpace(field.entry.Text)
			prefs.SetString(prefExportDir, filepath.Dir(path))
			wpx, hpx, err := export.ParseSize(sizes.Selected)
			if err != nil {
				showError(lang, err, w)
				return
			}
			motion := video.Narrative
			if motions.Selected == tr(lang, "video.play") {
				motion = video.Play
			}
			w.confirmWrite(path, func() { w.writeVideo(path, wpx, hpx, motion) })
		}, w)
	field.entry.OnSubmitted = func(string) { form.Submit() }
	form.Resize(fyne.NewSize(560, form.MinSize().Height))
	form.Show()
}

// writeVideo writes the story told as a video (motion: the narrative or
// the time play) to path, wpx x hpx, behind
// a progress bar with Cancel (Escape too: it stops within a frame and
// leaves no file). The frames are drawn off the UI goroutine from a state
// of their own (the story, map, filter and language of the window's), so
// that the window stays as it is and keeps answering. The channel gets
// the outcome once the dialogs are done.
func (w *Window) writeVideo(path string, wpx, hpx int, motion video.Motion) <-chan error {
	lang := w.state.Lang()
	s, m, f := w.state.Story(), w.state.Map(), w.state.Filter()
	bar := widget.NewProgressBar()
	return w.runExportWith(path, "", bar, func(ctx context.Context) error {
		vs := videoState(s, m, f, lang, wpx, hpx)
		o := export.DefaultOptions(vs)
		o.Width, o.Height = wpx, hpx
		last := time.Now()
		err := video.WriteMotion(ctx, path, vs, o, motion, func(d, total int) {
			if time.Since(last) > 100*time.Millisecond || d == total {
				last = time.Now()
				fyne.Do(func() { bar.SetValue(float64(d) / float64(total)) })
			}
		})
		if err != nil && ctx.Err() == nil {
			return phrase.Errorf("%s: %w", filepath.Base(path), err)
		}
		return err
	})
}

// videoState is a state of its own for a video's frames: the window's
// story, map, filter and language, in a view of the video's size.
func videoState(s *story.Story, m *geo.Map, f appstate.Filter, lang string, wpx, hpx int) *appstate.Session {
	vs := appstate.New(s, lang)
	vs.SetMap(m)
	k := export.ScaleFor(wpx, hpx)
	vs.SetViewSize(float64(wpx)/k, float64(hpx)/k)
	vs.SetFilter(f)
	return vs
}
