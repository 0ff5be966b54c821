package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"sovmap/assets/i18n"
	"sovmap/geo/appstate"
	"sovmap/geo/geotest"
	"sovmap/geo/scene"
	"sovmap/geo/story"
)

// Every interface text the code asks for exists in every language: a
// missing key would show as an empty menu item or label.
func TestEveryTextKeyIsTranslated(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"../geo/scene", "../geo/export"} {
		more, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		files = append(files, more...)
	}
	uses := regexp.MustCompile(`(?:tr|i18n\.T)\([^,()]+, "([a-z][a-z.]+)"\)`)
	seen := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range uses.FindAllSubmatch(src, -1) {
			seen++
			for _, lang := range i18n.Languages {
				if !i18n.Has(lang, string(m[1])) {
					t.Errorf("%s: no %s text for %q", f, lang, m[1])
				}
			}
		}
	}
	if seen < 40 {
		t.Errorf("found only %d uses of interface text: is the pattern still right?", seen)
	}
}

// Spanish is Spanish throughout: no interface text under es is the English
// one (but for the few words both languages share), and the built-in
// story's texts and its attribution are Spanish too.
func TestSpanishIsSpanishThroughout(t *testing.T) {
	same := map[string]bool{"side.mx": true, "filter.actor": true, "caption.actor": true} // "MX"; "Actor" is Spanish too
	i18n.Each(func(lang, key, text string) {
		if lang == "es" && !same[key] && text == i18n.T("en", key) {
			t.Errorf("es %s is the English %q", key, text)
		}
	})
	st := appstate.New(geotest.BuiltInStory(t), "es")
	st.SetMap(geotest.Map(t))
	english := regexp.MustCompile(`\b(based on|early|Story|Boundaries|public domain|Sources|more)\b`)
	if a := scene.Attribution(st); english.MatchString(a) {
		t.Errorf("the Spanish attribution has English in it: %q", a)
	}
	s := st.Story()
	for _, it := range s.Items {
		for what, text := range map[string]story.Text{"title": it.Title, "summary": it.Summary} {
			if text.In("es") == text.In("en") {
				t.Errorf("item %s: its %s is the same in Spanish as in English: %q", it.ID, what, text.In("en"))
			}
		}
		for _, src := range it.Sources {
			if english.MatchString(src.Name.In("es")) {
				t.Errorf("item %s: the source %q is named in English under es", it.ID, src.Name.In("es"))
			}
		}
	}
	if s.Title.In("es") == s.Title.In("en") {
		t.Errorf("the story's title is not in Spanish: %q", s.Title.In("es"))
	}
}
