package storyedit

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"sovmap/assets/i18n"
	"sovmap/geo/story"
)

// Problem is what is wrong with one field of an item, in words for the
// person writing it.
type Problem struct {
	Field   string // "title", "date", "place", "sources", "source_url"
	Message string
}

// MaxText is the longest text a field may hold, in bytes: a summary is a
// paragraph, not a document.
const MaxText = 4000

// Check lists what keeps an item from being saved in a story, in lang: a
// title in no language, a source missing or whose address is not a web
// address, a range that ends before it starts, a place with no name, a
// field longer than MaxText. An empty list: the item can be saved.
func Check(it *story.Item, lang string) []Problem {
	var out []Problem
	add := func(field, key string, args ...any) {
		out = append(out, Problem{field, fmt.Sprintf(i18n.T(lang, "check."+key), args...)})
	}
	if strings.TrimSpace(it.Title.In("en")) == "" && strings.TrimSpace(it.Title.In("es")) == "" {
		add("title", "title")
	}
	for _, f := range []struct {
		name string
		t    story.Text
	}{{"title", it.Title}, {"summary", it.Summary}, {"victims", it.Victims}, {"date_note", it.DateNote}, {"location_note", it.LocationNote}, {"category", it.Category}} {
		for _, s := range f.t {
			if len(s) > MaxText {
				add(f.name, "long", len(s), MaxText)
			}
		}
	}
	if d := it.Date; d.Precision == story.Range {
		if _, err := story.ParseDate(d.ISO(), story.Range); err != nil {
			add("date", "range")
		}
	}
	if it.Kind == story.Event && it.Place != nil {
		add("place", "eventplace")
	}
	if p := it.Place; p != nil {
		if strings.TrimSpace(p.Name) == "" {
			add("place", "placename")
		}
		if err := story.CheckLonLat(p.Point); err != nil {
			add("place", "lonlat")
		}
	}
	if len(it.Sources) == 0 {
		add("sources", "source")
	}
	for _, src := range it.Sources {
		if strings.TrimSpace(src.Name.In("en")) == "" && strings.TrimSpace(src.Name.In("es")) == "" {
			add("sources", "source")
		}
		if !WebAddress(src.URL) {
			add("source_url", "url", clip(src.URL, 60))
		}
	}
	if !WebAddress(it.SourceURL) {
		add("source_url", "url", clip(it.SourceURL, 60))
	}
	return out
}

// WebAddress reports whether s is an http or https address with a host,
// or empty (no address given).
func WebAddress(s string) bool {
	if s == "" {
		return true
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// clip cuts s to about n bytes, at a character's start.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
