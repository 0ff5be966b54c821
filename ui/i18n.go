package ui

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"sovmap/ui/i18n"
)

// systemLanguage is the system locale's language when we speak it, else English.
func systemLanguage() string {
	l := strings.ToLower(lang.SystemLocale().LanguageString())
	for _, code := range i18n.Languages {
		if strings.HasPrefix(l, code) {
			return code
		}
	}
	return "en"
}

// tr is the interface text for key in lang.
func tr(lang, key string) string { return i18n.T(lang, key) }
