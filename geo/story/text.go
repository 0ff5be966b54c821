package story

import (
	"bytes"
	"encoding/json"
	"reflect"
)

// Text is a piece of story text in one or more languages, keyed by language
// code ("en", "es"). In a file it is either a plain string (taken as English)
// or an object of language to text.
type Text map[string]string

// UnmarshalJSON accepts a string or an object of strings; null is no
// text (as omitting it is), never the empty English text.
func (t *Text) UnmarshalJSON(b []byte) error {
	if string(bytes.TrimSpace(b)) == "null" {
		*t = nil
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*t = Text{"en": s}
		return nil
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		return &json.UnmarshalTypeError{Value: "non-text", Type: reflect.TypeOf(""), Offset: 0}
	}
	*t = m
	return nil
}

// In returns the text in lang, falling back to English, then to the first language
// in alphabetical order.
func (t Text) In(lang string) string { return t[t.Lang(lang)] }

// Lang is the language In(lang) gives the text in: lang where the text
// has it, else the one it falls back to; "" for no text.
func (t Text) Lang(lang string) string {
	if _, ok := t[lang]; ok {
		return lang
	}
	if _, ok := t["en"]; ok {
		return "en"
	}
	best := ""
	for lang := range t {
		if best == "" || lang < best {
			best = lang
		}
	}
	return best
}
