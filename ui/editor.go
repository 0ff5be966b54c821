package ui

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"sovmap/geo/atomicfile"
	"sovmap/geo/phrase"
	"sovmap/geo/recovery"
	"sovmap/geo/story"
	"sovmap/geo/storyedit"
	"sovmap/geo/storyfile"
)

// editor is the window's writing of its story: the document being edited
// (made from the story shown at its first change), the file Save writes,
// and the window's own recovery file, which keeps a copy of unsaved work
// every few seconds.
type editor struct {
	w *Window
	// doc is the story being written; it is the story shown while the
	// state shows shown, the story doc last made. Another story shown
	// (opened, dropped) makes doc stale: the next change starts a new
	// document of that story.
	doc   *storyedit.Doc
	shown *story.Story
	// path is the Sovmap story file Save writes ("" until saved as, or
	// opened as one); from is the file the story was read from, which
	// is never written unless it is a Sovmap story (path).
	path, from string
	// rec is the window's recovery file, claimed at the first change;
	// recDir is its folder, recErr why there is none.
	rec       *recovery.File
	recDir    string
	recErr    error
	recWarned bool
	// autosaved is the version of doc last copied to rec (-1 none);
	// autosaving is set while a copy is being written.
	autosaved  int
	autosaving bool
	inflight   <-chan struct{} // closes when the copy being written is done
	pending    bool            // a copy is due
	manual     bool            // tests call autosave themselves
	closing    bool            // the window is closed: no more copies
	offered    map[string]bool // the recovery copies offered this launch
	form       *itemForm
	// revision counts the edits of a large story shown off the UI
	// goroutine (show): only the latest one's result is shown. apply runs
	// a result on the UI goroutine (fyne.DoAndWait; the tests play the UI
	// goroutine themselves).
	revision int
	apply    func(func())
}

// autosaveAfter is how soon after a change unsaved work is copied to the
// recovery file: a crash loses at most the changes of the last second, and
// those of the copy being written.
const autosaveAfter = time.Second

func newEditor(w *Window) *editor {
	e := &editor{w: w, autosaved: -1, offered: map[string]bool{}, apply: fyne.DoAndWait}
	e.recDir, e.recErr = recovery.Dir()
	return e
}

// current is the document of the story shown, made on first use.
func (e *editor) current() *storyedit.Doc {
	if e.doc == nil || e.w.state.Story() != e.shown {
		e.doc = storyedit.Open(e.w.state.Story())
		e.shown = e.w.state.Story()
		e.autosaved = -1
	}
	return e.doc
}

// dirty reports whether the story shown has changes not saved.
func (e *editor) dirty() bool {
	return e.doc != nil && e.w.state.Story() == e.shown && e.doc.Dirty()
}

// change makes one change to the story and shows the result at once on
// the map, the timeline and the axis, with the item it touched selected.
func (e *editor) change(f func(d *storyedit.Doc) error) error {
	d := e.current()
	if err := f(d); err != nil {
		return err
	}
	e.show()
	return nil
}

// bigRevision is the size of story, in items, from which an edit is shown
// off the UI goroutine: making and preparing the edited story costs about
// 2 µs an item (BenchmarkEditTwoHundredThousand: 0.41–0.45 s at 200,000;
// BenchmarkEditTenThousand: 48 ms), so a smaller story shows its edit at
// once, within a few frames.
var bigRevision = 20_000

// show puts the document's story in the state, keeping the view and the
// filter. A large story is made and prepared on another goroutine: the
// window stays responsive, the title and the autosave follow the edit at
// once, the map, timeline and axis when it is ready. An edit made
// meanwhile supersedes it.
func (e *editor) show() {
	frozen, touched := e.doc.Freeze(), e.doc.Touched()
	if e.doc.Len() < bigRevision {
		rev := frozen.Make()
		e.doc.Adopt(rev)
		s := rev.Story()
		e.shown = s
		e.w.state.Revise(s, touched)
		e.changed()
		return
	}
	e.revision++
	n, d, job := e.revision, e.doc, e.w.state.RevisionJob()
	e.changed()
	go func() {
		// The story shown and the one being made are both held now: the
		// collector's last goal, twice the heap it left, would let the
		// process grow by the whole story's size again. Collecting first
		// makes the new one fit in the memory the process already has
		// (200,000 rows: a peak of 1.1 GB otherwise).
		runtime.GC()
		rev := frozen.Make()
		s := rev.Story()
		p := job.Run(s)
		e.apply(func() {
			if n != e.revision || d != e.doc || e.w.state.Story() != e.shown {
				return // a later edit, or another story, came first
			}
			d.Adopt(rev) // the next edit shares what this one left
			e.shown = s
			e.w.state.ApplyRevision(p, touched)
			e.changed()
		})
	}()
}

// changed follows a change of what is saved: the title, the menu's Undo
// and Redo, the autosave.
func (e *editor) changed() {
	e.w.setTitle()
	e.w.refreshEditBar()
	if e.dirty() {
		e.startAutosave()
	}
}

// undo takes the last change back; redo makes it again.
func (e *editor) undo() {
	if e.doc != nil && e.w.state.Story() == e.shown && e.doc.Undo() {
		e.show()
	}
}

func (e *editor) redo() {
	if e.doc != nil && e.w.state.Story() == e.shown && e.doc.Redo() {
		e.show()
	}
}

// canUndo and canRedo say whether there is a change to take back or make
// again.
func (e *editor) canUndo() bool {
	return e.doc != nil && e.w.state.Story() == e.shown && e.doc.CanUndo()
}

func (e *editor) canRedo() bool {
	return e.doc != nil && e.w.state.Story() == e.shown && e.doc.CanRedo()
}

// deleteSelected takes the selected item out of the story (undoable).
func (e *editor) deleteSelected() {
	it := e.w.state.Item()
	if it == nil || e.form != nil { // not the item being written
		return
	}
	id := it.ID
	e.change(func(d *storyedit.Doc) error { return d.Delete(id) })
}

// moveStep moves the selected item by delta steps in the order the story
// is told, past the next step shown (a filter's hidden items keep their
// places); from then on the story is told in the writer's order.
func (e *editor) moveStep(delta int) {
	st := e.w.state
	it := st.Item()
	shown := st.Shown().Steps
	k := slices.Index(shown, it)
	if it == nil || e.form != nil || k < 0 || k+delta < 0 || k+delta >= len(shown) {
		return
	}
	other := shown[k+delta].ID
	s := st.Story()
	order := make([]string, 0, len(s.Items))
	for _, i := range s.NarrativeOrder() {
		if id := s.Items[i].ID; id != it.ID {
			order = append(order, id)
		}
	}
	at := slices.Index(order, other)
	if delta > 0 {
		at++
	}
	order = slices.Insert(order, at, it.ID)
	e.change(func(d *storyedit.Doc) error { d.SetSteps(order, it.ID); return nil })
}

// tellByDate tells the story in the order of its dates again.
func (e *editor) tellByDate() {
	if len(e.w.state.Story().Steps) > 0 && e.form == nil {
		e.change(func(d *storyedit.Doc) error { d.SetSteps(nil, ""); return nil })
	}
}

// newStory starts an empty story, asking first about unsaved changes,
// and asks for its title.
func (e *editor) newStory() {
	e.askSave(func() {
		e.closeForm()
		e.clearRecovery()
		e.doc = storyedit.New()
		e.shown = e.doc.Story()
		e.path, e.from = "", ""
		e.autosaved = -1
		e.w.state.SetStory(e.shown)
		e.changed()
		e.showStoryDialog()
	})
}

// opened notes a story file just shown: its own document starts at the
// next change; a Sovmap story is saved back where it came from, any other
// file never.
func (e *editor) opened(path, format string) {
	e.closeForm()
	e.clearRecovery()
	e.doc, e.shown, e.autosaved = nil, nil, -1
	e.from, e.path = path, ""
	if format == storyfile.OwnFormatName {
		e.path = path
	}
	e.w.addRecent(path)
	e.changed()
}

// askSave runs then once unsaved changes are saved or given up: asked
// Save, Don't save or Cancel (which runs nothing). With nothing unsaved it
// runs then at once.
func (e *editor) askSave(then func()) {
	if !e.dirty() {
		then()
		return
	}
	lang := e.w.state.Lang()
	title := e.title()
	var d dialog.Dialog
	done := func() { e.w.confirmOp = nil; d.Hide() }
	save := widget.NewButton(tr(lang, "edit.save"), func() { done(); e.save(then) })
	save.Importance = widget.HighImportance
	discard := widget.NewButton(tr(lang, "edit.discard"), func() {
		done()
		e.clearRecovery()
		e.doc = nil // the changes are given up
		then()
	})
	cancel := widget.NewButton(tr(lang, "export.cancel"), done)
	msg := widget.NewLabel(fmt.Sprintf(tr(lang, "edit.unsaved"), title))
	msg.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustomWithoutButtons(tr(lang, "edit.unsaved.title"),
		container.NewVBox(msg, container.NewHBox(layout.NewSpacer(), cancel, discard, save)), e.w)
	e.w.confirmOp = func(yes bool) { // Enter saves; Escape cancels
		if yes {
			save.OnTapped()
		} else {
			done()
		}
	}
	d.Resize(fyne.NewSize(460, d.MinSize().Height))
	d.Show()
}

// title is the story's title in the window's language, or words for a
// story of none.
func (e *editor) title() string {
	t := strings.TrimSpace(e.w.state.Story().Title.In(e.w.state.Lang()))
	if t == "" {
		return tr(e.w.state.Lang(), "edit.untitled")
	}
	return clipText(t, 80)
}

// save writes the story to its file, or asks where first (Save as); then
// runs once it is written.
func (e *editor) save(then func()) {
	if e.path == "" {
		e.saveAs(then)
		return
	}
	e.write(e.path, then)
}

// write writes the story shown to path in Sovmap's format, atomically
// and off the UI goroutine; the version written is marked saved (changes
// made meanwhile stay unsaved).
func (e *editor) write(path string, then func()) {
	d := e.current()
	frozen, v := d.Freeze(), d.Version()
	w := e.w
	go func() {
		err := atomicfile.WriteFile(path, func(out io.Writer) error { return storyfile.WriteGeoJSON(out, frozen.Story()) })
		fyne.DoAndWait(func() {
			if err != nil {
				showError(e.w.state.Lang(), phrase.Errorf("the story was not saved to %s: %w", path, err), w)
				return
			}
			if d == e.doc {
				d.MarkSaved(v)
				e.path = path
				if !d.Dirty() {
					e.clearRecovery()
				}
			}
			w.addRecent(path)
			e.changed()
			if then != nil {
				then()
			}
		})
	}()
}

// saveAs asks for a file name and saves there. It never writes over the
// file the story was read from unless that is a Sovmap story.
func (e *editor) saveAs(then func()) {
	lang := e.w.state.Lang()
	field := newPathField(e.w, lang, e.suggestPath())
	var form dialog.Dialog
	form = dialog.NewForm(tr(lang, "menu.saveas"), tr(lang, "export.save"), tr(lang, "export.cancel"),
		[]*widget.FormItem{widget.NewFormItem(tr(lang, "export.file"), field.box)}, func(ok bool) {
			if !ok {
				return
			}
			path := strings.TrimSpace(field.entry.Text)
			if path == "" {
				return
			}
			if filepath.Ext(path) == "" {
				path += ".geojson"
			}
			if e.from != "" && e.from != e.path && sameFile(path, e.from) {
				showError(lang, fmt.Errorf(tr(lang, "edit.notover"), filepath.Base(path)), e.w)
				return
			}
			e.w.app.Preferences().SetString(prefExportDir, filepath.Dir(path))
			e.w.confirmWrite(path, func() { e.write(path, then) })
		}, e.w)
	field.entry.OnSubmitted = func(string) { form.(*dialog.FormDialog).Submit() }
	form.Resize(fyne.NewSize(560, form.MinSize().Height))
	form.Show()
	e.w.Canvas().Focus(field.entry)
}

// suggestPath is where Save as proposes to save: beside the file opened
// (never that file), or in the last export folder.
func (e *editor) suggestPath() string {
	if e.path != "" {
		return e.path
	}
	if e.from != "" {
		base := strings.TrimSuffix(e.from, filepath.Ext(e.from))
		return base + ".sovmap.geojson"
	}
	dir := e.w.app.Preferences().StringWithFallback(prefExportDir, defaultFolder())
	return filepath.Join(dir, "story.geojson")
}

// sameFile reports whether two paths name one file (or, where neither
// exists, one name).
func sameFile(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(sa, sb)
	}
	ca, _ := filepath.Abs(a)
	cb, _ := filepath.Abs(b)
	return ca == cb
}

// startAutosave has the work copied to the recovery file autosaveAfter
// from now, unless a copy is due already. (Tests that drive the autosave
// themselves set manual.)
func (e *editor) startAutosave() {
	if e.pending || e.manual || e.closing {
		return
	}
	e.pending = true
	time.AfterFunc(autosaveAfter, func() {
		fyne.Do(func() {
			e.pending = false
			if !e.closing {
				e.autosave()
			}
		})
	})
}

// autosave copies the story to the recovery file if it has changed since
// the last copy and is unsaved; the copy is written off the UI goroutine.
// The channel closes once the copy is written and noted (the copy being
// written, if one is; at once when there was nothing to copy).
func (e *editor) autosave() <-chan struct{} {
	if e.autosaving {
		return e.inflight
	}
	done := make(chan struct{})
	if !e.dirty() || e.doc.Version() == e.autosaved {
		close(done)
		return done
	}
	if e.rec == nil {
		if e.recErr == nil {
			e.rec, e.recErr = recovery.Claim(e.recDir)
		}
		if e.recErr != nil {
			if !e.recWarned {
				e.recWarned = true
				fmt.Fprintln(os.Stderr, "sovmap:", sayf(e.w.state.Lang(), "no recovery copies of unsaved work: %v", e.recErr))
			}
			close(done)
			return done
		}
	}
	frozen, v, rec := e.doc.Freeze(), e.doc.Version(), e.rec
	info := recovery.Info{From: e.path, Title: e.title()}
	e.autosaving, e.inflight = true, done
	go func() {
		defer close(done)
		if frozen.Len() >= collectBeforeShowing {
			// The edit's garbage (the story and what was worked out for it
			// before the edit) collected first, so that the copy's own is
			// made in its room: at 200,000 rows the process otherwise grew
			// by the copy's 90 MB, to 880 MB.
			runtime.GC()
		}
		err := rec.Write(info, func(out io.Writer) error { return storyfile.WriteGeoJSON(out, frozen.Story()) })
		fyne.DoAndWait(func() {
			e.autosaving = false
			if err != nil {
				fmt.Fprintln(os.Stderr, "sovmap:", sayf(e.w.state.Lang(), "the recovery copy was not written: %v", err))
				return
			}
			e.autosaved = v
			switch {
			case !e.dirty(): // saved meanwhile
				e.clearRecovery()
			case e.doc.Version() != v: // changed meanwhile
				e.startAutosave()
			}
		})
	}()
	return done
}

// clearRecovery removes the recovery copy: the work is saved or given up.
func (e *editor) clearRecovery() {
	if e.rec != nil && !e.autosaving {
		if err := e.rec.Clear(); err != nil {
			fmt.Fprintln(os.Stderr, "sovmap:", say(e.w.state.Lang(), err))
		}
	}
	e.autosaved = -1
}

// closed ends the autosave and gives the recovery file up, keeping its
// copy if work is unsaved (the window closed by the system, not asked).
func (e *editor) closed() {
	e.closing = true
	if e.rec != nil && !e.dirty() {
		e.rec.Close()
	}
}

// offerRestore asks, for the newest work a Sovmap that died left unsaved,
// whether to restore it; then for the next, until none is left.
func (e *editor) offerRestore() {
	if e.recErr != nil {
		return
	}
	left, err := recovery.Left(e.recDir)
	if err != nil {
		return
	}
	// Each copy is offered once a launch: one that cannot be restored
	// stays for the next.
	var info recovery.Info
	found := false
	for _, l := range left {
		if p := l.StoryPath(e.recDir); !e.offered[p] {
			info, found = l, true
			e.offered[p] = true
			break
		}
	}
	if !found {
		return
	}
	lang := e.w.state.Lang()
	when := info.Written.Local().Format("2006-01-02 15:04")
	d := dialog.NewConfirm(tr(lang, "edit.restore.title"), fmt.Sprintf(tr(lang, "edit.restore"), clipText(info.Title, 80), when),
		func(yes bool) {
			e.w.confirmOp = nil
			if yes {
				e.restore(info)
			} else {
				recovery.Discard(e.recDir, info)
			}
			e.offerRestore()
		}, e.w)
	d.SetConfirmText(tr(lang, "edit.restore.yes"))
	d.SetDismissText(tr(lang, "edit.restore.no"))
	e.w.confirmOp = func(yes bool) {
		if yes {
			d.Confirm()
		} else {
			d.Hide()
		}
	}
	d.Show()
}

// restore shows the work of a recovery copy as unsaved changes, copies it
// to this window's own recovery file at once, and removes the old copy.
func (e *editor) restore(info recovery.Info) {
	s, _, err := storyfile.Read(context.Background(), info.StoryPath(e.recDir), storyfile.Options{Strict: true})
	if err != nil {
		showError(e.w.state.Lang(), phrase.Errorf("the unsaved work could not be restored: %w", err), e.w)
		return
	}
	e.closeForm()
	e.doc = storyedit.Open(s)
	e.doc.MarkUnsaved()
	e.shown = e.doc.Story()
	e.path, e.from, e.autosaved = info.From, info.From, -1
	e.w.state.SetStory(e.shown)
	e.changed()
	e.autosave()
	recovery.Discard(e.recDir, info)
}

// showStoryDialog edits what the story says of itself: its title,
// standfirst and credit, in English and Spanish.
func (e *editor) showStoryDialog() {
	lang := e.w.state.Lang()
	m := e.current().Meta()
	title, desc, credit := newTextPair(m.Title, false, nil), newTextPair(m.Description, true, nil), newTextPair(m.Credit, false, nil)
	form := dialog.NewForm(tr(lang, "edit.storydialog"), tr(lang, "edit.apply"), tr(lang, "export.cancel"),
		[]*widget.FormItem{
			widget.NewFormItem(tr(lang, "edit.storytitle"), title.box),
			widget.NewFormItem(tr(lang, "edit.standfirst"), desc.box),
			widget.NewFormItem(tr(lang, "edit.credit"), credit.box),
		}, func(ok bool) {
			if !ok {
				return
			}
			nm := storyedit.Meta{Title: title.text(), Description: desc.text(), Credit: credit.text()}
			if textKeyOf(nm.Title) == textKeyOf(m.Title) && textKeyOf(nm.Description) == textKeyOf(m.Description) && textKeyOf(nm.Credit) == textKeyOf(m.Credit) {
				return // nothing changed: nothing to undo
			}
			e.change(func(d *storyedit.Doc) error { d.SetMeta(nm); return nil })
		}, e.w)
	// Enter in a one-line field applies, as in every dialog.
	title.submitWith(form.Submit)
	credit.submitWith(form.Submit)
	form.Resize(fyne.NewSize(620, form.MinSize().Height))
	form.Show()
	e.w.Canvas().Focus(title.enField)
}

// textKeyOf is a text's languages as one comparable string.
func textKeyOf(t story.Text) string {
	return strings.TrimSpace(t["en"]) + "\x00" + strings.TrimSpace(t["es"])
}
