package ui

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"

	"sovmap/assets/i18n"
	"sovmap/geo/geotest"
	"sovmap/geo/story"
)

// Every character the interface shows, in both languages and in the
// built-in story, is in the fonts the app carries (Fyne's bundled theme
// fonts): none may depend on the fonts of the machine it runs on, which a
// Windows or macOS machine, or Wine, may lack.
func TestInterfaceGlyphsAreBundled(t *testing.T) {
	texts := map[string]string{} // text -> where it is from
	i18n.Each(func(lang, key, text string) { texts[text] = lang + " " + key })
	s := geotest.BuiltInStory(t)
	for _, lang := range i18n.Languages {
		texts[s.Title.In(lang)] = "story title"
		texts[s.Description.In(lang)] = "story description"
		for _, it := range s.Items {
			texts[it.Title.In(lang)] = "item " + it.ID
			for _, x := range []story.Text{it.DateNote, it.Summary, it.Victims, it.Category, it.LocationNote} {
				texts[x.In(lang)] = "item " + it.ID
			}
			for _, src := range it.Sources {
				texts[src.Name.In(lang)] = "item " + it.ID
			}
			if it.Place != nil {
				texts[it.Place.Name] = "place " + it.Place.ID
			}
		}
	}
	for _, res := range []fyne.Resource{theme.DefaultTextFont(), theme.DefaultTextBoldFont()} {
		face, err := font.ParseTTF(bytes.NewReader(res.Content()))
		if err != nil {
			t.Fatalf("%s: %v", res.Name(), err)
		}
		missing := map[rune]string{}
		for text, from := range texts {
			for _, r := range text {
				if unicode.IsControl(r) {
					continue
				}
				if _, ok := face.NominalGlyph(r); !ok {
					missing[r] = from
				}
			}
		}
		var list []string
		for r, from := range missing {
			list = append(list, fmt.Sprintf("%q U+%04X (%s)", r, r, from))
		}
		sort.Strings(list)
		if len(list) > 0 {
			t.Errorf("%s lacks %d characters the interface uses:\n%s", res.Name(), len(list), strings.Join(list, "\n"))
		}
	}
	if len(texts) < 100 {
		t.Errorf("only %d texts checked: is the collection still right?", len(texts))
	}
}
