package storyfile_test

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"

	"sovmap/geo/geotest"
	"sovmap/geo/story"
)

// The source the built-in story summarises, outside the repository; the
// test keeps only a fingerprint of it (testdata/source-runs.txt: a hash
// of every run of copyRun words, never its prose) and the quotes it
// gives, and checks that fingerprint against it where it is present.
const (
	sourceArticle = "../../../shared/story/source-article.txt"
	sourceRuns    = "testdata/source-runs.txt"
	copyRun       = 10 // words in a row that make a text copied
)

// words is a text's words as the fingerprint compares them: lower case,
// curly quotes and apostrophes as straight ones, anything but letters and
// digits a break.
func words(s string) []string {
	s = strings.NewReplacer("’", "'", "‘", "'").Replace(strings.ToLower(s))
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// runHashes are the hashes of every run of copyRun words in s.
func runHashes(s string) []uint64 {
	w := words(s)
	var out []uint64
	for i := 0; i+copyRun <= len(w); i++ {
		h := fnv.New64a()
		h.Write([]byte(strings.Join(w[i:i+copyRun], " ")))
		out = append(out, h.Sum64())
	}
	return out
}

// quoted splits a text into what it says in its own words and what it
// puts in quotation marks ("…" or “…”).
func quoted(s string) (own string, quotes []string) {
	var b strings.Builder
	in := false
	var q strings.Builder
	for _, r := range s {
		switch {
		case r == '"' || r == '“' || r == '”':
			if in {
				quotes = append(quotes, q.String())
				q.Reset()
			}
			in = !in
			b.WriteString(" | ") // a quote breaks a run of words
		case in:
			q.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), quotes
}

// loadRuns reads the fingerprint: the source's quotes (lines "quote: …")
// and its runs' hashes (one hex number a line).
func loadRuns(t *testing.T) (map[uint64]bool, []string) {
	t.Helper()
	f, err := os.Open(sourceRuns)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	runs := map[uint64]bool{}
	var quotes []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if q, ok := strings.CutPrefix(line, "quote: "); ok {
			quotes = append(quotes, q)
			continue
		}
		var h uint64
		if _, err := fmt.Sscanf(line, "%x", &h); err == nil {
			runs[h] = true
		}
	}
	return runs, quotes
}

// fingerprint is what testdata/source-runs.txt holds for a source text.
func fingerprint(src string) string {
	var b strings.Builder
	b.WriteString("# The fingerprint of ../shared/story/source-article.txt: its quotes, then a hash (FNV-1a, 64 bits)\n")
	fmt.Fprintf(&b, "# of each run of %d words (lower case, letters and digits). Rewritten by TestSourceFingerprint.\n", copyRun)
	_, quotes := quoted(src)
	for _, q := range quotes {
		b.WriteString("quote: " + q + "\n")
	}
	hs := runHashes(src)
	slices.Sort(hs)
	for _, h := range slices.Compact(hs) {
		fmt.Fprintf(&b, "%016x\n", h)
	}
	return b.String()
}

// The committed fingerprint is the source's, where the source is present
// (SOVMAP_WRITE_FINGERPRINT=1 rewrites it).
func TestSourceFingerprint(t *testing.T) {
	src, err := os.ReadFile(sourceArticle)
	if err != nil {
		t.Skip("no source article at " + sourceArticle)
	}
	want := fingerprint(string(src))
	if os.Getenv("SOVMAP_WRITE_FINGERPRINT") != "" {
		if err := os.WriteFile(sourceRuns, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(sourceRuns)
	if err != nil || string(got) != want {
		t.Errorf("%s is not the fingerprint of %s (%v): SOVMAP_WRITE_FINGERPRINT=1 go test -run SourceFingerprint rewrites it", sourceRuns, sourceArticle, err)
	}
}

// Every text of the built-in story is our own words: none carries
// copyRun or more words in a row of the source outside quotation marks,
// and in English a quotation mark holds only what the source quotes
// someone as saying; in Spanish a quote, a translation, is marked
// "(traducción propia)" (facts.md's rules).
func TestBuiltInStoryOwnWords(t *testing.T) {
	runs, sourceQuotes := loadRuns(t)
	s := geotest.BuiltInStory(t)
	type text struct {
		where string
		t     story.Text
	}
	texts := []text{{"title", s.Title}, {"description", s.Description}, {"credit", s.Credit}}
	for _, src := range s.Sources {
		texts = append(texts, text{"source " + src.ID, src.Name})
	}
	for _, it := range s.Items {
		for _, f := range []text{{"title", it.Title}, {"summary", it.Summary}, {"victims", it.Victims},
			{"date note", it.DateNote}, {"location note", it.LocationNote}, {"category", it.Category}} {
			texts = append(texts, text{it.ID + " " + f.where, f.t})
		}
	}
	for _, tx := range texts {
		for lang, v := range tx.t {
			own, quotes := quoted(v)
			for i, h := range runHashes(own) {
				if runs[h] {
					t.Errorf("%s (%s) copies the source: %q…", tx.where, lang, strings.Join(words(own)[i:i+copyRun], " "))
					break
				}
			}
			for _, q := range quotes {
				switch {
				case lang == "en" && !slices.ContainsFunc(sourceQuotes, func(sq string) bool {
					return strings.Contains(strings.Join(words(sq), " "), strings.Join(words(q), " "))
				}):
					t.Errorf("%s (en) quotes %q, which the source quotes no one as saying", tx.where, q)
				case lang == "es" && !strings.Contains(v, "\""+q+"\" (traducción propia)") && !strings.Contains(v, q+"\" (traducción propia)"):
					t.Errorf("%s (es) quotes %q without marking it \"(traducción propia)\"", tx.where, q)
				}
			}
		}
	}
}
