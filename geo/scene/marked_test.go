package scene_test

import (
	"strings"
	"testing"

	"sovmap/geo/appstate"
	"sovmap/geo/scene"
	"sovmap/geo/story"
)

func TestMarked(t *testing.T) {
	for _, tc := range []struct {
		text story.Text
		lang string
		mark bool
		want string
	}{
		{story.Text{"en": "Shooting", "es": "Tiroteo"}, "es", true, "Tiroteo"},
		{story.Text{"en": "Shooting"}, "es", true, "Shooting (en inglés)"},
		{story.Text{"es": "Tiroteo"}, "en", true, "Tiroteo (in Spanish)"},
		{story.Text{"es": "Tiroteo"}, "en", false, "Tiroteo"},
		{story.Text{"fr": "Fusillade"}, "es", true, "Fusillade (en otro idioma)"},
		{story.Text{"en": ""}, "es", true, ""},
		{nil, "en", true, ""},
	} {
		if got := scene.Marked(tc.text, tc.lang, tc.mark); got != tc.want {
			t.Errorf("Marked(%v, %s, %v) = %q, want %q", tc.text, tc.lang, tc.mark, got, tc.want)
		}
	}
}

// A story written in both languages marks an item's text given in one
// only; a file of one language (read as English) is not marked in
// Spanish throughout.
func TestItemLinesMarkTheOtherLanguage(t *testing.T) {
	half := &story.Item{ID: "a", Kind: story.Event, Title: story.Text{"en": "Raid", "es": "Operativo"}, Summary: story.Text{"en": "Police raided a house."}}
	plain := &story.Item{ID: "b", Kind: story.Event, Title: story.Text{"en": "Balacera"}, Summary: story.Text{"en": "Hubo una balacera."}}
	for _, tc := range []struct {
		items []*story.Item
		marks bool
	}{{[]*story.Item{half}, true}, {[]*story.Item{plain}, false}} {
		st := appstate.New(&story.Story{Items: tc.items}, "es")
		it := tc.items[0]
		lines := scene.ItemLines(it, "es", st.Writes("es"))
		var all strings.Builder
		for _, l := range lines {
			all.WriteString(l.Text + "\n")
		}
		if got := strings.Contains(all.String(), "(en inglés)"); got != tc.marks {
			t.Errorf("%s in Spanish: marked %v, want %v:\n%s", it.ID, got, tc.marks, all.String())
		}
		if strings.Contains(lines[0].Text, "(en inglés)") && it == half {
			t.Errorf("the title, given in Spanish, is marked: %q", lines[0].Text)
		}
	}
}
