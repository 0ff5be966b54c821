package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// messageCalls are the functions whose format argument (at the index
// given) is a message shown to the user: each such format needs its
// Spanish.
var messageCalls = map[string][]int{
	"phrase.Errorf": {0}, "phrase.New": {0}, "phrase.F": {0},
	"skipf": {0},    // a row's problem, in geo/storyfile
	"fail":  {1},    // a GeoJSON file's problem at an offset, in geo/storyfile
	"count": {1, 2}, // a number of things, one and many, in geo/storyfile
	"sayf":  {1},    // a line of the command line, in ui
	"errf":  {1},    // an error of the command line, in ui
}

// userFacing are the packages whose errors reach the user: none of them
// may make an error with fmt or errors, whose words cannot be translated.
var userFacing = []string{"geo/storyfile", "geo/export", "geo/video", "geo/atomicfile", "geo/story", "geo/storyedit", "geo/recovery"}

// sourceFormats walks the module's Go files (tests left out) and returns
// every message format given to a messageCalls function, with where;
// with the calls that make an error with fmt or errors in a userFacing
// package, and those that give a format made at run time.
func sourceFormats(t *testing.T) (formats map[string]string, fmtErrors, built []string) {
	t.Helper()
	root := filepath.Join("..", "..")
	formats = map[string]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		checked := slices.Contains(userFacing, filepath.ToSlash(rel))
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			name := ""
			switch fun := call.Fun.(type) {
			case *ast.Ident:
				name = fun.Name
			case *ast.SelectorExpr:
				name = fun.Sel.Name
				if x, ok := fun.X.(*ast.Ident); ok && (x.Name == "phrase" || x.Name == "fmt" || x.Name == "errors") {
					name = x.Name + "." + name
				}
			}
			if checked && (name == "fmt.Errorf" || name == "errors.New") {
				fmtErrors = append(fmtErrors, fset.Position(call.Pos()).String())
			}
			for _, i := range messageCalls[name] {
				if len(call.Args) <= i {
					continue
				}
				lit, ok := call.Args[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					// A format made at run time could not be looked up;
					// only a function passing its own format on may.
					if id, ok := call.Args[i].(*ast.Ident); !ok || !strings.HasSuffix(strings.ToLower(id.Name), "format") {
						built = append(built, fset.Position(call.Args[i].Pos()).String())
					}
					continue
				}
				s, err := strconv.Unquote(lit.Value)
				if err == nil && hasWords(s) {
					formats[s] = fset.Position(lit.Pos()).String()
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return formats, fmtErrors, built
}

var verb = regexp.MustCompile(`%[-+# 0-9.\[\]]*[a-zA-Z%]`)

// hasWords reports whether a format says anything beyond its verbs and
// punctuation ("%q", "%s: %v" need no translation).
func hasWords(format string) bool {
	return strings.ContainsFunc(verb.ReplaceAllString(format, ""), func(r rune) bool {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	})
}

// TestEveryMessageHasItsSpanish holds every message a user can be shown
// (a reader's error, a note on how a file was read, a line of the command
// line) to have Spanish words in phrases, with the same verbs in the same
// order; and the packages whose errors reach the user to make them as
// phrases.
func TestEveryMessageHasItsSpanish(t *testing.T) {
	formats, fmtErrors, built := sourceFormats(t)
	if len(formats) < 100 {
		t.Fatalf("only %d message formats found in the sources: is the walk broken?", len(formats))
	}
	var missing []string
	for f, at := range formats {
		es, ok := spanishPhrases[f]
		if !ok {
			missing = append(missing, at+": "+strconv.Quote(f))
			continue
		}
		if a, b := verbs(f), verbs(es); !slices.Equal(a, b) {
			t.Errorf("%s: %q has the verbs %v, its Spanish %q has %v", at, f, a, es, b)
		}
	}
	slices.Sort(missing)
	if len(missing) > 0 {
		if path := os.Getenv("SOVMAP_MISSING_PHRASES"); path != "" {
			os.WriteFile(path, []byte(strings.Join(missing, "\n")+"\n"), 0o644)
		}
		t.Errorf("%d messages have no Spanish in phrases:\n%s", len(missing), strings.Join(missing, "\n"))
	}
	for f := range spanishPhrases {
		if _, ok := formats[f]; !ok {
			t.Errorf("phrases has Spanish for %q, which no source file says any more", f)
		}
	}
	for _, at := range built {
		t.Errorf("%s: a message's format made at run time, which no table can give in Spanish: give each whole message its own format", at)
	}
	for _, at := range fmtErrors {
		t.Errorf("%s: an error made with fmt or errors in a package whose errors reach the user: make it with phrase", at)
	}
}

// verbs are a format's verbs, in order, with %w read as %v (phrase shows
// them alike).
func verbs(format string) []string {
	v := verb.FindAllString(format, -1)
	for i := range v {
		if v[i] == "%w" {
			v[i] = "%v"
		}
	}
	return v
}
