package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"sovmap/geo/story"
)

// At the size the window opens at on a 1280x800 screen, in either
// language, every row of the timeline shows its whole title, on one line or
// two.
func TestTimelineTitlesAreWholeAtTheDefaultSize(t *testing.T) {
	w := newTestWindow(t)
	w.app.Settings().SetTheme(theme.DefaultTheme()) // measure with the real sizes
	w.Resize(newPrefs(w.app.Preferences()).windowSize(fyne.NewSize(1280, 800)))
	capture(w)
	tl := w.timeline
	if tl.titleWidth < 100 {
		t.Fatalf("the titles have %v units", tl.titleWidth)
	}
	for _, lang := range []string{"en", "es"} {
		w.state.SetLanguage(lang)
		for _, it := range tl.rows {
			if it == nil {
				continue
			}
			label := rowLabel(it, lang, true)
			if got := fitLines(label, tl.titleWidth, 2); got != label {
				t.Errorf("%s: the row %q is cut to %q in %v units", lang, label, got, tl.titleWidth)
			}
		}
	}
}

// fitLines cuts at word-wrapped lines, as a label wraps them.
func TestFitLines(t *testing.T) {
	one := fyne.MeasureText("Huitzilac: Shooting", theme.TextSize(), fyne.TextStyle{}).Width
	tests := []struct {
		text  string
		width float32
		lines int
		cut   bool
	}{
		{"Huitzilac: Shooting", one + 4, 1, false},
		{"Huitzilac: Shooting in Huitzilac", one + 4, 2, false},
		{"Huitzilac: Shooting in Huitzilac and further words here", one + 4, 3, true},
		{"Supercalifragilisticexpialidocious", 40, 0, true}, // broken within the word
		{"anything", 0, 0, false},                           // width unknown: left whole
	}
	for _, tc := range tests {
		if got := wrappedLines(tc.text, tc.width); tc.lines > 0 && got != tc.lines {
			t.Errorf("wrappedLines(%q, %v) = %d, want %d", tc.text, tc.width, got, tc.lines)
		}
		fit := fitLines(tc.text, tc.width, 2)
		if cut := fit != tc.text; cut != tc.cut {
			t.Errorf("fitLines(%q, %v, 2) = %q", tc.text, tc.width, fit)
		}
		if tc.width > 0 && wrappedLines(fit, tc.width) > 2 {
			t.Errorf("fitLines(%q, %v, 2) = %q, on more than two lines", tc.text, tc.width, fit)
		}
	}
}

// The quick way agrees with the slow one on every title of the story in
// both languages, at widths from a few words to a whole line: fitLines'
// halving with taking off one character at a time, as it did before.
func TestFitLinesAgreesWithTheSlowWay(t *testing.T) {
	w := newTestWindow(t)
	slow := func(s string, width float32, n int) string {
		if wrappedLines(s, width) <= n {
			return s
		}
		r := []rune(s)
		for len(r) > 1 {
			r = r[:len(r)-1]
			if cut := strings.TrimSpace(string(r)) + "…"; wrappedLines(cut, width) <= n {
				return cut
			}
		}
		return "…"
	}
	checked := 0
	for _, lang := range []string{"en", "es"} {
		for _, it := range w.state.Story().Items {
			label := rowLabel(it, lang, true)
			// The widths either side of the whole title's are where the
			// two could part.
			whole := measureLine(label)
			for _, width := range []float32{whole + 1, whole + 3, 60, 105, 150, 195, 240, 285, 330, 375, 420} {
				if got, want := fitLines(label, width, 2), slow(label, width, 2); got != want {
					t.Errorf("fitLines(%q, %v, 2) = %q, the slow way %q", label, width, got, want)
				}
				checked++
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d titles and widths checked", checked)
	}
}

// A row names an incident's place before its title, but not twice where
// the title is the place's name.
func TestRowLabel(t *testing.T) {
	p := &story.Place{Name: "Huitzilac"}
	tests := []struct {
		it   *story.Item
		want string
	}{
		{&story.Item{Kind: story.Incident, Place: p, Title: story.Text{"en": "Shooting"}}, "Huitzilac: Shooting"},
		{&story.Item{Kind: story.Incident, Place: p, Title: story.Text{"en": "Huitzilac"}}, "Huitzilac"},
		{&story.Item{Kind: story.Incident, Title: story.Text{"en": "Shooting"}}, "Shooting"},
		{&story.Item{Kind: story.Event, Place: p, Title: story.Text{"en": "Talks"}}, "Talks"},
	}
	for _, tt := range tests {
		if got := rowLabel(tt.it, "en", true); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.it, got, tt.want)
		}
	}
}
