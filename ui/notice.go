package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sovmap/assets/i18n"
	"sovmap/geo/appstate"
	"sovmap/geo/phrase"
	"sovmap/geo/storyfile"
)

// notice says, without stopping the user, what opening a file used and
// what it could not ("5,070 items loaded, 1 row skipped"; "811 of 811
// incidents are outside Mexico"), with the reasons a click away. It sits
// above the details panel until closed or another story opens.
type notice struct {
	w       *Window
	text    *widget.Label
	details *widget.Button
	box     *fyne.Container
	rep     storyfile.Report
	// outside of placed shown incidents lie outside Mexico.
	outside, placed int
}

func newNotice(w *Window) *notice {
	n := &notice{w: w, text: widget.NewLabel("")}
	n.text.Wrapping = fyne.TextWrapWord
	n.details = widget.NewButton("", n.showDetails)
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { n.box.Hide() })
	closeBtn.Importance = widget.LowImportance
	n.box = container.NewBorder(nil, nil, nil, container.NewHBox(n.details, closeBtn), n.text)
	n.box.Hide()
	w.state.Listen(appstate.LanguageChanged, func(appstate.Change) { n.show() })
	return n
}

// report shows what reading a file did, if there is anything to say.
func (n *notice) report(rep storyfile.Report, shown *appstate.Shown) {
	n.rep = rep
	n.rep.Notes = append([]phrase.Text(nil), rep.Notes...)
	n.outside, n.placed = shown.Outside, shown.Placed
	n.show()
}

func (n *notice) show() {
	lang := n.w.state.Lang()
	rep := n.rep
	var parts []string
	if rep.Skipped > 0 || rep.Merged > 0 || len(rep.Notes) > 0 {
		parts = append(parts, fmt.Sprintf(plural(lang, rep.Items, "report.loaded"), number(rep.Items)))
	}
	if rep.Skipped > 0 {
		parts = append(parts, fmt.Sprintf(plural(lang, rep.Skipped, "report.skipped"), number(rep.Skipped)))
	}
	if rep.Merged > 0 {
		parts = append(parts, fmt.Sprintf(plural(lang, rep.Merged, "report.merged"), number(rep.Merged)))
	}
	if n.outside > 0 {
		parts = append(parts, fmt.Sprintf(tr(lang, "report.outside"), number(n.outside), number(n.placed)))
	}
	if len(parts) == 0 {
		n.box.Hide()
		return
	}
	n.text.SetText(strings.Join(parts, "; ") + ".")
	n.details.SetText(tr(lang, "report.details"))
	if len(rep.Problems) == 0 && len(rep.Notes) == 0 {
		n.details.Hide()
	} else {
		n.details.Show()
	}
	n.box.Show()
}

// showDetails lists the rows skipped, with their lines and reasons, and
// how the file was understood.
func (n *notice) showDetails() {
	lang := n.w.state.Lang()
	var b strings.Builder
	words := i18n.Phrases(lang)
	for _, p := range n.rep.Problems {
		b.WriteString(p.Text().In(words) + "\n")
	}
	if more := n.rep.Skipped - len(n.rep.Problems); more > 0 {
		fmt.Fprintf(&b, tr(lang, "report.more")+"\n", number(more))
	}
	for _, note := range n.rep.Notes {
		b.WriteString(note.In(words) + "\n")
	}
	text := widget.NewLabel(strings.TrimSpace(b.String()))
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(520, 260))
	dialog.ShowCustom(clipText(n.rep.File, 80), tr(lang, "report.close"), scroll, n.w)
}

// number writes a count with thousands separators: 5,070.
func number(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, d := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	return b.String()
}

// plural picks key's text for one, or key+".many" for other counts.
func plural(lang string, n int, key string) string {
	if n == 1 {
		return tr(lang, key)
	}
	return tr(lang, key+".many")
}
