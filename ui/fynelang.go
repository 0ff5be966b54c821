package ui

import (
	"encoding/json"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"github.com/jeandeaual/go-locale"
	"golang.org/x/text/language"

	"sovmap/assets/i18n"
)

// fyneTranslations are the languages Fyne 2.7.1 has its own words in
// (its lang/translations): it shows the one nearest the system's
// languages. TestFyneTranslationsAreFynes holds the list to Fyne's files.
var fyneTranslations = []string{"en", "cs", "de", "el", "es", "fr", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "zh-Hans"}

// fyneLanguage puts Fyne's own words (the file dialogs' Open, Save,
// Cancel and New Folder, a question's Yes and No) in the window's
// language lang: Fyne takes its language from the system's, so a Spanish
// window on an English system showed English in its file dialogs. The
// words of lang are given to Fyne under the language it shows.
//
// Fyne's language left as it is needs no words given: each giving has
// Fyne read the system's languages again, and print its complaint about a
// system language it cannot read (LANG=C.UTF-8) again.
func fyneLanguage(code string) error {
	words, ok := i18n.FyneWords[code]
	shown := fyneShown()
	if !ok || (code == strings.SplitN(shown, "-", 2)[0] && !fyneWordsGiven) {
		return nil
	}
	data, err := json.Marshal(words)
	if err != nil {
		return err
	}
	fyneWordsGiven = true
	return lang.AddTranslationsForLocale(data, fyne.Locale(shown))
}

// fyneWordsGiven is set once fyneLanguage has given Fyne words: from
// then on a language change gives them, the system's included.
var fyneWordsGiven bool

// fyneShown is the language of Fyne's words, as Fyne chooses it: the
// nearest of its translations to the system's languages, English for
// none (LANG=C) or none it can read.
func fyneShown() string {
	tags := make([]language.Tag, len(fyneTranslations))
	for i, t := range fyneTranslations {
		tags[i] = language.Make(t)
	}
	locs, _ := locale.GetLocales()
	var want []language.Tag
	for _, l := range locs {
		if t, err := language.Parse(l); err == nil {
			want = append(want, t)
		}
	}
	_, i, _ := language.NewMatcher(tags).Match(want...)
	return fyneTranslations[i]
}
