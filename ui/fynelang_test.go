package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
)

// Fyne's own words (its file dialogs', a question's Yes) follow the
// window's language, whatever the system's: English and Spanish windows
// on English and Spanish systems, and on a system of no language (C).
func TestFyneWordsFollowTheWindow(t *testing.T) {
	for _, system := range []string{"en_US.UTF-8", "es_MX.UTF-8", "C.UTF-8"} {
		t.Run(system, func(t *testing.T) {
			t.Setenv("LC_ALL", "")
			t.Setenv("LANGUAGE", "")
			t.Setenv("LANG", system)
			for _, tc := range []struct{ lang, cancel, yes, open string }{
				{"es", "Cancelar", "Sí", "Abrir"},
				{"en", "Cancel", "Yes", "Open"},
				{"es", "Cancelar", "Sí", "Abrir"},
			} {
				if err := fyneLanguage(tc.lang); err != nil {
					t.Fatal(err)
				}
				if got := []string{lang.L("Cancel"), lang.L("Yes"), lang.L("Open")}; !slices.Equal(got, []string{tc.cancel, tc.yes, tc.open}) {
					t.Errorf("a window in %s shows Fyne's words as %v", tc.lang, got)
				}
			}
		})
	}
}

// fyneTranslations is the list of Fyne's own translations, as the Fyne
// the build uses has them.
func TestFyneTranslationsAreFynes(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "fyne.io/fyne/v2").Output()
	if err != nil {
		t.Skipf("no go list: %v", err)
	}
	files, err := os.ReadDir(filepath.Join(strings.TrimSpace(string(out)), "lang", "translations"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(f.Name(), "base."), ".json")
		got = append(got, strings.ReplaceAll(name, "_", "-"))
	}
	want := slices.Clone(fyneTranslations)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("Fyne's translations are %v; fyneTranslations lists %v", got, want)
	}
}
