package ui

import (
	"context"
	"errors"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sovmap/geo/atomicfile"
	"sovmap/geo/export"
	"sovmap/geo/phrase"
	"sovmap/geo/render"
	"sovmap/geo/scene"
	"sovmap/ui/native"
)

// Preference keys of the export dialog: it remembers the last choices.
const (
	prefExportDir      = "export.dir"
	prefExportPreset   = "export.preset"
	prefExportWidth    = "export.width"
	prefExportHeight   = "export.height"
	prefExportDPI      = "export.dpi"
	prefExportOutlines = "export.outlines"
	prefExportInset    = "export.inset"
	prefExportFormat   = "export.format"
	prefExportLegend   = "export.legend"
	prefExportScale    = "export.scalebar"
	prefExportNorth    = "export.north"
	prefExportCredits  = "export.attribution"
)

// defaultFolder is where exports go first: Pictures if there is one, else home.
func defaultFolder() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	if st, err := os.Stat(filepath.Join(home, "Pictures")); err == nil && st.IsDir() {
		return filepath.Join(home, "Pictures")
	}
	return home
}

// pathField is a file name entry with a button that picks its folder.
type pathField struct {
	entry *widget.Entry
	box   fyne.CanvasObject
}

func newPathField(w fyne.Window, lang, path string) *pathField {
	f := &pathField{entry: widget.NewEntry()}
	f.entry.SetText(path)
	pick := widget.NewButton(tr(lang, "export.folder"), func() {
		d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err == nil && dir != nil {
				f.entry.SetText(filepath.Join(dir.Path(), filepath.Base(f.entry.Text)))
			}
		}, w)
		d.Show()
	})
	f.box = container.NewBorder(nil, nil, nil, pick, f.entry)
	return f
}

// confirmWrite asks before replacing an existing file, then calls write.
func (w *Window) confirmWrite(path string, write func()) {
	if _, err := os.Stat(path); err == nil {
		lang := w.state.Lang()
		d := dialog.NewConfirm(tr(lang, "export.replace.title"), fmt.Sprintf(tr(lang, "export.replace"), filepath.Base(path)),
			func(ok bool) {
				w.confirmOp = nil
				if ok {
					write()
				}
			}, w)
		w.confirmOp = func(yes bool) {
			if yes {
				d.Confirm()
			} else {
				d.Hide()
			}
		}
		d.Show()
		return
	}
	write()
}

// runExport does slow work off the UI goroutine behind a progress dialog
// with a Cancel button (Escape cancels too), then says how it went, with
// note, if any, after. A cancelled export writes nothing; the window is
// free at once.
func (w *Window) runExport(path, note string, work func(context.Context) error) {
	w.runExportWith(path, note, widget.NewProgressBarInfinite(), work)
}

// runExportWith is runExport with bar in the progress dialog (work moves
// a bar that measures): the channel gets the outcome, ctx's error when
// cancelled, once the dialogs are done.
func (w *Window) runExportWith(path, note string, bar fyne.CanvasObject, work func(context.Context) error) <-chan error {
	lang := w.state.Lang()
	ctx, cancel := context.WithCancel(context.Background())
	prog := dialog.NewCustom(tr(lang, "export.working"), tr(lang, "export.cancel"),
		container.NewVBox(widget.NewLabel(clipText(filepath.Base(path), 80)), bar), w)
	prog.SetOnClosed(cancel)
	w.cancelOp = prog.Hide // closing it cancels
	prog.Show()
	done := make(chan error, 1)
	go func() {
		err := work(ctx)
		fyne.Do(func() {
			cancelled := ctx.Err() != nil
			w.cancelOp = nil
			if !cancelled {
				prog.Hide()
			}
			switch {
			case cancelled: // already closed; the file was not written
				err = ctx.Err()
			case err != nil:
				showError(lang, err, w)
			default:
				msg := fmt.Sprintf(tr(lang, "export.done"), path)
				if note != "" {
					msg += "\n\n" + note
				}
				w.showMessage(tr(lang, "export.done.title"), msg)
			}
			done <- err
		})
	}()
	return done
}

// showScreenshotDialog asks where to save a screenshot of the window, then
// saves it once the dialog has left the screen.
func (w *Window) showScreenshotDialog() {
	lang := w.state.Lang()
	prefs := w.app.Preferences()
	dir := prefs.StringWithFallback(prefExportDir, defaultFolder())
	name := "sovmap-screenshot-" + time.Now().Format("2006-01-02-150405") + ".png"
	field := newPathField(w, lang, filepath.Join(dir, name))
	form := dialog.NewForm(tr(lang, "menu.screenshot"), tr(lang, "export.save"), tr(lang, "export.cancel"),
		[]*widget.FormItem{widget.NewFormItem(tr(lang, "export.file"), field.box)},
		func(ok bool) {
			if !ok {
				return
			}
			path := withExt(field.entry.Text, ".png")
			prefs.SetString(prefExportDir, filepath.Dir(path))
			w.confirmWrite(path, func() {
				// The keyboard's focus ring is for the user, not for the
				// picture: drop the focus, and let it and the dialogs leave
				// the screen before the capture.
				w.Canvas().Unfocus()
				time.AfterFunc(300*time.Millisecond, func() {
					fyne.Do(func() {
						if err := w.SaveScreenshot(path); err != nil {
							showError(lang, err, w)
						}
					})
				})
			})
		}, w)
	// The name is ready to edit, and Enter saves.
	field.entry.OnSubmitted = func(string) { form.Submit() }
	form.Resize(fyne.NewSize(560, form.MinSize().Height))
	form.Show()
	w.Canvas().Focus(field.entry)
}

// SaveScreenshot saves the window as it is shown, at the screen's pixel
// density, as a PNG at path. It must run on the UI goroutine (the capture);
// the encoding and writing happen there too, as a screenshot is quick.
func (w *Window) SaveScreenshot(path string) error {
	img, err := native.Capture(w.Window)
	if err == nil && img == nil {
		err = phrase.New("the window has no picture to save (it could not be drawn)")
	}
	if err != nil {
		return phrase.Errorf("%s: %w", path, err)
	}
	return atomicfile.WriteFile(path, func(wr io.Writer) error {
		return (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(wr, img)
	})
}

// withExt makes sure a file name ends in ext.
func withExt(path, ext string) string {
	path = strings.TrimSpace(path)
	if strings.EqualFold(filepath.Ext(path), ext) {
		return path
	}
	return strings.TrimSuffix(path, filepath.Ext(path)) + ext
}

// showExportDialog asks for the size, format, title, caption and
// decorations of a print map, remembers them, and exports what the window
// shows at that size.
func (w *Window) showExportDialog() {
	st := w.state
	lang := st.Lang()
	prefs := w.app.Preferences()

	presetNames := make([]string, 0, len(export.Presets)+1)
	for _, p := range export.Presets {
		presetNames = append(presetNames, p.Name)
	}
	custom := tr(lang, "export.custom")
	presetNames = append(presetNames, custom)
	width := widget.NewEntry()
	height := widget.NewEntry()
	dpi := widget.NewEntry()
	width.SetText(strconv.Itoa(prefs.IntWithFallback(prefExportWidth, 1920)))
	height.SetText(strconv.Itoa(prefs.IntWithFallback(prefExportHeight, 1080)))
	dpi.SetText(strconv.Itoa(prefs.IntWithFallback(prefExportDPI, export.DefaultDPI)))
	sizeSel := widget.NewSelect(presetNames, func(name string) {
		for _, p := range export.Presets {
			if p.Name == name {
				width.SetText(strconv.Itoa(p.Width))
				height.SetText(strconv.Itoa(p.Height))
				dpi.SetText(strconv.Itoa(p.DPI))
			}
		}
		for _, e := range []*widget.Entry{width, height, dpi} {
			if name == custom {
				e.Enable()
			} else {
				e.Disable()
			}
		}
	})
	sizeSel.SetSelected(prefs.StringWithFallback(prefExportPreset, export.Presets[0].Name))
	if sizeSel.Selected == "" {
		sizeSel.SetSelected(export.Presets[0].Name)
	}
	dims := container.NewGridWithColumns(5, width, widget.NewLabel("×"), height, dpi, widget.NewLabel(tr(lang, "export.dpi")))

	dir := prefs.StringWithFallback(prefExportDir, defaultFolder())
	format := prefs.StringWithFallback(prefExportFormat, "PNG")
	field := newPathField(w, lang, filepath.Join(dir, "sovmap-map."+strings.ToLower(format)))
	formatSel := widget.NewRadioGroup([]string{"PNG", "SVG"}, func(f string) {
		if f != "" {
			field.entry.SetText(withExt(field.entry.Text, "."+strings.ToLower(f)))
		}
	})
	formatSel.Horizontal = true
	formatSel.SetSelected(format)

	title := widget.NewEntry()
	title.SetText(clipText(st.Story().Title.In(lang), 500))
	caption := widget.NewEntry()
	caption.SetText(clipText(scene.Caption(st), 500))
	if it := st.Item(); w.story.on && it != nil {
		// A step of the story exports with its own text as the caption.
		caption.SetText(clipText(it.Date.Format(lang)+" — "+it.Title.In(lang)+". "+it.Summary.In(lang), 500))
	}
	check := func(key, pref string) *widget.Check {
		c := widget.NewCheck(tr(lang, key), nil)
		c.SetChecked(prefs.BoolWithFallback(pref, true))
		return c
	}
	legend := check("export.legend", prefExportLegend)
	scale := check("export.scalebar", prefExportScale)
	north := check("export.north", prefExportNorth)
	credits := check("export.attribution", prefExportCredits)
	inset := check("export.inset", prefExportInset)
	outlines := widget.NewCheck(tr(lang, "export.outlines"), nil)
	outlines.SetChecked(prefs.BoolWithFallback(prefExportOutlines, false))

	items := []*widget.FormItem{
		widget.NewFormItem(tr(lang, "export.size"), container.NewVBox(sizeSel, dims)),
		widget.NewFormItem(tr(lang, "export.format"), container.NewHBox(formatSel, outlines)),
		widget.NewFormItem(tr(lang, "export.title"), title),
		widget.NewFormItem(tr(lang, "export.caption"), caption),
		widget.NewFormItem(tr(lang, "export.show"), container.NewGridWithColumns(2, legend, scale, north, credits, inset)),
		widget.NewFormItem(tr(lang, "export.file"), field.box),
	}
	form := dialog.NewForm(tr(lang, "menu.exportmap"), tr(lang, "export.save"), tr(lang, "export.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		wv, errW := strconv.Atoi(strings.TrimSpace(width.Text))
		hv, errH := strconv.Atoi(strings.TrimSpace(height.Text))
		if errW != nil || errH != nil {
			showError(lang, errors.New(tr(lang, "export.badsize")), w)
			return
		}
		if err := export.CheckSize(wv, hv); err != nil {
			showError(lang, err, w)
			return
		}
		dv, err := strconv.Atoi(strings.TrimSpace(dpi.Text))
		if err == nil {
			err = export.CheckDPI(dv)
		}
		if err != nil {
			showError(lang, phrase.Errorf("%s: %q: %s", tr(lang, "export.dpi"), dpi.Text, tr(lang, "export.baddpi")), w)
			return
		}
		path := withExt(field.entry.Text, "."+strings.ToLower(formatSel.Selected))
		prefs.SetString(prefExportPreset, sizeSel.Selected)
		prefs.SetInt(prefExportWidth, wv)
		prefs.SetInt(prefExportHeight, hv)
		prefs.SetInt(prefExportDPI, dv)
		prefs.SetString(prefExportFormat, formatSel.Selected)
		prefs.SetString(prefExportDir, filepath.Dir(path))
		prefs.SetBool(prefExportLegend, legend.Checked)
		prefs.SetBool(prefExportScale, scale.Checked)
		prefs.SetBool(prefExportNorth, north.Checked)
		prefs.SetBool(prefExportCredits, credits.Checked)
		prefs.SetBool(prefExportInset, inset.Checked)
		prefs.SetBool(prefExportOutlines, outlines.Checked)
		o := export.Options{Width: wv, Height: hv, DPI: dv, Outlines: outlines.Checked, Print: true, Furniture: scene.Furniture{Title: title.Text, Caption: caption.Text,
			Legend: legend.Checked, ScaleBar: scale.Checked, NorthArrow: north.Checked, Attribution: credits.Checked, Inset: inset.Checked}}
		w.confirmWrite(path, func() {
			// The plan is made here, from the state as the window shows it;
			// drawing and writing it go on off the UI goroutine.
			plan, err := export.NewPlan(st, o)
			if err != nil {
				showError(lang, phrase.Errorf("%s: %w", path, err), w)
				return
			}
			m := st.Map()
			w.runExport(path, missingGlyphsNote(lang, &plan.Scene), func(ctx context.Context) error { return plan.Write(ctx, path, m) })
		})
	}, w)
	field.entry.OnSubmitted = func(string) { form.Submit() }
	form.Resize(fyne.NewSize(620, form.MinSize().Height))
	form.Show()
}

// missingGlyphsNote says which characters of the scene's texts no bundled
// font draws (they show as boxes), or nothing when every one is drawn.
func missingGlyphsNote(lang string, sc *render.Scene) string {
	missing := render.MissingGlyphs(sc)
	if len(missing) == 0 {
		return ""
	}
	var b strings.Builder
	for i, r := range missing {
		if i == 8 {
			fmt.Fprintf(&b, " (+%d)", len(missing)-i)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%c U+%04X", r, r)
	}
	return fmt.Sprintf(tr(lang, "export.missing"), b.String())
}

// showExportPageDialog asks where to save the interactive page of what the
// window shows, then writes it.
func (w *Window) showExportPageDialog() {
	st := w.state
	lang := st.Lang()
	prefs := w.app.Preferences()
	dir := prefs.StringWithFallback(prefExportDir, defaultFolder())
	field := newPathField(w, lang, filepath.Join(dir, "sovmap-story.html"))
	form := dialog.NewForm(tr(lang, "menu.exportpage"), tr(lang, "export.save"), tr(lang, "export.cancel"),
		[]*widget.FormItem{widget.NewFormItem(tr(lang, "export.file"), field.box)},
		func(ok bool) {
			if !ok {
				return
			}
			path := withExt(field.entry.Text, ".html")
			prefs.SetString(prefExportDir, filepath.Dir(path))
			w.confirmWrite(path, func() {
				// The page is worked out here, from the state as the window
				// shows it; drawing and writing it go on off the UI goroutine.
				page, err := export.NewPagePlan(st, export.DefaultOptions(st))
				if err != nil {
					showError(lang, phrase.Errorf("%s: %w", path, err), w)
					return
				}
				m := st.Map()
				w.runExport(path, "", func(ctx context.Context) error { return page.Write(ctx, path, m) })
			})
		}, w)
	field.entry.OnSubmitted = func(string) { form.Submit() }
	form.Resize(fyne.NewSize(560, form.MinSize().Height))
	form.Show()
	w.Canvas().Focus(field.entry)
}

// showMessage shows a message that Enter (or Escape, or its button)
// closes.
func (w *Window) showMessage(title, msg string) {
	d := dialog.NewInformation(title, msg, w)
	w.dismissOp = d.Hide
	d.SetOnClosed(func() { w.dismissOp = nil })
	d.Show()
}
