package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// At the size the window opens at on a 1280x800 screen, in either
// language, the details panel shows the opening, every place and every
// item, and every slide of the story, whole: no paragraph runs past the
// panel's bottom or its side.
func TestDetailsFitAtTheDefaultSize(t *testing.T) {
	w := newTestWindow(t)
	w.app.Settings().SetTheme(theme.DefaultTheme()) // measure with the real sizes
	size := newPrefs(w.app.Preferences()).windowSize(fyne.NewSize(1280, 800))
	w.Resize(size)
	st, d := w.state, w.details
	check := func(what string) {
		t.Helper()
		capture(w)
		d.scroll.Refresh()
		capture(w)
		view, need := d.scroll.Size(), d.box.MinSize()
		if need.Height > view.Height || need.Width > view.Width {
			t.Errorf("at %v, %s needs %v in a panel of %v:\n%s", size, what, need, view, detailsText(w))
		}
	}
	shown := 0
	for _, lang := range []string{"en", "es"} {
		st.SetLanguage(lang)
		st.ClearSelection()
		check(lang + ": the opening")
		for _, p := range st.Story().Places {
			st.SelectPlace(p)
			check(fmt.Sprintf("%s: place %s", lang, p.Name))
			shown++
		}
		for _, it := range st.Story().Items {
			st.SelectItem(it)
			check(fmt.Sprintf("%s: item %q", lang, it.Title.In(lang)))
			shown++
		}
		w.story.start()
		for range st.Shown().Items {
			check(fmt.Sprintf("%s: the slide of %q", lang, st.Item().Title.In(lang)))
			w.story.step(1)
		}
		w.story.stop()
	}
	if shown < 2*(4+12) {
		t.Errorf("only %d places and items checked", shown)
	}
}
