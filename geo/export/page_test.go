package export_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sovmap/geo/appstate"
	"sovmap/geo/export"
	"sovmap/geo/story"
)

// pageData reads the story data a page carries.
func pageData(t *testing.T, page []byte) map[string]any {
	t.Helper()
	m := regexp.MustCompile(`(?s)<script type="application/json" id="sovmap-data">(.*?)</script>`).FindSubmatch(page)
	if m == nil {
		t.Fatal("the page carries no story data")
	}
	var d map[string]any
	if err := json.Unmarshal(m[1], &d); err != nil {
		t.Fatalf("the page's story data is not JSON: %v", err)
	}
	return d
}

// exportPage exports what st shows as an interactive page, and reads it.
func exportPage(t *testing.T, st *appstate.Session) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "story.html")
	if err := export.Map(path, st, export.DefaultOptions(st)); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return page
}

// An interactive page is one file that loads nothing: a policy that allows
// only what is inline, no address to fetch anything from, the map as
// inline SVG with a marker for each place, and the story's places and
// items in both languages.
func TestPageIsSelfContained(t *testing.T) {
	st := newState(t, 1280, 720)
	st.SelectPlace(st.Story().PlaceByID("teocaltiche"))
	page := exportPage(t, st)
	if !bytes.Contains(page, []byte(`http-equiv="Content-Security-Policy" content="default-src 'none';`)) {
		t.Error("no Content-Security-Policy that allows nothing by default")
	}
	// Namespaces name addresses but load nothing; anything else that
	// could fetch (src, href, url(), @import) must not name one.
	fetch := regexp.MustCompile(`(?i)(src|href|action)\s*=\s*["']?\s*(https?:|//)|url\(\s*["']?\s*(https?:|//)|@import`)
	if m := fetch.Find(page); m != nil {
		t.Errorf("the page could fetch from elsewhere: %q", m)
	}
	if bytes.Contains(page, []byte("<?xml")) {
		t.Error("the inline SVG kept its XML prolog")
	}
	for _, p := range st.Story().Places {
		if !bytes.Contains(page, []byte(`id="marker-`+p.ID+`"`)) {
			t.Errorf("no marker for %s in the page's map", p.ID)
		}
	}
	d := pageData(t, page)
	if d["selected"] != "teocaltiche" {
		t.Errorf("selected %v, want the window's teocaltiche", d["selected"])
	}
	items := d["items"].([]any)
	if len(items) != len(st.Story().Items) {
		t.Errorf("%d items, want %d", len(items), len(st.Story().Items))
	}
	first := items[0].(map[string]any)
	for _, lang := range []string{"en", "es"} {
		if first["title"].(map[string]any)[lang] == "" || len(first["lines"].(map[string]any)[lang].([]any)) < 2 {
			t.Errorf("the first item has no %s title or details", lang)
		}
	}
}

// A story's text cannot break out of the page: a title that closes the
// script is carried as data.
func TestPageEscapesTheStory(t *testing.T) {
	st := newState(t, 1280, 720)
	evil := `</script><script>alert(1)</script><img src=x onerror=alert(2)>`
	s := *st.Story()
	s.Title = story.Text{"en": evil, "es": evil}
	st.SetStory(&s)
	path := filepath.Join(t.TempDir(), "story.html")
	if err := export.Map(path, st, export.DefaultOptions(st)); err != nil {
		t.Fatal(err)
	}
	page, _ := os.ReadFile(path)
	if bytes.Contains(page, []byte("<script>alert")) || bytes.Contains(page, []byte("<img src=x")) {
		t.Error("the story's title reached the page as markup")
	}
	if d := pageData(t, page); !strings.Contains(d["title"].(map[string]any)["en"].(string), "alert(1)") {
		t.Error("the title is not carried as data")
	}
}

// A page is for a story, not a country's whole history: too many items
// are refused with a way out, and nothing is written.
func TestPageRefusesTooManyItems(t *testing.T) {
	if export.MaxPageItems > 20000 {
		t.Skip("the limit is higher than this test's story")
	}
	st := newState(t, 1280, 720)
	s := *st.Story()
	s.Items = append([]*story.Item(nil), s.Items...)
	base := s.Items[0]
	for i := 0; len(s.Items) <= export.MaxPageItems; i++ {
		it := *base
		it.ID = fmt.Sprintf("extra-%d", i)
		s.Items = append(s.Items, &it)
	}
	st.SetStory(&s)
	path := filepath.Join(t.TempDir(), "big.html")
	err := export.Map(path, st, export.DefaultOptions(st))
	if err == nil || !strings.Contains(err.Error(), "filter the story") {
		t.Errorf("a page of %d items: %v; want a refusal that says to filter", len(s.Items), err)
	}
	if _, statErr := os.Stat(path); statErr == nil {
		t.Error("a refused page left a file")
	}
}

// The page's map speaks each of its languages: the legend, attribution
// and country names of each in a group the page switches to, the page's
// language shown and the other hidden, each with its own markers; no id
// is used twice in the page; the geometry is written once.
func TestPageMapSpeaksEveryLanguage(t *testing.T) {
	st := newState(t, 1280, 720)
	page := exportPage(t, st)
	groups := regexp.MustCompile(`<g class="lang" data-lang="(en|es)"( display="none")?>`).FindAllSubmatch(page, -1)
	if len(groups) == 0 {
		t.Fatal("the page's map has no language groups")
	}
	for _, g := range groups {
		if hidden := len(g[2]) > 0; hidden != (string(g[1]) != "en") {
			t.Errorf("the %s group is hidden: %v (the page is in English)", g[1], hidden)
		}
	}
	for _, want := range []string{"Boundaries: INEGI", "Límites: INEGI", "United States of America", "Estados Unidos", "Drug cartel", "Cártel, según la nota"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("the page's map has no %q", want)
		}
	}
	for _, p := range st.Story().Places {
		for _, id := range []string{"marker-" + p.ID, "es-marker-" + p.ID} {
			if !bytes.Contains(page, []byte(`id="`+id+`"`)) {
				t.Errorf("no marker %s in the page's map", id)
			}
		}
	}
	seen := map[string]bool{}
	for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllSubmatch(page, -1) {
		if id := string(m[1]); seen[id] {
			t.Errorf("id %q is used twice", id)
		} else {
			seen[id] = true
		}
	}
	if n := bytes.Count(page, []byte(`id="states"`)); n != 1 {
		t.Errorf("the states are drawn %d times", n)
	}
	// The legend and attribution the page writes under a zoomed map, in
	// each language.
	key, _ := pageData(t, page)["key"].(map[string]any)
	for lang, attribution := range map[string]string{"en": "Boundaries: INEGI", "es": "Límites: INEGI"} {
		k, _ := key[lang].(map[string]any)
		legend, _ := k["legend"].([]any)
		if len(legend) == 0 || !strings.HasPrefix(fmt.Sprint(k["attribution"]), attribution) {
			t.Errorf("%s: the page's key has %d legend entries and attribution %q", lang, len(legend), k["attribution"])
			continue
		}
		for _, e := range legend {
			e := e.(map[string]any)
			if sym := fmt.Sprint(e["symbol"]); !strings.HasPrefix(sym, "<svg ") || !strings.HasSuffix(sym, "</svg>") || e["text"] == "" {
				t.Errorf("%s: legend entry %q has symbol %.60q", lang, e["text"], sym)
			}
		}
	}
}
