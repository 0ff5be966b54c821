package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"sovmap/assets/i18n"
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
