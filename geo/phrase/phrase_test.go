package phrase_test

import (
	"errors"
	"io/fs"
	"testing"

	"sovmap/geo/phrase"
)

// spanish is a small table of words for the tests.
func spanish(format string) string {
	return map[string]string{
		"%s: line %d: %w":    "%s: línea %d: %w",
		"%s row":             "%s fila",
		"%s rows":            "%s filas",
		"not a date":         "no es una fecha",
		"%s skipped (%v)":    "%s omitidas (%v)",
		"cannot read %s: %w": "no se puede leer %s: %w",
		"the file is empty":  "el archivo está vacío",
	}[format]
}

func TestIn(t *testing.T) {
	inner := phrase.New("not a date")
	outer := phrase.Errorf("%s: line %d: %w", "a.csv", 3, inner)
	osErr := phrase.Errorf("cannot read %s: %w", "b.csv", fs.ErrPermission)
	tests := []struct {
		name    string
		english string
		in      string
		got     func(phrase.Words) string
	}{
		{"an error wrapping an error", "a.csv: line 3: not a date", "a.csv: línea 3: no es una fecha", func(w phrase.Words) string { return phrase.In(outer, w) }},
		{"a text whose argument is a text", "2 rows skipped (the file is empty)", "2 filas omitidas (el archivo está vacío)",
			func(w phrase.Words) string {
				return phrase.F("%s skipped (%v)", phrase.F("%s rows", "2"), phrase.New("the file is empty")).In(w)
			}},
		{"an error of the system keeps its words", "cannot read b.csv: permission denied", "no se puede leer b.csv: permission denied", func(w phrase.Words) string { return phrase.In(osErr, w) }},
		{"a format with no words in the language keeps its English", "a.csv, column 3: not a date", "a.csv, column 3: no es una fecha",
			func(w phrase.Words) string {
				return phrase.In(phrase.Errorf("%s, column %d: %w", "a.csv", 3, inner), w)
			}},
		{"an error made elsewhere", "plain", "plain", func(w phrase.Words) string { return phrase.In(errors.New("plain"), w) }},
	}
	for _, tt := range tests {
		if got := tt.got(nil); got != tt.english {
			t.Errorf("%s: English %q, want %q", tt.name, got, tt.english)
		}
		if got := tt.got(spanish); got != tt.in {
			t.Errorf("%s: Spanish %q, want %q", tt.name, got, tt.in)
		}
	}
	if outer.Error() != "a.csv: line 3: not a date" {
		t.Errorf("Error() = %q", outer.Error())
	}
}

func TestErrorsWrapAsFmtDoes(t *testing.T) {
	inner := phrase.New("not a date")
	err := phrase.Errorf("%s: %w", "a.csv", inner)
	if !errors.Is(err, inner) {
		t.Error("errors.Is does not find the wrapped phrase")
	}
	if !errors.Is(phrase.Errorf("cannot read %s: %w", "b", fs.ErrPermission), fs.ErrPermission) {
		t.Error("errors.Is does not find the wrapped system error")
	}
	if errors.Unwrap(phrase.New("x")) != nil || len(phrase.New("x").(*phrase.Error).Unwrap()) != 0 {
		t.Error("an error with no %w wraps something")
	}
	var e *phrase.Error
	if !errors.As(phrase.Errorf("%d", 1), &e) || e.Format != "%d" {
		t.Error("errors.As does not find the phrase")
	}
}
