package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"sovmap/assets/i18n"
	"sovmap/geo/phrase"
)

// say is err's message in lang. The readers', writers' and command
// line's errors are made as phrases (geo/phrase), so that their words
// follow the window's language and the command line's.
func say(lang string, err error) string { return phrase.In(err, i18n.Phrases(lang)) }

// sayf is a message made from an English format, in lang.
func sayf(lang, format string, args ...any) string {
	return phrase.F(format, args...).In(i18n.Phrases(lang))
}

// showError shows err in an error dialog, in lang.
func showError(lang string, err error, w fyne.Window) {
	dialog.ShowError(errors.New(say(lang, err)), w)
}
