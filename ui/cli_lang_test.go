package ui

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sovmap/geo/geotest"
	"sovmap/geo/storyfile"
)

// The command line speaks the language it is asked to (--lang), else the
// system's: its help, its errors and the readers' errors it passes on.
func TestCommandLineSpeaksSpanish(t *testing.T) {
	for _, tc := range []struct {
		system string
		args   []string
		want   string
	}{
		{"es_MX.UTF-8", nil, "es"},
		{"en_US.UTF-8", nil, "en"},
		{"C.UTF-8", nil, "en"},
		{"en_US.UTF-8", []string{"--lang", "es"}, "es"},
		{"en_US.UTF-8", []string{"--export", "a.png", "--lang=es"}, "es"},
		{"es_MX.UTF-8", []string{"-lang", "en"}, "en"},
		{"es_MX.UTF-8", []string{"--lang", "fr"}, "es"}, // refused later, said in the system's language
		{"en_US.UTF-8", []string{"--", "--lang", "es"}, "en"},
	} {
		t.Setenv("LC_ALL", "")
		t.Setenv("LANGUAGE", "")
		t.Setenv("LANG", tc.system)
		if got := commandLanguage(tc.args); got != tc.want {
			t.Errorf("LANG=%s %v: %s, want %s", tc.system, tc.args, got, tc.want)
		}
	}

	s := geotest.BuiltInStory(t)
	var help bytes.Buffer
	if _, err := parseArgs([]string{"--help"}, s, &help, "es"); !errors.Is(err, flag.ErrHelp) {
		t.Fatal(err)
	}
	for _, want := range []string{"Uso:", "Opciones:", "--export ARCHIVO", "(por defecto: 1920x1080)", "--lang IDIOMA"} {
		if !strings.Contains(help.String(), want) {
			t.Errorf("the Spanish help lacks %q:\n%s", want, help.String())
		}
	}
	for _, english := range []string{"Usage:", "default", "write the map"} {
		if strings.Contains(help.String(), english) {
			t.Errorf("the Spanish help says %q", english)
		}
	}

	missing := filepath.Join(t.TempDir(), "no-such.csv")
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("lat,lon,date,title\n19.4,-99.1,2025-13-01,a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args   []string
		es, en string
	}{
		{[]string{"--export", "a.pdf"}, `tipo de archivo desconocido ".pdf"`, `unknown file type ".pdf"`},
		{[]string{"--export", "a.png", "--size", "3x"}, `--size: el tamaño "3x" no es ANCHOxALTO`, `--size: size "3x" is not WIDTHxHEIGHT`},
		{[]string{"--limit", "3"}, "--limit va con --find", "--limit goes with --find"},
		{[]string{"--from", "2025-02-30"}, `--from "2025-02-30": escriba una fecha como AAAA-MM-DD`, "want a date as YYYY-MM-DD"},
		// The flag package's own errors, in its English, said again.
		{[]string{"--colour", "red"}, "no existe la opción --colour", "there is no flag --colour"},
		{[]string{"--export"}, "--export necesita un valor", "--export needs a value"},
		{[]string{"--find", "x", "--limit", "ten"}, `--limit "ten": no es un valor que admita`, `--limit "ten": not a value it takes`},
		{[]string{"--strict=maybe"}, `--strict "maybe": no es un valor que admita`, `--strict "maybe": not a value it takes`},
	} {
		_, err := parseArgs(tc.args, s, &bytes.Buffer{}, "es")
		if err == nil || !strings.Contains(say("es", err), tc.es) || !strings.Contains(say("en", err), tc.en) {
			t.Errorf("%v: Spanish %q, English %q; want %q and %q", tc.args, say("es", err), say("en", err), tc.es, tc.en)
		}
	}
	// The readers' errors, made in geo/storyfile, reach the user in Spanish.
	for _, tc := range []struct {
		path, want string
	}{
		{missing, missing + ": el archivo no existe"},
		{dir, dir + ": es una carpeta, no un archivo de historia"},
	} {
		_, _, err := storyfile.Read(context.Background(), tc.path, storyfile.Options{})
		if got := say("es", err); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.path, got, tc.want)
		}
	}
	_, _, err := storyfile.Read(context.Background(), bad, storyfile.Options{Strict: true})
	if err == nil {
		t.Fatalf("%s: read with no item", bad)
	}
	if got := say("es", err); !strings.Contains(got, "línea 2: hecho row-1: la fecha \"2025-13-01\" no es una fecha que Sovmap sepa leer") {
		t.Errorf("%s: %q", bad, got)
	}
}
